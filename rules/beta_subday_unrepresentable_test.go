package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestBetaSubdayUnrepresentable(t *testing.T) {
	runCases(t, BetaSubdayUnrepresentable, []ruleCase{
		{
			name:  "PUT of a policy read back with durationInDays 0",
			shape: BetaPolicy,
			body:  `{"id": "b2eba9a1-b357-42ee-83a8-336522ed6cbf", "accessPackageId": "1b153a9e-0f5a-4e94-9e6b-2d5b1b9ce0a1", "durationInDays": 0, "expirationDateTime": null}`,
			want:  []want{{finding.Info, "/durationInDays", "update it through v1.0"}},
		},
		{
			name:  "near miss: a create with 0 days means never expires",
			shape: BetaPolicy,
			body:  `{"accessPackageId": "1b153a9e-0f5a-4e94-9e6b-2d5b1b9ce0a1", "durationInDays": 0}`,
		},
		{
			name:  "near miss: PUT with a real duration (docs update example 1)",
			shape: BetaPolicy,
			body:  `{"id": "b2eba9a1-b357-42ee-83a8-336522ed6cbf", "durationInDays": 365, "expirationDateTime": null}`,
		},
		{
			name:  "near miss: PUT with an end date",
			shape: BetaPolicy,
			body:  `{"id": "b2eba9a1-b357-42ee-83a8-336522ed6cbf", "durationInDays": 0, "expirationDateTime": "2027-06-30T00:00:00Z"}`,
		},
	})
}
