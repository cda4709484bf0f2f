package cli

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/internal/report"
)

var repoRoot = filepath.Join("..", "..")

// runLintTo runs `emlint lint ARGS` (with --no-config unless given --config), streamed or collected, and
// returns everything it printed and its exit status.
func runLintTo(t *testing.T, stdout io.Writer, stream bool, args ...string) string {
	t.Helper()
	defer func(old bool) { streamReports = old }(streamReports)
	streamReports = stream
	var stderr bytes.Buffer
	if !slices.Contains(args, "--config") {
		args = append([]string{"--no-config"}, args...)
	}
	code := Main(append([]string{"lint"}, args...),
		Env{Stdin: strings.NewReader(""), Stdout: stdout, Stderr: &stderr, Getenv: func(string) string { return "" }})
	return fmt.Sprintf("-- stderr --\n%s-- exit status %d\n", stderr.String(), code)
}

func runLintOut(t *testing.T, stream bool, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	rest := runLintTo(t, &out, stream, args...)
	return out.String() + rest
}

// sameStreamed checks that a streamed run prints exactly what the run
// that collects every file first prints.
func sameStreamed(t *testing.T, args ...string) string {
	t.Helper()
	streamed, collected := runLintOut(t, true, args...), runLintOut(t, false, args...)
	if streamed != collected {
		t.Errorf("lint %q: streamed output differs from the collected one\n--- streamed ---\n%s\n--- collected ---\n%s", args, streamed, collected)
	}
	return streamed
}

// Every format prints the same, streamed or not, over every bundled
// example (junit is left out: it stamps the time of the run, and is never
// streamed).
func TestStreamedOutputIsTheSame(t *testing.T) {
	examples := filepath.Join(repoRoot, "testdata", "examples")
	crossExample := filepath.Join(repoRoot, "internal", "crossfile", "testdata", "example")
	for _, format := range report.Formats {
		if format == "junit" {
			continue
		}
		for _, args := range [][]string{
			{examples},
			{crossExample},
			{"--fail-level", "info", "--disable", "readonly-in-body", examples},
			{filepath.Join(examples, "emlint", "v1.0"), filepath.Join(examples, "emlint", "beta"), "missing.json"}, // out of name order
		} {
			sameStreamed(t, append([]string{"--format", format, "--color", "never"}, args...)...)
		}
	}
	out := sameStreamed(t, "--verbose", "--color", "always", examples, crossExample)
	if !strings.Contains(out, "emlint: linted ") || !strings.Contains(out, "[crossfile-") {
		t.Errorf("--verbose output without its notes or the cross-file findings:\n%s", out)
	}
}

// Cross-file findings are reported when the request comes before its
// policy, and the files after a held one keep their place.
func TestStreamedCrossFile(t *testing.T) {
	policy := readFile(t, filepath.Join(repoRoot, "internal", "crossfile", "testdata", "example", "policies", "audit.json"))
	request := readFile(t, filepath.Join(repoRoot, "internal", "crossfile", "testdata", "example", "requests", "audit-request.json"))
	invalid := readFile(t, filepath.Join(repoRoot, "testdata", "examples", "emlint", "v1.0", "policy", "invalid-mixed-versions.json"))
	dir := writeTree(t, map[string]string{
		"0-first.json":      invalid, // written before any file with a part in the checks
		"a-request.json":    request,
		"b-between.json":    invalid,
		"c-policy.json":     policy,
		"d-same-id.json":    policy, // a policy id used twice
		"e-last.json":       invalid,
		"notes.md":          "# nothing to lint\n",
		"z-request.http":    "POST https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentRequests\nContent-Type: application/json\n\n" + request,
		"sub/x-policy.json": invalid,
	})
	for _, format := range []string{"text", "github", "checkstyle", "json", "sarif"} {
		out := sameStreamed(t, "--format", format, "--color", "never", dir)
		for _, rule := range []string{"crossfile-required-question", "crossfile-duplicate-policy-id"} {
			if !strings.Contains(out, rule) {
				t.Errorf("%s: no %s finding:\n%s", format, rule, out)
			}
		}
	}
	// The notes on standard error keep their order too.
	if out := sameStreamed(t, "--verbose", dir); !strings.Contains(out, "emlint: linted") {
		t.Errorf("--verbose without its notes:\n%s", out)
	}
	// A policy named in the configuration, not linted.
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte("policies: [\"c-policy.json\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := sameStreamed(t, "--config", cfg, filepath.Join(dir, "a-request.json")); !strings.Contains(out, "crossfile-required-question") {
		t.Errorf("no finding from the configured policy:\n%s", out)
	}
	// With a baseline of today's findings, nothing is left either way.
	base := filepath.Join(t.TempDir(), "baseline.json")
	runLintOut(t, false, "--write-baseline", base, dir)
	if out := sameStreamed(t, "--baseline", base, dir); strings.Contains(out, ": error:") || !strings.Contains(out, "no problems") {
		t.Errorf("with the baseline:\n%s", out)
	}
}

// --fix edits the same files the same way, streamed or not.
func TestStreamedFix(t *testing.T) {
	src := filepath.Join(repoRoot, "testdata", "examples", "emlint")
	streamed, collected := copyTree(t, src), copyTree(t, src)
	outs := map[bool]string{}
	for stream, dir := range map[bool]string{true: streamed, false: collected} {
		t.Chdir(dir)
		outs[stream] = runLintOut(t, stream, "--fix", "--color", "never", ".")
	}
	if outs[true] != outs[false] {
		t.Errorf("--fix: streamed output differs\n--- streamed ---\n%s\n--- collected ---\n%s", outs[true], outs[false])
	}
	if a, b := treeText(t, streamed), treeText(t, collected); a != b {
		t.Error("--fix changed the files differently when streamed")
	}
}

// A streamed report writes the first file's findings before the last file
// is read. The writer removes the last file at its first write: read
// after that, it cannot be found. Deterministic, not timed: LintEach starts
// no file more than lint.Window files past the one being written.
func TestStreamWritesBeforeTheLastFileIsRead(t *testing.T) {
	invalid := readFile(t, filepath.Join(repoRoot, "testdata", "examples", "emlint", "v1.0", "policy", "invalid-mixed-versions.json"))
	valid := readFile(t, filepath.Join(repoRoot, "testdata", "examples", "emlint", "v1.0", "policy", "valid-approval-two-stages.json"))
	n := 2*lint.Window + 10
	files := map[string]string{"f00000.json": invalid}
	for i := 1; i < n; i++ {
		files[fmt.Sprintf("f%05d.json", i)] = valid
	}
	dir := writeTree(t, files)
	last := filepath.Join(dir, fmt.Sprintf("f%05d.json", n-1))
	for _, stream := range []bool{true, false} {
		if err := os.WriteFile(last, []byte(valid), 0o644); err != nil {
			t.Fatal(err)
		}
		w := &removeAtFirstWrite{path: last}
		rest := runLintTo(t, w, stream, "--color", "never", dir)
		if w.Len() == 0 {
			t.Fatalf("no findings in the first file:\n%s", rest)
		}
		gone := strings.Contains(rest, filepath.Base(last))
		if gone != stream {
			t.Errorf("streamed %v: the last file was read after the first write: %v\n%s", stream, gone, rest)
		}
	}
}

// Many requests naming a policy (holdLimit) are held until the rest of the
// inputs show that no policy with an id can be among them; then they are
// written and the run streams on. With the policy last, they wait for it.
func TestHeldRequestsAreReleased(t *testing.T) {
	defer func(limit int) { holdLimit = limit }(holdLimit)
	holdLimit = lint.Window // a small run is enough to show it
	request := readFile(t, filepath.Join(repoRoot, "internal", "crossfile", "testdata", "example", "requests", "audit-request.json"))
	policy := readFile(t, filepath.Join(repoRoot, "internal", "crossfile", "testdata", "example", "policies", "audit.json"))
	n := 2*lint.Window + 10
	files := map[string]string{"r00000.json": strings.Replace(request, `"requestType": "userAdd"`, `"requestType": "UserAdd"`, 1)}
	for i := 1; i < n; i++ {
		files[fmt.Sprintf("r%05d.json", i)] = request
	}
	dir := writeTree(t, files)
	last := filepath.Join(dir, fmt.Sprintf("r%05d.json", n-1))
	w := &removeAtFirstWrite{path: last}
	if rest := runLintTo(t, w, true, "--color", "never", dir); w.Len() == 0 || !strings.Contains(rest, filepath.Base(last)) {
		t.Errorf("the held requests were not written before the last file was read:\n%s\n%s", w.String(), rest)
	}

	if err := os.WriteFile(last, []byte(request), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "z-policy.json"), []byte(policy), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := sameStreamed(t, "--color", "never", dir); strings.Count(out, "[crossfile-required-question]") != n {
		t.Errorf("want a cross-file finding in each of the %d requests:\n%s", n, out)
	}
}

type removeAtFirstWrite struct {
	bytes.Buffer
	path    string
	removed bool
}

func (w *removeAtFirstWrite) Write(p []byte) (int, error) {
	if !w.removed {
		w.removed = true
		os.Remove(w.path)
	}
	return w.Buffer.Write(p)
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// treeText is every file under dir with its content.
func treeText(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		fmt.Fprintf(&b, "== %s\n%s\n", rel, readFile(t, path))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
