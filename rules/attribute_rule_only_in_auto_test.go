package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestAttributeRuleOnlyInAuto(t *testing.T) {
	const rule = `{"@odata.type": "#microsoft.graph.attributeRuleMembers", "description": "Sales", "membershipRule": "(user.department -eq \"Sales\")"}`
	runCases(t, AttributeRuleOnlyInAuto, []ruleCase{
		{
			name:  "rule in a request-based policy",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "specificDirectoryUsers", "specificAllowedTargets": [` + rule + `]}`,
			want:  []want{{finding.Warning, "/specificAllowedTargets/0/@odata.type", "this policy has no `automaticRequestSettings`"}},
		},
		{
			name:  "rule next to a group, automaticRequestSettings null",
			shape: V1Policy,
			body:  `{"automaticRequestSettings": null, "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "x"}, ` + rule + `]}`,
			want:  []want{{finding.Warning, "/specificAllowedTargets/1/@odata.type", "`attributeRuleMembers` assigns the users its rule matches automatically"}},
		},
		{
			name:  "near miss: docs example 3 (automatic policy)",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "specificDirectoryUsers", "specificAllowedTargets": [` + rule + `], "automaticRequestSettings": {"requestAccessForAllowedTargets": true}}`,
		},
		{
			name:  "near miss: request-based policy with a group",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "specificDirectoryUsers", "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "x"}]}`,
		},
	})
}
