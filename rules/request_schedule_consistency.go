package rules

import (
	"time"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

var RequestScheduleConsistency = &Rule{
	ID:       "request-schedule-consistency",
	Severity: finding.Warning,
	Shapes:   Requests,
	Doc:      "A request's schedule must end after it starts and carries no recurrence",
	Help: `A request's schedule asks for an access window: startDateTime and an expiration
({"type": "afterDateTime", "endDateTime": ...} or {"type": "afterDuration",
"duration": ...}). Checked here:
- recurrence set (not null): recurrence is "not used in access requests" (v1.0)
  and "not supported in entitlement management" (beta requestSchedule), so a
  recurring access window is silently ignored;
- an endDateTime at or before the startDateTime: the requested access would end
  before it begins.
Both warnings: no service error text is on record. "recurrence": null, as the
docs examples send, is fine.

Checked elsewhere: the pairing of expiration type with duration/endDateTime
(expiration-fields-match-type), a schedule on a remove request
(request-answers-on-remove), whether the policy allows a custom schedule at all
(allowCustomAssignmentSchedule, which needs the policy and is out of scope).

Bad:  "schedule": {"startDateTime": "2025-07-01T00:00:00Z",
        "expiration": {"type": "afterDateTime", "endDateTime": "2025-06-01T00:00:00Z"},
        "recurrence": {"pattern": {"type": "weekly", "interval": 1}}}
Fix:  "schedule": {"startDateTime": "2025-07-01T00:00:00Z",
        "expiration": {"type": "afterDateTime", "endDateTime": "2025-08-01T00:00:00Z"}}

Evidence: microsoft-graph-docs-contrib api-reference/v1.0/resources/entitlementmanagementschedule.md
(recurrence "not used in access requests") and api-reference/beta/resources/requestschedule.md;
v1.0 create-request examples 7 and 8
(api-reference/v1.0/api/entitlementmanagement-post-assignmentrequests.md), which send
"recurrence": null and an end after the start.`,
	Run: func(pass *Pass) {
		sched := pass.RootGet("schedule")
		if !sched.IsObject() {
			return
		}
		sptr := pointer.Join("", "schedule")
		if rec := Get(sched, "recurrence"); !absentOrNull(rec) {
			pass.Report(pointer.Join(sptr, "recurrence"), finding.Key,
				"`recurrence` is not used in access requests and is ignored: remove it, and ask for one access window with `startDateTime` and `expiration`")
		}
		start, sok := timeValue(Get(sched, "startDateTime"))
		endV := Get(Get(sched, "expiration"), "endDateTime")
		end, eok := timeValue(endV)
		if sok && eok && !end.After(start) {
			pass.Report(pointer.Join(sptr, "expiration", "endDateTime"), finding.Value,
				"`endDateTime` %s is not after `startDateTime` %s: the requested access would end before it starts",
				endV.Str, Get(sched, "startDateTime").Str)
		}
	},
}

// timeValue reads an ISO 8601 date-time (the schema reports malformed ones).
func timeValue(v gjson.Result) (time.Time, bool) {
	if v.Type != gjson.String {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, v.Str)
	return t, err == nil
}
