package rules

import (
	"github.com/emlint/emlint/internal/finding"
)

var DynamicApproverFallback = &Rule{
	ID:       "dynamic-approver-fallback",
	Severity: finding.Info,
	Shapes:   Policies,
	Doc:      "A manager or sponsor approver should come with a fallback approver",
	Help: `requestorManager, targetUserSponsors, internalSponsors and externalSponsors
are resolved per request from the requestor. A requestor may have no manager
in the directory, no sponsors, or a connected organization without sponsors;
the request then has nobody to approve it unless the stage names a fallback:
in v1.0 a fallbackPrimaryApprovers (or fallbackEscalationApprovers) entry, in
beta a singleUser or groupMembers approver with isBackup true in the same list.

Reported when every approver of a stage's primary list (or, with escalation
enabled, of its escalation list) is dynamic and there is no fallback. A
second-level manager as the only escalation approver is left to
manager-level-range, which reports it as a warning.

Bad (v1.0):
  "primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}],
  "fallbackPrimaryApprovers": []
Fix:
  "fallbackPrimaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "..."}]

Evidence: "When creating an access package assignment policy approval stage with
requestorManager, also include another approver, such as a single user or group member,
in case the requesting user doesn't have a manager" (microsoft-graph-docs-contrib
api-reference/v1.0/resources/requestormanager.md; the same advice in targetusersponsors.md,
internalsponsors.md, externalsponsors.md; beta api-reference/beta/resources/userset.md for
isBackup); "select Add fallback" (MicrosoftDocs/entra-docs
docs/id-governance/entitlement-management-access-package-approval-policy.md). Advice, hence info.`,
	Run: func(pass *Pass) {
		_, stages, _ := requiredStages(pass)
		for _, st := range stages {
			if a, ok := strandedApprover(pass.Shape, st, false); ok {
				pass.Report(a.typePtr(), finding.Value,
					"stage %d is approved only by `%s`, resolved per request, and has no fallback: a requestor without one has nobody to approve; %s",
					st.n, a.typ, fallbackAdvice(pass.Shape, false))
			}
			if !isTrueFlag(st.obj.Get("isEscalationEnabled")) {
				continue
			}
			a, ok := strandedApprover(pass.Shape, st, true)
			if !ok || secondLevelManagerIn(pass.Shape, st) {
				continue
			}
			pass.Report(a.typePtr(), finding.Value,
				"stage %d escalates only to `%s`, resolved per request, and has no fallback: a requestor without one leaves the escalated request with nobody to decide it; %s",
				st.n, a.typ, fallbackAdvice(pass.Shape, true))
		}
	},
}

// secondLevelManagerIn reports whether a stage escalates to the second-level
// manager (manager-level-range's case).
func secondLevelManagerIn(s Shape, st approvalStage) bool {
	main, _ := approversOf(st, true)
	for _, a := range main {
		if a.typ == "requestorManager" && managerLevelOf(a.obj) == 2 {
			return true
		}
	}
	return false
}
