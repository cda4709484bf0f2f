package rules

import (
	"math"
	"strconv"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

var ExpirationDurationRange = &Rule{
	ID:       "expiration-duration-range",
	Severity: finding.Error,
	Shapes:   Policies,
	Doc:      "An assignment duration must be between 0 and 3660 days",
	Help: `How long an assignment lasts is a number of days in the legacy beta policy
(durationInDays) and an ISO 8601 duration in v1.0 (expiration.duration,
e.g. "P365D", or "PT8H" for hours). The admin center accepts 0 to 3660 days
(about ten years), and the Terraform azuread provider enforces the same range
on durationInDays.

A negative durationInDays is an error: no reading of it makes sense. A
duration above 3660 days is a warning: it is the documented portal limit,
and no service error for longer durations is on record. Years and months in
an ISO duration count as 365 and 28 days, so "P11Y" is reported and "P10Y"
is not.

Durations shorter than a day ("PT8H") are fine in v1.0, which is how the
admin center's "Number of hours" option is stored. The beta shape can only
count whole days: a fraction in durationInDays is a type error (schema), and
hour-based expiry needs the v1.0 endpoint (see beta-subday-unrepresentable
and cross-version-property).

Bad:  "durationInDays": 4000           Fix: "durationInDays": 3660
Bad:  "expiration": {"type": "afterDuration", "duration": "P4000D"}
Fix:  "expiration": {"type": "afterDuration", "duration": "P3660D"}

Evidence: MicrosoftDocs/entra-docs docs/includes/entra-entitlement-management-lifecycle-policy.md
("For Number of days, specify a number from 0 to 3660 days"; "Number of
hours"); hashicorp/terraform-provider-azuread access_package_assignment_policy
(duration_in_days IntBetween(0, 3660)); terraform-provider-azuread #1889 and
msgraph-sdk-python #1258 (v1.0 policies with "PT3H"/"PT4H").`,
	Run: func(pass *Pass) {
		if pass.Shape == BetaPolicy {
			v := pass.RootGet("durationInDays")
			n, ok := lcNumber(v)
			if !ok {
				return
			}
			ptr := pointer.Join("", "durationInDays")
			switch {
			case n < 0:
				pass.Report(ptr, finding.Value, "`durationInDays` is %s: use a number of days from 0 to %d (0 means assignments do not expire)", edrNum(n), lcMaxDays)
			case n > lcMaxDays:
				pass.ReportAt(finding.Warning, ptr, finding.Value, "`durationInDays` is %s, more than the %d days the admin center allows: use at most %d", edrNum(n), lcMaxDays, lcMaxDays)
			}
			return
		}
		exp := pass.RootGet("expiration")
		d := Get(exp, "duration")
		if !exp.IsObject() || d.Type != gjson.String {
			return
		}
		days, _, ok := lcDays(d.Str)
		if ok && days > lcMaxDays {
			pass.ReportAt(finding.Warning, pointer.Join("", "expiration", "duration"), finding.Value,
				"`duration` %q is more than %d days, the longest assignment the admin center allows: use at most \"P%dD\"", d.Str, lcMaxDays, lcMaxDays)
		}
	},
}

// edrNum writes a number of days without a needless ".0".
func edrNum(n float64) string {
	if n == math.Trunc(n) && math.Abs(n) < 1e15 {
		return strconv.FormatInt(int64(n), 10)
	}
	return strconv.FormatFloat(n, 'g', -1, 64)
}
