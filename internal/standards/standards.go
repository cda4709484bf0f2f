// Package standards checks a team's own standards for policies, declared
// under `standards:` in .emlint.yaml: rules beyond what Graph accepts
// ("guests' access expires within 180 days", "every policy open to external
// users has an approval stage"). Each is a Graph-aware check on the body as
// written, in either API version, and its findings carry the rule id
// standard/<name> and point at the value that breaks it.
package standards

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/emlint/emlint/schemas"
	"github.com/tidwall/gjson"
)

// Standard is one entry of `standards:`, checked by the configuration.
type Standard struct {
	Name     string
	Severity finding.Severity
	// ExternalOnly applies the standard only to policies whose scope
	// includes users outside the directory.
	ExternalOnly bool

	MaxDuration           float64 // days; 0: not checked
	MaxDurationText       string  // as written, for messages
	ExpiryRequired        bool
	ApprovalRequired      bool
	MinStages             int
	JustificationRequired bool
	AccessReviewRequired  bool
	MaxReviewInterval     float64 // days; 0: not checked
	MaxReviewIntervalText string
	ApproverTypes         []string // subjectSet types allowed as approvers; nil: not checked
	DisplayName           *regexp.Regexp
	// Schema is a JSON Schema file of the team's own (absolute path), read
	// only from under Root, validated by emlint-schema.
	Schema, Root string
}

// Rule is the rule id of a standard's findings.
func (s Standard) Rule() string { return "standard/" + s.Name }

// Check runs the standards that apply to a body and returns their
// findings, with pointers into the body. Standards are about policies: a
// request has none to meet.
func Check(list []Standard, api schemas.API, kind schemas.Kind, root gjson.Result) []finding.Finding {
	if kind != schemas.Policy || len(list) == 0 || !root.IsObject() {
		return nil
	}
	p := policy{api: api, root: root}
	var out []finding.Finding
	for _, s := range list {
		if s.ExternalOnly && !p.external() {
			continue
		}
		report := func(ptr string, target finding.Target, format string, args ...any) {
			out = append(out, finding.Finding{Rule: s.Rule(), Severity: s.Severity, Pointer: ptr, Target: target,
				Message: fmt.Sprintf(format, args...) + fmt.Sprintf(" (team standard `%s`)", s.Name)})
		}
		p.check(s, report)
		if s.Schema != "" {
			violations, err := validateSchema(s.Schema, s.Root, root.Raw)
			if err != nil {
				// Not the body's fault, but the standard was not checked:
				// say so where the report is read, as an error.
				out = append(out, finding.Finding{Rule: s.Rule(), Severity: finding.Error, Target: finding.Start,
					Message: fmt.Sprintf("the standard's schema could not be checked: %v (team standard `%s`)", err, s.Name)})
				continue
			}
			for _, v := range violations {
				report(v.Pointer, finding.Value, "%s", v.Message)
			}
		}
	}
	return out
}

// policy reads a policy body of either version.
type policy struct {
	api  schemas.API
	root gjson.Result
}

func (p policy) beta() bool { return p.api == schemas.Beta }

func get(v gjson.Result, path ...string) gjson.Result {
	for _, k := range path {
		v = v.Get(gjson.Escape(k))
	}
	return v
}

// external reports whether the policy's scope includes users outside the
// directory.
func (p policy) external() bool {
	if p.beta() {
		switch get(p.root, "requestorSettings", "scopeType").String() {
		case "SpecificConnectedOrganizationSubjects", "AllConfiguredConnectedOrganizationSubjects", "AllExternalSubjects":
			return true
		}
		return false
	}
	switch p.root.Get("allowedTargetScope").String() {
	case "specificConnectedOrganizationUsers", "allConfiguredConnectedOrganizationUsers", "allExternalUsers":
		return true
	}
	return false
}

type reporter func(ptr string, target finding.Target, format string, args ...any)

func (p policy) check(s Standard, report reporter) {
	if s.MaxDuration > 0 || s.ExpiryRequired {
		p.checkExpiry(s, report)
	}
	approval := "requestApprovalSettings"
	required, stages := "isApprovalRequiredForAdd", "stages"
	if p.beta() {
		required, stages = "isApprovalRequired", "approvalStages"
	}
	as := p.root.Get(approval)
	if s.ApprovalRequired && !get(as, required).Bool() {
		at := pointer.Join("", approval, required)
		if !get(as, required).Exists() {
			at = pointerOr(as, approval)
		}
		report(at, finding.Value, "approval is not required for new requests: set `%s` to true, with at least one stage", required)
	}
	if n := len(get(as, stages).Array()); s.MinStages > 0 && n < s.MinStages {
		report(pointerOr(get(as, stages), approval, stages), finding.Value, "%d approval %s, fewer than the %d the standard asks for", n, plural(n, "stage"), s.MinStages)
	}
	if s.JustificationRequired && !get(as, "isRequestorJustificationRequired").Bool() {
		report(pointerOr(get(as, "isRequestorJustificationRequired"), approval, "isRequestorJustificationRequired"), finding.Value,
			"requestors need not justify their request: set `isRequestorJustificationRequired` to true")
	}
	review := "reviewSettings"
	if p.beta() {
		review = "accessReviewSettings"
	}
	rv := p.root.Get(review)
	if s.AccessReviewRequired && !rv.Get("isEnabled").Bool() {
		report(pointerOr(rv.Get("isEnabled"), review, "isEnabled"), finding.Value, "the policy has no access review: add `%s` with `isEnabled` true", review)
	}
	if s.MaxReviewInterval > 0 && rv.Get("isEnabled").Bool() {
		if days, ptr, ok := p.reviewInterval(rv, review); ok && days > s.MaxReviewInterval {
			report(ptr, finding.Value, "access is reviewed every %s, less often than every %s", words(days), s.MaxReviewIntervalText)
		}
	}
	if s.ApproverTypes != nil {
		p.checkApprovers(s, get(as, stages), pointer.Join("", approval, stages), report)
	}
	if s.DisplayName != nil {
		name := p.root.Get("displayName")
		if !s.DisplayName.MatchString(name.String()) {
			report(pointerOr(name, "displayName"), finding.Value, "the display name %q does not match `%s`", name.String(), s.DisplayName.String())
		}
	}
}

// pointerOr is the pointer of path when v exists, else of its nearest
// parent that the caller names (the root when none).
func pointerOr(v gjson.Result, path ...string) string {
	if v.Exists() {
		return pointer.Join("", path...)
	}
	if len(path) > 1 {
		return pointer.Join("", path[:len(path)-1]...)
	}
	return ""
}

func (p policy) checkExpiry(s Standard, report reporter) {
	tooLong := func(days float64, ptr, what string) {
		if s.MaxDuration > 0 && days > s.MaxDuration {
			report(ptr, finding.Value, "access lasts %s, longer than the %s the standard allows", what, s.MaxDurationText)
		}
	}
	never := func(ptr, why string) {
		report(ptr, finding.Value, "%s: access never expires, and the standard asks for an expiry%s", why, maxText(s))
	}
	if p.beta() {
		days := p.root.Get("durationInDays")
		date := p.root.Get("expirationDateTime")
		switch {
		case date.Type == gjson.String && date.String() != "":
			if d, ok := until(date.String()); ok {
				tooLong(d, "/expirationDateTime", "until "+date.String())
			}
		case days.Type == gjson.Number && days.Float() > 0:
			tooLong(days.Float(), "/durationInDays", words(days.Float()))
		default:
			never(pointerOr(days, "durationInDays"), "neither `durationInDays` nor `expirationDateTime` is set")
		}
		return
	}
	e := p.root.Get("expiration")
	switch get(e, "type").String() {
	case "afterDuration":
		if d, ok := durationDays(get(e, "duration").String()); ok {
			tooLong(d, "/expiration/duration", words(d))
		}
	case "afterDateTime":
		if d, ok := until(get(e, "endDateTime").String()); ok {
			tooLong(d, "/expiration/endDateTime", "until "+get(e, "endDateTime").String())
		}
	case "noExpiration":
		never("/expiration/type", "`expiration.type` is `noExpiration`")
	default:
		if !e.Exists() || e.Type == gjson.Null {
			never("", "the policy sets no `expiration`")
		} else if !get(e, "type").Exists() {
			never("/expiration", "`expiration` has no `type`")
		}
	}
}

func maxText(s Standard) string {
	if s.MaxDuration > 0 {
		return " of at most " + s.MaxDurationText
	}
	return ""
}

// reviewInterval is how many days apart the reviews are, and where that is
// written.
func (p policy) reviewInterval(rv gjson.Result, review string) (float64, string, bool) {
	if p.beta() {
		days := map[string]float64{"weekly": 7, "monthly": 30, "quarterly": 91, "halfyearly": 182, "annual": 365}
		d, ok := days[strings.ToLower(rv.Get("recurrenceType").String())]
		return d, pointer.Join("", review, "recurrenceType"), ok
	}
	pattern := get(rv, "schedule", "recurrence", "pattern")
	unit := map[string]float64{"daily": 1, "weekly": 7, "absoluteMonthly": 30, "relativeMonthly": 30, "absoluteYearly": 365, "relativeYearly": 365}
	d, ok := unit[pattern.Get("type").String()]
	interval := pattern.Get("interval").Float()
	if interval < 1 {
		interval = 1
	}
	return d * interval, pointer.Join("", review, "schedule", "recurrence", "pattern"), ok
}

// checkApprovers reports every approver whose type the standard does not
// allow.
func (p policy) checkApprovers(s Standard, stages gjson.Result, ptr string, report reporter) {
	lists := []string{"primaryApprovers", "fallbackPrimaryApprovers", "escalationApprovers", "fallbackEscalationApprovers"}
	if p.beta() {
		lists = []string{"primaryApprovers", "escalationApprovers"}
	}
	for i, stage := range stages.Array() {
		for _, l := range lists {
			for j, a := range stage.Get(l).Array() {
				t := strings.TrimPrefix(strings.TrimPrefix(a.Get(gjson.Escape("@odata.type")).String(), "#"), "microsoft.graph.")
				if t == "" {
					continue // schema-odata-type says it is missing
				}
				allowed := false
				for _, ok := range s.ApproverTypes {
					if strings.EqualFold(ok, t) {
						allowed = true
					}
				}
				if !allowed {
					report(pointer.Index(pointer.Join(pointer.Index(ptr, i), l), j), finding.Value,
						"an approver of type `%s`: the standard allows only %s", t, strings.Join(quoted(s.ApproverTypes), ", "))
				}
			}
		}
	}
}

func quoted(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = "`" + s + "`"
	}
	return out
}

// durationDays reads an ISO 8601 duration as days (a month is 30 days, a
// year 365); ok is false when it cannot be read.
func durationDays(iso string) (float64, bool) {
	rest, ok := strings.CutPrefix(iso, "P")
	if !ok || rest == "" {
		return 0, false
	}
	units := map[byte]float64{'Y': 365, 'M': 30, 'W': 7, 'D': 1}
	timeUnits := map[byte]float64{'H': 1.0 / 24, 'M': 1.0 / 1440, 'S': 1.0 / 86400}
	total, inTime, parts := 0.0, false, 0
	for rest != "" {
		if rest[0] == 'T' {
			inTime, rest = true, rest[1:]
			continue
		}
		n := 0
		for n < len(rest) && (rest[n] >= '0' && rest[n] <= '9' || rest[n] == '.') {
			n++
		}
		if n == 0 || n == len(rest) {
			return 0, false
		}
		var v float64
		if _, err := fmt.Sscan(rest[:n], &v); err != nil {
			return 0, false
		}
		table := units
		if inTime {
			table = timeUnits
		}
		f, ok := table[rest[n]]
		if !ok {
			return 0, false
		}
		total += v * f
		rest = rest[n+1:]
		parts++
	}
	return total, parts > 0
}

// DurationDays is durationDays for the configuration's checks.
func DurationDays(iso string) (float64, bool) { return durationDays(iso) }

// DaysUntil is how many days from now a date-time (or a date) is.
func DaysUntil(dt string) (float64, bool) { return until(dt) }

// until is how many days from now a date-time is.
func until(dt string) (float64, bool) {
	t, err := time.Parse(time.RFC3339, dt)
	if err != nil {
		if t, err = time.Parse("2006-01-02", dt); err != nil {
			return 0, false
		}
	}
	return time.Until(t).Hours() / 24, true
}

func words(days float64) string {
	if days == float64(int64(days)) {
		return plural(int(days), "day")
	}
	return fmt.Sprintf("%.1f days", days)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// ApproverTypes are the subjectSet types a standard may allow as approvers.
var ApproverTypes = []string{"singleUser", "groupMembers", "requestorManager", "internalSponsors", "externalSponsors",
	"connectedOrganizationMembers", "targetUserSponsors", "targetManager", "targetApplicationOwners", "singleServicePrincipal",
	"attributeRuleMembers", "targetAgentIdentitySponsorsOrOwners"}
