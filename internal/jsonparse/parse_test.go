package jsonparse

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// The decoded tree must equal encoding/json's with UseNumber, which is what
// the schema validator is written against.
func TestParseMatchesEncodingJSON(t *testing.T) {
	for _, in := range []string{
		`{}`, `[]`, `"x"`, `0`, `-0`, `1e400`, `-12.5E+3`, `true`, `null`,
		`{"a": [1, {"b": null}], "c": "d\u00e9\n\"\\\/", "e": "\ud83d\ude00"}`,
		` { "a" : { "b" : [ ] } } `,
		`{"k": "\ud800"}`, // lone surrogate: U+FFFD, as encoding/json does
		`{"naïve": "ü"}`,
	} {
		got, err := Parse([]byte(in))
		if err != nil {
			t.Errorf("Parse(%s): %v", in, err)
			continue
		}
		dec := json.NewDecoder(strings.NewReader(in))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Tree(), want) {
			t.Errorf("Parse(%s) = %#v, want %#v", in, got.Tree(), want)
		}
	}
}

func TestSyntaxErrors(t *testing.T) {
	for _, c := range []struct {
		in       string
		offset   int
		contains string
	}{
		{``, 0, "empty document"},
		{"  \n ", 4, "empty document"},
		{`{"a": 1,}`, 8, "trailing comma"},
		{`[1, 2,]`, 6, "trailing comma"},
		{`{"a" 1}`, 5, "expected ':'"},
		{`{"a": 1 "b": 2}`, 8, "expected ',' or '}'"},
		{`{a: 1}`, 1, "property name in double quotes"},
		{`{"a": tru}`, 6, "expected true"},
		{`{"a": 01}`, 7, "leading zero"},
		{`{"a": 1.}`, 8, "after the decimal point"},
		{`{"a": "x`, 8, "not closed"},
		{"{\"a\": \"x\ny\"}", 8, "control character"},
		{`{"a": "\x"}`, 8, "invalid escape"},
		{`{"a": "\u12"}`, 7, "four hexadecimal digits"},
		{"{\"a\": \"\xff\"}", 7, "invalid UTF-8"},
		{`{} {}`, 3, "after the end of the JSON value"},
		{`{"a": 1} x`, 9, "after the end"},
		{"\xff\xfe{\x00}\x00", 0, "UTF-16"},
		{"\x00\x01", 0, "NUL byte"},
		{`{"a": [1, 2}`, 11, "expected ',' or ']'"},
	} {
		_, err := Parse([]byte(c.in))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) = %v, want a SyntaxError", c.in, err)
			continue
		}
		if se.Offset != c.offset || !strings.Contains(se.Msg, c.contains) {
			t.Errorf("Parse(%q) = offset %d %q, want offset %d containing %q", c.in, se.Offset, se.Msg, c.offset, c.contains)
		}
	}
}

func TestDepthLimit(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	_, err := Parse([]byte(deep))
	var se *SyntaxError
	if !errors.As(err, &se) || !strings.Contains(se.Msg, "nesting deeper") || se.Offset != MaxDepth {
		t.Fatalf("got %v", err)
	}
	ok := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	if _, err := Parse([]byte(ok)); err != nil {
		t.Fatalf("depth %d must parse: %v", MaxDepth, err)
	}
}

func TestDuplicates(t *testing.T) {
	in := `{"a": 1, "b": {"c": 1, "c": 2}, "a": 3, "x~/y": 0, "x~/y": 1}`
	r, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Duplicate{
		{Pointer: "/b/c", Key: "c", Offset: strings.Index(in, `"c": 2`), First: strings.Index(in, `"c": 1`)},
		{Pointer: "/a", Key: "a", Offset: strings.Index(in, `"a": 3`), First: 1},
		{Pointer: "/x~0~1y", Key: "x~/y", Offset: strings.LastIndex(in, `"x~/y"`), First: strings.Index(in, `"x~/y"`)},
	}
	if !reflect.DeepEqual(r.Duplicates, want) {
		t.Errorf("got %+v\nwant %+v", r.Duplicates, want)
	}
	if r.Tree().(map[string]any)["a"] != json.Number("3") {
		t.Errorf("the last duplicate must win, as in encoding/json")
	}
}

func TestBOM(t *testing.T) {
	r, err := Parse(append([]byte{0xEF, 0xBB, 0xBF}, `{"a": 1}`...))
	if err != nil || !r.BOM {
		t.Fatalf("got %+v, %v", r, err)
	}
}

func TestIndex(t *testing.T) {
	in := `{"a": [10, {"b": "x"}], "c~d": null}`
	idx, err := BuildIndex([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	text := func(s Span) (string, string) {
		k := ""
		if s.KeyStart >= 0 {
			k = in[s.KeyStart:s.KeyEnd]
		}
		return k, in[s.Start:s.End]
	}
	for ptr, want := range map[string][2]string{
		"":       {"", in},
		"/a":     {`"a"`, `[10, {"b": "x"}]`},
		"/a/0":   {"", "10"},
		"/a/1/b": {`"b"`, `"x"`},
		"/c~0d":  {`"c~d"`, "null"},
	} {
		s, ok := idx[ptr]
		if !ok {
			t.Errorf("no span for %q", ptr)
			continue
		}
		if k, v := text(s); k != want[0] || v != want[1] {
			t.Errorf("%q: key %q value %q, want %q %q", ptr, k, v, want[0], want[1])
		}
	}
}

func TestIndexStopsAtSyntaxError(t *testing.T) {
	idx, err := BuildIndex([]byte(`{"a": 1, "b": }`))
	if err == nil {
		t.Fatal("want an error")
	}
	if _, ok := idx["/a"]; !ok {
		t.Error("what precedes the error is indexed")
	}
}

func BenchmarkParse(b *testing.B) {
	body := bytes.Repeat([]byte(`{"displayName": "Policy", "stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11"}]}]},`), 20)
	body = append(append([]byte("["), body[:len(body)-1]...), ']')
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := Parse(body); err != nil {
			b.Fatal(err)
		}
	}
}

func TestNodes(t *testing.T) {
	in := `{"a": [1, {"b~/": null}], "c": {}}`
	r, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		ptr, raw string
		last     int32
	}
	var got []row
	for i, n := range r.Nodes {
		got = append(got, row{Pointer(r.Src, r.Nodes, int32(i)), in[n.Start:n.End], n.Last})
	}
	want := []row{
		{"", in, 5},
		{"/a", `[1, {"b~/": null}]`, 4},
		{"/a/0", "1", 2},
		{"/a/1", `{"b~/": null}`, 4},
		{"/a/1/b~0~1", "null", 4},
		{"/c", "{}", 5},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if k := r.Nodes[4]; k.Key(r.Src) != "b~/" || in[k.KeyStart] != '"' || k.Elem != -1 || r.Nodes[3].Elem != 1 {
		t.Errorf("node 4 %+v, node 3 %+v", k, r.Nodes[3])
	}
}

// A key with escapes is decoded when it is read; one without is a slice of
// the text.
func TestNodeKey(t *testing.T) {
	in := `{"a\u00e9\/b": 1, "plain": 2}`
	r, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if k := r.Nodes[1].Key(r.Src); k != "aé/b" {
		t.Errorf("escaped key: %q", k)
	}
	if k := r.Nodes[2].Key(r.Src); k != "plain" {
		t.Errorf("plain key: %q", k)
	}
	if k := r.Nodes[0].Key(r.Src); k != "" {
		t.Errorf("the root has no key: %q", k)
	}
}
