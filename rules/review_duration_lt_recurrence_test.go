package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestReviewDurationLtRecurrence(t *testing.T) {
	runCases(t, ReviewDurationLtRecurrence, []ruleCase{
		{
			name:  "beta weekly with 25 days",
			shape: BetaPolicy,
			body:  `{"accessReviewSettings": {"isEnabled": true, "recurrenceType": "weekly", "durationInDays": 25}}`,
			want:  []want{{finding.Warning, "/accessReviewSettings/durationInDays", "each review runs 25 days but reviews recur `weekly` (every 7 days)"}},
		},
		{
			name:  "beta monthly with exactly 30 days",
			shape: BetaPolicy,
			body:  `{"accessReviewSettings": {"recurrenceType": "Monthly", "durationInDays": "30"}}`,
			want:  []want{{finding.Warning, "/accessReviewSettings/durationInDays", "recur `Monthly` (every 30 days)"}},
		},
		{
			name:  "v1 weekly every 2 weeks with P3W",
			shape: V1Policy,
			body:  `{"reviewSettings": {"schedule": {"expiration": {"type": "afterDuration", "duration": "P3W"}, "recurrence": {"pattern": {"type": "weekly", "interval": 2}}}}}`,
			want:  []want{{finding.Warning, "/reviewSettings/schedule/expiration/duration", "each review runs `P3W` but reviews recur every 14 days (`weekly` × 2)"}},
		},
		{
			name:  "near miss: beta docs example 2 (quarterly, 25 days)",
			shape: BetaPolicy,
			body:  `{"accessReviewSettings": {"isEnabled": true, "recurrenceType": "quarterly", "durationInDays": 25}}`,
		},
		{
			name:  "near miss: v1 docs example 2 (absoluteMonthly × 3, P14D)",
			shape: V1Policy,
			body:  `{"reviewSettings": {"schedule": {"expiration": {"duration": "P14D", "type": "afterDuration"}, "recurrence": {"pattern": {"type": "absoluteMonthly", "interval": 3}}}}}`,
		},
		{
			name:  "near miss: one-time v1 review (no pattern)",
			shape: V1Policy,
			body:  `{"reviewSettings": {"schedule": {"expiration": {"duration": "P400D"}, "recurrence": null}}}`,
		},
		{
			name:  "near miss: month duration is not compared",
			shape: V1Policy,
			body:  `{"reviewSettings": {"schedule": {"expiration": {"duration": "P1M"}, "recurrence": {"pattern": {"type": "weekly", "interval": 1}}}}}`,
		},
	})
}
