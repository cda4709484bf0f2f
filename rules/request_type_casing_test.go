package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestRequestTypeCasing(t *testing.T) {
	if len(RequestTypeCasing.Supersedes) != 1 || RequestTypeCasing.Supersedes[0] != "schema-enum" {
		t.Errorf("Supersedes = %v, want [schema-enum]", RequestTypeCasing.Supersedes)
	}
	runCases(t, RequestTypeCasing, []ruleCase{
		{
			name:  "v1 PascalCase (docs example 5)",
			shape: V1Request,
			body:  `{"requestType": "AdminAdd", "accessPackageAssignment": {"target": {"email": "user@contoso.com"}, "assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8", "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"}}`,
			want:  []want{{finding.Warning, "/requestType", "v1.0 `requestType` values are camelCase: use `adminAdd`, not `AdminAdd`"}},
		},
		{
			name:  "v1 upper case",
			shape: V1Request,
			body:  `{"requestType": "USERREMOVE"}`,
			want:  []want{{finding.Warning, "/requestType", "use `userRemove`"}},
		},
		{
			name:  "beta camelCase",
			shape: BetaRequest,
			body:  `{"requestType": "adminAdd", "accessPackageAssignment": {}}`,
			want:  []want{{finding.Warning, "/requestType", "use `AdminAdd`, not `adminAdd`"}},
		},
		{
			name:  "beta userExtend",
			shape: BetaRequest,
			body:  `{"requestType": "userExtend"}`,
			want:  []want{{finding.Warning, "/requestType", "use `UserExtend`"}},
		},
		{
			name:  "near miss: v1 camelCase",
			shape: V1Request,
			body:  `{"requestType": "userAdd", "assignment": {"accessPackageId": "977c7ff4-ef8f-4910-9d31-49048ddf3120"}}`,
		},
		{
			name:  "near miss: beta PascalCase",
			shape: BetaRequest,
			body:  `{"requestType": "AdminRemove", "accessPackageAssignment": {"id": "a6bb6942-3ae1-4259-9908-0133aaee9377"}}`,
		},
		{
			name:  "near miss: service-generated types are request-type-allowed's job",
			shape: V1Request,
			body:  `{"requestType": "SystemAdd"}`,
		},
		{
			name:  "near miss: v1 UserExtend is not a v1.0 member",
			shape: V1Request,
			body:  `{"requestType": "UserExtend"}`,
		},
		{
			name:  "near miss: unknown value",
			shape: BetaRequest,
			body:  `{"requestType": "Assign"}`,
		},
	})
}
