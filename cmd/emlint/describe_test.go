package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestDescribeGolden describes every bundled example as the api and kind
// of its directory, in text and Markdown, against the golden files beside
// it (<file>.describe.text.golden, <file>.describe.md.golden); -update
// rewrites them. test/mermaid/run.sh renders the Markdown's charts with the
// real renderer.
func TestDescribeGolden(t *testing.T) {
	described := 0
	for _, ex := range examples(t) {
		t.Run(ex.path, func(t *testing.T) {
			shape := []string{"--api", ex.api, "--kind", ex.kind}
			if ex.api == "" {
				shape = nil
			}
			for _, f := range []struct{ format, golden string }{{"text", ".describe.text.golden"}, {"markdown", ".describe.md.golden"}} {
				r := emlint(t, "", append(append([]string{"describe", "--format", f.format}, shape...), ex.path)...)
				if r.code != 0 {
					t.Fatalf("describe --format %s: exit status %d: %s", f.format, r.code, r.stderr)
				}
				compareGolden(t, filepath.Join(repoRoot, ex.path+f.golden), r.stdout)
			}
			js := emlint(t, "", append(append([]string{"describe", "--format", "json"}, shape...), ex.path)...)
			var out struct {
				Bodies []struct {
					File, Kind string
					Policy     *struct{ Scope, Expiry string }
					Request    *struct{ RequestType string }
				}
			}
			if err := json.Unmarshal([]byte(js.stdout), &out); err != nil {
				t.Fatalf("describe --format json does not decode: %v\n%s", err, js.stdout)
			}
			for _, b := range out.Bodies {
				described++
				if b.File != ex.path || (b.Kind == "policy") != (b.Policy != nil) || (b.Kind == "request") != (b.Request != nil) {
					t.Errorf("a body's facts do not match its kind: %+v", b)
				}
			}
			// Our own valid examples are bodies: each is described.
			if strings.HasPrefix(filepath.Base(ex.path), "valid-") && len(out.Bodies) == 0 {
				t.Errorf("a valid example was not described:\n%s", js.stdout)
			}
		})
	}
	if described < 20 {
		t.Errorf("only %d bodies described across the examples", described)
	}
}
