package rules

import (
	"fmt"

	"github.com/emlint/emlint/internal/finding"
)

var DynamicApproverRepeated = &Rule{
	ID:       "dynamic-approver-repeated",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "The same manager or sponsor approver should not approve in two stages",
	Help: `A multi-stage approval asks different people at each stage. requestorManager
(at the same managerLevel), internalSponsors, externalSponsors and
targetUserSponsors resolve to the same people in every stage, so naming one of
them as primary approver in two stages asks the same person to approve twice,
which adds nothing but delay. The admin center does not offer a dynamic
approver again once an earlier stage uses it ("you'll only see an option to
select specific approvers for the third stage").

The manager at level 1 and the manager at level 2 are different people and
are not reported.

Bad (v1.0):
  "stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager"}], ...},
             {"primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager"}], ...}]
Fix: name specific approvers (singleUser, groupMembers) in the second stage, or
use {"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 2} there.

Only policies that require approval are checked.

Evidence: the note on the third stage in MicrosoftDocs/entra-docs
docs/id-governance/entitlement-management-access-package-approval-policy.md ("if ...
Manager as approver is selected in either the first or second stage of approval, you'll
only see an option to select specific approvers for the third stage"; the same for
sponsors); "Ensure that you list different sets of people to be the first, second, and
alternate approvers" (same page). An admin-center behaviour; Graph accepts the policy,
hence a warning.`,
	Run: func(pass *Pass) {
		_, stages, _ := requiredStages(pass)
		first := map[string]int{} // approver key -> first stage naming it
		for _, st := range stages {
			main, _ := approversOf(st, false)
			here := map[string]bool{}
			for _, a := range main {
				if !dynamicApprovers[a.typ] {
					continue
				}
				key, name := a.typ, "`"+a.typ+"`"
				if a.typ == "requestorManager" {
					level := managerLevelOf(a.obj)
					key, name = fmt.Sprintf("%s/%d", a.typ, level), fmt.Sprintf("`requestorManager` (level %d)", level)
				}
				if here[key] {
					continue
				}
				here[key] = true
				if n, seen := first[key]; seen {
					pass.Report(a.typePtr(), finding.Value,
						"%s already approves in stage %d, so stage %d asks the same people again: name specific approvers here, or a different manager level",
						name, n, st.n)
					continue
				}
				first[key] = st.n
			}
		}
	},
}
