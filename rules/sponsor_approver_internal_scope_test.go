package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestSponsorApproverInternalScope(t *testing.T) {
	const fallback = `"fallbackPrimaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "x"}]`
	runCases(t, SponsorApproverInternalScope, []ruleCase{
		{
			name:  "v1 member users approved by internal sponsors",
			shape: V1Policy,
			body: `{"allowedTargetScope": "allMemberUsers", "requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.internalSponsors"}], ` + fallback + `}]}}`,
			want: []want{{finding.Warning, "/requestApprovalSettings/stages/0/primaryApprovers/0/@odata.type", "`internalSponsors` in stage 1 are a connected organization's sponsors, but this policy's requestors are member users of your directory"}},
		},
		{
			name:  "beta directory subjects with external sponsors",
			shape: BetaPolicy,
			body: `{"requestorSettings": {"scopeType": "AllExistingDirectorySubjects"}, "requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [{
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.groupMembers", "isBackup": true, "id": "g"}, {"@odata.type": "#microsoft.graph.externalSponsors", "isBackup": false}]}]}}`,
			want: []want{{finding.Info, "/requestApprovalSettings/approvalStages/0/primaryApprovers/1/@odata.type", "only guests from a connected organization have such sponsors (`scopeType` is `AllExistingDirectorySubjects`)"}},
		},
		{
			name:  "near miss: v1 docs example 2 (external, sponsors)",
			shape: V1Policy,
			body: `{"allowedTargetScope": "allConfiguredConnectedOrganizationUsers", "requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.internalSponsors"}], ` + fallback + `}]}}`,
		},
		{
			name:  "near miss: the user's own sponsors",
			shape: V1Policy,
			body: `{"allowedTargetScope": "allMemberUsers", "requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.targetUserSponsors"}], ` + fallback + `}]}}`,
		},
		{
			name:  "near miss: approval not required",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "allMemberUsers", "requestApprovalSettings": {"isApprovalRequiredForAdd": false, "stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.internalSponsors"}]}]}}`,
		},
	})
}
