package lint

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/internal/pointer"
)

// planFix turns a fix expressed on a pointer into text edits of text (the
// body) and an RFC 6902 patch. Edits touch as little as possible so the
// file keeps its formatting, key order and line endings. A fix whose place
// cannot be found is dropped.
func planFix(f *finding.Finding, text []byte, sp *spans) {
	fix := f.Fix
	s, ok := sp.get(f.Pointer)
	if !ok {
		f.Fix = nil
		return
	}
	parent, last := pointer.Parent(f.Pointer)
	var value any
	if fix.Value != "" {
		if err := json.Unmarshal([]byte(fix.Value), &value); err != nil {
			f.Fix = nil // a rule bug: never write invalid JSON
			return
		}
	}
	switch fix.Op {
	case finding.FixReplace:
		fix.Edits = []finding.TextEdit{{Start: s.Start, End: s.End, New: fix.Value}}
		fix.Patch = []finding.PatchOp{{Op: "replace", Path: f.Pointer, Value: value}}
	case finding.FixRename:
		if s.KeyStart < 0 {
			f.Fix = nil
			return
		}
		fix.Edits = []finding.TextEdit{{Start: s.KeyStart, End: s.KeyEnd, New: strconv.Quote(fix.Key)}}
		fix.Patch = []finding.PatchOp{{Op: "move", From: f.Pointer, Path: pointer.Join(parent, fix.Key)}}
		_ = last
	case finding.FixRemove:
		start := s.Start
		if s.KeyStart >= 0 {
			start = s.KeyStart
		}
		fix.Edits = []finding.TextEdit{removal(text, start, s.End)}
		fix.Patch = []finding.PatchOp{{Op: "remove", Path: f.Pointer}}
	case finding.FixAdd:
		edit, ok := addition(text, s, sp.index(), f.Pointer, fix.Key, fix.Value)
		if !ok {
			f.Fix = nil
			return
		}
		fix.Edits = []finding.TextEdit{edit}
		fix.Patch = []finding.PatchOp{{Op: "add", Path: pointer.Join(f.Pointer, fix.Key), Value: value}}
	default:
		f.Fix = nil
	}
}

// removal deletes a member or element and one comma next to it: the one
// after it, or, for the last member, the one before it, with the space
// that the comma separated.
func removal(text []byte, start, end int) finding.TextEdit {
	after := end
	for after < len(text) && isSpace(text[after]) {
		after++
	}
	if after < len(text) && text[after] == ',' {
		after++
		for after < len(text) && isSpace(text[after]) {
			after++
		}
		return finding.TextEdit{Start: start, End: after}
	}
	before := start
	for before > 0 && isSpace(text[before-1]) {
		before--
	}
	if before > 0 && text[before-1] == ',' {
		return finding.TextEdit{Start: before - 1, End: end}
	}
	return finding.TextEdit{Start: start, End: end}
}

// addition inserts "key": value as the last member of the object at s,
// indented like the members before it.
func addition(text []byte, s jsonparse.Span, index jsonparse.Index, ptr, key, value string) (finding.TextEdit, bool) {
	if s.End-s.Start < 2 || text[s.Start] != '{' || text[s.End-1] != '}' {
		return finding.TextEdit{}, false
	}
	member := strconv.Quote(key) + ": " + value
	inner := bytes.TrimSpace(text[s.Start+1 : s.End-1])
	if len(inner) == 0 {
		return finding.TextEdit{Start: s.Start, End: s.End, New: "{" + member + "}"}, true
	}
	// The last member: the one whose value ends last inside this object.
	lastEnd, lastKey := -1, -1
	prefix := ptr + "/"
	for p, sp := range index {
		if len(p) > len(prefix) && p[:len(prefix)] == prefix && !bytes.Contains([]byte(p[len(prefix):]), []byte("/")) && sp.End > lastEnd {
			lastEnd, lastKey = sp.End, sp.KeyStart
		}
	}
	if lastEnd < 0 || lastKey < 0 {
		return finding.TextEdit{}, false
	}
	lineStart := bytes.LastIndexByte(text[:lastKey], '\n') + 1
	indent := text[lineStart:lastKey]
	if len(bytes.TrimLeft(indent, " \t")) > 0 {
		// Members share a line: add this one on the same line.
		return finding.TextEdit{Start: lastEnd, End: lastEnd, New: ", " + member}, true
	}
	newline := "\n"
	if lineStart >= 2 && text[lineStart-2] == '\r' {
		newline = "\r\n"
	}
	return finding.TextEdit{Start: lastEnd, End: lastEnd, New: "," + newline + string(indent) + member}, true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// ApplyFixes applies the text edits of fixes to data. Edits that overlap
// an earlier one are left for the next run; it returns how many applied.
func ApplyFixes(data []byte, fs []finding.Finding) ([]byte, int) {
	var edits []finding.TextEdit
	for _, f := range fs {
		if f.Fix == nil {
			continue
		}
		ok := true
		for _, e := range f.Fix.Edits {
			for _, taken := range edits {
				if e.Start < taken.End && taken.Start < e.End || e.Start == taken.Start {
					ok = false
				}
			}
		}
		if ok {
			edits = append(edits, f.Fix.Edits...)
		}
	}
	// Apply from the end so earlier offsets stay valid.
	sort.Slice(edits, func(i, j int) bool { return edits[i].Start > edits[j].Start })
	out := append([]byte(nil), data...)
	for _, e := range edits {
		out = append(out[:e.Start], append([]byte(e.New), out[e.End:]...)...)
	}
	return out, len(edits)
}
