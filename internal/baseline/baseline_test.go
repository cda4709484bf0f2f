package baseline

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func f(file, rule, ptr string, line, col int) finding.Finding {
	return finding.Finding{File: file, Rule: rule, Pointer: ptr, Line: line, Col: col, Severity: finding.Error, Message: rule + " at " + ptr}
}

func write(t *testing.T, fs []finding.Finding) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, fs); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.String()
}

func load(t *testing.T, s string) *Baseline {
	t.Helper()
	b, err := Load(strings.NewReader(s))
	if err != nil {
		t.Fatalf("Load: %v\n%s", err, s)
	}
	return b
}

// keys renders findings as file|rule|pointer|line for comparisons.
func keys(fs []finding.Finding) string {
	var out []string
	for _, x := range fs {
		out = append(out, x.File+"|"+x.Rule+"|"+x.Pointer+"|"+strconv.Itoa(x.Line))
	}
	return strings.Join(out, " ")
}

func TestWriteFormat(t *testing.T) {
	fs := []finding.Finding{
		f("policies/b.json", "schema-enum", "/allowedTargetScope", 8, 25),
		f("./policies/a.json", "id-format", "/accessPackage/id", 3, 1),
		f("policies/b.json", "cross-version-property", "/durationInDays", 7, 3),
		f("policies/b.json", "schema-enum", "/allowedTargetScope", 9, 25), // same key: count 2
		f("policies/a.json", "json-syntax", "", 1, 1),
		f("policies/<a&b>.json", "id-format", "/x~1y", 1, 1),
	}
	want := `{
  "version": 1,
  "findings": [
    {"file":"policies/<a&b>.json","rule":"id-format","pointer":"/x~1y","count":1},
    {"file":"policies/a.json","rule":"id-format","pointer":"/accessPackage/id","count":1},
    {"file":"policies/a.json","rule":"json-syntax","pointer":"","count":1},
    {"file":"policies/b.json","rule":"cross-version-property","pointer":"/durationInDays","count":1},
    {"file":"policies/b.json","rule":"schema-enum","pointer":"/allowedTargetScope","count":2}
  ]
}
`
	got := write(t, fs)
	if got != want {
		t.Errorf("Write:\n%s\nwant:\n%s", got, want)
	}
	// Stable: the order of the findings does not matter.
	rev := make([]finding.Finding, len(fs))
	for i := range fs {
		rev[len(fs)-1-i] = fs[i]
	}
	if again := write(t, rev); again != got {
		t.Errorf("Write is not stable under reordering:\n%s\nvs\n%s", again, got)
	}
}

func TestWriteEmpty(t *testing.T) {
	got := write(t, nil)
	if want := "{\n  \"version\": 1,\n  \"findings\": []\n}\n"; got != want {
		t.Errorf("Write(nil) = %q, want %q", got, want)
	}
	b := load(t, got)
	if b.Len() != 0 {
		t.Errorf("Len = %d, want 0", b.Len())
	}
	in := []finding.Finding{f("a.json", "r", "/x", 1, 1)}
	if out := b.Filter(in); len(out) != 1 {
		t.Errorf("an empty baseline filtered %v", out)
	}
}

func TestRoundTrip(t *testing.T) {
	fs := []finding.Finding{
		f("a.json", "schema-required", "", 1, 1),
		f("a.json", "schema-enum", "/requestorSettings/scopeType", 5, 20),
		f("sub/b.json", "duplicate-key", "/x", 9, 3),
		f("sub/b.json", "duplicate-key", "/x", 12, 3),
	}
	b := load(t, write(t, fs))
	if b.Len() != 4 {
		t.Errorf("Len = %d, want 4", b.Len())
	}
	if out := b.Filter(fs); len(out) != 0 {
		t.Errorf("the findings a baseline was written from are not all absorbed: %s", keys(out))
	}
	// Writing what was loaded gives the same file back.
	if a, c := write(t, fs), write(t, fs); a != c {
		t.Errorf("two writes differ")
	}
}

func TestFilter(t *testing.T) {
	base := []finding.Finding{
		f("a.json", "schema-enum", "/allowedTargetScope", 4, 25),
		f("a.json", "id-format", "/accessPackage/id", 6, 11),
	}
	b := load(t, write(t, base))
	tests := []struct {
		name string
		in   []finding.Finding
		want string // keys of the findings left
	}{
		{"same findings", base, ""},
		{"moved lines and columns still match", []finding.Finding{
			f("a.json", "schema-enum", "/allowedTargetScope", 40, 2),
			f("a.json", "id-format", "/accessPackage/id", 1, 1),
		}, ""},
		{"./ and the path as written match", []finding.Finding{f("./a.json", "schema-enum", "/allowedTargetScope", 4, 25)}, ""},
		{"a second identical finding is new", []finding.Finding{
			f("a.json", "schema-enum", "/allowedTargetScope", 4, 25),
			f("a.json", "schema-enum", "/allowedTargetScope", 7, 25),
		}, "a.json|schema-enum|/allowedTargetScope|7"},
		{"the later of two is new, whatever the input order", []finding.Finding{
			f("a.json", "schema-enum", "/allowedTargetScope", 7, 25),
			f("a.json", "schema-enum", "/allowedTargetScope", 4, 25),
		}, "a.json|schema-enum|/allowedTargetScope|7"},
		{"another pointer is new", []finding.Finding{f("a.json", "schema-enum", "/requestorSettings/scopeType", 4, 25)},
			"a.json|schema-enum|/requestorSettings/scopeType|4"},
		{"another rule is new", []finding.Finding{f("a.json", "schema-type", "/allowedTargetScope", 4, 25)},
			"a.json|schema-type|/allowedTargetScope|4"},
		{"another file is new", []finding.Finding{f("b.json", "schema-enum", "/allowedTargetScope", 4, 25)},
			"b.json|schema-enum|/allowedTargetScope|4"},
		{"order of what is left is the input order", []finding.Finding{
			f("z.json", "r", "/b", 2, 1),
			f("a.json", "id-format", "/accessPackage/id", 6, 11),
			f("b.json", "r", "/a", 1, 1),
		}, "z.json|r|/b|2 b.json|r|/a|1"},
		{"no findings", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := keys(b.Filter(tt.in)); got != tt.want {
				t.Errorf("Filter = %q, want %q", got, tt.want)
			}
		})
	}
	// Filter has no memory: the counts are per call.
	for range 2 {
		if got := b.Filter(base); len(got) != 0 {
			t.Errorf("a later Filter call reports %s", keys(got))
		}
	}
}

func TestCountAndHandMerge(t *testing.T) {
	// Entries that a hand merge duplicated add up.
	b := load(t, `{"version": 1, "findings": [
		{"file": "a.json", "rule": "r", "pointer": "/x", "count": 2},
		{"file": "a.json", "rule": "r", "pointer": "/x", "count": 1}
	]}`)
	in := []finding.Finding{f("a.json", "r", "/x", 1, 1), f("a.json", "r", "/x", 2, 1), f("a.json", "r", "/x", 3, 1), f("a.json", "r", "/x", 4, 1)}
	if got, want := keys(b.Filter(in)), "a.json|r|/x|4"; got != want {
		t.Errorf("Filter = %q, want %q", got, want)
	}
	if b.Len() != 3 {
		t.Errorf("Len = %d, want 3", b.Len())
	}
}

func TestNilBaseline(t *testing.T) {
	var b *Baseline
	in := []finding.Finding{f("a.json", "r", "/x", 1, 1)}
	if got := b.Filter(in); len(got) != 1 {
		t.Errorf("a nil baseline filtered: %v", got)
	}
	if b.Len() != 0 {
		t.Errorf("nil Len = %d", b.Len())
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", "the baseline is empty"},
		{"blank", " \n\t", "the baseline is empty"},
		{"truncated", `{"version": 1, "findings": [`, "truncated"},
		{"syntax", "{\"version\": 1,\n  \"findings\": [}\n", "baseline line 2, column 16: invalid JSON"},
		{"not an object", `[]`, "baseline line 1, column 1: the baseline must be an object, not a list"},
		{"no version", `{"findings": []}`, `no "version"`},
		{"future version", `{"version": 2, "findings": []}`, "baseline version 2 is not supported (this emlint reads version 1)"},
		{"version as string", `{"version": "1", "findings": []}`, "version must be a number, not a string"},
		{"no findings", `{"version": 1}`, `no "findings" list`},
		{"findings not a list", `{"version": 1, "findings": {}}`, "findings must be a list, not an object"},
		{"unknown field", `{"version": 1, "findings": [{"file": "a", "rule": "r", "pointer": "", "count": 1, "line": 3}]}`, `unknown field "line"`},
		{"no file", `{"version": 1, "findings": [{"rule": "r", "pointer": "", "count": 1}]}`, `findings[0] has no "file"`},
		{"no rule", `{"version": 1, "findings": [{"file": "a", "pointer": "", "count": 1}]}`, `findings[0] has no "rule"`},
		{"bad pointer", `{"version": 1, "findings": [{"file": "a", "rule": "r", "pointer": "", "count": 1}, {"file": "a", "rule": "r", "pointer": "x", "count": 1}]}`,
			`findings[1] has "pointer": "x", which is not a JSON Pointer`},
		{"no count", `{"version": 1, "findings": [{"file": "a", "rule": "r", "pointer": "/x"}]}`, `findings[0] has no "count"`},
		{"zero count", `{"version": 1, "findings": [{"file": "a", "rule": "r", "pointer": "/x", "count": 0}]}`, `"count": 0, but a count is at least 1`},
		{"count as string", `{"version": 1, "findings": [{"file": "a", "rule": "r", "pointer": "/x", "count": "1"}]}`, "count must be a number, not a string"},
		{"trailing content", `{"version": 1, "findings": []} {}`, "unexpected content after the JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Load(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("Load(%q) = %v, want an error containing %q", tt.in, b, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load(%q) error = %q, want it to contain %q", tt.in, err, tt.want)
			}
		})
	}
}
