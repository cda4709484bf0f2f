package rules

import (
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var BetaReviewerTypeMatch = &Rule{
	ID:       "beta-reviewer-type-match",
	Severity: finding.Warning,
	Shapes:   []Shape{BetaPolicy},
	Doc:      "A beta review's reviewers list must match its reviewerType",
	Help: `In a legacy beta policy, accessReviewSettings.reviewerType says who reviews the
assignments: "Self" (each assignee), "Manager" (newer metadata text) or
"Reviewers" (the users and groups listed in reviewers). The reviewers collection
is only used with "Reviewers", and then holds singleUser or groupMembers items.
- reviewerType "Reviewers" with no reviewers: nobody is asked to review.
- reviewerType "Self" or "Manager" with reviewers: the list is ignored.
- a reviewers item other than singleUser or groupMembers (e.g. requestorManager):
  not a documented reviewer.
All warnings: the service's handling of these bodies is not documented and no
error is on record.

Bad:  {"isEnabled": true, "reviewerType": "Self",
       "reviewers": [{"@odata.type": "#microsoft.graph.groupMembers", "id": "..."}]}
Fix:  "reviewerType": "Reviewers" to have the group review, or "reviewers": [].

Evidence: microsoft-graph-docs-contrib api-reference/beta/resources/assignmentreviewsettings.md
(reviewerType "either Self or Reviewers"; reviewers "If the reviewerType is
Reviewers ... singleUser and groupMembers"); the beta metadata description adds
Manager (constraints §12.16). The older revision of the beta update-policy example
(api-reference/beta/api/accesspackageassignmentpolicy-update.md) sends
reviewerType Self with two groupMembers reviewers, which the example manifest
already lists as a warning.`,
	Run: func(pass *Pass) {
		rs, ptr, ok := reviewSettingsOf(pass)
		if !ok {
			return
		}
		rt := rs.Get("reviewerType")
		reviewers := rs.Get("reviewers")
		rtPtr, revPtr := pointer.Join(ptr, "reviewerType"), pointer.Join(ptr, "reviewers")
		switch strings.ToLower(rt.Str) {
		case "reviewers":
			if !hasItems(reviewers) {
				pass.Report(rtPtr, finding.Value,
					"`reviewerType` is `%s` but `reviewers` is empty: list the users (singleUser) or groups (groupMembers) who review, or use `Self`", rt.Str)
				return
			}
		case "self", "manager":
			if hasItems(reviewers) {
				pass.Report(revPtr, finding.Key,
					"`reviewers` is only used with `reviewerType` `Reviewers`, but `reviewerType` is `%s`: send `\"reviewers\": []`, or set `reviewerType` to `Reviewers`", rt.Str)
			}
			return
		default:
			return
		}
		for i, it := range reviewers.Array() {
			name := odataTypeName(it)
			if name == "" || strings.EqualFold(name, "singleUser") || strings.EqualFold(name, "groupMembers") {
				continue
			}
			pass.Report(pointer.Join(pointer.Index(revPtr, i), "@odata.type"), finding.Value,
				"`%s` is not a documented reviewer: `reviewers` holds `singleUser` or `groupMembers` items", name)
		}
	},
}
