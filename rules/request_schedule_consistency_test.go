package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestRequestScheduleConsistency(t *testing.T) {
	runCases(t, RequestScheduleConsistency, []ruleCase{
		{
			name:  "v1 recurrence and an end before the start",
			shape: V1Request,
			body:  `{"requestType": "adminUpdate", "assignment": {"id": "a"}, "schedule": {"startDateTime": "2025-07-01T00:00:00Z", "recurrence": {"pattern": {"type": "weekly", "interval": 1}}, "expiration": {"type": "afterDateTime", "endDateTime": "2025-06-01T00:00:00.00Z"}}}`,
			want: []want{
				{finding.Warning, "/schedule/recurrence", "`recurrence` is not used in access requests"},
				{finding.Warning, "/schedule/expiration/endDateTime", "`endDateTime` 2025-06-01T00:00:00.00Z is not after `startDateTime` 2025-07-01T00:00:00Z"},
			},
		},
		{
			name:  "beta end equal to start",
			shape: BetaRequest,
			body:  `{"requestType": "AdminAdd", "schedule": {"startDateTime": "2025-07-01T00:00:00Z", "expiration": {"type": "afterDateTime", "endDateTime": "2025-07-01T02:00:00+02:00"}}}`,
			want:  []want{{finding.Warning, "/schedule/expiration/endDateTime", "is not after `startDateTime`"}},
		},
		{
			name:  "near miss: v1 docs example 7",
			shape: V1Request,
			body:  `{"@odata.type": "#microsoft.graph.accessPackageAssignmentRequest", "requestType": "adminUpdate", "schedule": {"startDateTime": "2023-05-23T20:04:02.39Z", "recurrence": null, "expiration": {"endDateTime": "2024-07-01T00:00:00.00Z", "duration": null, "type": "afterDateTime"}}, "assignment": {"id": "329f8dac-8062-4c1b-a9b8-39b7132f9bff"}}`,
		},
		{
			name:  "near miss: duration expiration has no end to compare",
			shape: V1Request,
			body:  `{"requestType": "userAdd", "schedule": {"startDateTime": "2025-07-01T00:00:00Z", "expiration": {"type": "afterDuration", "duration": "P30D"}}}`,
		},
		{
			name:  "near miss: assignment.schedule is not the request schedule (docs example 9)",
			shape: V1Request,
			body:  `{"assignment": {"schedule": {"startDateTime": null, "stopDateTime": null}}, "requestType": "UserAdd"}`,
		},
	})
}
