package powershell

import (
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/payload"
	"github.com/emlint/emlint/schemas"
)

// param is a named argument of a command: -Name value, -Name:value, or a
// switch -Name.
type param struct {
	name    string       // as written, without `-` and `:`
	span    payload.Span // the name as written, without `-` and `:`
	val     *node        // nil for a switch written bare
	err     error        // the value could not be read
	valSpan payload.Span
}

// cmdArgs are the arguments of one command.
type cmdArgs struct {
	named  []param
	pos    []*node
	splats []int // token indices of @name
	end    int   // token index after the command
}

// args reads the arguments of the command named at token c, up to the end
// of the command (a pipe, a newline, `;`, a closer).
func (s *script) args(c int) cmdArgs {
	a := cmdArgs{end: s.cmdEnd(c + 1)}
	for j := c + 1; j < a.end; {
		t := s.toks[j]
		w := s.str(j)
		switch {
		case t.k == tNewline:
			j++
		case t.k == tSplat:
			a.splats = append(a.splats, j)
			j++
		case t.k == tWord && len(w) > 1 && w[0] == '-' && !isDigit(w[1]) && w[1] != '-':
			name := strings.TrimSuffix(w[1:], ":")
			p := param{name: name, span: payload.Span{Start: t.start + 1, End: t.start + 1 + len(name)}}
			j++
			attached := strings.HasSuffix(w, ":")
			if !attached && (switches[strings.ToLower(name)] || j >= a.end || s.isParam(j)) {
				a.named = append(a.named, p)
				continue
			}
			val, next, err := s.expr(j, a.end, true)
			if err != nil {
				p.err = err
				j = s.skipArg(j, a.end)
			} else {
				p.val, p.valSpan = val, val.span
				j = next
			}
			a.named = append(a.named, p)
		default:
			val, next, err := s.expr(j, a.end, true)
			if err != nil {
				j = s.skipArg(j, a.end)
				continue
			}
			a.pos = append(a.pos, val)
			j = next
		}
	}
	return a
}

// isParam reports whether token j is a -Parameter.
func (s *script) isParam(j int) bool {
	w := s.str(j)
	return s.toks[j].k == tWord && len(w) > 1 && w[0] == '-' && !isDigit(w[1])
}

// skipArg skips an argument that cannot be read: to the next parameter.
func (s *script) skipArg(j, end int) int {
	for j++; j < end && !s.isParam(j); j++ {
		if m := s.toks[j].match; m > j {
			j = min(m, end-1)
		}
	}
	return j
}

// pipedFrom returns the first token of the pipeline element piped into the
// command at token c, and the pipe's index; ok is false when nothing is
// piped into it.
func (s *script) pipedFrom(c int) (start, pipe int, ok bool) {
	p := c - 1
	for p >= 0 && s.toks[p].k == tNewline {
		p--
	}
	if p < 0 || s.toks[p].k != tPipe {
		return 0, 0, false
	}
	i := p - 1
	for i >= 0 {
		t := s.toks[i]
		if t.k == tRParen || t.k == tRBrace || t.k == tRBracket {
			if t.match < 0 {
				break
			}
			i = t.match - 1
			continue
		}
		if t.k == tNewline || t.k == tSemi || t.k == tPipe || t.k == tAssign || t.k == tAmp ||
			t.k == tLParen || t.k == tSubExpr || t.k == tLBrace || t.k == tHashOpen || t.k == tArrayOpen || t.k == tLBracket {
			break
		}
		i--
	}
	if i+1 >= p {
		return 0, 0, false
	}
	return i + 1, p, true
}

// piped reads the value piped into the command at c, when it is one
// expression ($p, @{...}).
func (s *script) piped(c int) *node {
	start, pipe, ok := s.pipedFrom(c)
	if !ok {
		return nil
	}
	n, next, err := s.expr(start, pipe, false)
	if err != nil || next != pipe {
		return nil
	}
	return n
}

// jsonPipe is a ConvertTo-Json call: its input and its -Depth.
type jsonPipe struct {
	cmd      int // the ConvertTo-Json token
	input    *node
	depth    int  // the effective depth (2 by default)
	known    bool // the depth is a literal (or the default)
	explicit bool // -Depth is written
}

// convertTo reads the ConvertTo-Json call in tokens [a, b), or nil.
func (s *script) convertTo(a, b int) *jsonPipe {
	c := s.findWord(a, b, "ConvertTo-Json")
	if c < 0 {
		return nil
	}
	jp := &jsonPipe{cmd: c, depth: 2, known: true}
	args := s.args(c)
	for _, p := range args.named {
		switch l := strings.ToLower(p.name); {
		case l == "depth" || strings.HasPrefix("depth", l) && len(l) >= 2:
			jp.known, jp.explicit = false, true
			if p.val != nil && p.val.k == nNumber {
				if n, ok := atoi(p.val.str); ok {
					jp.depth, jp.known = n, true
				}
			}
		case l == "inputobject" || strings.HasPrefix("inputobject", l) && len(l) >= 2:
			jp.input = p.val
		}
	}
	if jp.input == nil && len(args.pos) > 0 {
		jp.input = args.pos[0]
	}
	if jp.input == nil {
		jp.input = s.piped(c)
	}
	return jp
}

func atoi(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || n > 1000 {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, s != ""
}

// profileBeta reports whether Select-MgProfile at token i selects beta.
func (s *script) profileBeta(i int) bool {
	a := s.args(i)
	var v *node
	for _, p := range a.named {
		if strings.EqualFold(p.name, "Name") {
			v = p.val
		}
	}
	if v == nil && len(a.pos) > 0 {
		v = a.pos[0]
	}
	return v != nil && v.k == nString && strings.EqualFold(v.str, "beta")
}

// group returns the tokens inside a parenthesized value ((...), $(...)),
// or ok false.
func (s *script) group(n *node) (a, b int, ok bool) {
	if n == nil || n.k != nPlaceholder || n.tok < 0 {
		return 0, 0, false
	}
	t := s.toks[n.tok]
	if (t.k != tLParen && t.k != tSubExpr) || t.match < 0 {
		return 0, 0, false
	}
	return n.tok + 1, t.match, true
}

// source is a body found at a call site: a hashtable, a JSON string, a
// ConvertTo-Json pipeline or a case-sensitive dictionary.
type source struct {
	obj    *node // a hashtable (with its edits)
	objErr error // the hashtable could not be read
	str    int   // token index of a string or here-string holding JSON, or -1
	pipe   *jsonPipe
	asHash bool // ConvertFrom-Json -AsHashtable
	span   payload.Span
}

// resolve follows a body argument to what it holds at token at.
func (s *script) resolve(n *node, at int) (source, bool) {
	src := source{str: -1, span: n.span}
	switch n.k {
	case nObject:
		src.obj = n
		return src, true
	case nString:
		if n.tok >= 0 && (s.toks[n.tok].k == tString || s.toks[n.tok].k == tHere) {
			src.str = n.tok
			return src, true
		}
	case nPlaceholder:
		if n.tok >= 0 && (s.toks[n.tok].k == tString || s.toks[n.tok].k == tHere) {
			src.str = n.tok // "...$x..." holding JSON: the variables are placeholders
			return src, true
		}
		a, b, ok := s.group(n)
		if !ok {
			return src, false
		}
		if s.asHashtable(a, b) {
			src.asHash = true
			return src, true
		}
		if jp := s.convertTo(a, b); jp != nil && jp.input != nil {
			src.pipe = jp
			return src, true
		}
		if inner, next, err := s.expr(a, b, false); err == nil && next == b && inner.k != nPlaceholder {
			return s.resolve(inner, at)
		}
	case nVar:
		d := s.lookup(n.str, at)
		if d == nil {
			return src, false
		}
		switch d.k {
		case dHash:
			s.markDef(d)
			src.obj, src.objErr = s.withEdits(d, at), d.err
			src.span = s.valueSpan(d)
			return src, true
		case dString:
			src.str = d.val
			src.span = s.span(d.val)
			return src, true
		case dJSON:
			if d.pipe != nil && d.pipe.input != nil {
				src.pipe = d.pipe
				return src, true
			}
		case dAsHash:
			src.asHash = true
			return src, true
		}
	}
	return src, false
}

// valueSpan is the extent of the value of an assignment.
func (s *script) valueSpan(d *def) payload.Span {
	if d.node != nil {
		return d.node.span
	}
	if d.val >= len(s.toks) || d.end <= d.val {
		return payload.Span{Start: s.toks[d.tok].start, End: s.toks[d.tok].end}
	}
	return payload.Span{Start: s.toks[d.val].start, End: s.toks[d.end-1].end}
}

// markDef marks the hashtable a variable is assigned as part of a body.
func (s *script) markDef(d *def) {
	if d.val < len(s.toks) {
		s.used[s.toks[d.val].start] = true
	}
	if d.node != nil {
		s.used[d.node.open.Start] = true
	}
}

// typedCall reads a typed SDK cmdlet call at token c.
func (s *script) typedCall(c int, spec cmdlet) {
	nameSpan := s.span(c)
	a := s.args(c)
	base := payload.Body{Syntax: payload.PowerShell, Via: spec.name, Typed: true, Method: spec.method,
		URL: spec.url, API: spec.api, Kind: spec.kind}
	if spec.profile && s.betaProfile(c) {
		base.API = schemas.Beta
		base.URL = "/beta" + spec.url
	}
	e := payload.Classify(spec.method, nameSpan, base.URL, nameSpan, false, "")
	base.Lint, base.Problems = e.Lint, e.Problems
	if spec.profile {
		beta := strings.Replace(spec.name, "-Mg", "-MgBeta", 1)
		base.Problems = append(base.Problems, payload.Problem{Rule: payload.RuleSDK1Cmdlet, Severity: finding.Warning, Span: nameSpan,
			Message: "`" + spec.name + "` is the Graph PowerShell SDK 1.x name of the beta cmdlet (Select-MgProfile beta): SDK 2 has no profiles, and there this name is not the beta cmdlet; use `" + beta + "` (module Microsoft.Graph.Beta.Identity.Governance)"})
	}

	// Parameters: splatted tables first, then those written out.
	var params []param
	for _, sp := range a.splats {
		d := s.lookup(varName(s.str(sp)), c)
		if d == nil || d.k != dHash {
			continue
		}
		s.markDef(d)
		if d.err != nil {
			s.unreadable(base, d.err, s.valueSpan(d))
			return
		}
		for _, en := range s.withEdits(d, c).entries {
			params = append(params, param{name: en.key, span: en.keySpan, val: en.val, valSpan: en.val.span})
		}
	}
	params = append(params, a.named...)

	var body *node
	expanded := &node{k: nObject, tok: -1, open: nameSpan,
		span: payload.Span{Start: nameSpan.Start, End: s.toks[max(a.end-1, c)].end}}
	expanded.close = payload.Span{Start: expanded.span.End, End: expanded.span.End}
	var extras []*node
	for _, p := range params {
		l := strings.ToLower(p.name)
		if p.err != nil && !notBody[l] {
			s.unreadable(base, p.err, s.commandSpan(c, a))
			return
		}
		switch {
		case len(l) >= 4 && strings.HasPrefix("bodyparameter", l):
			body = p.val
		case l == "additionalproperties":
			extras = append(extras, p.val)
		case notBody[l]:
		default:
			v := p.val
			if v == nil { // a switch: $true
				v = &node{k: nBool, b: true, tok: -1, span: p.span}
			}
			expanded.set(entry{key: lcFirst(p.name), keySpan: p.span, val: v})
		}
	}
	if spec.kind == schemas.Request {
		nestAssignment(expanded, base.API)
	}
	if body == nil {
		body = s.piped(c)
	}

	obj := expanded
	if body != nil {
		src, ok := s.resolve(body, c)
		if !ok {
			return // a body the scanner cannot see (a parameter, a function result)
		}
		switch {
		case src.asHash:
			s.caseHashtable(base, body.span)
			return
		case src.objErr != nil:
			s.unreadable(base, src.objErr, src.span)
			return
		case src.obj != nil:
			obj = src.obj
			if len(expanded.entries) > 0 {
				obj = merge(obj, expanded.entries)
			}
		default:
			s.emitSource(base, src, c)
			return
		}
	}
	for _, x := range extras {
		if x == nil {
			continue
		}
		if src, ok := s.resolve(x, c); ok && src.obj != nil {
			obj = merge(obj, src.obj.entries)
		}
	}
	if obj == expanded && len(expanded.entries) == 0 {
		return // no body at all (Get-style use, or only an id)
	}
	s.emitObject(base, obj, c, nil)
}

// nestAssignment moves the request cmdlets' convenience parameters
// -AccessPackageId, -AssignmentPolicyId, -TargetId and
// -AccessPackageAssignmentId (the assignment's id) (the SDK's help
// examples use them: New-MgBetaEntitlementManagementAccessPackageAssignmentRequest
// -RequestType UserAdd -AccessPackageId ... -TargetId ...) into the
// assignment they describe, where the cmdlet sends them.
func nestAssignment(obj *node, api schemas.API) {
	key := "accessPackageAssignment"
	if api == schemas.V1 {
		key = "assignment"
	}
	var moved, kept []entry
	for _, e := range obj.entries {
		switch strings.ToLower(e.key) {
		case "accesspackageid", "assignmentpolicyid", "targetid":
			moved = append(moved, e)
		case "accesspackageassignmentid": // the assignment to update or remove
			e.key = "id"
			moved = append(moved, e)
		default:
			kept = append(kept, e)
		}
	}
	if len(moved) == 0 {
		return
	}
	first, last := moved[0].keySpan, moved[len(moved)-1].val.span
	inner := &node{k: nObject, tok: -1, entries: moved,
		open:  payload.Span{Start: first.Start, End: first.Start},
		close: payload.Span{Start: last.End, End: last.End},
		span:  payload.Span{Start: first.Start, End: last.End}}
	obj.entries = kept
	obj.set(entry{key: key, keySpan: payload.Span{Start: first.Start, End: first.Start}, val: inner})
}

// commandSpan is the extent of the command at c.
func (s *script) commandSpan(c int, a cmdArgs) payload.Span {
	return payload.Span{Start: s.toks[c].start, End: s.toks[max(a.end-1, c)].end}
}

// merge returns obj with entries set (a copy).
func merge(obj *node, entries []entry) *node {
	c := *obj
	c.entries = append([]entry(nil), obj.entries...)
	for _, e := range entries {
		c.set(e)
	}
	return &c
}

// betaProfile reports whether the last Select-MgProfile before token c
// selects beta.
func (s *script) betaProfile(c int) bool {
	beta := false
	for _, p := range s.profiles {
		if p.tok < c {
			beta = p.beta
		}
	}
	return beta
}

// caseHashtable reports a case-sensitive dictionary given to a typed
// cmdlet: the cmdlet finds none of the declared properties and sends {}.
func (s *script) caseHashtable(base payload.Body, at payload.Span) {
	b := base
	b.Range = at
	b.Lint, b.Fingerprint = false, false
	b.Problems = append(append([]payload.Problem(nil), base.Problems...), payload.Problem{
		Rule: payload.RuleCaseHashtbl, Severity: finding.Error, Span: at,
		Message: "this body comes from ConvertFrom-Json -AsHashtable, a case-sensitive dictionary: " + base.Via +
			" matches none of its keys and sends {}; send the JSON text with Invoke-MgGraphRequest -Body instead, " +
			"or wrap it: [HashTable]::New($h, [StringComparer]::OrdinalIgnoreCase)",
	})
	s.out = append(s.out, b)
}

// unreadable emits a body the scanner cannot read.
func (s *script) unreadable(base payload.Body, err error, at payload.Span) {
	b := base
	b.Range = at
	b.Unreadable = err.Error()
	s.used[at.Start] = true
	s.out = append(s.out, b)
}
