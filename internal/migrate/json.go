package migrate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/internal/position"
)

// The migration works on an ordered tree, so that output is stable and
// follows Graph's documented key order, and notes come in input order:
// *object, []any, string, json.Number, bool and nil.

type member struct {
	key string
	val any
}

// object is a JSON object that keeps its members in order.
type object struct {
	members []member
	index   map[string]int // key -> position in members
}

func newObject() *object { return &object{index: map[string]int{}} }

// get returns the value of key and whether the object has it (null included).
func (o *object) get(key string) (any, bool) {
	if i, ok := o.index[key]; ok {
		return o.members[i].val, true
	}
	return nil, false
}

func (o *object) has(key string) bool {
	_, ok := o.index[key]
	return ok
}

// set replaces the value of key, or appends it.
func (o *object) set(key string, val any) {
	if i, ok := o.index[key]; ok {
		o.members[i].val = val
		return
	}
	o.index[key] = len(o.members)
	o.members = append(o.members, member{key, val})
}

func (o *object) del(key string) {
	if _, ok := o.index[key]; !ok {
		return
	}
	o.members = slices.DeleteFunc(o.members, func(m member) bool { return m.key == key })
	o.reindex()
}

func (o *object) reindex() {
	clear(o.index)
	for i, m := range o.members {
		o.index[m.key] = i
	}
}

func (o *object) len() int { return len(o.members) }

// sortBy orders the members by their place in order; keys not in it keep
// their relative order after the known ones.
func (o *object) sortBy(order []string) {
	rank := func(k string) int {
		if i := slices.Index(order, k); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(o.members, func(a, b member) int { return rank(a.key) - rank(b.key) })
	o.reindex()
}

// decoded is an input body, parsed.
type decoded struct {
	root *object
	dups []jsonparse.Duplicate
	bom  bool
}

// decode parses body, which must be one JSON object. Syntax errors name the
// line and column.
func decode(body []byte) (*decoded, error) {
	parsed, err := jsonparse.Parse(body)
	if err != nil {
		var se *jsonparse.SyntaxError
		if errors.As(err, &se) {
			p := position.NewLines(body).Pos(se.Offset)
			return nil, fmt.Errorf("not valid JSON: line %d, column %d: %s", p.Line, p.Col, se.Msg)
		}
		return nil, fmt.Errorf("not valid JSON: %w", err)
	}
	if root := jsonparse.Decode(parsed.Src, parsed.Nodes, 0, 0); !isMap(root) {
		return nil, fmt.Errorf("the body is %s, not a JSON object: a Graph request body is an object", kindOf(root))
	}
	data := body
	if parsed.BOM {
		data = body[3:]
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := readValue(dec)
	if err != nil {
		// jsonparse accepted it, so this would be a disagreement between the
		// two decoders: report it rather than guess.
		return nil, fmt.Errorf("not valid JSON: %w", err)
	}
	return &decoded{root: v.(*object), dups: parsed.Duplicates, bom: parsed.BOM}, nil
}

func kindOf(v any) string {
	switch v.(type) {
	case []any:
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "an object"
}

// readValue reads one value from the token stream. A key named twice keeps
// its last value, as Graph's decoder and emlint's parser do.
func readValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			o := newObject()
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := kt.(string)
				if !ok {
					return nil, fmt.Errorf("object key is not a string")
				}
				v, err := readValue(dec)
				if err != nil {
					return nil, err
				}
				o.del(key) // a repeated key: the last one wins, in its place
				o.set(key, v)
			}
			_, err := dec.Token() // '}'
			return o, err
		case '[':
			a := []any{}
			for dec.More() {
				v, err := readValue(dec)
				if err != nil {
					return nil, err
				}
				a = append(a, v)
			}
			_, err := dec.Token() // ']'
			return a, err
		}
		return nil, fmt.Errorf("unexpected %v", t)
	default:
		return tok, nil // string, json.Number, bool, nil
	}
}

// encode writes v as JSON indented by two spaces, with a final newline.
// Strings are not HTML-escaped: "<", ">" and "&" stay as they are, as do
// non-ASCII characters.
func encode(v any) []byte {
	var b bytes.Buffer
	writeValue(&b, v, 0)
	b.WriteByte('\n')
	return b.Bytes()
}

func writeValue(b *bytes.Buffer, v any, depth int) {
	switch t := v.(type) {
	case *object:
		if t.len() == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, m := range t.members {
			indent(b, depth+1)
			writeString(b, m.key)
			b.WriteString(": ")
			writeValue(b, m.val, depth+1)
			if i < len(t.members)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		indent(b, depth)
		b.WriteByte('}')
	case []any:
		if len(t) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, e := range t {
			indent(b, depth+1)
			writeValue(b, e, depth+1)
			if i < len(t)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		indent(b, depth)
		b.WriteByte(']')
	case string:
		writeString(b, t)
	case json.Number:
		b.WriteString(string(t))
	case int:
		b.WriteString(strconv.Itoa(t))
	case bool:
		b.WriteString(strconv.FormatBool(t))
	case nil:
		b.WriteString("null")
	default:
		panic(fmt.Sprintf("migrate: cannot encode %T", v))
	}
}

func indent(b *bytes.Buffer, depth int) {
	for range depth {
		b.WriteString("  ")
	}
}

func writeString(b *bytes.Buffer, s string) {
	var tmp bytes.Buffer
	enc := json.NewEncoder(&tmp)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		panic(err) // a Go string always encodes
	}
	b.Write(bytes.TrimSuffix(tmp.Bytes(), []byte("\n")))
}

// clone deep-copies a value of the tree.
func clone(v any) any {
	switch t := v.(type) {
	case *object:
		o := newObject()
		for _, m := range t.members {
			o.set(m.key, clone(m.val))
		}
		return o
	case []any:
		a := make([]any, len(t))
		for i, e := range t {
			a[i] = clone(e)
		}
		return a
	}
	return v
}

func isMap(v any) bool {
	_, ok := v.(map[string]any)
	return ok
}
