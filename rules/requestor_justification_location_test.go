package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestRequestorJustificationLocation(t *testing.T) {
	runCases(t, RequestorJustificationLocation, []ruleCase{
		{
			name:  "v1 in requestorSettings",
			shape: V1Policy,
			body:  `{"requestorSettings": {"enableTargetsToSelfAddAccess": true, "isRequestorJustificationRequired": true}, "requestApprovalSettings": {"isApprovalRequiredForAdd": false}}`,
			want:  []want{{finding.Error, "/requestorSettings/isRequestorJustificationRequired", "`isRequestorJustificationRequired` belongs in `requestApprovalSettings`, not `requestorSettings`: move it there"}},
		},
		{
			name:  "beta at the top level, also in the approval settings",
			shape: BetaPolicy,
			body:  `{"isRequestorJustificationRequired": false, "requestApprovalSettings": {"isApprovalRequired": false, "isRequestorJustificationRequired": false}}`,
			want:  []want{{finding.Error, "/isRequestorJustificationRequired", "not the top level of the policy, and `requestApprovalSettings` already has it: remove this one"}},
		},
		{
			name:  "near miss: beta docs example 1 (in requestApprovalSettings)",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "NoSubjects", "acceptRequests": true}, "requestApprovalSettings": {"isApprovalRequired": false, "isRequestorJustificationRequired": false, "approvalStages": []}}`,
		},
		{
			name:  "near miss: v1 in requestApprovalSettings",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "isRequestorJustificationRequired": true}}`,
		},
	})
}
