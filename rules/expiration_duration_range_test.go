package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestExpirationDurationRange(t *testing.T) {
	runCases(t, ExpirationDurationRange, []ruleCase{
		{
			name:  "negative durationInDays",
			shape: BetaPolicy,
			body:  `{"durationInDays": -1}`,
			want:  []want{{finding.Error, "/durationInDays", "`durationInDays` is -1: use a number of days from 0 to 3660"}},
		},
		{
			name:  "durationInDays above the portal limit",
			shape: BetaPolicy,
			body:  `{"durationInDays": 4000}`,
			want:  []want{{finding.Warning, "/durationInDays", "`durationInDays` is 4000, more than the 3660 days"}},
		},
		{
			name:  "durationInDays as a string (schema reports the type)",
			shape: BetaPolicy,
			body:  `{"durationInDays": "3661"}`,
			want:  []want{{finding.Warning, "/durationInDays", "is 3661"}},
		},
		{
			name:  "v1 duration in days",
			shape: V1Policy,
			body:  `{"expiration": {"type": "afterDuration", "duration": "P4000D"}}`,
			want:  []want{{finding.Warning, "/expiration/duration", "`duration` \"P4000D\" is more than 3660 days"}},
		},
		{
			name:  "v1 duration in years",
			shape: V1Policy,
			body:  `{"expiration": {"type": "afterDuration", "duration": "P11Y"}}`,
			want:  []want{{finding.Warning, "/expiration/duration", "use at most \"P3660D\""}},
		},
		{
			name:  "near miss: the limits and docs values",
			shape: BetaPolicy,
			body:  `{"durationInDays": 3660}`,
		},
		{
			name:  "near miss: 0 days",
			shape: BetaPolicy,
			body:  `{"durationInDays": 0, "expirationDateTime": null}`,
		},
		{
			name:  "near miss: ten years and hours in v1.0",
			shape: V1Policy,
			body:  `{"expiration": {"type": "afterDuration", "duration": "P10Y"}, "reviewSettings": {"schedule": {"expiration": {"duration": "P9999D"}}}}`,
		},
		{
			name:  "near miss: hours",
			shape: V1Policy,
			body:  `{"expiration": {"type": "afterDuration", "duration": "PT8H"}}`,
		},
		{
			name:  "near miss: malformed duration is the schema's",
			shape: V1Policy,
			body:  `{"expiration": {"type": "afterDuration", "duration": "4000 days"}}`,
		},
	})
}

func TestLCDays(t *testing.T) {
	for _, c := range []struct {
		in     string
		days   float64
		subDay bool
		ok     bool
	}{
		{"P365D", 365, false, true},
		{"PT12H", 0.5, true, true},
		{"P1DT12H", 1.5, true, true},
		{"P2W", 14, false, true},
		{"P1Y2M", 365 + 56, false, true},
		{"PT0S", 0, false, true},
		{"P", 0, false, false},
		{"PT", 0, false, false},
		{"P1H", 0, false, false},
		{"P5", 0, false, false},
		{"365", 0, false, false},
	} {
		days, subDay, ok := lcDays(c.in)
		if ok != c.ok || (ok && (days != c.days || subDay != c.subDay)) {
			t.Errorf("lcDays(%q) = %v, %v, %v; want %v, %v, %v", c.in, days, subDay, ok, c.days, c.subDay, c.ok)
		}
	}
}
