package rules

import (
	"slices"

	"github.com/emlint/emlint/internal/finding"
)

var SponsorApproverInternalScope = &Rule{
	ID:       "sponsor-approver-internal-scope",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "`internalSponsors` and `externalSponsors` approve only requests from connected organizations",
	Help: `internalSponsors and externalSponsors make the sponsors of the requestor's
connected organization the approvers. They apply only to requestors who belong
to a connected organization; a policy for users in your directory has no such
requestors, so these approvers resolve to nobody and requests fall through to
the fallback approvers, or stall. The admin center offers sponsors only for
policies governing users not in your directory. (targetUserSponsors, the
requesting user's own sponsors, is the in-directory option and is not reported.)

- Member-users scopes (beta AllExistingDirectoryMemberUsers, v1.0
  allMemberUsers): no requestor can have connected-organization sponsors:
  warning.
- Other directory scopes (AllExistingDirectorySubjects, SpecificDirectorySubjects,
  allDirectoryUsers, specificDirectoryUsers) may include guests who came from
  a connected organization: info.

Bad (v1.0):
  "allowedTargetScope": "allMemberUsers",
  "stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.internalSponsors"}], ...}]
Fix:
  "primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}]
  (with a fallback approver), or targetUserSponsors, or specific approvers.

Only policies that require approval are checked.

Evidence: "This approver is only applicable to requests from users who are part of a
connected organization" (microsoft-graph-docs-contrib
api-reference/v1.0/resources/internalsponsors.md, externalsponsors.md); the approver choices
per audience in MicrosoftDocs/entra-docs
docs/id-governance/entitlement-management-access-package-approval-policy.md;
api-reference/v1.0/resources/targetusersponsors.md. Graph accepts such a policy.`,
	Run: func(pass *Pass) {
		scope, ok := policyScopeOf(pass)
		if !ok || scope.aud != audienceInternal {
			return
		}
		sev := finding.Info
		who := "users in your directory, of whom only guests from a connected organization have such sponsors"
		if scope.members {
			sev, who = finding.Warning, "member users of your directory, who have no connected-organization sponsors"
		}
		_, stages, _ := requiredStages(pass)
		for _, st := range stages {
			for _, escalation := range []bool{false, true} {
				main, fallback := approversOf(st, escalation)
				for _, a := range slices.Concat(main, fallback) {
					if a.typ == "internalSponsors" || a.typ == "externalSponsors" {
						pass.ReportAt(sev, a.typePtr(), finding.Value,
							"`%s` in stage %d are a connected organization's sponsors, but this policy's requestors are %s (`%s` is `%s`): use `requestorManager`, `targetUserSponsors` or specific approvers",
							a.typ, st.n, who, scope.key, scope.value)
					}
				}
			}
		}
	},
}
