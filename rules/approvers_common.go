package rules

import (
	"strconv"
	"strings"

	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

// approvalStage is one object of a policy's approval stages.
type approvalStage struct {
	obj node
	ptr string
	n   int // 1-based, as people number stages
	// approvers are the stage's primary [0] and escalation [1] approvers,
	// each with its v1.0 fallback list: read once, for the many rules that
	// look at them (approversOf).
	approvers [2]struct{ main, fallback []subjectItem }
}

// stagesOf lists the object elements of the policy's stages.
func stagesOf(v approvalView) []approvalStage { return v.stageList }

// readStages reads the object elements of the stages, with their approvers.
func readStages(s Shape, v approvalView) []approvalStage {
	if !v.stages.IsArray() {
		return nil
	}
	var out []approvalStage
	for i, obj := range v.stages.Elems() {
		if !obj.IsObject() {
			continue
		}
		st := approvalStage{obj: obj, ptr: pointer.Index(v.stagesPtr, i), n: i + 1}
		for j, escalation := range []bool{false, true} {
			list, fb := approverKeys(s, escalation)
			st.approvers[j].main = subjectItems(obj.Member(list), pointer.Join(st.ptr, list))
			if fb != "" {
				st.approvers[j].fallback = subjectItems(obj.Member(fb), pointer.Join(st.ptr, fb))
			}
		}
		out = append(out, st)
	}
	return out
}

// requiredStages returns the approval settings and stages of a policy that
// requires approval. Stages of a policy that does not are ignored by Graph
// (stages-without-approval says so), so most stage rules check no further.
func requiredStages(pass *Pass) (approvalView, []approvalStage, bool) {
	v, ok := approvalSettingsOf(pass)
	if !ok || v.requiringFlag() == "" {
		return v, nil, false
	}
	return v, stagesOf(v), true
}

// approverKeys are a stage's approver collections in a shape. v1.0 keeps
// fallback approvers in their own lists; beta marks them isBackup in the
// same list.
func approverKeys(s Shape, escalation bool) (list, fallback string) {
	if escalation {
		list, fallback = "escalationApprovers", "fallbackEscalationApprovers"
	} else {
		list, fallback = "primaryApprovers", "fallbackPrimaryApprovers"
	}
	if s == BetaPolicy {
		fallback = ""
	}
	return list, fallback
}

// approversOf lists the approvers of a stage's primary (or escalation)
// collection, and of its v1.0 fallback collection.
func approversOf(st approvalStage, escalation bool) (main, fallback []subjectItem) {
	a := st.approvers[0]
	if escalation {
		a = st.approvers[1]
	}
	return a.main, a.fallback
}

// hasFallback reports whether a stage names someone to ask when a dynamic
// approver (manager, sponsor) cannot be resolved: a v1.0 fallback list entry,
// or a beta approver marked isBackup.
func hasFallback(s Shape, st approvalStage, escalation bool) bool {
	main, fallback := approversOf(st, escalation)
	if s != BetaPolicy {
		return len(fallback) > 0
	}
	for _, a := range main {
		if isTrueFlag(Get(a.obj, "isBackup")) {
			return true
		}
	}
	return false
}

// dynamicApprovers are resolved per request from the requestor, and may
// resolve to nobody (no manager, no sponsor).
var dynamicApprovers = map[string]bool{
	"requestorManager":   true,
	"internalSponsors":   true,
	"externalSponsors":   true,
	"targetUserSponsors": true,
}

// managerLevelOf is a requestorManager's managerLevel: 1 when absent or null
// (the documented default), 0 when it is not a number (the schema reports it).
func managerLevelOf(item gjson.Result) int {
	v := Get(item, "managerLevel")
	switch v.Type {
	case gjson.Null:
		return 1
	case gjson.Number:
		return int(v.Int())
	case gjson.String:
		if n, err := strconv.Atoi(strings.TrimSpace(v.Str)); err == nil {
			return n
		}
		return 0
	}
	if !v.Exists() {
		return 1
	}
	return 0
}

// dayTimeSeconds parses an ISO 8601 duration of days and time
// (P14D, PT12H, P1DT6H30M, PT0S) into seconds. Durations with years,
// months or weeks, which Edm.Duration does not take, and malformed
// values give ok=false: the schema reports those.
func dayTimeSeconds(s string) (secs float64, ok bool) {
	rest, found := strings.CutPrefix(s, "P")
	if !found || rest == "" {
		return 0, false
	}
	date, tm, hasT := strings.Cut(rest, "T")
	if hasT && tm == "" {
		return 0, false
	}
	parse := func(part string, units map[byte]float64) bool {
		for part != "" {
			i := strings.IndexAny(part, "DHMS")
			if i <= 0 {
				return false
			}
			n, err := strconv.ParseFloat(part[:i], 64)
			u, known := units[part[i]]
			if err != nil || !known || n < 0 {
				return false
			}
			secs += n * u
			part = part[i+1:]
		}
		return true
	}
	if !parse(date, map[byte]float64{'D': 86400}) ||
		!parse(tm, map[byte]float64{'H': 3600, 'M': 60, 'S': 1}) {
		return 0, false
	}
	return secs, true
}

// strandedApprover returns the first approver of a stage's primary (or
// escalation) collection when every approver there is dynamic and the stage
// names no fallback: a request whose manager or sponsor cannot be found then
// has nobody to go to.
func strandedApprover(s Shape, st approvalStage, escalation bool) (subjectItem, bool) {
	main, _ := approversOf(st, escalation)
	if len(main) == 0 || hasFallback(s, st, escalation) {
		return subjectItem{}, false
	}
	for _, a := range main {
		if !dynamicApprovers[a.typ] {
			return subjectItem{}, false
		}
	}
	return main[0], true
}

// fallbackAdvice says how a shape adds a fallback approver.
func fallbackAdvice(s Shape, escalation bool) string {
	if s == BetaPolicy {
		return "add a `singleUser` or `groupMembers` approver with `isBackup: true` to the same list"
	}
	_, fb := approverKeys(s, escalation)
	return "add a user or group in `" + fb + "`"
}

// numberOf reads a number, or a numeric string as some docs examples send
// (the schema reports the type).
func numberOf(v gjson.Result) (float64, bool) {
	switch v.Type {
	case gjson.Number:
		return v.Num, true
	case gjson.String:
		f, err := strconv.ParseFloat(strings.TrimSpace(v.Str), 64)
		return f, err == nil
	}
	return 0, false
}
