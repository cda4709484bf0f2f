// Package baseline records the findings a repository has today, so that
// emlint can be adopted on existing debt: `emlint lint --write-baseline
// FILE` writes them, and `--baseline FILE` reports only new ones.
//
// A finding is matched by its file, rule and JSON Pointer, never by line or
// column: an edit above a finding must not bring it back. Each entry has a
// count, and absorbs at most that many findings, so a second identical
// finding (the same rule at the same pointer, one more time) is new.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/emlint/emlint/internal/finding"
)

// Version is the version of the file format Write produces and Load reads.
const Version = 1

type key struct{ file, rule, pointer string }

// entry is one line of the file.
type entry struct {
	File    string `json:"file"`
	Rule    string `json:"rule"`
	Pointer string `json:"pointer"`
	Count   int    `json:"count"`
}

// Baseline is a loaded baseline file.
type Baseline struct {
	counts map[key]int
}

// fileKey normalises a finding's file name: forward slashes, no "./".
func fileKey(name string) string {
	if name == "" {
		return ""
	}
	return path.Clean(filepath.ToSlash(name))
}

func keyOf(f *finding.Finding) key {
	return key{fileKey(f.File), f.Rule, f.Pointer}
}

// Write writes a baseline of findings: one entry per (file, rule, pointer)
// with the number of findings it stands for, sorted, one entry per line so
// that diffs and merges stay readable.
func Write(w io.Writer, findings []finding.Finding) error {
	counts := map[key]int{}
	for i := range findings {
		counts[keyOf(&findings[i])]++
	}
	entries := make([]entry, 0, len(counts))
	for k, n := range counts {
		entries = append(entries, entry{k.file, k.rule, k.pointer, n})
	}
	sort.Slice(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Pointer < b.Pointer
	})
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\n  \"version\": %d,\n  \"findings\": [", Version)
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for i, e := range entries {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n    ")
		if err := enc.Encode(e); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
	}
	if len(entries) > 0 {
		buf.WriteString("\n  ")
	}
	buf.WriteString("]\n}\n")
	_, err := w.Write(buf.Bytes())
	return err
}

// Load reads a baseline written by Write. Its errors say what is wrong and
// where.
func Load(r io.Reader) (*Baseline, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading the baseline: %w", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("the baseline is empty: write one with `emlint lint --write-baseline FILE`")
	}
	var doc struct {
		Version  *int `json:"version"`
		Findings *[]struct {
			File    string `json:"file"`
			Rule    string `json:"rule"`
			Pointer string `json:"pointer"`
			Count   *int   `json:"count"`
		} `json:"findings"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, decodeError(data, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		line, col := position(data, dec.InputOffset()-1)
		return nil, fmt.Errorf("baseline line %d, column %d: unexpected content after the JSON object: a baseline is one object", line, col)
	}
	if doc.Version == nil {
		return nil, errors.New(`the baseline has no "version": it is not a baseline written by emlint (write one with ` + "`emlint lint --write-baseline FILE`)")
	}
	if *doc.Version != Version {
		return nil, fmt.Errorf("baseline version %d is not supported (this emlint reads version %d): write it again with `emlint lint --write-baseline FILE`", *doc.Version, Version)
	}
	if doc.Findings == nil {
		return nil, errors.New(`the baseline has no "findings" list: write it again with ` + "`emlint lint --write-baseline FILE`")
	}
	b := &Baseline{counts: map[key]int{}}
	for i, e := range *doc.Findings {
		var problem string
		switch {
		case e.File == "":
			problem = `has no "file"`
		case e.Rule == "":
			problem = `has no "rule"`
		case e.Pointer != "" && !strings.HasPrefix(e.Pointer, "/"):
			problem = fmt.Sprintf(`has "pointer": %q, which is not a JSON Pointer (it is "" or starts with "/")`, e.Pointer)
		case e.Count == nil:
			problem = `has no "count"`
		case *e.Count < 1:
			problem = fmt.Sprintf(`has "count": %d, but a count is at least 1`, *e.Count)
		}
		if problem != "" {
			return nil, fmt.Errorf("baseline findings[%d] %s: fix or delete the entry, or write the baseline again", i, problem)
		}
		// Entries are unique in a file Write wrote; after a hand merge they
		// may not be, and then they add up.
		b.counts[key{fileKey(e.File), e.Rule, e.Pointer}] += *e.Count
	}
	return b, nil
}

func decodeError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := position(data, syn.Offset-1)
		return fmt.Errorf("baseline line %d, column %d: invalid JSON: %v", line, col, syn)
	case errors.As(err, &typ):
		line, col := position(data, typ.Offset-1)
		field := typ.Field
		if field == "" {
			field = "the baseline"
		}
		return fmt.Errorf("baseline line %d, column %d: %s must be %s, not %s", line, col, field, jsonKind(typ.Type.Kind().String()), jsonKind(typ.Value))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the baseline ends in the middle of the JSON: the file is truncated; write it again")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return fmt.Errorf("the baseline has an unknown field %s: a baseline has \"version\" and \"findings\", each finding \"file\", \"rule\", \"pointer\" and \"count\"",
			strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return fmt.Errorf("reading the baseline: %w", err)
}

// jsonKind names a Go kind, or a JSON value as UnmarshalTypeError gives it.
func jsonKind(k string) string {
	switch {
	case k == "int" || k == "int64" || strings.HasPrefix(k, "number"):
		return "a number"
	case k == "string":
		return "a string"
	case k == "slice" || k == "array":
		return "a list"
	case k == "struct" || k == "map" || k == "object":
		return "an object"
	case k == "bool":
		return "true or false"
	}
	return k
}

// position returns the 1-based line and column (in bytes) of the byte at
// offset off.
func position(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = len(before) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// Len is the number of findings the baseline absorbs.
func (b *Baseline) Len() int {
	if b == nil {
		return 0
	}
	n := 0
	for _, c := range b.counts {
		n += c
	}
	return n
}

// Filter returns the findings the baseline does not absorb, in their
// order. Each entry absorbs at most its count of findings with its file,
// rule and pointer; when there are more, the first ones in file order
// (line, then column) are absorbed and the rest are new. Filter does not
// change the baseline: it can be called again with other findings.
func (b *Baseline) Filter(findings []finding.Finding) []finding.Finding {
	if b == nil || len(b.counts) == 0 {
		return findings
	}
	order := make([]int, len(findings))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return finding.Less(&findings[order[i]], &findings[order[j]]) })
	left := make(map[key]int, len(b.counts))
	for k, n := range b.counts {
		left[k] = n
	}
	dropped := make([]bool, len(findings))
	for _, i := range order {
		k := keyOf(&findings[i])
		if left[k] > 0 {
			left[k]--
			dropped[i] = true
		}
	}
	out := make([]finding.Finding, 0, len(findings))
	for i, f := range findings {
		if !dropped[i] {
			out = append(out, f)
		}
	}
	return out
}
