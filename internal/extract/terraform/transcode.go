package terraform

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/emlint/emlint/internal/payload"
)

// transcode returns the body written as e (and its variants), completing
// base with its JSON, map and placeholders, or saying why it cannot.
func transcode(text []byte, e hclsyntax.Expression, base payload.Body) []payload.Body {
	e = unwrap(e)
	switch x := e.(type) {
	case *hclsyntax.TemplateExpr:
		return []payload.Body{jsonText(text, x, base)}
	case *hclsyntax.FunctionCallExpr:
		switch fn := funcName(x.Name); {
		case fn == "jsonencode" && len(x.Args) == 1:
			if _, str := unwrap(x.Args[0]).(*hclsyntax.TemplateExpr); str {
				return values(x.Args[0], base, text) // a JSON string, oddly
			}
			return transcode(text, x.Args[0], base)
		case fn == "jsondecode" && len(x.Args) == 1:
			if t, ok := unwrap(x.Args[0]).(*hclsyntax.TemplateExpr); ok {
				return []payload.Body{jsonText(text, t, base)}
			}
		case fn == "try" && len(x.Args) > 0 && composite(x.Args[0]):
			return values(e, base, text)
		}
	case *hclsyntax.ObjectConsExpr, *hclsyntax.TupleConsExpr, *hclsyntax.ForExpr, *hclsyntax.ConditionalExpr:
		return values(e, base, text)
	}
	base.Unreadable = computed(text, e)
	return []payload.Body{base}
}

// computed says why a body cannot be read statically.
func computed(text []byte, e hclsyntax.Expression) string {
	switch x := e.(type) {
	case *hclsyntax.FunctionCallExpr:
		return "the body is computed by " + x.Name + "(...): emlint cannot read it statically"
	case *hclsyntax.ScopeTraversalExpr, *hclsyntax.RelativeTraversalExpr, *hclsyntax.IndexExpr:
		r := span(text, e.Range())
		src := string(text[r.Start:r.End])
		if len(src) > 60 {
			src = src[:57] + "..."
		}
		return "the body is `" + src + "`, computed elsewhere: emlint cannot read it statically"
	}
	return "the body is computed by an expression: emlint cannot read it statically"
}

// values transcodes an HCL value, once per variant (see the package doc).
func values(e hclsyntax.Expression, base payload.Body, text []byte) []payload.Body {
	first := &transcoder{text: text}
	first.value(e)
	out := []payload.Body{first.body(base)}
	for i, cond := range first.conds {
		if i == maxVariants {
			break
		}
		t := &transcoder{text: text, falseIf: cond}
		t.value(e)
		out = append(out, t.body(base))
	}
	return out
}

// transcoder writes one variant of an HCL value as JSON.
type transcoder struct {
	text []byte
	b    payload.Builder
	// falseIf is the condition (its source text) whose conditionals take
	// their false branch: conditionals that test the same condition go
	// together (approvalMode and approvalStages both on var.approval).
	falseIf string
	conds   []string // the distinct conditions met, in source order
}

func (t *transcoder) body(base payload.Body) payload.Body {
	base.JSON, base.Map, base.Placeholders = t.b.Body()
	base.Problems = slices.Clone(base.Problems)
	return base
}

func (t *transcoder) value(e hclsyntax.Expression) {
	switch x := e.(type) {
	case *hclsyntax.ParenthesesExpr:
		t.value(x.Expression)
	case *hclsyntax.ObjectConsExpr:
		t.object(x)
	case *hclsyntax.TupleConsExpr:
		t.b.Token("[", span(t.text, x.OpenRange))
		for i, el := range x.Exprs {
			if i > 0 {
				t.b.Raw(",")
			}
			t.value(el)
		}
		t.b.Token("]", closing(t.text, x.SrcRange))
	case *hclsyntax.ForExpr:
		if x.KeyExpr != nil {
			t.b.Placeholder(span(t.text, x.SrcRange)) // an object built by iteration: its keys are not known
			return
		}
		// One element stands for them all: what varies per iteration is a
		// reference to the iterator, a placeholder anyway.
		t.b.Token("[", span(t.text, x.OpenRange))
		t.value(x.ValExpr)
		t.b.Token("]", span(t.text, x.CloseRange))
	case *hclsyntax.ConditionalExpr:
		r := span(t.text, x.Condition.Range())
		cond := strings.Join(strings.Fields(string(t.text[r.Start:r.End])), " ")
		if !slices.Contains(t.conds, cond) {
			t.conds = append(t.conds, cond)
		}
		if cond == t.falseIf {
			t.value(x.FalseResult)
		} else {
			t.value(x.TrueResult)
		}
	case *hclsyntax.LiteralValueExpr:
		t.literal(x.Val, span(t.text, x.SrcRange), "")
	case *hclsyntax.UnaryOpExpr:
		if l, ok := x.Val.(*hclsyntax.LiteralValueExpr); ok && x.Op == hclsyntax.OpNegate && l.Val.Type() == cty.Number {
			t.literal(l.Val.Negate(), span(t.text, x.SrcRange), "-")
			return
		}
		t.b.Placeholder(span(t.text, x.SrcRange))
	case *hclsyntax.TemplateExpr:
		if v, ok := stringLit(x); ok {
			t.b.String(v, span(t.text, x.SrcRange))
			return
		}
		t.b.Placeholder(span(t.text, x.SrcRange))
	case *hclsyntax.FunctionCallExpr:
		if funcName(x.Name) == "try" && len(x.Args) > 0 && composite(x.Args[0]) {
			t.value(x.Args[0]) // the value the author means; the rest are fallbacks
			return
		}
		t.b.Placeholder(span(t.text, x.Range()))
	default:
		t.b.Placeholder(span(t.text, e.Range()))
	}
}

func (t *transcoder) object(x *hclsyntax.ObjectConsExpr) {
	keys := make([]string, len(x.Items))
	for i, it := range x.Items {
		k, ok := key(it.KeyExpr)
		if !ok {
			t.b.Placeholder(span(t.text, x.SrcRange)) // a computed key: the object's shape is not known
			return
		}
		keys[i] = k
	}
	t.b.Token("{", span(t.text, x.OpenRange))
	for i, it := range x.Items {
		if i > 0 {
			t.b.Raw(",")
		}
		t.b.String(keys[i], span(t.text, it.KeyExpr.Range()))
		t.b.Raw(":")
		t.value(it.ValueExpr)
	}
	t.b.Token("}", closing(t.text, x.SrcRange))
}

// literal writes a cty scalar; neg is the sign written before a number.
func (t *transcoder) literal(v cty.Value, at payload.Span, neg string) {
	switch {
	case !v.IsKnown():
		t.b.Placeholder(at)
	case v.IsNull():
		t.b.Token("null", at)
	case v.Type() == cty.String:
		t.b.String(v.AsString(), at)
	case v.Type() == cty.Bool:
		t.b.Token(strconv.FormatBool(v.True()), at)
	case v.Type() == cty.Number:
		// Keep the number as written when JSON reads it the same way, so
		// that the map is byte for byte.
		src := t.text[at.Start:at.End]
		if neg != "" {
			src = bytes.TrimLeft(src[1:], " \t")
			src = append([]byte(neg), src...)
		}
		if len(src) == 0 || src[0] != '-' && (src[0] < '0' || src[0] > '9') || !json.Valid(src) {
			src = []byte(v.AsBigFloat().Text('g', -1))
		}
		t.b.Token(string(src), at)
	default:
		t.b.Placeholder(at)
	}
}

// key returns an object key written as a name or a quoted string; ok is
// false for a computed key.
func key(e hclsyntax.Expression) (string, bool) {
	if k, ok := e.(*hclsyntax.ObjectConsKeyExpr); ok {
		if k.ForceNonLiteral {
			return "", false
		}
		if name := hcl.ExprAsKeyword(k); name != "" {
			return name, true
		}
		e = k.Wrapped
	}
	return stringLit(e)
}

// jsonText reads a body written as a string or heredoc of JSON: the JSON is
// the text as written, mapped byte for byte. An interpolation where a value
// goes becomes null padded to its length (a placeholder); one inside a JSON
// string stays (its quotes and backslashes blanked, so the string still
// ends where the author meant). The indentation a <<- heredoc strips is
// left in: it is whitespace between JSON tokens, so the JSON means the same
// and every byte still maps to its own place in the file.
func jsonText(text []byte, x *hclsyntax.TemplateExpr, base payload.Body) payload.Body {
	r := span(text, x.SrcRange)
	cs, ce := r.Start+1, r.End-1
	quoted := isQuoted(text, x)
	if !quoted {
		nl := bytes.IndexByte(text[r.Start:r.End], '\n')
		if nl < 0 {
			base.Unreadable = "the heredoc has no content line"
			return base
		}
		cs = r.Start + nl + 1
		ce = cs + bytes.LastIndexByte(text[cs:r.End], '\n') + 1
	}
	if quoted && bytes.IndexByte(text[cs:ce], '\\') >= 0 {
		// Escapes make the value differ from the text: map it as one token.
		v, ok := stringLit(x)
		if !ok {
			base.Unreadable = "the body is a quoted JSON string with escapes and interpolations: emlint cannot read it statically"
			return base
		}
		var b payload.Builder
		b.Token(v, payload.Span{Start: cs, End: ce})
		base.JSON, base.Map, _ = b.Body()
		return base
	}
	gaps, ok := templateGaps(text, x.Parts, cs, ce)
	if !ok {
		base.Unreadable = "the JSON is written with template directives (%{...}): emlint cannot read it statically"
		return base
	}
	js := bytes.Clone(text[cs:ce])
	var ph []payload.Span
	inString := false
	for i, g := 0, 0; i < len(js); i++ {
		if g < len(gaps) && cs+i == gaps[g].Start {
			n := gaps[g].End - gaps[g].Start
			if inString {
				for k := i; k < i+n; k++ {
					if js[k] == '"' || js[k] == '\\' || js[k] < 0x20 {
						js[k] = '_'
					}
				}
				ph = append(ph, payload.Span{Start: i, End: i + n})
			} else {
				copy(js[i:i+n], "null"+strings.Repeat(" ", n-4))
				ph = append(ph, payload.Span{Start: i, End: i + 4})
			}
			i += n - 1
			g++
			continue
		}
		switch c := js[i]; {
		case inString && c == '\\' && !(g < len(gaps) && cs+i+1 == gaps[g].Start):
			i++
		case c == '"':
			inString = !inString
		}
	}
	base.JSON, base.Map, base.Placeholders = js, payload.Identity(cs, len(js)), ph
	return base
}

// templateGaps returns the file spans of a template's interpolations
// (${...}, runs of them merged), between its literal parts. ok is false for
// directives (%{...}), whose output is not a value.
func templateGaps(text []byte, parts []hclsyntax.Expression, cs, ce int) ([]payload.Span, bool) {
	var gaps []payload.Span
	last := cs
	for i := 0; i < len(parts); {
		if _, lit := parts[i].(*hclsyntax.LiteralValueExpr); lit {
			i++
			continue
		}
		start := cs
		if i > 0 {
			start = parts[i-1].Range().End.Byte
		}
		j := i
		for j < len(parts) {
			if _, lit := parts[j].(*hclsyntax.LiteralValueExpr); lit {
				break
			}
			j++
		}
		end := ce
		if j < len(parts) {
			end = parts[j].Range().Start.Byte
		}
		if start < last || end > ce || end-start < 4 || !bytes.HasPrefix(text[start:end], []byte("${")) {
			return nil, false
		}
		gaps = append(gaps, payload.Span{Start: start, End: end})
		last, i = end, j
	}
	return gaps, true
}

// funcName is a function's name without its provider namespace
// (provider::ns::jsonencode).
func funcName(name string) string {
	if i := strings.LastIndex(name, "::"); i >= 0 {
		return name[i+2:]
	}
	return name
}

// composite says e is written as an object or a list (which try() is
// given first when it guards a literal).
func composite(e hclsyntax.Expression) bool {
	switch unwrap(e).(type) {
	case *hclsyntax.ObjectConsExpr, *hclsyntax.TupleConsExpr, *hclsyntax.ForExpr:
		return true
	}
	return false
}

func unwrap(e hclsyntax.Expression) hclsyntax.Expression {
	for {
		p, ok := e.(*hclsyntax.ParenthesesExpr)
		if !ok {
			return e
		}
		e = p.Expression
	}
}

// closing is the last byte of r: a closing bracket.
func closing(text []byte, r hcl.Range) payload.Span {
	s := span(text, r)
	return payload.Span{Start: max(s.End-1, s.Start), End: s.End}
}
