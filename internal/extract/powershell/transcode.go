package powershell

import (
	"strconv"

	"github.com/emlint/emlint/internal/payload"
)

// tx transcodes values to JSON. Variables that hold a hashtable or array
// literal (assigned before the call) are inlined: their tokens map to
// where that literal is written.
type tx struct {
	s    *script
	b    payload.Builder
	at   int           // variables resolve to their last assignment before this token
	seen map[*def]bool // variables being inlined (cycles)
	err  error
	// left is how many more values the body may have: inlining variables
	// that hold each other twice over ($b = @{x = $a; y = $a}, $c = ...)
	// doubles the body at each step, and a script must not make emlint
	// build a body of billions of values.
	left int
	// The deepest hashtable or array, for ConvertTo-Json -Depth: its depth
	// (root = 0) and where it is.
	deep int
	path string
}

func (t *tx) value(n *node, depth int, path string) {
	if t.err != nil {
		return
	}
	if depth > maxNest {
		t.err = &readError{msg: "the body nests too deep"}
		return
	}
	if t.left--; t.left < 0 {
		t.err = &readError{msg: "the body inlines its variables into more than " + strconv.Itoa(t.budget()) + " values"}
		return
	}
	if (n.k == nObject || n.k == nArray) && depth > t.deep {
		t.deep, t.path = depth, path
	}
	b := &t.b
	switch n.k {
	case nObject:
		t.s.used[n.open.Start] = true
		b.Token("{", n.open)
		for i, e := range n.entries {
			if i > 0 {
				b.Raw(",")
			}
			b.String(e.key, e.keySpan)
			b.Raw(":")
			p := e.key
			if path != "" {
				p = path + "." + e.key
			}
			t.value(e.val, depth+1, p)
		}
		b.Token("}", n.close)
	case nArray:
		b.Token("[", n.open)
		for i, e := range n.elems {
			if i > 0 {
				b.Raw(",")
			}
			t.value(e, depth+1, path+"["+strconv.Itoa(i)+"]")
		}
		b.Token("]", n.close)
	case nString:
		b.String(n.str, n.span)
	case nNumber:
		b.Token(n.str, n.span)
	case nBool:
		if n.b {
			b.Token("true", n.span)
		} else {
			b.Token("false", n.span)
		}
	case nNull:
		b.Token("null", n.span)
	case nVar:
		// PowerShell reads the variable where it is written (a hashtable
		// literal is evaluated when assigned), but a hashtable is a
		// reference: edits made later, up to the call, show through it.
		at := t.at
		if n.tok >= 0 {
			at = n.tok
		}
		d := t.s.lookup(n.str, at)
		if d == nil || (d.k != dHash && d.k != dArray) || t.seen[d] {
			b.Placeholder(n.span)
			return
		}
		if d.err != nil {
			t.err = d.err
			return
		}
		t.seen[d] = true
		t.s.markDef(d)
		t.value(t.s.withEdits(d, t.at), depth, path)
		delete(t.seen, d)
	default:
		b.Placeholder(n.span)
	}
}

// newTx starts transcoding a body for the call at token at.
func (s *script) newTx(at int) *tx {
	t := &tx{s: s, at: at, seen: map[*def]bool{}}
	t.left = t.budget()
	return t
}

// budget is the most values one body may have: far more than any script
// writes out (every token a value, sixteen times over), far less than a
// variable bomb makes.
func (t *tx) budget() int { return max(1<<16, 16*len(t.s.toks)) }

// emitObject transcodes a hashtable body and adds it; pipe is the
// ConvertTo-Json call it goes through, if any.
func (s *script) emitObject(base payload.Body, obj *node, at int, pipe *jsonPipe) {
	t := s.newTx(at)
	t.value(obj, 0, "")
	if t.err != nil {
		s.unreadable(base, t.err, obj.span)
		return
	}
	b := base
	b.JSON, b.Map, b.Placeholders = t.b.Body()
	b.Range = obj.span
	if pipe != nil {
		if p, ok := depthProblem(pipe, t.deep, t.path, s.span(pipe.cmd)); ok {
			b.Problems = append(append([]payload.Problem(nil), b.Problems...), p)
		}
	}
	s.out = append(s.out, b)
}

// emitSource adds a body that is a JSON string or a ConvertTo-Json
// pipeline.
func (s *script) emitSource(base payload.Body, src source, at int) {
	switch {
	case src.str >= 0:
		t := s.toks[src.str]
		if t.bad {
			s.unreadable(base, s.fail(src.str, "the string is not closed"), s.span(src.str))
			return
		}
		b := base
		b.JSON, b.Map, b.Placeholders = stringBody(s.text, t)
		b.Range = s.span(src.str)
		s.out = append(s.out, b)
	case src.pipe != nil:
		in, ok := s.resolve(src.pipe.input, at)
		switch {
		case !ok || in.obj == nil && in.objErr == nil:
			return
		case in.objErr != nil:
			s.unreadable(base, in.objErr, in.span)
		default:
			s.emitObject(base, in.obj, at, src.pipe)
		}
	case src.obj != nil:
		s.emitObject(base, src.obj, at, nil)
	case src.objErr != nil:
		s.unreadable(base, src.objErr, src.span)
	}
}
