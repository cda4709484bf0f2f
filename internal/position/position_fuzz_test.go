package position

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// naivePos is the position of offset in data computed the slow, obvious
// way: count the line feeds before it, then the characters since the last
// one (after a UTF-8 byte order mark on the first line).
func naivePos(data []byte, offset int) Pos {
	offset = max(0, min(offset, len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	if line == 1 && bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		start = min(3, offset)
	}
	return Pos{Line: line, Col: utf8.RuneCount(data[start:offset]) + 1}
}

// FuzzLines checks Pos, UTF16Col and Text on arbitrary data and offsets,
// including offsets before, inside a multi-byte character and past the
// end: they never panic, Pos agrees with naivePos, UTF16Col counts the
// UTF-16 code units of the same text, and Text returns a line without its
// line ending.
func FuzzLines(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "examples", "*", "*", "*", "*.json"))
	if len(paths) == 0 {
		f.Fatal("no seed bodies under testdata/examples")
	}
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, i*37, i%5)
	}
	for _, s := range []struct {
		data      string
		off, line int
	}{
		{"", 0, 1}, {"", -1, 0}, {"\n", 1, 2}, {"a\r\nb", 3, 2}, {"\r\n\r\n", 2, 3}, {"\xEF\xBB\xBF{}", 1, 1},
		{"\xEF\xBB\xBF\n{}", 4, 2}, {"é😀x", 2, 1}, {"é😀x", 6, 1}, {"\xff\xfe{\x00", 3, 1}, {"a\nb", 1 << 40, -5},
		{"\xEF\xBB", 2, 1}, {"x\n\xEF\xBB\xBFy", 5, 2}, {"\x00\x00\n", 2, 2}, {"abc", -1 << 40, 1 << 40},
	} {
		f.Add([]byte(s.data), s.off, s.line)
	}
	f.Fuzz(func(t *testing.T, data []byte, offset, n int) {
		l := NewLines(data)
		if want := bytes.Count(data, []byte("\n")) + 1; l.Count() != want {
			t.Fatalf("Count() = %d, want %d", l.Count(), want)
		}
		for _, off := range []int{offset, 0, len(data), len(data) / 2, offset % (len(data) + 1)} {
			got, want := l.Pos(off), naivePos(data, off)
			if got != want {
				t.Fatalf("%q: Pos(%d) = %+v, want %+v", data, off, got, want)
			}
			if got.Line < 1 || got.Line > l.Count() || got.Col < 1 {
				t.Fatalf("%q: Pos(%d) = %+v out of range", data, off, got)
			}
			u := l.UTF16Col(off)
			clamped := max(0, min(off, len(data)))
			start := bytes.LastIndexByte(data[:clamped], '\n') + 1
			if got.Line == 1 && bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
				start = min(3, clamped)
			}
			if wantU := len(utf16.Encode([]rune(string(data[start:clamped])))); u != wantU {
				t.Fatalf("%q: UTF16Col(%d) = %d, want %d", data, off, u, wantU)
			}
		}
		for _, line := range []int{n, 1, l.Count(), l.Count() + 1, 0, -1} {
			text := l.Text(line)
			if line < 1 || line > l.Count() {
				if text != "" {
					t.Fatalf("%q: Text(%d) = %q for a line that does not exist", data, line, text)
				}
				continue
			}
			if strings.Contains(text, "\n") {
				t.Fatalf("%q: Text(%d) = %q holds a line feed", data, line, text)
			}
			lines := strings.Split(string(data), "\n")
			want := strings.TrimSuffix(lines[line-1], "\r")
			if line == 1 {
				want = strings.TrimPrefix(want, "\xEF\xBB\xBF")
			}
			if text != want {
				t.Fatalf("%q: Text(%d) = %q, want %q", data, line, text, want)
			}
		}
	})
}
