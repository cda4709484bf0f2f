package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var EscalationNeedsTime = &Rule{
	ID:       "escalation-needs-time",
	Severity: finding.Error,
	Shapes:   Policies,
	Doc:      "A stage with escalation enabled needs a positive escalation time",
	Help: `When escalation is on, the escalation time says how long a request waits on the
primary approvers before it is forwarded to the escalation (alternate) approvers:
escalationTimeInMinutes (minutes) in beta, durationBeforeEscalation (an ISO 8601
duration) in v1.0. With escalation on, the time must be positive.
The admin center never sends zero: it stores its "0 days" choice as one minute
("PT1M"). A Terraform user whose provider sent escalation on with 0 days had the
update rejected (the provider drops a zero value, so the body carried the time as
0 or not at all: both are reported here). Zero with escalation off is what the
docs examples send ("PT0S") and is fine.

Bad (v1.0):
  {"durationBeforeAutomaticDenial": "P14D", "isEscalationEnabled": true,
   "durationBeforeEscalation": "PT0S", "escalationApprovers": [...]}
Fix: "durationBeforeEscalation": "P7D" (beta: "escalationTimeInMinutes": 10080).

Evidence: escalationTimeInMinutes / durationBeforeEscalation descriptions ("If
escalation is required, the time a request can be pending a response from a
primary approver") in microsoft-graph-docs-contrib api-reference/beta/resources/approvalstage.md
and api-reference/v1.0/resources/accesspackageapprovalstage.md;
hashicorp/terraform-provider-azuread issue #1943 (escalation on with 0 days rejected;
the portal sends PT1M) and internal/services/identitygovernance/identitygovernance.go
(nullable.NoZero drops a zero escalationTimeInMinutes).`,
	Run: func(pass *Pass) {
		keys := escalationKeysFor(pass.Shape)
		for _, st := range approvalStageList(pass) {
			if !escalationOn(st.obj) {
				continue
			}
			v := st.obj.Get(keys.escalationTime)
			if absentOrNull(v) {
				pass.Report(pointer.Join(st.ptr, "isEscalationEnabled"), finding.Value,
					"escalation is enabled but `%s` is not set: say how long the primary approvers have before the request is forwarded, or set `isEscalationEnabled` to false",
					keys.escalationTime)
				continue
			}
			m, ok := stageMinutes(pass.Shape, st.obj, keys.escalationTime)
			if !ok || m > 0 {
				continue
			}
			what := "Graph rejects a zero escalation time"
			if m < 0 {
				what = "the escalation time must be positive"
			}
			pass.Report(pointer.Join(st.ptr, keys.escalationTime), finding.Value,
				"`%s` is `%s` but escalation is enabled: %s; give at least one minute (the admin center sends `PT1M` for \"0 days\"), or set `isEscalationEnabled` to false",
				keys.escalationTime, rawValue(v), what)
		}
	},
}
