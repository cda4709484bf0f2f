package rules

import (
	"testing"
	"time"

	"github.com/emlint/emlint/internal/finding"
)

func TestExpirationDateInFuture(t *testing.T) {
	defer func(old func() time.Time) { lcNow = old }(lcNow)
	lcNow = func() time.Time { return time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC) }

	runCases(t, ExpirationDateInFuture, []ruleCase{
		{
			name:  "beta date in the past",
			shape: BetaPolicy,
			body:  `{"durationInDays": 0, "expirationDateTime": "2021-06-30T00:00:00Z"}`,
			want:  []want{{finding.Warning, "/expirationDateTime", "`expirationDateTime` \"2021-06-30T00:00:00Z\" is in the past (it is now 2026-03-01)"}},
		},
		{
			name:  "v1 afterDateTime in the past, fractional seconds",
			shape: V1Policy,
			body:  `{"expiration": {"type": "afterDateTime", "endDateTime": "2024-07-01T00:00:00.00Z"}}`,
			want:  []want{{finding.Warning, "/expiration/endDateTime", "`endDateTime` \"2024-07-01T00:00:00.00Z\" is in the past"}},
		},
		{
			name:  "v1 end date without type",
			shape: V1Policy,
			body:  `{"expiration": {"endDateTime": "2026-02-28T23:59:59+01:00"}}`,
			want:  []want{{finding.Warning, "/expiration/endDateTime", "in the past"}},
		},
		{
			name:  "near miss: future dates",
			shape: V1Policy,
			body:  `{"expiration": {"type": "afterDateTime", "endDateTime": "2026-03-02T00:00:00Z"}}`,
		},
		{
			name:  "near miss: end date ignored by noExpiration (expiration-fields-match-type)",
			shape: V1Policy,
			body:  `{"expiration": {"type": "noExpiration", "endDateTime": "2020-01-01T00:00:00Z"}}`,
		},
		{
			name:  "near miss: null and malformed dates",
			shape: BetaPolicy,
			body:  `{"expirationDateTime": "30/06/2021"}`,
		},
	})
}
