package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestApprovalStageMax3(t *testing.T) {
	runCases(t, ApprovalStageMax3, []ruleCase{
		{
			name:  "v1 four stages",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{}, {}, {}, {}]}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/stages/3", "`stages` has 4 stages but Graph allows at most 3"}},
		},
		{
			name:  "beta five stages",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [{}, {}, {}, {}, {}]}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/approvalStages/3", "`approvalStages` has 5 stages"}},
		},
		{
			name:  "near miss: v1 three stages",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{}, {}, {}]}}`,
		},
		{
			name:  "near miss: beta three stages (beta page still says two, but three are GA)",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalMode": "Serial", "approvalStages": [{}, {}, {}]}}`,
		},
	})
}
