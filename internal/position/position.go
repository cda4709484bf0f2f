// Package position turns byte offsets into the line and column a person
// sees in an editor. It is built only for files that have findings.
package position

import (
	"bytes"
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// Pos is a 1-based line and column. Columns count characters (Unicode code
// points), not bytes, so a caret lines up under non-ASCII text.
type Pos struct {
	Line, Col int
}

// Lines indexes the line starts of one file.
type Lines struct {
	data   []byte
	starts []int
	bom    int // length of a leading UTF-8 byte order mark, which editors hide
}

// NewLines indexes data. A line ends at "\n"; a preceding "\r" is part of
// the line ending, not of the text.
func NewLines(data []byte) *Lines {
	starts := []int{0}
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	bom := 0
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		bom = 3
	}
	return &Lines{data: data, starts: starts, bom: bom}
}

// lineStart is where line n (0-based) starts, after a byte order mark.
func (l *Lines) lineStart(n int) int {
	if n == 0 {
		return l.bom
	}
	return l.starts[n]
}

// line returns the 0-based line holding offset.
func (l *Lines) line(offset int) int {
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset }) - 1
}

// Pos returns the position of a byte offset. Offsets past the end map to
// the position just after the last character.
func (l *Lines) Pos(offset int) Pos {
	offset = max(0, min(offset, len(l.data)))
	n := l.line(offset)
	start := min(l.lineStart(n), offset)
	return Pos{Line: n + 1, Col: utf8.RuneCount(l.data[start:offset]) + 1}
}

// UTF16Col is the 0-based column of offset in UTF-16 code units, as the
// Language Server Protocol counts by default.
func (l *Lines) UTF16Col(offset int) int {
	offset = max(0, min(offset, len(l.data)))
	n := 0
	line := l.line(offset)
	for _, r := range string(l.data[min(l.lineStart(line), offset):offset]) {
		n += len(utf16.Encode([]rune{r}))
	}
	return n
}

// Text returns line n (1-based) without its line ending.
func (l *Lines) Text(n int) string {
	if n < 1 || n > len(l.starts) {
		return ""
	}
	end := len(l.data)
	if n < len(l.starts) {
		end = l.starts[n] - 1
	}
	return string(bytes.TrimSuffix(l.data[min(l.lineStart(n-1), end):end], []byte("\r")))
}

// Count is the number of lines.
func (l *Lines) Count() int { return len(l.starts) }
