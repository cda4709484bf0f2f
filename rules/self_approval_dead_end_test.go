package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestSelfApprovalDeadEnd(t *testing.T) {
	const (
		a = "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2"
		b = "7deff43e-1f17-44ef-9e5f-d516b0ba11d4"
	)
	v1 := func(approvers, extra string) string {
		return `{"allowedTargetScope": "specificDirectoryUsers",
			"specificAllowedTargets": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "` + a + `"}, {"@odata.type": "#microsoft.graph.groupMembers", "groupId": "g"}],
			"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"durationBeforeAutomaticDenial": "P14D", ` + approvers + extra + `}]}}`
	}
	runCases(t, SelfApprovalDeadEnd, []ruleCase{
		{
			name:  "v1 requestor is the only approver",
			shape: V1Policy,
			body:  v1(`"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "`+a+`"}], "fallbackPrimaryApprovers": []`, ""),
			want:  []want{{finding.Warning, "/requestApprovalSettings/stages/0/primaryApprovers/0/userId", "user `" + a + "` is the only approver of stage 1 and also may request"}},
		},
		{
			name:  "v1 same user twice, upper-case",
			shape: V1Policy,
			body:  v1(`"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "`+a+`"}], "fallbackPrimaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "E6BF4D7D-6824-4DD0-809D-5BF42D4817C2"}]`, ""),
			want:  []want{{finding.Warning, "/requestApprovalSettings/stages/0/primaryApprovers/0/userId", "only approver of stage 1"}},
		},
		{
			name:  "beta requestor is the only approver of stage 2",
			shape: BetaPolicy,
			body: `{"requestorSettings": {"scopeType": "SpecificDirectorySubjects", "allowedRequestors": [{"@odata.type": "#microsoft.graph.singleUser", "id": "` + a + `"}]},
				"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [
					{"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "id": "` + b + `"}]},
					{"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "id": "` + a + `"}], "isEscalationEnabled": false, "escalationApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "id": "` + b + `"}]}]}}`,
			want: []want{{finding.Warning, "/requestApprovalSettings/approvalStages/1/primaryApprovers/0/id", "only approver of stage 2"}},
		},
		{
			name:  "near miss: a second approver",
			shape: V1Policy,
			body:  v1(`"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "`+a+`"}, {"@odata.type": "#microsoft.graph.singleUser", "userId": "`+b+`"}]`, ""),
		},
		{
			name:  "near miss: escalation to someone else",
			shape: V1Policy,
			body:  v1(`"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "`+a+`"}]`, `, "isEscalationEnabled": true, "escalationApprovers": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "g"}]`),
		},
		{
			name:  "near miss: approver is not a requestor",
			shape: V1Policy,
			body:  v1(`"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "`+b+`"}]`, ""),
		},
		{
			name:  "near miss: approval not required",
			shape: V1Policy,
			body: `{"allowedTargetScope": "specificDirectoryUsers", "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "` + a + `"}],
				"requestApprovalSettings": {"isApprovalRequiredForAdd": false, "stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "` + a + `"}]}]}}`,
		},
		{
			name:  "near miss: all-users scope (the list is not read)",
			shape: V1Policy,
			body: `{"allowedTargetScope": "allMemberUsers", "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "` + a + `"}],
				"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "` + a + `"}]}]}}`,
		},
	})
}
