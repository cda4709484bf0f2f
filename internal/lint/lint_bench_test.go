package lint

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/load"
	"github.com/emlint/emlint/schemas"
)

// benchExamples are one valid and one invalid example of each shape.
var benchExamples = []struct {
	shape          string
	valid, invalid string
}{
	{"beta-policy", "beta/policy/valid-single-stage.json", "beta/policy/invalid-approval-mode.json"},
	{"v1.0-policy", "v1.0/policy/valid-approval-two-stages.json", "v1.0/policy/invalid-mixed-versions.json"},
	{"beta-request", "beta/request/valid-user-add.json", "beta/request/invalid-system-remove.json"},
	{"v1.0-request", "v1.0/request/valid-admin-add.json", "v1.0/request/invalid-admin-add.json"},
}

// BenchmarkLint lints one valid and one invalid body per shape with every
// rule, as the CLI does: parse, detect, validate, rules and, for the
// invalid one, positions. The schema is compiled before the timer starts.
func BenchmarkLint(b *testing.B) {
	for _, ex := range benchExamples {
		for _, v := range []struct{ name, file string }{{"valid", ex.valid}, {"invalid", ex.invalid}} {
			b.Run(ex.shape+"/"+v.name, func(b *testing.B) {
				data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "examples", "emlint", filepath.FromSlash(v.file)))
				if err != nil {
					b.Fatal(err)
				}
				res := Lint(v.file, data, Options{})
				if res.Status != Linted || string(res.API)+"-"+string(res.Kind) != ex.shape {
					b.Fatalf("%s: %s %s-%s (%s)", v.file, res.Status, res.API, res.Kind, res.Reason)
				}
				if (errorCount(res) == 0) != (v.name == "valid") {
					b.Fatalf("%s: %d errors", v.file, errorCount(res))
				}
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					Lint(v.file, data, Options{})
				}
			})
		}
	}
}

func errorCount(f File) int {
	n := 0
	for _, x := range f.Findings {
		if x.Severity == finding.Error {
			n++
		}
	}
	return n
}

// benchCorpus generates the benchmark corpus with scripts/gencorpus (the
// one scripts/bench times) and reads it into memory.
func benchCorpus(b *testing.B, n int) ([]load.File, int64) {
	b.Helper()
	dir := b.TempDir()
	cmd := exec.Command("go", "run", "./scripts/gencorpus", "-n", fmt.Sprint(n), "-out", dir)
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("gencorpus: %v\n%s", err, out)
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(names) != n {
		b.Fatalf("%d files, %v", len(names), err)
	}
	sort.Strings(names)
	var files []load.File
	var total int64
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		total += int64(len(data))
		files = append(files, load.File{Name: filepath.Base(name), Data: data})
	}
	return files, total
}

// BenchmarkLintAll10k lints the 10,000 generated bodies (18.7 MB, all four
// shapes, 1,000 broken) held in memory on the worker pool: the in-process
// part of a 10,000-file run, without reading files or printing.
func BenchmarkLintAll10k(b *testing.B) {
	files, total := benchCorpus(b, 10000)
	res := LintAll(files, Options{}) // compiles the four schemas
	broken := 0
	for _, f := range res {
		if errorCount(f) > 0 {
			broken++
		}
	}
	if broken != 1000 {
		b.Fatalf("%d files with findings, want 1000", broken)
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		LintAll(files, Options{})
	}
}

// BenchmarkLintLarge lints one 5 MB v1.0 policy: with 15,000 questions
// (structure-heavy), and with 200 questions of 25 KB texts (string-heavy).
// The target is a 50 MB payload in under 2 s, i.e. 0.2 s here.
func BenchmarkLintLarge(b *testing.B) {
	head := "{\n  \"displayName\": \"Huge\",\n  \"description\": \"A policy with many questions\",\n  \"allowedTargetScope\": \"allMemberUsers\",\n  \"accessPackage\": {\"id\": \"977c7ff4-ef8f-4910-9d31-49048ddf3120\"},\n  \"questions\": [\n"
	text := strings.Repeat("Which cost center pays for this access? Centre de coût, Kostenstelle. ", 25<<10/72)
	for _, v := range []struct{ name, question string }{
		{"5MB-questions", `    {"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "sequence": %d, "isRequired": true, "isAnswerEditable": true, "text": "Question %d: what is your cost center?", "localizations": [{"languageCode": "fr-CA", "text": "Centre de coût?"}], "isSingleLineQuestion": true, "regexPattern": "^[0-9]{4,6}$"}`},
		{"5MB-strings", `    {"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "sequence": %d, "isRequired": true, "isAnswerEditable": true, "text": "%d: ` + text + `", "isSingleLineQuestion": true, "regexPattern": "^[0-9]{4,6}$"}`},
	} {
		b.Run(v.name, func(b *testing.B) {
			var buf bytes.Buffer
			buf.WriteString(head)
			for n := 1; buf.Len() < 5<<20; n++ {
				if n > 1 {
					buf.WriteString(",\n")
				}
				fmt.Fprintf(&buf, v.question, n, n)
			}
			buf.WriteString("\n  ]\n}\n")
			data := buf.Bytes()
			res := Lint("large.json", data, Options{})
			if res.Status != Linted || res.API != schemas.V1 || len(res.Findings) != 0 {
				b.Fatalf("%s %s: %+v", res.Status, res.Reason, res.Findings)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				Lint("large.json", data, Options{})
			}
		})
	}
}

// BenchmarkLintScript lints PowerShell scripts of growing size: without any
// Graph body (the common case in a repository: one scan, no schema), and
// made of one policy body sent with a typed cmdlet, repeated. ns/op divided
// by the size should stay flat: time is linear in the file's size.
func BenchmarkLintScript(b *testing.B) {
	body, err := os.ReadFile(filepath.Join("..", "..", "testdata", "examples", "powershell", "emlint", "valid-new-policy-bodyparameter.ps1"))
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("no-body/%dKB", size/1000), func(b *testing.B) {
			data := noBodyScript(size)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				Lint("deploy.ps1", data, Options{})
			}
		})
		b.Run(fmt.Sprintf("bodies/%dKB", size/1000), func(b *testing.B) {
			data := bytes.Repeat(body, max(1, size/len(body)))
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				Lint("deploy.ps1", data, Options{})
			}
		})
	}
}
