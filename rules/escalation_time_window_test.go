package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestEscalationTimeWindow(t *testing.T) {
	runCases(t, EscalationTimeWindow, []ruleCase{
		{
			name:  "beta escalation after the timeout",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"approvalStages": [{"approvalStageTimeOutInDays": 7, "isEscalationEnabled": true, "escalationTimeInMinutes": 11520}]}}`,
			want:  []want{{finding.Warning, "/requestApprovalSettings/approvalStages/0/escalationTimeInMinutes", "`escalationTimeInMinutes` (8 days) is not shorter than `approvalStageTimeOutInDays` (7 days)"}},
		},
		{
			name:  "v1 escalation equal to timeout",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"durationBeforeAutomaticDenial": "P14D", "isEscalationEnabled": true, "durationBeforeEscalation": "P2W"}]}}`,
			want:  []want{{finding.Warning, "/requestApprovalSettings/stages/0/durationBeforeEscalation", "(14 days) is not shorter than `durationBeforeAutomaticDenial` (14 days)"}},
		},
		{
			name:  "v1 timeout under four days, and escalation past it",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"durationBeforeAutomaticDenial": "P3D", "isEscalationEnabled": true, "durationBeforeEscalation": "P3D"}]}}`,
			want: []want{
				{finding.Warning, "/requestApprovalSettings/stages/0/durationBeforeEscalation", "is not shorter than"},
				{finding.Warning, "/requestApprovalSettings/stages/0/durationBeforeAutomaticDenial", "`durationBeforeAutomaticDenial` is 3 days but escalation is enabled: alternate approval needs a stage timeout of at least 4 days"},
			},
		},
		{
			name:  "beta escalation under a day is info",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"approvalStages": [{"approvalStageTimeOutInDays": "14", "isEscalationEnabled": true, "escalationTimeInMinutes": 720}]}}`,
			want:  []want{{finding.Info, "/requestApprovalSettings/approvalStages/0/escalationTimeInMinutes", "`escalationTimeInMinutes` is 12 hours: the admin center forwards"}},
		},
		{
			name:  "near miss: beta docs example 2 (14 days, 8 days)",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"approvalStages": [{"approvalStageTimeOutInDays": 14, "isEscalationEnabled": true, "escalationTimeInMinutes": 11520, "escalationApprovers": [{}]}]}}`,
		},
		{
			name:  "near miss: PT1M is the admin center's 0 days",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"durationBeforeAutomaticDenial": "P14D", "isEscalationEnabled": true, "durationBeforeEscalation": "PT1M"}]}}`,
		},
		{
			name:  "near miss: escalation off with a short timeout (v1 update docs example)",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"durationBeforeAutomaticDenial": "P2D", "isEscalationEnabled": false, "durationBeforeEscalation": "PT0S"}]}}`,
		},
		{
			name:  "near miss: month durations have no fixed length",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"durationBeforeAutomaticDenial": "P1M", "isEscalationEnabled": true, "durationBeforeEscalation": "P40D"}]}}`,
		},
	})
}
