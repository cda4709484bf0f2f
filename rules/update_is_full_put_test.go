package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestUpdateIsFullPut(t *testing.T) {
	runCases(t, UpdateIsFullPut, []ruleCase{
		{
			name:  "v1 PUT with only the changed name",
			shape: V1Policy,
			body:  `{"id": "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187", "displayName": "New name", "accessPackage": {"id": "49d2c59b-0a81-463d-a8ec-ddad3935d8a0"}}`,
			want: []want{{finding.Warning, "",
				"`description`, `allowedTargetScope`, `expiration`, `requestorSettings` and `requestApprovalSettings` are missing and Graph resets them"}},
		},
		{
			name:  "beta PUT without accessReviewSettings (docs update example 1)",
			shape: BetaPolicy,
			body: `{"id": "b2eba9a1-b357-42ee-83a8-336522ed6cbf", "accessPackageId": "1b153a9e-0f5a-4e94-9e6b-2d5b1b9ce0a1", "displayName": "All Users", "description": "d",
				"canExtend": false, "durationInDays": 365, "expirationDateTime": null, "requestorSettings": {}, "requestApprovalSettings": {}}`,
			want: []want{{finding.Warning, "", "`accessReviewSettings` is missing and Graph resets it (the beta update page lists it as required"}},
		},
		{
			name:  "v1 auto-assignment PUT needs no requestor or approval settings",
			shape: V1Policy,
			body: `{"id": "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187", "displayName": "Sales", "description": "d", "allowedTargetScope": "specificDirectoryUsers",
				"automaticRequestSettings": {"requestAccessForAllowedTargets": true}}`,
			want: []want{{finding.Warning, "", "`expiration` is missing"}},
		},
		{
			name:  "near miss: v1 docs update example",
			shape: V1Policy,
			body: `{"id": "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187", "displayName": "All Users", "description": "All users can request for access to the directory.",
				"allowedTargetScope": "allDirectoryUsers", "automaticRequestSettings": null, "specificAllowedTargets": [], "expiration": {"type": "noExpiration"},
				"requestorSettings": {}, "requestApprovalSettings": {}, "accessPackage": {"id": "49d2c59b-0a81-463d-a8ec-ddad3935d8a0"}}`,
		},
		{
			name:  "near miss: a create has no id",
			shape: BetaPolicy,
			body:  `{"accessPackageId": "1b153a9e-0f5a-4e94-9e6b-2d5b1b9ce0a1", "displayName": "direct"}`,
		},
		{
			name:  "near miss: id null",
			shape: V1Policy,
			body:  `{"id": null, "displayName": "x"}`,
		},
	})
}
