package powershell

import (
	"strconv"
	"unicode/utf8"

	"github.com/emlint/emlint/internal/payload"
)

// expansion returns the end of a variable or subexpression that a
// double-quoted string expands at text[j] == '$' ($name, $scope:name,
// ${name}, $(...)), and false when the `$` is literal.
func expansion(text []byte, j, end int) (int, bool) {
	if j+1 >= end {
		return 0, false
	}
	switch c := text[j+1]; {
	case c == '(':
		e, ok := skipSubExpr(text, j+2, 1)
		if !ok || e > end {
			return end, true
		}
		return e, true
	case c == '{':
		for k := j + 2; k < end; k++ {
			if text[k] == '}' {
				return k + 1, true
			}
		}
		return end, true
	case isNameByte(c):
		return min(varEnd(text, j+1), end), true
	case c == '?' || c == '^' || c == '$':
		return j + 2, true
	}
	return 0, false
}

// escape decodes the backtick escape at text[j] == '`' of a double-quoted
// string: the bytes it stands for and the end of the escape.
func escape(text []byte, j, end int) ([]byte, int) {
	if j+1 >= end {
		return []byte{'`'}, j + 1
	}
	switch text[j+1] {
	case '0':
		return []byte{0}, j + 2
	case 'a':
		return []byte{7}, j + 2
	case 'b':
		return []byte{8}, j + 2
	case 'e':
		return []byte{0x1b}, j + 2
	case 'f':
		return []byte{0x0c}, j + 2
	case 'n':
		return []byte{'\n'}, j + 2
	case 'r':
		return []byte{'\r'}, j + 2
	case 't':
		return []byte{'\t'}, j + 2
	case 'v':
		return []byte{0x0b}, j + 2
	case 'u':
		if j+2 < end && text[j+2] == '{' {
			for k := j + 3; k < end && k < j+10; k++ {
				if text[k] == '}' {
					if v, err := strconv.ParseUint(string(text[j+3:k]), 16, 32); err == nil && utf8.ValidRune(rune(v)) {
						return utf8.AppendRune(nil, rune(v)), k + 1
					}
					break
				}
			}
		}
	}
	_, n := utf8.DecodeRune(text[j+1 : end])
	return text[j+1 : j+1+n], j + 1 + n
}

// decode returns the value of a string token and whether it expands
// variables (then the value is not literal).
func decode(text []byte, t token) (string, bool) {
	expands := false
	v := unquote(text, t, func(out, raw []byte) []byte {
		expands = true
		return append(out, raw...)
	})
	return string(v), expands
}

// unquote returns the value of a string token: a doubled quote stands for
// one, backtick escapes are decoded, and in an expandable string each
// $variable or $(...) is written by expand, given the value so far and the
// expansion's text.
func unquote(text []byte, t token, expand func(out, raw []byte) []byte) []byte {
	if t.k == tHere && !t.dq {
		return append([]byte(nil), text[t.cStart:t.cEnd]...)
	}
	var out []byte
	for j := t.cStart; j < t.cEnd; {
		if n, dq := quote(text, j); n > 0 && dq == t.dq && t.k == tString {
			out = append(out, text[j:j+n]...) // a doubled quote stands for one
			m, _ := quote(text, j+n)
			j += n + m
			continue
		}
		if t.dq {
			switch text[j] {
			case '`':
				b, e := escape(text, j, t.cEnd)
				out = append(out, b...)
				j = e
				continue
			case '$':
				if e, ok := expansion(text, j, t.cEnd); ok {
					out = expand(out, text[j:e])
					j = e
					continue
				}
			}
		}
		out = append(out, text[j])
		j++
	}
	return out
}

// mapper writes JSON text copied from the file and maps it back, joining
// runs copied byte for byte into one segment (so a string copied verbatim
// keeps an identity map).
type mapper struct {
	out  []byte
	segs []payload.Seg
	ph   []payload.Span
	// JSON string state of the output so far.
	inStr, esc bool
}

func (m *mapper) emit(s []byte, f, fend int) {
	j := len(m.out)
	m.out = append(m.out, s...)
	for _, c := range s {
		switch {
		case m.esc:
			m.esc = false
		case m.inStr && c == '\\':
			m.esc = true
		case c == '"':
			m.inStr = !m.inStr
		}
	}
	if len(s) == 0 {
		return
	}
	if n := len(m.segs); n > 0 {
		last := &m.segs[n-1]
		if last.JEnd == j && last.FEnd == f && last.JEnd-last.J == last.FEnd-last.F && len(s) == fend-f {
			last.JEnd, last.FEnd = len(m.out), fend
			return
		}
	}
	m.segs = append(m.segs, payload.Seg{J: j, JEnd: len(m.out), F: f, FEnd: fend})
}

// stringBody transcodes a string that holds a JSON body: '...' and @'...'@
// are the JSON text (a doubled quote is one), "..." decodes backtick
// escapes; in "..." and @"..."@ a variable or $(...) standing where a JSON
// value goes is a placeholder, written null (padded with spaces to its
// length when it is long enough, so that the map stays byte for byte); one
// inside a JSON string stays as written, and is a placeholder too. Backtick escapes of @"..."@ are
// left as written.
func stringBody(text []byte, t token) ([]byte, payload.Map, []payload.Span) {
	if t.k == tHere && !t.dq {
		return append([]byte(nil), text[t.cStart:t.cEnd]...), payload.Identity(t.cStart, t.cEnd-t.cStart), nil
	}
	m := &mapper{}
	for j := t.cStart; j < t.cEnd; {
		if n, dq := quote(text, j); n > 0 && dq == t.dq && t.k == tString {
			k, _ := quote(text, j+n)
			m.emit(text[j:j+n], j, j+n+k)
			j += n + k
			continue
		}
		if t.dq {
			switch text[j] {
			case '`':
				if t.k == tHere {
					e := min(j+2, t.cEnd)
					m.emit(text[j:e], j, e)
					j = e
					continue
				}
				b, e := escape(text, j, t.cEnd)
				m.emit(b, j, e)
				j = e
				continue
			case '$':
				if e, ok := expansion(text, j, t.cEnd); ok {
					switch {
					case m.inStr:
						// Expanded by PowerShell: the string's value is not
						// known here, so findings about it are dropped.
						m.ph = append(m.ph, payload.Span{Start: len(m.out), End: len(m.out) + e - j})
						m.emit(text[j:e], j, e)
					case e-j >= 4:
						m.ph = append(m.ph, payload.Span{Start: len(m.out), End: len(m.out) + e - j})
						pad := make([]byte, e-j)
						copy(pad, "null")
						for k := 4; k < len(pad); k++ {
							pad[k] = ' '
						}
						m.emit(pad, j, e)
					default:
						m.ph = append(m.ph, payload.Span{Start: len(m.out), End: len(m.out) + 4})
						m.emit([]byte("null"), j, e)
					}
					j = e
					continue
				}
			}
		}
		m.emit(text[j:j+1], j, j+1)
		j++
	}
	if m.out == nil {
		m.out = []byte{}
	}
	return m.out, payload.Map{Segs: m.segs}, m.ph
}
