package rules

import (
	"time"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

var ExpirationDateInFuture = &Rule{
	ID:       "expiration-date-in-future",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "A policy's fixed expiration date lies in the past",
	Help: `A policy can end every assignment on a fixed date: expirationDateTime in the
legacy beta shape, expiration {"type": "afterDateTime", "endDateTime": ...} in
v1.0. A date that has already passed means assignments granted through the
policy end at once; the admin center only accepts a future
date ("For On date, select an expiration date in the future"). Typical
causes: a date copied from an example, a year typo, a template reused long
after it was written.

The date is compared with the current time of the machine running the
linter. Dates the schema reports as malformed are skipped, and so is an
endDateTime that goes with another expiration type (expiration-fields-match-type
reports it). Request schedules are not checked: their dates are the
requestor's choice (docs examples carry dates from 2024).

Bad:  "expiration": {"type": "afterDateTime", "endDateTime": "2021-06-30T00:00:00Z"}
Fix:  "expiration": {"type": "afterDateTime", "endDateTime": "2027-06-30T00:00:00Z"}

Evidence: MicrosoftDocs/entra-docs docs/includes/entra-entitlement-management-lifecycle-policy.md
("For On date, select an expiration date in the future"); the expiration
members in api-reference/v1.0/resources/accesspackageassignmentpolicy.md and
expirationpattern.md, and api-reference/beta/resources/accesspackageassignmentpolicy.md
(expirationDateTime) in microsoft-graph-docs-contrib.`,
	Run: func(pass *Pass) {
		var v gjson.Result
		var ptr string
		if pass.Shape == BetaPolicy {
			v, ptr = pass.RootGet("expirationDateTime"), pointer.Join("", "expirationDateTime")
		} else {
			exp := pass.RootGet("expiration")
			if !exp.IsObject() || !(lcTypeIs(exp, "afterDateTime") || !lcSet(exp, "type")) {
				return
			}
			v, ptr = Get(exp, "endDateTime"), pointer.Join("", "expiration", "endDateTime")
		}
		if v.Type != gjson.String {
			return
		}
		end, err := time.Parse(time.RFC3339, v.Str)
		if err != nil {
			return
		}
		if now := lcNow(); end.Before(now) {
			_, name := pointer.Parent(ptr)
			pass.Report(ptr, finding.Value,
				"`%s` %q is in the past (it is now %s): assignments would end as soon as they are granted; set a future date",
				name, v.Str, now.UTC().Format("2006-01-02"))
		}
	},
}
