package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/position"
	"github.com/emlint/emlint/internal/validate"
	"github.com/emlint/emlint/rules"
	"github.com/emlint/emlint/schemas"
)

// fuzzShapes are the ways a run can be told what a body is: detect, or one
// of the four shapes forced with --api and --kind, or the kind alone.
var fuzzShapes = []Options{
	{},
	{API: schemas.Beta, Kind: schemas.Policy},
	{API: schemas.V1, Kind: schemas.Policy},
	{API: schemas.Beta, Kind: schemas.Request},
	{API: schemas.V1, Kind: schemas.Request},
	{Kind: schemas.Policy},
	{Kind: schemas.Request},
}

// FuzzLint lints arbitrary bytes as every shape and checks that no panic
// is recovered (Lint turns one into a failed file), that a file is linted
// or skipped, and that every finding has a known rule, a severity, and
// offsets and a line and column that lie within the data.
func FuzzLint(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "examples", "*", "*", "*", "*.json"))
	if len(paths) == 0 {
		f.Fatal("no seed bodies under testdata/examples")
	}
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint8(i))
	}
	for i, s := range []string{
		``, ` `, "\xEF\xBB\xBF", "\xEF\xBB\xBF{}", "\xFF\xFE{\x00}\x00", `[]`, `null`, `1e400`, `-0`,
		validRequest, validRemove, badIDRemove,
		"{\"requestType\": \"adminRemove\",\n \"requestType\": \"adminRemove\", \"assignment\": {\"id\": 1e400}}",
		`{"requestType": "adminAdd", "assignment": {"accessPackageId": "x"}} {"second": 1}`,
		`{"accessPackage": {"id": "é"}, "expiration": {"type": "afterDuration", "duration": "P99999999999999999999D"}}`,
		`{"durationInDays": 123456789012345678901234567890, "accessPackageId": -0, "requestApprovalSettings": {"approvalStages": [{}, {}, {}, {}]}}`,
		"{\"requestType\": \"adminAdd\", \"answers\": [{\"\x00\": 1}]",
		`{"questions": [{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "regexPattern": "(((", "sequence": 1e400}]}`,
	} {
		f.Add([]byte(s), uint8(i))
	}
	known := map[string]bool{}
	for _, r := range rules.All {
		known[r.ID] = true
	}
	for _, r := range validate.RuleDocs {
		known[r.ID] = true
	}
	for _, r := range RuleDocs {
		known[r.ID] = true
	}
	f.Fuzz(func(t *testing.T, data []byte, shape uint8) {
		opts := fuzzShapes[int(shape)%len(fuzzShapes)]
		res := Lint("fuzz.json", data, opts)
		switch res.Status {
		case Linted, Skipped:
		case Failed:
			t.Fatalf("lint failed (%+v): %s", opts, res.Reason)
		default:
			t.Fatalf("status %q", res.Status)
		}
		if res.Status == Skipped && (len(res.Findings) > 0 || opts.Kind != "") {
			t.Fatalf("skipped with %d findings (kind %q)", len(res.Findings), opts.Kind)
		}
		lineCount := position.NewLines(data).Count()
		for _, x := range res.Findings {
			if !known[x.Rule] {
				t.Errorf("unknown rule %q", x.Rule)
			}
			if x.Severity < finding.Info || x.Severity > finding.Error {
				t.Errorf("%s: severity %d", x.Rule, x.Severity)
			}
			if x.File != "fuzz.json" || strings.TrimSpace(x.Message) == "" {
				t.Errorf("%s: file %q, message %q", x.Rule, x.File, x.Message)
			}
			if x.Start < 0 || x.Start > x.End || x.End > len(data) {
				t.Errorf("%s at %q: offsets [%d, %d) outside [0, %d]", x.Rule, x.Pointer, x.Start, x.End, len(data))
			}
			if x.Line < 1 || x.Col < 1 || x.EndLine < x.Line || x.EndLine == x.Line && x.EndCol < x.Col {
				t.Errorf("%s at %q: %d:%d-%d:%d", x.Rule, x.Pointer, x.Line, x.Col, x.EndLine, x.EndCol)
			}
			if x.Line > lineCount || x.EndLine > lineCount {
				t.Errorf("%s at %q: line %d-%d of %d", x.Rule, x.Pointer, x.Line, x.EndLine, lineCount)
			}
			if _, ok := res.Source[x.Line]; !ok {
				t.Errorf("%s at %q: line %d not kept for its snippet", x.Rule, x.Pointer, x.Line)
			}
			if x.Pointer != "" && x.Pointer[0] != '/' {
				t.Errorf("%s: pointer %q is not a JSON Pointer", x.Rule, x.Pointer)
			}
		}
	})
}
