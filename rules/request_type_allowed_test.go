package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestRequestTypeAllowed(t *testing.T) {
	runCases(t, RequestTypeAllowed, []ruleCase{
		{
			name:  "v1 systemAdd is service-generated",
			shape: V1Request,
			body:  `{"requestType": "systemAdd", "assignment": {}}`,
			want:  []want{{finding.Error, "/requestType", "`systemAdd` requests are created by the service, not by clients: use `adminAdd`"}},
		},
		{
			name:  "beta SystemRemove is service-generated",
			shape: BetaRequest,
			body:  `{"requestType": "SystemRemove", "accessPackageAssignment": {"id": "a6bb6942-3ae1-4259-9908-0133aaee9377"}}`,
			want:  []want{{finding.Error, "/requestType", "use `AdminRemove`"}},
		},
		{
			name:  "v1 approverRemove, any case",
			shape: V1Request,
			body:  `{"requestType": "ApproverRemove"}`,
			want:  []want{{finding.Error, "/requestType", "`ApproverRemove` requests are created by the service"}},
		},
		{
			name:  "v1 notSpecified",
			shape: V1Request,
			body:  `{"requestType": "notSpecified"}`,
			want:  []want{{finding.Error, "/requestType", "not a request type a client can create: use `adminAdd`, `userAdd`"}},
		},
		{
			name:  "v1 unknownFutureValue",
			shape: V1Request,
			body:  `{"requestType": "unknownFutureValue"}`,
			want:  []want{{finding.Error, "/requestType", "not a request type a client can create"}},
		},
		{
			name:  "v1 onBehalfAdd is not supported",
			shape: V1Request,
			body:  `{"requestType": "onBehalfAdd", "assignment": {"accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"}}`,
			want:  []want{{finding.Error, "/requestType", "`onBehalfAdd` is documented as not supported: send `userAdd` with the person in `assignment.target` (`objectId`) or `assignment.targetId`"}},
		},
		{
			name:  "beta OnBehalfAdd names the beta spelling",
			shape: BetaRequest,
			body:  `{"requestType": "OnBehalfAdd"}`,
			want:  []want{{finding.Error, "/requestType", "send `UserAdd` with the person in `accessPackageAssignment.target`"}},
		},
		{
			name:  "beta typo gets a suggestion",
			shape: BetaRequest,
			body:  `{"requestType": "AdminAad", "accessPackageAssignment": {}}`,
			want:  []want{{finding.Error, "/requestType", "`AdminAad` is not a request type: did you mean `AdminAdd`?"}},
		},
		{
			name:  "beta unrelated value lists the types",
			shape: BetaRequest,
			body:  `{"requestType": "Assign"}`,
			want:  []want{{finding.Error, "/requestType", "`Assign` is not a request type: use `AdminAdd`, `AdminUpdate`, `AdminRemove`, `UserAdd`, `UserUpdate`, `UserRemove` or `UserExtend`"}},
		},
		{
			name:  "near miss: v1 non-member is left to the schema",
			shape: V1Request,
			body:  `{"requestType": "assign"}`,
		},
		{
			name:  "near miss: v1 UserExtend is not a v1.0 member (schema reports it)",
			shape: V1Request,
			body:  `{"requestType": "UserExtend"}`,
		},
		{
			name:  "near miss: beta UserExtend",
			shape: BetaRequest,
			body:  `{"requestType": "UserExtend", "accessPackageAssignment": {}}`,
		},
		{
			name:  "near miss: v1 docs example 1 (adminAdd)",
			shape: V1Request,
			body:  `{"requestType": "adminAdd", "assignment": {"targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9", "assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8", "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"}}`,
		},
		{
			name:  "near miss: casing is another rule's job",
			shape: V1Request,
			body:  `{"requestType": "UserAdd"}`,
		},
		{
			name:  "near miss: beta casing is another rule's job",
			shape: BetaRequest,
			body:  `{"requestType": "adminRemove"}`,
		},
		{
			name:  "near miss: missing requestType is the schema's job",
			shape: V1Request,
			body:  `{"assignment": {"id": "x"}}`,
		},
	})
}
