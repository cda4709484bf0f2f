package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestApproverTypeAllowed(t *testing.T) {
	runCases(t, ApproverTypeAllowed, []ruleCase{
		{
			name:  "v1 target manager as primary, connected organization as fallback escalation",
			shape: V1Policy,
			body: `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"durationBeforeAutomaticDenial": "P14D",
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.targetManager", "managerLevel": 1}],
				"fallbackPrimaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "x"}],
				"escalationApprovers": [],
				"fallbackEscalationApprovers": [{"@odata.type": "#microsoft.graph.connectedOrganizationMembers", "connectedOrganizationId": "y"}]}]}}`,
			want: []want{
				{finding.Error, "/requestApprovalSettings/stages/0/primaryApprovers/0/@odata.type", "`targetManager` cannot approve: it names the target's manager as an on-behalf requestor; for the requestor's manager as approver use `requestorManager`"},
				{finding.Error, "/requestApprovalSettings/stages/0/fallbackEscalationApprovers/0/@odata.type", "`connectedOrganizationMembers` cannot approve"},
			},
		},
		{
			name:  "beta attribute rule as escalation approver, even without approval",
			shape: BetaPolicy,
			body: `{"requestApprovalSettings": {"isApprovalRequired": false, "approvalStages": [{"approvalStageTimeOutInDays": 14,
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "id": "x"}],
				"escalationApprovers": [{"@odata.type": "#microsoft.graph.attributeRuleMembers", "membershipRule": "(user.department -eq \"Sales\")"}]}]}}`,
			want: []want{{finding.Error, "/requestApprovalSettings/approvalStages/0/escalationApprovers/0/@odata.type", "`attributeRuleMembers` cannot approve"}},
		},
		{
			name:  "v1 lifecycle workflow set",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.identityGovernance.groupBasedSubjectSet"}]}]}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/stages/0/primaryApprovers/0/@odata.type", "use `groupMembers`"}},
		},
		{
			name:  "near miss: every documented approver type",
			shape: V1Policy,
			body: `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "x"}, {"@odata.type": "#microsoft.graph.groupMembers", "groupId": "g"},
					{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}, {"@odata.type": "#microsoft.graph.internalSponsors"},
					{"@odata.type": "#microsoft.graph.externalSponsors"}, {"@odata.type": "#microsoft.graph.targetUserSponsors"}],
				"escalationApprovers": [{"@odata.type": "#microsoft.graph.singleServicePrincipal", "servicePrincipalId": "s"}]}]}}`,
		},
		{
			name:  "near miss: beta docs example 2 (group backup, sponsors, user escalation)",
			shape: BetaPolicy,
			body: `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [{
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.groupMembers", "isBackup": true, "id": "g"}, {"@odata.type": "#microsoft.graph.externalSponsors", "isBackup": false}],
				"escalationApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "isBackup": true, "id": "u"}]}]}}`,
		},
		{
			name:  "near miss: unknown or missing types are the schema's job",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.nobody"}, {"userId": "x"}]}]}}`,
		},
	})
}
