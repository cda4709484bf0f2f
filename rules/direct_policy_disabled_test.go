package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestDirectPolicyDisabled(t *testing.T) {
	runCases(t, DirectPolicyDisabled, []ruleCase{
		{
			name:  "direct policy switched off",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "NoSubjects", "acceptRequests": false, "allowedRequestors": []}}`,
			want:  []want{{finding.Warning, "/requestorSettings/acceptRequests", "administrators cannot assign through it either: set `acceptRequests` to true"}},
		},
		{
			name:  "string false counts",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "NoSubjects", "acceptRequests": "false"}}`,
			want:  []want{{finding.Warning, "/requestorSettings/acceptRequests", "`acceptRequests` is false"}},
		},
		{
			name:  "near miss: docs example 1 (NoSubjects, accepting)",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "NoSubjects", "acceptRequests": true, "allowedRequestors": []}}`,
		},
		{
			name:  "near miss: request policy paused",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "AllExistingDirectorySubjects", "acceptRequests": false}}`,
		},
		{
			name:  "near miss: acceptRequests absent",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "NoSubjects"}}`,
		},
	})
}
