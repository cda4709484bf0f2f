package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestEscalationNeedsTime(t *testing.T) {
	runCases(t, EscalationNeedsTime, []ruleCase{
		{
			name:  "v1 PT0S with escalation on",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"durationBeforeAutomaticDenial": "P14D", "isEscalationEnabled": true, "durationBeforeEscalation": "PT0S", "escalationApprovers": [{}]}]}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/stages/0/durationBeforeEscalation", "`durationBeforeEscalation` is `PT0S` but escalation is enabled: Graph rejects a zero escalation time"}},
		},
		{
			name:  "beta zero minutes",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"approvalStages": [{"isEscalationEnabled": true, "escalationTimeInMinutes": 0, "escalationApprovers": [{}]}]}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/approvalStages/0/escalationTimeInMinutes", "`escalationTimeInMinutes` is `0`"}},
		},
		{
			name:  "beta negative minutes",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"approvalStages": [{"isEscalationEnabled": true, "escalationTimeInMinutes": -5}]}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/approvalStages/0/escalationTimeInMinutes", "the escalation time must be positive"}},
		},
		{
			name:  "beta missing time",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"approvalStages": [{"isEscalationEnabled": true, "escalationApprovers": [{}]}]}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/approvalStages/0/isEscalationEnabled", "escalation is enabled but `escalationTimeInMinutes` is not set"}},
		},
		{
			name:  "v1 null time",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"isEscalationEnabled": "true", "durationBeforeEscalation": null}]}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/stages/0/isEscalationEnabled", "`durationBeforeEscalation` is not set"}},
		},
		{
			name:  "near miss: PT0S with escalation off (v1 docs examples)",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"isEscalationEnabled": false, "durationBeforeEscalation": "PT0S"}]}}`,
		},
		{
			name:  "near miss: PT1M as the admin center sends",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"isEscalationEnabled": true, "durationBeforeEscalation": "PT1M"}]}}`,
		},
		{
			name:  "near miss: malformed duration is the schema's job",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"isEscalationEnabled": true, "durationBeforeEscalation": "two days"}]}}`,
		},
	})
}
