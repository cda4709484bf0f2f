package crossfile

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/internal/load"
)

// TestBundledExamples runs the cross-file checks over every bundled example,
// the way the CLI does (load, lint.LintAll, Apply). None of the example
// requests names a policy that an example carries, so no request finding may
// appear. The only cross-reference is a policy id that two beta update
// examples share (an older and a newer revision of the same docs page).
func TestBundledExamples(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "examples")
	// The JSON, .http and Markdown examples: the PowerShell and Terraform
	// copies of Microsoft's examples reuse the same docs pages' ids, and
	// TestScriptsAgainstPolicies covers them.
	var dirs []string
	for _, d := range []string{"docs", "emlint", "http"} {
		dirs = append(dirs, filepath.Join(root, d))
	}
	inputs := load.Files(dirs, load.Options{})
	files := lint.LintAll(inputs, lint.Options{})
	before := map[string]int{}
	requests, policies := 0, 0
	for _, f := range files {
		if f.Status == lint.Failed {
			t.Fatalf("%s: %s", f.Name, f.Reason)
		}
		before[f.Name] = len(f.Findings)
		switch f.Kind {
		case "request":
			requests++
		case "policy":
			policies++
		}
	}
	if requests < 10 || policies < 10 {
		t.Fatalf("found %d requests and %d policies under %s", requests, policies, root)
	}
	Apply(inputs, files)
	var added []string
	for _, f := range files {
		for _, x := range f.Findings {
			if strings.HasPrefix(x.Rule, "crossfile-") {
				added = append(added, filepath.ToSlash(x.File)+" "+x.Rule+" "+x.Pointer)
				if _, ok := f.Source[x.Line]; !ok {
					t.Errorf("%s: line %d not kept for the finding's snippet", f.Name, x.Line)
				}
			}
		}
		if n := len(f.Findings) - before[f.Name]; n < 0 {
			t.Errorf("%s: lost %d findings", f.Name, -n)
		}
	}
	want := "testdata/examples/docs/beta/policy/accesspackageassignmentpolicy-update-oldrev-ex01-malformed-guids.json crossfile-duplicate-policy-id /id"
	if len(added) != 1 || !strings.HasSuffix(added[0], want) {
		t.Fatalf("cross-file findings over the examples: %q, want only %q", added, want)
	}
}

// TestApplyByName checks that Apply finds each file's data by name when the
// files are not parallel to the inputs (the CLI appends excluded files).
func TestApplyByName(t *testing.T) {
	inputs := []load.File{
		{Name: "r.json", Data: []byte(v1Request("userAdd", ""))},
		{Name: "p.json", Data: []byte(v1Policy(`"allowedTargetScope": "notSpecified"`))},
	}
	files := lint.LintAll(inputs, lint.Options{})
	files = append([]lint.File{{Name: "excluded.json", Status: lint.Skipped}}, files...)
	Apply(inputs, files)
	for i, f := range files {
		var cross []string
		for _, x := range f.Findings {
			if strings.HasPrefix(x.Rule, "crossfile-") {
				cross = append(cross, x.Rule)
			}
		}
		want := 0
		if f.Name == "r.json" {
			want = 1
		}
		if len(cross) != want || (want == 1 && cross[0] != RuleRequestTypeAllowed) {
			t.Errorf("files[%d] %s: cross-file findings %q", i, f.Name, cross)
		}
	}
	for _, x := range files[1].Findings {
		if _, ok := files[1].Source[x.Line]; !ok {
			t.Errorf("r.json: line %d not kept for the finding's snippet", x.Line)
		}
	}
}

// TestApplyReadsNothingWithoutPolicies: requests that name policies are read
// again only when the run holds a policy with an id to check them against.
func TestApplyReadsNothingWithoutPolicies(t *testing.T) {
	inputs := []load.File{{Name: "r.json", Data: []byte(v1Request("userAdd", ""))}}
	files := lint.LintAll(inputs, lint.Options{})
	if !files[0].CrossRef {
		t.Fatalf("the request names a policy, so it takes part: %+v", files[0])
	}
	if anyPolicy(files) {
		t.Errorf("a run of requests only has no policy to check them against")
	}
	withPolicy := append(files, lint.LintAll([]load.File{{Name: "p.json", Data: []byte(v1Policy(`"allowedTargetScope": "notSpecified"`))}}, lint.Options{})...)
	if !anyPolicy(withPolicy) {
		t.Errorf("a policy with an id must make the requests count")
	}
	http := []lint.File{{Name: "calls.http", Status: lint.Linted, CrossRef: true, Kind: "request"}}
	if !anyPolicy(http) {
		t.Errorf("an .http file may hold a policy beside its requests")
	}
}
