package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestBetaPutNeedsAccessPackageID(t *testing.T) {
	runCases(t, BetaPutNeedsAccessPackageID, []ruleCase{
		{
			name:  "PUT with accessPackageId null (E6)",
			shape: BetaPolicy,
			body:  `{"id": "b2eba9a1-b357-42ee-83a8-336522ed6cbf", "accessPackageId": null, "displayName": "All Users"}`,
			want:  []want{{finding.Error, "/accessPackageId", "`accessPackageId` is null"}},
		},
		{
			name:  "near miss: docs update example 1",
			shape: BetaPolicy,
			body:  `{"id": "b2eba9a1-b357-42ee-83a8-336522ed6cbf", "accessPackageId": "1b153a9e-0f5a-4e94-9e6b-2d5b1b9ce0a1", "displayName": "All Users"}`,
		},
		{
			name:  "near miss: absent (schema-required) or empty (id-format)",
			shape: BetaPolicy,
			body:  `{"displayName": "All Users"}`,
		},
	})
}
