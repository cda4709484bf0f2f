package lint

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/load"
	"github.com/emlint/emlint/internal/validate"
	"github.com/emlint/emlint/rules"
	"github.com/emlint/emlint/schemas"
)

const (
	validRequest = `{
  "requestType": "adminAdd",
  "assignment": {
    "targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9",
    "assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8",
    "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"
  }
}
`
	validRemove = `{"requestType": "adminRemove", "assignment": {"id": "e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11"}}`
	badIDRemove = `{"requestType": "adminRemove", "assignment": {"id": "not-a-guid"}}`
)

// where is the place and rule of a finding, for comparisons.
type where struct {
	Rule                       string
	Severity                   finding.Severity
	Pointer                    string
	Line, Col, EndLine, EndCol int
}

func places(fs []finding.Finding) []where {
	out := []where{}
	for _, f := range fs {
		out = append(out, where{f.Rule, f.Severity, f.Pointer, f.Line, f.Col, f.EndLine, f.EndCol})
	}
	return out
}

func rulesOf(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule+" "+f.Pointer)
	}
	return out
}

func TestLintValid(t *testing.T) {
	examples, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "examples", "emlint", "*", "*", "valid-*.json"))
	if len(examples) == 0 {
		t.Fatal("no valid examples found")
	}
	type body struct{ name, data string }
	bodies := []body{{"request.json", validRequest}, {"remove.json", validRemove}}
	for _, p := range examples {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, body{p, string(data)})
	}
	for _, b := range bodies {
		t.Run(b.name, func(t *testing.T) {
			// With every rule: no errors or warnings. (Advisory infos, such
			// as a note that the beta API is legacy, may apply to any body.)
			res := Lint(b.name, []byte(b.data), Options{Explain: true})
			if res.Status != Linted {
				t.Fatalf("status %q (%s), want linted", res.Status, res.Reason)
			}
			if quiet := Lint(b.name, []byte(b.data), Options{}); quiet.Reason != "" {
				t.Errorf("without Explain, a linted file keeps no reason: %q", quiet.Reason)
			}
			for _, f := range res.Findings {
				if f.Severity != finding.Info {
					t.Errorf("finding on a valid body: %+v %s", places([]finding.Finding{f}), f.Message)
				}
			}
			if res.Name != b.name || res.API == "" || res.Kind == "" || res.Reason == "" {
				t.Errorf("name %q, api %q, kind %q, reason %q", res.Name, res.API, res.Kind, res.Reason)
			}

			// Parsing and the schema alone (an empty, non-nil rule list):
			// no findings at all, and no position index built.
			res = Lint(b.name, []byte(b.data), Options{Rules: []*rules.Rule{}})
			if res.Status != Linted || len(res.Findings) != 0 {
				t.Errorf("schema only: status %q, findings %+v", res.Status, places(res.Findings))
			}
			if res.Source != nil {
				t.Error("source kept for a file without findings")
			}
		})
	}
	res := Lint("r.json", []byte(validRequest), Options{})
	if res.API != schemas.V1 || res.Kind != schemas.Request {
		t.Errorf("shape %s %s, want v1.0 request", res.API, res.Kind)
	}
}

func TestLintSyntaxError(t *testing.T) {
	for _, c := range []struct {
		name    string
		data    string
		opts    Options
		want    where
		message string
	}{
		{
			name:    "unclosed object at end of file",
			data:    "{\n  \"requestType\": \"adminAdd\",\n  \"assignment\": {\n}\n",
			want:    where{RuleSyntax, finding.Error, "", 5, 1, 5, 1},
			message: "invalid JSON: unexpected end of file: the object is not closed with '}'",
		},
		{
			name:    "missing comma",
			data:    "{\n  \"requestType\": \"adminAdd\"\n  \"assignment\": {}\n}",
			want:    where{RuleSyntax, finding.Error, "", 3, 3, 3, 4},
			message: `invalid JSON: unexpected "\"": expected ',' or '}' after the property value`,
		},
		{
			name:    "trailing comma",
			data:    `{"requestType": "adminAdd",}`,
			want:    where{RuleSyntax, finding.Error, "", 1, 28, 1, 29},
			message: "invalid JSON: trailing comma before '}': remove the last ','",
		},
		{
			name:    "after non-ASCII text columns count characters",
			data:    "{\"justification\": \"é日😀\", \"requestType\": x}",
			want:    where{RuleSyntax, finding.Error, "", 1, 41, 1, 42},
			message: "invalid JSON: unexpected \"x\": expected a value",
		},
		{
			name:    "CRLF",
			data:    "{\r\n  \"requestType\": \"adminAdd\",\r\n  \"answers\": [1,]\r\n}\r\n",
			want:    where{RuleSyntax, finding.Error, "", 3, 17, 3, 18},
			message: "invalid JSON: trailing comma before ']'",
		},
		{
			name:    "empty file when the kind is given",
			data:    "",
			opts:    Options{Kind: schemas.Request},
			want:    where{RuleSyntax, finding.Error, "", 1, 1, 1, 1},
			message: "invalid JSON: empty document",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := Lint("f.json", []byte(c.data), c.opts)
			if res.Status != Linted {
				t.Fatalf("status %q (%s), want linted", res.Status, res.Reason)
			}
			if len(res.Findings) != 1 {
				t.Fatalf("got %d findings, want 1: %+v", len(res.Findings), res.Findings)
			}
			f := res.Findings[0]
			if got := places(res.Findings)[0]; got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
			if !strings.HasPrefix(f.Message, c.message) {
				t.Errorf("message %q, want prefix %q", f.Message, c.message)
			}
			if f.File != "f.json" {
				t.Errorf("File = %q", f.File)
			}
			if _, ok := res.Source[f.Line]; !ok {
				t.Errorf("line %d not kept for the finding's snippet", f.Line)
			}
			if res.API != c.opts.API || res.Kind != c.opts.Kind {
				t.Errorf("shape %q %q, want the options' %q %q", res.API, res.Kind, c.opts.API, c.opts.Kind)
			}
		})
	}
}

func TestLintDuplicateKey(t *testing.T) {
	data := "{\"requestType\": \"adminRemove\",\n \"requestType\": \"adminRemove\", \"assignment\": {\"id\": \"e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11\",\n   \"id\": \"e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11\"}}"
	res := Lint("dup.json", []byte(data), Options{})
	want := []where{
		{RuleDuplicateKey, finding.Error, "/requestType", 2, 2, 2, 15},
		{RuleDuplicateKey, finding.Error, "/assignment/id", 3, 4, 3, 8},
	}
	if got := places(res.Findings); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	for _, f := range res.Findings {
		if !strings.Contains(f.Message, "duplicate property") || !strings.Contains(f.Message, "the first is at line ") {
			t.Errorf("message %q", f.Message)
		}
	}
	if !strings.Contains(res.Findings[0].Message, "`requestType`") || !strings.Contains(res.Findings[0].Message, "first is at line 1") {
		t.Errorf("message %q", res.Findings[0].Message)
	}
	if !strings.Contains(res.Findings[1].Message, "`id`") || !strings.Contains(res.Findings[1].Message, "first is at line 2") {
		t.Errorf("message %q", res.Findings[1].Message)
	}
	// A key with an escaped quote: the span ends after the closing quote.
	res = Lint("dup.json", []byte(`{"requestType": "adminRemove", "assignment": {"id": "e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11"}, "a\"b": 1, "a\"b": 2}`), Options{})
	var dup *finding.Finding
	for i := range res.Findings {
		if res.Findings[i].Rule == RuleDuplicateKey {
			dup = &res.Findings[i]
		}
	}
	if dup == nil {
		t.Fatalf("no duplicate-key finding: %v", rulesOf(res.Findings))
	}
	if dup.Col != 105 || dup.EndCol != 111 || dup.Pointer != `/a"b` {
		t.Errorf("escaped duplicate at col %d-%d, pointer %q; want 105-111, /a\"b", dup.Col, dup.EndCol, dup.Pointer)
	}
}

// A UTF-8 byte order mark is reported as info and otherwise ignored.
func TestLintBOM(t *testing.T) {
	body := "{\"requestType\": \"adminRemove\",\n  \"assignment\": {\"id\": \"not-a-guid\"}}"
	plain := Lint("f.json", []byte(body), Options{})
	bom := Lint("f.json", []byte("\xEF\xBB\xBF"+body), Options{})
	if plain.Status != Linted || bom.Status != Linted {
		t.Fatalf("status %q / %q", plain.Status, bom.Status)
	}
	if bom.API != plain.API || bom.Kind != plain.Kind {
		t.Errorf("shape with BOM %s %s, without %s %s", bom.API, bom.Kind, plain.API, plain.Kind)
	}
	if len(bom.Findings) != len(plain.Findings)+1 {
		t.Fatalf("with BOM %v, without %v: want exactly one more", rulesOf(bom.Findings), rulesOf(plain.Findings))
	}
	first := bom.Findings[0]
	// 1:1 on line 1; the end column is left open, since it depends on
	// whether the BOM counts as a character (see TestLintBOMFirstLineColumns).
	if first.Rule != RuleBOM || first.Severity != finding.Info || first.Line != 1 || first.Col != 1 || first.EndLine != 1 {
		t.Errorf("BOM finding %+v, want json-bom info at 1:1", places(bom.Findings[:1]))
	}
	if !strings.Contains(first.Message, "byte order mark") {
		t.Errorf("BOM message %q", first.Message)
	}
	// The span is the first character after the invisible BOM, so editors
	// have something to underline.
	if first.Start != 3 || first.End != 4 || first.EndCol != 2 {
		t.Errorf("BOM span %d-%d (end column %d), want 3-4 (2)", first.Start, first.End, first.EndCol)
	}
	// Findings after line 1 are where they are without the BOM; byte
	// offsets are into the file as given, so they move by 3.
	if len(plain.Findings) == 0 {
		t.Fatal("want a finding on line 2 of the test body")
	}
	for i, p := range plain.Findings {
		b := bom.Findings[i+1]
		if p.Line == 1 {
			continue // see TestLintBOMFirstLineColumns
		}
		if places([]finding.Finding{b})[0] != places([]finding.Finding{p})[0] {
			t.Errorf("with BOM %+v, without %+v", places([]finding.Finding{b}), places([]finding.Finding{p}))
		}
		if b.Start != p.Start+3 || b.End != p.End+3 {
			t.Errorf("offsets with BOM %d-%d, without %d-%d", b.Start, b.End, p.Start, p.End)
		}
	}
	// The id-format finding on line 2 must be among them.
	if got := rulesOf(plain.Findings); len(got) == 0 || plain.Findings[len(plain.Findings)-1].Line != 2 {
		t.Errorf("findings without BOM: %v", got)
	}
}

// The first character after a BOM is column 1, as editors show it.
func TestLintBOMFirstLineColumns(t *testing.T) {
	body := `{"requestType": "adminRemove", "assignment": {"id": "not-a-guid"}}`
	plain := Lint("f.json", []byte(body), Options{})
	bom := Lint("f.json", []byte("\xEF\xBB\xBF"+body), Options{})
	if len(plain.Findings) == 0 || len(bom.Findings) != len(plain.Findings)+1 {
		t.Fatalf("with BOM %v, without %v", rulesOf(bom.Findings), rulesOf(plain.Findings))
	}
	for i, p := range plain.Findings {
		b := bom.Findings[i+1]
		if b.Line != p.Line || b.Col != p.Col || b.EndLine != p.EndLine || b.EndCol != p.EndCol {
			t.Errorf("%s: with BOM at %d:%d-%d:%d, without at %d:%d-%d:%d", p.Rule,
				b.Line, b.Col, b.EndLine, b.EndCol, p.Line, p.Col, p.EndLine, p.EndCol)
		}
	}
}

func TestLintSkipped(t *testing.T) {
	for _, c := range []struct {
		name, data, reason string
	}{
		{"package.json", `{"name": "app", "version": "1.0.0", "scripts": {"test": "go test"}}`, "no entitlement-management property at the root"},
		{"array", `[{"requestType": "adminAdd"}]`, "the root is not a JSON object"},
		{"tsconfig with comments", "{\n  // comment\n  \"compilerOptions\": {},\n}\n", "not valid JSON, and no entitlement-management property in it"},
		{"empty file", "", "not valid JSON"},
		{"binary", "\x00\x01\x02", "not valid JSON"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := Lint("x.json", []byte(c.data), Options{})
			if res.Status != Skipped {
				t.Errorf("status %q, want skipped", res.Status)
			}
			if !strings.Contains(res.Reason, c.reason) {
				t.Errorf("reason %q lacks %q", res.Reason, c.reason)
			}
			if len(res.Findings) != 0 || res.Source != nil || res.API != "" || res.Kind != "" {
				t.Errorf("skipped file has findings %v, source %v, shape %q %q", res.Findings, res.Source, res.API, res.Kind)
			}
		})
	}
	// A given kind lints a non-payload anyway.
	res := Lint("package.json", []byte(`{"name": "app"}`), Options{Kind: schemas.Request})
	if res.Status != Linted || len(res.Findings) == 0 {
		t.Errorf("with --kind: status %q, findings %v", res.Status, rulesOf(res.Findings))
	}
}

// panicky is a rule that panics on bodies with a "panic" member.
var panicky = &rules.Rule{ID: "boom", Severity: finding.Error, Shapes: rules.AllShapes, Run: func(p *rules.Pass) {
	if p.Root.Get("panic").Exists() {
		panic("x")
	}
}}

func TestLintPanic(t *testing.T) {
	always := &rules.Rule{ID: "boom", Severity: finding.Error, Shapes: rules.AllShapes, Run: func(*rules.Pass) { panic("x") }}
	res := Lint("p.json", []byte(validRequest), Options{Rules: []*rules.Rule{always}})
	if res.Status != Failed {
		t.Fatalf("status %q, want %q", res.Status, Failed)
	}
	if !strings.HasPrefix(res.Reason, "internal error (please report it): x\n") {
		t.Errorf("reason %q", res.Reason)
	}
	if !strings.Contains(res.Reason, "goroutine ") {
		t.Errorf("reason lacks the stack: %q", res.Reason)
	}
	if res.Name != "p.json" || len(res.Findings) != 0 {
		t.Errorf("name %q, findings %v", res.Name, res.Findings)
	}

	// The same when the schema is validated on another goroutine (one
	// file, or a large body): the panic is this file's, and the validation
	// does not outlive the call.
	before := runtime.NumGoroutine()
	for range 20 {
		res = Lint("p.json", []byte(validRequest), Options{Rules: []*rules.Rule{always}, SideBySide: true})
		if res.Status != Failed || !strings.HasPrefix(res.Reason, "internal error (please report it): x\n") {
			t.Fatalf("side by side: status %q, reason %q", res.Status, res.Reason)
		}
	}
	for deadline := time.Now().Add(5 * time.Second); runtime.NumGoroutine() > before && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines before, %d after: the validations leaked", before, n)
	}

	// In LintAll the other files still get their results.
	inputs := []load.File{
		{Name: "a.json", Data: []byte(validRequest)},
		{Name: "boom.json", Data: []byte(`{"requestType": "adminAdd", "panic": 1}`)},
		{Name: "c.json", Data: []byte(badIDRemove)},
		{Name: "d.json", Data: []byte(`{"name": "x"}`)},
		{Name: "e.json", Err: errors.New("e.json: permission denied")},
		{Name: "f.json", Data: []byte(validRemove)},
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	out := LintAll(inputs, Options{Rules: []*rules.Rule{panicky, rules.IDFormat}})
	wantStatus := []Status{Linted, Failed, Linted, Skipped, Failed, Linted}
	for i, f := range out {
		if f.Name != inputs[i].Name || f.Status != wantStatus[i] {
			t.Errorf("%d: %s %q (%s), want %s %q", i, f.Name, f.Status, f.Reason, inputs[i].Name, wantStatus[i])
		}
	}
	if !strings.Contains(out[1].Reason, "internal error") {
		t.Errorf("boom.json reason %q", out[1].Reason)
	}
	if out[4].Reason != "e.json: permission denied" {
		t.Errorf("e.json reason %q", out[4].Reason)
	}
	var idFormat []string
	for _, f := range out[2].Findings {
		if f.Rule == rules.IDFormat.ID {
			idFormat = append(idFormat, f.Pointer)
		}
	}
	if !reflect.DeepEqual(idFormat, []string{"/assignment/id"}) {
		t.Errorf("c.json id-format findings at %q, want [/assignment/id]; all: %v", idFormat, rulesOf(out[2].Findings))
	}
}

// LintAll returns results in input order whatever the scheduling. Run with
// -race.
func TestLintAllOrder(t *testing.T) {
	// Several workers even on a one-CPU machine, so that -race sees them.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(8))
	bodies := []string{
		validRequest,
		validRemove,
		badIDRemove,
		`{"name": "not a payload"}`,
		"{\"requestType\": \"adminAdd\",",
		"{\"requestType\": \"adminRemove\", \"requestType\": \"adminRemove\", \"assignment\": {\"id\": \"e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11\"}}",
		`{"durationInDays": 30, "allowedTargetScope": "allMemberUsers", "displayName": "x"}`,
	}
	var inputs []load.File
	for i := range 200 {
		f := load.File{Name: fmt.Sprintf("f%03d.json", i), Data: []byte(bodies[i%len(bodies)])}
		if i%37 == 36 {
			f = load.File{Name: f.Name, Err: fmt.Errorf("%s: no such file or directory", f.Name)}
		}
		inputs = append(inputs, f)
	}
	out := LintAll(inputs, Options{})
	if len(out) != len(inputs) {
		t.Fatalf("got %d results for %d inputs", len(out), len(inputs))
	}
	for i, in := range inputs {
		got := out[i]
		if got.Name != in.Name {
			t.Fatalf("result %d is %s, want %s", i, got.Name, in.Name)
		}
		if in.Err != nil {
			if got.Status != Failed || got.Reason != in.Err.Error() {
				t.Errorf("%s: %q %q, want failed with the load error", in.Name, got.Status, got.Reason)
			}
			continue
		}
		want := Lint(in.Name, in.Data, Options{})
		if got.Status != want.Status || got.Reason != want.Reason || got.API != want.API || got.Kind != want.Kind {
			t.Errorf("%s: %q %q %s %s, want %q %q %s %s", in.Name, got.Status, got.Reason, got.API, got.Kind,
				want.Status, want.Reason, want.API, want.Kind)
		}
		if !reflect.DeepEqual(got.Findings, want.Findings) {
			t.Errorf("%s: findings differ from a lone Lint:\n%v\n%v", in.Name, rulesOf(got.Findings), rulesOf(want.Findings))
		}
	}
	// Some of each status, so the test means something.
	count := map[Status]int{}
	for _, f := range out {
		count[f.Status]++
	}
	if count[Linted] == 0 || count[Skipped] == 0 || count[Failed] == 0 {
		t.Errorf("statuses %v: want some of each", count)
	}
}

func TestLintAllEmpty(t *testing.T) {
	if out := LintAll(nil, Options{}); len(out) != 0 {
		t.Errorf("LintAll(nil) = %v", out)
	}
	out := LintAll([]load.File{{Name: "one.json", Data: []byte(validRemove)}}, Options{})
	if len(out) != 1 || out[0].Status != Linted {
		t.Errorf("one input: %+v", out)
	}
}

// A schema-unknown-property at the pointer of a cross-version-property
// finding is dropped; elsewhere it is kept.
func TestSupersede(t *testing.T) {
	body := "{\n  \"displayName\": \"x\",\n  \"allowedTargetScope\": \"allMemberUsers\",\n  \"durationInDays\": 30,\n  \"displayNmae\": \"typo\"\n}"
	opts := Options{API: schemas.V1, Kind: schemas.Policy}

	res := Lint("p.json", []byte(body), opts)
	got := rulesOf(res.Findings)
	has := func(list []string, s string) bool {
		for _, x := range list {
			if x == s {
				return true
			}
		}
		return false
	}
	if !has(got, "cross-version-property /durationInDays") {
		t.Errorf("no cross-version-property at /durationInDays: %v", got)
	}
	if has(got, validate.RuleUnknownProperty+" /durationInDays") {
		t.Errorf("schema-unknown-property at /durationInDays not superseded: %v", got)
	}
	if !has(got, validate.RuleUnknownProperty+" /displayNmae") {
		t.Errorf("schema-unknown-property at /displayNmae dropped: %v", got)
	}

	// Without the rule, the schema finding is there: it is the rule that
	// removes it.
	res = Lint("p.json", []byte(body), Options{API: schemas.V1, Kind: schemas.Policy, Rules: []*rules.Rule{rules.IDFormat}})
	got = rulesOf(res.Findings)
	if !has(got, validate.RuleUnknownProperty+" /durationInDays") || has(got, "cross-version-property /durationInDays") {
		t.Errorf("without cross-version-property: %v", got)
	}
	for _, f := range res.Findings {
		if f.Pointer == "/durationInDays" && (f.Line != 4 || f.Col != 3) {
			t.Errorf("schema finding at %d:%d, want 4:3", f.Line, f.Col)
		}
	}
}

func TestSupersedeUnit(t *testing.T) {
	cv, unknown, enum := rules.CrossVersionProperty.ID, validate.RuleUnknownProperty, validate.RuleEnum
	ruleFindings := []finding.Finding{{Rule: cv, Pointer: "/a"}, {Rule: "id-format", Pointer: "/b"}}
	schemaFindings := []finding.Finding{
		{Rule: unknown, Pointer: "/a"},   // superseded
		{Rule: enum, Pointer: "/a"},      // another schema rule: kept
		{Rule: unknown, Pointer: "/a/x"}, // a child: kept
		{Rule: unknown, Pointer: "/b"},   // id-format supersedes nothing: kept
		{Rule: unknown, Pointer: ""},     // kept
	}
	got := rulesOf(supersede(schemaFindings, ruleFindings))
	want := []string{cv + " /a", "id-format /b", enum + " /a", unknown + " /a/x", unknown + " /b", unknown + " "}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := supersede(nil, nil); len(got) != 0 {
		t.Errorf("supersede(nil, nil) = %v", got)
	}
}

// Findings are placed by pointer and target; a pointer that is not in the
// file falls back to its nearest existing parent.
func TestPlacement(t *testing.T) {
	body := "{\n  \"requestType\": \"adminAdd\",\n  \"answers\": [\n    {\"x\": 1}\n  ],\n  \"assignment\": {\"targetId\": \"é\"}\n}\n"
	type report struct {
		ptr    string
		target finding.Target
	}
	for _, c := range []struct {
		name string
		r    report
		want [4]int // line, col, endLine, endCol
	}{
		{"key", report{"/requestType", finding.Key}, [4]int{2, 3, 2, 16}},
		{"value", report{"/requestType", finding.Value}, [4]int{2, 18, 2, 28}},
		{"start with a key", report{"/requestType", finding.Start}, [4]int{2, 3, 2, 16}},
		{"multi-line value", report{"/answers", finding.Value}, [4]int{3, 14, 5, 4}},
		{"array element key is its start", report{"/answers/0", finding.Key}, [4]int{4, 5, 4, 6}},
		{"array element value", report{"/answers/0", finding.Value}, [4]int{4, 5, 4, 13}},
		{"root key is its start", report{"", finding.Key}, [4]int{1, 1, 1, 2}},
		{"non-ASCII value", report{"/assignment/targetId", finding.Value}, [4]int{6, 30, 6, 33}},
		{"missing member falls back to the parent's key", report{"/assignment/accessPackageId", finding.Key}, [4]int{6, 3, 6, 15}},
		{"missing value falls back to the parent's key", report{"/assignment/accessPackageId", finding.Value}, [4]int{6, 3, 6, 15}},
		{"missing nested member falls back two levels", report{"/answers/7/y", finding.Key}, [4]int{3, 3, 3, 12}},
		{"missing top-level member falls back to the root", report{"/nope", finding.Key}, [4]int{1, 1, 1, 2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			probe := &rules.Rule{ID: "probe", Severity: finding.Warning, Shapes: rules.AllShapes, Run: func(p *rules.Pass) {
				p.Report(c.r.ptr, c.r.target, "here")
			}}
			res := Lint("p.json", []byte(body), Options{API: schemas.V1, Kind: schemas.Request, Rules: []*rules.Rule{probe}})
			var f *finding.Finding
			for i := range res.Findings {
				if res.Findings[i].Rule == "probe" {
					f = &res.Findings[i]
				}
			}
			if f == nil {
				t.Fatalf("no probe finding: %v", rulesOf(res.Findings))
			}
			if got := [4]int{f.Line, f.Col, f.EndLine, f.EndCol}; got != c.want {
				t.Errorf("placed at %v, want %v", got, c.want)
			}
			if f.File != "p.json" || f.API != "v1.0" || f.Kind != "request" || f.Pointer != c.r.ptr {
				t.Errorf("file %q api %q kind %q pointer %q", f.File, f.API, f.Kind, f.Pointer)
			}
		})
	}
}

// Findings of one file come out sorted by line and column.
func TestFindingsSorted(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "examples", "emlint", "v1.0", "policy", "invalid-mixed-versions.json"))
	if err != nil {
		t.Fatal(err)
	}
	res := Lint("m.json", data, Options{})
	if len(res.Findings) < 3 {
		t.Fatalf("want several findings, got %v", rulesOf(res.Findings))
	}
	for i := 1; i < len(res.Findings); i++ {
		if finding.Less(&res.Findings[i], &res.Findings[i-1]) {
			t.Errorf("finding %d (%d:%d) before %d (%d:%d)", i-1, res.Findings[i-1].Line, res.Findings[i-1].Col,
				i, res.Findings[i].Line, res.Findings[i].Col)
		}
	}
	// The golden file's first finding is among them.
	found := false
	for _, f := range res.Findings {
		found = found || (f.Line == 7 && f.Col == 3 && f.EndCol == 19 && f.Rule == "cross-version-property" && f.Pointer == "/durationInDays")
	}
	if !found {
		t.Errorf("no cross-version-property at 7:3-7:19: %+v", places(res.Findings))
	}
}

// Configuration gives a shape per path; flags win over it.
func TestShapeFor(t *testing.T) {
	var asked []string
	shapeFor := func(api schemas.API, kind schemas.Kind) func(string) (schemas.API, schemas.Kind) {
		return func(path string) (schemas.API, schemas.Kind) {
			asked = append(asked, path)
			return api, kind
		}
	}
	for _, c := range []struct {
		name     string
		body     string
		opts     Options
		status   Status
		api      schemas.API
		kind     schemas.Kind
		shapeFor func(string) (schemas.API, schemas.Kind)
	}{
		{"configured shape used", validRemove, Options{}, Linted, schemas.Beta, schemas.Request, shapeFor(schemas.Beta, schemas.Request)},
		{"configured api only, kind detected", validRemove, Options{}, Linted, schemas.Beta, schemas.Request, shapeFor(schemas.Beta, "")},
		{"nothing configured: detected", validRemove, Options{}, Linted, schemas.V1, schemas.Request, shapeFor("", "")},
		{"flag api wins", validRemove, Options{API: schemas.V1}, Linted, schemas.V1, schemas.Request, shapeFor(schemas.Beta, schemas.Request)},
		{"flag kind wins", validRemove, Options{Kind: schemas.Policy}, Linted, schemas.Beta, schemas.Policy, shapeFor(schemas.Beta, schemas.Request)},
		{"configured kind lints a non-payload", `{"name": "x"}`, Options{}, Linted, schemas.V1, schemas.Policy, shapeFor(schemas.V1, schemas.Policy)},
		{"configured kind reports broken JSON", `{"name": `, Options{}, Linted, schemas.V1, schemas.Policy, shapeFor(schemas.V1, schemas.Policy)},
	} {
		t.Run(c.name, func(t *testing.T) {
			asked = nil
			c.opts.ShapeFor = c.shapeFor
			res := Lint("cfg/p.json", []byte(c.body), c.opts)
			if res.Status != c.status || res.API != c.api || res.Kind != c.kind {
				t.Errorf("got %q %s %s (%s), want %q %s %s", res.Status, res.API, res.Kind, res.Reason, c.status, c.api, c.kind)
			}
			if !reflect.DeepEqual(asked, []string{"cfg/p.json"}) {
				t.Errorf("ShapeFor called with %q, want the file's name once", asked)
			}
		})
	}
}

// The findings that reading a file produces are documented with the
// severity they are reported at.
func TestRuleDocs(t *testing.T) {
	docs := map[string]finding.Severity{}
	for _, d := range RuleDocs {
		docs[d.ID] = d.Severity
		if d.Doc == "" {
			t.Errorf("%s: no doc", d.ID)
		}
	}
	noRules := Options{Rules: []*rules.Rule{}}
	res := Lint("f.json", []byte("\xEF\xBB\xBF{\"requestType\": \"adminRemove\", \"requestType\": \"adminRemove\", \"assignment\": {\"id\": \"e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11\"}}"), noRules)
	syntax := Lint("f.json", []byte(`{"requestType": `), noRules)
	seen := map[string]bool{}
	for _, f := range append(res.Findings, syntax.Findings...) {
		sev, ok := docs[f.Rule]
		if !ok {
			t.Errorf("%s: not in RuleDocs", f.Rule)
			continue
		}
		seen[f.Rule] = true
		if sev != f.Severity {
			t.Errorf("%s: reported as %v, documented as %v", f.Rule, f.Severity, sev)
		}
	}
	for _, id := range []string{RuleSyntax, RuleDuplicateKey, RuleBOM} {
		if !seen[id] {
			t.Errorf("%s: not produced by the test bodies", id)
		}
	}
}

// A payload saved as UTF-16 (Windows PowerShell 5.1's Out-File and `>`
// default) is reported with the parser's "save it as UTF-8" message, not
// skipped as some other file.
func TestLintUTF16(t *testing.T) {
	body := `{"requestType": "adminRemove", "assignment": {"id": "e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11"}}`
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"UTF-16LE with BOM", append([]byte{0xFF, 0xFE}, utf16LE(body)...)},
		{"UTF-16BE with BOM", append([]byte{0xFE, 0xFF}, utf16BE(body)...)},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := Lint("f.json", c.data, Options{})
			if res.Status != Linted || len(res.Findings) != 1 || res.Findings[0].Rule != RuleSyntax ||
				!strings.Contains(res.Findings[0].Message, "UTF-16") {
				t.Errorf("status %q (%s), findings %v; want one json-syntax finding about UTF-16", res.Status, res.Reason, rulesOf(res.Findings))
			}
		})
	}
}

func utf16LE(s string) []byte {
	var b []byte
	for _, r := range s { // ASCII only
		b = append(b, byte(r), 0)
	}
	return b
}

func utf16BE(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, 0, byte(r))
	}
	return b
}

// With the kind given, the UTF-16 message is shown.
func TestLintUTF16WithKind(t *testing.T) {
	body := `{"requestType": "adminRemove"}`
	res := Lint("f.json", append([]byte{0xFF, 0xFE}, utf16LE(body)...), Options{Kind: schemas.Request})
	if res.Status != Linted || len(res.Findings) != 1 || !strings.Contains(res.Findings[0].Message, "UTF-16 encoded: save it as UTF-8") {
		t.Errorf("status %q, findings %+v", res.Status, res.Findings)
	}
	if f := res.Findings[0]; f.Line != 1 || f.Col != 1 {
		t.Errorf("at %d:%d, want 1:1", f.Line, f.Col)
	}
}

// Validating beside the rules (one file, a large body) changes nothing in
// the result.
func TestSideBySideSameFindings(t *testing.T) {
	var paths []string
	for _, dir := range []string{"emlint", "docs"} {
		found, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "examples", dir, "*", "*", "*.json"))
		paths = append(paths, found...)
	}
	if len(paths) < 40 {
		t.Fatalf("found %d examples", len(paths))
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		one, two := Lint(p, data, Options{}), Lint(p, data, Options{SideBySide: true})
		if !reflect.DeepEqual(one, two) {
			t.Errorf("%s: side by side %+v\nin turn %+v", p, two.Findings, one.Findings)
		}
	}
}
