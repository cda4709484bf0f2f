// Package jsonparse reads one JSON document into a node table: every value
// with its span and place in the tree (Result.Nodes), which the generated
// schema validators and the semantic rules walk instead of scanning the
// text again. It reports what encoding/json hides: the byte offset of a
// syntax error, and keys that occur twice in one object. The generic tree
// (map[string]any, []any, string, json.Number, bool, nil) is built only on
// demand, from the nodes (Result.Tree, Decode).
//
// It is hand-written because no maintained decoder does both: encoding/json
// keeps the last duplicate silently, and the positions of keys are not
// exposed by any of them. An Index maps JSON Pointers to
// spans, for placing findings: the linter builds it from the nodes
// (IndexOf) only for files that have findings, so valid files never pay for
// it; BuildIndex makes one from the text alone, in a second mode of the
// same scanner, for callers that have not parsed it.
package jsonparse

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// MaxDepth bounds nesting so that a hostile file cannot exhaust the stack.
// Graph bodies nest fewer than 15 levels.
const MaxDepth = 1000

// SyntaxError is a JSON syntax error at a byte offset of the input.
type SyntaxError struct {
	Offset int // byte offset where the error was detected
	Msg    string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("offset %d: %s", e.Offset, e.Msg) }

// Duplicate is a key that occurs more than once in one object.
type Duplicate struct {
	Pointer string // JSON Pointer of the member (the same for every occurrence)
	Key     string
	Offset  int // byte offset of the repeated key's opening quote
	First   int // byte offset of the first occurrence's opening quote
}

// Result is a parsed document.
type Result struct {
	// Src is the text parsed, as a string (the nodes' keys are slices of
	// it): the validators and the rules read values from it.
	Src        string
	Duplicates []Duplicate
	BOM        bool // the input starts with a UTF-8 byte order mark, which was skipped
	// Nodes are the document's values in document order, with their spans:
	// the semantic rules walk these instead of scanning the bytes again.
	Nodes []Node
}

// Node is one value of the document. A container comes before what it
// holds, so the members or elements of node i are i+1, then each one's
// Last+1, up to node i's Last. A node holds offsets only, no pointers, so
// that the garbage collector never scans the table (a 50 MB body has two
// million nodes).
type Node struct {
	Parent     int32 // the enclosing object or array; -1 for the root
	Last       int32 // the last node inside this one; itself for a scalar or an empty container
	Elem       int32 // the element's position in its array; -1 for a member and the root
	KeyStart   int32 // the member key's opening quote; -1 for an array element and the root
	KeyEnd     int32 // just past the member key's closing quote; -1 for an array element and the root
	Start, End int32 // the value's bytes, [Start, End)
}

// Key returns the member's key, decoded, from src, the text the nodes
// index; "" for an array element and the root. A key without escapes is a
// slice of src: reading it allocates nothing.
func (n Node) Key(src string) string {
	if n.KeyStart < 0 {
		return ""
	}
	return literal(src[n.KeyStart:n.KeyEnd])
}

// String returns the value of a string node; ok is false for any other
// node. A string without escapes is a slice of src.
func (n Node) String(src string) (string, bool) {
	if src[n.Start] != '"' {
		return "", false
	}
	return literal(src[n.Start:n.End]), true
}

// literal decodes a string literal the parser has read (quotes included):
// without escapes, a slice of it, so that reading keys and values
// allocates nothing.
func literal(lit string) string {
	if strings.IndexByte(lit, '\\') < 0 {
		return lit[1 : len(lit)-1]
	}
	s, _ := Unquote(lit)
	return s
}

// MaxSize is the largest document Parse takes: node spans are 32-bit to
// keep the node table small.
const MaxSize = 1<<31 - 1

// Path returns the reference tokens of node i's JSON Pointer (keys, and
// element indexes in decimal), for messages that name a value by its path.
func Path(src string, nodes []Node, i int32) []string {
	var path []string
	for ; i > 0; i = nodes[i].Parent {
		if n := nodes[i]; n.Elem >= 0 {
			path = append(path, strconv.Itoa(int(n.Elem)))
		} else {
			path = append(path, n.Key(src))
		}
	}
	slices.Reverse(path)
	return path
}

// Pointer returns the JSON Pointer of node i of a document parsed from src.
func Pointer(src string, nodes []Node, i int32) string {
	return string(appendNodePointer(nil, src, nodes, i))
}

func appendNodePointer(b []byte, src string, nodes []Node, i int32) []byte {
	if i <= 0 {
		return b
	}
	n := nodes[i]
	b = appendNodePointer(b, src, nodes, n.Parent)
	if n.Elem >= 0 {
		return strconv.AppendInt(append(b, '/'), int64(n.Elem), 10)
	}
	return appendPointer(b, n.Key(src))
}

// Parse reads data, which must hold exactly one JSON value surrounded by
// optional whitespace. The result refers to data (Result.Src is data as a
// string, and the nodes' keys are slices of it): the caller must not
// modify data afterwards. A leading UTF-8 byte order mark is skipped and
// reported in Result.BOM, since some HTTP clients send it as it is.
func Parse(data []byte) (*Result, error) {
	if len(data) > MaxSize {
		return nil, &SyntaxError{Offset: 0, Msg: "the file is larger than 2 GiB, more than emlint parses"}
	}
	// The document's text as a string without copying it: copying a 50 MB
	// body cost more than parsing it. Parse's callers never modify data
	// afterwards (see Parse's documentation).
	text := unsafe.String(unsafe.SliceData(data), len(data))
	nodes := *(nodePool.Get().(*[]Node))
	if want := len(data)/24 + 1; cap(nodes) < want {
		nodes = make([]Node, 0, want)
	}
	p := parser{data: data, text: text, build: true, nodes: nodes[:0], cur: -1}
	if _, err := p.document(); err != nil {
		return nil, err
	}
	return &Result{Src: text, Duplicates: p.dups, BOM: p.bom, Nodes: p.nodes}, nil
}

// nodePool keeps node tables for Parse to reuse: a run over thousands of
// files would otherwise allocate about a byte of table per byte of JSON.
var nodePool = sync.Pool{New: func() any { return new([]Node) }}

// Release gives the result's node table back for a later Parse to reuse.
// The caller must not use the result, or anything that holds its nodes,
// afterwards. Tables of large documents are left to the collector.
func (r *Result) Release() {
	if cap(r.Nodes) > 1<<16 {
		return
	}
	nodes := r.Nodes[:0]
	r.Nodes = nil
	nodePool.Put(&nodes)
}

// Tree decodes the whole document into the generic tree, from the nodes:
// for the few callers that want one (migrate, rare paths of the linter).
func (r *Result) Tree() any { return Decode(r.Src, r.Nodes, 0, -1) }

// Decode decodes node i of a document parsed from src into the generic
// tree, down to depth levels below it (-1: all); deeper objects and arrays
// are empty. When a key repeats, the last occurrence wins.
func Decode(src string, nodes []Node, i int32, depth int) any {
	n := nodes[i]
	switch c := src[n.Start]; c {
	case '{':
		obj := map[string]any{}
		if depth == 0 {
			return obj
		}
		for m := i + 1; m <= n.Last; m = nodes[m].Last + 1 {
			obj[nodes[m].Key(src)] = Decode(src, nodes, m, depth-1)
		}
		return obj
	case '[':
		arr := []any{}
		if depth == 0 {
			return arr
		}
		for e := i + 1; e <= n.Last; e = nodes[e].Last + 1 {
			arr = append(arr, Decode(src, nodes, e, depth-1))
		}
		return arr
	case '"':
		return literal(src[n.Start:n.End])
	case 't':
		return true
	case 'f':
		return false
	case 'n':
		return nil
	}
	return json.Number(src[n.Start:n.End])
}

// Span is the location of one member or element, as byte offsets [Start, End).
// KeyStart and KeyEnd cover the quoted key of an object member; both are -1
// for array elements and for the root.
type Span struct {
	KeyStart, KeyEnd int
	Start, End       int // the value
}

// Index maps JSON Pointers ("" for the root, "/a/0/b") to spans. When a key
// occurs twice the last occurrence wins, as in the decoded value.
type Index map[string]Span

// BuildIndex scans data and records the span of every value. On a syntax
// error it returns what was indexed before the error along with the error.
func BuildIndex(data []byte) (Index, error) {
	p := parser{data: data, index: Index{}}
	_, err := p.document()
	return p.index, err
}

// IndexOf builds the index of a document Parse has read from src from its
// nodes, without scanning src again. It equals what BuildIndex returns for
// the same text.
func IndexOf(src string, nodes []Node) Index {
	index := make(Index, len(nodes))
	ptrs := make([]string, len(nodes))
	for i, n := range nodes {
		s := Span{KeyStart: -1, KeyEnd: -1, Start: int(n.Start), End: int(n.End)}
		switch {
		case i == 0:
		case n.Elem >= 0:
			ptrs[i] = ptrs[n.Parent] + "/" + strconv.Itoa(int(n.Elem))
		default:
			ptrs[i] = string(appendPointer([]byte(ptrs[n.Parent]), n.Key(src)))
			s.KeyStart, s.KeyEnd = int(n.KeyStart), int(n.KeyEnd)
		}
		index[ptrs[i]] = s
	}
	return index
}

type parser struct {
	data  []byte
	pos   int
	depth int
	build bool // record the nodes
	dups  []Duplicate
	index Index  // record spans when non-nil
	ptr   []byte // the current pointer, kept in index mode only
	bom   bool
	nodes []Node // recorded in build mode
	text  string // data as a string, in build mode: keys are slices of it
	cur   int32  // the node of the container being parsed; -1 before the root
}

func (p *parser) fail(format string, args ...any) error {
	return &SyntaxError{Offset: p.pos, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) document() (any, error) {
	switch {
	case bytes.HasPrefix(p.data, []byte{0xEF, 0xBB, 0xBF}):
		p.pos, p.bom = 3, true
	case bytes.HasPrefix(p.data, []byte{0xFF, 0xFE}), bytes.HasPrefix(p.data, []byte{0xFE, 0xFF}):
		return nil, p.fail("the file is UTF-16 encoded: save it as UTF-8")
	}
	p.skipSpace()
	if p.pos >= len(p.data) {
		return nil, p.fail("empty document: expected a JSON object")
	}
	v, err := p.value("", -1, -1, -1)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos < len(p.data) {
		return nil, p.fail("unexpected %s after the end of the JSON value: a file holds one body", p.describe())
	}
	return v, nil
}

func (p *parser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// describe names the byte at p.pos for an error message.
func (p *parser) describe() string {
	if p.pos >= len(p.data) {
		return "end of file"
	}
	c := p.data[p.pos]
	switch {
	case c == 0:
		return "NUL byte"
	case c < 0x20:
		return fmt.Sprintf("control character U+%04X", c)
	case c < utf8.RuneSelf:
		return fmt.Sprintf("%q", string(c))
	}
	r, _ := utf8.DecodeRune(p.data[p.pos:])
	if r == utf8.RuneError {
		return fmt.Sprintf("invalid UTF-8 byte 0x%02x", c)
	}
	return fmt.Sprintf("%q", string(r))
}

// value parses the value at p.pos: a member's (key, keyStart, keyEnd),
// an array's element elem, or the root.
func (p *parser) value(key string, keyStart, keyEnd, elem int) (any, error) {
	start := p.pos
	node, parent := int32(-1), p.cur
	if p.build {
		node = int32(len(p.nodes))
		p.nodes = append(p.nodes, Node{Parent: parent, Elem: int32(elem), KeyStart: int32(keyStart), KeyEnd: int32(keyEnd), Start: int32(start)})
		p.cur = node
	}
	var v any
	var err error
	switch c := p.data[p.pos]; {
	case c == '{':
		v, err = p.object()
	case c == '[':
		v, err = p.array()
	case c == '"':
		err = p.skipString()
	case c == '-' || (c >= '0' && c <= '9'):
		v, err = p.number()
	case c == 't':
		v, err = p.literal("true", true)
	case c == 'f':
		v, err = p.literal("false", false)
	case c == 'n':
		v, err = p.literal("null", nil)
	default:
		return nil, p.fail("unexpected %s: expected a value (object, array, string, number, true, false or null)", p.describe())
	}
	if err != nil {
		return nil, err
	}
	if p.build {
		n := &p.nodes[node]
		n.End, n.Last = int32(p.pos), int32(len(p.nodes)-1)
		p.cur = parent
	}
	if p.index != nil {
		p.index[string(p.ptr)] = Span{KeyStart: keyStart, KeyEnd: keyEnd, Start: start, End: p.pos}
	}
	return v, nil
}

func (p *parser) enter() error {
	p.depth++
	if p.depth > MaxDepth {
		return p.fail("nesting deeper than %d levels", MaxDepth)
	}
	return nil
}

func (p *parser) object() (any, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	p.pos++ // '{'
	// keys holds the keys so far once the object is large (see seenKey).
	var keys map[string]struct{}
	members := 0
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		p.depth--
		return nil, nil
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.data) {
			return nil, p.fail("unexpected end of file: the object is not closed with '}'")
		}
		if p.data[p.pos] != '"' {
			if p.data[p.pos] == '}' {
				return nil, p.fail("trailing comma before '}': remove the last ','")
			}
			return nil, p.fail("unexpected %s: expected a property name in double quotes", p.describe())
		}
		keyStart := p.pos
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		keyEnd := p.pos
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return nil, p.fail("unexpected %s: expected ':' after the property name", p.describe())
		}
		p.pos++
		p.skipSpace()
		if p.pos >= len(p.data) {
			return nil, p.fail("unexpected end of file: expected a value")
		}
		mark := len(p.ptr)
		if p.index != nil {
			p.ptr = appendPointer(p.ptr, key)
		}
		if p.build {
			if p.seenKey(key, members, &keys) {
				p.dups = append(p.dups, Duplicate{Pointer: string(appendPointer(appendNodePointer(nil, p.text, p.nodes, p.cur), key)),
					Key: key, Offset: keyStart, First: p.firstKey(key)})
			}
			members++
		}
		if _, err := p.value(key, keyStart, keyEnd, -1); err != nil {
			return nil, err
		}
		p.ptr = p.ptr[:mark]
		p.skipSpace()
		if p.pos >= len(p.data) {
			return nil, p.fail("unexpected end of file: the object is not closed with '}'")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			p.depth--
			return nil, nil
		default:
			return nil, p.fail("unexpected %s: expected ',' or '}' after the property value", p.describe())
		}
	}
}

// seenKey reports whether the object being parsed, which has members
// members so far, already has key. Small objects (Graph's have a few dozen
// members at most) are searched through the nodes; from 16 members on, a
// set of the keys is kept, so that a hostile object cannot make parsing
// quadratic.
func (p *parser) seenKey(key string, members int, keys *map[string]struct{}) bool {
	const small = 16
	if members < small {
		return p.firstKey(key) >= 0
	}
	if *keys == nil {
		*keys = make(map[string]struct{}, 2*small)
		for c := p.cur + 1; c < int32(len(p.nodes)); c = p.nodes[c].Last + 1 {
			(*keys)[p.nodes[c].Key(p.text)] = struct{}{}
		}
	}
	_, dup := (*keys)[key]
	(*keys)[key] = struct{}{}
	return dup
}

func (p *parser) array() (any, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	p.pos++ // '['
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		p.depth--
		return nil, nil
	}
	for i := 0; ; i++ {
		p.skipSpace()
		if p.pos >= len(p.data) {
			return nil, p.fail("unexpected end of file: the array is not closed with ']'")
		}
		if p.data[p.pos] == ']' {
			return nil, p.fail("trailing comma before ']': remove the last ','")
		}
		mark := len(p.ptr)
		if p.index != nil {
			p.ptr = strconv.AppendInt(append(p.ptr, '/'), int64(i), 10)
		}
		if _, err := p.value("", -1, -1, i); err != nil {
			return nil, err
		}
		p.ptr = p.ptr[:mark]
		p.skipSpace()
		if p.pos >= len(p.data) {
			return nil, p.fail("unexpected end of file: the array is not closed with ']'")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			p.depth--
			return nil, nil
		default:
			return nil, p.fail("unexpected %s: expected ',' or ']' after the array element", p.describe())
		}
	}
}

// firstKey returns where the first member named key of the object being
// parsed starts; a duplicate is rare, so it is looked up only then.
func (p *parser) firstKey(key string) int {
	for c := p.cur + 1; c < int32(len(p.nodes)); c = p.nodes[c].Last + 1 {
		if p.nodes[c].Key(p.text) == key {
			return int(p.nodes[c].KeyStart)
		}
	}
	return -1
}

func (p *parser) literal(word string, v any) (any, error) {
	if !strings.HasPrefix(string(p.data[p.pos:min(len(p.data), p.pos+len(word))]), word) {
		return nil, p.fail("unexpected %s: expected %s", p.describe(), word)
	}
	p.pos += len(word)
	return v, nil
}

func (p *parser) number() (any, error) {
	digits := func() int {
		n := 0
		for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	if p.data[p.pos] == '-' {
		p.pos++
	}
	if p.pos < len(p.data) && p.data[p.pos] == '0' {
		p.pos++
		if p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
			return nil, p.fail("a number cannot have a leading zero")
		}
	} else if digits() == 0 {
		return nil, p.fail("unexpected %s: expected a digit", p.describe())
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return nil, p.fail("unexpected %s: expected a digit after the decimal point", p.describe())
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return nil, p.fail("unexpected %s: expected a digit in the exponent", p.describe())
		}
	}
	return nil, nil
}

// skipString reads a string value starting at the opening quote: checked
// like any string, but not decoded (the nodes hold its span).
func (p *parser) skipString() error {
	p.pos++ // '"'
	start := p.pos
	for p.pos < len(p.data) {
		switch c := p.data[p.pos]; {
		case c == '"':
			p.pos++
			return nil
		case c == '\\':
			_, err := p.escapedString(start) // rare: checks the escapes
			return err
		case c < 0x20:
			return p.fail("%s in a string: escape it (for example \\n or \\u%04x)", p.describe(), c)
		case c < utf8.RuneSelf:
			p.pos++
		default:
			r, size := utf8.DecodeRune(p.data[p.pos:])
			if r == utf8.RuneError && size == 1 {
				return p.fail("invalid UTF-8 byte 0x%02x in a string: save the file as UTF-8", c)
			}
			p.pos += size
		}
	}
	return p.fail("unexpected end of file: the string is not closed with '\"'")
}

// str decodes a string starting at the opening quote. Strings without
// escapes, the common case, are sliced without copying byte by byte.
func (p *parser) str() (string, error) {
	p.pos++ // '"'
	start := p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			end := p.pos
			p.pos++
			if p.text != "" {
				return p.text[start:end], nil // a slice of the document: no copy per key
			}
			return string(p.data[start:end]), nil
		case c == '\\':
			return p.escapedString(start)
		case c < 0x20:
			return "", p.fail("%s in a string: escape it (for example \\n or \\u%04x)", p.describe(), c)
		case c < utf8.RuneSelf:
			p.pos++
		default:
			r, size := utf8.DecodeRune(p.data[p.pos:])
			if r == utf8.RuneError && size == 1 {
				return "", p.fail("invalid UTF-8 byte 0x%02x in a string: save the file as UTF-8", c)
			}
			p.pos += size
		}
	}
	return "", p.fail("unexpected end of file: the string is not closed with '\"'")
}

func (p *parser) escapedString(start int) (string, error) {
	var b strings.Builder
	b.Write(p.data[start:p.pos])
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return b.String(), nil
		case c == '\\':
			if p.pos+1 >= len(p.data) {
				return "", p.fail("unexpected end of file in an escape sequence")
			}
			e := p.data[p.pos+1]
			switch e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r, ok := p.hex4(p.pos + 2)
				if !ok {
					return "", p.fail("invalid \\u escape: expected four hexadecimal digits")
				}
				p.pos += 6
				if utf16.IsSurrogate(r) {
					r2, ok := rune(-1), false
					if p.pos+1 < len(p.data) && p.data[p.pos] == '\\' && p.data[p.pos+1] == 'u' {
						r2, ok = p.hex4(p.pos + 2)
					}
					if ok {
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							p.pos += 6
							r = dec
						} else {
							r = utf8.RuneError
						}
					} else {
						r = utf8.RuneError
					}
				}
				b.WriteRune(r)
				continue
			default:
				p.pos++
				return "", p.fail("invalid escape '\\%c' in a string", e)
			}
			p.pos += 2
		case c < 0x20:
			return "", p.fail("%s in a string: escape it (for example \\n or \\u%04x)", p.describe(), c)
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			p.pos++
		default:
			r, size := utf8.DecodeRune(p.data[p.pos:])
			if r == utf8.RuneError && size == 1 {
				return "", p.fail("invalid UTF-8 byte 0x%02x in a string: save the file as UTF-8", c)
			}
			b.Write(p.data[p.pos : p.pos+size])
			p.pos += size
		}
	}
	return "", p.fail("unexpected end of file: the string is not closed with '\"'")
}

func (p *parser) hex4(at int) (rune, bool) {
	if at+4 > len(p.data) {
		return 0, false
	}
	var r rune
	for _, c := range p.data[at : at+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// appendPointer appends "/" and key escaped per RFC 6901, without the
// allocations of pointer.Join on this hot path.
func appendPointer(b []byte, key string) []byte {
	b = append(b, '/')
	for i := 0; i < len(key); i++ {
		switch key[i] {
		case '~':
			b = append(b, '~', '0')
		case '/':
			b = append(b, '~', '1')
		default:
			b = append(b, key[i])
		}
	}
	return b
}

// Unquote decodes one JSON string literal, quotes included, with the
// parser's own escape rules (\/, surrogate pairs, a lone surrogate read as
// U+FFFD).
func Unquote(s string) (string, error) {
	if s == "" || s[0] != '"' {
		return "", &SyntaxError{Offset: 0, Msg: "expected a string"}
	}
	p := parser{data: []byte(s)}
	v, err := p.str()
	if err != nil {
		return "", err
	}
	if p.pos != len(s) {
		return "", p.fail("unexpected %s after the string", p.describe())
	}
	return v, nil
}

// Member returns the node of object i's member key (the last, if the key
// repeats, as in a decoded value), in a document parsed from src.
func Member(src string, nodes []Node, i int32, key string) (int32, bool) {
	found, ok := int32(0), false
	for c := i + 1; c <= nodes[i].Last; c = nodes[c].Last + 1 {
		if nodes[c].Key(src) == key {
			found, ok = c, true
		}
	}
	return found, ok
}

// Find returns the span of the value a JSON Pointer names in the document,
// as the Index that IndexOf builds holds it (when a key repeats, the last
// occurrence that has the rest of the pointer), without building the
// index: placing a few findings walks a few nodes.
func (r *Result) Find(ptr string) (Span, bool) {
	if len(r.Nodes) == 0 {
		return Span{}, false
	}
	i, ok := r.find(0, ptr)
	if !ok {
		return Span{}, false
	}
	n := r.Nodes[i]
	s := Span{KeyStart: -1, KeyEnd: -1, Start: int(n.Start), End: int(n.End)}
	if i > 0 && n.Elem < 0 {
		s.KeyStart, s.KeyEnd = int(n.KeyStart), int(n.KeyEnd)
	}
	return s, true
}

func (r *Result) find(i int32, ptr string) (int32, bool) {
	if ptr == "" {
		return i, true
	}
	if ptr[0] != '/' {
		return 0, false
	}
	tok, rest := ptr[1:], ""
	if j := strings.IndexByte(tok, '/'); j >= 0 {
		tok, rest = tok[:j], tok[j:]
	}
	if strings.IndexByte(tok, '~') >= 0 {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
	}
	n := r.Nodes[i]
	switch r.Src[n.Start] {
	case '{':
		// Members from the last: a repeated key's last occurrence wins.
		var members []int32
		for c := i + 1; c <= n.Last; c = r.Nodes[c].Last + 1 {
			if r.Nodes[c].Key(r.Src) == tok {
				members = append(members, c)
			}
		}
		for k := len(members) - 1; k >= 0; k-- {
			if found, ok := r.find(members[k], rest); ok {
				return found, true
			}
		}
	case '[':
		elem, err := strconv.Atoi(tok)
		if err != nil || elem < 0 || strconv.Itoa(elem) != tok {
			return 0, false // an index is written in canonical decimal
		}
		for c := i + 1; c <= n.Last; c = r.Nodes[c].Last + 1 {
			if int(r.Nodes[c].Elem) == elem {
				return r.find(c, rest)
			}
		}
	}
	return 0, false
}
