package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestEscalationWholeDays(t *testing.T) {
	runCases(t, EscalationWholeDays, []ruleCase{
		{
			name:  "beta 2000 minutes",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"approvalStages": [{"approvalStageTimeOutInDays": 14, "isEscalationEnabled": true, "escalationTimeInMinutes": 2000}]}}`,
			want:  []want{{finding.Info, "/requestApprovalSettings/approvalStages/0/escalationTimeInMinutes", "`escalationTimeInMinutes` is 2000 minutes, not a whole number of days: did you mean `1440` (1 day)?"}},
		},
		{
			name:  "v1 one and a half days",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"isEscalationEnabled": true, "durationBeforeEscalation": "P1DT12H"}]}}`,
			want:  []want{{finding.Info, "/requestApprovalSettings/stages/0/durationBeforeEscalation", "is 36 hours, not a whole number of days: did you mean `P2D`?"}},
		},
		{
			name:  "near miss: beta docs example (11520 = 8 days)",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"approvalStages": [{"isEscalationEnabled": true, "escalationTimeInMinutes": 11520}]}}`,
		},
		{
			name:  "near miss: under a day is escalation-time-window's",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"isEscalationEnabled": true, "durationBeforeEscalation": "PT1M"}]}}`,
		},
		{
			name:  "near miss: escalation off",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"approvalStages": [{"isEscalationEnabled": false, "escalationTimeInMinutes": 2000}]}}`,
		},
	})
}
