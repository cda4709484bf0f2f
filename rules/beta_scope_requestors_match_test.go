package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestBetaScopeRequestorsMatch(t *testing.T) {
	runCases(t, BetaScopeRequestorsMatch, []ruleCase{
		{
			name:  "specific directory scope with empty list",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "SpecificDirectorySubjects", "acceptRequests": true, "allowedRequestors": []}}`,
			want:  []want{{finding.Error, "/requestorSettings/allowedRequestors", "`allowedRequestors` is empty, so nobody can request: list the `singleUser` or `groupMembers` who may request, or use `AllExistingDirectorySubjects`"}},
		},
		{
			name:  "specific connected-organization scope without a list",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "SpecificConnectedOrganizationSubjects"}}`,
			want:  []want{{finding.Error, "/requestorSettings/scopeType", "`allowedRequestors` is missing"}},
		},
		{
			name:  "specific scope with null list",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "SpecificDirectorySubjects", "allowedRequestors": null}}`,
			want:  []want{{finding.Error, "/requestorSettings/allowedRequestors", "is null"}},
		},
		{
			name:  "connected organization under the directory scope",
			shape: BetaPolicy,
			body: `{"requestorSettings": {"scopeType": "SpecificDirectorySubjects", "allowedRequestors": [
				{"@odata.type": "#microsoft.graph.singleUser", "id": "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2"},
				{"@odata.type": "#microsoft.graph.connectedOrganizationMembers", "id": "1623f912-5e86-41c2-af47-39dd67582b66"}]}}`,
			want: []want{{finding.Error, "/requestorSettings/allowedRequestors/1/@odata.type", "`connectedOrganizationMembers` does not go with `scopeType` `SpecificDirectorySubjects`"}},
		},
		{
			name:  "group under the connected-organization scope",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "SpecificConnectedOrganizationSubjects", "allowedRequestors": [{"@odata.type": "#microsoft.graph.groupMembers", "id": "1623f912-5e86-41c2-af47-39dd67582b66"}]}}`,
			want:  []want{{finding.Error, "/requestorSettings/allowedRequestors/0/@odata.type", "directory users need `SpecificDirectorySubjects`"}},
		},
		{
			name:  "approver type as requestor",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "SpecificDirectorySubjects", "allowedRequestors": [{"@odata.type": "#microsoft.graph.requestorManager"}]}}`,
			want:  []want{{finding.Error, "/requestorSettings/allowedRequestors/0/@odata.type", "`requestorManager` cannot be a requestor: `allowedRequestors` takes `singleUser` or `groupMembers`"}},
		},
		{
			name:  "all-subjects scope with ignored entries (older update example)",
			shape: BetaPolicy,
			body: `{"requestorSettings": {"scopeType": "AllExistingConnectedOrganizationSubjects", "acceptRequests": true, "allowedRequestors": [
				{"@odata.type": "#microsoft.graph.groupMembers", "isBackup": true},
				{"@odata.type": "#microsoft.graph.groupMembers", "isBackup": true}]}}`,
			want: []want{{finding.Warning, "/requestorSettings/allowedRequestors", "`scopeType` `AllExistingConnectedOrganizationSubjects` ignores `allowedRequestors`, which lists 2 principals: send `allowedRequestors: []`, or use `SpecificDirectorySubjects`"}},
		},
		{
			name:  "no-subjects scope with a connected organization listed",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "NoSubjects", "allowedRequestors": [{"@odata.type": "#microsoft.graph.connectedOrganizationMembers", "id": "x"}]}}`,
			want:  []want{{finding.Warning, "/requestorSettings/allowedRequestors", "use `SpecificConnectedOrganizationSubjects`"}},
		},
		{
			name:  "near miss: docs example 1 (NoSubjects, empty list)",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "NoSubjects", "acceptRequests": true, "allowedRequestors": []}}`,
		},
		{
			name:  "near miss: docs example 3 (all connected organizations, no list)",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "AllExistingConnectedOrganizationSubjects", "acceptRequests": true}}`,
		},
		{
			name:  "near miss: resource page example (group requestors)",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "SpecificDirectorySubjects", "acceptRequests": true, "allowedRequestors": [{"@odata.type": "#microsoft.graph.groupMembers", "isBackup": false, "id": "1623f912-5e86-41c2-af47-39dd67582b66", "description": "Authorized requestors"}]}}`,
		},
		{
			name:  "near miss: connected organizations under their scope",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "SpecificConnectedOrganizationSubjects", "allowedRequestors": [{"@odata.type": "#microsoft.graph.connectedOrganizationMembers", "id": "1623f912-5e86-41c2-af47-39dd67582b66"}]}}`,
		},
		{
			name:  "near miss: undocumented scope and untyped entries are the schema's job",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "Everyone", "allowedRequestors": [{"id": "x"}]}}`,
		},
		{
			name:  "near miss: untyped entry under a specific scope",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "SpecificDirectorySubjects", "allowedRequestors": [{"id": "x"}]}}`,
		},
		{
			name:  "near miss: allowedRequestors of the wrong type",
			shape: BetaPolicy,
			body:  `{"requestorSettings": {"scopeType": "SpecificDirectorySubjects", "allowedRequestors": {}}}`,
		},
	})
}
