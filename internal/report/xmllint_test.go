package report

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
)

// xmllint returns the path of libxml2's xmllint. Without it the schema
// tests skip, except in CI (CI set), where they must run.
func xmllint(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("xmllint")
	if err == nil {
		return path
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("xmllint not found; CI must validate the XML reports: install libxml2-utils (apt-get install -y libxml2-utils)")
	}
	t.Skip("xmllint not found: install libxml2-utils to validate the XML reports against their schemas")
	return ""
}

// validateXML runs xmllint --schema over doc and returns its verdict.
func validateXML(t *testing.T, xsd string, doc []byte) error {
	t.Helper()
	bin := xmllint(t)
	path := filepath.Join(t.TempDir(), "out.xml")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--noout", "--nonet", "--schema", filepath.Join("testdata", xsd), path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return &xmlError{err: err, out: string(out)}
	}
	return nil
}

type xmlError struct {
	err error
	out string
}

func (e *xmlError) Error() string { return e.err.Error() + "\n" + e.out }

var xmlFormats = []struct {
	name, xsd string
	reporter  Reporter
	// invalid breaks a valid report in a way the schema forbids, to prove
	// that the validation is not vacuous.
	invalid func(string) string
}{
	{"checkstyle", "checkstyle-report-1.0.0.xsd", Checkstyle{},
		func(s string) string { return strings.Replace(s, `severity="error"`, `severity="fatal"`, 1) }},
	{"junit", "JUnit.xsd", &JUnit{Timestamp: time.Date(2026, 3, 1, 12, 30, 45, 0, time.UTC)},
		func(s string) string { return strings.Replace(s, ` hostname="localhost"`, "", 1) }},
}

func TestXMLSchemas(t *testing.T) {
	runs := map[string][]lint.File{
		"fixture": fixture(t),
		"empty":   nil,
		"clean":   {{Name: "a.json", Status: lint.Linted}},
	}
	for _, f := range xmlFormats {
		for run, files := range runs {
			t.Run(f.name+"/"+run, func(t *testing.T) {
				var out bytes.Buffer
				if err := f.reporter.Report(&out, files); err != nil {
					t.Fatal(err)
				}
				if err := validateXML(t, f.xsd, out.Bytes()); err != nil {
					t.Fatalf("%s output does not validate against %s: %v\n%s", f.name, f.xsd, err, out.String())
				}
				if run != "fixture" {
					return
				}
				broken := f.invalid(out.String())
				if broken == out.String() {
					t.Fatal("the invalid variant is the same document")
				}
				if err := validateXML(t, f.xsd, []byte(broken)); err == nil {
					t.Fatalf("xmllint accepted an invalid %s report", f.name)
				}
			})
		}
	}
}

// TestXMLRoundTrip parses the XML reports back, without xmllint: names,
// messages and reasons must come back exactly (escaping), except for
// characters XML cannot hold, which become U+FFFD.
func TestXMLRoundTrip(t *testing.T) {
	files := fixture(t)
	failed := files[len(files)-1]
	wantReason := strings.ReplaceAll(failed.Reason, "\x01", "\uFFFD")

	var cs bytes.Buffer
	if err := (Checkstyle{}).Report(&cs, files); err != nil {
		t.Fatal(err)
	}
	var checkstyle struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line    int    `xml:"line,attr"`
				Column  int    `xml:"column,attr"`
				Message string `xml:"message,attr"`
				Source  string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal(cs.Bytes(), &checkstyle); err != nil {
		t.Fatal(err)
	}
	linted, n := 0, 0
	for _, f := range files {
		if f.Status == lint.Linted {
			linted++
			n += len(f.Findings)
		}
	}
	got := 0
	var gotReason string
	for _, f := range checkstyle.Files {
		for _, e := range f.Errors {
			if f.Name == failed.Name {
				gotReason = e.Message
			} else {
				got++
			}
		}
	}
	if len(checkstyle.Files) != linted+1 || got != n {
		t.Errorf("checkstyle: %d files, %d errors; want %d files (linted and failed), %d errors", len(checkstyle.Files), got, linted+1, n)
	}
	if gotReason != wantReason {
		t.Errorf("checkstyle reason %q, want %q", gotReason, wantReason)
	}

	var ju bytes.Buffer
	if err := (&JUnit{}).Report(&ju, files); err != nil {
		t.Fatal(err)
	}
	var junit struct {
		Suites []struct {
			Tests    int    `xml:"tests,attr"`
			Failures int    `xml:"failures,attr"`
			Errors   int    `xml:"errors,attr"`
			Skipped  int    `xml:"skipped,attr"`
			Stamp    string `xml:"timestamp,attr"`
			Out      string `xml:"system-out"`
			Cases    []struct {
				Name  string `xml:"name,attr"`
				Error *struct {
					Text string `xml:",chardata"`
				} `xml:"error"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(ju.Bytes(), &junit); err != nil {
		t.Fatal(err)
	}
	var failing, quiet int // files with errors; warnings and infos
	for _, f := range files {
		errs := 0
		for _, x := range f.Findings {
			if x.Severity == finding.Error {
				errs++
			} else {
				quiet++
			}
		}
		if errs > 0 {
			failing++
		}
	}
	s := junit.Suites[0]
	if s.Tests != len(files) || s.Failures != failing || s.Errors != 1 || s.Skipped != 1 || s.Stamp != "1970-01-01T00:00:00" {
		t.Errorf("junit suite: tests %d failures %d errors %d skipped %d timestamp %s; want %d %d 1 1 1970-01-01T00:00:00",
			s.Tests, s.Failures, s.Errors, s.Skipped, s.Stamp, len(files), failing)
	}
	for _, c := range s.Cases {
		if c.Name == failed.Name && (c.Error == nil || c.Error.Text != wantReason) {
			t.Errorf("junit error for %q: %+v, want %q", c.Name, c.Error, wantReason)
		}
	}
	if strings.Count(s.Out, "\n") != quiet || !strings.Contains(s.Out, ": warning: ") || !strings.Contains(s.Out, ": info: ") {
		t.Errorf("junit system-out should list the %d warnings and infos, one per line:\n%s", quiet, s.Out)
	}
}

// TestXMLEscaping parses escaped attributes and text back with
// encoding/xml: everything XML can hold must come back unchanged.
func TestXMLEscaping(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`a & b < c > d "e" 'f'`, `a & b < c > d "e" 'f'`},
		{"line 1\nline 2\r\nline 3\ttab", "line 1\nline 2\r\nline 3\ttab"},
		{"]]> &amp; &#xA;", "]]> &amp; &#xA;"},
		{"é ✓ 𝄞", "é ✓ 𝄞"},
		{"nul \x00 bell \x07 ff \x0c bad \xff utf-8 \ufffe", "nul \uFFFD bell \uFFFD ff \uFFFD bad \uFFFD utf-8 \uFFFD"},
	} {
		doc := `<x a="` + xmlAttr(c.in) + `">` + xmlText(c.in) + `</x>`
		var v struct {
			A    string `xml:"a,attr"`
			Text string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte(doc), &v); err != nil {
			t.Errorf("%q: %v\n%s", c.in, err, doc)
			continue
		}
		if v.A != c.want || v.Text != c.want {
			t.Errorf("%q: attribute %q, text %q; want %q", c.in, v.A, v.Text, c.want)
		}
	}
}
