package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
)

// Checkstyle prints Checkstyle's XML report, which Jenkins (warnings-ng),
// SonarQube, reviewdog, Bitbucket and GitLab converters read:
//
//	<checkstyle version="4.3">
//	  <file name="F">
//	    <error line="L" column="C" severity="error" message="M" source="emlint.RULE"/>
//	  </file>
//	</checkstyle>
//
// Severities are error, warning and info. Every linted file has a <file>
// element, even without findings, so that consumers count it as checked
// (Jenkins' warnings plugin tracks fixed issues per file this way). A file
// that could not be linted has one <error> without a position, with source
// "emlint" and the reason as message. Skipped files are not listed. Files
// are ordered by name, findings as in Findings. The output validates
// against Checkstyle's own report schema (testdata/checkstyle-report-1.0.0.xsd).
type Checkstyle struct{}

// checkstyleVersion is the format version ESLint, golangci-lint and other
// tools write; consumers ignore it.
const checkstyleVersion = "4.3"

func (c Checkstyle) Report(w io.Writer, files []lint.File) error { return writeAll(c, w, files) }

// Start writes the XML declaration and the root element's start tag.
func (Checkstyle) Start(w io.Writer) (Stream, error) {
	_, err := fmt.Fprintf(w, "%s<checkstyle version=\"%s\">\n", xmlHeader, checkstyleVersion)
	return checkstyleStream{w}, err
}

type checkstyleStream struct{ w io.Writer }

// File writes a file's element, in one write.
func (s checkstyleStream) File(f *lint.File) error {
	var b strings.Builder
	switch f.Status {
	case lint.Linted:
		fmt.Fprintf(&b, "  <file name=\"%s\">\n", xmlAttr(f.Name))
		for _, x := range fileFindings(f) {
			fmt.Fprintf(&b, "    <error line=\"%d\" column=\"%d\" severity=\"%s\" message=\"%s\" source=\"%s\"/>\n",
				max(x.Line, 1), max(x.Col, 1), x.Severity, xmlAttr(x.Message), xmlAttr("emlint."+x.Rule))
		}
	case lint.Failed:
		fmt.Fprintf(&b, "  <file name=\"%s\">\n", xmlAttr(f.Name))
		fmt.Fprintf(&b, "    <error severity=\"error\" message=\"%s\" source=\"emlint\"/>\n", xmlAttr(f.Reason))
	default:
		return nil
	}
	b.WriteString("  </file>\n")
	_, err := io.WriteString(s.w, b.String())
	return err
}

func (s checkstyleStream) End() error {
	_, err := io.WriteString(s.w, "</checkstyle>\n")
	return err
}

// sortedByName returns the files ordered by name, keeping the input order
// of equal names, so XML reports list files in the order of Findings.
func sortedByName(files []lint.File) []*lint.File {
	out := make([]*lint.File, len(files))
	for i := range files {
		out[i] = &files[i]
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// fileFindings returns one file's findings in the order of Findings.
func fileFindings(f *lint.File) []*finding.Finding {
	out := make([]*finding.Finding, len(f.Findings))
	for i := range f.Findings {
		out[i] = &f.Findings[i]
	}
	sort.SliceStable(out, func(i, j int) bool { return finding.Less(out[i], out[j]) })
	return out
}
