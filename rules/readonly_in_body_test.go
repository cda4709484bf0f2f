package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestReadOnlyInBody(t *testing.T) {
	runCases(t, ReadOnlyInBody, []ruleCase{
		{
			name:  "v1 request copied from a response",
			shape: V1Request,
			body: `{"requestType": "adminAdd", "state": "delivered", "createdDateTime": "2024-01-01T00:00:00Z",
				"assignment": {"targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9", "assignmentPolicyId": "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187", "accessPackageId": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}}`,
			want: []want{
				{finding.Warning, "/state", "`state` is read-only"},
				{finding.Warning, "/createdDateTime", "`createdDateTime` is read-only"},
			},
		},
		{
			name:  "v1 request with its own id (older docs example 6)",
			shape: V1Request,
			body:  `{"id": "7a6ab703-0780-4b37-8445-81f679b2d75c", "requestType": "adminUpdate", "assignment": {"id": "44c741c1-2cf4-40db-83b6-e0112f8e5a83"}}`,
			want:  []want{{finding.Warning, "/id", "put that assignment's id in `assignment.id`"}},
		},
		{
			name:  "beta request with its own id",
			shape: BetaRequest,
			body:  `{"id": "7a6ab703-0780-4b37-8445-81f679b2d75c", "requestType": "AdminRemove", "accessPackageAssignment": {"id": "44c741c1-2cf4-40db-83b6-e0112f8e5a83"}}`,
			want:  []want{{finding.Warning, "/id", "`accessPackageAssignment.id`"}},
		},
		{
			name:  "assignment schedule (on-behalf docs example)",
			shape: V1Request,
			body:  `{"requestType": "userAdd", "assignment": {"accessPackageId": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b", "schedule": {"startDateTime": "2024-01-01T00:00:00Z"}}}`,
			want:  []want{{finding.Warning, "/assignment/schedule", "the request's own `schedule`"}},
		},
		{
			name:  "beta policy round-tripped from GET",
			shape: BetaPolicy,
			body: `{"id": "b2eba9a1-b357-42ee-83a8-336522ed6cbf", "accessPackageId": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b",
				"createdBy": "admin@contoso.com", "createdDateTime": "2022-09-02T12:04:49.81Z", "modifiedBy": null}`,
			want: []want{
				{finding.Warning, "/createdBy", "`createdBy` is read-only"},
				{finding.Info, "/createdDateTime", "set by Graph"},
			},
		},
		{
			name:  "v1 policy timestamps are info",
			shape: V1Policy,
			body:  `{"modifiedDateTime": "2022-10-12T12:10:41.85Z", "accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}}`,
			want:  []want{{finding.Info, "/modifiedDateTime", "set by Graph"}},
		},
		{
			name:  "beta question ids are read-only",
			shape: BetaPolicy,
			body:  `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "id": "8fe745e7-80b2-490d-bd22-4e708c77288c", "isRequired": false}]}`,
			want:  []want{{finding.Warning, "/questions/0/id", "`id` is read-only"}},
		},
		{
			name:  "v1 request naming the package at its root",
			shape: V1Request,
			body:  `{"requestType": "userAdd", "accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}}`,
			want:  []want{{finding.Warning, "/accessPackage", "`accessPackage` is read-only"}},
		},
		{
			name:  "near miss: beta policy accessPackage reference next to accessPackageId",
			shape: BetaPolicy,
			body:  `{"accessPackageId": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b", "accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}}`,
		},
		{
			name:  "near miss: v1 PUT body of the docs (policy id, accessPackage reference, approver description)",
			shape: V1Policy,
			body: `{"id": "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187", "displayName": "All Users",
				"requestApprovalSettings": {"stages": [{"fallbackPrimaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2", "description": "user"}]}]},
				"questions": [{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "id": "8fe745e7-80b2-490d-bd22-4e708c77288c"}],
				"accessPackage": {"id": "49d2c59b-0a81-463d-a8ec-ddad3935d8a0"}}`,
		},
		{
			name:  "near miss: beta answers reference their questions by id",
			shape: BetaRequest,
			body: `{"requestType": "UserAdd", "accessPackageAssignment": {"accessPackageId": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"},
				"answers": [{"@odata.type": "#microsoft.graph.accessPackageAnswerString", "value": "AZ",
					"answeredQuestion": {"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "id": "A714EC6F-D2BE-4D9A-9A05-3B4D9F0F3BBB"}}]}`,
		},
		{
			name:  "near miss: documented assignment inputs and a navigation reference",
			shape: V1Request,
			body: `{"requestType": "adminAdd", "assignment": {"targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9", "assignmentPolicyId": "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187",
				"accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}, "target": {"email": "someone@example.com"}}}`,
		},
		{
			name:  "near miss: null values and beta request schedule",
			shape: BetaRequest,
			body:  `{"requestType": "AdminAdd", "requestState": null, "schedule": {"startDateTime": "2024-01-01T00:00:00Z"}}`,
		},
	})
}
