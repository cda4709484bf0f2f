package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var AutoPolicyShape = &Rule{
	ID:       "auto-policy-shape",
	Severity: finding.Warning,
	Shapes:   []Shape{V1Policy},
	Doc:      "An automatic assignment policy needs one membership rule and no request settings",
	Help: `A v1.0 policy with automaticRequestSettings is an automatic assignment
policy: entitlement management assigns the access package to the users its
membership rule matches, and removes them when they stop matching. Nobody
requests through it, so the parts of a policy that shape requests do nothing:

- specificAllowedTargets must hold the rule, an attributeRuleMembers entry
  (warning when there is none; info when there is more than one, as the
  admin center and the docs use a single rule per policy);
- requestAccessForAllowedTargets false means no assignment is ever created
  (info: it may be a deliberate pause);
- enableTargetsToSelfAddAccess / enableOnBehalfRequestorsToAddAccess true,
  approval required, or questions: no request ever uses them (warning).

The docs payload for an automatic policy is displayName, description,
specificAllowedTargets, automaticRequestSettings and accessPackage.

Bad:
  "automaticRequestSettings": {"requestAccessForAllowedTargets": true},
  "specificAllowedTargets": [],
  "requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [...]}
Fix:
  "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.attributeRuleMembers",
                              "membershipRule": "(user.department -eq \"Sales\")"}],
  and no approval, questions or self-service flags.

Other limits cannot be checked in one body: at most one automatic policy per
access package, at most 5000 users per rule, and only administrators (not
catalog owners or access package managers) may create one.

Evidence: MicrosoftDocs/entra-docs docs/id-governance/entitlement-management-access-package-auto-assignment-policy.md
(payload, one automatic policy per package, 5000 users, administrators only);
create example 3 in microsoft-graph-docs-contrib api-reference/v1.0/api/entitlementmanagement-post-assignmentpolicies.md;
api-reference/v1.0/resources/accesspackageautomaticrequestsettings.md. The warnings about
request settings are inferred (no service error on record).`,
	Run: func(pass *Pass) {
		ars := pass.RootGet("automaticRequestSettings")
		if !ars.IsObject() {
			return
		}
		arsPtr := pointer.Join("", "automaticRequestSettings")

		targetsPtr := pointer.Join("", "specificAllowedTargets")
		targets := pass.rootNode("specificAllowedTargets")
		if _, ok := elementCount(targets); ok {
			var rules []subjectItem
			for _, it := range subjectItems(targets, targetsPtr) {
				if it.typ == "attributeRuleMembers" {
					rules = append(rules, it)
				}
			}
			switch {
			case len(rules) == 0 && targets.Exists():
				pass.Report(targetsPtr, finding.Value,
					"this automatic assignment policy has no `attributeRuleMembers` rule in `specificAllowedTargets`, so it matches nobody: add `{\"@odata.type\": \"#microsoft.graph.attributeRuleMembers\", \"membershipRule\": \"...\"}`")
			case len(rules) == 0:
				pass.Report(arsPtr, finding.Key,
					"this automatic assignment policy has no `specificAllowedTargets` with an `attributeRuleMembers` rule, so it matches nobody: add one")
			case len(rules) > 1:
				pass.ReportAt(finding.Info, rules[1].typePtr(), finding.Value,
					"an automatic assignment policy has %d `attributeRuleMembers` rules; the docs and the admin center use one: combine them with `-or` in a single `membershipRule`",
					len(rules))
			}
		}

		if v := Get(ars, "requestAccessForAllowedTargets"); isFalseFlag(v) {
			pass.ReportAt(finding.Info, pointer.Join(arsPtr, "requestAccessForAllowedTargets"), finding.Value,
				"`requestAccessForAllowedTargets` is false, so this automatic policy creates no assignments: set it to true to assign the users the rule matches")
		}

		if rs := pass.rootNode("requestorSettings"); rs.IsObject() {
			for _, f := range []string{"enableTargetsToSelfAddAccess", "enableOnBehalfRequestorsToAddAccess"} {
				if isTrueFlag(rs.Get(f)) {
					pass.Report(pointer.Join("", "requestorSettings", f), finding.Value,
						"`%s` is true, but nobody requests through an automatic assignment policy: set it to false, and use a separate policy for requests", f)
				}
			}
		}

		if v, ok := approvalSettingsOf(pass); ok {
			if f := v.requiringFlag(); f != "" {
				pass.Report(pointer.Join(v.ptr, f), finding.Value,
					"`%s` is true, but automatic assignments are not requested and so never approved: set it to false and send `stages: []`", f)
			}
		}

		if n, ok := elementCount(pass.rootNode("questions")); ok && n > 0 {
			pass.Report(pointer.Join("", "questions"), finding.Value,
				"nobody answers questions in an automatic assignment policy (no one requests through it): remove the %s",
				countWord(n, "question"))
		}
	},
}
