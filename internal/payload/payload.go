// Package payload is what extraction hands the linter, whatever the
// container: one body as JSON text, a source map from that text back to the
// file, the values that are not literal (placeholders), and how the body is
// sent. A .json file is one body whose map is the identity; an .http request
// or a Markdown block is a slice of its file (the identity shifted); a
// PowerShell hashtable or an HCL object is transcoded to JSON, and its map
// sends every token back to where it is written.
//
// Every later step reads the JSON text alone and reports JSON offsets; the
// linter maps them through Map once, so findings, fixes, snippets and the
// language server all point into the original file.
package payload

import (
	"sort"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/schemas"
)

// Span is a byte range [Start, End).
type Span struct{ Start, End int }

// Syntax is the language a body is written in, for fixes that edit it.
type Syntax string

const (
	JSON       Syntax = "json"
	PowerShell Syntax = "powershell"
	HCL        Syntax = "hcl"
)

// Via values name how a body reaches Graph, as the JSON report prints them
// (besides a cmdlet's own name, which PowerShell bodies carry).
const (
	ViaJSON             = "json"
	ViaHTTP             = "http"
	ViaMarkdown         = "markdown"
	ViaMsgraphResource  = "msgraph_resource"
	ViaMsgraphUpdate    = "msgraph_update_resource"
	ViaMsgraphAction    = "msgraph_resource_action"
	ViaUnknown          = "hashtable" // a PowerShell hashtable whose call is out of sight
	ViaHCLUnknownCaller = "hcl"       // a Terraform file too broken to tell which block sends it
)

// Body is one request body found in a file.
type Body struct {
	// JSON is the body as JSON text. Placeholders are written as null.
	JSON []byte
	// Map sends offsets of JSON to offsets of the file.
	Map Map
	// Placeholders are the JSON spans of values that are not literal
	// (variables, expressions, references, {{variables}}): they stand for
	// whatever the property needs, and findings about them are dropped.
	Placeholders []Span
	// Range is the body's extent in the file.
	Range Span
	// Syntax is the language the body is written in.
	Syntax Syntax

	// How it is sent.
	Method string // POST, PUT, PATCH...; "" when not known
	URL    string // the URL or collection path, when known
	Via    string // the cmdlet, Invoke-MgGraphRequest, msgraph_resource, http, markdown, json
	// Typed: a typed Graph PowerShell SDK cmdlet binds the body to its
	// model before sending: declared property names match without regard
	// to case and values are converted to the declared types.
	Typed bool
	// Replaces: the body is also sent with PUT to replace what it created
	// (a msgraph_resource with update_method = "PUT" sends it on every
	// change), so the rules about full replacement apply to it too.
	Replaces bool

	// The shape the call site gives, "" when it does not say.
	API  schemas.API
	Kind schemas.Kind
	// Lint is set when the call site sends the body to a collection emlint
	// lints. Fingerprint is set when no call site is in sight: the body is
	// linted only if its own properties say it is a policy or a request.
	Lint        bool
	Fingerprint bool
	// Unreadable, when set, says why the body could not be transcoded
	// (syntax emlint does not read): it is reported as an info finding at
	// Range and the body is not linted.
	Unreadable string

	// Problems are findings about the call site or the source syntax, in
	// file offsets.
	Problems []Problem
}

// Problem is a finding the extraction itself makes, at file offsets.
type Problem struct {
	Rule     string
	Severity finding.Severity
	Span     Span
	Message  string
}

// Sent reports whether the body is linted: its call site names a collection
// emlint lints, or (Fingerprint) it may be one of ours.
func (b *Body) Sent() bool { return b.Unreadable == "" && (b.Lint || b.Fingerprint) }

// Shift moves every file offset of b by delta: for a body extracted from a
// slice of its file, such as a Markdown code block.
func (b *Body) Shift(delta int) {
	if delta == 0 {
		return
	}
	b.Map = b.Map.Shift(delta)
	b.Range.Start += delta
	b.Range.End += delta
	for i := range b.Problems {
		b.Problems[i].Span.Start += delta
		b.Problems[i].Span.End += delta
	}
}

// Seg maps the JSON bytes [J, JEnd) to the file bytes [F, FEnd). A segment
// of equal lengths maps byte for byte; otherwise (a PowerShell string
// transcoded to a JSON string) its ends map to the token's ends.
type Seg struct{ J, JEnd, F, FEnd int }

// Map is a source map: segments sorted by J, not overlapping. JSON bytes
// between segments (spaces, commas, colons the transcoder wrote) map to the
// end of the segment before them.
type Map struct{ Segs []Seg }

// Identity maps n bytes of JSON that are the file's bytes from base on.
func Identity(base, n int) Map { return Map{Segs: []Seg{{0, n, base, base + n}}} }

// Shift returns the map with every file offset moved by delta.
func (m Map) Shift(delta int) Map {
	out := make([]Seg, len(m.Segs))
	for i, s := range m.Segs {
		out[i] = Seg{s.J, s.JEnd, s.F + delta, s.FEnd + delta}
	}
	return Map{Segs: out}
}

// find returns the index of the last segment starting at or before j, or -1.
func (m Map) find(j int) int {
	return sort.Search(len(m.Segs), func(i int) bool { return m.Segs[i].J > j }) - 1
}

// Offset maps a JSON offset that starts something (a token, a span).
func (m Map) Offset(j int) int {
	i := m.find(j)
	if i < 0 {
		if len(m.Segs) == 0 {
			return 0
		}
		return m.Segs[0].F
	}
	s := m.Segs[i]
	switch {
	case j >= s.JEnd:
		return s.FEnd
	case s.JEnd-s.J == s.FEnd-s.F:
		return s.F + j - s.J
	default:
		return s.F
	}
}

// End maps a JSON offset that ends something (exclusive).
func (m Map) End(j int) int {
	if j <= 0 {
		return m.Offset(j)
	}
	i := m.find(j - 1)
	if i < 0 {
		return m.Offset(j)
	}
	s := m.Segs[i]
	switch {
	case j-1 >= s.JEnd:
		return s.FEnd
	case s.JEnd-s.J == s.FEnd-s.F:
		return s.F + j - s.J
	default:
		return s.FEnd
	}
}

// Span maps a JSON span to the file. An empty span stays empty.
func (m Map) Span(start, end int) (int, int) {
	fs := m.Offset(start)
	if end <= start {
		return fs, fs
	}
	return fs, max(fs, m.End(end))
}

// Exact returns the file span of a JSON span that is exactly one segment (a
// whole token), for fixes that replace a token by its spelling in the
// source syntax; ok is false otherwise.
func (m Map) Exact(start, end int) (Span, bool) {
	i := m.find(start)
	if i < 0 {
		return Span{}, false
	}
	s := m.Segs[i]
	if s.J != start || s.JEnd != end {
		return Span{}, false
	}
	return Span{s.F, s.FEnd}, true
}

// Identity reports whether the map is one equal-length segment: the JSON
// is the file's own text, and edits of it are edits of the file.
func (m Map) Identity() bool {
	return len(m.Segs) == 1 && m.Segs[0].JEnd-m.Segs[0].J == m.Segs[0].FEnd-m.Segs[0].F
}
