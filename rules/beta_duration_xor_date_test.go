package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestBetaDurationXorDate(t *testing.T) {
	runCases(t, BetaDurationXorDate, []ruleCase{
		{
			name:  "both set",
			shape: BetaPolicy,
			body:  `{"durationInDays": 365, "expirationDateTime": "2027-06-30T00:00:00Z"}`,
			want:  []want{{finding.Warning, "/expirationDateTime", "both `durationInDays` (365) and `expirationDateTime` are set"}},
		},
		{
			name:  "near miss: docs example 2 (expirationDateTime null)",
			shape: BetaPolicy,
			body:  `{"canExtend": false, "durationInDays": 365, "expirationDateTime": null}`,
		},
		{
			name:  "near miss: a date with 0 days",
			shape: BetaPolicy,
			body:  `{"durationInDays": 0, "expirationDateTime": "2027-06-30T00:00:00Z"}`,
		},
	})
}
