package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestPrimaryApproversPresent(t *testing.T) {
	const user = `{"@odata.type": "#microsoft.graph.singleUser", "userId": "46184453-e63b-4f20-86c2-c557ed5d5df9"}`
	runCases(t, PrimaryApproversPresent, []ruleCase{
		{
			name:  "beta stage with empty primary approvers",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [{"approvalStageTimeOutInDays": 14, "primaryApprovers": [], "escalationApprovers": []}]}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/approvalStages/0/primaryApprovers", "stage 1 has no `primaryApprovers`, so nobody can approve"}},
		},
		{
			name:  "beta stage without the member",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [{"approvalStageTimeOutInDays": 14, "primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager"}]}, {"approvalStageTimeOutInDays": 14}]}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/approvalStages/1", "stage 2 has no `primaryApprovers`"}},
		},
		{
			name:  "v1 stage with nobody",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"durationBeforeAutomaticDenial": "P14D", "primaryApprovers": [], "fallbackPrimaryApprovers": [], "escalationApprovers": [], "fallbackEscalationApprovers": []}]}}`,
			want:  []want{{finding.Error, "/requestApprovalSettings/stages/0/primaryApprovers", "stage 1 has neither `primaryApprovers` nor `fallbackPrimaryApprovers`"}},
		},
		{
			name:  "v1 stage with fallback approvers only (docs example 2, stage 2)",
			shape: V1Policy,
			body: `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [
				{"durationBeforeAutomaticDenial": "P14D", "primaryApprovers": [{"@odata.type": "#microsoft.graph.internalSponsors"}], "fallbackPrimaryApprovers": [` + user + `]},
				{"durationBeforeAutomaticDenial": "P14D", "primaryApprovers": [], "fallbackPrimaryApprovers": [` + user + `]}]}}`,
			want: []want{{finding.Warning, "/requestApprovalSettings/stages/1/primaryApprovers", "stage 2 has no `primaryApprovers`, only `fallbackPrimaryApprovers`"}},
		},
		{
			name:  "near miss: v1 update example (manager with fallback)",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"durationBeforeAutomaticDenial": "P2D", "primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}], "fallbackPrimaryApprovers": [` + user + `]}]}}`,
		},
		{
			name:  "near miss: approval not required",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": false, "stages": [{"primaryApprovers": []}]}}`,
		},
		{
			name:  "near miss: approvers of the wrong type are the schema's job",
			shape: BetaPolicy,
			body:  `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [{"primaryApprovers": {}}]}}`,
		},
		{
			name:  "near miss: beta docs example 3 (group backup and sponsor)",
			shape: BetaPolicy,
			body: `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [{"approvalStageTimeOutInDays": 14,
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.groupMembers", "isBackup": true, "id": "d2dcb9a1-a445-42ee-83a8-476522ed6cbf"}, {"@odata.type": "#microsoft.graph.externalSponsors", "isBackup": false}]}]}}`,
		},
	})
}
