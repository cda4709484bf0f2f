package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestUpdateApprovalWithoutAdd(t *testing.T) {
	runCases(t, UpdateApprovalWithoutAdd, []ruleCase{
		{
			name:  "v1 update only",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": false, "isApprovalRequiredForUpdate": true, "stages": [{}]}}`,
			want:  []want{{finding.Info, "/requestApprovalSettings/isApprovalRequiredForAdd", "`isApprovalRequiredForUpdate` is true but `isApprovalRequiredForAdd` is not"}},
		},
		{
			name:  "beta extension only, add flag absent",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForExtension": true, "approvalStages": [{}]}}`,
			want:  []want{{finding.Info, "/requestApprovalSettings/isApprovalRequiredForExtension", "set `isApprovalRequired` to true"}},
		},
		{
			name:  "near miss: v1 docs example 4 (both, as strings)",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": "true", "isApprovalRequiredForUpdate": "true"}}`,
		},
		{
			name:  "near miss: v1 docs example 2 (add only)",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "isApprovalRequiredForUpdate": false}}`,
		},
		{
			name:  "near miss: no approval",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequired": false, "isApprovalRequiredForExtension": false}}`,
		},
	})
}
