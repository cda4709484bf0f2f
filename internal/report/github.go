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

// Report lists the files that could not be linted last, in the order
// given, as a stream lists them in the order it is given them.
func (GitHub) Report(w io.Writer, files []lint.File) error {
	s := &githubStream{w: w}
	for _, f := range sortedByName(files) {
		if err := s.findings(f); err != nil {
			return err
		}
	}
	for i := range files {
		s.failure(&files[i])
	}
	return s.End()
}

// Start returns the stream of a GitHub report, which has no header.
func (GitHub) Start(w io.Writer) (Stream, error) { return &githubStream{w: w}, nil }

type githubStream struct {
	w      io.Writer
	failed []string // the commands for files that could not be linted, written at the end
}

func (s *githubStream) File(f *lint.File) error {
	s.failure(f)
	return s.findings(f)
}

func (s *githubStream) findings(file *lint.File) error {
	for _, f := range fileFindings(file) {
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
		if _, err := fmt.Fprintf(s.w, "::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), escapeData(f.Message)); err != nil {
			return err
		}
	}
	return nil
}

// failure keeps the command for a file that could not be linted (few
// files, and a line each).
func (s *githubStream) failure(f *lint.File) {
	if f.Status == lint.Failed {
		s.failed = append(s.failed, fmt.Sprintf("::error file=%s::%s\n", escapeProperty(f.Name), escapeData(f.Reason)))
	}
}

func (s *githubStream) End() error {
	for _, c := range s.failed {
		if _, err := io.WriteString(s.w, c); err != nil {
			return err
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
