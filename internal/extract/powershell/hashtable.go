package powershell

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/emlint/emlint/internal/payload"
)

// nodeKind is the kind of a value read from the script.
type nodeKind uint8

const (
	nObject      nodeKind = iota // @{...}, [ordered]@{...}, [pscustomobject]@{...}
	nArray                       // @(...), a, b, ,x
	nString                      // a literal string (or a bareword argument)
	nNumber                      // a number literal, JSON text in str
	nBool                        // $true, $false, a switch parameter
	nNull                        // $null
	nVar                         // a bare $variable, resolved when transcoded
	nPlaceholder                 // any other expression
)

// node is a value read from the script, before transcoding.
type node struct {
	k           nodeKind
	span        payload.Span // the whole value
	open, close payload.Span // brackets of objects and arrays
	entries     []entry
	elems       []*node
	str         string // string value, number text, variable name
	b           bool
	tok         int // token index of a string, variable or here-string, -1 otherwise
}

type entry struct {
	key     string
	keySpan payload.Span
	val     *node
}

// get returns the entry whose key is name (keys are case-insensitive, as in
// a PowerShell hashtable), or -1.
func (n *node) get(name string) int {
	for i, e := range n.entries {
		if strings.EqualFold(e.key, name) {
			return i
		}
	}
	return -1
}

// set adds or replaces an entry (case-insensitively).
func (n *node) set(e entry) {
	if i := n.get(e.key); i >= 0 {
		n.entries[i].val = e.val
		return
	}
	n.entries = append(n.entries, e)
}

// readError is syntax the scanner cannot read inside a body.
type readError struct {
	off int
	msg string
}

func (e *readError) Error() string { return e.msg }

// reader reads values from the tokens of a script.
type reader struct {
	text  []byte
	toks  []token
	nest  int
	lines []int // offsets of line starts, computed at the first error
}

func (r *reader) span(i int) payload.Span {
	return payload.Span{Start: r.toks[i].start, End: r.toks[i].end}
}
func (r *reader) str(i int) string { return string(r.text[r.toks[i].start:r.toks[i].end]) }

// fail makes a readError at token i: "line N: msg".
func (r *reader) fail(i int, format string, args ...any) *readError {
	off := len(r.text)
	if i < len(r.toks) {
		off = r.toks[i].start
	}
	if r.lines == nil {
		r.lines = []int{0}
		for i, c := range r.text {
			if c == '\n' {
				r.lines = append(r.lines, i+1)
			}
		}
	}
	line := sort.SearchInts(r.lines, off+1) // lines starting at or before off
	return &readError{off, fmt.Sprintf("line %d: %s", line, fmt.Sprintf(format, args...))}
}

// enter starts reading the hashtable or array whose opening bracket is
// token i: it returns its node, spanning both brackets, and the closing
// token. The caller decrements r.nest when done; nesting is bounded so
// that a hostile script cannot exhaust the stack.
func (r *reader) enter(i int, k nodeKind, what, opener string) (*node, int, error) {
	close := r.toks[i].match
	if close < 0 {
		return nil, 0, r.fail(i, "the %s `%s` is not closed", what, opener)
	}
	if r.nest >= maxNest {
		return nil, 0, r.fail(i, "%ss nest too deep", what)
	}
	r.nest++
	return &node{k: k, tok: -1, open: r.span(i), close: r.span(close),
		span: payload.Span{Start: r.toks[i].start, End: r.toks[close].end}}, close, nil
}

// skipSeparators returns the first token at or after j, before close, that
// is not a statement separator (a line end or `;`), or close.
func (r *reader) skipSeparators(j, close int) int {
	for j < close && (r.toks[j].k == tNewline || r.toks[j].k == tSemi) {
		j++
	}
	return j
}

// hashtable reads @{ key = value ... } at token i (a tHashOpen); open is
// where the JSON `{` maps (the `@{`, or a cast before it is not included).
func (r *reader) hashtable(i int) (*node, int, error) {
	n, close, err := r.enter(i, nObject, "hashtable", "@{")
	if err != nil {
		return nil, 0, err
	}
	defer func() { r.nest-- }()
	j := i + 1
	for {
		if j = r.skipSeparators(j, close); j >= close {
			break
		}
		key, ok := r.key(j)
		if !ok {
			return nil, 0, r.fail(j, "the key `%s` is not a literal name", r.str(j))
		}
		if j+1 >= close || r.toks[j+1].k != tAssign {
			return nil, 0, r.fail(j, "`%s` has no `=`", key)
		}
		v := j + 2
		if v >= close || r.toks[v].k == tNewline || r.toks[v].k == tSemi {
			return nil, 0, r.fail(j, "`%s` has no value", key)
		}
		val, next, err := r.expr(v, close, false)
		if err != nil {
			return nil, 0, err
		}
		if next < close && r.toks[next].k != tNewline && r.toks[next].k != tSemi {
			return nil, 0, r.fail(next, "unexpected `%s` after the value of `%s`", r.str(next), key)
		}
		n.entries = append(n.entries, entry{key: key, keySpan: r.span(j), val: val})
		j = next
	}
	return n, close + 1, nil
}

// key reads a hashtable key: a bare word, a number, or a string without
// variables.
func (r *reader) key(j int) (string, bool) {
	t := r.toks[j]
	switch t.k {
	case tWord:
		s := r.str(j)
		if strings.HasPrefix(s, "-") && len(s) > 1 && !isDigit(s[1]) {
			return "", false
		}
		return s, true
	case tString:
		if t.bad {
			return "", false
		}
		v, expands := decode(r.text, t)
		return v, !expands
	}
	return "", false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// array reads @( ... ) at token i. Its statements are separated by
// newlines or `;`; like PowerShell, a statement whose value is an array
// (a comma list, @(...), ,x) contributes its elements, so @(@(1,2)) is
// [1,2] and @(@(1,2), @(3)) is [[1,2],[3]].
func (r *reader) array(i int) (*node, int, error) {
	n, close, err := r.enter(i, nArray, "array", "@(")
	if err != nil {
		return nil, 0, err
	}
	defer func() { r.nest-- }()
	j := i + 1
	for {
		if j = r.skipSeparators(j, close); j >= close {
			break
		}
		val, next, err := r.expr(j, close, false)
		if err != nil {
			return nil, 0, err
		}
		if next < close && r.toks[next].k != tNewline && r.toks[next].k != tSemi {
			return nil, 0, r.fail(next, "unexpected `%s` in an array", r.str(next))
		}
		if val.k == nArray {
			n.elems = append(n.elems, val.elems...)
		} else {
			n.elems = append(n.elems, val)
		}
		j = next
	}
	return n, close + 1, nil
}

// isBinary reports whether token j is a binary operator in expression
// mode: -eq, -f, -join..., + - * / % .. ?? and a pipe.
func (r *reader) isBinary(j int) bool {
	t := r.toks[j]
	if t.k == tPipe {
		return true
	}
	if t.k != tWord {
		return false
	}
	s := r.str(j)
	switch s {
	case "+", "-", "*", "/", "%", "..", "??", "?", ":", "!", ">", "<", "2>&1", ">>":
		return true
	}
	return len(s) > 1 && s[0] == '-' && !isDigit(s[1]) && s[1] != '.'
}

// expr reads a value from token j up to end: a comma list of operands, or
// operands joined by operators (a placeholder). In command mode (cmd) a
// bareword is a string and no binary operators are read (PowerShell's
// argument mode). It returns the token after the value.
func (r *reader) expr(j, end int, cmd bool) (*node, int, error) {
	start := j
	var items []*node
	comma, complex := false, false
	for {
		n, next, err := r.unary(j, end, cmd)
		if err != nil {
			return nil, 0, err
		}
		items = append(items, n)
		j = next
		if j >= end {
			break
		}
		if r.toks[j].k == tComma {
			comma = true
		} else if !cmd && r.isBinary(j) {
			complex = true
		} else {
			break
		}
		j++
		for j < end && r.toks[j].k == tNewline {
			j++ // a line may end after a comma or an operator
		}
		if j >= end {
			return nil, 0, r.fail(j, "an expression ends after `%s`", r.str(j-1))
		}
	}
	sp := payload.Span{Start: r.toks[start].start, End: r.toks[j-1].end}
	switch {
	case complex:
		return &node{k: nPlaceholder, span: sp, tok: -1}, j, nil
	case comma:
		return &node{k: nArray, span: sp, tok: -1, elems: items,
			open: payload.Span{Start: sp.Start, End: sp.Start}, close: payload.Span{Start: sp.End, End: sp.End}}, j, nil
	}
	return items[0], j, nil
}

// unary reads one operand with its prefix operators (unary comma, cast,
// minus) and postfix member accesses.
func (r *reader) unary(j, end int, cmd bool) (*node, int, error) {
	if j >= end {
		return nil, 0, r.fail(j, "a value is missing")
	}
	t := r.toks[j]
	switch {
	case t.k == tComma: // ,x is a one-element array
		if r.nest++; r.nest > maxNest {
			return nil, 0, r.fail(j, "values nest too deep")
		}
		defer func() { r.nest-- }()
		n, next, err := r.unary(j+1, end, cmd)
		if err != nil {
			return nil, 0, err
		}
		sp := payload.Span{Start: t.start, End: n.span.End}
		return &node{k: nArray, span: sp, tok: -1, elems: []*node{n}, open: r.span(j),
			close: payload.Span{Start: sp.End, End: sp.End}}, next, nil
	case t.k == tLBracket: // a cast or a type: [ordered]@{...} reads as an object
		close := t.match
		if close < 0 || close >= end {
			return nil, 0, r.fail(j, "the type `[` is not closed")
		}
		typ := strings.ToLower(strings.TrimSpace(string(r.text[t.end:r.toks[close].start])))
		if close+1 < end && r.castable(close+1) {
			if r.nest++; r.nest > maxNest {
				return nil, 0, r.fail(j, "values nest too deep")
			}
			defer func() { r.nest-- }()
			n, next, err := r.unary(close+1, end, cmd)
			if err != nil {
				return nil, 0, err
			}
			if n.k == nObject && isObjectType(typ) {
				n.span.Start = t.start
				return n, next, nil
			}
			return &node{k: nPlaceholder, tok: -1, span: payload.Span{Start: t.start, End: n.span.End}}, next, nil
		}
		return r.postfix(&node{k: nPlaceholder, tok: -1, span: payload.Span{Start: t.start, End: r.toks[close].end}}, close+1, end)
	}
	n, next, err := r.operand(j, end, cmd)
	if err != nil {
		return nil, 0, err
	}
	return r.postfix(n, next, end)
}

// castable reports whether token j can be the operand of a cast.
func (r *reader) castable(j int) bool {
	switch r.toks[j].k {
	case tHashOpen, tArrayOpen, tString, tHere, tVar, tLParen, tSubExpr, tLBracket:
		return true
	case tWord:
		_, ok := number(r.str(j))
		return ok
	}
	return false
}

// isObjectType reports whether a cast keeps a hashtable an object in JSON.
func isObjectType(typ string) bool {
	switch typ {
	case "ordered", "pscustomobject", "psobject", "hashtable", "system.collections.hashtable",
		"system.management.automation.pscustomobject", "system.management.automation.psobject",
		"system.collections.specialized.ordereddictionary":
		return true
	}
	return false
}

// postfix reads member accesses, indexes and method calls written right
// after an operand ($x.Id, $a[0], (Get-Date).AddDays(30), [t]::Parse(..)):
// the whole expression becomes a placeholder.
func (r *reader) postfix(n *node, j, end int) (*node, int, error) {
	grown := false
	for j < end && r.toks[j].start == r.toks[j-1].end {
		t := r.toks[j]
		if t.k == tWord && (t.start < len(r.text) && r.text[t.start] == '.' || strings.HasPrefix(r.str(j), "::")) {
			j++
		} else if t.k == tLBracket || t.k == tLParen && grown {
			if t.match < 0 || t.match >= end {
				return nil, 0, r.fail(j, "`%s` is not closed", r.str(j))
			}
			j = t.match + 1
		} else {
			break
		}
		grown = true
	}
	if !grown {
		return n, j, nil
	}
	return &node{k: nPlaceholder, tok: -1, span: payload.Span{Start: n.span.Start, End: r.toks[j-1].end}}, j, nil
}

// operand reads one primary value.
func (r *reader) operand(j, end int, cmd bool) (*node, int, error) {
	t := r.toks[j]
	sp := r.span(j)
	leaf := func(k nodeKind) (*node, int, error) { return &node{k: k, span: sp, tok: j}, j + 1, nil }
	switch t.k {
	case tHashOpen:
		return r.hashtable(j)
	case tArrayOpen:
		return r.array(j)
	case tLParen, tSubExpr:
		if t.match < 0 || t.match >= end {
			return nil, 0, r.fail(j, "`%s` is not closed", r.str(j))
		}
		return &node{k: nPlaceholder, tok: j, span: payload.Span{Start: t.start, End: r.toks[t.match].end}}, t.match + 1, nil
	case tString, tHere:
		if t.bad {
			return nil, 0, r.fail(j, "the string is not closed")
		}
		v, expands := decode(r.text, t)
		if expands {
			return leaf(nPlaceholder)
		}
		n := &node{k: nString, span: sp, tok: j, str: v}
		return n, j + 1, nil
	case tVar:
		switch strings.ToLower(r.str(j)) {
		case "$true":
			return &node{k: nBool, b: true, span: sp, tok: j}, j + 1, nil
		case "$false":
			return leaf(nBool)
		case "$null":
			return leaf(nNull)
		}
		n := &node{k: nVar, span: sp, tok: j, str: varName(r.str(j))}
		return n, j + 1, nil
	case tSplat:
		return leaf(nPlaceholder)
	case tWord:
		s := r.str(j)
		if num, ok := number(s); ok {
			return &node{k: nNumber, span: sp, tok: j, str: num}, j + 1, nil
		}
		if s == "-" && j+1 < end && r.toks[j+1].start == t.end && r.toks[j+1].k == tWord {
			if num, ok := number("-" + r.str(j+1)); ok {
				return &node{k: nNumber, span: payload.Span{Start: t.start, End: r.toks[j+1].end}, tok: j, str: num}, j + 2, nil
			}
		}
		if isDigit(s[0]) || s[0] == '.' && len(s) > 1 && isDigit(s[1]) {
			return leaf(nPlaceholder) // 1kb, 5d, 0x1FL: a number PowerShell reads, JSON does not
		}
		if cmd {
			if s[0] == '-' {
				return nil, 0, r.fail(j, "a value is missing before `%s`", s)
			}
			return &node{k: nString, span: sp, tok: j, str: unescapeWord(s)}, j + 1, nil
		}
		if s[0] == '-' || s == "!" {
			// -not $x, -join $a, !$x: a unary operator.
			if r.nest++; r.nest > maxNest {
				return nil, 0, r.fail(j, "values nest too deep")
			}
			defer func() { r.nest-- }()
			n, next, err := r.unary(j+1, end, cmd)
			if err != nil {
				return nil, 0, err
			}
			return &node{k: nPlaceholder, tok: -1, span: payload.Span{Start: t.start, End: n.span.End}}, next, nil
		}
		return r.command(j, end)
	}
	if t.k == tNewline || t.k == tSemi || t.k == tRBrace || t.k == tRParen {
		return nil, 0, r.fail(j, "a value is missing")
	}
	return nil, 0, r.fail(j, "unexpected `%s` where a value was expected", r.str(j))
}

// command reads a command in value position (Get-Date -Format o,
// New-Object PSObject -Property @{...}) up to the end of its statement. It
// is a placeholder, except New-Object PSObject -Property @{...}, an object.
func (r *reader) command(j, end int) (*node, int, error) {
	start := j
	prop, psobject := -1, false
	for j < end {
		t := r.toks[j]
		if t.k == tNewline && r.toks[j-1].k != tPipe || t.k == tSemi || t.k == tRParen || t.k == tRBrace || t.k == tRBracket {
			break
		}
		if t.k == tWord {
			switch strings.ToLower(r.str(j)) {
			case "-property":
				if j+1 < end && r.toks[j+1].k == tHashOpen {
					prop = j + 1
				}
			case "psobject", "pscustomobject", "system.management.automation.psobject", "system.management.automation.pscustomobject":
				psobject = true
			}
		}
		if t.match >= 0 && t.match > j {
			if t.match >= end {
				return nil, 0, r.fail(j, "`%s` is not closed", r.str(j))
			}
			j = t.match
		}
		j++
	}
	if prop >= 0 && psobject && strings.EqualFold(r.str(start), "New-Object") {
		n, _, err := r.hashtable(prop)
		if err != nil {
			return nil, 0, err
		}
		n.span.Start = r.toks[start].start
		n.span.End = r.toks[j-1].end
		return n, j, nil
	}
	return &node{k: nPlaceholder, tok: -1, span: payload.Span{Start: r.toks[start].start, End: r.toks[j-1].end}}, j, nil
}

// unescapeWord drops the backtick escapes of a bareword.
func unescapeWord(s string) string {
	if !strings.Contains(s, "`") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '`' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// varName is a variable's name as PowerShell compares it: without `$`,
// braces and scope, lower-cased.
func varName(s string) string {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "$"), "@")
	s = strings.TrimSuffix(strings.TrimPrefix(s, "{"), "}")
	s = strings.ToLower(s)
	for _, scope := range []string{"script:", "global:", "local:", "private:", "using:"} {
		s = strings.TrimPrefix(s, scope)
	}
	return s
}

// number returns the JSON text of a PowerShell number literal: decimal
// integers and reals, hexadecimal 0x1F, with a sign. Suffixes and
// multipliers (1kb, 5d, 10L) are not read.
func number(s string) (string, bool) {
	neg := ""
	if s != "" && (s[0] == '-' || s[0] == '+') {
		if s[0] == '-' {
			neg = "-"
		}
		s = s[1:]
	}
	if s == "" {
		return "", false
	}
	if len(s) > 2 && (s[:2] == "0x" || s[:2] == "0X") {
		v, err := strconv.ParseUint(s[2:], 16, 64)
		if err != nil {
			return "", false
		}
		return neg + strconv.FormatUint(v, 10), true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(isDigit(c) || c == '.' || c == 'e' || c == 'E' || (c == '+' || c == '-') && i > 0 && (s[i-1] == 'e' || s[i-1] == 'E')) {
			return "", false
		}
	}
	if !isDigit(s[0]) && !(s[0] == '.' && len(s) > 1 && isDigit(s[1])) {
		return "", false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return "", false
	}
	if isJSONNumber(s) {
		return neg + s, true
	}
	if f == float64(int64(f)) && !strings.ContainsAny(s, ".eE") {
		return neg + strconv.FormatInt(int64(f), 10), true
	}
	return neg + strconv.FormatFloat(f, 'g', -1, 64), true
}

// isJSONNumber reports whether an unsigned number is written as JSON
// writes it (no leading zeros, digits after the point).
func isJSONNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '0' {
		i++
	} else {
		if i >= len(s) || !isDigit(s[i]) {
			return false
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && s[i] == '.' {
		i++
		if i >= len(s) || !isDigit(s[i]) {
			return false
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) || !isDigit(s[i]) {
			return false
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	return i == len(s)
}
