package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
)

func TestGitHubEscaping(t *testing.T) {
	for _, c := range []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"%0A stays literal", "%250A stays literal", "%250A stays literal"},
		{"a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"},
		{"key: a, b", "key: a, b", "key%3A a%2C b"},
		{"::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"},
		{"%3A", "%253A", "%253A"},
		{"é ✓ =", "é ✓ =", "é ✓ ="},
	} {
		if got := escapeData(c.in); got != c.data {
			t.Errorf("escapeData(%q) = %q, want %q", c.in, got, c.data)
		}
		if got := escapeProperty(c.in); got != c.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", c.in, got, c.prop)
		}
	}
}

func TestGitHubCommands(t *testing.T) {
	fnd := func(sev finding.Severity, line, col, endLine, endCol int, msg string) finding.Finding {
		return finding.Finding{File: "dir, x/a:b%.json", Rule: "some-rule", Severity: sev, Message: msg,
			Line: line, Col: col, EndLine: endLine, EndCol: endCol}
	}
	files := []lint.File{
		{Name: "dir, x/a:b%.json", Status: lint.Linted, Findings: []finding.Finding{
			fnd(finding.Error, 1, 2, 1, 5, "one line: a, b"),
			fnd(finding.Warning, 2, 3, 4, 2, "spans\nlines"), // columns dropped, as the runner would
			fnd(finding.Info, 5, 1, 5, 1, "100% sure\r"),     // empty span: start and end kept
			fnd(finding.Error, 6, 4, 6, 2, "end before start"),
		}},
		{Name: "skipped.json", Status: lint.Skipped, Reason: "not a payload"},
		{Name: "gone,:.json", Status: lint.Failed, Reason: "open gone,:.json: no such file\nor directory"},
	}
	var out bytes.Buffer
	if err := (GitHub{}).Report(&out, files); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"::error file=dir%2C x/a%3Ab%25.json,line=1,col=2,endLine=1,endColumn=5,title=some-rule::one line: a, b",
		"::warning file=dir%2C x/a%3Ab%25.json,line=2,endLine=4,title=some-rule::spans%0Alines",
		"::notice file=dir%2C x/a%3Ab%25.json,line=5,col=1,endLine=5,endColumn=1,title=some-rule::100%25 sure%0D",
		"::error file=dir%2C x/a%3Ab%25.json,line=6,col=4,title=some-rule::end before start",
		"::error file=gone%2C%3A.json::open gone,:.json: no such file%0Aor directory",
		"",
	}, "\n")
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
}
