package jsonparse

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are the bodies under testdata/examples plus inputs that reach
// the parser's corners: every kind of value, escapes, surrogates, a byte
// order mark, UTF-16, trailing data, deep nesting and broken input.
func fuzzSeeds(f *testing.F) {
	f.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "examples", "*", "*", "*", "*.json"))
	if len(paths) == 0 {
		f.Fatal("no seed bodies under testdata/examples")
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		``, ` `, `{}`, `[]`, `"x"`, `0`, `-0`, `1e400`, `-12.5E+3`, `true`, `false`, `null`,
		`{"a": [1, {"b": null}], "c": "d\u00e9\n\"\\\/", "e": "\ud83d\ude00"}`,
		`{"k": "\ud800"}`, `{"k": "\ud800\u0041"}`, `{"k": "\udc00\ud800"}`,
		`{"a": 1, "a": 2}`, `{"a": {"b": 1, "b": {"c": 2}}, "a": 3}`,
		"\xEF\xBB\xBF{\"a\": 1}", "\xFF\xFE{\x00}\x00", "\xFE\xFF\x00{\x00}",
		`{"a": 1} {"b": 2}`, `{"a": 1,}`, `[1,]`, `{"a" 1}`, `{"a": 01}`, `{"a": -}`, `{"a": 1.}`, `{"a": 1e}`,
		"{\"a\": \"\x00\"}", "{\"a\": \"\xff\"}", "\x00", `{"a/b~c": {"": [0]}}`,
		`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`,
		`{"accessPackage": {"id": "e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11"}, "allowedTargetScope": "allMemberUsers"}`,
	} {
		f.Add([]byte(s))
	}
}

// depth is the deepest nesting of objects and arrays in data, counting
// brackets outside strings. It is only a bound for inputs that are valid
// UTF-8 and balanced, which is all it is used for.
func depth(data []byte) int {
	d, deepest, inString := 0, 0, false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			d++
			deepest = max(deepest, d)
		case c == '}' || c == ']':
			d--
		}
	}
	return deepest
}

// FuzzParse checks that Parse and BuildIndex never panic, that they agree
// with each other, that Parse accepts exactly what encoding/json accepts
// (within the documented differences: a UTF-8 byte order mark is skipped,
// invalid UTF-8 is an error, nesting is bounded by MaxDepth), that the tree
// equals encoding/json's, and that every span of the index lies within the
// input and holds the value at its pointer.
func FuzzParse(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Parse(data)
		index, ierr := BuildIndex(data)

		if (err == nil) != (ierr == nil) {
			t.Fatalf("Parse error %v, BuildIndex error %v: they must agree", err, ierr)
		}
		if err != nil {
			se, ok := err.(*SyntaxError)
			if !ok {
				t.Fatalf("Parse returned %T, want *SyntaxError", err)
			}
			if se.Offset < 0 || se.Offset > len(data) {
				t.Fatalf("syntax error offset %d outside [0, %d]", se.Offset, len(data))
			}
			if ise := ierr.(*SyntaxError); ise.Offset != se.Offset {
				t.Fatalf("Parse fails at %d, BuildIndex at %d", se.Offset, ise.Offset)
			}
		}

		for ptr, s := range index {
			if s.Start < 0 || s.Start > s.End || s.End > len(data) {
				t.Fatalf("%q: value span [%d, %d) outside [0, %d]", ptr, s.Start, s.End, len(data))
			}
			if (s.KeyStart < 0) != (s.KeyEnd < 0) {
				t.Fatalf("%q: key span [%d, %d) half set", ptr, s.KeyStart, s.KeyEnd)
			}
			if s.KeyStart >= 0 {
				if s.KeyStart >= s.KeyEnd || s.KeyEnd > s.Start {
					t.Fatalf("%q: key span [%d, %d) not before value span [%d, %d)", ptr, s.KeyStart, s.KeyEnd, s.Start, s.End)
				}
				if data[s.KeyStart] != '"' || data[s.KeyEnd-1] != '"' {
					t.Fatalf("%q: key span %q is not a quoted string", ptr, data[s.KeyStart:s.KeyEnd])
				}
			}
			if err == nil && !json.Valid(data[s.Start:s.End]) {
				t.Fatalf("%q: span %q is not a JSON value", ptr, data[s.Start:s.End])
			}
		}

		bom := bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF})
		body := data
		if bom {
			body = data[3:]
		}
		if err == nil {
			if res.BOM != bom {
				t.Fatalf("BOM = %v, want %v", res.BOM, bom)
			}
			if _, ok := index[""]; !ok {
				t.Fatalf("the index has no root span")
			}
			checkNodes(t, data, res.Nodes, index)
			if got := IndexOf(res.Src, res.Nodes); !reflect.DeepEqual(got, index) {
				t.Fatalf("IndexOf differs from BuildIndex:\n%v\n%v", got, index)
			}
			for ptr, want := range index {
				if got, ok := res.Find(ptr); !ok || got != want {
					t.Fatalf("Find(%q) = %+v, %v; the index has %+v", ptr, got, ok, want)
				}
				for _, missing := range []string{ptr + "/zz~1none", ptr + "/01", ptr + "/-1"} {
					if _, ok := index[missing]; !ok {
						if got, ok := res.Find(missing); ok {
							t.Fatalf("Find(%q) = %+v: not in the index", missing, got)
						}
					}
				}
			}
			for _, d := range res.Duplicates {
				if d.First < 0 || d.First >= d.Offset || d.Offset >= len(data) || data[d.Offset] != '"' || data[d.First] != '"' {
					t.Fatalf("duplicate %+v: offsets do not point at two quoted keys", d)
				}
			}
		}
		if !utf8.Valid(body) || depth(body) > MaxDepth {
			return // documented differences from encoding/json
		}
		if want := json.Valid(body); want != (err == nil) {
			t.Fatalf("Parse error = %v, but encoding/json Valid = %v", err, want)
		}
		if err != nil {
			return
		}
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		var want any
		if derr := dec.Decode(&want); derr != nil {
			t.Fatalf("encoding/json: %v", derr)
		}
		if !reflect.DeepEqual(res.Tree(), want) {
			t.Fatalf("Parse = %#v\nencoding/json = %#v", res.Tree(), want)
		}
	})
}

// checkNodes checks the node table against the pointer index: every node's
// pointer and spans, and that hopping over Last visits exactly the members
// or elements of each container.
func checkNodes(t *testing.T, data []byte, nodes []Node, index Index) {
	t.Helper()
	if len(nodes) == 0 || nodes[0].Parent != -1 || int(nodes[0].Last) != len(nodes)-1 {
		t.Fatalf("the root node must come first and hold every other node: %+v", nodes[:min(1, len(nodes))])
	}
	seen := map[string]bool{}
	for i, n := range nodes {
		ptr := Pointer(string(data), nodes, int32(i))
		if n.Start < 0 || n.Start > n.End || int(n.End) > len(data) || !json.Valid(data[n.Start:n.End]) {
			t.Fatalf("node %d (%q): span [%d, %d) is not a JSON value", i, ptr, n.Start, n.End)
		}
		if n.Last < int32(i) || int(n.Last) >= len(nodes) {
			t.Fatalf("node %d (%q): Last %d out of range", i, ptr, n.Last)
		}
		count := int32(0)
		for c := int32(i) + 1; c <= n.Last; c = nodes[c].Last + 1 {
			if nodes[c].Parent != int32(i) {
				t.Fatalf("node %d (%q): child %d has parent %d", i, ptr, c, nodes[c].Parent)
			}
			if data[n.Start] == '[' && nodes[c].Elem != count {
				t.Fatalf("node %d (%q): element %d has Elem %d", i, ptr, count, nodes[c].Elem)
			}
			count++
		}
		if seen[ptr] {
			continue // a duplicate key: the index keeps the last occurrence
		}
		seen[ptr] = true
		s, ok := index[ptr]
		if !ok {
			t.Fatalf("node %d: pointer %q not in the index", i, ptr)
		}
		if dupLater(string(data), nodes, i) {
			continue
		}
		if int(n.Start) != s.Start || int(n.End) != s.End || int(n.KeyStart) != s.KeyStart || int(n.KeyEnd) != s.KeyEnd {
			t.Fatalf("node %d (%q): [%d, %d) key at %d, the index says [%d, %d) key at %d", i, ptr, n.Start, n.End, n.KeyStart, s.Start, s.End, s.KeyStart)
		}
	}
}

// dupLater reports whether node i, or a container above it, is a member
// that its object names again later, so the index holds another span.
func dupLater(src string, nodes []Node, i int) bool {
	for c := int32(i); c > 0; c = nodes[c].Parent {
		n := nodes[c]
		if n.Elem >= 0 {
			continue
		}
		for s := n.Last + 1; s <= nodes[n.Parent].Last; s = nodes[s].Last + 1 {
			if nodes[s].Key(src) == n.Key(src) {
				return true
			}
		}
	}
	return false
}
