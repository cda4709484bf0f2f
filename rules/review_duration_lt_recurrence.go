package rules

import (
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

// betaRecurrenceDays gives the nominal length of the beta recurrenceType
// values the Terraform provider and the admin center use.
var betaRecurrenceDays = map[string]float64{
	"weekly": 7, "monthly": 30, "quarterly": 90,
	"halfyearly": 180, "semiannually": 180, "biannually": 180,
	"annual": 365, "annually": 365, "yearly": 365,
}

// patternDays gives the nominal length of one interval of a v1.0
// recurrencePattern type.
var patternDays = map[string]float64{
	"daily": 1, "weekly": 7,
	"absolutemonthly": 30, "relativemonthly": 30,
	"absoluteyearly": 365, "relativeyearly": 365,
}

var ReviewDurationLtRecurrence = &Rule{
	ID:       "review-duration-lt-recurrence",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "An access review must end before the next one starts",
	Help: `Each access review runs for a duration and recurs at an interval. When the
duration is as long as the interval or longer, a review is still open when the
next one starts: reviewers see overlapping reviews of the same assignments, and
the earlier decisions may be applied after the later review began. Usually the
duration was typed in the wrong unit or copied from another policy.

Compared, in days (months counted as 30 days, years as 365):
- beta: accessReviewSettings.durationInDays with recurrenceType (weekly 7,
  monthly 30, quarterly 90, halfyearly 180, annual 365);
- v1.0: reviewSettings.schedule.expiration.duration with
  schedule.recurrence.pattern (type × interval: weekly 7, absoluteMonthly 30, ...).
Durations given in months or years (P1M) are not compared.

Bad (beta):  "recurrenceType": "weekly", "durationInDays": 25
Fix:         "recurrenceType": "monthly", "durationInDays": 25 (or a 5-day duration)

Evidence: no service rule is documented (catalogue entry is inferred);
microsoft-graph-docs-contrib api-reference/beta/resources/assignmentreviewsettings.md
and api-reference/v1.0/resources/accesspackageassignmentreviewsettings.md describe
the duration and recurrence; the docs examples pair quarterly with 25 days (beta
create example 2) and absoluteMonthly × 3 with P14D (v1.0 create example 2).
Warning because nothing says Graph rejects the body.`,
	Run: func(pass *Pass) {
		rs, ptr, ok := reviewSettingsOf(pass)
		if !ok {
			return
		}
		if pass.Shape == BetaPolicy {
			d := rs.Get("durationInDays")
			days, ok := numberValue(d)
			rt := rs.Get("recurrenceType")
			interval, known := betaRecurrenceDays[strings.ToLower(rt.Str)]
			if !ok || !known || days < interval {
				return
			}
			pass.Report(pointer.Join(ptr, "durationInDays"), finding.Value,
				"each review runs %s but reviews recur `%s` (every %s): shorten `durationInDays` below %s, or recur less often",
				plural(int64(days), "day"), rt.Str, plural(int64(interval), "day"), plural(int64(interval), "day"))
			return
		}
		sched := rs.Get("schedule")
		durPtr := pointer.Join(ptr, "schedule", "expiration", "duration")
		dur := Get(Get(sched, "expiration"), "duration")
		secs, ok := cvSeconds(dur)
		if !ok {
			return
		}
		pattern := Get(Get(sched, "recurrence"), "pattern")
		unit, known := patternDays[strings.ToLower(Get(pattern, "type").Str)]
		n, nok := numberValue(Get(pattern, "interval"))
		if !known || !nok || n < 1 {
			return
		}
		days, interval := float64(secs)/86400, unit*n
		if days < interval {
			return
		}
		pass.Report(durPtr, finding.Value,
			"each review runs `%s` but reviews recur every %s (`%s` × %s): make the duration shorter than the interval",
			dur.Str, plural(int64(interval), "day"), Get(pattern, "type").Str, rawValue(Get(pattern, "interval")))
	},
}
