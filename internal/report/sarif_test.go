package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/catalog"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// noNetwork refuses every URL: the SARIF schema is added as a resource and
// its meta-schema (draft-04) is built into the validator, so nothing needs
// loading, and a test must never reach the network.
type noNetwork struct{}

func (noNetwork) Load(url string) (any, error) {
	return nil, fmt.Errorf("refusing to load %s: the tests never load schemas from the network", url)
}

func sarifValidator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // uri, uri-reference, date-time... are checked, not just annotated
	c.UseLoader(noNetwork{})
	// The schema's own id, so that its internal $refs resolve against it.
	id := doc.(map[string]any)["id"].(string)
	if id != sarifSchema {
		t.Fatalf("schema id %s, reporter writes $schema %s", id, sarifSchema)
	}
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateSARIF(t *testing.T, sch *jsonschema.Schema, out []byte) map[string]any {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("output does not validate against SARIF 2.1.0:\n%v\n%s", err, out)
	}
	var log map[string]any
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	return log
}

// TestSARIFSchema validates, with the real rule catalog, a run with
// findings of every severity, skipped files and a failed file, and an
// empty run.
func TestSARIFSchema(t *testing.T) {
	sch := sarifValidator(t)
	for name, files := range map[string][]lint.File{"fixture": fixture(t), "empty": nil} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			if err := (&SARIF{}).Report(&out, files); err != nil {
				t.Fatal(err)
			}
			log := validateSARIF(t, sch, out.Bytes())
			// The validation is not vacuous: a wrong value and a malformed
			// URI (format checks are on) are rejected.
			for _, bad := range [][2]string{
				{`"columnKind": "unicodeCodePoints"`, `"columnKind": "characters"`},
				{`"uri": "file:///`, `"uri": "file:///%zz/`},
			} {
				inst, err := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(out.String(), bad[0], bad[1], 1)))
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(out.String(), bad[0]) || sch.Validate(inst) == nil {
					t.Errorf("the schema accepts %s", bad[1])
				}
			}
			run := log["runs"].([]any)[0].(map[string]any)
			if run["columnKind"] != "unicodeCodePoints" {
				t.Errorf("columnKind = %v", run["columnKind"])
			}
			driver := run["tool"].(map[string]any)["driver"].(map[string]any)
			if driver["version"] != DefaultVersion {
				t.Errorf("driver version = %v, want %s", driver["version"], DefaultVersion)
			}
			rules := driver["rules"].([]any)
			if len(rules) != len(catalog.All()) {
				t.Errorf("%d rules, catalog has %d", len(rules), len(catalog.All()))
			}
			results := run["results"].([]any)
			if len(results) != len(Findings(files)) {
				t.Errorf("%d results for %d findings", len(results), len(Findings(files)))
			}
			for _, r := range results {
				r := r.(map[string]any)
				i := int(r["ruleIndex"].(float64))
				if id := rules[i].(map[string]any)["id"]; id != r["ruleId"] {
					t.Errorf("result %s has ruleIndex %d, which is %s", r["ruleId"], i, id)
				}
			}
			inv := run["invocations"].([]any)[0].(map[string]any)
			failed := name == "fixture"
			if inv["executionSuccessful"] != !failed {
				t.Errorf("executionSuccessful = %v with a failed file: %v", inv["executionSuccessful"], failed)
			}
			if n, _ := inv["toolExecutionNotifications"].([]any); failed && len(n) != 1 {
				t.Errorf("%d notifications, want 1 for the failed file", len(n))
			}
		})
	}
}

// TestSARIFLocations checks artifact URIs and regions against the spec:
// relative to %SRCROOT% with forward slashes and percent-encoding, an
// absolute file: URI outside the base, 1-based regions with an exclusive
// end, and no end before the start.
func TestSARIFLocations(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("paths below are POSIX paths")
	}
	sch := sarifValidator(t)
	f := func(name string, line, col, endLine, endCol int) lint.File {
		return lint.File{Name: name, Status: lint.Linted, Findings: []finding.Finding{{
			File: name, Rule: "not-in-catalog", Severity: finding.Info, Message: "m",
			Line: line, Col: col, EndLine: endLine, EndCol: endCol,
		}}}
	}
	files := []lint.File{
		f("repo/a b/c#d?.json", 1, 1, 1, 2),
		f("outside/x.json", 2, 3, 4, 1),
		f("/src/repo/abs.json", 5, 6, 5, 2), // end before start: dropped
		f("repo/./c:colon.json", 1, 1, 1, 1),
	}
	var out bytes.Buffer
	s := &SARIF{BaseDir: "repo", Version: "v9", getwd: func() (string, error) { return "/src", nil }}
	if err := s.Report(&out, files); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
			Tool               struct{ Driver sarifDriver }
			Results            []sarifResult
		}
	}
	validateSARIF(t, sch, out.Bytes())
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if got := run.OriginalURIBaseIDs[srcRoot].URI; got != "file:///src/repo/" {
		t.Errorf("%%SRCROOT%% = %s", got)
	}
	if run.Tool.Driver.Version != "v9" {
		t.Errorf("version = %s", run.Tool.Driver.Version)
	}
	// Names are relative to the working directory (/src), URIs to
	// BaseDir (/src/repo). Sorted by file name, as Findings orders them.
	want := []struct {
		loc    sarifArtifactLocation
		region sarifRegion
	}{
		{sarifArtifactLocation{URI: "abs.json", URIBaseID: srcRoot}, sarifRegion{5, 6, 0, 0}},
		{sarifArtifactLocation{URI: "file:///src/outside/x.json"}, sarifRegion{2, 3, 4, 1}},
		{sarifArtifactLocation{URI: "./c:colon.json", URIBaseID: srcRoot}, sarifRegion{1, 1, 1, 1}},
		{sarifArtifactLocation{URI: "a%20b/c%23d%3F.json", URIBaseID: srcRoot}, sarifRegion{1, 1, 1, 2}},
	}
	if len(run.Results) != len(want) {
		t.Fatalf("%d results", len(run.Results))
	}
	for i, r := range run.Results {
		pl := r.Locations[0].PhysicalLocation
		if pl.ArtifactLocation != want[i].loc || *pl.Region != want[i].region {
			t.Errorf("result %d: %+v %+v, want %+v %+v", i, pl.ArtifactLocation, *pl.Region, want[i].loc, want[i].region)
		}
		if r.RuleIndex != nil {
			t.Errorf("a rule outside the catalog has ruleIndex %d", *r.RuleIndex)
		}
		if r.Level != "note" {
			t.Errorf("info is level %s, want note", r.Level)
		}
	}
}
