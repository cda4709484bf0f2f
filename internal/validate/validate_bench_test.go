package validate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/schemas"
)

// benchBodies are the valid example of each shape, and the same body with
// two schema errors: an unknown property and a value of the wrong type.
var benchBodies = []struct {
	api  schemas.API
	kind schemas.Kind
	file string
}{
	{schemas.Beta, schemas.Policy, "beta/policy/valid-single-stage.json"},
	{schemas.V1, schemas.Policy, "v1.0/policy/valid-approval-two-stages.json"},
	{schemas.Beta, schemas.Request, "beta/request/valid-user-add.json"},
	{schemas.V1, schemas.Request, "v1.0/request/valid-admin-add.json"},
}

// BenchmarkValidate validates one parsed body per shape with the generated
// validators: a valid body allocates nothing.
func BenchmarkValidate(b *testing.B) {
	for _, bb := range benchBodies {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "examples", "emlint", filepath.FromSlash(bb.file)))
		if err != nil {
			b.Fatal(err)
		}
		broken := strings.Replace(string(data), "{", `{"displayNme": "x", "justification": ["not a string"], `, 1)
		for _, v := range []struct {
			name string
			body string
		}{{"valid", string(data)}, {"invalid", broken}} {
			b.Run(schemas.Name(bb.api, bb.kind)+"/"+v.name, func(b *testing.B) {
				parsed, err := jsonparse.Parse([]byte(v.body))
				if err != nil {
					b.Fatal(err)
				}
				fs, err := Validate(bb.api, bb.kind, v.body, parsed.Nodes, false)
				if err != nil {
					b.Fatal(err)
				}
				if (len(fs) == 0) != (v.name == "valid") {
					b.Fatalf("%d findings for the %s body", len(fs), v.name)
				}
				b.SetBytes(int64(len(v.body)))
				b.ReportAllocs()
				for b.Loop() {
					Validate(bb.api, bb.kind, v.body, parsed.Nodes, false)
				}
			})
		}
	}
}
