package rules

import (
	"math"
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

var StageTimeoutRange = &Rule{
	ID:       "stage-timeout-range",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "An approval stage's timeout should be a whole number of days, at least one",
	Help: `Each approval stage says how long a request may wait for a decision before it
is denied automatically: approvalStageTimeOutInDays (beta, a number of days)
or durationBeforeAutomaticDenial (v1.0, an ISO 8601 duration that the docs
describe as "the number of days"). The admin center asks for a number of days
("Decision must be made in how many days?", 14 by default).

- A timeout under one day (0, a negative number, PT0S, PT12H) denies requests
  before an approver can act: warning.
- A v1.0 duration that is not a whole number of days (P1DT12H, PT36H): info,
  since the service documents the value in days.

Only policies that require approval are checked. No upper limit is documented
(the research found none, though 14 days is the usual value), so long timeouts
are not reported. The duration format itself is checked by the schema.

Bad:  "durationBeforeAutomaticDenial": "PT12H"
Fix:  "durationBeforeAutomaticDenial": "P14D"

Evidence: approvalStageTimeOutInDays and durationBeforeAutomaticDenial ("The number of
days that a request can be pending a response before it is automatically denied") in
microsoft-graph-docs-contrib api-reference/beta/resources/approvalstage.md and
api-reference/v1.0/resources/accesspackageapprovalstage.md; the admin center flow in
MicrosoftDocs/entra-docs docs/id-governance/entitlement-management-access-package-approval-policy.md.
No service error is on record for either case, so neither is graded error (the
research catalogue proposed error for under one day).`,
	Run: func(pass *Pass) {
		_, stages, _ := requiredStages(pass)
		for _, st := range stages {
			if pass.Shape == BetaPolicy {
				v := st.obj.Get("approvalStageTimeOutInDays")
				days, ok := numberOf(v)
				if ok && days < 1 {
					pass.Report(pointer.Join(st.ptr, "approvalStageTimeOutInDays"), finding.Value,
						"`approvalStageTimeOutInDays` is %s, so requests in stage %d are denied before anyone can approve: use at least 1 (the admin center's default is 14)",
						strings.TrimSpace(v.Raw), st.n)
				}
				continue
			}
			v := st.obj.Get("durationBeforeAutomaticDenial")
			if v.Type != gjson.String {
				continue
			}
			secs, ok := dayTimeSeconds(v.Str)
			ptr := pointer.Join(st.ptr, "durationBeforeAutomaticDenial")
			switch {
			case !ok:
			case secs < 86400:
				pass.Report(ptr, finding.Value,
					"`durationBeforeAutomaticDenial` is `%s`, less than a day, so requests in stage %d are denied before anyone can approve: use at least `P1D` (the admin center's default is `P14D`)",
					v.Str, st.n)
			case math.Mod(secs, 86400) != 0:
				days := math.Floor(secs / 86400)
				pass.ReportAt(finding.Info, ptr, finding.Value,
					"`durationBeforeAutomaticDenial` is `%s`, not a whole number of days, which is how Graph documents this timeout: use `P%.0fD` or `P%.0fD`",
					v.Str, days, days+1)
			}
		}
	},
}
