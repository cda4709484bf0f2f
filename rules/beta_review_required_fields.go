package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

var BetaReviewRequiredFields = &Rule{
	ID:       "beta-review-required-fields",
	Severity: finding.Warning,
	Shapes:   []Shape{BetaPolicy},
	Doc:      "Enabled access reviews in a beta policy need a start, a duration, a recurrence and a timeout decision",
	Help: `With "accessReviewSettings": {"isEnabled": true, ...} in a legacy beta policy the
service schedules recurring reviews of the assignments, so it needs to know when
the first review starts (startDateTime), how long reviewers have
(durationInDays, more than 0) and how often reviews recur (recurrenceType, e.g.
"monthly" or "quarterly"). The Terraform azuread provider refuses an enabled
review without duration, frequency and timeout behaviour, and every docs example
and the resource page send startDateTime, durationInDays and recurrenceType.
Graded as:
- startDateTime, durationInDays or recurrenceType missing, or durationInDays
  not positive: warning (no service error is on record, but the review cannot be
  scheduled as meant);
- accessReviewTimeoutBehavior missing: info. The docs' own example (beta create
  example 2) and the resource page omit it, so the service has a default; name
  keepAccess, removeAccess or acceptAccessRecommendation to be explicit.

Bad:  "accessReviewSettings": {"isEnabled": true, "reviewerType": "Self"}
Fix:  "accessReviewSettings": {"isEnabled": true, "reviewerType": "Self",
        "startDateTime": "2025-04-01T07:59:59.998Z", "durationInDays": 25,
        "recurrenceType": "quarterly", "accessReviewTimeoutBehavior": "keepAccess",
        "reviewers": []}

Evidence: microsoft-graph-docs-contrib api-reference/beta/resources/assignmentreviewsettings.md
(properties and JSON representation) and
api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentpolicies.md
(example 2); hashicorp/terraform-provider-azuread
internal/services/identitygovernance/access_package_assignment_policy_resource.go
(CustomizeDiff: duration_in_days, review_frequency and
access_review_timeout_behavior are required when reviews are enabled).`,
	Run: func(pass *Pass) {
		rs, ptr, ok := reviewSettingsOf(pass)
		if !ok || !isTrue(rs.Get("isEnabled")) {
			return
		}
		var missing []string
		if absentOrNull(rs.Get("startDateTime")) {
			missing = append(missing, "startDateTime")
		}
		d := rs.Get("durationInDays")
		if absentOrNull(d) {
			missing = append(missing, "durationInDays")
		} else if n, ok := numberValue(d); ok && n <= 0 {
			pass.Report(pointer.Join(ptr, "durationInDays"), finding.Value,
				"`durationInDays` is %s but reviews are enabled: give reviewers at least one day", rawValue(d))
		}
		if rt := rs.Get("recurrenceType"); absentOrNull(rt) || (rt.Type == gjson.String && rt.Str == "") {
			missing = append(missing, "recurrenceType")
		}
		if len(missing) > 0 {
			pass.Report(ptr, finding.Start,
				"`accessReviewSettings` enables reviews but lacks %s: say when the first review starts, how long it runs and how often it recurs",
				backquoteList(missing, "and"))
		}
		if absentOrNull(rs.Get("accessReviewTimeoutBehavior")) {
			pass.ReportAt(finding.Info, ptr, finding.Start,
				"`accessReviewSettings` has no `accessReviewTimeoutBehavior`: name what happens when reviewers do not respond (`keepAccess`, `removeAccess` or `acceptAccessRecommendation`)")
		}
	},
}
