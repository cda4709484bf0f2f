package powershell

import (
	"strings"

	"github.com/emlint/emlint/internal/payload"
)

// defKind says what a variable assignment holds.
type defKind uint8

const (
	dOther  defKind = iota // anything the scanner does not follow
	dHash                  // a hashtable literal (also [ordered], [pscustomobject], New-Object PSObject)
	dArray                 // an array literal
	dString                // a string literal or here-string
	dJSON                  // a pipeline through ConvertTo-Json
	dAsHash                // ConvertFrom-Json -AsHashtable: a case-sensitive dictionary
)

// def is one assignment `$name = value` at statement level.
type def struct {
	name  string
	tok   int // the $name token
	k     defKind
	val   int // first token of the value
	end   int // end of the statement (token index, exclusive)
	node  *node
	err   error
	pipe  *jsonPipe
	edits []edit
}

// edit is an incremental change of a hashtable variable:
// $p.key = v, $p['key'] = v, $p.Add('key', v).
type edit struct {
	tok      int
	path     []string
	keySpan  payload.Span
	val, end int // token range of the value
}

// script is a tokenized script and what the scanner learnt about it.
type script struct {
	*reader
	defs     map[string][]*def
	defByVal map[int]*def // by the token index of the value
	hashDefs map[int]*def // dHash assignments by the offset of their `@{`
	splatted map[string]bool
	// functions the script defines: one named like an SDK cmdlet or alias
	// (a module's own Invoke-GraphRequest) is not the SDK's.
	functions map[string]bool
	profiles  []profile
	calls     []int
	used      map[int]bool // start offsets of hashtable literals already in a body
	out       []payload.Body
}

// profile is a Select-MgProfile call (SDK 1.x).
type profile struct {
	tok  int
	beta bool
}

func newScript(text []byte) *script {
	s := &script{
		reader:    &reader{text: text, toks: lex(text)},
		defs:      map[string][]*def{},
		defByVal:  map[int]*def{},
		hashDefs:  map[int]*def{},
		splatted:  map[string]bool{},
		functions: map[string]bool{},
		used:      map[int]bool{},
	}
	s.survey()
	return s
}

// boundary reports whether token i starts a statement.
func (s *script) boundary(i int) bool {
	if i == 0 {
		return true
	}
	switch s.toks[i-1].k {
	case tNewline, tSemi, tLBrace, tRBrace, tLParen, tSubExpr, tAmp, tRBracket:
		return true
	}
	return false
}

// stmtEnd returns the end (exclusive) of the statement or pipeline that
// starts at token i: a newline (unless the line ends with `|`, `,` or
// `=`, or the next starts with `|`), `;`, `&&`, or a closer of an
// enclosing bracket.
func (s *script) stmtEnd(i int) int {
	return s.end(i, false)
}

// cmdEnd is stmtEnd that also stops at a pipe: the end of one command.
func (s *script) cmdEnd(i int) int {
	return s.end(i, true)
}

func (s *script) end(i int, pipe bool) int {
	toks := s.toks
	for i < len(toks) {
		t := toks[i]
		switch t.k {
		case tNewline:
			if i > 0 && (toks[i-1].k == tPipe || toks[i-1].k == tComma || toks[i-1].k == tAssign) && !pipe {
				i++
				continue
			}
			if i+1 < len(toks) && toks[i+1].k == tPipe && !pipe {
				i++
				continue
			}
			return i
		case tSemi, tRParen, tRBrace, tRBracket:
			return i
		case tAmp:
			if t.end-t.start == 2 {
				return i
			}
		case tPipe:
			if pipe {
				return i
			}
		case tLParen, tSubExpr, tArrayOpen, tLBrace, tHashOpen, tLBracket:
			if t.match < 0 {
				return len(toks)
			}
			i = t.match
		}
		i++
	}
	return len(toks)
}

// findWord returns the first word equal to name (case-insensitively) in
// tokens [a, b) outside brackets, or -1.
func (s *script) findWord(a, b int, name string) int {
	for i := a; i < b; i++ {
		t := s.toks[i]
		if t.k == tWord && strings.EqualFold(s.str(i), name) {
			return i
		}
		if t.match > i {
			i = t.match
		}
	}
	return -1
}

// survey walks the tokens once: assignments, incremental edits, splats,
// Select-MgProfile, and the calls of the cmdlets this package reads.
func (s *script) survey() {
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.k {
		case tSplat:
			s.splatted[varName(s.str(i))] = true
		case tWord:
			w := s.str(i)
			if len(w) < 3 || len(w) > 80 {
				continue
			}
			lw := strings.ToLower(w)
			if _, ok := cmdlets[lw]; ok {
				s.calls = append(s.calls, i)
			} else if (lw == "function" || lw == "filter") && i+1 < len(toks) && toks[i+1].k == tWord {
				s.functions[strings.ToLower(s.str(i+1))] = true
			} else if lw == "select-mgprofile" {
				s.profiles = append(s.profiles, profile{i, s.profileBeta(i)})
			}
		case tVar:
			if i+1 >= len(toks) || !s.boundary(i) {
				continue
			}
			switch next := toks[i+1]; {
			case next.k == tAssign:
				s.assign(i)
			case next.k == tOpAssign:
				s.addDef(&def{name: varName(s.str(i)), tok: i, k: dOther, val: i + 2, end: s.stmtEnd(i + 2)})
			case next.start == t.end:
				s.edit(i)
			}
		}
	}
}

func (s *script) addDef(d *def) {
	s.defs[d.name] = append(s.defs[d.name], d)
	s.defByVal[d.val] = d
}

// assign reads `$name = value` at token i.
func (s *script) assign(i int) {
	v := i + 2
	for v < len(s.toks) && s.toks[v].k == tNewline {
		v++
	}
	d := &def{name: varName(s.str(i)), tok: i, val: v, end: s.stmtEnd(v)}
	s.addDef(d)
	if v >= d.end {
		return
	}
	if c := s.findWord(v, d.end, "ConvertTo-Json"); c >= 0 {
		d.k, d.pipe = dJSON, s.convertTo(v, d.end)
		return
	}
	if s.asHashtable(v, d.end) {
		d.k = dAsHash
		return
	}
	t := s.toks[v]
	switch {
	case t.k == tHashOpen || t.k == tLBracket || t.k == tArrayOpen || t.k == tComma ||
		t.k == tWord && strings.EqualFold(s.str(v), "New-Object"):
		n, next, err := s.expr(v, d.end, false)
		switch {
		case err != nil:
			if t.k == tHashOpen || t.k == tLBracket || t.k == tWord {
				d.k, d.err = dHash, err // a body we cannot read: say so where it is used
				if t.k == tHashOpen {
					s.hashDefs[t.start] = d
				}
			}
		case next != d.end:
			// an operator after the literal: not a plain value
		case n.k == nObject:
			d.k, d.node = dHash, n
			s.hashDefs[n.open.Start] = d
		case n.k == nArray:
			d.k, d.node = dArray, n
		}
	case (t.k == tString || t.k == tHere) && v+1 == d.end && !t.bad:
		d.k = dString
	}
}

// asHashtable reports whether tokens [a, b) call ConvertFrom-Json
// -AsHashtable.
func (s *script) asHashtable(a, b int) bool {
	c := s.findWord(a, b, "ConvertFrom-Json")
	if c < 0 {
		return false
	}
	for i := c + 1; i < b && s.toks[i].k != tPipe; i++ {
		if w := strings.ToLower(s.str(i)); s.toks[i].k == tWord && strings.HasPrefix(w, "-ash") && strings.HasPrefix("-ashashtable", strings.TrimSuffix(w, ":")) {
			return true
		}
	}
	return false
}

// edit reads an incremental change of a variable at token i (followed,
// without a space, by .key, ['key'] or .Add(...)) and attaches it to the
// variable's last assignment.
func (s *script) edit(i int) {
	toks := s.toks
	n := len(toks)
	var e edit
	switch {
	case toks[i+1].k == tWord && strings.HasPrefix(s.str(i+1), ".") && i+2 < n && toks[i+2].k == tAssign:
		w := s.str(i + 1)
		parts := strings.Split(w[1:], ".")
		for _, p := range parts {
			if p == "" {
				return
			}
		}
		last := parts[len(parts)-1]
		e = edit{path: parts, keySpan: payload.Span{Start: toks[i+1].end - len(last), End: toks[i+1].end}, val: i + 3}
	case toks[i+1].k == tLBracket && i+4 < n && toks[i+2].k == tString && toks[i+3].k == tRBracket && toks[i+4].k == tAssign:
		key, expands := decode(s.text, toks[i+2])
		if expands || toks[i+2].bad {
			return
		}
		e = edit{path: []string{key}, keySpan: s.span(i + 2), val: i + 5}
	case toks[i+1].k == tWord && strings.EqualFold(s.str(i+1), ".Add") && i+5 < n && toks[i+2].k == tLParen &&
		toks[i+3].k == tString && toks[i+4].k == tComma && toks[i+2].match > i+5:
		key, expands := decode(s.text, toks[i+3])
		if expands || toks[i+3].bad {
			return
		}
		e = edit{tok: i, path: []string{key}, keySpan: s.span(i + 3), val: i + 5, end: toks[i+2].match}
	default:
		return
	}
	e.tok = i
	if e.end == 0 {
		e.end = s.stmtEnd(e.val)
	}
	if d := s.lookup(varName(s.str(i)), i); d != nil && d.k == dHash {
		d.edits = append(d.edits, e)
	}
}

// lookup returns the last assignment of a variable before token at.
func (s *script) lookup(name string, at int) *def {
	ds := s.defs[name]
	for k := len(ds) - 1; k >= 0; k-- {
		if ds[k].tok < at {
			return ds[k]
		}
	}
	return nil
}

// once returns the string a variable is assigned, when the script assigns
// it exactly once and that is a string literal.
func (s *script) once(name string) (token, bool) {
	ds := s.defs[name]
	if len(ds) != 1 || ds[0].k != dString {
		return token{}, false
	}
	return s.toks[ds[0].val], true
}

// withEdits returns the hashtable of d with the edits made before token
// at applied (a copy: d's node is shared). An edit that cannot be applied
// simply (a path through something that is not a literal hashtable, a
// value that cannot be read) is ignored.
func (s *script) withEdits(d *def, at int) *node {
	root := d.node
	if root == nil || root.k != nObject {
		return root
	}
	for _, e := range d.edits {
		if e.tok >= at {
			break
		}
		val, next, err := s.expr(e.val, e.end, false)
		if err != nil || next != e.end {
			continue
		}
		root = setPath(root, e.path, entry{key: e.path[len(e.path)-1], keySpan: e.keySpan, val: val})
	}
	return root
}

// setPath returns a copy of obj with e set at path (the last element is
// e's key); obj itself when the path does not lead through literal
// hashtables.
func setPath(obj *node, path []string, e entry) *node {
	c := *obj
	c.entries = append([]entry(nil), obj.entries...)
	if len(path) == 1 {
		c.set(e)
		return &c
	}
	i := c.get(path[0])
	if i < 0 || c.entries[i].val.k != nObject {
		return obj
	}
	c.entries[i].val = setPath(c.entries[i].val, path[1:], e)
	return &c
}
