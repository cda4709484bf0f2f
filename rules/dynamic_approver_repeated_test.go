package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestDynamicApproverRepeated(t *testing.T) {
	v1 := func(stages string) string {
		return `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [` + stages + `]}}`
	}
	const (
		manager  = `{"primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager"}], "fallbackPrimaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "x"}]}`
		manager2 = `{"primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 2}]}`
		user     = `{"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "y"}]}`
	)
	runCases(t, DynamicApproverRepeated, []ruleCase{
		{
			name:  "manager in stages 1 and 3",
			shape: V1Policy,
			body:  v1(manager + `, ` + user + `, {"primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}]}`),
			want:  []want{{finding.Warning, "/requestApprovalSettings/stages/2/primaryApprovers/0/@odata.type", "`requestorManager` (level 1) already approves in stage 1, so stage 3 asks the same people again"}},
		},
		{
			name:  "beta internal sponsors twice",
			shape: BetaPolicy,
			body: `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [
				{"primaryApprovers": [{"@odata.type": "#microsoft.graph.groupMembers", "isBackup": true, "id": "g"}, {"@odata.type": "#microsoft.graph.internalSponsors"}]},
				{"primaryApprovers": [{"@odata.type": "#microsoft.graph.internalSponsors"}, {"@odata.type": "#microsoft.graph.groupMembers", "isBackup": true, "id": "g"}]}]}}`,
			want: []want{{finding.Warning, "/requestApprovalSettings/approvalStages/1/primaryApprovers/0/@odata.type", "`internalSponsors` already approves in stage 1"}},
		},
		{
			name:  "near miss: manager then second-level manager",
			shape: V1Policy,
			body:  v1(manager + `, ` + manager2),
		},
		{
			name:  "near miss: beta docs example 2 (external then internal sponsors)",
			shape: BetaPolicy,
			body: `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [
				{"primaryApprovers": [{"@odata.type": "#microsoft.graph.groupMembers", "isBackup": true, "id": "g"}, {"@odata.type": "#microsoft.graph.externalSponsors", "isBackup": false}]},
				{"primaryApprovers": [{"@odata.type": "#microsoft.graph.groupMembers", "isBackup": true, "id": "g"}, {"@odata.type": "#microsoft.graph.internalSponsors", "isBackup": false}]}]}}`,
		},
		{
			name:  "near miss: the same user in two stages is not a dynamic approver",
			shape: V1Policy,
			body:  v1(user + `, ` + user),
		},
		{
			name:  "near miss: approval not required",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": false, "stages": [` + manager + `, ` + manager + `]}}`,
		},
	})
}
