package detect

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/schemas"
)

// FuzzDetect parses arbitrary bytes and checks that Detect never panics,
// always names a real shape for a payload, takes a given api and kind as
// given, says why it skips a body, and gives the same answer twice.
// LooksLikePayload must not panic on the raw bytes either.
func FuzzDetect(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "examples", "*", "*", "*", "*.json"))
	if len(paths) == 0 {
		f.Fatal("no seed bodies under testdata/examples")
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		`{}`, `[]`, `null`, `"requestType"`, `1e400`, `{"requestType": ""}`, `{"requestType": "\u00e9x"}`,
		`{"requestType": 7, "assignment": null}`, `{"accessPackage": [], "requestorSettings": {"scopeType": 1}}`,
		`{"requestApprovalSettings": {"stages": [], "approvalStages": []}, "requestType": "AdminAdd"}`,
		`{"name": "x", "version": "1.0.0"}`, "\xFF\xFE{\x00\"\x00r\x00\x00", "\xFF\xFE{", "\xFE\xFF\x00{\x00\"",
	} {
		f.Add([]byte(s))
	}
	apis := []schemas.API{"", schemas.Beta, schemas.V1}
	kinds := []schemas.Kind{"", schemas.Policy, schemas.Request}
	f.Fuzz(func(t *testing.T, data []byte) {
		LooksLikePayload(data)
		var values []Body
		if r, err := jsonparse.Parse(data); err == nil {
			values = append(values, Body{Src: r.Src, Nodes: r.Nodes, Dups: len(r.Duplicates) > 0})
		}
		for _, body := range values {
			for _, api := range apis {
				for _, kind := range kinds {
					r := Detect(body, api, kind)
					if !r.Payload {
						if r.Reason() == "" {
							t.Fatalf("Detect(%s, %q, %q) skips without a reason", data, api, kind)
						}
						if kind != "" {
							t.Fatalf("Detect(%s, %q, %q) skips although the kind is given", data, api, kind)
						}
						continue
					}
					if r.API != schemas.Beta && r.API != schemas.V1 || r.Kind != schemas.Policy && r.Kind != schemas.Request {
						t.Fatalf("Detect(%s, %q, %q) = %+v: not a shape", data, api, kind, r)
					}
					if api != "" && r.API != api || kind != "" && r.Kind != kind {
						t.Fatalf("Detect(%s, %q, %q) = %+v: the given api or kind was not taken", data, api, kind, r)
					}
					if again := Detect(body, api, kind); !reflect.DeepEqual(again, r) {
						t.Fatalf("Detect(%s, %q, %q) = %+v, then %+v", data, api, kind, r, again)
					}
				}
			}
		}
	})
}
