package migrate

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/schemas"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// example is one legacy beta body of the repository's examples.
type example struct {
	path string // relative to the package directory
	rel  string // relative to testdata/examples
	name string // the golden files' base name
	kind schemas.Kind
}

// betaExamples lists every beta body under testdata/examples
// (<group>/beta/<kind>/<file>.json).
func betaExamples(t *testing.T) []example {
	t.Helper()
	out, err := listBetaExamples()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func listBetaExamples() ([]example, error) {
	root := filepath.Join("..", "..", "testdata", "examples")
	paths, err := filepath.Glob(filepath.Join(root, "*", "beta", "*", "*.json"))
	if err != nil {
		return nil, err
	}
	var out []example
	seen := map[string]string{}
	for _, p := range paths {
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		parts := strings.Split(rel, "/")
		name := strings.TrimSuffix(parts[3], ".json")
		if other, dup := seen[name]; dup {
			return nil, fmt.Errorf("%s and %s would share the golden files %s.*: rename one", other, rel, name)
		}
		seen[name] = rel
		out = append(out, example{path: p, rel: rel, name: name, kind: schemas.Kind(parts[2])})
	}
	if len(out) < 20 {
		return nil, fmt.Errorf("found %d beta examples under %s, want all of them (20 or more)", len(out), root)
	}
	return out, nil
}

// justified lists the error-level findings that the v1.0 output of an
// example is expected to keep, besides id-format (placeholders and malformed
// GUIDs stay as the source wrote them), with the reason.
var justified = map[string]map[string]string{
	// The source asks for SystemRemove on purpose (it is an invalid example):
	// only Graph creates system requests, and the migration keeps the
	// request type it was given (with a note), so v1.0 reports it too.
	"invalid-system-remove": {"request-type-allowed": "service-only request type kept from the source"},
}

// TestGolden migrates every beta example, compares the output and the notes
// with testdata/<name>.v1.json and testdata/<name>.notes.txt (rewrite them
// with -update, then review the diff), and lints the output as v1.0: it must
// have no error-level finding but id-format and the justified ones above.
func TestGolden(t *testing.T) {
	for _, ex := range betaExamples(t) {
		t.Run(ex.name, func(t *testing.T) {
			input, err := os.ReadFile(ex.path)
			if err != nil {
				t.Fatal(err)
			}
			res, err := migrateKind(ex.kind, input)
			if err != nil {
				t.Fatalf("%s: %v", ex.rel, err)
			}
			linted := lint.Lint(ex.name+".json", res.Output, lint.Options{API: schemas.V1, Kind: ex.kind})
			if linted.Status != lint.Linted {
				t.Fatalf("the output was not linted: %s %s", linted.Status, linted.Reason)
			}
			for _, f := range linted.Findings {
				if f.Severity != finding.Error || f.Rule == "id-format" || justified[ex.name][f.Rule] != "" {
					continue
				}
				t.Errorf("the v1.0 output has an error: %d:%d: %s [%s]", f.Line, f.Col, f.Message, f.Rule)
			}
			golden(t, filepath.Join("testdata", ex.name+".v1.json"), res.Output)
			golden(t, filepath.Join("testdata", ex.name+".notes.txt"), notesText(ex, input, res, linted))
		})
	}
}

func migrateKind(kind schemas.Kind, input []byte) (Result, error) {
	if kind == schemas.Request {
		return Request(input)
	}
	return Policy(input)
}

// notesText is the human-readable record of a migration: its notes placed
// in the input, then what `emlint lint --api v1.0` says about the output.
func notesText(ex example, input []byte, res Result, linted lint.File) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# emlint migrate testdata/examples/%s -> %s.v1.json\n", ex.rel, ex.name)
	fmt.Fprintf(&b, "# notes: input line:col: severity: message (JSON Pointer in the input)\n")
	loc := NewLocator(input)
	for _, n := range res.Notes {
		p := loc.Position(n.Pointer)
		fmt.Fprintf(&b, "%d:%d: %s: %s (%q)\n", p.Line, p.Col, n.Severity, n.Message, n.Pointer)
	}
	if len(res.Notes) == 0 {
		b.WriteString("(none)\n")
	}
	// Rule ids only, not messages: rules and their wording change
	// elsewhere, and `emlint lint` on the .v1.json file shows the messages.
	fmt.Fprintf(&b, "\n# emlint lint --api v1.0 --kind %s on the output: line:col: severity [rule]\n", ex.kind)
	for _, f := range linted.Findings {
		why := ""
		if r := justified[ex.name][f.Rule]; r != "" {
			why = " (expected: " + r + ")"
		} else if f.Rule == "id-format" {
			why = " (expected: the source's id, kept as it is)"
		}
		fmt.Fprintf(&b, "%d:%d: %s [%s]%s\n", f.Line, f.Col, f.Severity, f.Rule, why)
	}
	if len(linted.Findings) == 0 {
		b.WriteString("(none)\n")
	}
	return b.Bytes()
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/migrate -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the migration (run with -update after a deliberate change, and review the diff):\n%s",
			path, UnifiedDiff(path, "got", want, got))
	}
}

// TestGoldenFilesHaveExamples fails on golden files left behind by a
// renamed or deleted example.
func TestGoldenFilesHaveExamples(t *testing.T) {
	var names []string
	for _, ex := range betaExamples(t) {
		names = append(names, ex.name)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, f := range files {
		base := filepath.Base(f)
		name := strings.TrimSuffix(strings.TrimSuffix(base, ".v1.json"), ".notes.txt")
		if name == base {
			continue
		}
		if !slices.Contains(names, name) {
			t.Errorf("%s has no example testdata/examples/*/beta/*/%s.json: delete it", f, name)
		}
	}
}
