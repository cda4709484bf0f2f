package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestV1TargetScopeMatch(t *testing.T) {
	runCases(t, V1TargetScopeMatch, []ruleCase{
		{
			name:  "specific directory users with no targets",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "specificDirectoryUsers", "specificAllowedTargets": []}`,
			want:  []want{{finding.Warning, "/specificAllowedTargets", "`allowedTargetScope` is `specificDirectoryUsers` but `specificAllowedTargets` is empty, so nobody can be assigned: list the `singleUser` or `groupMembers` entries, or use `allMemberUsers` or `allDirectoryUsers`"}},
		},
		{
			name:  "specific connected organizations without the member",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "specificConnectedOrganizationUsers"}`,
			want:  []want{{finding.Warning, "/allowedTargetScope", "`specificAllowedTargets` is missing"}},
		},
		{
			name:  "specific service principals with null targets",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "specificDirectoryServicePrincipals", "specificAllowedTargets": null}`,
			want:  []want{{finding.Warning, "/specificAllowedTargets", "is null, so nobody can be assigned: list the principals, or use `allDirectoryServicePrincipals`"}},
		},
		{
			name:  "connected organization under the directory scope",
			shape: V1Policy,
			body: `{"allowedTargetScope": "specificDirectoryUsers", "specificAllowedTargets": [
				{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "1623f912-5e86-41c2-af47-39dd67582b66"},
				{"@odata.type": "#microsoft.graph.connectedOrganizationMembers", "connectedOrganizationId": "1623f912-5e86-41c2-af47-39dd67582b66"}]}`,
			want: []want{{finding.Warning, "/specificAllowedTargets/1/@odata.type", "`connectedOrganizationMembers` does not go with `allowedTargetScope` `specificDirectoryUsers`: such targets need `specificConnectedOrganizationUsers`"}},
		},
		{
			name:  "user under the connected-organization scope",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "specificConnectedOrganizationUsers", "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "x"}]}`,
			want:  []want{{finding.Warning, "/specificAllowedTargets/0/@odata.type", "such targets need `specificDirectoryUsers`"}},
		},
		{
			name:  "approver type as a target",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "specificDirectoryUsers", "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.requestorManager"}]}`,
			want:  []want{{finding.Warning, "/specificAllowedTargets/0/@odata.type", "`requestorManager` is not a target type for `allowedTargetScope` `specificDirectoryUsers`: list `singleUser`, `groupMembers` or `attributeRuleMembers`"}},
		},
		{
			name:  "all member users with ignored targets",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "allMemberUsers", "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "x"}]}`,
			want:  []want{{finding.Warning, "/specificAllowedTargets", "`allowedTargetScope` `allMemberUsers` ignores `specificAllowedTargets`, which lists 1 principal: send `specificAllowedTargets: []`, or use `specificDirectoryUsers`"}},
		},
		{
			name:  "notSpecified with a connected organization",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "notSpecified", "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.connectedOrganizationMembers", "connectedOrganizationId": "x"}]}`,
			want:  []want{{finding.Warning, "/specificAllowedTargets", "use `specificConnectedOrganizationUsers`"}},
		},
		{
			name:  "near miss: docs example 1 (notSpecified, [])",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "notSpecified", "specificAllowedTargets": []}`,
		},
		{
			name:  "near miss: docs example 3 (attribute rule in an automatic policy)",
			shape: V1Policy,
			body: `{"allowedTargetScope": "specificDirectoryUsers", "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.attributeRuleMembers",
				"description": "Membership rule for all users from sales department", "membershipRule": "(user.department -eq \"Sales\")"}],
				"automaticRequestSettings": {"requestAccessForAllowedTargets": true}}`,
		},
		{
			name:  "near miss: docs example 4 (all member users, no targets member)",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "allMemberUsers"}`,
		},
		{
			name:  "near miss: service principals of any listed type",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "specificDirectoryServicePrincipals", "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.singleServicePrincipal", "servicePrincipalId": "x"}]}`,
		},
		{
			name:  "near miss: unknown scope and wrong types are the schema's job",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "everyone", "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.groupMembers"}]}`,
		},
		{
			name:  "near miss: targets of the wrong JSON type",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "specificDirectoryUsers", "specificAllowedTargets": {}}`,
		},
	})
}
