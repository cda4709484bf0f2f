package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestOboFlagsVsRequestors(t *testing.T) {
	runCases(t, OboFlagsVsRequestors, []ruleCase{
		{
			name:  "flag on, nobody listed",
			shape: V1Policy,
			body:  `{"requestorSettings": {"enableOnBehalfRequestorsToAddAccess": true, "onBehalfRequestors": []}}`,
			want:  []want{{finding.Warning, "/requestorSettings/enableOnBehalfRequestorsToAddAccess", "`enableOnBehalfRequestorsToAddAccess` is true but `onBehalfRequestors` is empty"}},
		},
		{
			name:  "two flags on, list absent",
			shape: V1Policy,
			body:  `{"requestorSettings": {"enableOnBehalfRequestorsToAddAccess": true, "enableOnBehalfRequestorsToRemoveAccess": "true"}}`,
			want:  []want{{finding.Warning, "/requestorSettings/enableOnBehalfRequestorsToAddAccess", "`enableOnBehalfRequestorsToAddAccess` and `enableOnBehalfRequestorsToRemoveAccess` are true"}},
		},
		{
			name:  "requestors listed, flags off",
			shape: V1Policy,
			body:  `{"requestorSettings": {"enableOnBehalfRequestorsToAddAccess": false, "onBehalfRequestors": [{"@odata.type": "#microsoft.graph.targetManager", "managerLevel": 1}]}}`,
			want:  []want{{finding.Warning, "/requestorSettings/onBehalfRequestors", "`onBehalfRequestors` lists 1 principal but no `enableOnBehalfRequestorsTo*Access` flag is true"}},
		},
		{
			name:  "near miss: docs example 1 (all off, empty list)",
			shape: V1Policy,
			body: `{"requestorSettings": {"enableOnBehalfRequestorsToAddAccess": false, "enableOnBehalfRequestorsToUpdateAccess": false,
				"enableOnBehalfRequestorsToRemoveAccess": false, "onBehalfRequestors": []}}`,
		},
		{
			name:  "near miss: manager may request on behalf",
			shape: V1Policy,
			body:  `{"requestorSettings": {"enableOnBehalfRequestorsToAddAccess": true, "onBehalfRequestors": [{"@odata.type": "#microsoft.graph.targetManager", "managerLevel": 1}]}}`,
		},
		{
			name:  "near miss: docs example 4 (no on-behalf settings)",
			shape: V1Policy,
			body:  `{"requestorSettings": {"enableTargetsToSelfAddAccess": "true"}}`,
		},
		{
			name:  "near miss: list of the wrong type is the schema's job",
			shape: V1Policy,
			body:  `{"requestorSettings": {"enableOnBehalfRequestorsToAddAccess": true, "onBehalfRequestors": {}}}`,
		},
	})
}
