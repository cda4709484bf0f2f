package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestDynamicApproverFallback(t *testing.T) {
	const user = `{"@odata.type": "#microsoft.graph.singleUser", "userId": "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2"}`
	runCases(t, DynamicApproverFallback, []ruleCase{
		{
			name:  "v1 manager without fallback",
			shape: V1Policy,
			body: `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"durationBeforeAutomaticDenial": "P14D",
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}], "fallbackPrimaryApprovers": []}]}}`,
			want: []want{{finding.Info, "/requestApprovalSettings/stages/0/primaryApprovers/0/@odata.type", "stage 1 is approved only by `requestorManager`, resolved per request, and has no fallback: a requestor without one has nobody to approve; add a user or group in `fallbackPrimaryApprovers`"}},
		},
		{
			name:  "beta sponsors without backup",
			shape: BetaPolicy,
			body: `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [{"approvalStageTimeOutInDays": 14,
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.externalSponsors", "isBackup": false}, {"@odata.type": "#microsoft.graph.internalSponsors"}]}]}}`,
			want: []want{{finding.Info, "/requestApprovalSettings/approvalStages/0/primaryApprovers/0/@odata.type", "`externalSponsors`, resolved per request, and has no fallback: a requestor without one has nobody to approve; add a `singleUser` or `groupMembers` approver with `isBackup: true`"}},
		},
		{
			name:  "v1 escalation to sponsors without fallback",
			shape: V1Policy,
			body: `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"primaryApprovers": [` + user + `],
				"isEscalationEnabled": "true", "escalationApprovers": [{"@odata.type": "#microsoft.graph.targetUserSponsors"}], "fallbackEscalationApprovers": []}]}}`,
			want: []want{{finding.Info, "/requestApprovalSettings/stages/0/escalationApprovers/0/@odata.type", "stage 1 escalates only to `targetUserSponsors`"}},
		},
		{
			name:  "near miss: v1 update example (manager with fallback)",
			shape: V1Policy,
			body: `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"durationBeforeAutomaticDenial": "P2D",
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}], "fallbackPrimaryApprovers": [` + user + `],
				"isEscalationEnabled": false, "escalationApprovers": [], "fallbackEscalationApprovers": []}]}}`,
		},
		{
			name:  "near miss: beta docs example 2 (group backup next to sponsors)",
			shape: BetaPolicy,
			body: `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [{"isEscalationEnabled": true,
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.groupMembers", "isBackup": true, "id": "g"}, {"@odata.type": "#microsoft.graph.externalSponsors", "isBackup": false}],
				"escalationApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "isBackup": true, "id": "u"}]}]}}`,
		},
		{
			name:  "near miss: manager next to a named approver",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager"}, ` + user + `]}]}}`,
		},
		{
			name:  "near miss: second-level manager escalation is manager-level-range's",
			shape: V1Policy,
			body: `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"primaryApprovers": [` + user + `],
				"isEscalationEnabled": true, "escalationApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 2}]}]}}`,
		},
		{
			name:  "near miss: escalation disabled",
			shape: V1Policy,
			body: `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"primaryApprovers": [` + user + `],
				"isEscalationEnabled": false, "escalationApprovers": [{"@odata.type": "#microsoft.graph.requestorManager"}]}]}}`,
		},
		{
			name:  "near miss: approval not required",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": false, "stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager"}]}]}}`,
		},
	})
}
