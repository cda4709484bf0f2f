package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestManagerApproverExternalScope(t *testing.T) {
	const manager = `{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}`
	runCases(t, ManagerApproverExternalScope, []ruleCase{
		{
			name:  "v1 external users approved by their manager",
			shape: V1Policy,
			body: `{"allowedTargetScope": "allExternalUsers", "requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{
				"primaryApprovers": [` + manager + `], "fallbackPrimaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "x"}]}]}}`,
			want: []want{{finding.Warning, "/requestApprovalSettings/stages/0/primaryApprovers/0/@odata.type", "`requestorManager` in stage 1: this policy's requestors come from outside the directory (`allowedTargetScope` is `allExternalUsers`)"}},
		},
		{
			name:  "beta connected organization with manager escalation",
			shape: BetaPolicy,
			body: `{"requestorSettings": {"scopeType": "SpecificConnectedOrganizationSubjects"}, "requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [{
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.externalSponsors"}], "escalationApprovers": [` + manager + `]}]}}`,
			want: []want{{finding.Warning, "/requestApprovalSettings/approvalStages/0/escalationApprovers/0/@odata.type", "(`scopeType` is `SpecificConnectedOrganizationSubjects`)"}},
		},
		{
			name:  "near miss: v1 update example (directory users, manager)",
			shape: V1Policy,
			body: `{"allowedTargetScope": "allDirectoryUsers", "requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{
				"primaryApprovers": [` + manager + `], "fallbackPrimaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "x"}]}]}}`,
		},
		{
			name:  "near miss: v1 docs example 2 (external, sponsors)",
			shape: V1Policy,
			body: `{"allowedTargetScope": "allConfiguredConnectedOrganizationUsers", "requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.internalSponsors"}]}]}}`,
		},
		{
			name:  "near miss: approval not required",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "allExternalUsers", "requestApprovalSettings": {"isApprovalRequiredForAdd": false, "stages": [{"primaryApprovers": [` + manager + `]}]}}`,
		},
	})
}
