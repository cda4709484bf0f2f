package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestV1ApproverJustificationNoop(t *testing.T) {
	runCases(t, V1ApproverJustificationNoop, []ruleCase{
		{
			name:  "justification required in stage 2",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"isApproverJustificationRequired": false}, {"isApproverJustificationRequired": true}]}}`,
			want:  []want{{finding.Info, "/requestApprovalSettings/stages/1/isApproverJustificationRequired", "reported to have no effect when set through v1.0"}},
		},
		{
			name:  "near miss: docs examples send false",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"isApproverJustificationRequired": false}]}}`,
		},
		{
			name:  "near miss: docs example 4 sends the string false",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": "true", "stages": [{"isApproverJustificationRequired": "false"}]}}`,
		},
	})
}
