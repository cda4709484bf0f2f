package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestEscalationApproversExplicitEmpty(t *testing.T) {
	runCases(t, EscalationApproversExplicitEmpty, []ruleCase{
		{
			name:  "beta PUT stage without escalationApprovers",
			shape: BetaPolicy,
			body:  `{"id": "5540a08f-7f49-4d3a-a7b9-0e9a2f3c4d5e", "requestApprovalSettings": {"isApprovalRequired": true, "approvalMode": "SingleStage", "approvalStages": [{"approvalStageTimeOutInDays": 14, "isEscalationEnabled": false, "escalationTimeInMinutes": 11520, "primaryApprovers": [{}]}]}}`,
			want:  []want{{finding.Warning, "/requestApprovalSettings/approvalStages/0", "the stage has no `escalationApprovers`: send `\"escalationApprovers\": []`"}},
		},
		{
			name:  "near miss: null is the schema's finding",
			shape: BetaPolicy,
			body:  `{"id": "x", "requestApprovalSettings": {"approvalStages": [{"escalationApprovers": null}]}}`,
		},
		{
			name:  "near miss: a create like the beta docs example 3",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalMode": "SingleStage", "approvalStages": [{"approvalStageTimeOutInDays": 14, "isEscalationEnabled": false, "escalationTimeInMinutes": 11520, "primaryApprovers": [{}]}]}}`,
		},
		{
			name:  "v1 missing is info, even with fallback escalation approvers",
			shape: V1Policy,
			body:  `{"id": "x", "requestApprovalSettings": {"stages": [{"isEscalationEnabled": true, "fallbackEscalationApprovers": [{}]}]}}`,
			want:  []want{{finding.Info, "/requestApprovalSettings/stages/0", "the stage has no `escalationApprovers`"}},
		},
		{
			name:  "near miss: escalation on with nobody is escalation-needs-approvers' finding",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"approvalStages": [{"isEscalationEnabled": true}]}}`,
		},
		{
			name:  "near miss: v1 docs example stage with empty lists",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"durationBeforeAutomaticDenial": "P14D", "isEscalationEnabled": false, "durationBeforeEscalation": "PT0S", "primaryApprovers": [{}], "escalationApprovers": [], "fallbackEscalationApprovers": []}]}}`,
		},
		{
			name:  "near miss: no stages",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequired": false, "approvalStages": []}}`,
		},
	})
}
