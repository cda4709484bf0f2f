package describe

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/emlint/emlint/internal/standards"
)

// obj is a JSON object of the decoded body, read leniently: a member of
// the wrong type reads as absent (lint reports it; describe says what the
// body does where it can).
type obj map[string]any

func (o obj) str(k string) string {
	s, _ := o[k].(string)
	return s
}

func (o obj) flag(k string) bool {
	b, _ := o[k].(bool)
	return b
}

func (o obj) obj(k string) obj {
	m, _ := o[k].(map[string]any)
	return m
}

func (o obj) objs(k string) []obj {
	arr, _ := o[k].([]any)
	var out []obj
	for _, v := range arr {
		if m, ok := v.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func (o obj) number(k string) (int64, bool) {
	n, ok := o[k].(json.Number)
	if !ok {
		return 0, false
	}
	i, err := n.Int64()
	return i, err == nil
}

// odataType is the object's @odata.type without "#microsoft.graph.".
func (o obj) odataType() string {
	t := strings.TrimPrefix(o.str("@odata.type"), "#")
	return strings.TrimPrefix(t, "microsoft.graph.")
}

// scopes are v1.0's allowedTargetScope values in words.
var scopes = map[string]string{
	"notSpecified":                            "nobody: direct assignment by an administrator only",
	"specificDirectoryUsers":                  "specific users and groups of the directory",
	"specificConnectedOrganizationUsers":      "users of specific connected organizations",
	"specificDirectoryServicePrincipals":      "specific service principals of the directory",
	"allMemberUsers":                          "all member users of the directory (no guests)",
	"allDirectoryUsers":                       "all users of the directory, guests included",
	"allDirectoryServicePrincipals":           "all service principals of the directory",
	"allConfiguredConnectedOrganizationUsers": "all users of every connected organization",
	"allExternalUsers":                        "any user outside the directory, connected organization or not",
	"unknownFutureValue":                      "unknownFutureValue (no scope Graph documents)",
}

// subject reads a subjectSet or a user in words.
func subject(o obj) Subject {
	t := o.odataType()
	id := ""
	for _, k := range []string{"userId", "groupId", "connectedOrganizationId", "servicePrincipalId", "id"} {
		if s := o.str(k); s != "" {
			id = s
			break
		}
	}
	described := func(s string) string {
		if d := o.str("description"); d != "" {
			return s + " (" + d + ")"
		}
		return s
	}
	var words string
	switch t {
	case "singleUser":
		words = described("user " + orUnknown(id))
	case "groupMembers":
		words = described("members of group " + orUnknown(id))
	case "connectedOrganizationMembers":
		words = described("members of connected organization " + orUnknown(id))
	case "singleServicePrincipal":
		words = described("service principal " + orUnknown(id))
	case "requestorManager":
		words = "the requestor's manager"
		if level, ok := o.number("managerLevel"); ok && level == 2 {
			words = "the requestor's manager's manager"
		}
	case "internalSponsors":
		words = "the requestor's internal sponsors"
	case "externalSponsors":
		words = "the requestor's external sponsors"
	case "targetUserSponsors":
		words = "the target user's sponsors"
	case "targetManager":
		words = "the target's manager"
	case "targetApplicationOwners":
		words = "the target application's owners"
	case "targetAgentIdentitySponsorsOrOwners":
		words = "the target agent identity's sponsors or owners"
	case "attributeRuleMembers":
		words = described("users matching the rule `" + o.str("membershipRule") + "`")
	case "identityGovernance.groupBasedSubjectSet", "identityGovernance.ruleBasedSubjectSet":
		words = described(t)
	case "":
		words = described("an untyped subject " + orUnknown(id))
	default:
		words = described(t + " " + id)
	}
	return Subject{Type: t, ID: id, Words: strings.TrimSpace(words)}
}

func orUnknown(id string) string {
	if id == "" {
		return "(no id given)"
	}
	return id
}

func subjects(list []obj) []Subject {
	var out []Subject
	for _, o := range list {
		out = append(out, subject(o))
	}
	return out
}

// expiry reads an expirationPattern in words.
func expiry(e obj) string {
	if e == nil {
		return "not set (Graph's default applies)"
	}
	switch e.str("type") {
	case "afterDuration":
		if d := e.str("duration"); d != "" {
			return "after " + duration(d)
		}
		return "after a duration the body does not give"
	case "afterDateTime":
		if d := e.str("endDateTime"); d != "" {
			return "on " + date(d)
		}
		return "on a date the body does not give"
	case "noExpiration":
		return "never"
	case "notSpecified":
		return "not specified"
	}
	if d := e.str("duration"); d != "" {
		return "after " + duration(d)
	}
	if d := e.str("endDateTime"); d != "" {
		return "on " + date(d)
	}
	return "not set (Graph's default applies)"
}

// expiryDays is how long an expirationPattern lets access last, in days
// from now: +Inf for noExpiration, -1 when the body does not say.
func expiryDays(e obj) float64 {
	t := e.str("type")
	switch {
	case t == "noExpiration":
		return math.Inf(1)
	case (t == "afterDuration" || t == "") && e.str("duration") != "":
		return days(standards.DurationDays(e.str("duration")))
	case (t == "afterDateTime" || t == "") && e.str("endDateTime") != "":
		return days(standards.DaysUntil(e.str("endDateTime")))
	}
	return -1
}

// days is a number of days, or -1 when it could not be read.
func days(d float64, ok bool) float64 {
	if !ok {
		return -1
	}
	return d
}

// readPolicy reads a v1.0 policy.
func readPolicy(root obj) *Policy {
	p := &Policy{Name: root.str("displayName"), Description: root.str("description")}
	p.AccessPackage = root.obj("accessPackage").str("id")
	p.ScopeValue = root.str("allowedTargetScope")
	p.Scope = scopes[p.ScopeValue]
	if p.Scope == "" {
		p.Scope = "not given (Graph's default: nobody; direct assignment only)"
		if p.ScopeValue != "" {
			p.Scope = p.ScopeValue
		}
	}
	p.Targets = subjects(root.objs("specificAllowedTargets"))
	rs := root.obj("requestorSettings")
	p.SelfRequest = rs.flag("enableTargetsToSelfAddAccess")
	p.SelfExtend = rs.flag("enableTargetsToSelfUpdateAccess")
	p.SelfRemove = rs.flag("enableTargetsToSelfRemoveAccess")
	p.CustomSchedule = rs.flag("allowCustomAssignmentSchedule")
	if rs.flag("enableOnBehalfRequestorsToAddAccess") || rs.flag("enableOnBehalfRequestorsToUpdateAccess") || rs.flag("enableOnBehalfRequestorsToRemoveAccess") {
		p.OnBehalf = subjects(rs.objs("onBehalfRequestors"))
	}
	as := root.obj("requestApprovalSettings")
	p.Approval = Approval{ForAdd: as.flag("isApprovalRequiredForAdd"), ForUpdate: as.flag("isApprovalRequiredForUpdate"),
		RequestorJustification: as.flag("isRequestorJustificationRequired")}
	for _, s := range as.objs("stages") {
		st := Stage{Approvers: subjects(s.objs("primaryApprovers")), Fallback: subjects(s.objs("fallbackPrimaryApprovers")),
			Escalation: s.flag("isEscalationEnabled"), ApproverJustification: s.flag("isApproverJustificationRequired")}
		st.timeoutDays = -1
		if d := s.str("durationBeforeAutomaticDenial"); d != "" {
			st.Timeout, st.timeoutDays = duration(d), days(standards.DurationDays(d))
		}
		if st.Escalation {
			if d := s.str("durationBeforeEscalation"); d != "" {
				st.EscalationAfter = duration(d)
			}
			st.EscalationApprovers = subjects(s.objs("escalationApprovers"))
			st.FallbackEscalation = subjects(s.objs("fallbackEscalationApprovers"))
		}
		p.Approval.Stages = append(p.Approval.Stages, st)
	}
	p.Expiry, p.expiryDays = expiry(root.obj("expiration")), expiryDays(root.obj("expiration"))
	if rv := root.obj("reviewSettings"); rv != nil && rv.flag("isEnabled") {
		p.Review = readReview(rv)
	}
	for _, q := range root.objs("questions") {
		p.Questions = append(p.Questions, readQuestion(q))
	}
	for _, x := range root.objs("customExtensionStageSettings") {
		ext := x.obj("customExtension")
		name := ext.str("id")
		if name == "" {
			name = ext.str("displayName")
		}
		p.Extensions = append(p.Extensions, Extension{Stage: x.str("stage"), Extension: orUnknown(name)})
	}
	if a := root.obj("automaticRequestSettings"); a != nil {
		p.Automatic = &Automatic{RequestForTargets: a.flag("requestAccessForAllowedTargets"),
			RemoveWhenTargetLeft: a.flag("removeAccessWhenTargetLeavesAllowedTargets")}
		if d := a.str("gracePeriodBeforeAccessRemoval"); d != "" {
			p.Automatic.GracePeriod = duration(d)
		}
	}
	return p
}

// noDecision words a review's expirationBehavior.
var noDecision = map[string]string{
	"keepAccess":                 "access is kept",
	"removeAccess":               "access is removed",
	"acceptAccessRecommendation": "the recommendation is applied",
}

func readReview(rv obj) *Review {
	r := &Review{Reviewers: subjects(rv.objs("primaryReviewers")), Fallback: subjects(rv.objs("fallbackReviewers")),
		SelfReview: rv.flag("isSelfReview"), Recommendation: rv.flag("isRecommendationEnabled"),
		Justification: rv.flag("isReviewerJustificationRequired")}
	if b := rv.str("expirationBehavior"); b != "" {
		r.NoDecision = noDecision[b]
		if r.NoDecision == "" {
			r.NoDecision = b
		}
	}
	sch := rv.obj("schedule")
	if s := sch.str("startDateTime"); s != "" {
		r.Starts = date(s)
	}
	if d := sch.obj("expiration").str("duration"); d != "" {
		r.Duration = duration(d)
	}
	pattern := sch.obj("recurrence").obj("pattern")
	if t := pattern.str("type"); t != "" {
		interval, ok := pattern.number("interval")
		if !ok || interval < 1 {
			interval = 1
		}
		r.Every = recurrence(t, interval)
		r.everyDays = unitDays[t] * float64(interval)
	}
	return r
}

// unitDays is how many days a recurrence pattern's unit spans.
var unitDays = map[string]float64{"daily": 1, "weekly": 7, "absoluteMonthly": 30, "relativeMonthly": 30, "absoluteYearly": 365, "relativeYearly": 365}

// recurrence words a recurrence pattern: "every 3 months", "every week".
func recurrence(t string, interval int64) string {
	unit := map[string]string{"daily": "day", "weekly": "week", "absoluteMonthly": "month", "relativeMonthly": "month",
		"absoluteYearly": "year", "relativeYearly": "year"}[t]
	if unit == "" {
		return t
	}
	if interval == 1 {
		return "every " + unit
	}
	return "every " + count(strconv.FormatInt(interval, 10), unit)
}

func readQuestion(q obj) Question {
	out := Question{Text: q.str("text"), Required: q.flag("isRequired"), Type: "text", Pattern: q.str("regexPattern")}
	if strings.Contains(q.odataType(), "MultipleChoice") {
		out.Type = "choice"
		out.Multiple = q.flag("isMultipleSelectionAllowed")
		for _, c := range q.objs("choices") {
			text := c.str("text")
			if text == "" {
				text = c.str("actualValue")
			}
			out.Choices = append(out.Choices, text)
		}
	}
	return out
}

// requestTypes words what each request type asks for.
var requestTypes = map[string]string{
	"userAdd":               "the requestor asks for access for themselves",
	"userUpdate":            "the requestor asks to extend or change their access",
	"userRemove":            "the requestor gives up their access",
	"adminAdd":              "an administrator assigns access",
	"adminUpdate":           "an administrator changes an assignment",
	"adminRemove":           "an administrator removes an assignment",
	"systemAdd":             "the system assigns access (automatic assignment)",
	"systemUpdate":          "the system changes an assignment",
	"systemRemove":          "the system removes an assignment",
	"onBehalfAdd":           "a manager asks for access for someone who reports to them",
	"notSpecified":          "not specified",
	"userAssignmentRequest": "a user's assignment request",
}

// readRequest reads a v1.0 request.
func readRequest(root obj) *Request {
	r := &Request{Type: root.str("requestType"), Justification: root.str("justification")}
	r.Words = requestTypes[r.Type]
	if r.Words == "" {
		r.Words = "a request type Graph does not document"
		for t, w := range requestTypes {
			if strings.EqualFold(t, r.Type) {
				r.Words = w + " (Graph spells it `" + t + "`)"
			}
		}
	}
	a := root.obj("assignment")
	r.Assignment = a.str("id")
	r.TargetID = a.str("targetId")
	r.AccessPackage = a.str("accessPackageId")
	if r.AccessPackage == "" {
		r.AccessPackage = a.obj("accessPackage").str("id")
	}
	r.Policy = a.str("assignmentPolicyId")
	if r.Policy == "" {
		r.Policy = a.obj("assignmentPolicy").str("id")
	}
	if t := a.obj("target"); t != nil {
		s := Subject{Type: "subject", ID: t.str("objectId")}
		switch {
		case t.str("email") != "":
			s.Words = "the user with email " + t.str("email")
		case t.str("objectId") != "":
			s.Words = "the subject " + t.str("objectId")
		default:
			s.Words = "a subject the body describes by " + strings.Join(keys(t), ", ")
		}
		r.Target = &s
	}
	sch := root.obj("schedule")
	if s := sch.str("startDateTime"); s != "" {
		r.Starts = date(s)
	}
	r.expiryDays = -1
	if e := sch.obj("expiration"); e != nil {
		r.Expiry, r.expiryDays = expiry(e), expiryDays(e)
	}
	for _, ans := range root.objs("answers") {
		v := ans.str("value")
		if v == "" {
			v = ans.str("displayValue")
		}
		r.Answers = append(r.Answers, Answer{Question: orUnknown(ans.obj("answeredQuestion").str("id")), Value: v})
	}
	return r
}

func keys(o obj) []string {
	var out []string
	for k := range o {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
