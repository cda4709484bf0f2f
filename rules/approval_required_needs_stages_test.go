package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestApprovalRequiredNeedsStages(t *testing.T) {
	runCases(t, ApprovalRequiredNeedsStages, []ruleCase{
		{
			name:  "beta required with empty stages",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalMode": "SingleStage", "approvalStages": []}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/approvalStages", "`isApprovalRequired` is true but `approvalStages` is empty"}},
		},
		{
			name:  "beta extension approval with null stages",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequired": false, "isApprovalRequiredForExtension": true, "approvalStages": null}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/approvalStages", "`isApprovalRequiredForExtension` is true but `approvalStages` is null"}},
		},
		{
			name:  "v1 required without stages member",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": false, "isApprovalRequiredForUpdate": true}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/isApprovalRequiredForUpdate", "there is no `stages`"}},
		},
		{
			name:  "v1 required with empty stages",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": []}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/stages", "add at least one approval stage, or set `isApprovalRequiredForAdd` to false"}},
		},
		{
			name:  "near miss: v1 docs example 1 (no approval, no stages)",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": false, "isApprovalRequiredForUpdate": false, "stages": []}}`,
		},
		{
			name:  "near miss: v1 required with one stage",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"durationBeforeAutomaticDenial": "P14D"}]}}`,
		},
		{
			name:  "near miss: beta docs example 4 (requestApprovalSettings null)",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": null}`,
		},
		{
			name:  "near miss: stages of the wrong type are the schema's job",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": {}}}`,
		},
		{
			name:  "string \"true\" counts as true (the schema reports the type)",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequired": "true", "approvalStages": []}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/approvalStages", "`isApprovalRequired` is true"}},
		},
		{
			name:  "near miss: string \"false\"",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": "false", "stages": []}}`,
		},
	})
}
