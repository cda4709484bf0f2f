package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestBetaReviewRequiredFields(t *testing.T) {
	runCases(t, BetaReviewRequiredFields, []ruleCase{
		{
			name:  "enabled with nothing else",
			shape: BetaPolicy,
			body:  `{"accessReviewSettings": {"isEnabled": true, "reviewerType": "Self"}}`,
			want: []want{
				{finding.Warning, "/accessReviewSettings", "`accessReviewSettings` enables reviews but lacks `startDateTime`, `durationInDays` and `recurrenceType`"},
				{finding.Info, "/accessReviewSettings", "has no `accessReviewTimeoutBehavior`"},
			},
		},
		{
			name:  "zero duration and empty recurrence, string true",
			shape: BetaPolicy,
			body:  `{"accessReviewSettings": {"isEnabled": "true", "startDateTime": "2020-04-01T07:59:59.998Z", "durationInDays": 0, "recurrenceType": "", "accessReviewTimeoutBehavior": "keepAccess"}}`,
			want: []want{
				{finding.Warning, "/accessReviewSettings/durationInDays", "`durationInDays` is 0 but reviews are enabled"},
				{finding.Warning, "/accessReviewSettings", "lacks `recurrenceType`"},
			},
		},
		{
			name:  "docs example 2 settings: only the timeout behaviour advice",
			shape: BetaPolicy,
			body:  `{"accessReviewSettings": {"isEnabled": true, "recurrenceType": "quarterly", "reviewerType": "Self", "startDateTime": "2020-04-01T07:59:59.998Z", "durationInDays": 25, "reviewers": []}}`,
			want:  []want{{finding.Info, "/accessReviewSettings", "has no `accessReviewTimeoutBehavior`"}},
		},
		{
			name:  "near miss: complete settings",
			shape: BetaPolicy,
			body:  `{"accessReviewSettings": {"isEnabled": true, "recurrenceType": "monthly", "reviewerType": "Self", "startDateTime": "2020-04-01T07:59:59.998Z", "durationInDays": 14, "accessReviewTimeoutBehavior": "removeAccess", "reviewers": []}}`,
		},
		{
			name:  "near miss: reviews disabled",
			shape: BetaPolicy,
			body:  `{"accessReviewSettings": {"isEnabled": false}}`,
		},
		{
			name:  "near miss: null settings (docs examples)",
			shape: BetaPolicy,
			body:  `{"accessReviewSettings": null}`,
		},
	})
}
