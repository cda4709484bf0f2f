package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/examples")

// binary is emlint built once for the whole test, so the tests exercise the
// program users run: flags, exit status, stdout and stderr.
var binary string

// repoRoot is where the binary runs, so that file names in the golden
// output are relative and the same on every machine.
var repoRoot string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "emlint-test")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "emlint")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		panic("building emlint: " + err.Error() + "\n" + string(out))
	}
	repoRoot, _ = filepath.Abs("../..")
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

func emlint(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = repoRoot
	cmd.Env = append(os.Environ(), "NO_COLOR=")
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

// examples lists the payloads under testdata/examples with the api and kind
// their directory names: testdata/examples/<group>/<api>/<kind>/<file>.json.
func examples(t *testing.T) []struct{ path, api, kind string } {
	t.Helper()
	var out []struct{ path, api, kind string }
	root := filepath.Join(repoRoot, "testdata", "examples")
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".json" {
			return err
		}
		rel, _ := filepath.Rel(repoRoot, path)
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if len(parts) != 6 {
			t.Fatalf("%s: want testdata/examples/<group>/<api>/<kind>/<file>.json", rel)
		}
		out = append(out, struct{ path, api, kind string }{filepath.ToSlash(rel), parts[3], parts[4]})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no examples found")
	}
	return out
}

// TestGolden lints every example as the api and kind of its directory and
// compares text and JSON output with the golden files beside it
// (<file>.text.golden, <file>.json.golden). Run with -update to rewrite them
// after a deliberate change, and review the diff.
func TestGolden(t *testing.T) {
	for _, ex := range examples(t) {
		t.Run(ex.path, func(t *testing.T) {
			text := emlint(t, "", "lint", "--color", "never", "--api", ex.api, "--kind", ex.kind, ex.path)
			js := emlint(t, "", "lint", "--format", "json", "--api", ex.api, "--kind", ex.kind, ex.path)
			if text.code != js.code || text.code > 1 {
				t.Fatalf("exit status text %d, json %d; stderr: %s", text.code, js.code, text.stderr)
			}
			gotText := text.stdout + "-- stderr --\n" + text.stderr + "-- exit status " + strconv.Itoa(text.code) + "\n"
			compareGolden(t, filepath.Join(repoRoot, ex.path+".text.golden"), gotText)
			compareGolden(t, filepath.Join(repoRoot, ex.path+".json.golden"), js.stdout)

			var out struct {
				Findings []struct{ Severity, Rule string }
			}
			if err := json.Unmarshal([]byte(js.stdout), &out); err != nil {
				t.Fatalf("JSON output does not decode: %v", err)
			}
			// Our own valid examples must lint clean; the docs examples are
			// judged one by one in their golden files and MANIFEST.md.
			if strings.HasPrefix(filepath.Base(ex.path), "valid-") && len(out.Findings) > 0 {
				t.Errorf("a valid example has findings:\n%s", text.stdout)
			}
			if strings.HasPrefix(filepath.Base(ex.path), "invalid-") && text.code != 1 {
				t.Errorf("an invalid example must exit 1, got %d", text.code)
			}
		})
	}
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/emlint -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("output differs from %s (run go test ./cmd/emlint -update and review the diff)\n--- got ---\n%s\n--- want ---\n%s", filepath.Base(path), got, want)
	}
}

// Detection without flags must agree with the directory an example sits in,
// except for bodies that Microsoft's docs send to one version in the other
// version's shape: those need --api (or a configuration mapping).
func TestDetectionMatchesDirectories(t *testing.T) {
	needsFlag := map[string]bool{}
	if b, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "examples", "needs-api-flag.txt")); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
				needsFlag[line] = true
			}
		}
	}
	for _, ex := range examples(t) {
		r := emlint(t, "", "lint", "--format", "json", ex.path)
		var out struct {
			Files []struct{ API, Kind, Status string }
		}
		if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || len(out.Files) != 1 {
			t.Errorf("%s: %v %s", ex.path, err, r.stdout)
			continue
		}
		f := out.Files[0]
		matches := f.API == ex.api && f.Kind == ex.kind
		if matches == needsFlag[ex.path] {
			t.Errorf("%s: detected %s %s (status %s), directory says %s %s; listed in needs-api-flag.txt: %v",
				ex.path, f.API, f.Kind, f.Status, ex.api, ex.kind, needsFlag[ex.path])
		}
	}
}

func TestCLI(t *testing.T) {
	valid := "testdata/examples/emlint/v1.0/request/valid-admin-add.json"
	invalid := "testdata/examples/emlint/v1.0/policy/invalid-mixed-versions.json"
	tmp := t.TempDir()
	pkg := filepath.Join(tmp, "package.json")
	os.WriteFile(pkg, []byte(`{"name": "x", "description": "not a payload", "version": "1.0.0"}`), 0o644)
	tsconfig := filepath.Join(tmp, "tsconfig.json")
	os.WriteFile(tsconfig, []byte("{\n  // comments make this invalid JSON\n  \"compilerOptions\": {},\n}\n"), 0o644)
	broken := filepath.Join(tmp, "broken.json")
	os.WriteFile(broken, []byte("{\n  \"requestType\": \"adminAdd\",\n  \"assignment\": {\n}\n"), 0o644)

	for _, c := range []struct {
		name     string
		stdin    string
		args     []string
		code     int
		stdout   []string // fragments that must appear
		stderr   []string
		noStdout bool
	}{
		{name: "valid file", args: []string{"lint", valid}, code: 0, stderr: []string{"no problems in 1 file"}, noStdout: true},
		{name: "invalid file", args: []string{"lint", "--color", "never", invalid}, code: 1,
			stdout: []string{invalid + ":7:3: error: ", "[cross-version-property]", " 7 |   \"durationInDays\": 30,", "   |   ^~~~~~~~~~~~~~~~\n"},
			stderr: []string{"errors", "in 1 of 1 file"}},
		{name: "missing path", args: []string{"lint", "no/such/file.json"}, code: 2, stderr: []string{"no/such/file.json: no such file or directory"}},
		{name: "missing path among good ones still reports the rest", args: []string{"lint", "--color", "never", invalid, "nope.json"}, code: 2,
			stdout: []string{"[cross-version-property]"}, stderr: []string{"nope.json: no such file"}},
		{name: "bad flag", args: []string{"lint", "--frobnicate"}, code: 2, stderr: []string{"flag provided but not defined: -frobnicate"}},
		{name: "bad api", args: []string{"lint", "--api", "v2", valid}, code: 2, stderr: []string{"--api \"v2\": use beta or v1.0"}},
		{name: "bad format", args: []string{"lint", "--format", "xml", valid}, code: 2, stderr: []string{"unknown format \"xml\""}},
		{name: "flags after paths", args: []string{"lint", valid, "--format", "json"}, code: 0, stdout: []string{`"status": "linted"`}},
		{name: "not a payload is skipped", args: []string{"lint", "--verbose", pkg, tsconfig}, code: 0,
			stderr: []string{"skipped " + pkg, "skipped " + tsconfig, "no problems in 0 files; 2 files skipped"}, noStdout: true},
		{name: "broken payload is reported", args: []string{"lint", "--color", "never", broken}, code: 1,
			stdout: []string{broken + ":5:1: error: invalid JSON: unexpected end of file", "[json-syntax]"}},
		{name: "kind forces a non-payload", args: []string{"lint", "--kind", "request", pkg}, code: 1, stdout: []string{"unknown property `name`"}},
		{name: "stdin", stdin: `{"requestType": "adminRemove", "assignment": {"id": "not-a-guid"}}`,
			args: []string{"lint", "--color", "never", "--stdin-filename", "req.json", "-"}, code: 1, stdout: []string{"req.json:1:"}},
		{name: "stdin default name", stdin: `{"requestType": "adminRemove", "assignment": {"id": "e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11"}}`,
			args: []string{"lint", "-"}, code: 0, noStdout: true},
		{name: "duplicate key", stdin: "{\"requestType\": \"adminRemove\",\n \"requestType\": \"adminRemove\", \"assignment\": {\"id\": \"e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11\"}}",
			args: []string{"lint", "--color", "never", "-"}, code: 1, stdout: []string{"<stdin>:2:2: error: duplicate property `requestType`", "first is at line 1"}},
		{name: "colour always", args: []string{"lint", "--color", "always", invalid}, code: 1, stdout: []string{"\x1b["}},
		{name: "version", args: []string{"version"}, code: 0, stdout: []string{"emlint "}},
		{name: "help", args: []string{"help"}, code: 0, stdout: []string{"emlint lint [flags] [PATH ...]"}},
		{name: "no command", args: nil, code: 2, stderr: []string{"Usage:"}},
		{name: "unknown command", args: []string{"frob"}, code: 2, stderr: []string{"unknown command \"frob\""}},
		{name: "rules", args: []string{"rules"}, code: 0, stdout: []string{"beta-approval-mode", "schema-unknown-property", "json-syntax"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := emlint(t, c.stdin, c.args...)
			if r.code != c.code {
				t.Errorf("exit status %d, want %d\nstdout: %s\nstderr: %s", r.code, c.code, r.stdout, r.stderr)
			}
			for _, s := range c.stdout {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, r.stdout)
				}
			}
			for _, s := range c.stderr {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
				}
			}
			if c.noStdout && r.stdout != "" {
				t.Errorf("want no stdout, got:\n%s", r.stdout)
			}
		})
	}
}

func TestJSONOutputFields(t *testing.T) {
	r := emlint(t, "", "lint", "--format", "json", "testdata/examples/emlint/v1.0/policy/invalid-mixed-versions.json", "testdata/examples/emlint/v1.0/request/valid-admin-add.json")
	var out struct {
		Findings []map[string]any `json:"findings"`
		Files    []map[string]any `json:"files"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Findings) == 0 || len(out.Files) != 2 {
		t.Fatalf("got %s", r.stdout)
	}
	for _, f := range out.Findings {
		for _, k := range []string{"file", "line", "column", "endLine", "endColumn", "severity", "rule", "message", "pointer", "api", "kind"} {
			if _, ok := f[k]; !ok {
				t.Errorf("finding lacks %q: %v", k, f)
			}
		}
	}
	for _, f := range out.Files {
		for _, k := range []string{"file", "api", "kind", "status"} {
			if _, ok := f[k]; !ok {
				t.Errorf("file entry lacks %q: %v", k, f)
			}
		}
	}
	// Stable order: by file, line, column.
	for i := 1; i < len(out.Findings); i++ {
		a, b := out.Findings[i-1], out.Findings[i]
		if a["file"] == b["file"] && (a["line"].(float64) > b["line"].(float64) ||
			a["line"] == b["line"] && a["column"].(float64) > b["column"].(float64)) {
			t.Errorf("findings out of order: %v before %v", a, b)
		}
	}
}

// TestREADMERules keeps the README's rule table equal to the registry.
func TestREADMERules(t *testing.T) {
	const begin, end = "<!-- BEGIN RULES -->\n", "<!-- END RULES -->"
	path := filepath.Join(repoRoot, "README.md")
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i, j := bytes.Index(readme, []byte(begin)), bytes.Index(readme, []byte(end))
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q ... %q markers", begin, end)
	}
	r := emlint(t, "", "rules", "--format", "markdown")
	if r.code != 0 {
		t.Fatalf("emlint rules: %d %s", r.code, r.stderr)
	}
	current := string(readme[i+len(begin) : j])
	if current == r.stdout {
		return
	}
	if *update {
		updated := string(readme[:i+len(begin)]) + r.stdout + string(readme[j:])
		if err := os.WriteFile(path, []byte(updated), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("the README's rule table is stale: run go test ./cmd/emlint -run TestREADME -update")
}
