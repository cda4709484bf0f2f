package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
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
	// emlint-schema beside it, as go install puts them: schema standards run it.
	helper := filepath.Join(dir, "emlint-schema"+strings.TrimPrefix(filepath.Ext(binary), "."))
	if runtime.GOOS == "windows" {
		helper = filepath.Join(dir, "emlint-schema.exe")
	}
	if out, err := exec.Command("go", "build", "-o", helper, "../emlint-schema").CombinedOutput(); err != nil {
		panic("building emlint-schema: " + err.Error() + "\n" + string(out))
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
// their directory names: testdata/examples/<group>/<api>/<kind>/<file>.json;
// and the .http, Markdown, PowerShell and Terraform files under
// testdata/examples/{http,powershell,terraform}, whose calls name the shape
// (api and kind "").
func examples(t *testing.T) []struct{ path, api, kind string } {
	t.Helper()
	var out []struct{ path, api, kind string }
	root := filepath.Join(repoRoot, "testdata", "examples")
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(repoRoot, path)
		parts := strings.Split(filepath.ToSlash(rel), "/")
		container := map[string]bool{".http": true, ".md": true, ".ps1": true, ".psm1": true, ".tf": true}
		switch base := filepath.Base(path); {
		case base == "MANIFEST.md" || base == "README.md":
			return nil
		case (parts[2] == "http" || parts[2] == "powershell" || parts[2] == "terraform") && container[filepath.Ext(path)]:
			out = append(out, struct{ path, api, kind string }{filepath.ToSlash(rel), "", ""})
			return nil
		}
		if filepath.Ext(path) != ".json" {
			return nil
		}
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
			shape := []string{"--api", ex.api, "--kind", ex.kind}
			if ex.api == "" {
				shape = nil // the request lines say
			}
			text := emlint(t, "", append(append([]string{"lint", "--color", "never"}, shape...), ex.path)...)
			js := emlint(t, "", append(append([]string{"lint", "--format", "json"}, shape...), ex.path)...)
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
		if ex.api == "" {
			continue
		}
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

// writeFiles creates files (name -> content) under a new temporary directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// emlintIn runs emlint with dir as the working directory.
func emlintIn(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	code := 0
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

const (
	// A v1.0 body that Microsoft's docs POST with the beta keys.
	pascalRequest = `{"requestType": "UserAdd", "accessPackageAssignment": {"accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"}}`
	// One error (placeholder id) and one warning (PascalCase) in v1.0.
	brokenRequest = "{\n  \"requestType\": \"AdminRemove\",\n  \"assignment\": {\"id\": \"string (identifier)\"}\n}\n"
)

func TestConfig(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".emlint.yaml":       "files:\n  - path: \"v1/**\"\n    api: v1.0\n    kind: request\nrules:\n  request-type-casing: error\nignore:\n  - path: \"legacy/**\"\n    pointer: \"/assignment/id\"\n    rules: [id-format]\n  - path: \"nothing/**\"\n",
		"v1/ex4.json":        pascalRequest,
		"legacy/broken.json": brokenRequest,
		"sub/dir/.keep":      "",
	})
	// files: maps v1/** to v1.0 requests, so the beta-looking body is judged as v1.0,
	// and the configured severity makes the casing warning an error.
	r := emlintIn(t, dir, "lint", "--color", "never", "v1/ex4.json")
	if r.code != 1 || !strings.Contains(r.stdout, "error: v1.0 `requestType` values are camelCase") || !strings.Contains(r.stdout, "[request-assignment-key]") {
		t.Errorf("files mapping and severity: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The config is found from a subdirectory too, and flags beat it.
	r = emlintIn(t, filepath.Join(dir, "sub", "dir"), "lint", "--format", "json", "--api", "beta", "../../v1/ex4.json")
	if r.code != 0 || !strings.Contains(r.stdout, `"api": "beta"`) {
		t.Errorf("--api must beat the config's files mapping: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// One finding silenced in one file; the same rule still fires elsewhere.
	r = emlintIn(t, dir, "lint", "--color", "never", "--report-unused-ignores", "legacy/broken.json")
	if strings.Contains(r.stdout, "[id-format]") || !strings.Contains(r.stdout, "[request-type-casing]") {
		t.Errorf("ignore entry: %d\n%s", r.code, r.stdout)
	}
	if !strings.Contains(r.stderr, ".emlint.yaml:11:5: warning: this ignore entry (path \"nothing/**\") matched no finding") {
		t.Errorf("unused ignore not reported:\n%s", r.stderr)
	}
	other := writeFiles(t, map[string]string{"broken.json": brokenRequest})
	r = emlintIn(t, other, "lint", "--config", filepath.Join(dir, ".emlint.yaml"), "--color", "never", filepath.Join(other, "broken.json"))
	if !strings.Contains(r.stdout, "[id-format]") {
		t.Errorf("the ignore entry must not silence other paths:\n%s", r.stdout)
	}
	// --no-config ignores the file; --disable and --enable override it.
	r = emlintIn(t, dir, "lint", "--no-config", "--format", "json", "v1/ex4.json")
	if !strings.Contains(r.stdout, `"api": "beta"`) {
		t.Errorf("--no-config: %s", r.stdout)
	}
	r = emlintIn(t, dir, "lint", "--color", "never", "--disable", "request-type-casing,request-assignment-key", "v1/ex4.json")
	if r.code != 0 || strings.Contains(r.stdout, "request-type-casing") {
		t.Errorf("--disable: %d\n%s", r.code, r.stdout)
	}
	r = emlintIn(t, dir, "lint", "--disable", "request-type-casng", "v1/ex4.json")
	if r.code != 2 || !strings.Contains(r.stderr, `did you mean "request-type-casing"?`) {
		t.Errorf("unknown rule in --disable: %d %s", r.code, r.stderr)
	}
}

func TestConfigErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".emlint.yaml": "rules:\n  request-type-casng: off\n",
		"a.json":       pascalRequest,
	})
	r := emlintIn(t, dir, "lint", "a.json")
	if r.code != 2 || !strings.Contains(r.stderr, ".emlint.yaml:2:3:") || !strings.Contains(r.stderr, "request-type-casing") {
		t.Errorf("a bad config must exit 2 at its position with a did-you-mean: %d %s", r.code, r.stderr)
	}
	r = emlintIn(t, dir, "lint", "--config", "missing.yaml", "a.json")
	if r.code != 2 {
		t.Errorf("a missing --config must exit 2: %d %s", r.code, r.stderr)
	}
}

func TestFailLevel(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.json": pascalRequest})
	if r := emlintIn(t, dir, "lint", "--api", "v1.0", "a.json"); r.code != 0 {
		t.Errorf("warnings alone exit 0, got %d", r.code)
	}
	if r := emlintIn(t, dir, "lint", "--api", "v1.0", "--fail-level", "warning", "a.json"); r.code != 1 {
		t.Errorf("--fail-level warning: warnings exit 1, got %d", r.code)
	}
	dir = writeFiles(t, map[string]string{".emlint.yaml": "fail-level: warning\n", "a.json": pascalRequest})
	if r := emlintIn(t, dir, "lint", "--api", "v1.0", "a.json"); r.code != 1 {
		t.Errorf("fail-level from the config, got %d", r.code)
	}
	if r := emlintIn(t, dir, "lint", "--api", "v1.0", "--fail-level", "error", "a.json"); r.code != 0 {
		t.Errorf("the flag beats the config, got %d", r.code)
	}
}

func TestBaseline(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.json": brokenRequest})
	r := emlintIn(t, dir, "lint", "--write-baseline", "baseline.json", "a.json")
	if r.code != 0 || !strings.Contains(r.stderr, "wrote 2 findings to baseline.json") {
		t.Fatalf("write: %d %s", r.code, r.stderr)
	}
	if r = emlintIn(t, dir, "lint", "--baseline", "baseline.json", "a.json"); r.code != 0 || r.stdout != "" {
		t.Errorf("nothing new: %d\n%s", r.code, r.stdout)
	}
	// Lines added above the findings do not resurrect them; a new finding is reported.
	os.WriteFile(filepath.Join(dir, "a.json"), []byte("\n\n"+strings.Replace(brokenRequest, `"assignment"`, `"justification": 1, "assignment"`, 1)), 0o644)
	r = emlintIn(t, dir, "lint", "--color", "never", "--baseline", "baseline.json", "a.json")
	if r.code != 1 || strings.Contains(r.stdout, "[id-format]") || !strings.Contains(r.stdout, "[schema-type]") {
		t.Errorf("after the edit: %d\n%s", r.code, r.stdout)
	}
	os.WriteFile(filepath.Join(dir, "bad-baseline.json"), []byte("{"), 0o644)
	if r = emlintIn(t, dir, "lint", "--baseline", "bad-baseline.json", "a.json"); r.code != 2 {
		t.Errorf("a malformed baseline exits 2, got %d", r.code)
	}
}

func TestInit(t *testing.T) {
	dir := t.TempDir()
	if r := emlintIn(t, dir, "init"); r.code != 0 {
		t.Fatalf("init: %d %s", r.code, r.stderr)
	}
	if r := emlintIn(t, dir, "init"); r.code != 2 || !strings.Contains(r.stderr, "--force") {
		t.Errorf("a second init must not overwrite: %d %s", r.code, r.stderr)
	}
	os.WriteFile(filepath.Join(dir, "a.json"), []byte(pascalRequest), 0o644)
	if r := emlintIn(t, dir, "lint", "a.json"); r.code != 0 {
		t.Errorf("the written config must load: %d %s", r.code, r.stderr)
	}
}

func TestSchemaAndExplain(t *testing.T) {
	r := emlint(t, "", "schema", "--api", "beta", "--kind", "request")
	if r.code != 0 || !strings.Contains(r.stdout, `"$id": "https://github.com/emlint/emlint/schemas/beta-request.schema.json"`) {
		t.Errorf("schema: %d %.200s", r.code, r.stdout)
	}
	r = emlint(t, "", "explain", "id-format")
	if r.code != 0 || !strings.Contains(r.stdout, "Evidence") {
		t.Errorf("explain: %d %s", r.code, r.stdout)
	}
	r = emlint(t, "", "explain", "id-fromat")
	if r.code != 2 || !strings.Contains(r.stderr, `did you mean "id-format"?`) {
		t.Errorf("explain unknown: %d %s", r.code, r.stderr)
	}
}

func TestRulesOffByDefault(t *testing.T) {
	body := `{"requestType": "UserAdd", "accessPackageAssignment": {"accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b", "assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8"}}`
	dir := writeFiles(t, map[string]string{"a.json": body})
	if r := emlintIn(t, dir, "lint", "a.json"); strings.Contains(r.stdout, "beta-legacy-endpoint-deprecated") {
		t.Errorf("an off rule fired by default:\n%s", r.stdout)
	}
	if r := emlintIn(t, dir, "lint", "--enable", "beta-legacy-endpoint-deprecated", "a.json"); !strings.Contains(r.stdout, "[beta-legacy-endpoint-deprecated]") || r.code != 0 {
		t.Errorf("--enable: %d\n%s", r.code, r.stdout)
	}
	dir = writeFiles(t, map[string]string{"a.json": body, ".emlint.yaml": "rules:\n  beta-legacy-endpoint-deprecated: warning\n"})
	if r := emlintIn(t, dir, "lint", "--color", "never", "a.json"); !strings.Contains(r.stdout, "warning: the legacy") {
		t.Errorf("configured severity turns it on:\n%s", r.stdout)
	}
}

// The README's configuration example must be a configuration emlint accepts.
func TestREADMEConfigExample(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)[strings.Index(string(readme), "## Configuration"):]
	start := strings.Index(section, "```yaml\n") + len("```yaml\n")
	end := strings.Index(section[start:], "```")
	if start < len("```yaml\n") || end < 0 {
		t.Fatal("no yaml block in the README's Configuration section")
	}
	dir := writeFiles(t, map[string]string{".emlint.yaml": section[start : start+end], "a.json": pascalRequest})
	if r := emlintIn(t, dir, "lint", "a.json"); r.code == 2 {
		t.Errorf("the README's example configuration is rejected: %s", r.stderr)
	}
}

// lspMessages frames JSON-RPC messages as an LSP client sends them.
func lspMessages(msgs ...string) string {
	var b strings.Builder
	for _, m := range msgs {
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(m), m)
	}
	return b.String()
}

// The language server lints unsaved text with the configuration of the
// file's directory: a rule the workspace turns off is not published.
func TestLSPHonoursWorkspaceConfig(t *testing.T) {
	dir := writeFiles(t, map[string]string{".emlint.yaml": "rules:\n  request-type-casing: off\n"})
	uri := "file://" + filepath.ToSlash(filepath.Join(dir, "req.json"))
	text, _ := json.Marshal(`{"requestType": "AdminRemove", "assignment": {"id": "not-a-guid"}}`)
	in := lspMessages(
		`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`,
		`{"jsonrpc":"2.0","method":"initialized","params":{}}`,
		`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"`+uri+`","languageId":"json","version":1,"text":`+string(text)+`}}}`,
		`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`,
		`{"jsonrpc":"2.0","method":"exit"}`,
	)
	cmd := exec.Command(binary, "lsp")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("emlint lsp: %v", err)
	}
	s := string(out)
	if !strings.Contains(s, `"method":"textDocument/publishDiagnostics"`) || !strings.Contains(s, `"code":"id-format"`) {
		t.Fatalf("no diagnostics for the open buffer:\n%s", s)
	}
	if strings.Contains(s, "request-type-casing") {
		t.Errorf("a rule the workspace configuration turns off was published:\n%s", s)
	}
}

func TestMigrate(t *testing.T) {
	beta, err := os.ReadFile(filepath.Join(repoRoot, "testdata/examples/emlint/beta/policy/valid-single-stage.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string]string{"p.json": string(beta), "package.json": `{"name": "x"}`})
	r := emlintIn(t, dir, "migrate", "p.json")
	if r.code != 0 || !strings.Contains(r.stdout, `"duration": "P180D"`) || !strings.Contains(r.stderr, "p.json:8:5: warning:") {
		t.Fatalf("migrate: %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	// The output is a v1.0 body that lints without errors.
	os.WriteFile(filepath.Join(dir, "out.json"), []byte(r.stdout), 0o644)
	if l := emlintIn(t, dir, "lint", "--api", "v1.0", "--kind", "policy", "out.json"); l.code != 0 {
		t.Errorf("the migrated body does not lint clean as v1.0:\n%s", l.stdout)
	}
	r = emlintIn(t, dir, "migrate", "--diff", "p.json")
	if !strings.Contains(r.stdout, "--- a/p.json") || !strings.Contains(r.stdout, `+  "allowedTargetScope": "allConfiguredConnectedOrganizationUsers",`) {
		t.Errorf("--diff:\n%s", r.stdout)
	}
	r = emlintIn(t, dir, "migrate", "--write", "p.json", "package.json")
	after, _ := os.ReadFile(filepath.Join(dir, "p.json"))
	pkg, _ := os.ReadFile(filepath.Join(dir, "package.json"))
	if r.code != 0 || !strings.Contains(string(after), `"accessPackage": {`) || string(pkg) != `{"name": "x"}` {
		t.Errorf("--write: %d %s\n%s", r.code, r.stderr, after)
	}
	if r = emlintIn(t, dir, "migrate", "p.json"); r.code != 0 || !strings.Contains(r.stderr, "already the v1.0 shape") {
		t.Errorf("a v1.0 body: %d %s", r.code, r.stderr)
	}
}

func TestFix(t *testing.T) {
	before := "{\r\n  \"requestType\": \"AdminAdd\",\r\n  \"id\": \"7e382d02-4454-436b-b700-59c7dd77f466\",\r\n  \"assignment\": {\r\n    \"targetId\": \"46184453-e63b-4f20-86c2-c557ed5d5df9\",\r\n    \"assignmentPolicyId\": \"2264bf65-76ba-417b-a27d-54d291f0cbc8\",\r\n    \"AccessPackageId\": \"a914b616-e04e-476b-aa37-91038f0b165b\"\r\n  }\r\n}\r\n"
	want := "{\r\n  \"requestType\": \"adminAdd\",\r\n  \"assignment\": {\r\n    \"targetId\": \"46184453-e63b-4f20-86c2-c557ed5d5df9\",\r\n    \"assignmentPolicyId\": \"2264bf65-76ba-417b-a27d-54d291f0cbc8\",\r\n    \"accessPackageId\": \"a914b616-e04e-476b-aa37-91038f0b165b\"\r\n  }\r\n}\r\n"
	policy := "{\n  \"id\": \"5540a08f-7f49-4d3a-a7b9-0e9a2f3c4d5e\",\n  \"accessPackageId\": \"a8a5f1c3-2e4b-4d6f-9a1c-3e5b7d9f1a2c\",\n  \"displayName\": \"p\", \"description\": \"d\", \"canExtend\": false, \"durationInDays\": 30, \"expirationDateTime\": null,\n  \"accessReviewSettings\": null,\n  \"requestorSettings\": {\"scopeType\": \"AllExistingDirectoryMemberUsers\", \"acceptRequests\": true, \"allowedRequestors\": []},\n  \"requestApprovalSettings\": {\n    \"isApprovalRequired\": true,\n    \"approvalStages\": [\n      {\n        \"approvalStageTimeOutInDays\": 14,\n        \"primaryApprovers\": [{\"@odata.type\": \"#microsoft.graph.requestorManager\", \"managerLevel\": 1}, {\"@odata.type\": \"#microsoft.graph.singleUser\", \"isBackup\": true, \"id\": \"3c1e5f7a-9b2d-4e6f-8a0c-1b3d5f7a9c2e\"}]\n      }\n    ]\n  }\n}\n"
	dir := writeFiles(t, map[string]string{
		"req.json":    before,
		"policy.json": policy,
		"broken.json": "{\"requestType\": \"AdminAdd\", \"assignment\": {\"id\": \"x\"},,}",
	})
	r := emlintIn(t, dir, "lint", "--fix", "req.json", "policy.json", "broken.json")
	got, _ := os.ReadFile(filepath.Join(dir, "req.json"))
	if string(got) != want {
		t.Errorf("--fix must change only what the fixes name and keep CRLF line endings:\ngot  %q\nwant %q", got, want)
	}
	if strings.Contains(r.stdout, "req.json") {
		t.Errorf("fixed findings are still reported:\n%s", r.stdout)
	}
	fixed, _ := os.ReadFile(filepath.Join(dir, "policy.json"))
	if !strings.Contains(string(fixed), "\"primaryApprovers\": [{\"@odata.type\": \"#microsoft.graph.requestorManager\", \"managerLevel\": 1}, {\"@odata.type\": \"#microsoft.graph.singleUser\", \"isBackup\": true, \"id\": \"3c1e5f7a-9b2d-4e6f-8a0c-1b3d5f7a9c2e\"}],\n        \"escalationApprovers\": []\n      }") {
		t.Errorf("the empty escalationApprovers must be added, indented like its siblings:\n%s", fixed)
	}
	broken, _ := os.ReadFile(filepath.Join(dir, "broken.json"))
	if string(broken) != "{\"requestType\": \"AdminAdd\", \"assignment\": {\"id\": \"x\"},,}" {
		t.Errorf("a file with a syntax error must never be changed: %s", broken)
	}
	// A second run changes nothing.
	r2 := emlintIn(t, dir, "lint", "--fix", "req.json", "policy.json")
	again, _ := os.ReadFile(filepath.Join(dir, "req.json"))
	again2, _ := os.ReadFile(filepath.Join(dir, "policy.json"))
	if string(again) != string(got) || string(again2) != string(fixed) {
		t.Errorf("--fix is not idempotent: %s", r2.stderr)
	}
}

// The language server offers the fixes of `emlint lint --fix` as code actions.
func TestLSPCodeActions(t *testing.T) {
	dir := t.TempDir()
	uri := "file://" + filepath.ToSlash(filepath.Join(dir, "req.json"))
	text, _ := json.Marshal("{\n  \"requestType\": \"AdminRemove\",\n  \"assignment\": {\"id\": \"46184453-e63b-4f20-86c2-c557ed5d5df9\"}\n}\n")
	in := lspMessages(
		`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`,
		`{"jsonrpc":"2.0","method":"initialized","params":{}}`,
		`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"`+uri+`","languageId":"json","version":1,"text":`+string(text)+`}}}`,
		`{"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"`+uri+`"},"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":30}},"context":{"diagnostics":[]}}}`,
		`{"jsonrpc":"2.0","id":3,"method":"shutdown"}`,
		`{"jsonrpc":"2.0","method":"exit"}`,
	)
	cmd := exec.Command(binary, "lsp")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("emlint lsp: %v", err)
	}
	s := string(out)
	want := `"edit":{"changes":{"` + uri + `":[{"range":{"start":{"line":1,"character":17},"end":{"line":1,"character":30}},"newText":"\"adminRemove\""}]}}`
	if !strings.Contains(s, `"kind":"quickfix"`) || !strings.Contains(s, want) {
		t.Errorf("no quick fix for the requestType casing:\n%s\nwant %s", s, want)
	}
}

// A request is checked against the policy it names when both are linted in
// one run, with both positions in the message.
func TestCrossFile(t *testing.T) {
	policy, _ := os.ReadFile(filepath.Join(repoRoot, "internal/crossfile/testdata/example/policies/audit.json"))
	request, _ := os.ReadFile(filepath.Join(repoRoot, "internal/crossfile/testdata/example/requests/audit-request.json"))
	dir := writeFiles(t, map[string]string{"policies/audit.json": string(policy), "requests/audit-request.json": string(request)})
	r := emlintIn(t, dir, "lint", "--color", "never", ".")
	for _, want := range []string{
		"requests/audit-request.json:7:3: error: question `8fe745e7-80b2-490d-bd22-4e708c77288c`",
		"required by the policy in policies/audit.json:49",
		"[crossfile-justification-required]",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("missing %q in:\n%s", want, r.stdout)
		}
	}
	// Alone, the request cannot be checked against anything: no cross-file finding.
	if r := emlintIn(t, dir, "lint", "requests/audit-request.json"); strings.Contains(r.stdout, "crossfile") {
		t.Errorf("cross-file finding without the policy:\n%s", r.stdout)
	}
}

// With `policies:` in the configuration, a request is checked against its
// policy even when only the request is linted, as in a pre-commit hook.
func TestCrossFileConfiguredPolicies(t *testing.T) {
	policy, _ := os.ReadFile(filepath.Join(repoRoot, "internal/crossfile/testdata/example/policies/audit.json"))
	request, _ := os.ReadFile(filepath.Join(repoRoot, "internal/crossfile/testdata/example/requests/audit-request.json"))
	dir := writeFiles(t, map[string]string{
		".emlint.yaml":                "policies: [\"policies/**/*.json\"]\n",
		"policies/audit.json":         string(policy),
		"requests/audit-request.json": string(request),
	})
	r := emlintIn(t, dir, "lint", "--color", "never", "requests/audit-request.json")
	if r.code != 1 || !strings.Contains(r.stdout, "[crossfile-required-question]") || strings.Contains(r.stdout, "policies/audit.json:") && strings.Contains(r.stdout, "\npolicies/audit.json") {
		t.Errorf("configured policies: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "in 1 of 1 file") {
		t.Errorf("the policy files are context, not linted files: %s", r.stderr)
	}
}

// --fix over every bundled example: nothing it writes is broken JSON, no
// fixable finding is left, the findings only go down, and a second run
// changes nothing.
func TestFixAllExamples(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(repoRoot, "testdata", "examples")
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".golden") {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755)
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	type report struct {
		Findings []struct {
			Rule string
			Fix  *struct {
				Description string
				Edits       []any
			}
		}
	}
	lintJSON := func(args ...string) report {
		r := emlintIn(t, dir, append([]string{"lint", "--format", "json"}, args...)...)
		var rep report
		if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
			t.Fatalf("%v: %s", err, r.stderr)
		}
		return rep
	}
	before := lintJSON(".")
	fixable := 0
	for _, f := range before.Findings {
		if f.Fix != nil && len(f.Fix.Edits) > 0 {
			fixable++
		}
	}
	if fixable == 0 {
		t.Fatal("the examples have no fixable finding: the test proves nothing")
	}
	after := lintJSON("--fix", ".")
	for _, f := range after.Findings {
		if f.Rule == "json-syntax" {
			t.Errorf("--fix wrote broken JSON")
		}
		if f.Fix != nil && len(f.Fix.Edits) > 0 {
			t.Errorf("a fixable %s finding is left", f.Rule)
		}
	}
	if len(after.Findings) >= len(before.Findings) {
		t.Errorf("findings %d -> %d: --fix fixed nothing", len(before.Findings), len(after.Findings))
	}
	snapshot := func() map[string]string {
		m := map[string]string{}
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := os.ReadFile(p)
				m[p] = string(b)
			}
			return nil
		})
		return m
	}
	once := snapshot()
	lintJSON("--fix", ".")
	if twice := snapshot(); !reflect.DeepEqual(once, twice) {
		t.Errorf("a second --fix changed files")
	}
}

// A PUT request line makes the body a policy update even without an id in
// it: update-is-full-put warns about the sections it would reset.
func TestHTTPPutIsUpdate(t *testing.T) {
	body := "{\n  \"displayName\": \"Partners\",\n  \"description\": \"d\",\n  \"accessPackage\": {\"id\": \"a8a5f1c3-2e4b-4d6f-9a1c-3e5b7d9f1a2c\"}\n}\n"
	dir := writeFiles(t, map[string]string{
		"put.http":  "PUT https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies/4540a08f-7f49-4d3a-a7b9-0e9a2f3c4d5e\nContent-Type: application/json\n\n" + body,
		"post.http": "POST https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies\nContent-Type: application/json\n\n" + body,
	})
	if r := emlintIn(t, dir, "lint", "put.http"); !strings.Contains(r.stdout, "[update-is-full-put]") {
		t.Errorf("PUT: no update-is-full-put finding:\n%s", r.stdout)
	}
	if r := emlintIn(t, dir, "lint", "post.http"); strings.Contains(r.stdout, "[update-is-full-put]") {
		t.Errorf("POST is a create, not an update:\n%s", r.stdout)
	}
}

// TestMicrosoftVerdicts holds the linter to the verdicts recorded for
// Microsoft's own PowerShell and Terraform examples: the `emlint` column of
// each MANIFEST.md lists, by severity, the rule ids a file must get, no more
// and no fewer ("clean": none).
func TestMicrosoftVerdicts(t *testing.T) {
	for _, dir := range []string{"testdata/examples/powershell/microsoft", "testdata/examples/terraform/microsoft"} {
		manifest, err := os.ReadFile(filepath.Join(repoRoot, dir, "MANIFEST.md"))
		if err != nil {
			t.Fatal(err)
		}
		rows := 0
		for _, line := range strings.Split(string(manifest), "\n") {
			cols := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), " | ")
			file := strings.TrimSpace(cols[0])
			if !strings.HasPrefix(line, "| ") || !(strings.HasSuffix(file, ".ps1") || strings.HasSuffix(file, ".tf")) {
				continue
			}
			rows++
			want := strings.TrimSpace(cols[len(cols)-1])
			r := emlint(t, "", "lint", "--format", "json", filepath.Join(dir, file))
			var out struct {
				Findings []struct{ Severity, Rule string }
			}
			if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			bySeverity := map[string]map[string]bool{}
			for _, f := range out.Findings {
				if bySeverity[f.Severity] == nil {
					bySeverity[f.Severity] = map[string]bool{}
				}
				bySeverity[f.Severity]["`"+f.Rule+"`"] = true
			}
			var parts []string
			for _, sev := range []string{"error", "warning", "info"} {
				if rules := bySeverity[sev]; len(rules) > 0 {
					list := make([]string, 0, len(rules))
					for r := range rules {
						list = append(list, r)
					}
					sort.Strings(list)
					parts = append(parts, sev+": "+strings.Join(list, ", "))
				}
			}
			got := "clean"
			if len(parts) > 0 {
				got = strings.Join(parts, "; ")
			}
			if got != want {
				t.Errorf("%s/%s: emlint says %q, the manifest %q", dir, file, got, want)
			}
		}
		if rows < 4 {
			t.Errorf("%s: only %d manifest rows read", dir, rows)
		}
	}
}

// --verbose lists the bodies found in a script, and the JSON report has them
// for each file; standard input named as a script is read as one.
func TestScriptBodiesReported(t *testing.T) {
	script := "$p = @{\n  requestType = 'adminRemove'\n  assignment = @{ id = $a.Id }\n}\n" +
		"New-MgEntitlementManagementAssignmentRequest -BodyParameter $p\n" +
		"Invoke-MgGraphRequest -Method POST -Uri 'beta/identityGovernance/entitlementManagement/accessPackageAssignmentRequests' -Body '{\"requestType\": \"AdminRemove\", \"accessPackageAssignment\": {\"id\": \"e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11\"}}'\n"
	dir := writeFiles(t, map[string]string{"grant.ps1": script})
	r := emlintIn(t, dir, "lint", "--verbose", "grant.ps1")
	for _, want := range []string{
		"emlint: linted grant.ps1 as v1.0-request: 2 bodies",
		"emlint:   grant.ps1:1:6-4:2: v1.0-request body, POST via New-MgEntitlementManagementAssignmentRequest",
		"emlint:   grant.ps1:6:127-6:234: beta-request body, POST via Invoke-MgGraphRequest",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("--verbose: no %q in\n%s", want, r.stderr)
		}
	}
	out := []byte(emlint(t, script, "lint", "--format", "json", "--stdin-filename", "deploy/grant.ps1", "-").stdout)
	var rep struct {
		Files []struct {
			File   string
			Bodies []struct {
				Line, Column, EndLine, EndColumn int
				API, Kind, Method, Via           string
			}
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil || len(rep.Files) != 1 || len(rep.Files[0].Bodies) != 2 {
		t.Fatalf("JSON bodies: %v %s", err, out)
	}
	b := rep.Files[0].Bodies[1]
	if rep.Files[0].File != "deploy/grant.ps1" || b.Line != 6 || b.Column != 127 || b.API != "beta" || b.Kind != "request" || b.Method != "POST" || b.Via != "Invoke-MgGraphRequest" {
		t.Errorf("second body: %+v", rep.Files[0])
	}
}
