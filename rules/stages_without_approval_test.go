package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestStagesWithoutApproval(t *testing.T) {
	runCases(t, StagesWithoutApproval, []ruleCase{
		{
			name:  "beta flags false with a stage",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequired": false, "isApprovalRequiredForExtension": false, "approvalStages": [{"approvalStageTimeOutInDays": 14}]}}`,
			want:  []want{{finding.Warning, "/requestApprovalSettings/approvalStages", "`approvalStages` has 1 stage but neither `isApprovalRequired` nor `isApprovalRequiredForExtension` is true"}},
		},
		{
			name:  "v1 flags absent with two stages",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"stages": [{}, {}]}}`,
			want:  []want{{finding.Warning, "/requestApprovalSettings/stages", "`stages` has 2 stages"}},
		},
		{
			name:  "near miss: v1 docs example 2 (approval for add, two stages)",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "isApprovalRequiredForUpdate": false, "stages": [{}, {}]}}`,
		},
		{
			name:  "near miss: beta extension-only approval uses the stages",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequired": false, "isApprovalRequiredForExtension": true, "approvalStages": [{}]}}`,
		},
		{
			name:  "near miss: v1 docs example 4 (string booleans)",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": "true", "isApprovalRequiredForUpdate": "true", "stages": [{"durationBeforeAutomaticDenial": "P7D"}]}}`,
		},
		{
			name:  "string \"false\" flags with a stage",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": "false", "stages": [{}]}}`,
			want:  []want{{finding.Warning, "/requestApprovalSettings/stages", "`stages` has 1 stage"}},
		},
		{
			name:  "near miss: beta docs example 1 (NoApproval, empty stages)",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequired": false, "isApprovalRequiredForExtension": false, "approvalMode": "NoApproval", "approvalStages": []}}`,
		},
	})
}
