package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var EscalationSettingsWhenDisabled = &Rule{
	ID:       "escalation-settings-when-disabled",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "Escalation approvers are unused when the stage sets isEscalationEnabled to false",
	Help: `Escalation approvers are only asked "if escalation is enabled and the primary
approvers do not respond before the escalation time". A stage that lists
escalation approvers (or, in v1.0, fallback escalation approvers) but sends
"isEscalationEnabled": false never forwards to them: either the flag or the list
is a mistake.

Only an explicit false is reported (a missing flag may be derived from the list).
An escalation time on a disabled stage is NOT reported: Microsoft's own examples
send "escalationTimeInMinutes": 11520 with escalation off (beta create example 3)
and "durationBeforeEscalation": "PT0S" (v1.0 examples).

Bad (beta):
  {"isEscalationEnabled": false, "escalationTimeInMinutes": 11520,
   "escalationApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "id": "..."}]}
Fix: "isEscalationEnabled": true, or "escalationApprovers": [].

Evidence: escalationApprovers and isEscalationEnabled descriptions in
microsoft-graph-docs-contrib api-reference/beta/resources/approvalstage.md and
api-reference/v1.0/resources/accesspackageapprovalstage.md; beta create example 3
(api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentpolicies.md)
for the escalation time left on a disabled stage.`,
	Run: func(pass *Pass) {
		keys := escalationKeysFor(pass.Shape)
		for _, st := range approvalStageList(pass) {
			b, ok := boolValue(st.obj.Get("isEscalationEnabled"))
			if !ok || b {
				continue
			}
			for _, k := range keys.approvers {
				v := st.obj.Get(k)
				if !hasItems(v) {
					continue
				}
				pass.Report(pointer.Join(st.ptr, k), finding.Key,
					"`%s` lists %s but `isEscalationEnabled` is false, so the request is never forwarded to them: set `isEscalationEnabled` to true, or send `[]`",
					k, plural(int64(len(v.Array())), "approver"))
			}
		}
	},
}
