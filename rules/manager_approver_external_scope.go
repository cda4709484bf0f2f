package rules

import (
	"slices"

	"github.com/emlint/emlint/internal/finding"
)

var ManagerApproverExternalScope = &Rule{
	ID:       "manager-approver-external-scope",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "`requestorManager` approves nothing when the requestors come from outside the directory",
	Help: `requestorManager makes the requestor's manager, as recorded in the directory
(the user's Manager attribute), the approver. Users from connected
organizations or from anywhere on the internet are not in your directory when
they request, so they have no manager there: every request falls through to
the fallback approvers, or stalls if there are none. The admin center offers
"Manager as approver" only for policies governing users in your directory; for
external requestors it offers the connected organization's sponsors.

Bad (v1.0):
  "allowedTargetScope": "allExternalUsers",
  "stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager"}], ...}]
Fix:
  "primaryApprovers": [{"@odata.type": "#microsoft.graph.internalSponsors"}],
  "fallbackPrimaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "..."}]

Only policies that require approval are checked.

Evidence: "If the policy is set to govern access for users in your directory, you can
select Manager as approver"; "for users not in your directory, you can select External
sponsor or Internal sponsor" (MicrosoftDocs/entra-docs
docs/id-governance/entitlement-management-access-package-approval-policy.md);
requestorManager, "in case the requesting user doesn't have a manager" (microsoft-graph-docs-contrib
api-reference/v1.0/resources/requestormanager.md). Graph accepts such a policy, hence a warning.`,
	Run: func(pass *Pass) {
		scope, ok := policyScopeOf(pass)
		if !ok || scope.aud != audienceExternal {
			return
		}
		_, stages, _ := requiredStages(pass)
		for _, st := range stages {
			for _, escalation := range []bool{false, true} {
				main, fallback := approversOf(st, escalation)
				for _, a := range slices.Concat(main, fallback) {
					if a.typ == "requestorManager" {
						pass.Report(a.typePtr(), finding.Value,
							"`requestorManager` in stage %d: this policy's requestors come from outside the directory (`%s` is `%s`) and have no manager there: use `internalSponsors`, `externalSponsors` or specific approvers",
							st.n, scope.key, scope.value)
					}
				}
			}
		}
	},
}
