package position

import (
	"strings"
	"testing"
)

type posCase struct {
	offset int
	want   Pos
}

func checkPos(t *testing.T, data string, cases []posCase) {
	t.Helper()
	l := NewLines([]byte(data))
	for _, c := range cases {
		if got := l.Pos(c.offset); got != c.want {
			t.Errorf("%q: Pos(%d) = %+v, want %+v", data, c.offset, got, c.want)
		}
	}
}

func TestPos(t *testing.T) {
	for _, c := range []struct {
		name  string
		data  string
		cases []posCase
	}{
		{
			name: "ASCII",
			data: "{\n  \"a\": 1,\n  \"b\": 2\n}\n",
			cases: []posCase{
				{0, Pos{1, 1}},   // {
				{1, Pos{1, 2}},   // \n of line 1
				{2, Pos{2, 1}},   // first space of line 2
				{4, Pos{2, 3}},   // "a"
				{10, Pos{2, 9}},  // ,
				{11, Pos{2, 10}}, // \n of line 2
				{12, Pos{3, 1}},
				{14, Pos{3, 3}}, // "b"
				{20, Pos{3, 9}}, // \n of line 3
				{21, Pos{4, 1}}, // }
				{22, Pos{4, 2}}, // final \n
				{23, Pos{5, 1}}, // end of file, after the final newline
			},
		},
		{
			name: "multi-byte UTF-8 counts characters",
			// é is 2 bytes, 日 3 bytes, 😀 4 bytes.
			data: "\"é日😀x\"\n\"é\"",
			cases: []posCase{
				{0, Pos{1, 1}},  // "
				{1, Pos{1, 2}},  // é
				{3, Pos{1, 3}},  // 日
				{6, Pos{1, 4}},  // 😀
				{10, Pos{1, 5}}, // x
				{11, Pos{1, 6}}, // "
				{12, Pos{1, 7}}, // \n
				{13, Pos{2, 1}}, // "
				{14, Pos{2, 2}}, // é
				{16, Pos{2, 3}}, // "
				{17, Pos{2, 4}}, // end of file
			},
		},
		{
			name: "CRLF line endings",
			data: "{\r\n  \"a\": 1\r\n}\r\n",
			cases: []posCase{
				{0, Pos{1, 1}},
				{1, Pos{1, 2}}, // \r belongs to line 1
				{2, Pos{1, 3}}, // \n
				{3, Pos{2, 1}},
				{5, Pos{2, 3}}, // "a"
				{11, Pos{2, 9}},
				{13, Pos{3, 1}}, // }
				{16, Pos{4, 1}}, // end of file
			},
		},
		{
			name: "no trailing newline",
			data: "ab\ncd",
			cases: []posCase{
				{3, Pos{2, 1}},
				{4, Pos{2, 2}},
				{5, Pos{2, 3}},    // end of file: just after the last character
				{6, Pos{2, 3}},    // past the end: clamped
				{1000, Pos{2, 3}}, // far past the end
				{-1, Pos{1, 1}},   // negative: clamped to the start
			},
		},
		{
			name: "past the end after a trailing newline",
			data: "ab\n",
			cases: []posCase{
				{2, Pos{1, 3}},
				{3, Pos{2, 1}},
				{99, Pos{2, 1}},
			},
		},
		{
			name:  "empty file",
			data:  "",
			cases: []posCase{{0, Pos{1, 1}}, {1, Pos{1, 1}}, {-5, Pos{1, 1}}},
		},
		{
			name:  "blank lines",
			data:  "\n\n\n",
			cases: []posCase{{0, Pos{1, 1}}, {1, Pos{2, 1}}, {2, Pos{3, 1}}, {3, Pos{4, 1}}},
		},
		{
			name:  "tab counts as one column",
			data:  "\t\"a\"",
			cases: []posCase{{1, Pos{1, 2}}},
		},
	} {
		t.Run(c.name, func(t *testing.T) { checkPos(t, c.data, c.cases) })
	}
}

func TestText(t *testing.T) {
	for _, c := range []struct {
		name  string
		data  string
		count int
		lines []string // lines 1..count; Text(0) and Text(count+1) must be ""
	}{
		{"LF", "a\nbb\nccc", 3, []string{"a", "bb", "ccc"}},
		{"LF with trailing newline", "a\nbb\n", 3, []string{"a", "bb", ""}},
		{"CRLF strips CR", "a\r\nbb\r\nccc\r\n", 4, []string{"a", "bb", "ccc", ""}},
		{"CRLF last line without newline", "a\r\nbb", 2, []string{"a", "bb"}},
		{"only one CR stripped", "a\r\r\nb", 2, []string{"a\r", "b"}},
		{"CR inside a line kept", "a\rb\nc", 2, []string{"a\rb", "c"}},
		{"empty file", "", 1, []string{""}},
		{"only a newline", "\n", 2, []string{"", ""}},
		{"non-ASCII", "é日\n😀", 2, []string{"é日", "😀"}},
		{"tabs kept", "\t\"x\": 1", 1, []string{"\t\"x\": 1"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := NewLines([]byte(c.data))
			if got := l.Count(); got != c.count {
				t.Errorf("Count() = %d, want %d", got, c.count)
			}
			for i, want := range c.lines {
				if got := l.Text(i + 1); got != want {
					t.Errorf("Text(%d) = %q, want %q", i+1, got, want)
				}
			}
			for _, n := range []int{-1, 0, c.count + 1, c.count + 100} {
				if got := l.Text(n); got != "" {
					t.Errorf("Text(%d) = %q, want \"\"", n, got)
				}
			}
		})
	}
}

func TestUTF16Col(t *testing.T) {
	for _, c := range []struct {
		name   string
		data   string
		offset int
		want   int
	}{
		{"start", "abc", 0, 0},
		{"ASCII", "abc", 2, 2},
		{"end of ASCII line", "abc", 3, 3},
		{"BMP two-byte", "éx", 2, 1},     // é = 1 unit
		{"BMP three-byte", "日本x", 6, 2},  // each 1 unit
		{"astral emoji", "😀x", 4, 2},     // 😀 = surrogate pair
		{"two emoji", "😀😀x", 8, 4},       // 2 units each
		{"emoji then BMP", "😀é日x", 9, 4}, // 2 + 1 + 1
		{"astral CJK ext B", "𠀀x", 4, 2}, // U+20000
		{"second line", "😀\n😀a", 9, 2},   // resets on each line
		{"second line after CRLF", "a\r\nbc", 4, 1},
		{"past the end clamped", "😀", 100, 2},
		{"negative clamped", "😀", -3, 0},
		{"empty file", "", 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := NewLines([]byte(c.data))
			if got := l.UTF16Col(c.offset); got != c.want {
				t.Errorf("UTF16Col(%d) in %q = %d, want %d", c.offset, c.data, got, c.want)
			}
		})
	}
}

// Pos and UTF16Col agree on ASCII and BMP text and differ only by the extra
// surrogate unit of astral characters.
func TestPosAndUTF16Col(t *testing.T) {
	data := "ab😀cd😀😀e"
	l := NewLines([]byte(data))
	astral := 0
	off := 0
	for _, r := range data {
		pos := l.Pos(off)
		if got := l.UTF16Col(off); got != pos.Col-1+astral {
			t.Errorf("offset %d: UTF16Col = %d, Pos.Col-1 = %d, astral so far %d", off, got, pos.Col-1, astral)
		}
		if r > 0xFFFF {
			astral++
		}
		off += len(string(r))
	}
}

// Pos is used on big files: a long file must still map the last offset.
func TestPosManyLines(t *testing.T) {
	data := strings.Repeat("line\n", 10000) + "end"
	l := NewLines([]byte(data))
	if got, want := l.Count(), 10001; got != want {
		t.Fatalf("Count() = %d, want %d", got, want)
	}
	if got, want := l.Pos(len(data)-1), (Pos{10001, 3}); got != want {
		t.Errorf("Pos(last) = %+v, want %+v", got, want)
	}
	if got, want := l.Pos(5*5000+2), (Pos{5001, 3}); got != want {
		t.Errorf("Pos(middle) = %+v, want %+v", got, want)
	}
	if got := l.Text(10001); got != "end" {
		t.Errorf("Text(last) = %q", got)
	}
}
