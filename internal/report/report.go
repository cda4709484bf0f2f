// Package report prints lint results. Formatting is kept apart from
// checking: every format reads the same []lint.File, and the formats that
// are a run of files (text, github, checkstyle) can also be written a file
// at a time, as the files' results become final (Streamer).
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
)

// Reporter writes results in one format.
type Reporter interface {
	Report(w io.Writer, files []lint.File) error
}

// Streamer is a Reporter whose report is a header, each file's results in
// order of file name, and a footer (text, github, checkstyle), so that a
// run can write each file as soon as its results are final instead of
// holding every file to the end. Report writes through the same Stream.
type Streamer interface {
	Reporter
	// Start writes the header to w and returns the stream to write the
	// files to.
	Start(w io.Writer) (Stream, error)
}

var _ = []Streamer{&Text{}, GitHub{}, Checkstyle{}}

// Stream is one report being written: File for each file in order of
// name (each name once), then End. File has written all it says about a
// file when it returns, keeping nothing for later, so a caller may write
// what comes after a file to another writer and copy it in later.
type Stream interface {
	File(f *lint.File) error
	End() error
}

// writeAll writes a whole report through a stream: what a streamed run
// writes, given the same files.
func writeAll(s Streamer, w io.Writer, files []lint.File) error {
	st, err := s.Start(w)
	if err != nil {
		return err
	}
	for _, f := range sortedByName(files) {
		if err := st.File(f); err != nil {
			return err
		}
	}
	return st.End()
}

// Formats lists the output formats by name.
var Formats = []string{"text", "json", "sarif", "github", "checkstyle", "junit"}

// Options are what a reporter may need to know about the run besides the
// results. The zero value is valid: every format's output then depends on
// the results alone (and, for sarif, on the working directory).
type Options struct {
	// Color colours the text output.
	Color bool
	// Version is emlint's version, for sarif's tool.driver.version
	// (default DefaultVersion).
	Version string
	// BaseDir is the directory sarif artifact URIs are relative to, as
	// %SRCROOT% (default: the working directory).
	BaseDir string
	// Timestamp is when the run started, for junit's required testsuite
	// timestamp (default: 1970-01-01T00:00:00, so output stays
	// reproducible).
	Timestamp time.Time
}

// New returns the reporter for a format name with default options
// except colour.
func New(format string, color bool) (Reporter, error) {
	return NewWith(format, Options{Color: color})
}

// NewWith returns the reporter for a format name.
func NewWith(format string, opts Options) (Reporter, error) {
	switch format {
	case "text":
		return &Text{Color: opts.Color}, nil
	case "json":
		return JSON{}, nil
	case "sarif":
		return &SARIF{Version: opts.Version, BaseDir: opts.BaseDir}, nil
	case "github":
		return GitHub{}, nil
	case "checkstyle":
		return Checkstyle{}, nil
	case "junit":
		return &JUnit{Timestamp: opts.Timestamp}, nil
	}
	return nil, fmt.Errorf("unknown format %q: use %s or %s", format,
		strings.Join(Formats[:len(Formats)-1], ", "), Formats[len(Formats)-1])
}

// Findings returns every finding of every file in output order.
func Findings(files []lint.File) []*finding.Finding {
	var out []*finding.Finding
	for i := range files {
		for j := range files[i].Findings {
			out = append(out, &files[i].Findings[j])
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return finding.Less(out[i], out[j]) })
	return out
}

// Summary is the one-line count printed after the findings, e.g.
// "3 errors, 1 warning in 2 of 5 files; 1 file skipped".
func Summary(files []lint.File) string {
	var t Tally
	for i := range files {
		t.Add(&files[i])
	}
	return t.String()
}

// Tally counts files and findings for the summary as they are reported,
// so that a streamed run need not keep the files.
type Tally struct {
	counts                                map[finding.Severity]int
	withFindings, linted, skipped, failed int
}

// Add counts one file.
func (t *Tally) Add(f *lint.File) {
	switch f.Status {
	case lint.Linted:
		t.linted++
	case lint.Skipped:
		t.skipped++
	case lint.Failed:
		t.failed++
	}
	if len(f.Findings) > 0 {
		t.withFindings++
	}
	for _, x := range f.Findings {
		if t.counts == nil {
			t.counts = map[finding.Severity]int{}
		}
		t.counts[x.Severity]++
	}
}

// String is the summary of what has been counted.
func (t *Tally) String() string {
	var parts []string
	for _, s := range []finding.Severity{finding.Error, finding.Warning, finding.Info} {
		if t.counts[s] > 0 {
			parts = append(parts, plural(t.counts[s], s.String()))
		}
	}
	var b strings.Builder
	if len(parts) == 0 {
		fmt.Fprintf(&b, "no problems in %s", plural(t.linted, "file"))
	} else {
		fmt.Fprintf(&b, "%s in %d of %s", strings.Join(parts, ", "), t.withFindings, plural(t.linted, "file"))
	}
	if t.skipped > 0 {
		fmt.Fprintf(&b, "; %s skipped", plural(t.skipped, "file"))
	}
	if t.failed > 0 {
		fmt.Fprintf(&b, "; %s could not be linted", plural(t.failed, "file"))
	}
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
