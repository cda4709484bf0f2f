package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestRequestAssignmentKey(t *testing.T) {
	if len(RequestAssignmentKey.Supersedes) != 1 || RequestAssignmentKey.Supersedes[0] != "schema-unknown-property" {
		t.Errorf("Supersedes = %v, want [schema-unknown-property]", RequestAssignmentKey.Supersedes)
	}
	runCases(t, RequestAssignmentKey, []ruleCase{
		{
			name:  "v1 with the beta name (docs example 4)",
			shape: V1Request,
			body:  `{"requestType": "UserAdd", "accessPackageAssignment": {"accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"}, "justification": "Need access to New Hire access package"}`,
			want:  []want{{finding.Warning, "/accessPackageAssignment", "`accessPackageAssignment` is the legacy beta name: rename it to `assignment`"}},
		},
		{
			name:  "beta legacy with the v1.0 name",
			shape: BetaRequest,
			body:  `{"requestType": "AdminRemove", "assignment": {"id": "a6bb6942-3ae1-4259-9908-0133aaee9377"}}`,
			want:  []want{{finding.Warning, "/assignment", "`assignment` is the v1.0 name: rename it to `accessPackageAssignment`"}},
		},
		{
			name:  "v1 with both names",
			shape: V1Request,
			body:  `{"requestType": "adminRemove", "assignment": {"id": "a"}, "accessPackageAssignment": {"id": "a"}}`,
			want:  []want{{finding.Warning, "/accessPackageAssignment", "`assignment` is also present: remove `accessPackageAssignment`"}},
		},
		{
			name:  "near miss: v1 docs example 2",
			shape: V1Request,
			body:  `{"requestType": "adminRemove", "assignment": {"id": "a6bb6942-3ae1-4259-9908-0133aaee9377"}}`,
		},
		{
			name:  "near miss: beta docs example 4",
			shape: BetaRequest,
			body:  `{"requestType": "AdminRemove", "accessPackageAssignment": {"id": "a6bb6942-3ae1-4259-9908-0133aaee9377"}}`,
		},
		{
			name:  "near miss: nested key of the same name is not the request's",
			shape: V1Request,
			body:  `{"requestType": "adminRemove", "assignment": {"id": "a", "accessPackageAssignment": {}}}`,
		},
	})
}
