package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestBetaReviewerTypeMatch(t *testing.T) {
	runCases(t, BetaReviewerTypeMatch, []ruleCase{
		{
			name:  "Reviewers without reviewers",
			shape: BetaPolicy,
			body:  `{"accessReviewSettings": {"isEnabled": true, "reviewerType": "Reviewers", "reviewers": []}}`,
			want:  []want{{finding.Warning, "/accessReviewSettings/reviewerType", "`reviewerType` is `Reviewers` but `reviewers` is empty"}},
		},
		{
			name:  "Self with reviewers (older beta update example)",
			shape: BetaPolicy,
			body:  `{"accessReviewSettings": {"isEnabled": true, "reviewerType": "Self", "reviewers": [{"@odata.type": "#microsoft.graph.groupMembers", "isBackup": true}]}}`,
			want:  []want{{finding.Warning, "/accessReviewSettings/reviewers", "`reviewers` is only used with `reviewerType` `Reviewers`, but `reviewerType` is `Self`"}},
		},
		{
			name:  "Reviewers with a manager item",
			shape: BetaPolicy,
			body:  `{"accessReviewSettings": {"reviewerType": "reviewers", "reviewers": [{"@odata.type": "#microsoft.graph.singleUser", "id": "u"}, {"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}]}}`,
			want:  []want{{finding.Warning, "/accessReviewSettings/reviewers/1/@odata.type", "`requestorManager` is not a documented reviewer"}},
		},
		{
			name:  "near miss: Self with empty reviewers (docs example 2)",
			shape: BetaPolicy,
			body:  `{"accessReviewSettings": {"isEnabled": true, "recurrenceType": "quarterly", "reviewerType": "Self", "startDateTime": "2020-04-01T07:59:59.998Z", "durationInDays": 25, "reviewers": []}}`,
		},
		{
			name:  "near miss: Reviewers with a group",
			shape: BetaPolicy,
			body:  `{"accessReviewSettings": {"reviewerType": "Reviewers", "reviewers": [{"@odata.type": "#microsoft.graph.groupMembers", "id": "g"}]}}`,
		},
		{
			name:  "near miss: unknown reviewerType is left alone",
			shape: BetaPolicy,
			body:  `{"accessReviewSettings": {"reviewerType": "Owners", "reviewers": [{}]}}`,
		},
	})
}
