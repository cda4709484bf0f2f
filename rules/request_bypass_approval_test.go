package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestRequestBypassApproval(t *testing.T) {
	runCases(t, RequestBypassApproval, []ruleCase{
		{
			name:  "v1 userAdd bypassing approval",
			shape: V1Request,
			body:  `{"requestType": "userAdd", "assignment": {"accessPackageId": "a"}, "parameters": {"bypassApproval": true}}`,
			want:  []want{{finding.Info, "/parameters/bypassApproval", "but this is a `userAdd` request: a requestor cannot skip the policy's approval"}},
		},
		{
			name:  "beta AdminRemove with string true",
			shape: BetaRequest,
			body:  `{"requestType": "AdminRemove", "accessPackageAssignment": {"id": "a"}, "parameters": {"bypassApproval": "true"}}`,
			want:  []want{{finding.Info, "/parameters/bypassApproval", "`bypassApproval` has no effect on an `AdminRemove` request"}},
		},
		{
			name:  "near miss: adminAdd bypassing approval",
			shape: V1Request,
			body:  `{"requestType": "adminAdd", "assignment": {"targetId": "u", "assignmentPolicyId": "p", "accessPackageId": "a"}, "parameters": {"bypassApproval": true}}`,
		},
		{
			name:  "near miss: false on a user request",
			shape: V1Request,
			body:  `{"requestType": "userAdd", "parameters": {"bypassApproval": false}}`,
		},
		{
			name:  "near miss: parameters as name/value pairs is a schema finding",
			shape: BetaRequest,
			body:  `{"requestType": "AdminAdd", "parameters": [{"name": "IsApprovalRequired", "value": "true"}]}`,
		},
	})
}
