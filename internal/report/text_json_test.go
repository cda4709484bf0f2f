package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/internal/position"
	"github.com/emlint/emlint/rules"
)

// withSeverities is a linted file with one finding of each given severity.
func withSeverities(name string, sevs ...finding.Severity) lint.File {
	f := lint.File{Name: name, Status: lint.Linted}
	for i, s := range sevs {
		f.Findings = append(f.Findings, finding.Finding{File: name, Rule: "r", Severity: s, Line: i + 1, Col: 1})
	}
	return f
}

func clean(name string) lint.File { return lint.File{Name: name, Status: lint.Linted} }
func skipped(name string) lint.File {
	return lint.File{Name: name, Status: lint.Skipped, Reason: "not a payload"}
}
func failed(name string) lint.File {
	return lint.File{Name: name, Status: lint.Failed, Reason: name + ": no such file or directory"}
}

func TestSummary(t *testing.T) {
	E, W, I := finding.Error, finding.Warning, finding.Info
	for _, c := range []struct {
		name  string
		files []lint.File
		want  string
	}{
		{"nothing at all", nil, "no problems in 0 files"},
		{"one clean file", []lint.File{clean("a")}, "no problems in 1 file"},
		{"two clean files", []lint.File{clean("a"), clean("b")}, "no problems in 2 files"},
		{"one error", []lint.File{withSeverities("a", E)}, "1 error in 1 of 1 file"},
		{"two errors", []lint.File{withSeverities("a", E, E)}, "2 errors in 1 of 1 file"},
		{"one warning", []lint.File{withSeverities("a", W)}, "1 warning in 1 of 1 file"},
		{"many warnings", []lint.File{withSeverities("a", W, W, W)}, "3 warnings in 1 of 1 file"},
		{"one info", []lint.File{withSeverities("a", I)}, "1 info in 1 of 1 file"},
		{"many infos", []lint.File{withSeverities("a", I, I)}, "2 infos in 1 of 1 file"},
		{"order is errors, warnings, infos", []lint.File{withSeverities("a", I, W, E)}, "1 error, 1 warning, 1 info in 1 of 1 file"},
		{"mixed over files", []lint.File{withSeverities("a", E, W), clean("b"), withSeverities("c", E, I, I)},
			"2 errors, 1 warning, 2 infos in 2 of 3 files"},
		{"only warnings and infos", []lint.File{withSeverities("a", W, W), withSeverities("b", I)}, "2 warnings, 1 info in 2 of 2 files"},
		{"one skipped", []lint.File{clean("a"), skipped("b")}, "no problems in 1 file; 1 file skipped"},
		{"many skipped", []lint.File{skipped("a"), skipped("b")}, "no problems in 0 files; 2 files skipped"},
		{"one failed", []lint.File{failed("a")}, "no problems in 0 files; 1 file could not be linted"},
		{"many failed", []lint.File{clean("a"), failed("b"), failed("c")}, "no problems in 1 file; 2 files could not be linted"},
		{"everything", []lint.File{withSeverities("a", E), clean("b"), skipped("c"), failed("d"), skipped("e"), withSeverities("f", W)},
			"1 error, 1 warning in 2 of 3 files; 2 files skipped; 1 file could not be linted"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Summary(c.files); got != c.want {
				t.Errorf("Summary = %q, want %q", got, c.want)
			}
		})
	}
}

func TestNew(t *testing.T) {
	r, err := New("text", true)
	if err != nil {
		t.Fatal(err)
	}
	if tr, ok := r.(*Text); !ok || !tr.Color {
		t.Errorf("New(text, true) = %#v", r)
	}
	r, _ = New("text", false)
	if tr, ok := r.(*Text); !ok || tr.Color {
		t.Errorf("New(text, false) = %#v", r)
	}
	if r, err := New("json", false); err != nil || reflect.TypeOf(r) != reflect.TypeOf(JSON{}) {
		t.Errorf("New(json) = %#v, %v", r, err)
	}
	for _, name := range Formats {
		if r, err := New(name, false); err != nil || r == nil {
			t.Errorf("New(%q) = %v, %v; every listed format must have a reporter", name, r, err)
		}
	}
	for _, name := range []string{"xml", "", "TEXT"} {
		r, err := New(name, false)
		if err == nil || r != nil {
			t.Errorf("New(%q) = %v, %v; want an error", name, r, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), `unknown format "`+name+`": use `) {
			t.Errorf("New(%q) error %q", name, err)
		}
		for _, f := range Formats {
			if !strings.Contains(err.Error(), f) {
				t.Errorf("New(%q) error %q does not list %q", name, err, f)
			}
		}
	}
}

// sample lints two small bodies: one indented with tabs, one with non-ASCII
// text before the finding on the same line.
func sample(t *testing.T) []lint.File {
	t.Helper()
	// Two rules only, so that rules added later do not change the sample.
	opts := lint.Options{Rules: []*rules.Rule{rules.IDFormat, rules.RequestTypeCasing}}
	a := lint.Lint("req.json", []byte("{\n\t\"requestType\": \"adminRemove\",\n\t\"assignment\": {\"id\": \"not-a-guid\"}\n}\n"), opts)
	b := lint.Lint("b.json", []byte(`{"justification": "Zugriff für Prüfung", "requestType": "AdminRemove", "assignment": {"id": "e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11"}}`), opts)
	for _, f := range []lint.File{a, b} {
		if f.Status != lint.Linted || len(f.Findings) != 1 {
			t.Fatalf("%s: status %q, %d findings; the sample needs one each: %+v", f.Name, f.Status, len(f.Findings), f.Findings)
		}
	}
	return []lint.File{a, b}
}

func TestTextExact(t *testing.T) {
	var buf bytes.Buffer
	if err := (&Text{}).Report(&buf, sample(t)); err != nil {
		t.Fatal(err)
	}
	// Sorted by file name: b.json first although it was given second.
	want := "" +
		"b.json:1:57: warning: v1.0 `requestType` values are camelCase: use `adminRemove`, not `AdminRemove` [request-type-casing]\n" +
		" 1 | {\"justification\": \"Zugriff für Prüfung\", \"requestType\": \"AdminRemove\", \"assignment\": {\"id\": \"e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11\"}}\n" +
		"   |                                                         ^~~~~~~~~~~~~\n" +
		"req.json:3:23: error: `id` \"not-a-guid\" is not a GUID: it has 3 groups of characters between hyphens, want 5 (8-4-4-4-12 hexadecimal digits); 'n' at character 1 is not a hexadecimal digit [id-format]\n" +
		" 3 |     \"assignment\": {\"id\": \"not-a-guid\"}\n" +
		"   |                          ^~~~~~~~~~~~\n"
	if got := buf.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// snippet splits the output for one finding into its source line and caret
// line, without their gutters.
func snippet(t *testing.T, out string) (src, caret string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("want header, source and caret lines, got:\n%s", out)
	}
	i := strings.Index(lines[1], " | ")
	j := strings.Index(lines[2], " | ")
	if i < 0 || j != i {
		t.Fatalf("gutters do not line up:\n%s", out)
	}
	return lines[1][i+3:], lines[2][j+3:]
}

func TestCaret(t *testing.T) {
	for _, c := range []struct {
		name      string
		data      string
		line, col int
		endLine   int
		endCol    int
		wantSrc   string
		wantCaret string
	}{
		{"ASCII span", `{"a": "xyz"}`, 1, 7, 1, 12, `{"a": "xyz"}`, "      ^~~~~"},
		{"one character", `{"a": 1}`, 1, 7, 1, 8, `{"a": 1}`, "      ^"},
		{"empty span still gets a caret", `{"a": 1}`, 1, 7, 1, 7, `{"a": 1}`, "      ^"},
		{"leading tab", "\t\"a\": 1", 1, 2, 1, 5, "    \"a\": 1", "    ^~~"},
		{"two tabs", "\t\t\"a\": 1", 1, 3, 1, 6, "        \"a\": 1", "        ^~~"},
		{"tab inside the span", "\"a\":\t1", 1, 4, 1, 7, "\"a\":    1", "   ^~~~~~"},
		{"tab after the span", "\"a\"\t: 1", 1, 1, 1, 4, "\"a\"    : 1", "^~~"},
		{"non-ASCII before", `{"é日": "x"}`, 1, 9, 1, 12, `{"é日": "x"}`, "        ^~~"},
		{"non-ASCII inside", `{"a": "ü😀"}`, 1, 7, 1, 11, `{"a": "ü😀"}`, "      ^~~~"},
		{"tab and non-ASCII", "\t\"ä\": \"ö\"", 1, 7, 1, 10, "    \"ä\": \"ö\"", "         ^~~"},
		{"span to a later line runs to the end of the line", "{\"a\": [ \n1]}", 1, 7, 2, 3, "{\"a\": [ ", "      ^~"},
		{"span to a later line from the last character", "{\"a\": [\n1]}", 1, 7, 2, 3, "{\"a\": [", "      ^"},
		{"span past the end of the line is cut", `{"a": 1}`, 1, 7, 1, 50, `{"a": 1}`, "      ^~"},
		{"at the end of the line", `{"a": 1`, 1, 8, 1, 8, `{"a": 1`, "       ^"},
		{"CRLF line", "{\"a\": 1}\r\n", 1, 7, 1, 8, `{"a": 1}`, "      ^"},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := lint.File{Name: "f.json", Status: lint.Linted, Source: sourceOf(position.NewLines([]byte(c.data)), c.line),
				Findings: []finding.Finding{{File: "f.json", Rule: "r", Severity: finding.Error, Message: "m",
					Line: c.line, Col: c.col, EndLine: c.endLine, EndCol: c.endCol}}}
			var buf bytes.Buffer
			if err := (&Text{}).Report(&buf, []lint.File{file}); err != nil {
				t.Fatal(err)
			}
			src, caret := snippet(t, buf.String())
			if src != c.wantSrc {
				t.Errorf("source %q, want %q", src, c.wantSrc)
			}
			if caret != c.wantCaret {
				t.Errorf("caret\n%q\nwant\n%q\nunder\n%q", caret, c.wantCaret, src)
			}
		})
	}
}

// The gutter widens with the line number and the caret line's bar stays
// under the source line's.
func TestGutter(t *testing.T) {
	data := strings.Repeat("\n", 122) + `{"a": 1}`
	file := lint.File{Name: "f.json", Status: lint.Linted, Source: sourceOf(position.NewLines([]byte(data)), 123),
		Findings: []finding.Finding{{File: "f.json", Rule: "r", Severity: finding.Info, Message: "m", Line: 123, Col: 2, EndLine: 123, EndCol: 5}}}
	var buf bytes.Buffer
	if err := (&Text{}).Report(&buf, []lint.File{file}); err != nil {
		t.Fatal(err)
	}
	want := "f.json:123:2: info: m [r]\n 123 | {\"a\": 1}\n     |  ^~~\n"
	if buf.String() != want {
		t.Errorf("got\n%q\nwant\n%q", buf.String(), want)
	}
}

// No snippet for a line the file did not keep, a line over 400 bytes, or a
// line that is not valid UTF-8.
func TestNoSnippet(t *testing.T) {
	long := `{"a": "` + strings.Repeat("x", 400) + `"}`
	for _, c := range []struct {
		name  string
		lines *position.Lines
	}{
		{"no lines", nil},
		{"long line", position.NewLines([]byte(long))},
		{"invalid UTF-8", position.NewLines([]byte("{\"a\": \"\xff\"}"))},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := lint.File{Name: "f.json", Status: lint.Linted, Source: sourceOf(c.lines, 1),
				Findings: []finding.Finding{{File: "f.json", Rule: "r", Severity: finding.Warning, Message: "m", Line: 1, Col: 2, EndLine: 1, EndCol: 5}}}
			var buf bytes.Buffer
			if err := (&Text{}).Report(&buf, []lint.File{file}); err != nil {
				t.Fatal(err)
			}
			if want := "f.json:1:2: warning: m [r]\n"; buf.String() != want {
				t.Errorf("got %q, want %q", buf.String(), want)
			}
		})
	}
	// A 400-byte line still gets one.
	exact := `{"a": "` + strings.Repeat("x", 400-9) + `"}`
	if len(exact) != 400 {
		t.Fatalf("len %d", len(exact))
	}
	file := lint.File{Name: "f.json", Status: lint.Linted, Source: sourceOf(position.NewLines([]byte(exact)), 1),
		Findings: []finding.Finding{{File: "f.json", Rule: "r", Severity: finding.Warning, Message: "m", Line: 1, Col: 2, EndLine: 1, EndCol: 5}}}
	var buf bytes.Buffer
	if err := (&Text{}).Report(&buf, []lint.File{file}); err != nil {
		t.Fatal(err)
	}
	if strings.Count(buf.String(), "\n") != 3 {
		t.Errorf("400-byte line without snippet:\n%s", buf.String())
	}
}

func TestTextNoFindings(t *testing.T) {
	var buf bytes.Buffer
	err := (&Text{Color: true}).Report(&buf, []lint.File{clean("a.json"), skipped("b.json"), failed("c.json")})
	if err != nil || buf.Len() != 0 {
		t.Errorf("got %q, %v; want no output", buf.String(), err)
	}
}

func TestTextColor(t *testing.T) {
	files := sample(t)
	var plain, colored bytes.Buffer
	if err := (&Text{Color: false}).Report(&plain, files); err != nil {
		t.Fatal(err)
	}
	if err := (&Text{Color: true}).Report(&colored, files); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b") {
		t.Errorf("colour off, but output has escape sequences:\n%q", plain.String())
	}
	c := colored.String()
	for _, seq := range []string{
		"\x1b[1mreq.json:3:23\x1b[22m", // bold position
		"\x1b[31;1merror",              // red bold error
		"\x1b[33;1mwarning",            // yellow bold warning
		"\x1b[2m[id-format]",           // faint rule
		"\x1b[32m",                     // green caret
	} {
		if !strings.Contains(c, seq) {
			t.Errorf("colour on, output lacks %q:\n%q", seq, c)
		}
	}
	// Without the escape sequences the text is the same.
	if stripped := stripANSI(c); stripped != plain.String() {
		t.Errorf("coloured output differs from plain once stripped:\n%q\n%q", stripped, plain.String())
	}
	// Infos are cyan.
	var info bytes.Buffer
	if err := (&Text{Color: true}).Report(&info, []lint.File{{Name: "i.json", Status: lint.Linted,
		Findings: []finding.Finding{{File: "i.json", Rule: "r", Severity: finding.Info, Message: "m", Line: 1, Col: 1}}}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(info.String(), "\x1b[36;1minfo") {
		t.Errorf("info not cyan: %q", info.String())
	}
}

func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			i = j
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	files := sample(t)
	if err := (&Text{}).Report(failWriter{}, files); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Text: err = %v, want disk full", err)
	}
	if err := (JSON{}).Report(failWriter{}, files); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("JSON: err = %v, want disk full", err)
	}
}

func TestJSON(t *testing.T) {
	files := sample(t)
	files = append(files, skipped("c.json"), failed("d.json"))
	var buf bytes.Buffer
	if err := (JSON{}).Report(&buf, files); err != nil {
		t.Fatal(err)
	}
	// The documented field names, exactly.
	var raw struct {
		Findings []map[string]any `json:"findings"`
		Files    []map[string]any `json:"files"`
	}
	if err := json.Unmarshal(buf.Bytes(), &raw); err != nil {
		t.Fatalf("output does not decode: %v\n%s", err, buf.String())
	}
	findingKeys := []string{"api", "column", "endColumn", "endLine", "file", "kind", "line", "message", "pointer", "rule", "severity"}
	for _, f := range raw.Findings {
		delete(f, "fix") // optional: only findings with a mechanical fix have it
		if got := keys(f); !reflect.DeepEqual(got, findingKeys) {
			t.Errorf("finding keys %v, want %v", got, findingKeys)
		}
	}
	want := []map[string]any{
		{"file": "b.json", "line": 1.0, "column": 57.0, "endLine": 1.0, "endColumn": 70.0, "severity": "warning",
			"rule": "request-type-casing", "message": "v1.0 `requestType` values are camelCase: use `adminRemove`, not `AdminRemove`",
			"pointer": "/requestType", "api": "v1.0", "kind": "request"},
		{"file": "req.json", "line": 3.0, "column": 23.0, "endLine": 3.0, "endColumn": 35.0, "severity": "error",
			"rule": "id-format", "message": files[0].Findings[0].Message,
			"pointer": "/assignment/id", "api": "v1.0", "kind": "request"},
	}
	if !reflect.DeepEqual(raw.Findings, want) {
		t.Errorf("findings\n%v\nwant\n%v", raw.Findings, want)
	}
	// Files in input order; a reason only for files that were not linted.
	wantFiles := []map[string]any{
		{"file": "req.json", "api": "v1.0", "kind": "request", "status": "linted"},
		{"file": "b.json", "api": "v1.0", "kind": "request", "status": "linted"},
		{"file": "c.json", "api": "", "kind": "", "status": "skipped", "reason": "not a payload"},
		{"file": "d.json", "api": "", "kind": "", "status": "error", "reason": "d.json: no such file or directory"},
	}
	if !reflect.DeepEqual(raw.Files, wantFiles) {
		t.Errorf("files\n%v\nwant\n%v", raw.Files, wantFiles)
	}
	// Not HTML-escaped.
	if strings.Contains(buf.String(), `\u003c`) || strings.Contains(buf.String(), `\u0026`) {
		t.Errorf("HTML escaping in output")
	}
	if !strings.HasSuffix(buf.String(), "}\n") || !strings.HasPrefix(buf.String(), "{\n  \"findings\": [") {
		t.Errorf("not indented JSON ending in a newline:\n%s", buf.String())
	}
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestJSONEmpty(t *testing.T) {
	for _, c := range []struct {
		name  string
		files []lint.File
		want  string
	}{
		{"no files", nil, "{\n  \"findings\": [],\n  \"files\": []\n}\n"},
		{"clean file", []lint.File{{Name: "a.json", API: "v1.0", Kind: "policy", Status: lint.Linted, Reason: "how it was detected"}},
			"{\n  \"findings\": [],\n  \"files\": [\n    {\n      \"file\": \"a.json\",\n      \"api\": \"v1.0\",\n      \"kind\": \"policy\",\n      \"status\": \"linted\"\n    }\n  ]\n}\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := (JSON{}).Report(&buf, c.files); err != nil {
				t.Fatal(err)
			}
			if buf.String() != c.want {
				t.Errorf("got\n%s\nwant\n%s", buf.String(), c.want)
			}
			if strings.Contains(buf.String(), "null") {
				t.Errorf("null in output")
			}
		})
	}
}

// Findings from several files are sorted by file, line, column, rule and
// message, whatever order the files and findings came in.
func TestFindingsOrder(t *testing.T) {
	mk := func(file string, line, col int, rule, msg string) finding.Finding {
		return finding.Finding{File: file, Line: line, Col: col, Rule: rule, Message: msg, Severity: finding.Error}
	}
	files := []lint.File{
		{Name: "b.json", Status: lint.Linted, Findings: []finding.Finding{mk("b.json", 2, 1, "r", "m"), mk("b.json", 1, 5, "r", "m")}},
		{Name: "a.json", Status: lint.Linted, Findings: []finding.Finding{
			mk("a.json", 10, 1, "r", "m"), mk("a.json", 2, 3, "z", "m"), mk("a.json", 2, 3, "a", "m"),
			mk("a.json", 2, 3, "a", "l"), mk("a.json", 9, 1, "r", "m"), mk("a.json", 2, 1, "r", "m"),
		}},
		{Name: "c.json", Status: lint.Skipped},
	}
	var got []string
	for _, f := range Findings(files) {
		got = append(got, f.File+":"+strconv.Itoa(f.Line)+":"+strconv.Itoa(f.Col)+" "+f.Rule+" "+f.Message)
	}
	want := []string{
		"a.json:2:1 r m", "a.json:2:3 a l", "a.json:2:3 a m", "a.json:2:3 z m",
		"a.json:9:1 r m", "a.json:10:1 r m",
		"b.json:1:5 r m", "b.json:2:1 r m",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// The pointers point into the files, not at copies.
	if p := Findings(files); len(p) > 0 && p[len(p)-1] != &files[0].Findings[0] {
		t.Error("Findings returned copies")
	}

	// The JSON output follows the same order.
	var buf bytes.Buffer
	if err := (JSON{}).Report(&buf, files); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Findings []struct {
			File         string
			Line, Column int
			Rule         string
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	var gotJSON []string
	for _, f := range out.Findings {
		gotJSON = append(gotJSON, f.File+":"+strconv.Itoa(f.Line)+":"+strconv.Itoa(f.Column)+" "+f.Rule)
	}
	var wantJSON []string
	for _, w := range want {
		wantJSON = append(wantJSON, w[:strings.LastIndexByte(w, ' ')])
	}
	if !reflect.DeepEqual(gotJSON, wantJSON) {
		t.Errorf("JSON order %q\nwant %q", gotJSON, wantJSON)
	}
}

// sourceOf keeps line n of a file, as the linter does for a finding there.
func sourceOf(l *position.Lines, n int) map[int]string {
	if l == nil {
		return nil
	}
	return map[int]string{n: l.Text(n)}
}
