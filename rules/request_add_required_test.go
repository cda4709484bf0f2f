package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestRequestAddRequired(t *testing.T) {
	runCases(t, RequestAddRequired, []ruleCase{
		{
			name:  "v1 assignment lacks everything but the user",
			shape: V1Request,
			body:  `{"requestType": "adminAdd", "assignment": {"targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9"}}`,
			want:  []want{{finding.Error, "/assignment", "`assignment` lacks `accessPackageId` and `assignmentPolicyId`: an `adminAdd` request must name"}},
		},
		{
			name:  "v1 assignment lacks the user",
			shape: V1Request,
			body:  `{"requestType": "adminAdd", "assignment": {"assignmentPolicyId": "p", "accessPackageId": "a"}}`,
			want:  []want{{finding.Error, "/assignment", "`assignment` lacks `targetId` (or `target`)"}},
		},
		{
			name:  "empty and null members count as missing",
			shape: V1Request,
			body:  `{"requestType": "adminAdd", "assignment": {"targetId": "", "assignmentPolicyId": null, "accessPackageId": "a"}}`,
			want:  []want{{finding.Error, "/assignment", "lacks `assignmentPolicyId` and `targetId` (or `target`)"}},
		},
		{
			name:  "beta AdminAdd without accessPackageAssignment",
			shape: BetaRequest,
			body:  `{"requestType": "AdminAdd"}`,
			want:  []want{{finding.Error, "/requestType", "an `AdminAdd` request needs `accessPackageAssignment` with `accessPackageId`, `assignmentPolicyId` and `targetId`"}},
		},
		{
			name:  "v1 assignment null",
			shape: V1Request,
			body:  `{"requestType": "adminAdd", "assignment": null}`,
			want:  []want{{finding.Error, "/assignment", "`assignment` is null"}},
		},
		{
			name:  "v1 body using the beta key is checked too",
			shape: V1Request,
			body:  `{"requestType": "AdminAdd", "accessPackageAssignment": {"target": {"email": "user@contoso.com"}, "accessPackageId": "a"}}`,
			want:  []want{{finding.Error, "/accessPackageAssignment", "`accessPackageAssignment` lacks `assignmentPolicyId`"}},
		},
		{
			name:  "both targetId and target",
			shape: V1Request,
			body:  `{"requestType": "adminAdd", "assignment": {"targetId": "u", "target": {"objectId": "u"}, "assignmentPolicyId": "p", "accessPackageId": "a"}}`,
			want:  []want{{finding.Warning, "/assignment/target", "both `targetId` and `target` name the user: keep only one"}},
		},
		{
			name:  "target without objectId or email",
			shape: BetaRequest,
			body:  `{"requestType": "AdminAdd", "accessPackageAssignment": {"target": {"displayName": "Alex"}, "assignmentPolicyId": "p", "accessPackageId": "a"}}`,
			want:  []want{{finding.Error, "/accessPackageAssignment/target", "`target` has neither `objectId` nor `email`"}},
		},
		{
			name:  "missing fields and an empty target",
			shape: V1Request,
			body:  `{"requestType": "adminAdd", "assignment": {"target": {}, "accessPackageId": "a"}}`,
			want: []want{
				{finding.Error, "/assignment", "lacks `assignmentPolicyId`"},
				{finding.Error, "/assignment/target", "neither `objectId` nor `email`"},
			},
		},
		{
			name:  "v1 docs example 5 of the newest revision (navigation references)",
			shape: V1Request,
			body:  `{"requestType": "AdminAdd", "assignment": {"target": {"email": "user@contoso.com"}, "assignmentPolicy": {"id": "11114b50-0a08-4f96-83e9-1d714aa2cd79"}, "accessPackage": {"id": "11115C72-0612-4C43-A044-FC0A4E71A4C5"}}}`,
			want: []want{
				{finding.Warning, "/assignment/accessPackage", "use `accessPackageId` instead of the `accessPackage` reference"},
				{finding.Warning, "/assignment/assignmentPolicy", "use `assignmentPolicyId` instead of the `assignmentPolicy` reference"},
			},
		},
		{
			name:  "navigation reference without an id does not count",
			shape: V1Request,
			body:  `{"requestType": "adminAdd", "assignment": {"targetId": "u", "assignmentPolicyId": "p", "accessPackage": {}}}`,
			want:  []want{{finding.Error, "/assignment", "lacks `accessPackageId`"}},
		},
		{
			name:  "near miss: v1 docs example 1",
			shape: V1Request,
			body:  `{"requestType": "adminAdd", "assignment": {"targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9", "assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8", "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"}}`,
		},
		{
			name:  "near miss: beta docs example 5 (user not yet in the directory)",
			shape: BetaRequest,
			body:  `{"requestType": "AdminAdd", "accessPackageAssignment": {"target": {"email": "user@contoso.com"}, "assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8", "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"}}`,
		},
		{
			name:  "near miss: target with objectId",
			shape: V1Request,
			body:  `{"requestType": "adminAdd", "assignment": {"target": {"objectId": "u"}, "assignmentPolicyId": "p", "accessPackageId": "a"}}`,
		},
		{
			name:  "near miss: other request types",
			shape: V1Request,
			body:  `{"requestType": "adminRemove", "assignment": {"id": "a6bb6942-3ae1-4259-9908-0133aaee9377"}}`,
		},
		{
			name:  "near miss: assignment of the wrong type is the schema's job",
			shape: V1Request,
			body:  `{"requestType": "adminAdd", "assignment": "a914b616"}`,
		},
	})
}
