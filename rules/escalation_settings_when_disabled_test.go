package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestEscalationSettingsWhenDisabled(t *testing.T) {
	runCases(t, EscalationSettingsWhenDisabled, []ruleCase{
		{
			name:  "beta approvers with escalation off",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"approvalStages": [{"isEscalationEnabled": false, "escalationTimeInMinutes": 11520, "escalationApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "id": "u"}]}]}}`,
			want:  []want{{finding.Warning, "/requestApprovalSettings/approvalStages/0/escalationApprovers", "`escalationApprovers` lists 1 approver but `isEscalationEnabled` is false"}},
		},
		{
			name:  "v1 both lists with string false",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"isEscalationEnabled": "false", "escalationApprovers": [{}, {}], "fallbackEscalationApprovers": [{}]}]}}`,
			want: []want{
				{finding.Warning, "/requestApprovalSettings/stages/0/escalationApprovers", "lists 2 approvers"},
				{finding.Warning, "/requestApprovalSettings/stages/0/fallbackEscalationApprovers", "lists 1 approver"},
			},
		},
		{
			name:  "near miss: escalation time on a disabled stage (beta docs example 3)",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"approvalStages": [{"isEscalationEnabled": false, "escalationTimeInMinutes": 11520, "primaryApprovers": [{}]}]}}`,
		},
		{
			name:  "near miss: flag absent",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"escalationApprovers": [{}]}]}}`,
		},
		{
			name:  "near miss: escalation on",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"isEscalationEnabled": true, "escalationApprovers": [{}]}]}}`,
		},
	})
}
