package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var ManagerLevelRange = &Rule{
	ID:       "manager-level-range",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "A second-level manager as escalation approver needs a fallback escalation approver",
	Help: `requestorManager.managerLevel is 1 (the requestor's manager, the default) or 2
(the manager's manager); the schema reports any other value (schema-range).

The admin center offers the second-level manager as an alternate (escalation)
approver when the first approver is the manager, and then requires a fallback
approver for when the second-level manager cannot be found: a requestor
without a manager, or whose manager has none, would otherwise leave the
escalated request with nobody to decide it.

Reported: an escalation stage (isEscalationEnabled true) whose escalation
approvers are all dynamic (managers, sponsors), including requestorManager
with managerLevel 2, with no fallback: v1.0 fallbackEscalationApprovers empty,
beta no escalation approver with isBackup true.

Bad (v1.0):
  "isEscalationEnabled": true,
  "escalationApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 2}],
  "fallbackEscalationApprovers": []
Fix:
  "fallbackEscalationApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "..."}]

Evidence: "If you select this option [Second level manager as alternate approver], you
need to add a fallback approver to forward the request to in case the system can't
find the second level manager" (MicrosoftDocs/entra-docs
docs/id-governance/entitlement-management-access-package-approval-policy.md);
managerLevel, "Possible values for this property range from 1 to 2" (microsoft-graph-docs-contrib
api-reference/v1.0/resources/requestormanager.md, api-reference/beta/resources/requestormanager.md).
The range itself is the schema's; the fallback is an admin-center requirement with no
service error on record, hence a warning.`,
	Run: func(pass *Pass) {
		_, stages, _ := requiredStages(pass)
		for _, st := range stages {
			if !isTrueFlag(st.obj.Get("isEscalationEnabled")) {
				continue
			}
			if _, ok := strandedApprover(pass.Shape, st, true); !ok {
				continue
			}
			main, _ := approversOf(st, true)
			for _, a := range main {
				if a.typ == "requestorManager" && managerLevelOf(a.obj) == 2 {
					pass.Report(pointer.Join(a.ptr, "managerLevel"), finding.Value,
						"the second-level manager escalates stage %d with no fallback, so an escalated request has nobody to decide it when that manager can't be found: %s",
						st.n, fallbackAdvice(pass.Shape, true))
				}
			}
		}
	},
}
