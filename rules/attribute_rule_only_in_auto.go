package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var AttributeRuleOnlyInAuto = &Rule{
	ID:       "attribute-rule-only-in-auto",
	Severity: finding.Warning,
	Shapes:   []Shape{V1Policy},
	Doc:      "An `attributeRuleMembers` target belongs in an automatic assignment policy",
	Help: `An attributeRuleMembers entry in specificAllowedTargets holds a membership
rule: the users it matches are assigned the access package automatically. That
is what an automatic assignment policy does, and a policy is one only when it
has automaticRequestSettings ("if absent, this is a request-based policy").
In a request-based policy the rule has no documented meaning.

Bad:
  "allowedTargetScope": "specificDirectoryUsers",
  "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.attributeRuleMembers",
                              "membershipRule": "(user.department -eq \"Sales\")"}]
  (no automaticRequestSettings)
Fix: add "automaticRequestSettings": {"requestAccessForAllowedTargets": true},
or, for a request-based policy, list the users and groups who may request
(singleUser, groupMembers).

The research catalogue grades this an error; the docs describe what the type
is for but never call it invalid elsewhere, and no service error is on record,
so emlint warns.

Evidence: "Identifies a collection of users in the tenant who will be assigned the
access package automatically based on the specified membership rule. Used in the
specificAllowedTargets setting" (microsoft-graph-docs-contrib
api-reference/v1.0/resources/attributerulemembers.md); automaticRequestSettings
"is only present for an auto assignment policy" (api-reference/v1.0/resources/accesspackageassignmentpolicy.md);
create example 3 in api-reference/v1.0/api/entitlementmanagement-post-assignmentpolicies.md;
MicrosoftDocs/entra-docs docs/id-governance/entitlement-management-access-package-auto-assignment-policy.md.`,
	Run: func(pass *Pass) {
		if pass.RootGet("automaticRequestSettings").IsObject() {
			return
		}
		targets := subjectItems(pass.rootNode("specificAllowedTargets"), pointer.Join("", "specificAllowedTargets"))
		for _, it := range targets {
			if it.typ == "attributeRuleMembers" {
				pass.Report(it.typePtr(), finding.Value,
					"`attributeRuleMembers` assigns the users its rule matches automatically, but this policy has no `automaticRequestSettings`: add `\"automaticRequestSettings\": {\"requestAccessForAllowedTargets\": true}`, or list `singleUser`/`groupMembers` targets for a request-based policy")
			}
		}
	},
}
