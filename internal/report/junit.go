package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
)

// JUnit prints a JUnit XML test report, as Jenkins (junit plugin), GitLab
// (artifacts:reports:junit), Azure DevOps (PublishTestResults) and
// CircleCI read it. Each file is a test case named after the file, in one
// suite named emlint:
//
//   - A linted file with at least one error-level finding fails: the case
//     has one <failure> whose text lists those findings, one per line as
//     the text format prints them (FILE:LINE:COL: SEVERITY: MESSAGE [RULE]).
//     Its message is that line when there is one error, otherwise the count
//     and the first; its type lists the rule ids. One <failure> per case,
//     not one per finding: the schema allows at most one, and Jenkins
//     shows only the first.
//   - Warnings and infos do not fail a file, as they do not fail the exit
//     status: they are listed, in the same one-line form, in the suite's
//     <system-out>, which is where JUnit puts output that is not a failure
//     (the schema allows none per case).
//   - A skipped file (not an entitlement-management body) is a skipped
//     case, with the reason as message.
//   - A file that could not be linted is an errored case (<error
//     type="emlint">), with the reason as text and its first line as
//     message.
//
// The output validates against the Apache Ant JUnit schema most consumers
// follow (testdata/JUnit.xsd), which requires a timestamp, a hostname,
// times, <properties>, <system-out> and <system-err>. To keep the report a
// function of the results: timestamp is Timestamp (the Unix epoch when
// zero) in UTC without a zone, as the schema wants; hostname is
// "localhost", which the schema names for an unknown host; times are 0,
// since emlint does not time files. Cases are ordered by file name.
type JUnit struct {
	Timestamp time.Time // when the run started; the Unix epoch when zero
}

func (j *JUnit) Report(w io.Writer, files []lint.File) error {
	var tests, failures, errors, skipped int
	var cases, out strings.Builder
	for _, f := range sortedByName(files) {
		tests++
		start := fmt.Sprintf("    <testcase classname=\"emlint\" name=\"%s\" time=\"0\"", xmlAttr(f.Name))
		switch f.Status {
		case lint.Skipped:
			skipped++
			fmt.Fprintf(&cases, "%s>\n      <skipped message=\"%s\"/>\n    </testcase>\n", start, xmlAttr(f.Reason))
			continue
		case lint.Failed:
			errors++
			first, _, _ := strings.Cut(f.Reason, "\n")
			fmt.Fprintf(&cases, "%s>\n      <error message=\"%s\" type=\"emlint\">%s</error>\n    </testcase>\n",
				start, xmlAttr(first), xmlText(f.Reason))
			continue
		}
		var failed []*finding.Finding
		for _, x := range fileFindings(f) {
			if x.Severity >= finding.Error {
				failed = append(failed, x)
			} else {
				out.WriteString(xmlText(plainLine(x)) + "\n")
			}
		}
		if len(failed) == 0 {
			cases.WriteString(start + "/>\n")
			continue
		}
		failures++
		var lines, rules []string
		for _, x := range failed {
			lines = append(lines, plainLine(x))
			if !slices.Contains(rules, x.Rule) {
				rules = append(rules, x.Rule)
			}
		}
		message := lines[0]
		if len(failed) > 1 {
			message = fmt.Sprintf("%d errors; the first: %s", len(failed), lines[0])
		}
		fmt.Fprintf(&cases, "%s>\n      <failure message=\"%s\" type=\"%s\">%s</failure>\n    </testcase>\n",
			start, xmlAttr(message), xmlAttr(strings.Join(rules, ", ")), xmlText(strings.Join(lines, "\n")))
	}

	ts := j.Timestamp
	if ts.IsZero() {
		ts = time.Unix(0, 0)
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(xmlHeader)
	bw.WriteString("<testsuites>\n")
	fmt.Fprintf(bw, "  <testsuite name=\"emlint\" package=\"emlint\" id=\"0\" timestamp=\"%s\" hostname=\"localhost\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" time=\"0\">\n",
		ts.UTC().Format("2006-01-02T15:04:05"), tests, failures, errors, skipped)
	bw.WriteString("    <properties/>\n")
	bw.WriteString(cases.String())
	fmt.Fprintf(bw, "    <system-out>%s</system-out>\n", out.String())
	bw.WriteString("    <system-err></system-err>\n")
	bw.WriteString("  </testsuite>\n</testsuites>\n")
	return bw.Flush()
}

// plainLine is a finding as the text format's first line prints it,
// without colour.
func plainLine(f *finding.Finding) string {
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", f.File, f.Line, f.Col, f.Severity, f.Message, f.Rule)
}
