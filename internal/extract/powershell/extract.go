package powershell

import (
	"bytes"
	"sort"
	"strings"

	"github.com/emlint/emlint/internal/payload"
)

// catchPanics turns a panic into "no more bodies" in production; tests
// switch it off so that the fuzzer sees them.
var catchPanics = true

// Extract returns the request bodies of a PowerShell script, in file
// order. text is UTF-8 (a BOM and CRLF line ends are fine); all offsets
// are byte offsets into text.
func Extract(text []byte) (bodies []payload.Body) {
	if !worthScanning(text) {
		return nil
	}
	if catchPanics {
		defer func() {
			if recover() != nil {
				bodies = nil
			}
		}()
	}
	s := newScript(text)
	for _, c := range s.calls {
		if s.functions[strings.ToLower(s.str(c))] {
			continue // the script's own function of that name: its bodies are found by their properties
		}
		spec := cmdlets[strings.ToLower(s.str(c))]
		if spec.raw {
			s.rawCall(c, spec)
		} else {
			s.typedCall(c, spec)
		}
	}
	s.outOfSight()
	sort.SliceStable(s.out, func(i, j int) bool { return s.out[i].Range.Start < s.out[j].Range.Start })
	return s.out
}

// worthScanning is the first gate, a few byte searches: a body is only
// ever emitted for a call that names entitlement management (every cmdlet
// does, and so does every URL emlint lints, or at least its collection) or
// for a hashtable or JSON text with two of a policy's or a request's own
// keys. Most scripts have neither, and cost no tokenizing at all.
func worthScanning(text []byte) bool {
	lower := bytes.ToLower(text)
	for _, marker := range []string{"entitlementmanagement", "assignmentpolicies", "assignmentrequests"} {
		if bytes.Contains(lower, []byte(marker)) {
			return true
		}
	}
	n := 0
	for k := range strong {
		if bytes.Contains(lower, []byte(k)) {
			if n++; n >= 2 {
				return true
			}
		}
	}
	return false
}

// strong are root keys that make a hashtable look like a policy or a
// request (lower case).
var strong = map[string]bool{}

func init() {
	for _, k := range []string{
		// policy
		"accessPackageId", "accessPackage", "requestorSettings", "requestApprovalSettings", "accessReviewSettings",
		"reviewSettings", "allowedTargetScope", "specificAllowedTargets", "automaticRequestSettings", "durationInDays",
		"expiration", "canExtend", "customExtensionStageSettings", "customExtensionHandlers", "questions",
		// request
		"requestType", "assignment", "accessPackageAssignment", "answers", "isValidationOnly", "schedule",
	} {
		strong[strings.ToLower(k)] = true
	}
}

// outOfSight emits the hashtables that look like a policy or a request but
// were not found at a call site: Fingerprint, Via ViaUnknown.
func (s *script) outOfSight() { s.sweep(0, len(s.toks)) }

// sweep considers the outermost hashtables in tokens [a, b), last first
// (a later body may inline an earlier variable, which is then used), and
// looks inside those that do not qualify.
func (s *script) sweep(a, b int) {
	var tops []int
	for i := a; i < b; i++ {
		if s.toks[i].k == tHashOpen {
			tops = append(tops, i)
			if m := s.toks[i].match; m > i {
				i = m
			}
		}
	}
	for k := len(tops) - 1; k >= 0; k-- {
		i := tops[k]
		if s.used[s.toks[i].start] {
			continue
		}
		d := s.hashDef(i)
		if d != nil && s.splatted[d.name] {
			continue // a table of parameters
		}
		if s.strongKeys(i, d) >= 2 {
			base := payload.Body{Syntax: payload.PowerShell, Via: payload.ViaUnknown, Fingerprint: true}
			switch {
			case d != nil && d.err != nil:
				s.unreadable(base, d.err, s.valueSpan(d))
			case d != nil && d.node != nil:
				s.emitObject(base, s.withEdits(d, s.nextDef(d)), i, nil)
			default:
				n, _, err := s.hashtable(i)
				if err != nil {
					end := len(s.text)
					if m := s.toks[i].match; m > i {
						end = s.toks[m].end
					}
					s.unreadable(base, err, payload.Span{Start: s.toks[i].start, End: end})
				} else {
					s.emitObject(base, n, i, nil)
				}
			}
			continue
		}
		if m := s.toks[i].match; m > i {
			s.sweep(i+1, m)
		}
	}
}

// hashDef returns the assignment whose value is the hashtable at token i.
func (s *script) hashDef(i int) *def {
	return s.hashDefs[s.toks[i].start]
}

// nextDef returns the token of the next assignment of d's variable (edits
// before it belong to d).
func (s *script) nextDef(d *def) int {
	for _, o := range s.defs[d.name] {
		if o.tok > d.tok {
			return o.tok
		}
	}
	return len(s.toks)
}

// strongKeys counts the distinct root keys of the hashtable at token i
// (and of d's edits) that say policy or request, by a token walk that
// works even when the hashtable cannot be read.
func (s *script) strongKeys(i int, d *def) int {
	seen := map[string]bool{}
	add := func(k string) {
		if l := strings.ToLower(k); strong[l] {
			seen[l] = true
		}
	}
	end := s.toks[i].match
	if end < 0 {
		end = len(s.toks)
	}
	for j := i + 1; j+1 < end; j++ {
		prev := s.toks[j-1].k
		if (prev == tHashOpen && j == i+1 || prev == tNewline || prev == tSemi) && s.toks[j+1].k == tAssign {
			if k, ok := s.key(j); ok {
				add(k)
			}
		}
		if m := s.toks[j].match; m > j {
			j = m
		}
	}
	if d != nil {
		for _, e := range d.edits {
			if len(e.path) == 1 {
				add(e.path[0])
			}
		}
	}
	return len(seen)
}
