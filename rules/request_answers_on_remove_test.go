package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestRequestAnswersOnRemove(t *testing.T) {
	runCases(t, RequestAnswersOnRemove, []ruleCase{
		{
			name:  "v1 adminRemove with answers and schedule",
			shape: V1Request,
			body:  `{"requestType": "adminRemove", "assignment": {"id": "a"}, "answers": [{"value": "x"}], "schedule": {"startDateTime": "2025-07-01T00:00:00Z"}}`,
			want: []want{
				{finding.Info, "/answers", "an `adminRemove` request removes an assignment, so its `answers` are not used"},
				{finding.Info, "/schedule", "so its `schedule` is not used"},
			},
		},
		{
			name:  "beta UserRemove with answers",
			shape: BetaRequest,
			body:  `{"requestType": "UserRemove", "accessPackageAssignment": {"id": "a"}, "answers": [{}]}`,
			want:  []want{{finding.Info, "/answers", "`UserRemove` request"}},
		},
		{
			name:  "near miss: v1 docs example 2",
			shape: V1Request,
			body:  `{"requestType": "adminRemove", "assignment": {"id": "a6bb6942-3ae1-4259-9908-0133aaee9377"}}`,
		},
		{
			name:  "near miss: justification, empty answers and null schedule on a removal",
			shape: V1Request,
			body:  `{"requestType": "userRemove", "assignment": {"id": "a"}, "justification": "leaving the project", "answers": [], "schedule": null}`,
		},
		{
			name:  "near miss: answers on an update",
			shape: V1Request,
			body:  `{"requestType": "adminUpdate", "assignment": {"id": "a"}, "answers": [{"value": "x"}]}`,
		},
	})
}
