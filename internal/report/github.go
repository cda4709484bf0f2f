package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
)

// GitHub prints GitHub Actions workflow commands, one line per finding,
// which the runner turns into annotations on the pull request:
//
//	::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE
//
// warning for warnings and notice for infos. A file that could not be
// linted is "::error file=F::REASON". Skipped files print nothing.
//
// Columns are 1-based with an exclusive end, as elsewhere in emlint. The
// runner drops col and endColumn when line and endLine differ (and when
// endColumn < col), so a span over several lines is printed with lines
// only. File names are printed as emlint names them; the runner resolves a
// relative name against the repository root and makes an absolute one
// under the workspace relative, so run emlint from the repository root or
// give it absolute paths. GitHub shows a limited number of annotations
// per step and job (10 of each level per step when this was written); the
// rest are still in the log.
type GitHub struct{}

func (GitHub) Report(w io.Writer, files []lint.File) error {
	for _, f := range Findings(files) {
		props := []string{"file=" + escapeProperty(f.File)}
		if f.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", f.Line))
			switch {
			case f.EndLine == f.Line && f.Col > 0 && f.EndCol >= f.Col:
				props = append(props, fmt.Sprintf("col=%d", f.Col), fmt.Sprintf("endLine=%d", f.EndLine), fmt.Sprintf("endColumn=%d", f.EndCol))
			case f.EndLine > f.Line:
				props = append(props, fmt.Sprintf("endLine=%d", f.EndLine)) // the runner would drop columns
			case f.Col > 0:
				props = append(props, fmt.Sprintf("col=%d", f.Col))
			}
		}
		props = append(props, "title="+escapeProperty(f.Rule))
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), escapeData(f.Message)); err != nil {
			return err
		}
	}
	for _, f := range files {
		if f.Status == lint.Failed {
			if _, err := fmt.Fprintf(w, "::error file=%s::%s\n", escapeProperty(f.Name), escapeData(f.Reason)); err != nil {
				return err
			}
		}
	}
	return nil
}

func githubCommand(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "notice"
}

// escapeData escapes a workflow command's message as @actions/core does
// and the runner undoes: "%" (so "%0A" in a message stays literal), CR
// and LF (so a message cannot end the command or start another). The
// replacement is one pass, so "%" in an escape is never escaped again.
func escapeData(s string) string { return dataEscaper.Replace(s) }

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeProperty escapes a property value: as data, and also ":" and ",",
// which separate the properties from the message and from each other.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
