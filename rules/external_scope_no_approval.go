package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var ExternalScopeNoApproval = &Rule{
	ID:       "external-scope-no-approval",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "A policy that lets external users request should require approval",
	Help: `When a policy lets users from outside the organization request access (beta
scopeType AllExternalSubjects, AllConfiguredConnectedOrganizationSubjects,
AllExistingConnectedOrganizationSubjects or SpecificConnectedOrganizationSubjects;
v1.0 allowedTargetScope allExternalUsers, allConfiguredConnectedOrganizationUsers
or specificConnectedOrganizationUsers), a request that needs no approval adds
the requestor to your directory as a guest with nobody checking who it is.
With "all users" any identity on the internet can request. Microsoft's guidance
is to require approval for such policies.

Bad (v1.0):
  "allowedTargetScope": "allExternalUsers",
  "requestApprovalSettings": {"isApprovalRequiredForAdd": false, "stages": []}
Fix:
  "requestApprovalSettings": {"isApprovalRequiredForAdd": true,
    "stages": [{"durationBeforeAutomaticDenial": "P14D",
                "primaryApprovers": [{"@odata.type": "#microsoft.graph.internalSponsors"}],
                "fallbackPrimaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "..."}]}]}

Nothing is reported when the policy takes no requests (beta acceptRequests
false; v1.0 enableTargetsToSelfAddAccess false and no on-behalf add).

Evidence: "If the policy allows external users from outside your organization to
request access, you should require approval, so there's oversight on who is being
added to your organization's directory" (MicrosoftDocs/entra-docs
docs/id-governance/entitlement-management-access-package-approval-policy.md); the
scopes in docs/id-governance/entitlement-management-access-package-request-policy.md.
Graph accepts such a policy, hence a warning.`,
	Run: func(pass *Pass) {
		scope, ok := policyScopeOf(pass)
		if !ok || scope.aud != audienceExternal {
			return
		}
		rs := pass.rootNode("requestorSettings")
		if pass.Shape == BetaPolicy {
			if isFalseFlag(rs.Get("acceptRequests")) {
				return
			}
		} else if isFalseFlag(rs.Get("enableTargetsToSelfAddAccess")) && !isTrueFlag(rs.Get("enableOnBehalfRequestorsToAddAccess")) {
			return
		}

		flag := "isApprovalRequiredForAdd"
		if pass.Shape == BetaPolicy {
			flag = "isApprovalRequired"
		}
		at := scope.ptr
		ras := pass.RootGet("requestApprovalSettings")
		switch {
		case ras.IsObject() && isTrueFlag(Get(ras, flag)):
			return
		case ras.IsObject() && Get(ras, flag).Exists():
			at = pointer.Join("", "requestApprovalSettings", flag)
		case ras.Exists():
			at = pointer.Join("", "requestApprovalSettings")
		}
		pass.Report(at, finding.Value,
			"users from outside the organization can request (`%s` is `%s`) but `%s` is not true, so they are added to the directory without anyone checking: require approval and add a stage (e.g. sponsors as approvers)",
			scope.key, scope.value, flag)
	},
}
