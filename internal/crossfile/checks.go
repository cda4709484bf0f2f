package crossfile

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/emlint/emlint/internal/suggest"
	"github.com/emlint/emlint/schemas"
	"github.com/tidwall/gjson"
)

// checkRequest runs every check of a request against its policy.
func (c *checker) checkRequest(r *request, p *policy) {
	c.checkPackage(r, p)
	c.checkRequestType(r, p)
	c.checkAdminApproval(r, p)
	if !r.isRemove() { // answers on a remove request are another rule's concern
		c.checkAnswers(r, p)
		c.checkRequiredQuestions(r, p)
	}
	c.checkJustification(r, p)
	c.checkSchedule(r, p)
}

// answer is one element of a request's `answers`.
type answer struct {
	ptr      string
	qid      string // answeredQuestion.id, "" if not a usable string
	value    gjson.Result
	valuePtr string
}

func answersOf(r *request) []answer {
	var out []answer
	as := get(r.d.root, "answers")
	if !as.IsArray() {
		return nil
	}
	for i, a := range as.Array() {
		if !a.IsObject() {
			continue
		}
		ptr := pointer.Index("/answers", i)
		an := answer{ptr: ptr, value: get(a, "value"), valuePtr: pointer.Join(ptr, "value")}
		an.qid, _ = usableString(get(get(a, "answeredQuestion"), "id"))
		out = append(out, an)
	}
	return out
}

// describe names a question for a message: its id and, if it has one, its text.
func (q *question) describe() string {
	if q.text == "" {
		return fmt.Sprintf("question `%s`", q.id)
	}
	return fmt.Sprintf("question `%s` (%q)", q.id, q.text)
}

// checkRequiredQuestions reports the policy's required questions that a
// request for new access does not answer.
func (c *checker) checkRequiredQuestions(r *request, p *policy) {
	if !r.isAdd() || !p.hasQuestions {
		return
	}
	sev := finding.Error
	who := "the requestor must answer it"
	if r.typ == "adminAdd" {
		sev, who = finding.Warning, "an administrator answers it on the user's behalf"
	}
	answers := answersOf(r)
	for _, q := range p.questions {
		if !q.required || q.id == "" {
			continue
		}
		var given []answer
		for _, a := range answers {
			if strings.EqualFold(a.qid, q.id) {
				given = append(given, a)
			}
		}
		if len(given) == 0 {
			c.report(r.d, sev, RuleRequiredQuestion, "/answers", finding.Key,
				"%s is required by the policy in %s but not answered (%s): add an answer with `answeredQuestion.id` `%s`",
				q.describe(), p.d.at(q.ptr), who, q.id)
			continue
		}
		blank := true
		for _, a := range given {
			if a.value.Type == gjson.String && strings.TrimSpace(a.value.Str) != "" {
				blank = false
			}
		}
		if blank {
			c.report(r.d, sev, RuleRequiredQuestion, given[0].valuePtr, finding.Value,
				"%s is required by the policy in %s, and this answer gives no `value`: answer it",
				q.describe(), p.d.at(q.ptr))
		}
	}
}

// checkAnswers reports answers that name no question of the policy, choice
// answers outside the question's choices, and text answers that do not
// match the question's pattern.
func (c *checker) checkAnswers(r *request, p *policy) {
	if !p.hasQuestions {
		return
	}
	for _, a := range answersOf(r) {
		if a.qid == "" {
			continue
		}
		var q *question
		for _, cand := range p.questions {
			if cand.id != "" && strings.EqualFold(cand.id, a.qid) {
				q = cand
				break
			}
		}
		if q == nil {
			if p.questionsByID != nil {
				c.reportUnknownQuestion(r, p, a)
			}
			continue
		}
		if a.value.Type != gjson.String || strings.TrimSpace(a.value.Str) == "" {
			continue // a missing, blank or mistyped value is reported by other rules
		}
		switch {
		case q.choice && !q.multi && len(q.choices) > 0:
			if contains(q.choices, a.value.Str) {
				continue
			}
			hint := ""
			if s := suggest.Closest(a.value.Str, q.choices); s != "" {
				hint = fmt.Sprintf(" (did you mean `%s`?)", s)
			}
			c.report(r.d, finding.Warning, RuleChoiceValue, a.valuePtr, finding.Value,
				"`%s` is not a choice of %s in the policy in %s%s: the value of a choice answer is one of the choices' `actualValue`: %s",
				a.value.Str, q.describe(), p.d.at(q.ptr), hint, backquoted(q.choices))
		case q.textInput && q.pattern != "":
			re, err := regexp.Compile(q.pattern)
			if err != nil || re.MatchString(a.value.Str) {
				continue // a pattern Go cannot read is question-regex-valid's concern
			}
			c.report(r.d, finding.Warning, RuleAnswerPattern, a.valuePtr, finding.Value,
				"this answer does not match the `regexPattern` `%s` of %s in the policy in %s: answers to the question must match it",
				q.pattern, q.describe(), p.d.at(q.ptr))
		}
	}
}

func (c *checker) reportUnknownQuestion(r *request, p *policy, a answer) {
	var ids []string
	for _, q := range p.questions {
		ids = append(ids, q.id)
	}
	ptr := pointer.Join(a.ptr, "answeredQuestion", "id")
	if len(ids) == 0 {
		c.report(r.d, finding.Warning, RuleUnknownQuestion, ptr, finding.Value,
			"this answer names question `%s`, but the policy in %s has no questions: remove the answer, or name the policy that asks it",
			a.qid, p.d.at("/questions"))
		return
	}
	hint := ""
	if s := suggest.Closest(a.qid, ids); s != "" {
		hint = fmt.Sprintf(" (did you mean `%s`?)", s)
	}
	c.report(r.d, finding.Warning, RuleUnknownQuestion, ptr, finding.Value,
		"this answer names question `%s`, which the policy in %s does not have%s: its questions are %s",
		a.qid, p.d.at("/questions"), hint, backquoted(ids))
}

// checkJustification reports a user request without a justification when
// the policy requires one. Administrators' requests are not checked: for a
// direct assignment the justification is optional.
func (c *checker) checkJustification(r *request, p *policy) {
	if r.typ != "userAdd" && r.typ != "userUpdate" && r.typ != "userExtend" {
		return
	}
	const flag = "/requestApprovalSettings/isRequestorJustificationRequired"
	if get(get(p.d.root, "requestApprovalSettings"), "isRequestorJustificationRequired").Type != gjson.True {
		return
	}
	j := get(r.d.root, "justification")
	if j.Type == gjson.String && strings.TrimSpace(j.Str) != "" {
		return
	}
	c.report(r.d, finding.Error, RuleJustification, "/justification", finding.Value,
		"the policy in %s requires the requestor to give a justification (`isRequestorJustificationRequired`), and this request has none: add `\"justification\"` with the reason access is needed",
		p.d.at(flag))
}

// checkSchedule reports a user request that asks for its own schedule when
// the v1.0 policy does not let requestors choose one.
func (c *checker) checkSchedule(r *request, p *policy) {
	if p.d.api != schemas.V1 || (r.typ != "userAdd" && r.typ != "userUpdate") {
		return
	}
	ptr := ""
	switch {
	case isCustomSchedule(get(r.d.root, "schedule")):
		ptr = "/schedule"
	case isCustomSchedule(get(r.assignment, "schedule")):
		ptr = pointer.Join(r.assignmentPtr, "schedule")
	default:
		return
	}
	const flag = "/requestorSettings/allowCustomAssignmentSchedule"
	switch get(get(p.d.root, "requestorSettings"), "allowCustomAssignmentSchedule").Type {
	case gjson.True:
	case gjson.False:
		c.report(r.d, finding.Warning, RuleCustomSchedule, ptr, finding.Key,
			"the policy in %s sets `allowCustomAssignmentSchedule` to false, so the requestor may not include a schedule: remove `schedule` (the policy's expiration applies), or allow custom schedules in the policy",
			p.d.at(flag))
	default:
		c.report(r.d, finding.Info, RuleCustomSchedule, ptr, finding.Key,
			"the policy in %s does not set `allowCustomAssignmentSchedule`, and Graph documents no default: set it to true in the policy if requestors may choose their schedule, or remove `schedule`",
			p.d.at(flag))
	}
}

// isCustomSchedule reports whether a schedule asks for something: an object
// with a member that is not null (the on-behalf docs example sends one
// whose members are all null).
func isCustomSchedule(s gjson.Result) bool {
	custom := false
	if s.IsObject() {
		s.ForEach(func(_, v gjson.Result) bool {
			custom = v.Type != gjson.Null
			return !custom
		})
	}
	return custom
}

// checkPackage reports a request for another access package than the one
// its policy belongs to.
func (c *checker) checkPackage(r *request, p *policy) {
	pkg, pptr := p.accessPackageID()
	if r.packageID == "" || pkg == "" || strings.EqualFold(r.packageID, pkg) {
		return
	}
	c.report(r.d, finding.Error, RulePackageMismatch, r.packagePtr, finding.Value,
		"the request is for access package `%s`, but the policy in %s belongs to access package `%s`: a policy assigns only its own package; fix the package id or name a policy of package `%s`",
		r.packageID, p.d.at(pptr), pkg, r.packageID)
}

// checkRequestType reports a user request the policy does not accept.
func (c *checker) checkRequestType(r *request, p *policy) {
	if !r.isUser() {
		return
	}
	rs := get(p.d.root, "requestorSettings")
	if p.d.api == schemas.Beta {
		if r.typ != "userAdd" {
			return // the legacy beta policy has no per-type switches
		}
		if st := get(rs, "scopeType"); st.Type == gjson.String && strings.EqualFold(st.Str, "NoSubjects") {
			c.report(r.d, finding.Error, RuleRequestTypeAllowed, "/requestType", finding.Value,
				"`%s` asks for access through the policy in %s, whose `scopeType` is `NoSubjects`: nobody can request through it (administrators assign directly); use `AdminAdd`, or a policy whose requestors include the user",
				r.rawTyp, p.d.at("/requestorSettings/scopeType"))
			return
		}
		c.requireFlag(r, p, rs, "acceptRequests", "/requestorSettings/acceptRequests", "accepts no new requests")
		return
	}
	verb := strings.TrimPrefix(r.typ, "user") // Add, Update, Remove
	if verb == "Extend" {
		return // not a v1.0 request type; request-type-allowed reports it
	}
	if scope := get(p.d.root, "allowedTargetScope"); verb == "Add" && scope.Type == gjson.String && strings.EqualFold(scope.Str, "notSpecified") {
		c.report(r.d, finding.Error, RuleRequestTypeAllowed, "/requestType", finding.Value,
			"`%s` asks for access through the policy in %s, whose `allowedTargetScope` is `notSpecified` (direct assignment only): nobody can request through it; use `adminAdd`, or a policy whose target scope includes the user",
			r.rawTyp, p.d.at("/allowedTargetScope"))
		return
	}
	flag, what := "enableTargetsToSelf"+verb+"Access", "does not let users "+strings.ToLower(verb)+" their own access"
	if r.onBehalf() {
		flag, what = "enableOnBehalfRequestorsTo"+verb+"Access", "does not take on-behalf-of requests to "+strings.ToLower(verb)+" access"
	}
	c.requireFlag(r, p, rs, flag, pointer.Join("/requestorSettings", flag), what)
}

// requireFlag reports a user request whose policy switch is false (an
// error) or not set (a warning: Graph documents no default).
func (c *checker) requireFlag(r *request, p *policy, rs gjson.Result, key, ptr, what string) {
	switch get(rs, key).Type {
	case gjson.True:
	case gjson.False:
		c.report(r.d, finding.Error, RuleRequestTypeAllowed, "/requestType", finding.Value,
			"the policy in %s %s (`%s` is false), so this `%s` request cannot be made through it: set `%s` to true in the policy, or name another policy",
			p.d.at(ptr), what, key, r.rawTyp, key)
	default:
		c.report(r.d, finding.Warning, RuleRequestTypeAllowed, "/requestType", finding.Value,
			"the policy in %s does not set `%s`, so it may not accept this `%s` request: set `%s` to true in the policy",
			p.d.at(ptr), key, r.rawTyp, key)
	}
}

// checkAdminApproval warns about a direct assignment through a policy that
// requires approval.
func (c *checker) checkAdminApproval(r *request, p *policy) {
	if r.typ != "adminAdd" || r.policyPtr == "" {
		return
	}
	key := "isApprovalRequiredForAdd"
	if p.d.api == schemas.Beta {
		key = "isApprovalRequired"
	}
	if get(get(p.d.root, "requestApprovalSettings"), key).Type != gjson.True {
		return
	}
	if get(get(r.d.root, "parameters"), "bypassApproval").Type == gjson.True {
		return
	}
	c.report(r.d, finding.Warning, RuleAdminAddApproval, r.policyPtr, finding.Value,
		"the policy in %s requires approval (`%s`): a user cannot be assigned directly through it without the approvals; name a direct-assignment policy of the package, or set `\"parameters\": {\"bypassApproval\": true}`",
		p.d.at(pointer.Join("/requestApprovalSettings", key)), key)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// backquoted renders names as "`a`, `b` and `c`", at most eight of them.
func backquoted(names []string) string {
	const most = 8
	q := make([]string, 0, min(len(names), most))
	for _, n := range names[:min(len(names), most)] {
		q = append(q, "`"+n+"`")
	}
	s := strings.Join(q, ", ")
	if len(names) > most {
		s += fmt.Sprintf(" and %d more", len(names)-most)
	} else if len(q) > 1 {
		s = strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
	}
	return s
}
