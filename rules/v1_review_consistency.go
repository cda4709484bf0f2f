package rules

import (
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var V1ReviewConsistency = &Rule{
	ID:       "v1-review-consistency",
	Severity: finding.Warning,
	Shapes:   []Shape{V1Policy},
	Doc:      "Enabled v1.0 access reviews need a schedule and reviewers that agree with isSelfReview",
	Help: `With "reviewSettings": {"isEnabled": true, ...} a v1.0 policy schedules recurring
access reviews of its assignments. Checked when reviews are enabled:
- schedule missing or null, or without startDateTime or expiration: the service
  has nothing to say when the first review starts or how long each review runs
  (schedule.expiration, e.g. {"type": "afterDuration", "duration": "P14D"}).
  recurrence may be left out for a one-time review.
- isSelfReview true with primaryReviewers: the assignees review themselves, so
  the reviewers listed contradict it.
- isSelfReview not true and no primaryReviewers: nobody is asked to review.
- a requestorManager primary reviewer without fallbackReviewers: assignees
  without a manager in the directory are not reviewed; the admin center asks for
  fallback reviewers in that case.
All warnings: no service error is on record for these bodies.

Bad:  "reviewSettings": {"isEnabled": true, "isSelfReview": false, "primaryReviewers": []}
Fix:  "reviewSettings": {"isEnabled": true, "isSelfReview": false,
        "primaryReviewers": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "..."}],
        "schedule": {"startDateTime": "2025-07-02T06:59:59.998Z",
                     "expiration": {"type": "afterDuration", "duration": "P14D"},
                     "recurrence": {"pattern": {"type": "absoluteMonthly", "interval": 3},
                                    "range": {"type": "noEnd"}}}}

Evidence: microsoft-graph-docs-contrib api-reference/v1.0/resources/accesspackageassignmentreviewsettings.md
(isSelfReview, primaryReviewers, fallbackReviewers, schedule) and
api-reference/v1.0/api/entitlementmanagement-post-assignmentpolicies.md (example 2);
patternedRecurrence description (omit the pattern for a one-time review);
MicrosoftDocs/entra-docs docs/id-governance/entitlement-management-access-reviews-create.md
(a Manager reviewer needs fallback reviewers).`,
	Run: func(pass *Pass) {
		rs, ptr, ok := reviewSettingsOf(pass)
		if !ok || !isTrue(rs.Get("isEnabled")) {
			return
		}
		sched := rs.Get("schedule")
		schedPtr := pointer.Join(ptr, "schedule")
		switch {
		case absentOrNull(sched):
			pass.Report(ptr, finding.Start,
				"`reviewSettings` enables reviews but has no `schedule`: give `startDateTime`, `expiration` (how long each review runs) and `recurrence`")
		case sched.IsObject():
			var missing []string
			for _, k := range []string{"startDateTime", "expiration"} {
				if absentOrNull(Get(sched, k)) {
					missing = append(missing, k)
				}
			}
			if len(missing) > 0 {
				pass.Report(schedPtr, finding.Start,
					"the review `schedule` lacks %s: say when the first review starts and how long each review runs", backquoteList(missing, "and"))
			}
		}

		primary := rs.Get("primaryReviewers")
		primaryPtr := pointer.Join(ptr, "primaryReviewers")
		self := rs.Get("isSelfReview")
		switch {
		case isTrue(self) && hasItems(primary):
			pass.Report(primaryPtr, finding.Key,
				"`isSelfReview` is true, so assignees review their own access, yet `primaryReviewers` lists reviewers: set `isSelfReview` to false, or send `\"primaryReviewers\": []`")
		case !isTrue(self) && !hasItems(primary):
			target, tgt := ptr, finding.Start
			if self.Exists() {
				target, tgt = pointer.Join(ptr, "isSelfReview"), finding.Value
			}
			pass.Report(target, tgt,
				"reviews are enabled but nobody reviews: list `primaryReviewers`, or set `isSelfReview` to true")
		}

		if hasItems(rs.Get("fallbackReviewers")) || isTrue(self) {
			return
		}
		for i, it := range primary.Array() {
			if strings.EqualFold(odataTypeName(it), "requestorManager") {
				pass.Report(pointer.Index(primaryPtr, i), finding.Start,
					"a `requestorManager` reviewer needs `fallbackReviewers` for assignees who have no manager: add a user or group there")
				return
			}
		}
	},
}
