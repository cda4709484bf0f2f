package payload

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
)

// Builder writes a transcoded body as JSON text and records, token by
// token, where in the file each one is written. Transcoders (PowerShell,
// HCL) call it in document order.
type Builder struct {
	buf  []byte
	segs []Seg
	ph   []Span
}

// Len is the length of the JSON written so far.
func (b *Builder) Len() int { return len(b.buf) }

// Raw writes JSON that stands for nothing in the file: the commas and
// colons a transcoder adds.
func (b *Builder) Raw(s string) { b.buf = append(b.buf, s...) }

// Token writes JSON text that stands for the file bytes f: a bracket, a
// key, a literal.
func (b *Builder) Token(s string, f Span) {
	j := len(b.buf)
	b.buf = append(b.buf, s...)
	if n := len(b.segs); n > 0 && b.segs[n-1].JEnd > j {
		return // never overlap: a token inside the previous one keeps its map
	}
	b.segs = append(b.segs, Seg{J: j, JEnd: len(b.buf), F: f.Start, FEnd: f.End})
}

// String writes the JSON string for v, from the file bytes f.
func (b *Builder) String(v string, f Span) { b.Token(Quote(v), f) }

// Placeholder writes null for a value that is not literal at f (a
// variable, an expression, a reference) and marks it.
func (b *Builder) Placeholder(f Span) {
	j := len(b.buf)
	b.Token("null", f)
	b.ph = append(b.ph, Span{j, len(b.buf)})
}

// Body returns the JSON text, its map and its placeholders.
func (b *Builder) Body() (text []byte, m Map, placeholders []Span) {
	return b.buf, Map{Segs: b.segs}, b.ph
}

// Quote returns s as a JSON string, without escaping <, > and & (which
// encoding/json does, and which would move offsets in nobody's favour).
func Quote(s string) string {
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(sb.String(), "\n")
}

var bareKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// Literal renders a JSON scalar (the value of a fix) in a body's syntax;
// ok is false for values that have no literal spelling there (objects,
// arrays), whose fixes stay suggestions.
func Literal(syn Syntax, jsonValue string) (string, bool) {
	if syn == JSON || syn == "" {
		return jsonValue, true
	}
	var v any
	if err := json.Unmarshal([]byte(jsonValue), &v); err != nil {
		return "", false
	}
	switch x := v.(type) {
	case string:
		if syn == PowerShell {
			return "'" + strings.ReplaceAll(x, "'", "''") + "'", true
		}
		return hclString(x), true
	case bool:
		if syn == PowerShell {
			return "$" + strconv.FormatBool(x), true
		}
		return strconv.FormatBool(x), true
	case nil:
		if syn == PowerShell {
			return "$null", true
		}
		return "null", true
	case float64:
		return strings.TrimSpace(jsonValue), true
	}
	return "", false
}

// Key renders a property name in a body's syntax, keeping the quoting of
// the key it replaces (original, as written in the file).
func Key(syn Syntax, name string, original []byte) string {
	switch syn {
	case PowerShell:
		if len(original) > 0 && (original[0] == '"' || original[0] == '\'') || !bareKey.MatchString(name) {
			return "'" + strings.ReplaceAll(name, "'", "''") + "'"
		}
		return name
	case HCL:
		if len(original) > 0 && original[0] == '"' || !bareKey.MatchString(name) {
			return hclString(name)
		}
		return name
	}
	return strconv.Quote(name)
}

// hclString quotes s for HCL, where "${" and "%{" start templates.
func hclString(s string) string {
	q := Quote(s)
	q = strings.ReplaceAll(q, "${", "$${")
	return strings.ReplaceAll(q, "%{", "%%{")
}
