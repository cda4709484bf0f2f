package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestRequestUserAddFields(t *testing.T) {
	runCases(t, RequestUserAddFields, []ruleCase{
		{
			name:  "v1 userAdd without accessPackageId",
			shape: V1Request,
			body:  `{"requestType": "userAdd", "assignment": {"assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8"}}`,
			want:  []want{{finding.Error, "/assignment", "`assignment` lacks `accessPackageId`: a `userAdd` request must name the access package"}},
		},
		{
			name:  "v1 userAdd without assignment",
			shape: V1Request,
			body:  `{"requestType": "userAdd", "justification": "need it"}`,
			want:  []want{{finding.Error, "/requestType", "a `userAdd` request needs `assignment` with the `accessPackageId`"}},
		},
		{
			name:  "beta UserAdd with null assignment",
			shape: BetaRequest,
			body:  `{"requestType": "UserAdd", "accessPackageAssignment": null}`,
			want:  []want{{finding.Error, "/accessPackageAssignment", "`accessPackageAssignment` is null"}},
		},
		{
			name:  "near miss: v1 userAdd without a policy (docs example 3)",
			shape: V1Request,
			body:  `{"@odata.type": "#microsoft.graph.accessPackageAssignmentRequest", "requestType": "userAdd", "answers": [], "assignment": {"accessPackageId": "977c7ff4-ef8f-4910-9d31-49048ddf3120"}}`,
		},
		{
			name:  "near miss: beta UserAdd with only accessPackageId (docs example 3)",
			shape: BetaRequest,
			body:  `{"requestType": "UserAdd", "accessPackageAssignment": {"accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"}, "justification": "Need access to New Hire access package"}`,
		},
		{
			name:  "v1 userAdd naming the package by navigation reference",
			shape: V1Request,
			body:  `{"requestType": "userAdd", "assignment": {"accessPackage": {"id": "a"}, "assignmentPolicyId": "p"}}`,
			want:  []want{{finding.Warning, "/assignment/accessPackage", "use `accessPackageId` instead of the `accessPackage` reference"}},
		},
		{
			name:  "v1 userUpdate with neither id nor package",
			shape: V1Request,
			body:  `{"requestType": "userUpdate", "assignment": {"targetId": "u"}, "schedule": {}}`,
			want:  []want{{finding.Error, "/assignment", "`assignment` has neither `id` nor `accessPackageId`: a `userUpdate` request names the assignment to update by its `id`"}},
		},
		{
			name:  "v1 userUpdate without assignment",
			shape: V1Request,
			body:  `{"requestType": "userUpdate"}`,
			want:  []want{{finding.Error, "/requestType", "needs `assignment` with the `id` of the assignment to update"}},
		},
		{
			name:  "v1 userUpdate with package only",
			shape: V1Request,
			body:  `{"requestType": "userUpdate", "assignment": {"accessPackageId": "a"}}`,
			want:  []want{{finding.Warning, "/assignment", "`assignment` has neither `id` nor `assignmentPolicyId`"}},
		},
		{
			name:  "v1 userUpdate per the older prose",
			shape: V1Request,
			body:  `{"requestType": "userUpdate", "assignment": {"targetId": "u", "assignmentPolicyId": "p", "accessPackageId": "a"}}`,
			want:  []want{{finding.Info, "/assignment", "the current v1.0 docs name the assignment a `userUpdate` request updates by its `id`"}},
		},
		{
			name:  "beta UserExtend with nothing",
			shape: BetaRequest,
			body:  `{"requestType": "UserExtend", "accessPackageAssignment": {}}`,
			want:  []want{{finding.Error, "/accessPackageAssignment", "has neither `id` nor `accessPackageId`: a `UserExtend` request"}},
		},
		{
			name:  "near miss: beta UserExtend per the beta prose",
			shape: BetaRequest,
			body:  `{"requestType": "UserExtend", "accessPackageAssignment": {"targetId": "u", "assignmentPolicyId": "p", "accessPackageId": "a"}}`,
		},
		{
			name:  "near miss: v1 docs example 8 (userUpdate with the assignment id)",
			shape: V1Request,
			body:  `{"requestType": "userUpdate", "answers": [], "schedule": {"startDateTime": "2024-09-18T20:49:16.17Z", "recurrence": null, "expiration": {"endDateTime": "2024-10-18T20:49:15.17Z", "duration": null, "type": "afterDateTime"}}, "assignment": {"id": "329f8dac-8062-4c1b-a9b8-39b7132f9bff"}}`,
		},
		{
			name:  "near miss: beta docs example 2 (UserAdd with all three)",
			shape: BetaRequest,
			body:  `{"requestType": "UserAdd", "accessPackageAssignment": {"targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9", "assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8", "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"}}`,
		},
		{
			name:  "near miss: v1 on-behalf userAdd with target (docs example 9)",
			shape: V1Request,
			body:  `{"requestType": "UserAdd", "assignment": {"accessPackageId": "a", "assignmentPolicyId": "p", "target": {"objectId": "u"}}}`,
		},
		{
			name:  "near miss: v1 UserExtend is not a v1.0 type",
			shape: V1Request,
			body:  `{"requestType": "UserExtend", "assignment": {}}`,
		},
		{
			name:  "near miss: adminAdd is another rule's job",
			shape: V1Request,
			body:  `{"requestType": "adminAdd", "assignment": {}}`,
		},
	})
}
