package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestODataTypePrefix(t *testing.T) {
	runCases(t, ODataTypePrefix, []ruleCase{
		{name: "missing # in a nested set", shape: V1Policy,
			body: `{"specificAllowedTargets": [{"@odata.type": "microsoft.graph.singleUser", "userId": "x"}]}`,
			want: []want{{finding.Warning, "/specificAllowedTargets/0/@odata.type", "`\"#microsoft.graph.singleUser\"`"}}},
		{name: "missing # in a choice", shape: V1Policy,
			body: `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "choices": [{"@odata.type": "microsoft.graph.accessPackageAnswerChoice"}]}]}`,
			want: []want{{finding.Warning, "/questions/0/choices/0/@odata.type", "leading `#`"}}},
		{name: "near miss: with #", shape: BetaPolicy,
			body: `{"requestApprovalSettings": {"approvalStages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser"}]}]}}`},
		{name: "near miss: not a Graph type (the schema reports it)", shape: V1Request,
			body: `{"answers": [{"@odata.type": "accessPackageAnswerString"}]}`},
		{name: "near miss: a property value that is not an annotation", shape: V1Request,
			body: `{"justification": "microsoft.graph.singleUser"}`},
	})
}
