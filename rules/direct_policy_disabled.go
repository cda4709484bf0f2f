package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var DirectPolicyDisabled = &Rule{
	ID:       "direct-policy-disabled",
	Severity: finding.Warning,
	Shapes:   []Shape{BetaPolicy},
	Doc:      "A `NoSubjects` policy with `acceptRequests` false blocks direct assignment too",
	Help: `A beta policy with requestorSettings.scopeType NoSubjects is a direct
assignment policy: nobody requests through it, and administrators assign users
directly. acceptRequests is the policy's Enable switch, and it still matters
for such a policy: with NoSubjects and acceptRequests false, administrators
cannot directly assign the access package through the policy either, so the
policy does nothing.

Bad:
  "requestorSettings": {"scopeType": "NoSubjects", "acceptRequests": false, "allowedRequestors": []}
Fix:
  "requestorSettings": {"scopeType": "NoSubjects", "acceptRequests": true, "allowedRequestors": []}
(the beta docs' direct-assignment example sends exactly this).

Evidence: "If you selected None (administrator direct assignments only) and you set
enable to No, then administrators can't directly assign this access package"
(MicrosoftDocs/entra-docs docs/id-governance/entitlement-management-access-package-request-policy.md
and entitlement-management-access-package-approval-policy.md, section Enable requests);
example 1 of microsoft-graph-docs-contrib
api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentpolicies.md.
The policy is accepted, hence a warning.`,
	Run: func(pass *Pass) {
		rs := pass.rootNode("requestorSettings")
		if !rs.IsObject() || rs.Get("scopeType").Str != "NoSubjects" {
			return
		}
		if isFalseFlag(rs.Get("acceptRequests")) {
			pass.Report(pointer.Join("", "requestorSettings", "acceptRequests"), finding.Value,
				"`acceptRequests` is false on a `NoSubjects` (direct assignment) policy, so administrators cannot assign through it either: set `acceptRequests` to true")
		}
	},
}
