package playground

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/emlint/emlint/internal/cli"
)

// cliFinding is what the two must agree on, as the JSON report has it.
type cliFinding struct {
	Line, Column, EndLine, EndColumn int
	Severity, Rule, Message, Pointer string
	Fix                              *cliFix
}

type cliFix struct {
	Description string
	Edits       []struct{}
}

// TestSameFindingsAsCLI lints every bundled example with the playground's
// core and with `emlint lint --no-config --format json FILE`, and wants the
// same findings in the same order, with the same fixes. (The page calls
// the same core compiled to WebAssembly; test/playground/run.sh checks the
// compiled one against the CLI binary too.)
func TestSameFindingsAsCLI(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "examples")
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".golden") || filepath.Base(path) == "MANIFEST.md" {
			return err
		}
		n++
		data := readFile(t, path)
		var out, errOut bytes.Buffer
		cli.Main([]string{"lint", "--no-config", "--format", "json", path}, cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut})
		var report struct {
			Findings []cliFinding
			Files    []struct{ Status, API, Kind string }
		}
		if err := json.Unmarshal(out.Bytes(), &report); err != nil {
			t.Fatalf("%s: the CLI's report: %v\n%s%s", path, err, out.String(), errOut.String())
		}
		resp := Lint(Request{Text: string(data), Lang: LangOf(path)})
		if resp.Error != "" {
			t.Fatalf("%s: %s", path, resp.Error)
		}
		var got []cliFinding
		for _, f := range resp.Findings {
			g := cliFinding{f.Line, f.Column, f.EndLine, f.EndColumn, f.Severity, f.Rule, f.Message, f.Pointer, nil}
			if f.Fix != nil {
				g.Fix = &cliFix{f.Fix.Description, make([]struct{}, len(f.Fix.Edits))}
			}
			got = append(got, g)
		}
		for i, f := range report.Findings {
			if f.Fix != nil && len(f.Fix.Edits) == 0 {
				report.Findings[i].Fix = nil // a fix the container cannot take: the page offers none
			}
		}
		if got == nil {
			got = []cliFinding{}
		}
		if !reflect.DeepEqual(got, report.Findings) {
			t.Errorf("%s: the playground's findings differ from the CLI's\nplayground: %s\ncli:        %s", path, js(got), js(report.Findings))
		}
		if len(report.Files) == 1 && (report.Files[0].Status != resp.Status || report.Files[0].API != resp.API || report.Files[0].Kind != resp.Kind) {
			t.Errorf("%s: status %s %s %s, the CLI says %+v", path, resp.Status, resp.API, resp.Kind, report.Files[0])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Fatalf("only %d bundled examples found under %s", n, root)
	}
}

func js(v any) string { b, _ := json.Marshal(v); return string(b) }

// TestOffsetsAreUTF16 checks the spans the editor gets: a finding after
// non-ASCII text (é is two bytes and one unit, 😀 four bytes and two
// units) starts where JavaScript's string index says, and a fix's edit
// replaces exactly the value.
func TestOffsetsAreUTF16(t *testing.T) {
	text := `{"justification": "Café 😀", "id": "x", "requestType": "adminAdd", "assignment": {"targetId": "9f4e7a2c-1b3d-4e5f-8a6b-7c8d9e0f1a2b", "assignmentPolicyId": "9f4e7a2c-1b3d-4e5f-8a6b-7c8d9e0f1a2b", "accessPackageId": "not-a-guid"}}`
	resp := Lint(Request{Text: text, Lang: "json"})
	units := utf16.Encode([]rune(text))
	slice := func(from, to int) string { return string(utf16.Decode(units[from:to])) }
	var sawFix, sawID bool
	for _, f := range resp.Findings {
		if f.Rule == "id-format" && f.Pointer == "/assignment/accessPackageId" {
			sawID = true
			if got := slice(f.From, f.To); got != `"not-a-guid"` {
				t.Errorf("id-format spans %q, want the id's value", got)
			}
		}
		if f.Fix != nil {
			for _, e := range f.Fix.Edits {
				if got := slice(e.From, e.To); !strings.HasPrefix(got, `, "id": "x"`) && !strings.HasPrefix(got, `"id": "x"`) {
					t.Errorf("%s's fix replaces %q, want the read-only id", f.Rule, got)
				}
				sawFix = true
			}
		}
	}
	if !sawFix || !sawID {
		t.Fatalf("no fix among %s", js(resp.Findings))
	}
}

func TestGuessLang(t *testing.T) {
	for text, want := range map[string]string{
		"":                                      "json",
		"  {\"a\": 1}":                          "json",
		"[]":                                    "json",
		"$params = @{\n displayName = \"x\"\n}": "powershell",
		"New-MgEntitlementManagementAssignmentPolicy -BodyParameter $p": "powershell",
		"resource \"msgraph_resource\" \"p\" {\n}":                      "terraform",
		"POST https://graph.microsoft.com/v1.0/x\n\n{}":                 "http",
		"### create\nPOST https://graph.microsoft.com/v1.0/x\n\n{}":     "http",
		"# Policies\n\n```json\n{}\n```":                                "markdown",
		"Some words":                                                    "json",
	} {
		if got := GuessLang(text); got != want {
			t.Errorf("GuessLang(%q) = %s, want %s", text, got, want)
		}
	}
}

// TestDescribeAndHelp: a policy is described with its chart, every rule
// with a finding has its help, and a bad request is an error, not a panic.
func TestDescribeAndHelp(t *testing.T) {
	text := string(readFile(t, filepath.Join("..", "..", "testdata", "examples", "powershell", "emlint", "valid-new-policy-bodyparameter.ps1")))
	resp := Lint(Request{Text: text})
	if resp.Lang != "powershell" || !resp.Guessed {
		t.Errorf("lang %s (guessed %v), want powershell guessed", resp.Lang, resp.Guessed)
	}
	if len(resp.Describe) == 0 || resp.Describe[0].Chart == "" || len(resp.Describe[0].Rows) == 0 {
		t.Fatalf("no facts or chart for a policy script: %s", js(resp.Describe))
	}
	bad := Lint(Request{Text: `{"displayName": 1}`, Lang: "json", API: "v1.0", Kind: "policy"})
	if len(bad.Findings) == 0 {
		t.Fatal("no findings for a bad policy")
	}
	for _, f := range bad.Findings {
		if strings.TrimSpace(bad.Help[f.Rule]) == "" {
			t.Errorf("no help for %s", f.Rule)
		}
	}
	for _, req := range []string{`{"lang": "cobol"}`, `{"api": "v2"}`, `{"kind": "group"}`, `not json`} {
		var r Response
		if err := json.Unmarshal([]byte(LintJSON(req)), &r); err != nil || r.Error == "" {
			t.Errorf("LintJSON(%s): %+v, %v: want an error", req, r, err)
		}
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
