// Package finding defines what every stage of emlint produces: a problem at
// a place in a file, with a rule id and a severity.
package finding

import (
	"fmt"
	"strings"
)

// Severity orders findings; a higher value is more severe.
type Severity int

const (
	Info Severity = iota + 1
	Warning
	Error
)

var severityNames = map[Severity]string{Info: "info", Warning: "warning", Error: "error"}

func (s Severity) String() string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	for sev, name := range severityNames {
		if strings.EqualFold(s, name) {
			return sev, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q: use error, warning or info", s)
}

// Target says which part of the member at a pointer a finding is about.
type Target int

const (
	// Value is the whole value (a string, a number, an array...).
	Value Target = iota
	// Key is the member's name, e.g. an unknown property; for array
	// elements and the root, which have no name, the start of the value.
	Key
	// Start is the first character of the value, or its key when it has one:
	// used for "this object lacks X", where underlining the whole object
	// would cover many lines.
	Start
	// Fixed means the producer set Start and End itself (syntax errors,
	// duplicate keys: places that have no pointer of their own).
	Fixed
)

// Finding is one problem in one file.
type Finding struct {
	File     string
	Rule     string
	Severity Severity
	Message  string
	Pointer  string // JSON Pointer of the value at fault ("" is the root)
	Target   Target

	// Filled in by the linter from Pointer and Target, only for files that
	// have findings. Offsets are bytes; lines and columns are 1-based and
	// count characters; End is exclusive.
	Start, End                 int
	Line, Col, EndLine, EndCol int

	API, Kind string // the shape the file was linted as; empty if none

	Fix *Fix // a mechanical fix, if the rule knows one
}

// Less orders findings by file, line, column, then rule, for stable output.
func Less(a, b *Finding) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Col != b.Col {
		return a.Col < b.Col
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}

// Fix is a mechanical change that resolves a finding. Rules describe it
// by JSON Pointer (they never see offsets); the linter turns it into text
// edits that keep the file's formatting, and into an RFC 6902 JSON Patch.
type Fix struct {
	Description string
	Op          FixOp
	Key         string // FixRename: the new name; FixAdd: the member to add
	Value       string // FixReplace, FixAdd: the new value as JSON text

	// Filled in by the linter.
	Edits []TextEdit `json:"-"`
	Patch []PatchOp  `json:"-"`
}

// FixOp is what a fix does to the value at the finding's pointer.
type FixOp int

const (
	FixReplace FixOp = iota + 1 // replace the value
	FixRename                   // rename the member (keep its value)
	FixRemove                   // remove the member or element
	FixAdd                      // add member Key to the object at the pointer
)

// TextEdit replaces the bytes [Start, End) of the file with New.
type TextEdit struct {
	Start, End int
	New        string
	// Line, Col, EndLine and EndCol are Start and End as an editor counts
	// them (see Finding), filled in with the finding's own position.
	Line, Col, EndLine, EndCol int
}

// PatchOp is one RFC 6902 operation.
type PatchOp struct {
	Op    string `json:"op"`
	Path  string `json:"path"`
	From  string `json:"from,omitempty"`
	Value any    `json:"value,omitempty"`
}
