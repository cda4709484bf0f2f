package describe

import (
	"fmt"
	"strings"
)

// Change is one fact that differs between a body's base and its new
// version, in the terms describe uses. Widening says the change gives
// access to more people, for longer, or with less scrutiny.
type Change struct {
	Fact     string `json:"fact"`
	Before   string `json:"before"`
	After    string `json:"after"`
	Widening bool   `json:"widening"`
	Why      string `json:"why,omitempty"` // what widens, for a widening change
}

// Diff compares the facts of a body at a base revision with its facts
// now. Widening changes come first, then the others, each in reading
// order. A body new at HEAD has no base (before is nil): everything it
// grants is new; a removed body has no after.
func Diff(before, after *Facts) []Change {
	var w, other []Change
	add := func(c Change) {
		if c.Before == c.After {
			return
		}
		if c.Widening {
			w = append(w, c)
		} else {
			other = append(other, c)
		}
	}
	switch {
	case before == nil && after == nil:
		return nil
	case before == nil:
		c := Change{Fact: "body", Before: "none", After: "a new " + after.Kind}
		if after.Policy != nil {
			c.Widening, c.Why = true, "a new policy lets "+after.Policy.Scope+" request access"
		}
		add(c)
		return append(w, other...)
	case after == nil:
		add(Change{Fact: "body", Before: "a " + before.Kind, After: "removed"})
		return other
	}
	if p, q := before.Policy, after.Policy; p != nil && q != nil {
		diffPolicy(p, q, add)
	}
	if p, q := before.Request, after.Request; p != nil && q != nil {
		add(Change{Fact: "request type", Before: p.Type, After: q.Type})
		add(Change{Fact: "target", Before: targetWords(p), After: targetWords(q)})
		add(Change{Fact: "access package", Before: orNone(p.AccessPackage), After: orNone(q.AccessPackage)})
		add(Change{Fact: "policy", Before: orNone(p.Policy), After: orNone(q.Policy)})
		add(Change{Fact: "expiry", Before: orNone(p.Expiry), After: orNone(q.Expiry),
			Widening: longer(p.expiryDays, q.expiryDays), Why: "the requested access lasts longer"})
		add(Change{Fact: "justification", Before: orNone(p.Justification), After: orNone(q.Justification)})
	}
	if before.Kind != after.Kind {
		add(Change{Fact: "kind", Before: before.Kind, After: after.Kind})
	}
	return append(w, other...)
}

func targetWords(r *Request) string {
	if r.Target != nil {
		return r.Target.Words
	}
	return orNone(r.TargetID)
}

func diffPolicy(p, q *Policy, add func(Change)) {
	add(Change{Fact: "name", Before: orNone(p.Name), After: orNone(q.Name)})
	add(Change{Fact: "access package", Before: orNone(p.AccessPackage), After: orNone(q.AccessPackage)})
	add(Change{Fact: "requests open to", Before: p.Scope, After: q.Scope,
		Widening: scopeRank(q.ScopeValue) > scopeRank(p.ScopeValue), Why: "the scope admits more people"})
	added, removed := subjectChanges(p.Targets, q.Targets)
	if len(added) > 0 || len(removed) > 0 {
		add(Change{Fact: "specific requestors", Before: list(wordsOf(p.Targets)), After: list(wordsOf(q.Targets)),
			Widening: len(added) > 0, Why: "added: " + list(added)})
	}
	add(Change{Fact: "requestors may", Before: requestorRights(p), After: requestorRights(q),
		Widening: (!p.SelfRequest && q.SelfRequest) || (!p.SelfExtend && q.SelfExtend), Why: "requestors may do more themselves"})
	added, _ = subjectChanges(p.OnBehalf, q.OnBehalf)
	add(Change{Fact: "on behalf of others", Before: list(wordsOf(p.OnBehalf)), After: list(wordsOf(q.OnBehalf)),
		Widening: len(added) > 0, Why: "more people may request for others"})
	add(Change{Fact: "approval of new requests", Before: approvalSummary(p.Approval.ForAdd, p.Approval), After: approvalSummary(q.Approval.ForAdd, q.Approval),
		Widening: p.Approval.ForAdd && (!q.Approval.ForAdd || len(q.Approval.Stages) < len(p.Approval.Stages) || (p.Approval.RequestorJustification && !q.Approval.RequestorJustification)),
		Why:      approvalWhy(p.Approval, q.Approval, p.Approval.ForAdd, q.Approval.ForAdd)})
	add(Change{Fact: "approval of updates", Before: approvalSummary(p.Approval.ForUpdate, p.Approval), After: approvalSummary(q.Approval.ForUpdate, q.Approval),
		Widening: p.Approval.ForUpdate && !q.Approval.ForUpdate, Why: "extensions are granted without approval"})
	for i := 0; i < max(len(p.Approval.Stages), len(q.Approval.Stages)); i++ {
		fact := fmt.Sprintf("approval stage %d", i+1)
		switch {
		case i >= len(q.Approval.Stages):
			add(Change{Fact: fact, Before: stageWords(p.Approval.Stages[i]), After: "removed", Widening: p.Approval.ForAdd, Why: "one approval fewer"})
		case i >= len(p.Approval.Stages):
			add(Change{Fact: fact, Before: "none", After: stageWords(q.Approval.Stages[i])})
		default:
			s, t := p.Approval.Stages[i], q.Approval.Stages[i]
			_, removed := subjectChanges(s.Approvers, t.Approvers)
			why := ""
			switch {
			case len(removed) > 0:
				why = "approvers removed: " + list(removed)
			case s.ApproverJustification && !t.ApproverJustification:
				why = "approvers no longer justify their decision"
			case longer(s.timeoutDays, t.timeoutDays):
				why = "a request waits longer before it is denied"
			}
			add(Change{Fact: fact, Before: stageWords(s), After: stageWords(t), Widening: why != "", Why: why})
		}
	}
	add(Change{Fact: "access expires", Before: p.Expiry, After: q.Expiry, Widening: longer(p.expiryDays, q.expiryDays), Why: "access lasts longer"})
	add(Change{Fact: "custom schedules", Before: yesNo(p.CustomSchedule), After: yesNo(q.CustomSchedule),
		Widening: !p.CustomSchedule && q.CustomSchedule, Why: "requestors may pick their own end date"})
	add(Change{Fact: "access reviews", Before: reviewWords(p.Review), After: reviewWords(q.Review),
		Widening: reviewWider(p.Review, q.Review), Why: reviewWhy(p.Review, q.Review)})
	add(Change{Fact: "questions", Before: questionWords(p.Questions), After: questionWords(q.Questions)})
	add(Change{Fact: "automatic assignment", Before: automaticWords(p.Automatic), After: automaticWords(q.Automatic),
		Widening: p.Automatic == nil && q.Automatic != nil && q.Automatic.RequestForTargets, Why: "access is now assigned automatically"})
}

func stageWords(s Stage) string {
	lines := stageLines(Approval{ForAdd: true, Stages: []Stage{s}})
	return strings.TrimPrefix(lines[0], "stage 1: ")
}

func reviewWords(r *Review) string {
	if r == nil {
		return "none"
	}
	return reviewSummary(r) + "; " + strings.Join(reviewLines(r), "; ")
}

func questionWords(qs []Question) string {
	if len(qs) == 0 {
		return "none"
	}
	return strings.Join(questionLines(qs), "; ")
}

func automaticWords(a *Automatic) string {
	if a == nil {
		return "none"
	}
	return fmt.Sprintf("requests access for the targets: %s; removes access when a target leaves: %s", yesNo(a.RequestForTargets), yesNo(a.RemoveWhenTargetLeft))
}

func approvalWhy(p, q Approval, pAdd, qAdd bool) string {
	switch {
	case pAdd && !qAdd:
		return "approval removed: requests are granted without one"
	case len(q.Stages) < len(p.Stages):
		return "fewer approval stages"
	case p.RequestorJustification && !q.RequestorJustification:
		return "requestors no longer justify their request"
	}
	return ""
}

// reviewWider reports whether reviews were removed, became rarer, or now
// keep access when nobody decides.
func reviewWider(p, q *Review) bool { return reviewWhy(p, q) != "" }

func reviewWhy(p, q *Review) string {
	switch {
	case p == nil:
		return ""
	case q == nil:
		return "access reviews disabled"
	case q.everyDays > p.everyDays:
		return "access is reviewed less often"
	case p.NoDecision == noDecision["removeAccess"] && q.NoDecision != p.NoDecision:
		return "access is no longer removed when nobody decides"
	}
	return ""
}

// subjectChanges lists the principals added and removed, by their words.
func subjectChanges(before, after []Subject) (added, removed []string) {
	in := func(s Subject, list []Subject) bool {
		for _, x := range list {
			if x.Type == s.Type && x.ID == s.ID && x.Words == s.Words {
				return true
			}
		}
		return false
	}
	for _, s := range after {
		if !in(s, before) {
			added = append(added, s.Words)
		}
	}
	for _, s := range before {
		if !in(s, after) {
			removed = append(removed, s.Words)
		}
	}
	return added, removed
}

// scopeRank orders v1.0 scopes by how many people they admit.
func scopeRank(scope string) int {
	switch scope {
	case "", "notSpecified":
		return 0
	case "specificDirectoryUsers", "specificConnectedOrganizationUsers", "specificDirectoryServicePrincipals":
		return 1
	case "allMemberUsers", "allDirectoryServicePrincipals":
		return 2
	case "allDirectoryUsers", "allConfiguredConnectedOrganizationUsers":
		return 3
	case "allExternalUsers":
		return 4
	}
	return 0
}

// longer reports whether a number of days (-1: not known) grows.
func longer(before, after float64) bool { return before >= 0 && after >= 0 && after > before }
