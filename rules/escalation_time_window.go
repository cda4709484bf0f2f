package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

// minEscalationTimeout is the shortest stage timeout the admin center
// accepts when alternate approvers are used.
const minEscalationTimeout = 4 * minutesPerDay

var EscalationTimeWindow = &Rule{
	ID:       "escalation-time-window",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "The escalation time must fall inside the stage timeout, which must be long enough for escalation",
	Help: `With escalation on, a request waits E (escalationTimeInMinutes in beta,
durationBeforeEscalation in v1.0) on the primary approvers, then goes to the
escalation (alternate) approvers, and is denied when the stage times out after T
(approvalStageTimeOutInDays in beta, durationBeforeAutomaticDenial in v1.0).
- E at or past T: warning. The request is denied before it would be forwarded, so
  the escalation approvers never see it.
- T under 4 days: warning. The admin center requires "a request time-out of at
  least four days" to use alternate approval.
- E under one day: info. The approval-policy page says requests are forwarded no
  sooner than a day after they are made, but the admin center itself now stores
  its "0 days" choice as one minute (PT1M), which Graph accepts; PT1M is not
  reported.
Not checked: the older "half-life" rule (forward no earlier than the day after
half the timeout, e.g. day 8 of 14), which the admin center dropped
(MicrosoftDocs/azure-docs PR #103848). Stages with escalation off are not checked:
the docs examples send 11520 minutes or PT0S there, and the value is unused.

Bad (beta):
  {"approvalStageTimeOutInDays": 7, "isEscalationEnabled": true,
   "escalationTimeInMinutes": 11520, ...}      (8 days > 7-day timeout)
Fix: "approvalStageTimeOutInDays": 14, or "escalationTimeInMinutes": 4320 (3 days).

Evidence: MicrosoftDocs/entra-docs
docs/id-governance/entitlement-management-access-package-approval-policy.md
(section "Alternate approvers": forwarding no sooner than a day after the request,
request timeout at least four days); the approvalStage pages in
microsoft-graph-docs-contrib (api-reference/beta/resources/approvalstage.md,
api-reference/v1.0/resources/accesspackageapprovalstage.md); beta create example 2
(14 days / 11520 minutes); hashicorp/terraform-provider-azuread issue #1943 (PT1M);
MicrosoftDocs/azure-docs PR #103848 (half-life limit gone). No service error text
for these windows is on record, hence warnings.`,
	Run: func(pass *Pass) {
		keys := escalationKeysFor(pass.Shape)
		for _, st := range approvalStageList(pass) {
			if !escalationOn(st.obj) {
				continue
			}
			t, tok := stageMinutes(pass.Shape, st.obj, keys.timeout)
			e, eok := stageMinutes(pass.Shape, st.obj, keys.escalationTime)
			ePtr := pointer.Join(st.ptr, keys.escalationTime)
			switch {
			case tok && eok && e >= t && t > 0:
				pass.Report(ePtr, finding.Value,
					"`%s` (%s) is not shorter than `%s` (%s): the request is denied before it reaches the escalation approvers; forward earlier or lengthen the stage timeout",
					keys.escalationTime, sayMinutes(e), keys.timeout, sayMinutes(t))
			case eok && e > 0 && e != 1 && e < minutesPerDay:
				pass.ReportAt(finding.Info, ePtr, finding.Value,
					"`%s` is %s: the admin center forwards to alternate approvers no sooner than one day after the request; use whole days unless you mean it",
					keys.escalationTime, sayMinutes(e))
			}
			if tok && t > 0 && t < minEscalationTimeout {
				pass.Report(pointer.Join(st.ptr, keys.timeout), finding.Value,
					"`%s` is %s but escalation is enabled: alternate approval needs a stage timeout of at least 4 days",
					keys.timeout, sayMinutes(t))
			}
		}
	},
}
