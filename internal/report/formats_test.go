package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emlint/emlint/internal/catalog"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixtureBodies are linted, in this order, into the files every format's
// golden test prints. Together they give errors, warnings and an info; a
// span over several lines; non-ASCII text before a finding (columns count
// characters); a BOM; a syntax error in a file whose name needs escaping
// in every format; a valid file; and a skipped one.
var fixtureBodies = []struct{ name, body string }{
	{"policies/finance.json", "\ufeff" + `{
  "displayName": "Équipe ✓ finance", "durationInDays": 30,
  "accessPackage": { "id": "string (identifier)" },
  "allowedTargetScope": "allMemberUser",
  "expiration": [
    1, 2
  ],
  "requestorSettings": { "enableTargetsToSelfAddAccess": true },
  "requestApprovalSettings": {
    "isApprovalRequiredForAdd": false,
    "isApprovalRequiredForUpdate": false,
    "stages": [ { "durationBeforeAutomaticDenial": "P14D", "primaryApprovers": [ { "@odata.type": "microsoft.graph.singleUser", "userId": "3c1e5f7a-9b2d-4e6f-8a0c-1b3d5f7a9c2e" } ] } ]
  }
}
`},
	{"requests/add.json", `{
  "requestType": "adminAdd",
  "assignment": {
    "targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9",
    "assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8",
    "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"
  }
}
`},
	{"odd dir/a,b:c%.json", `{"requestType": "adminAdd", "assignment": {"targetId": "x"},}`},
	{"package.json", `{"name": "x", "version": "1.0.0"}`},
}

// fixture returns the results every golden test prints: fixtureBodies
// linted, and a file that could not be linted, whose name and reason hold
// characters each format must escape.
func fixture(t *testing.T) []lint.File {
	t.Helper()
	// A fixed set of rules, so that the golden files do not change each
	// time a rule is added.
	var opts lint.Options
	for _, id := range []string{"cross-version-property", "id-format", "stages-without-approval", "odata-type-prefix"} {
		r := rules.ByID(id)
		if r == nil {
			t.Fatalf("no rule %s", id)
		}
		opts.Rules = append(opts.Rules, r)
	}
	var files []lint.File
	for _, b := range fixtureBodies {
		files = append(files, lint.Lint(b.name, []byte(b.body), opts))
	}
	files = append(files, lint.File{
		Name: `odd dir/<&>".json`, Status: lint.Failed,
		Reason: "internal error (please report it): boom \x01 100%\ngoroutine 7 [running]:",
	})
	// The fixture must keep covering what the goldens are meant to show.
	want := []lint.Status{lint.Linted, lint.Linted, lint.Linted, lint.Skipped, lint.Failed}
	sev := map[finding.Severity]int{}
	multiline := false
	for i, f := range files {
		if f.Status != want[i] {
			t.Fatalf("fixture %s: status %s, want %s (%s)", f.Name, f.Status, want[i], f.Reason)
		}
		for _, x := range f.Findings {
			sev[x.Severity]++
			multiline = multiline || x.EndLine > x.Line
		}
	}
	if len(files[1].Findings) != 0 {
		t.Fatalf("fixture %s should be valid, has %v", files[1].Name, files[1].Findings)
	}
	if sev[finding.Error] == 0 || sev[finding.Warning] == 0 || sev[finding.Info] == 0 || !multiline {
		t.Fatalf("fixture lost coverage: severities %v, multi-line span %v", sev, multiline)
	}
	return files
}

// fixtureRules is a fixed rule catalog for the SARIF golden file, so that
// it does not change with every rule's help text.
func fixtureRules(t *testing.T, files []lint.File) []catalog.Entry {
	var out []catalog.Entry
	seen := map[string]bool{}
	for _, f := range Findings(files) {
		if seen[f.Rule] {
			continue
		}
		seen[f.Rule] = true
		e, ok := catalog.ByID(f.Rule)
		if !ok {
			t.Fatalf("rule %s is not in the catalog", f.Rule)
		}
		out = append(out, catalog.Entry{ID: e.ID, Severity: e.Severity, Doc: "Doc of " + e.ID + ".", Help: "Help of " + e.ID + ":\nwhy, an example, the evidence."})
	}
	return out
}

// goldenReporters are the reporters of the golden tests, set up to print
// the same bytes on every machine.
func goldenReporters(t *testing.T, files []lint.File) map[string]Reporter {
	return map[string]Reporter{
		"sarif":      &SARIF{Version: "1.2.3", getwd: func() (string, error) { return "/src/repo", nil }, rules: fixtureRules(t, files)},
		"github":     GitHub{},
		"checkstyle": Checkstyle{},
		"junit":      &JUnit{Timestamp: time.Date(2026, 3, 1, 12, 30, 45, 0, time.FixedZone("CET", 3600))},
	}
}

func TestGolden(t *testing.T) {
	files := fixture(t)
	for format, r := range goldenReporters(t, files) {
		t.Run(format, func(t *testing.T) {
			var out bytes.Buffer
			if err := r.Report(&out, files); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("testdata", "fixture."+format+".golden"), out.Bytes())

			// Deterministic: the same input prints the same bytes, also
			// when the files come in another order.
			var again bytes.Buffer
			rev := append([]lint.File(nil), files...)
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			if err := r.Report(&again, rev); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), again.Bytes()) {
				t.Errorf("output depends on the order of the files")
			}
		})
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Fatalf("%s differs at line %d (after a deliberate change: go test ./internal/report -update, and review the diff)\ngot:  %q\nwant: %q", path, i+1, gl, wl)
		}
	}
}

func TestNewKnowsEveryFormat(t *testing.T) {
	for _, format := range Formats {
		r, err := NewWith(format, Options{})
		if err != nil || r == nil {
			t.Errorf("NewWith(%q): %v, %v", format, r, err)
		}
		// Every reporter prints an empty run without failing.
		if err := r.Report(&bytes.Buffer{}, nil); err != nil {
			t.Errorf("%s: empty run: %v", format, err)
		}
	}
	_, err := New("xml", false)
	want := "unknown format \"xml\": use text, json, sarif, github, checkstyle or junit"
	if err == nil || err.Error() != want {
		t.Errorf("New(xml) = %v, want %s", err, want)
	}
	r, _ := NewWith("sarif", Options{Version: "v1.2.3", BaseDir: "/src"})
	if s := r.(*SARIF); s.Version != "v1.2.3" || s.BaseDir != "/src" {
		t.Errorf("NewWith(sarif) dropped options: %+v", s)
	}
	ts := time.Unix(1, 0)
	r, _ = NewWith("junit", Options{Timestamp: ts})
	if j := r.(*JUnit); !j.Timestamp.Equal(ts) {
		t.Errorf("NewWith(junit) dropped the timestamp: %+v", j)
	}
	r, _ = New("text", true)
	if !r.(*Text).Color {
		t.Errorf("New(text, true) is not coloured")
	}
}

// ExampleGitHub shows the annotation of one finding.
func ExampleGitHub() {
	files := []lint.File{{Name: "p.json", Status: lint.Linted, Findings: []finding.Finding{{
		File: "p.json", Rule: "schema-enum", Severity: finding.Error, Line: 4, Col: 25, EndLine: 4, EndCol: 40,
		Message: "`allowedTargetScope` is `\"allMemberUser\"`: did you mean `\"allMemberUsers\"`?",
	}}}}
	_ = GitHub{}.Report(os.Stdout, files)
	fmt.Println()
	// Output:
	// ::error file=p.json,line=4,col=25,endLine=4,endColumn=40,title=schema-enum::`allowedTargetScope` is `"allMemberUser"`: did you mean `"allMemberUsers"`?
}
