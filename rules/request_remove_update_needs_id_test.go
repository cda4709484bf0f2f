package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestRequestRemoveUpdateNeedsID(t *testing.T) {
	runCases(t, RequestRemoveUpdateNeedsID, []ruleCase{
		{
			name:  "v1 adminRemove by user and package instead of id",
			shape: V1Request,
			body:  `{"requestType": "adminRemove", "assignment": {"targetId": "u", "accessPackageId": "a"}}`,
			want:  []want{{finding.Error, "/assignment", "`assignment` lacks `id`: an `adminRemove` request names the existing assignment by its `id`"}},
		},
		{
			name:  "v1 adminUpdate without assignment",
			shape: V1Request,
			body:  `{"requestType": "adminUpdate", "answers": []}`,
			want:  []want{{finding.Error, "/requestType", "an `adminUpdate` request needs `assignment` with the `id` of the existing assignment"}},
		},
		{
			name:  "beta AdminRemove with null assignment",
			shape: BetaRequest,
			body:  `{"requestType": "AdminRemove", "accessPackageAssignment": null}`,
			want:  []want{{finding.Error, "/accessPackageAssignment", "`accessPackageAssignment` is null"}},
		},
		{
			name:  "v1 userRemove with empty id",
			shape: V1Request,
			body:  `{"requestType": "userRemove", "assignment": {"id": ""}}`,
			want:  []want{{finding.Error, "/assignment", "lacks `id`"}},
		},
		{
			name:  "v1 adminRemove with extra members",
			shape: V1Request,
			body:  `{"requestType": "adminRemove", "assignment": {"id": "a6bb6942-3ae1-4259-9908-0133aaee9377", "accessPackageId": "a", "schedule": {}}}`,
			want: []want{
				{finding.Info, "/assignment/accessPackageId", "`accessPackageId` is ignored by an `adminRemove` request: only `id` is read"},
				{finding.Info, "/assignment/schedule", "`schedule` is ignored"},
			},
		},
		{
			name:  "near miss: v1 docs example 2",
			shape: V1Request,
			body:  `{"requestType": "adminRemove", "assignment": {"id": "a6bb6942-3ae1-4259-9908-0133aaee9377"}}`,
		},
		{
			name:  "near miss: v1 docs example 6 (adminUpdate with answers)",
			shape: V1Request,
			body:  `{"@odata.type": "#microsoft.graph.accessPackageAssignmentRequest", "id": "7a6ab703-0780-4b37-8445-81f679b2d75c", "requestType": "adminUpdate", "answers": [], "assignment": {"id": "44c741c1-2cf4-40db-83b6-e0112f8e5a83"}}`,
		},
		{
			name:  "near miss: adminUpdate may carry other members",
			shape: V1Request,
			body:  `{"requestType": "adminUpdate", "assignment": {"id": "x", "accessPackageId": "a"}}`,
		},
		{
			name:  "near miss: beta docs example 4",
			shape: BetaRequest,
			body:  `{"requestType": "AdminRemove", "accessPackageAssignment": {"id": "a6bb6942-3ae1-4259-9908-0133aaee9377"}}`,
		},
		{
			name:  "near miss: adminAdd is another rule's job",
			shape: V1Request,
			body:  `{"requestType": "adminAdd", "assignment": {"targetId": "u"}}`,
		},
	})
}
