package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestManagerLevelRange(t *testing.T) {
	v1 := func(stage string) string {
		return `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"durationBeforeAutomaticDenial": "P14D",
			"primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}],
			"fallbackPrimaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "x"}], ` + stage + `}]}}`
	}
	const level2 = `{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 2}`
	runCases(t, ManagerLevelRange, []ruleCase{
		{
			name:  "v1 second-level manager escalation without fallback",
			shape: V1Policy,
			body:  v1(`"isEscalationEnabled": true, "durationBeforeEscalation": "P7D", "escalationApprovers": [` + level2 + `], "fallbackEscalationApprovers": []`),
			want:  []want{{finding.Warning, "/requestApprovalSettings/stages/0/escalationApprovers/0/managerLevel", "the second-level manager escalates stage 1 with no fallback, so an escalated request has nobody to decide it when that manager can't be found: add a user or group in `fallbackEscalationApprovers`"}},
		},
		{
			name:  "beta second-level manager escalation without backup (string level)",
			shape: BetaPolicy,
			body: `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [{"approvalStageTimeOutInDays": 14, "isEscalationEnabled": true, "escalationTimeInMinutes": 11520,
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager"}, {"@odata.type": "#microsoft.graph.singleUser", "isBackup": true, "id": "x"}],
				"escalationApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": "2"}]}]}}`,
			want: []want{{finding.Warning, "/requestApprovalSettings/approvalStages/0/escalationApprovers/0/managerLevel", "with `isBackup: true`"}},
		},
		{
			name:  "near miss: v1 with a fallback escalation approver",
			shape: V1Policy,
			body:  v1(`"isEscalationEnabled": true, "escalationApprovers": [` + level2 + `], "fallbackEscalationApprovers": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "g"}]`),
		},
		{
			name:  "near miss: beta with a backup escalation approver",
			shape: BetaPolicy,
			body: `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [{"isEscalationEnabled": true,
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "id": "x"}],
				"escalationApprovers": [` + level2 + `, {"@odata.type": "#microsoft.graph.singleUser", "isBackup": true, "id": "y"}]}]}}`,
		},
		{
			name:  "near miss: escalation disabled",
			shape: V1Policy,
			body:  v1(`"isEscalationEnabled": false, "escalationApprovers": [` + level2 + `]`),
		},
		{
			name:  "near miss: second-level manager next to a named user",
			shape: V1Policy,
			body:  v1(`"isEscalationEnabled": true, "escalationApprovers": [` + level2 + `, {"@odata.type": "#microsoft.graph.singleUser", "userId": "y"}]`),
		},
		{
			name:  "near miss: v1 update example (no escalation)",
			shape: V1Policy,
			body:  v1(`"isEscalationEnabled": false, "durationBeforeEscalation": "PT0S", "escalationApprovers": [], "fallbackEscalationApprovers": []`),
		},
	})
}
