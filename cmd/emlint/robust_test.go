package main

// Robustness: every input gets a clear answer. A finding with a position
// where the content is at fault (exit 1); exit 2 with a one-line reason
// where emlint cannot read a path; never a panic, a hang, another file's
// results lost, or a write to a linted file. Each test runs the built
// binary under a timeout, so a hang fails the test instead of the suite.

import (
	"bytes"
	"context"
	"crypto/sha256"
	enc "encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"
)

// robustTimeout bounds one run of emlint. Every input here is answered in
// well under a second except the 50 MB file; a run that reaches this limit
// is a hang.
const robustTimeout = 2 * time.Minute

// robustReport is the documented json output.
type robustReport struct {
	Findings []struct {
		File                             string
		Line, Column, EndLine, EndColumn int
		Severity, Rule, Message, Pointer string
	}
	Files []struct {
		File, API, Kind, Status, Reason string
	}
}

// rules lists the rule of every finding.
func (r robustReport) rules() []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Rule)
	}
	return out
}

const (
	// A valid v1.0 request.
	robustValid = `{
  "requestType": "adminAdd",
  "assignment": {
    "targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9",
    "assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8",
    "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"
  }
}
`
	// A v1.0 request with one error: a placeholder id (line 3).
	robustBroken = "{\n  \"requestType\": \"adminRemove\",\n  \"assignment\": {\"id\": \"string (identifier)\"}\n}\n"
)

// lintJSON runs `emlint lint --no-config --format json ARGS` in dir under a
// timeout, and checks what must hold for every input: no hang, no panic,
// an exit status of 0, 1 or 2, a json report on standard output, and on
// standard error exactly one line per file that could not be read, each
// starting "emlint: ". It also checks that no regular file under dir was
// written to (content and modification time).
func lintJSON(t *testing.T, dir string, args ...string) (result, robustReport) {
	t.Helper()
	before := snapshot(t, dir)
	r := runTimeout(t, dir, nil, append([]string{"lint", "--no-config", "--format", "json"}, args...)...)
	var rep robustReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("exit %d: stdout is not the json report: %v\nstdout: %.2000s\nstderr: %.2000s", r.code, err, r.stdout, r.stderr)
	}
	failed := 0
	for _, f := range rep.Files {
		if f.Status == "error" {
			failed++
			if f.Reason == "" || strings.Contains(f.Reason, "\n") {
				t.Errorf("%s: the reason must be one line: %q", f.File, f.Reason)
			}
		}
	}
	var lines []string
	if s := strings.TrimSuffix(r.stderr, "\n"); s != "" {
		lines = strings.Split(s, "\n")
	}
	if len(lines) != failed {
		t.Errorf("%d files could not be read, but stderr has %d lines (want one line each):\n%.3000s", failed, len(lines), r.stderr)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "emlint: ") {
			t.Errorf("stderr line %q does not start with \"emlint: \"", l)
		}
	}
	if (failed > 0) != (r.code == 2) {
		t.Errorf("exit status %d with %d files that could not be read", r.code, failed)
	}
	if after := snapshot(t, dir); !equalSnapshots(before, after) {
		t.Errorf("emlint changed files under %s:\nbefore %v\nafter  %v", dir, before, after)
	}
	return r, rep
}

// runTimeout runs the binary in dir; a run that outlives robustTimeout
// fails the test as a hang, and a panic or a runtime error fails it too.
func runTimeout(t *testing.T, dir string, stdin []byte, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), robustTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	cmd.WaitDelay = time.Second
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("emlint %s: no answer after %v (a hang)", strings.Join(args, " "), time.Since(start).Round(time.Millisecond))
	}
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"panic:", "goroutine ", "runtime error", "internal error", "fatal error"} {
		if strings.Contains(errb.String(), s) || strings.Contains(out.String(), s) {
			t.Fatalf("emlint %s: output mentions %q:\n%.3000s\n%.3000s", strings.Join(args, " "), s, errb.String(), out.String())
		}
	}
	if code < 0 || code > 2 {
		t.Fatalf("emlint %s: exit status %d\n%.2000s", strings.Join(args, " "), code, errb.String())
	}
	return result{out.String(), errb.String(), code}
}

type fileState struct {
	sum   [sha256.Size]byte
	mtime time.Time
	size  int64
}

// snapshot records the content and modification time of every regular
// file under dir, without following symbolic links.
func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil // unreadable by design (permission test)
		}
		out[path] = fileState{sha256.Sum256(b), info.ModTime(), info.Size()}
		return nil
	})
	return out
}

func equalSnapshots(a, b map[string]fileState) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w.sum != v.sum || !w.mtime.Equal(v.mtime) || w.size != v.size {
			return false
		}
	}
	return true
}

// writeBytes writes binary files (name -> content) under a new directory.
func writeBytes(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// wantFinding checks that rep has a finding of rule in file at line:col
// (0 = any line or column) with a sane span.
func wantFinding(t *testing.T, rep robustReport, file, rule string, line, col int) {
	t.Helper()
	for _, f := range rep.Findings {
		if f.File != file || f.Rule != rule {
			continue
		}
		if f.Line < 1 || f.Column < 1 || f.EndLine < f.Line || f.EndLine == f.Line && f.EndColumn < f.Column {
			t.Errorf("%s [%s]: bad span %d:%d-%d:%d", file, rule, f.Line, f.Column, f.EndLine, f.EndColumn)
		}
		if (line == 0 || f.Line == line) && (col == 0 || f.Column == col) {
			return
		}
	}
	t.Errorf("%s: no %s finding at %d:%d; findings: %+v", file, rule, line, col, rep.Findings)
}

func status(t *testing.T, rep robustReport, file string) string {
	t.Helper()
	for _, f := range rep.Files {
		if f.File == file {
			return f.Status
		}
	}
	t.Errorf("%s is not in the report: %+v", file, rep.Files)
	return ""
}

// TestRobustContent covers files whose content is at fault, or odd: each
// gets a finding with a position and exit 1, or is linted or skipped as
// documented, and never a panic or a hang.
func TestRobustContent(t *testing.T) {
	utf16le := func(s string) []byte {
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = enc.LittleEndian.AppendUint16(b, u)
		}
		return b
	}
	utf16be := func(s string) []byte {
		b := []byte{0xFE, 0xFF}
		for _, u := range utf16.Encode([]rune(s)) {
			b = enc.BigEndian.AppendUint16(b, u)
		}
		return b
	}
	rnd := rand.New(rand.NewSource(6))
	noise := make([]byte, 4096)
	rnd.Read(noise)

	for _, c := range []struct {
		name  string
		data  []byte
		args  []string // before the file name
		code  int
		rule  string // a finding of this rule is expected, at line:col when set
		line  int
		col   int
		state string // the file's status
	}{
		// Empty and blank files are not payloads: skipped, exit 0. Told the
		// kind, emlint reports them where the value is missing.
		{name: "empty", data: nil, code: 0, state: "skipped"},
		{name: "empty as a policy", data: nil, args: []string{"--kind", "policy"}, code: 1, rule: "json-syntax", line: 1, col: 1, state: "linted"},
		{name: "whitespace only", data: []byte(" \n\t\r\n  "), code: 0, state: "skipped"},
		{name: "whitespace only as a request", data: []byte(" \n\t\r\n  "), args: []string{"--kind", "request"}, code: 1, rule: "json-syntax", line: 3, col: 3, state: "linted"},

		// A UTF-8 byte order mark is an info finding at 1:1; the body is
		// linted as usual.
		{name: "utf-8 bom", data: append([]byte{0xEF, 0xBB, 0xBF}, robustValid...), code: 0, rule: "json-bom", line: 1, col: 1, state: "linted"},
		{name: "utf-8 bom, fail level info", data: append([]byte{0xEF, 0xBB, 0xBF}, robustValid...), args: []string{"--fail-level", "info"}, code: 1, rule: "json-bom", line: 1, col: 1, state: "linted"},
		{name: "utf-8 bom and a broken body", data: append([]byte{0xEF, 0xBB, 0xBF}, robustBroken...), code: 1, rule: "id-format", line: 3, col: 24, state: "linted"},

		// Invalid UTF-8 inside a string and outside one.
		{name: "invalid utf-8 in a string", data: []byte("{\n  \"requestType\": \"adminAdd\",\n  \"justification\": \"caf\xe9\"\n}\n"), code: 1, rule: "json-syntax", line: 3, col: 24, state: "linted"},
		{name: "invalid utf-8 outside a string", data: []byte("{\"requestType\": \"adminAdd\",\n\xff\xfe\xfd}"), code: 1, rule: "json-syntax", line: 2, col: 1, state: "linted"},

		// UTF-16 with a byte order mark, as Windows PowerShell 5.1 writes.
		{name: "utf-16le with bom", data: utf16le(robustValid), code: 1, rule: "json-syntax", line: 1, col: 1, state: "linted"},
		{name: "utf-16be with bom", data: utf16be(robustValid), code: 1, rule: "json-syntax", line: 1, col: 1, state: "linted"},

		// A root that is not an object: not a payload unless told the kind.
		{name: "array at the root", data: []byte(`[` + robustValid + `]`), code: 0, state: "skipped"},
		{name: "array at the root as a request", data: []byte(`[` + robustValid + `]`), args: []string{"--kind", "request"}, code: 1, rule: "schema-type", line: 1, col: 1, state: "linted"},
		{name: "string at the root", data: []byte(`"requestType"`), code: 0, state: "skipped"},
		{name: "number at the root as a policy", data: []byte("\n 42"), args: []string{"--kind", "policy"}, code: 1, rule: "schema-type", line: 2, col: 2, state: "linted"},
		{name: "null at the root as a policy", data: []byte("null"), args: []string{"--api", "beta", "--kind", "policy"}, code: 1, rule: "schema-type", line: 1, col: 1, state: "linted"},

		// Duplicate keys: an error at the second occurrence.
		{name: "duplicate keys", data: []byte("{\n  \"requestType\": \"adminAdd\",\n  \"assignment\": {},\n  \"requestType\": \"adminRemove\"\n}\n"), code: 1, rule: "duplicate-key", line: 4, col: 3, state: "linted"},
		{name: "duplicate nested keys", data: []byte("{\"requestType\": \"adminRemove\", \"assignment\": {\"id\": \"e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11\",\n \"id\": \"e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11\"}}"), code: 1, rule: "duplicate-key", line: 2, col: 2, state: "linted"},

		// NUL bytes and binary data.
		{name: "nul byte in a string", data: []byte("{\"requestType\": \"admin\x00Add\"}"), code: 1, rule: "json-syntax", line: 1, col: 23, state: "linted"},
		{name: "nul byte between members", data: []byte("{\"requestType\": \"adminAdd\",\x00 \"assignment\": {}}"), code: 1, rule: "json-syntax", line: 1, col: 28, state: "linted"},
		{name: "only nul bytes", data: make([]byte, 1000), code: 0, state: "skipped"},
		{name: "binary noise", data: noise, code: 0, state: "skipped"},
		{name: "binary noise naming a payload property", data: append(append([]byte(`{"requestType": "adminAdd", `), noise...), '}'), code: 1, rule: "json-syntax", line: 1, col: 29, state: "linted"},

		// Valid JSON followed by a second document.
		{name: "trailing second document", data: []byte(robustValid + `{"requestType": "adminAdd"}` + "\n"), code: 1, rule: "json-syntax", line: 9, col: 1, state: "linted"},
		{name: "trailing garbage on the same line", data: []byte(`{"requestType": "adminAdd", "assignment": {}} x`), code: 1, rule: "json-syntax", line: 1, col: 47, state: "linted"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := writeBytes(t, map[string][]byte{"body.json": c.data})
			r, rep := lintJSON(t, dir, append(c.args, "body.json")...)
			if r.code != c.code {
				t.Errorf("exit status %d, want %d; findings %v", r.code, c.code, rep.rules())
			}
			if got := status(t, rep, "body.json"); got != c.state {
				t.Errorf("status %q, want %q", got, c.state)
			}
			if c.rule != "" {
				wantFinding(t, rep, "body.json", c.rule, c.line, c.col)
			} else if len(rep.Findings) > 0 {
				t.Errorf("want no findings, got %+v", rep.Findings)
			}
		})
	}
}

// TestRobustNumbers puts 1e400, -0 and integers beyond int64 in the
// integer fields of a valid beta policy: the out-of-range ones are
// reported at the value, -0 is zero.
func TestRobustNumbers(t *testing.T) {
	base, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "examples", "emlint", "beta", "policy", "valid-single-stage.json"))
	if err != nil {
		t.Fatal(err)
	}
	// durationInDays is on line 6 (value at column 21), approvalStageTimeOutInDays on line 19 (column 39).
	set := func(duration, timeout string) []byte {
		s := strings.Replace(string(base), `"durationInDays": 180`, `"durationInDays": `+duration, 1)
		return []byte(strings.Replace(s, `"approvalStageTimeOutInDays": 14`, `"approvalStageTimeOutInDays": `+timeout, 1))
	}
	for _, c := range []struct {
		name              string
		duration, timeout string
		code              int
		rules             []string // findings expected at line 6 (duration) and 19 (timeout)
	}{
		{name: "1e400", duration: "1e400", timeout: "1e400", code: 1, rules: []string{"schema-range@6", "schema-range@19"}},
		{name: "-1e400", duration: "-1e400", timeout: "14", code: 1, rules: []string{"schema-range@6"}},
		{name: "-0", duration: "-0", timeout: "14", code: 0},
		{name: "-0.0e0", duration: "-0.0e0", timeout: "14", code: 0},
		{name: "beyond int64", duration: "123456789012345678901234567890", timeout: "9223372036854775808", code: 1, rules: []string{"schema-range@6", "schema-range@19"}},
		{name: "below int64", duration: "-99999999999999999999999", timeout: "14", code: 1, rules: []string{"schema-range@6"}},
		{name: "just beyond int32", duration: "2147483648", timeout: "14", code: 1, rules: []string{"schema-range@6"}},
		{name: "a fraction", duration: "1.5", timeout: "14", code: 1, rules: []string{"schema-type@6"}},
		{name: "an integer written as a float", duration: "180.0", timeout: "1.4e1", code: 0},
		{name: "tiny", duration: "1e-400", timeout: "14", code: 1, rules: []string{"schema-type@6"}},
		{name: "huge exponent", duration: "1e999999999999999999", timeout: "14", code: 1, rules: []string{"schema-type@6"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := writeBytes(t, map[string][]byte{"policy.json": set(c.duration, c.timeout)})
			r, rep := lintJSON(t, dir, "policy.json")
			if r.code != c.code {
				t.Errorf("exit status %d, want %d; findings %+v", r.code, c.code, rep.Findings)
			}
			for _, want := range c.rules {
				rule, line, _ := strings.Cut(want, "@")
				col := 21
				if line == "19" {
					col = 39
				}
				var n int
				fmt.Sscan(line, &n)
				wantFinding(t, rep, "policy.json", rule, n, col)
			}
			if c.code == 0 {
				for _, f := range rep.Findings {
					if f.Severity == "error" {
						t.Errorf("unexpected error %+v", f)
					}
				}
			}
		})
	}
}

// TestRobustHugeNumberMessage: a number with a huge exponent in an integer
// field must not turn a tiny file into a huge report.
func TestRobustHugeNumberMessage(t *testing.T) {
	base, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "examples", "emlint", "beta", "policy", "valid-single-stage.json"))
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Replace(string(base), `"durationInDays": 180`, `"durationInDays": 1e1000000`, 1)
	dir := writeBytes(t, map[string][]byte{"policy.json": []byte(body)})
	r, rep := lintJSON(t, dir, "policy.json")
	if r.code != 1 {
		t.Errorf("exit status %d, want 1", r.code)
	}
	wantFinding(t, rep, "policy.json", "schema-range", 6, 21)
	for _, f := range rep.Findings {
		if len(f.Message) > 200 {
			t.Errorf("a 9-byte number gave a %d-byte message: numbers in messages must be abridged", len(f.Message))
		}
		if f.Rule == "schema-range" && !strings.Contains(f.Message, "1e+1000000") {
			t.Errorf("message %q does not show the number compactly", f.Message)
		}
	}
}

// TestRobustDeepNesting: 100,000 levels of nesting are a syntax error at
// the level past jsonparse.MaxDepth, never a stack overflow.
func TestRobustDeepNesting(t *testing.T) {
	const levels = 100000
	arrays := strings.Repeat("[", levels) + strings.Repeat("]", levels)
	objects := strings.Repeat(`{"a":`, levels) + "1" + strings.Repeat("}", levels)
	dir := writeFiles(t, map[string]string{
		"arrays.json":   `{"requestType": "adminAdd", "answers": ` + arrays + `}`,
		"objects.json":  "{\"requestType\": \"adminAdd\",\n\"assignment\": " + objects + `}`,
		"unclosed.json": `{"requestType": "adminAdd", "answers": ` + strings.Repeat("[", levels),
		"plain.json":    arrays, // not a payload: skipped
	})
	r, rep := lintJSON(t, dir, ".")
	if r.code != 1 {
		t.Errorf("exit status %d, want 1", r.code)
	}
	// 1 level for the body's object, so the array at depth 1001 starts at
	// column 40 + 999.
	wantFinding(t, rep, "arrays.json", "json-syntax", 1, 40+999)
	wantFinding(t, rep, "objects.json", "json-syntax", 2, 15+5*999)
	wantFinding(t, rep, "unclosed.json", "json-syntax", 1, 40+999)
	if got := status(t, rep, "plain.json"); got != "skipped" {
		t.Errorf("plain.json: status %q, want skipped", got)
	}
	r, rep = lintJSON(t, dir, "--kind", "request", "plain.json")
	if r.code != 1 {
		t.Errorf("plain.json as a request: exit status %d, want 1", r.code)
	}
	wantFinding(t, rep, "plain.json", "json-syntax", 1, 1001)
}

// TestRobustLargeFile lints a 50 MB policy: 2,000 questions with 25 KB
// texts, and one unknown property at the very end, whose line must be
// right. (The target, a 50 MB payload in under 2 s, is measured by
// the benchmarks, not here; docs/performance.md has a structure-heavy 50 MB
// body too.)
func TestRobustLargeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and lints a 50 MB file")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "huge.json")
	var b bytes.Buffer
	b.WriteString("{\n  \"displayName\": \"Huge\",\n  \"allowedTargetScope\": \"allMemberUsers\",\n  \"accessPackage\": {\"id\": \"977c7ff4-ef8f-4910-9d31-49048ddf3120\"},\n  \"questions\": [\n")
	text := strings.Repeat("Which cost center pays for this access? Centre de coût, Kostenstelle. ", 25<<10/72)
	n := 0
	for b.Len() < 50<<20 {
		if n > 0 {
			b.WriteString(",\n")
		}
		n++
		fmt.Fprintf(&b, `    {"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "sequence": %d, "isRequired": true, "isAnswerEditable": true, "text": "%d: %s", "isSingleLineQuestion": true, "regexPattern": "^[0-9]{4,6}$"}`, n, n, text)
	}
	b.WriteString("\n  ],\n  \"unknownAtTheEnd\": 1\n}\n")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	wantLine := 5 + n + 2
	start := time.Now()
	r, rep := lintJSON(t, dir, "huge.json")
	elapsed := time.Since(start)
	t.Logf("%d bytes, %d questions: %v", b.Len(), n, elapsed.Round(time.Millisecond))
	if r.code != 1 {
		t.Errorf("exit status %d, want 1", r.code)
	}
	wantFinding(t, rep, "huge.json", "schema-unknown-property", wantLine, 3)
	for _, f := range rep.Findings {
		if f.Severity == "error" && f.Rule != "schema-unknown-property" {
			t.Errorf("unexpected error %+v", f)
		}
	}
}

// TestRobustSymlinkLoop: a directory symlink loop is not followed, so the
// walk ends and each file is linted once.
func TestRobustSymlinkLoop(t *testing.T) {
	dir := writeFiles(t, map[string]string{"tree/a/body.json": robustBroken, "tree/b/ok.json": robustValid})
	tree := filepath.Join(dir, "tree")
	for link, target := range map[string]string{"a/loop": "..", "b/self": ".", "b/up": "../../tree", "a/dangling.json": "nowhere.json"} {
		if err := os.Symlink(target, filepath.Join(tree, filepath.FromSlash(link))); err != nil {
			t.Skip("symlinks:", err)
		}
	}
	r, rep := lintJSON(t, dir, "tree")
	if r.code != 1 {
		t.Errorf("exit status %d, want 1", r.code)
	}
	if len(rep.Files) != 2 {
		t.Errorf("want each of the 2 files once, got %+v", rep.Files)
	}
	wantFinding(t, rep, filepath.Join("tree", "a", "body.json"), "id-format", 3, 24)
	// A symlink to a directory, named on the command line, is entered once.
	r, rep = lintJSON(t, dir, filepath.Join("tree", "a", "loop"))
	if r.code != 1 || len(rep.Files) != 2 {
		t.Errorf("tree/a/loop: exit %d, files %+v", r.code, rep.Files)
	}
}

// TestRobustSpecialFiles: FIFOs and devices are never opened for reading
// (a FIFO would block forever, /dev/zero never ends). Named on the command
// line they are an error (exit 2, one line); found while walking, or
// through a symlink found while walking, they are passed over.
func TestRobustSpecialFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs or /dev on Windows")
	}
	dir := writeFiles(t, map[string]string{"walk/ok.json": robustValid, "broken.json": robustBroken})
	fifo := filepath.Join(dir, "walk", "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	for name, target := range map[string]string{"walk/zero.json": "/dev/zero", "walk/null.json": "/dev/null", "zero.json": "/dev/zero"} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skip("symlinks:", err)
		}
	}
	t.Run("walked", func(t *testing.T) {
		r, rep := lintJSON(t, dir, "walk")
		if r.code != 0 || len(rep.Files) != 1 || rep.Files[0].Status != "linted" {
			t.Errorf("exit %d, files %+v: want only walk/ok.json, linted", r.code, rep.Files)
		}
	})
	for _, c := range []struct{ name, path string }{
		{"fifo", filepath.Join("walk", "fifo.json")},
		{"/dev/null", "/dev/null"},
		{"/dev/zero", "/dev/zero"},
		{"symlink to /dev/zero", "zero.json"},
		{"/dev/stdin", "/dev/stdin"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, rep := lintJSON(t, dir, c.path, "broken.json")
			if r.code != 2 {
				t.Errorf("exit status %d, want 2", r.code)
			}
			if got := status(t, rep, c.path); got != "error" {
				t.Errorf("%s: status %q, want error", c.path, got)
			}
			if !strings.Contains(r.stderr, c.path) {
				t.Errorf("stderr does not name %s: %s", c.path, r.stderr)
			}
			// The other file's results are not lost.
			wantFinding(t, rep, "broken.json", "id-format", 3, 24)
		})
	}
}

// TestRobustUnreadable: a file without read permission is exit 2 with a
// one-line reason; the others are still reported.
func TestRobustUnreadable(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("permissions")
	}
	if os.Geteuid() == 0 {
		t.Skip("root reads any file")
	}
	dir := writeFiles(t, map[string]string{"secret.json": robustValid, "broken.json": robustBroken, "sub/x.json": robustValid})
	if err := os.Chmod(filepath.Join(dir, "secret.json"), 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "sub"), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "sub"), 0o755) })
	r, rep := lintJSON(t, dir, "secret.json", "broken.json", ".")
	if r.code != 2 || !strings.Contains(r.stderr, "secret.json") || !strings.Contains(r.stderr, "permission denied") || !strings.Contains(r.stderr, "sub") {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
	wantFinding(t, rep, "broken.json", "id-format", 3, 24)
}

// TestRobustPaths: missing paths, directories without JSON files, and the
// same file named twice.
func TestRobustPaths(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.json":           robustBroken,
		"nojson/notes.txt": "{\"requestType\": 1}",
		"nojson/sub/x.js":  "module.exports = {}",
		"empty/.keep":      "",
	})
	t.Run("missing path", func(t *testing.T) {
		r, rep := lintJSON(t, dir, "missing.json", "a.json", "no/such/dir")
		if r.code != 2 || !strings.Contains(r.stderr, "missing.json") || !strings.Contains(r.stderr, "no/such/dir") {
			t.Errorf("exit %d, stderr %s", r.code, r.stderr)
		}
		wantFinding(t, rep, "a.json", "id-format", 3, 24)
		// The text format too: the reason, then the summary, the findings on stdout.
		text := emlintIn(t, dir, "lint", "--no-config", "--color", "never", "missing.json", "a.json")
		if text.code != 2 || !strings.Contains(text.stdout, "a.json:3:24: error: ") || !strings.Contains(text.stderr, "emlint: missing.json: no such file or directory\n") {
			t.Errorf("text: exit %d\n%s\n%s", text.code, text.stdout, text.stderr)
		}
	})
	t.Run("directories without json files", func(t *testing.T) {
		r, rep := lintJSON(t, dir, "nojson", "empty")
		if r.code != 0 || len(rep.Findings) != 0 {
			t.Errorf("exit %d, findings %+v", r.code, rep.Findings)
		}
		text := emlintIn(t, dir, "lint", "--no-config", "nojson", "empty")
		if text.code != 0 || !strings.Contains(text.stderr, "0 files") {
			t.Errorf("text: exit %d, stderr %q", text.code, text.stderr)
		}
	})
	t.Run("same file named twice", func(t *testing.T) {
		r, rep := lintJSON(t, dir, "a.json", "a.json", "./a.json", filepath.Join(dir, "a.json"), ".")
		if r.code != 1 || len(rep.Files) != 1 {
			t.Errorf("exit %d, want 1 file, got %+v", r.code, rep.Files)
		}
		n := 0
		for _, f := range rep.Findings {
			if f.Rule == "id-format" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("want the id-format finding once, got %+v", rep.Findings)
		}
	})
	t.Run("stdin twice", func(t *testing.T) {
		r := runTimeout(t, dir, []byte(robustBroken), "lint", "--no-config", "--format", "json", "-", "-")
		var rep robustReport
		if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || r.code != 1 || len(rep.Files) != 1 {
			t.Errorf("exit %d, %v, %s", r.code, err, r.stdout)
		}
	})
}

// TestRobustManyFiles passes 10,000 files as arguments, one in ten broken:
// every file is in the report, in order, and exactly the broken ones have
// findings.
func TestRobustManyFiles(t *testing.T) {
	const n = 10000
	dir := t.TempDir()
	args := make([]string, 0, n)
	for i := range n {
		name := fmt.Sprintf("f/%05d.json", i)
		body := robustValid
		if i%10 == 3 {
			body = robustBroken
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if i == 0 {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, name)
	}
	r, rep := lintJSON(t, dir, args...)
	if r.code != 1 {
		t.Errorf("exit status %d, want 1", r.code)
	}
	if len(rep.Files) != n {
		t.Fatalf("%d files in the report, want %d", len(rep.Files), n)
	}
	for i, f := range rep.Files {
		if f.File != args[i] || f.Status != "linted" {
			t.Fatalf("file %d is %+v, want %s linted", i, f, args[i])
		}
	}
	broken := map[string]bool{}
	for _, f := range rep.Findings {
		if f.Severity == "error" {
			broken[f.File] = true
		}
	}
	if len(broken) != n/10 {
		t.Errorf("%d files with errors, want %d", len(broken), n/10)
	}
	for i, name := range args {
		if broken[name] != (i%10 == 3) {
			t.Errorf("%s: has errors %v, want %v", name, broken[name], i%10 == 3)
		}
	}
}

// TestRobustNeverWrites lints a directory of valid, broken and odd files in
// every format, with the report written to a file and with a baseline
// written, and checks that no linted file changed (content, size, mtime).
// (lintJSON checks this for every other test too.)
func TestRobustNeverWrites(t *testing.T) {
	dir := writeBytes(t, map[string][]byte{
		"valid.json":  []byte(robustValid),
		"broken.json": []byte(robustBroken),
		"bom.json":    append([]byte{0xEF, 0xBB, 0xBF}, robustBroken...),
		"dup.json":    []byte(`{"requestType": "adminAdd", "requestType": "adminAdd"}`),
		"syntax.json": []byte(`{"requestType": "adminAdd",}`),
		"crlf.json":   []byte(strings.ReplaceAll(robustBroken, "\n", "\r\n")),
	})
	// Old modification times, so that a rewrite with the same bytes shows.
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Chtimes(p, old, old)
		}
		return nil
	})
	before := snapshot(t, dir)
	out := t.TempDir()
	for _, format := range []string{"text", "json", "sarif", "github", "checkstyle", "junit"} {
		r := runTimeout(t, dir, nil, "lint", "--no-config", "--format", format, "--output", filepath.Join(out, "report."+format), ".")
		if r.code != 1 {
			t.Errorf("%s: exit %d\n%s", format, r.code, r.stderr)
		}
	}
	r := runTimeout(t, dir, nil, "lint", "--no-config", "--write-baseline", filepath.Join(out, "baseline.json"), ".")
	if r.code != 0 {
		t.Errorf("--write-baseline: exit %d\n%s", r.code, r.stderr)
	}
	if after := snapshot(t, dir); !equalSnapshots(before, after) {
		t.Errorf("emlint changed the files it linted:\nbefore %v\nafter  %v", before, after)
	}
}
