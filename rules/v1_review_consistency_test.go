package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestV1ReviewConsistency(t *testing.T) {
	runCases(t, V1ReviewConsistency, []ruleCase{
		{
			name:  "enabled, no schedule, nobody reviews",
			shape: V1Policy,
			body:  `{"reviewSettings": {"isEnabled": true, "isSelfReview": false, "primaryReviewers": []}}`,
			want: []want{
				{finding.Warning, "/reviewSettings", "`reviewSettings` enables reviews but has no `schedule`"},
				{finding.Warning, "/reviewSettings/isSelfReview", "reviews are enabled but nobody reviews"},
			},
		},
		{
			name:  "schedule without start or expiration, self review with reviewers",
			shape: V1Policy,
			body:  `{"reviewSettings": {"isEnabled": "true", "isSelfReview": true, "schedule": {"recurrence": null}, "primaryReviewers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "u"}]}}`,
			want: []want{
				{finding.Warning, "/reviewSettings/schedule", "the review `schedule` lacks `startDateTime` and `expiration`"},
				{finding.Warning, "/reviewSettings/primaryReviewers", "`isSelfReview` is true"},
			},
		},
		{
			name:  "manager reviewer without fallback, isSelfReview absent",
			shape: V1Policy,
			body:  `{"reviewSettings": {"isEnabled": true, "schedule": {"startDateTime": "2022-07-02T06:59:59.998Z", "expiration": {"type": "afterDuration", "duration": "P14D"}}, "primaryReviewers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}], "fallbackReviewers": []}}`,
			want:  []want{{finding.Warning, "/reviewSettings/primaryReviewers/0", "a `requestorManager` reviewer needs `fallbackReviewers`"}},
		},
		{
			name:  "no reviewers and no isSelfReview reports at the settings",
			shape: V1Policy,
			body:  `{"reviewSettings": {"isEnabled": true, "schedule": {"startDateTime": "2022-07-02T06:59:59.998Z", "expiration": {"duration": "P14D", "type": "afterDuration"}}}}`,
			want:  []want{{finding.Warning, "/reviewSettings", "nobody reviews"}},
		},
		{
			name:  "near miss: docs example 2 review settings",
			shape: V1Policy,
			body:  `{"reviewSettings": {"isEnabled": true, "expirationBehavior": "keepAccess", "isRecommendationEnabled": true, "isReviewerJustificationRequired": true, "isSelfReview": false, "schedule": {"startDateTime": "2022-07-02T06:59:59.998Z", "expiration": {"duration": "P14D", "type": "afterDuration"}, "recurrence": {"pattern": {"type": "absoluteMonthly", "interval": 3, "month": 0, "dayOfMonth": 0, "daysOfWeek": []}, "range": {"type": "noEnd", "numberOfOccurrences": 0}}}, "primaryReviewers": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "1623f912-5e86-41c2-af47-39dd67582b66"}], "fallbackReviewers": []}}`,
		},
		{
			name:  "near miss: manager reviewer with fallback",
			shape: V1Policy,
			body:  `{"reviewSettings": {"isEnabled": true, "schedule": {"startDateTime": "2022-07-02T06:59:59.998Z", "expiration": {"duration": "P14D"}}, "primaryReviewers": [{"@odata.type": "#microsoft.graph.requestorManager"}], "fallbackReviewers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "u"}]}}`,
		},
		{
			name:  "near miss: reviews disabled",
			shape: V1Policy,
			body:  `{"reviewSettings": {"isEnabled": false, "primaryReviewers": []}}`,
		},
	})
}
