package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestAutoPolicyShape(t *testing.T) {
	const rule = `{"@odata.type": "#microsoft.graph.attributeRuleMembers", "description": "Sales", "membershipRule": "(user.department -eq \"Sales\")"}`
	runCases(t, AutoPolicyShape, []ruleCase{
		{
			name:  "automatic policy without a rule",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "specificDirectoryUsers", "specificAllowedTargets": [], "automaticRequestSettings": {"requestAccessForAllowedTargets": true}}`,
			want:  []want{{finding.Warning, "/specificAllowedTargets", "no `attributeRuleMembers` rule in `specificAllowedTargets`"}},
		},
		{
			name:  "automatic policy without targets member",
			shape: V1Policy,
			body:  `{"automaticRequestSettings": {"requestAccessForAllowedTargets": true}}`,
			want:  []want{{finding.Warning, "/automaticRequestSettings", "has no `specificAllowedTargets`"}},
		},
		{
			name:  "two rules",
			shape: V1Policy,
			body:  `{"specificAllowedTargets": [` + rule + `, ` + rule + `], "automaticRequestSettings": {"requestAccessForAllowedTargets": true}}`,
			want:  []want{{finding.Info, "/specificAllowedTargets/1/@odata.type", "has 2 `attributeRuleMembers` rules"}},
		},
		{
			name:  "creation switched off",
			shape: V1Policy,
			body:  `{"specificAllowedTargets": [` + rule + `], "automaticRequestSettings": {"requestAccessForAllowedTargets": false}}`,
			want:  []want{{finding.Info, "/automaticRequestSettings/requestAccessForAllowedTargets", "creates no assignments"}},
		},
		{
			name:  "request settings on an automatic policy (string booleans count)",
			shape: V1Policy,
			body: `{"specificAllowedTargets": [` + rule + `], "automaticRequestSettings": {"requestAccessForAllowedTargets": true},
				"requestorSettings": {"enableTargetsToSelfAddAccess": "true", "enableOnBehalfRequestorsToAddAccess": true},
				"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"durationBeforeAutomaticDenial": "P14D"}]},
				"questions": [{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "text": "Why?"}]}`,
			want: []want{
				{finding.Warning, "/requestorSettings/enableTargetsToSelfAddAccess", "nobody requests through an automatic assignment policy"},
				{finding.Warning, "/requestorSettings/enableOnBehalfRequestorsToAddAccess", "set it to false"},
				{finding.Warning, "/requestApprovalSettings/isApprovalRequiredForAdd", "never approved: set it to false and send `stages: []`"},
				{finding.Warning, "/questions", "remove the 1 question"},
			},
		},
		{
			name:  "near miss: docs example 3",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "specificDirectoryUsers", "specificAllowedTargets": [` + rule + `], "automaticRequestSettings": {"requestAccessForAllowedTargets": true}}`,
		},
		{
			name:  "near miss: automatic policy with everything off",
			shape: V1Policy,
			body: `{"specificAllowedTargets": [` + rule + `], "automaticRequestSettings": {"requestAccessForAllowedTargets": true, "removeAccessWhenTargetLeavesAllowedTargets": true, "gracePeriodBeforeAccessRemoval": "P7D"},
				"requestorSettings": {"enableTargetsToSelfAddAccess": false}, "requestApprovalSettings": {"isApprovalRequiredForAdd": false, "stages": []}, "questions": []}`,
		},
		{
			name:  "near miss: request-based policy (update example, automaticRequestSettings null)",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "allDirectoryUsers", "automaticRequestSettings": null, "specificAllowedTargets": [], "requestorSettings": {"enableTargetsToSelfAddAccess": true}}`,
		},
	})
}
