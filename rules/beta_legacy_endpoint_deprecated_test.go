package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestBetaLegacyEndpointDeprecated(t *testing.T) {
	runCases(t, BetaLegacyEndpointDeprecated, []ruleCase{
		{
			name:  "legacy beta request, reported once at the root",
			shape: BetaRequest,
			body:  `{"requestType": "AdminAdd", "accessPackageAssignment": {"targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9", "answers": [{}, {}]}}`,
			want:  []want{{finding.Info, "", "POST the v1.0 shape (`assignment`, camelCase `requestType`) to `/identityGovernance/entitlementManagement/assignmentRequests`"}},
		},
	})
	// Near misses: the v1.0 request shape (also accepted under /beta) and the
	// legacy policy endpoint, which has no retirement note.
	for _, s := range []Shape{V1Request, BetaPolicy, V1Policy} {
		if BetaLegacyEndpointDeprecated.AppliesTo(s) {
			t.Errorf("applies to %s", s)
		}
	}
}
