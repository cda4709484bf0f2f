package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestEscalationNeedsApprovers(t *testing.T) {
	runCases(t, EscalationNeedsApprovers, []ruleCase{
		{
			name:  "beta escalation on, empty escalationApprovers",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [{"approvalStageTimeOutInDays": 14, "isEscalationEnabled": true, "escalationTimeInMinutes": 11520, "primaryApprovers": [{}], "escalationApprovers": []}]}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/approvalStages/0/isEscalationEnabled", "escalation is enabled but `escalationApprovers` has no entry"}},
		},
		{
			name:  "v1 escalation on (string true), no lists at all, second stage",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"isEscalationEnabled": false}, {"isEscalationEnabled": "true", "durationBeforeEscalation": "P2D"}]}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/stages/1/isEscalationEnabled", "neither `escalationApprovers` nor `fallbackEscalationApprovers` has an entry"}},
		},
		{
			name:  "beta list of nulls counts as empty",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"approvalStages": [{"isEscalationEnabled": true, "escalationApprovers": [null]}]}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/approvalStages/0/isEscalationEnabled", "has no entry"}},
		},
		{
			name:  "near miss: v1 only fallback escalation approvers",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"isEscalationEnabled": true, "escalationApprovers": [], "fallbackEscalationApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "u"}]}]}}`,
		},
		{
			name:  "near miss: beta docs example 2 stage",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"approvalStages": [{"approvalStageTimeOutInDays": 14, "isEscalationEnabled": true, "escalationTimeInMinutes": 11520, "primaryApprovers": [{"@odata.type": "#microsoft.graph.externalSponsors", "isBackup": false}], "escalationApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "isBackup": true, "id": "u"}]}]}}`,
		},
		{
			name:  "near miss: escalation off without approvers",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"isEscalationEnabled": "false", "escalationApprovers": []}]}}`,
		},
		{
			name:  "near miss: stages not an array (a schema finding)",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"approvalStages": "not an array"}}`,
		},
	})
}
