// Package powershell finds entitlement-management request bodies in
// PowerShell scripts (.ps1, .psm1) and transcodes them to JSON with a
// source map. It is a tolerant scanner, not a parser: it tokenizes the
// whole script once, reads the literal hashtables, arrays and strings that
// make up a body, and treats every other expression as a placeholder. The
// script outside bodies is never judged.
package powershell

// kind is a token kind.
type kind uint8

const (
	tNewline   kind = iota // a line end that ends a statement
	tSemi                  // ;
	tComma                 // ,
	tPipe                  // |
	tAmp                   // & && || (call operator, pipeline chains)
	tAssign                // =
	tOpAssign              // += -= *= /= %= ??=
	tLParen                // (
	tSubExpr               // $(
	tArrayOpen             // @(
	tLBrace                // {
	tHashOpen              // @{
	tLBracket              // [
	tRParen                // )
	tRBrace                // }
	tRBracket              // ]
	tVar                   // $name, ${name}, $scope:name
	tSplat                 // @name
	tString                // '...' or "..." (smart quotes too)
	tHere                  // @'...'@ or @"..."@
	tWord                  // anything else: bareword, -Parameter, number, operator
)

// token is one lexical token. For strings, cStart/cEnd delimit the content
// between the quotes (here-strings: between the opener's line end and the
// line end before the closer).
type token struct {
	k            kind
	start, end   int
	cStart, cEnd int
	dq           bool // double-quoted: expands $variables and backtick escapes
	bad          bool // unterminated string
	match        int  // openers and closers: index of the partner, -1 if none
}

// maxNest bounds recursion (subexpressions inside strings, nested
// literals) so that hostile input cannot exhaust the stack.
const maxNest = 200

// lexer turns a script into tokens. PowerShell's lexer depends on the
// parse mode (command or expression); this one does not, and the readers
// above it interpret words by position instead.
type lexer struct {
	text []byte
	i    int
	toks []token
}

// lex tokenizes the whole text (one linear pass) and pairs brackets.
func lex(text []byte) []token {
	l := &lexer{text: text, toks: make([]token, 0, len(text)/8+16)}
	if len(text) >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF {
		l.i = 3 // UTF-8 byte order mark
	}
	for {
		t, ok := l.next(0)
		if !ok {
			break
		}
		if t.k == tNewline && len(l.toks) > 0 && l.toks[len(l.toks)-1].k == tNewline {
			continue // one newline token per run of empty lines
		}
		if t.k == tAssign {
			// `+=` and friends: the operator characters lexed as a word
			// just before the `=`.
			if n := len(l.toks); n > 0 {
				p := &l.toks[n-1]
				if p.k == tWord && p.end == t.start && isOpAssignPrefix(string(text[p.start:p.end])) {
					p.k, p.end = tOpAssign, t.end
					continue
				}
			}
		}
		l.toks = append(l.toks, t)
	}
	pair(l.toks)
	return l.toks
}

func isOpAssignPrefix(s string) bool {
	switch s {
	case "+", "-", "*", "/", "%", "??":
		return true
	}
	return false
}

// pair links openers and closers. A closer that matches no open bracket is
// left unpaired; an opener closed by a deeper mismatch is closed there.
func pair(toks []token) {
	var stack []int
	for i := range toks {
		toks[i].match = -1
		switch toks[i].k {
		case tLParen, tSubExpr, tArrayOpen, tLBrace, tHashOpen, tLBracket:
			stack = append(stack, i)
		case tRParen, tRBrace, tRBracket:
			want := opensWith(toks[i].k)
			for s := len(stack) - 1; s >= 0; s-- {
				if want(toks[stack[s]].k) {
					toks[stack[s]].match, toks[i].match = i, stack[s]
					stack = stack[:s]
					break
				}
			}
		}
	}
}

func opensWith(k kind) func(kind) bool {
	switch k {
	case tRParen:
		return func(o kind) bool { return o == tLParen || o == tSubExpr || o == tArrayOpen }
	case tRBrace:
		return func(o kind) bool { return o == tLBrace || o == tHashOpen }
	}
	return func(o kind) bool { return o == tLBracket }
}

func isNameByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// quote returns the length of a single- (sq) or double-quote character at
// i, counting the typographic quotes PowerShell accepts (U+2018-U+201B,
// U+201C-U+201E), or 0.
func quote(text []byte, i int) (n int, dq bool) {
	if i >= len(text) {
		return 0, false
	}
	switch text[i] {
	case '\'':
		return 1, false
	case '"':
		return 1, true
	case 0xE2:
		if i+2 < len(text) && text[i+1] == 0x80 {
			switch c := text[i+2]; {
			case c >= 0x98 && c <= 0x9B:
				return 3, false
			case c >= 0x9C && c <= 0x9E:
				return 3, true
			}
		}
	}
	return 0, false
}

// lineEnd returns the length of a line end at i (\n, \r\n), or 0.
func lineEnd(text []byte, i int) int {
	if i < len(text) && text[i] == '\n' {
		return 1
	}
	if i+1 < len(text) && text[i] == '\r' && text[i+1] == '\n' {
		return 2
	}
	return 0
}

// next returns the next token; nest counts the subexpressions of strings
// being skipped.
func (l *lexer) next(nest int) (token, bool) {
	text := l.text
	for l.i < len(text) {
		i := l.i
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' && lineEnd(text, i) == 0:
			l.i++
			continue
		case c == 0xC2 && i+1 < len(text) && text[i+1] == 0xA0: // no-break space
			l.i += 2
			continue
		case c == '\n' || c == '\r':
			l.i += lineEnd(text, i)
			return token{k: tNewline, start: i, end: l.i}, true
		case c == '`' && lineEnd(text, i+1) > 0:
			l.i += 1 + lineEnd(text, i+1) // line continuation
			continue
		case c == '#':
			for l.i < len(text) && text[l.i] != '\n' && text[l.i] != '\r' {
				l.i++
			}
			continue
		case c == '<' && i+1 < len(text) && text[i+1] == '#':
			l.i = indexFrom(text, i+2, "#>")
			continue
		}
		return l.token(nest), true
	}
	return token{}, false
}

// indexFrom returns the offset just after the first s at or after i, or
// len(text).
func indexFrom(text []byte, i int, s string) int {
	for j := i; j+len(s) <= len(text); j++ {
		if string(text[j:j+len(s)]) == s {
			return j + len(s)
		}
	}
	return len(text)
}

func (l *lexer) token(nest int) token {
	text := l.text
	i := l.i
	c := text[i]
	one := func(k kind, n int) token {
		l.i = i + n
		return token{k: k, start: i, end: i + n}
	}
	at := func(j int) byte {
		if j < len(text) {
			return text[j]
		}
		return 0
	}
	switch c {
	case ';':
		return one(tSemi, 1)
	case ',':
		return one(tComma, 1)
	case '|':
		if at(i+1) == '|' {
			return one(tAmp, 2)
		}
		return one(tPipe, 1)
	case '&':
		if at(i+1) == '&' {
			return one(tAmp, 2)
		}
		return one(tAmp, 1)
	case '=':
		return one(tAssign, 1)
	case '(':
		return one(tLParen, 1)
	case ')':
		return one(tRParen, 1)
	case '{':
		return one(tLBrace, 1)
	case '}':
		return one(tRBrace, 1)
	case '[':
		return one(tLBracket, 1)
	case ']':
		return one(tRBracket, 1)
	case '$':
		switch n := at(i + 1); {
		case n == '(':
			return one(tSubExpr, 2)
		case n == '{':
			j := i + 2
			for j < len(text) && text[j] != '}' {
				if text[j] == '`' {
					j++
				}
				j++
			}
			l.i = min(j+1, len(text))
			return token{k: tVar, start: i, end: l.i}
		case isNameByte(n) || n == ':':
			l.i = varEnd(text, i+1)
			return token{k: tVar, start: i, end: l.i}
		case n == '?' || n == '^' || n == '$':
			return one(tVar, 2)
		}
	case '@':
		switch n := at(i + 1); {
		case n == '{':
			return one(tHashOpen, 2)
		case n == '(':
			return one(tArrayOpen, 2)
		case isNameByte(n):
			l.i = varEnd(text, i+1)
			return token{k: tSplat, start: i, end: l.i}
		default:
			if q, dq := quote(text, i+1); q > 0 {
				if t, ok := l.hereString(i, q, dq); ok {
					return t
				}
			}
		}
	}
	if q, dq := quote(text, i); q > 0 {
		return l.quoted(i, q, dq, nest)
	}
	return l.word(i)
}

// varEnd returns the end of a variable name starting at j: name bytes,
// with at most one scope or drive prefix ($script:x, $env:Path).
func varEnd(text []byte, j int) int {
	for j < len(text) && isNameByte(text[j]) {
		j++
	}
	if j+1 < len(text) && text[j] == ':' && isNameByte(text[j+1]) {
		j++
		for j < len(text) && isNameByte(text[j]) {
			j++
		}
	}
	return j
}

// word reads a bareword: everything up to white space or a character that
// ends a word in command mode. A backtick escapes the next character.
func (l *lexer) word(i int) token {
	text := l.text
	j := i
	for j < len(text) {
		c := text[j]
		if c == '`' {
			j += 2
			continue
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
			c == ';' || c == ',' || c == '|' || c == '&' || c == '=' || c == '(' || c == ')' ||
			c == '{' || c == '}' || c == '[' || c == ']' || c == '$' {
			break
		}
		if q, _ := quote(text, j); q > 0 && j > i {
			break
		}
		if c == 0xC2 && j+1 < len(text) && text[j+1] == 0xA0 {
			break
		}
		j++
	}
	if j == i {
		j = i + 1 // a lone `$` or `@`
	}
	l.i = min(j, len(text))
	return token{k: tWord, start: i, end: l.i}
}

// quoted reads a '...' or "..." string. In a double-quoted string a
// backtick escapes the next character and $( ... ) may hold any script,
// strings included, up to its matching parenthesis.
func (l *lexer) quoted(i, q int, dq bool, nest int) token {
	text := l.text
	t := token{k: tString, start: i, cStart: i + q, dq: dq}
	j := i + q
	for j < len(text) {
		if n, d := quote(text, j); n > 0 && d == dq {
			if m, d2 := quote(text, j+n); m > 0 && d2 == dq {
				j += n + m // a doubled quote stands for one
				continue
			}
			t.cEnd, t.end = j, j+n
			l.i = t.end
			return t
		}
		if dq {
			switch {
			case text[j] == '`':
				j += 2
				continue
			case text[j] == '$' && j+1 < len(text) && text[j+1] == '(':
				end, ok := skipSubExpr(text, j+2, nest+1)
				if !ok {
					j = len(text)
					continue
				}
				j = end
				continue
			}
		}
		j++
	}
	t.bad = true
	t.cEnd, t.end = len(text), len(text)
	l.i = len(text)
	return t
}

// skipSubExpr returns the offset just after the `)` that closes a $( whose
// content starts at i.
func skipSubExpr(text []byte, i, nest int) (int, bool) {
	if nest > maxNest {
		return len(text), false
	}
	sub := &lexer{text: text, i: i}
	depth := 1
	for {
		t, ok := sub.next(nest)
		if !ok {
			return len(text), false
		}
		switch t.k {
		case tLParen, tSubExpr, tArrayOpen:
			depth++
		case tRParen:
			depth--
			if depth == 0 {
				return t.end, true
			}
		case tString, tHere:
			if t.bad {
				return len(text), false
			}
		}
	}
}

// hereString reads @'...'@ or @"..."@: the opener ends its line, the
// closer starts a line. ok is false when the opener is not alone at the end
// of its line (then it is not a here-string).
func (l *lexer) hereString(i, q int, dq bool) (token, bool) {
	text := l.text
	j := i + 1 + q
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	nl := lineEnd(text, j)
	if nl == 0 {
		return token{}, false
	}
	t := token{k: tHere, start: i, cStart: j + nl, dq: dq}
	for k := j + nl - 1; k < len(text); k++ {
		if text[k] != '\n' {
			continue
		}
		if n, d := quote(text, k+1); n > 0 && d == dq && k+1+n < len(text) && text[k+1+n] == '@' {
			end := k // the line end before the closer belongs to neither
			if end > 0 && text[end-1] == '\r' {
				end--
			}
			t.cEnd = max(end, t.cStart)
			t.end = k + 1 + n + 1
			l.i = t.end
			return t, true
		}
	}
	t.bad = true
	t.cEnd, t.end = len(text), len(text)
	l.i = len(text)
	return t, true
}
