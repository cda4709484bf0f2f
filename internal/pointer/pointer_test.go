package pointer

import (
	"reflect"
	"testing"
)

func TestJoin(t *testing.T) {
	for _, c := range []struct {
		name   string
		base   string
		tokens []string
		want   string
	}{
		{"no tokens", "", nil, ""},
		{"no tokens keeps base", "/a", nil, "/a"},
		{"one token from root", "", []string{"a"}, "/a"},
		{"several tokens", "/a", []string{"b", "c"}, "/a/b/c"},
		{"empty token", "", []string{""}, "/"},
		{"two empty tokens", "", []string{"", ""}, "//"},
		{"tilde escaped", "", []string{"a~b"}, "/a~0b"},
		{"slash escaped", "", []string{"a/b"}, "/a~1b"},
		{"tilde then one", "", []string{"~1"}, "/~01"},
		{"slash then zero", "", []string{"/0"}, "/~10"},
		{"only specials", "", []string{"~/~/"}, "/~0~1~0~1"},
		{"odata key left alone", "/x", []string{"@odata.type"}, "/x/@odata.type"},
		{"non-ASCII left alone", "", []string{"région"}, "/région"},
		{"base is not re-escaped", "/a~1b", []string{"c"}, "/a~1b/c"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Join(c.base, c.tokens...); got != c.want {
				t.Errorf("Join(%q, %q) = %q, want %q", c.base, c.tokens, got, c.want)
			}
		})
	}
}

func TestIndex(t *testing.T) {
	for _, c := range []struct {
		base string
		i    int
		want string
	}{
		{"", 0, "/0"},
		{"/stages", 2, "/stages/2"},
		{"/a/b", 10, "/a/b/10"},
		{"/a~1b", 123, "/a~1b/123"},
	} {
		if got := Index(c.base, c.i); got != c.want {
			t.Errorf("Index(%q, %d) = %q, want %q", c.base, c.i, got, c.want)
		}
	}
}

func TestSplit(t *testing.T) {
	for _, c := range []struct {
		ptr  string
		want []string
	}{
		{"", nil},
		{"/", []string{""}},
		{"//", []string{"", ""}},
		{"/a", []string{"a"}},
		{"/a/b/0", []string{"a", "b", "0"}},
		{"/a~0b", []string{"a~b"}},
		{"/a~1b", []string{"a/b"}},
		// RFC 6901 §4: "~01" is "~1", not "/" (~1 is replaced first, then ~0).
		{"/~01", []string{"~1"}},
		{"/~10", []string{"/0"}},
		{"/~0~1~0~1", []string{"~/~/"}},
		{"/x/@odata.type", []string{"x", "@odata.type"}},
	} {
		got := Split(c.ptr)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Split(%q) = %#v, want %#v", c.ptr, got, c.want)
		}
	}
}

func TestParent(t *testing.T) {
	for _, c := range []struct {
		ptr, parent, last string
	}{
		{"", "", ""},
		{"/a", "", "a"},
		{"/a/b", "/a", "b"},
		{"/a/b/3", "/a/b", "3"},
		{"/a/b~1c", "/a", "b/c"},
		{"/a~1b/c~0d", "/a~1b", "c~d"},
		{"/a/", "/a", ""},
		{"/~01", "", "~1"},
	} {
		parent, last := Parent(c.ptr)
		if parent != c.parent || last != c.last {
			t.Errorf("Parent(%q) = (%q, %q), want (%q, %q)", c.ptr, parent, last, c.parent, c.last)
		}
	}
}

// TestRoundTrip checks that Split undoes Join and that Parent undoes the
// last Join or Index, for tokens holding the characters RFC 6901 escapes.
func TestRoundTrip(t *testing.T) {
	for _, tokens := range [][]string{
		{"a"},
		{"requestApprovalSettings", "stages", "0", "primaryApprovers"},
		{""},
		{"", ""},
		{"~"},
		{"/"},
		{"~0", "~1"},
		{"a/b", "c~d", "e~1f", "g/0h"},
		{"~~//~/", "x"},
		{"@odata.type", "région", "日本語", "😀"},
	} {
		ptr := Join("", tokens...)
		if got := Split(ptr); !reflect.DeepEqual(got, tokens) {
			t.Errorf("Split(Join(%q)) = %q (pointer %q)", tokens, got, ptr)
		}
		// Walk back up with Parent.
		p := ptr
		for i := len(tokens) - 1; i >= 0; i-- {
			parent, last := Parent(p)
			if last != tokens[i] {
				t.Errorf("Parent(%q) last = %q, want %q", p, last, tokens[i])
			}
			if want := Join("", tokens[:i]...); parent != want {
				t.Errorf("Parent(%q) parent = %q, want %q", p, parent, want)
			}
			p = parent
		}
		if p != "" {
			t.Errorf("walking up %q ended at %q, want the root", ptr, p)
		}

		// Index then Parent.
		withIndex := Index(ptr, 7)
		parent, last := Parent(withIndex)
		if parent != ptr || last != "7" {
			t.Errorf("Parent(Index(%q, 7)) = (%q, %q)", ptr, parent, last)
		}
		if got := Split(withIndex); !reflect.DeepEqual(got, append(append([]string{}, tokens...), "7")) {
			t.Errorf("Split(%q) = %q", withIndex, got)
		}
	}
}

// Join is variadic and incremental: joining one token at a time is the same
// as joining them all at once.
func TestJoinIncremental(t *testing.T) {
	tokens := []string{"a/b", "~", "c"}
	p := ""
	for _, tok := range tokens {
		p = Join(p, tok)
	}
	if all := Join("", tokens...); p != all {
		t.Errorf("incremental %q != all at once %q", p, all)
	}
	if p != "/a~1b/~0/c" {
		t.Errorf("got %q", p)
	}
}
