package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestExtensionWithoutExpiry(t *testing.T) {
	runCases(t, ExtensionWithoutExpiry, []ruleCase{
		{
			name:  "canExtend with 0 days",
			shape: BetaPolicy,
			body:  `{"canExtend": true, "durationInDays": 0, "expirationDateTime": null}`,
			want:  []want{{finding.Warning, "/canExtend", "`durationInDays` is 0 and `expirationDateTime` is not set"}},
		},
		{
			name:  "canExtend \"true\" without any expiry",
			shape: BetaPolicy,
			body:  `{"canExtend": "true"}`,
			want:  []want{{finding.Warning, "/canExtend", "neither `durationInDays` nor `expirationDateTime` is set"}},
		},
		{
			name:  "near miss: canExtend with a duration",
			shape: BetaPolicy,
			body:  `{"canExtend": true, "durationInDays": 365, "expirationDateTime": null}`,
		},
		{
			name:  "near miss: canExtend with an end date",
			shape: BetaPolicy,
			body:  `{"canExtend": true, "expirationDateTime": "2027-06-30T00:00:00Z"}`,
		},
		{
			name:  "near miss: docs example 2 (canExtend false)",
			shape: BetaPolicy,
			body:  `{"canExtend": false, "durationInDays": 0}`,
		},
		{
			name:  "near miss: the ignored v1.0 expiration is cross-version-property's",
			shape: BetaPolicy,
			body:  `{"canExtend": true, "expiration": {"type": "afterDuration", "duration": "P365D"}}`,
		},
	})
}
