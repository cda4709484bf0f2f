package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestPropertyNameCase(t *testing.T) {
	runCases(t, PropertyNameCase, []ruleCase{
		{
			name:  "v1 policy root key in PascalCase",
			shape: V1Policy,
			body:  `{"DisplayName": "Sales", "accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}}`,
			want:  []want{{finding.Error, "/DisplayName", "`DisplayName` must be spelled `displayName`"}},
		},
		{
			name:  "beta policy built from a PowerShell hashtable (E3): reported key by key",
			shape: BetaPolicy,
			body:  `{"accessPackageId": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b", "RequestApprovalSettings": {"IsApprovalRequired": true, "ApprovalStages": []}}`,
			want: []want{
				{finding.Error, "/RequestApprovalSettings", "spelled `requestApprovalSettings`"},
				{finding.Error, "/RequestApprovalSettings/IsApprovalRequired", "spelled `isApprovalRequired`"},
				{finding.Error, "/RequestApprovalSettings/ApprovalStages", "spelled `approvalStages`"},
			},
		},
		{
			name:  "answers with PascalCase Value and AnsweredQuestion (E1)",
			shape: V1Request,
			body: `{"requestType": "userAdd", "answers": [{"@odata.type": "#microsoft.graph.accessPackageAnswerString", "Value": "Sales",
				"AnsweredQuestion": {"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "Id": "8fe745e7-80b2-490d-bd22-4e708c77288c"}}]}`,
			want: []want{
				{finding.Error, "/answers/0/Value", "spelled `value`"},
				{finding.Error, "/answers/0/AnsweredQuestion", "spelled `answeredQuestion`"},
				{finding.Error, "/answers/0/AnsweredQuestion/Id", "spelled `id`"},
			},
		},
		{
			name:  "beta approver picked by @odata.type",
			shape: BetaPolicy,
			body: `{"accessPackageId": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b", "requestApprovalSettings": {"approvalStages": [
				{"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "ID": "46184453-e63b-4f20-86c2-c557ed5d5df9", "IsBackup": false}]}]}}`,
			want: []want{
				{finding.Error, "/requestApprovalSettings/approvalStages/0/primaryApprovers/0/ID", "`ID` must be spelled `id`"},
				{finding.Error, "/requestApprovalSettings/approvalStages/0/primaryApprovers/0/IsBackup", "spelled `isBackup`"},
			},
		},
		{
			name:  "annotation in the wrong case",
			shape: V1Policy,
			body:  `{"@odata.Type": "#microsoft.graph.accessPackageAssignmentPolicy"}`,
			want:  []want{{finding.Error, "/@odata.Type", "spelled `@odata.type`"}},
		},
		{
			name:  "beta request assignment key",
			shape: BetaRequest,
			body:  `{"requestType": "AdminAdd", "accessPackageAssignment": {"TargetId": "46184453-e63b-4f20-86c2-c557ed5d5df9"}}`,
			want:  []want{{finding.Error, "/accessPackageAssignment/TargetId", "spelled `targetId`"}},
		},
		{
			name:  "near miss: docs example keys",
			shape: V1Policy,
			body: `{"displayName": "New Policy", "expiration": {"endDateTime": null, "duration": null, "type": "noExpiration"},
				"requestApprovalSettings": {"isApprovalRequiredForAdd": false, "stages": []}, "accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}}`,
		},
		{
			name:  "near miss: unknown key that is no case variant (schema's job)",
			shape: V1Policy,
			body:  `{"displayNam": "x", "isEnabled": true}`,
		},
		{
			name:  "near miss: the other version's property (cross-version-property's job)",
			shape: V1Policy,
			body:  `{"DurationInDays": 30, "requestApprovalSettings": {"IsApprovalRequired": true}}`,
		},
		{
			name:  "near miss: approver without @odata.type, whose type cannot be told",
			shape: V1Policy,
			body:  `{"specificAllowedTargets": [{"UserId": "46184453-e63b-4f20-86c2-c557ed5d5df9"}]}`,
		},
	})
}
