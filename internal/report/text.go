package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
	"github.com/fatih/color"
)

// Text prints one finding per block, in the form editors and problem
// matchers parse (file:line:col: severity: message [rule]), followed by the
// source line and a caret under the span, as actionlint does.
type Text struct {
	Color bool
}

func (t *Text) Report(w io.Writer, files []lint.File) error { return writeAll(t, w, files) }

// Start returns the stream of a text report, which has no header.
func (t *Text) Start(w io.Writer) (Stream, error) {
	paint := func(attrs ...color.Attribute) func(a ...any) string {
		c := color.New(attrs...)
		if t.Color {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c.SprintFunc()
	}
	return &textStream{w: w, bold: paint(color.Bold), dim: paint(color.Faint), green: paint(color.FgGreen),
		sev: map[finding.Severity]func(a ...any) string{
			finding.Error:   paint(color.FgRed, color.Bold),
			finding.Warning: paint(color.FgYellow, color.Bold),
			finding.Info:    paint(color.FgCyan, color.Bold),
		}}, nil
}

type textStream struct {
	w                io.Writer
	bold, dim, green func(a ...any) string
	sev              map[finding.Severity]func(a ...any) string
}

// File prints a file's findings, each with its source line when the file
// kept it.
func (t *textStream) File(file *lint.File) error {
	for _, f := range fileFindings(file) {
		if _, err := fmt.Fprintf(t.w, "%s: %s: %s %s\n",
			t.bold(fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col)), t.sev[f.Severity](f.Severity.String()), f.Message, t.dim("["+f.Rule+"]")); err != nil {
			return err
		}
		src, ok := file.Source[f.Line]
		if !ok || len(src) > 400 || !utf8.ValidString(src) {
			continue // a minified or binary line would only flood the terminal
		}
		gutter := fmt.Sprintf("%*d | ", len(fmt.Sprint(f.Line))+1, f.Line)
		pad := strings.Repeat(" ", len(gutter)-2) + "| "
		fmt.Fprintf(t.w, "%s%s\n", t.dim(gutter), expandTabs(src))
		fmt.Fprintf(t.w, "%s%s\n", t.dim(pad), t.green(caret(src, f)))
	}
	return nil
}

func (t *textStream) End() error { return nil }

// caret underlines the finding's span on its first line: "^" at the start,
// "~" to the end of the span or of the line.
func caret(src string, f *finding.Finding) string {
	runes := []rune(src)
	start := min(f.Col-1, len(runes))
	end := len(runes)
	if f.EndLine == f.Line {
		end = min(max(f.EndCol-1, start+1), len(runes))
	}
	width := func(rs []rune) int { return len([]rune(expandTabs(string(rs)))) }
	n := max(width(runes[:end])-width(runes[:start]), 1)
	return strings.Repeat(" ", width(runes[:start])) + "^" + strings.Repeat("~", n-1)
}

func expandTabs(s string) string { return strings.ReplaceAll(s, "\t", "    ") }
