package powershell

import (
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/payload"
)

// paramIs reports whether a parameter name as written (lower case) names
// full: PowerShell accepts any unambiguous prefix; min is the shortest
// prefix taken as unambiguous here.
func paramIs(l, full string, min int) bool {
	return len(l) >= min && strings.HasPrefix(full, l)
}

var httpMethods = map[string]bool{"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true,
	"HEAD": true, "OPTIONS": true, "TRACE": true, "MERGE": true}

// rawCall reads Invoke-MgGraphRequest, Invoke-RestMethod or
// Invoke-WebRequest at token c: -Method, -Uri (or the first positional
// argument), -Body (Invoke-MgGraphRequest also takes it from the
// pipeline), or a splatted table of those.
func (s *script) rawCall(c int, spec cmdlet) {
	a := s.args(c)
	graph := spec.name == "Invoke-MgGraphRequest"
	var method, uri, body *node
	take := func(name string, v *node) {
		switch l := strings.ToLower(name); {
		case paramIs(l, "method", 2):
			method = v
		case paramIs(l, "uri", 2):
			uri = v
		case paramIs(l, "body", 2):
			body = v
		}
	}
	for _, sp := range a.splats {
		d := s.lookup(varName(s.str(sp)), c)
		if d == nil || d.k != dHash || d.err != nil {
			continue
		}
		s.markDef(d)
		for _, e := range s.withEdits(d, c).entries {
			take(e.key, e.val)
		}
	}
	for _, p := range a.named {
		if p.val != nil {
			take(p.name, p.val)
		}
	}
	for _, v := range a.pos {
		switch {
		case graph && method == nil && v.k == nString && httpMethods[strings.ToUpper(v.str)]:
			method = v
		case uri == nil:
			uri = v
		case graph && body == nil:
			body = v
		}
	}
	if body == nil && graph {
		body = s.piped(c)
	}
	if body == nil {
		return
	}
	src, ok := s.resolve(body, c)

	verb, methodSpan, known := "GET", s.span(c), true
	if method != nil {
		methodSpan = method.span
		v, ok := s.stringValue(method)
		verb, known = strings.ToUpper(v), ok
	}
	if !ok {
		s.unfollowed(spec, body, verb, methodSpan, uri, c)
		return
	}
	if verb == "GET" || src.asHash {
		s.claim(src, c) // a query, or a dictionary Invoke-MgGraphRequest serializes itself
		return
	}
	if !known {
		verb = ""
	}

	url, urlSpan, literal, resolved := s.resolveURL(uri, c)
	base := payload.Body{Syntax: payload.PowerShell, Via: spec.name, Method: verb, URL: url}
	if !resolved {
		at := urlSpan
		if uri == nil {
			at = s.span(c)
		}
		base.Fingerprint = true
		base.Problems = []payload.Problem{{Rule: payload.RuleFingerprint, Severity: finding.Info, Span: at,
			Message: "emlint cannot resolve this URL (a variable or expression it does not follow), so the body's shape comes from its properties"}}
	} else {
		m := verb
		if !known {
			m = "POST" // the method is a variable: judge the URL, not the method
		}
		e := payload.Classify(m, methodSpan, url, urlSpan, literal, "")
		if !e.EM {
			s.claim(src, c) // not an entitlement-management call: not ours
			return
		}
		for _, p := range e.Problems {
			if known || p.Rule != payload.RuleMethod && p.Rule != payload.RulePolicyPatch {
				base.Problems = append(base.Problems, p)
			}
		}
		base.API, base.Kind, base.Lint = e.API, e.Kind, e.Lint
		for _, p := range base.Problems {
			if p.Rule == payload.RuleURL && !e.Lint {
				base.Fingerprint = true // an unknown collection: the body says what it is
			}
		}
		if !base.Lint && !base.Fingerprint && len(base.Problems) == 0 {
			s.claim(src, c) // another entitlement-management collection
			return
		}
	}
	if !graph && src.pipe == nil && (src.obj != nil || src.objErr != nil) {
		// Invoke-RestMethod and Invoke-WebRequest send a dictionary -Body as
		// form fields (a=1&b=2), whatever -ContentType says; only
		// Invoke-MgGraphRequest serializes one to JSON.
		base.Problems = append(base.Problems, payload.Problem{Rule: payload.RuleFormBody, Severity: finding.Error, Span: body.span,
			Message: spec.name + " sends a hashtable -Body as form fields (key=value&...), not as JSON, so Graph cannot read it: pass ($body | ConvertTo-Json -Depth 10), or use Invoke-MgGraphRequest"})
	}
	s.emitSource(base, src, c)
}

// unfollowed reports, as an unreadable body, a body variable that the
// script builds in a way the scanner does not follow (`$body += ...`, a
// loop, a function's result) when it is sent to a collection emlint lints:
// the body is not linted, and the info says so. A variable the script
// never assigns (a function's parameter) is a wrapper's: its callers'
// hashtables are found by their properties.
func (s *script) unfollowed(spec cmdlet, body *node, verb string, methodSpan payload.Span, uri *node, c int) {
	if verb == "GET" || body.k != nVar || len(s.defs[varName(body.str)]) == 0 {
		return
	}
	url, urlSpan, literal, resolved := s.resolveURL(uri, c)
	if !resolved {
		return
	}
	e := payload.Classify(verb, methodSpan, url, urlSpan, literal, "")
	if !e.Lint {
		return
	}
	s.out = append(s.out, payload.Body{Syntax: payload.PowerShell, Via: spec.name, Method: verb, URL: url, API: e.API, Kind: e.Kind,
		Lint: true, Problems: e.Problems, Range: body.span,
		Unreadable: "the body `" + s.str(body.tok) + "` is built in a way emlint does not follow (`+=`, a loop, a function's result): only literal bodies are linted"})
}

// claim marks the hashtable of a body the scanner will not emit, so that
// it is not reported as a body whose call is out of sight.
func (s *script) claim(src source, at int) {
	if src.pipe != nil {
		if in, ok := s.resolve(src.pipe.input, at); ok {
			src = in
		}
	}
	if src.obj != nil {
		t := s.newTx(at)
		t.value(src.obj, 0, "") // marks nested and inlined literals too
	}
	s.used[src.span.Start] = true
}

// stringValue is the value of a literal string, a bareword or a variable
// assigned one literal string once.
func (s *script) stringValue(n *node) (string, bool) {
	switch n.k {
	case nString:
		return n.str, true
	case nVar:
		if t, ok := s.once(n.str); ok {
			v, expands := decode(s.text, t)
			return v, !expands
		}
	}
	return "", false
}

// resolveURL reads a -Uri argument: the URL as far as it can be resolved,
// where it is written, whether the file holds it verbatim there, and
// whether it is resolved enough to classify (everything up to the
// collection segment is known).
func (s *script) resolveURL(n *node, at int) (url string, sp payload.Span, literal, ok bool) {
	if n == nil {
		return "", payload.Span{}, false, false
	}
	sp = n.span
	if n.tok >= 0 {
		t := s.toks[n.tok]
		switch {
		case t.k == tWord && n.k == nString:
			return n.str, sp, n.str == s.str(n.tok), true
		case (t.k == tString || t.k == tHere) && (n.k == nString || n.k == nPlaceholder):
			u, unres := s.expand(t, 0)
			if len(unres) == 0 && u == string(s.text[t.cStart:t.cEnd]) {
				return u, payload.Span{Start: t.cStart, End: t.cEnd}, true, true
			}
			return u, sp, false, urlResolved(u, unres)
		case n.k == nVar:
			if vt, found := s.once(n.str); found {
				u, unres := s.expand(vt, 1)
				return u, sp, false, urlResolved(u, unres)
			}
		}
	}
	return string(s.text[sp.Start:sp.End]), sp, false, false
}

// expand evaluates a string for its URL: variables assigned one literal
// string once are substituted (recursively); anything else stays as
// written, and unres lists where (in the result).
func (s *script) expand(t token, depth int) (string, [][2]int) {
	var unres [][2]int
	v := unquote(s.text, t, func(out, raw []byte) []byte {
		name := ""
		switch r := string(raw); {
		case strings.HasPrefix(r, "${") && strings.HasSuffix(r, "}"):
			name = varName(r[2 : len(r)-1])
		case len(r) > 1 && isNameByte(r[1]):
			name = varName(r)
		}
		if vt, found := s.once(name); found && name != "" && depth < 8 {
			v, u := s.expand(vt, depth+1)
			for _, x := range u {
				unres = append(unres, [2]int{x[0] + len(out), x[1] + len(out)})
			}
			return append(out, v...)
		}
		unres = append(unres, [2]int{len(out), len(out) + len(raw)})
		return append(out, raw...)
	})
	return string(v), unres
}

// urlResolved reports whether a URL with unresolved parts is still known
// well enough: it names an entitlement-management collection that no
// unresolved part touches (an unresolved id after it is fine, and so is an
// unresolved base before identityGovernance).
func urlResolved(u string, unres [][2]int) bool {
	i := strings.Index(u, emBase)
	if i < 0 {
		return len(unres) == 0
	}
	rest := u[i+len(emBase):]
	k := strings.IndexAny(rest, "/?#(")
	if k < 0 {
		k = len(rest)
	}
	segEnd := i + len(emBase) + k
	for _, r := range unres {
		if r[0] < segEnd && r[1] > i {
			return false
		}
	}
	return k > 0
}
