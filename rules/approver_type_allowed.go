package rules

import (
	"slices"

	"github.com/emlint/emlint/internal/finding"
)

// notApprovers are subjectSet types that name requestors, targets or scopes,
// each with what to use instead. Types documented as approvers anywhere
// (including singleServicePrincipal, which the subjectSet page allows as an
// approver, and the newer targetAgentIdentitySponsorsOrOwners) are not listed.
var notApprovers = map[string]string{
	"connectedOrganizationMembers":            "it names who may request from a connected organization; for that organization's sponsors use `internalSponsors` or `externalSponsors`, or name `singleUser`/`groupMembers` approvers",
	"attributeRuleMembers":                    "it is an automatic-assignment membership rule; name `singleUser` or `groupMembers` approvers",
	"targetManager":                           "it names the target's manager as an on-behalf requestor; for the requestor's manager as approver use `requestorManager`",
	"targetApplicationOwners":                 "it names who may request on behalf of an application; name `singleUser` or `groupMembers` approvers",
	"identityGovernance.groupBasedSubjectSet": "it is a lifecycle workflows scope; for a group of approvers use `groupMembers`",
	"identityGovernance.ruleBasedSubjectSet":  "it is a lifecycle workflows scope; name `singleUser` or `groupMembers` approvers",
}

var ApproverTypeAllowed = &Rule{
	ID:       "approver-type-allowed",
	Severity: finding.Error,
	Shapes:   Policies,
	Doc:      "Approvers must be of an approver type, not a requestor or target type",
	Help: `The approver collections of a stage (primaryApprovers and escalationApprovers;
in v1.0 also fallbackPrimaryApprovers and fallbackEscalationApprovers) are
typed as the abstract subjectSet (beta userSet), so the schema accepts any of
its subtypes. Only some of them name approvers: singleUser, groupMembers,
requestorManager, internalSponsors, externalSponsors and targetUserSponsors.
The others say who may request or be assigned and mean nothing as an approver:

  connectedOrganizationMembers  -> internalSponsors / externalSponsors, or specific approvers
  attributeRuleMembers          -> singleUser / groupMembers
  targetManager                 -> requestorManager (the requestor's manager)
  targetApplicationOwners       -> singleUser / groupMembers
  lifecycle workflow sets       -> groupMembers

singleServicePrincipal (which the subjectSet page describes as allowed as an
approver) and targetAgentIdentitySponsorsOrOwners (agent identity sponsors)
are not reported.

Bad:  "primaryApprovers": [{"@odata.type": "#microsoft.graph.targetManager", "managerLevel": 1}]
Fix:  "primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}]

Evidence: primaryApprovers, "a collection of singleUser, groupMembers,
requestorManager, internalSponsors, externalSponsors, or targetUserSponsors"
(microsoft-graph-docs-contrib api-reference/v1.0/resources/accesspackageapprovalstage.md;
api-reference/beta/resources/approvalstage.md and the beta metadata description);
the subtype descriptions in api-reference/v1.0/resources/subjectset.md. The grade
rests on those documented lists; the Terraform azuread provider is laxer (it
lets connectedOrganizationMembers through), and no service error text is on record.`,
	Run: func(pass *Pass) {
		v, ok := approvalSettingsOf(pass)
		if !ok {
			return
		}
		for _, st := range stagesOf(v) {
			for _, escalation := range []bool{false, true} {
				main, fallback := approversOf(st, escalation)
				for _, a := range slices.Concat(main, fallback) {
					if fix, bad := notApprovers[a.typ]; bad {
						pass.Report(a.typePtr(), finding.Value, "`%s` cannot approve: %s", a.typ, fix)
					}
				}
			}
		}
	},
}
