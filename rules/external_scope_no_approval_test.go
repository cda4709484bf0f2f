package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestExternalScopeNoApproval(t *testing.T) {
	runCases(t, ExternalScopeNoApproval, []ruleCase{
		{
			name:  "v1 all external users without approval",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "allExternalUsers", "requestorSettings": {"enableTargetsToSelfAddAccess": true}, "requestApprovalSettings": {"isApprovalRequiredForAdd": false, "stages": []}}`,
			want:  []want{{finding.Warning, "/requestApprovalSettings/isApprovalRequiredForAdd", "users from outside the organization can request (`allowedTargetScope` is `allExternalUsers`) but `isApprovalRequiredForAdd` is not true"}},
		},
		{
			name:  "beta connected organizations with null approval settings",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "AllConfiguredConnectedOrganizationSubjects", "acceptRequests": true}, "requestApprovalSettings": null}`,
			want:  []want{{finding.Warning, "/requestApprovalSettings", "(`scopeType` is `AllConfiguredConnectedOrganizationSubjects`) but `isApprovalRequired` is not true"}},
		},
		{
			name:  "v1 specific connected organizations, no approval settings",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "specificConnectedOrganizationUsers"}`,
			want:  []want{{finding.Warning, "/allowedTargetScope", "`isApprovalRequiredForAdd` is not true"}},
		},
		{
			name:  "near miss: v1 docs example 2 (external, approval required)",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "allConfiguredConnectedOrganizationUsers", "requestorSettings": {"enableTargetsToSelfAddAccess": true}, "requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{}]}}`,
		},
		{
			name:  "near miss: beta docs example 2 (external, approval required)",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "AllExistingConnectedOrganizationSubjects", "acceptRequests": true}, "requestApprovalSettings": {"isApprovalRequired": true}}`,
		},
		{
			name:  "near miss: internal scope without approval (beta example 4)",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "AllExistingDirectorySubjects", "acceptRequests": true}, "requestApprovalSettings": null}`,
		},
		{
			name:  "near miss: beta policy not accepting requests",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "AllExternalSubjects", "acceptRequests": false}}`,
		},
		{
			name:  "near miss: v1 policy taking no requests",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "allExternalUsers", "requestorSettings": {"enableTargetsToSelfAddAccess": false}, "requestApprovalSettings": {"isApprovalRequiredForAdd": false}}`,
		},
	})
}
