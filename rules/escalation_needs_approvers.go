package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var EscalationNeedsApprovers = &Rule{
	ID:       "escalation-needs-approvers",
	Severity: finding.Error,
	Shapes:   Policies,
	Doc:      "A stage with escalation enabled must name escalation approvers",
	Help: `isEscalationEnabled: true means "one or more escalation approvers are configured
in this approval stage": when the primary approvers do not answer in time, the
request is forwarded to the escalation (alternate) approvers. With escalation on
and nobody to forward to, the stage is contradictory. In v1.0 the fallback
escalation approvers (fallbackEscalationApprovers) also count.

Bad (beta):
  {"approvalStageTimeOutInDays": 14, "isEscalationEnabled": true,
   "escalationTimeInMinutes": 11520, "primaryApprovers": [...], "escalationApprovers": []}
Fix: list the alternate approvers,
  "escalationApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "id": "..."}]
or turn escalation off ("isEscalationEnabled": false).

Evidence: isEscalationEnabled description in microsoft-graph-docs-contrib
api-reference/beta/resources/approvalstage.md and
api-reference/v1.0/resources/accesspackageapprovalstage.md ("If true, then one or
more escalation approvers are configured in this approval stage"); a service failure
on record: terraform-provider-azuread v3.0.x enabled escalation without sending the
escalation approvers and policy creation failed (hashicorp/terraform-provider-azuread
issue #1535, fixed by PR #1567).`,
	Run: func(pass *Pass) {
		keys := escalationKeysFor(pass.Shape)
		for _, st := range approvalStageList(pass) {
			if !escalationOn(st.obj) || hasEscalationApprovers(pass.Shape, st.obj) {
				continue
			}
			what := "`escalationApprovers` has no entry"
			if len(keys.approvers) > 1 {
				what = "neither `escalationApprovers` nor `fallbackEscalationApprovers` has an entry"
			}
			pass.Report(pointer.Join(st.ptr, "isEscalationEnabled"), finding.Value,
				"escalation is enabled but %s: name the alternate approvers, or set `isEscalationEnabled` to false", what)
		}
	},
}
