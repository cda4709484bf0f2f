package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

// v1AddRequestFlags are the v1.0 requestorSettings flags that let someone ask for
// new access.
var v1AddRequestFlags = []string{"enableTargetsToSelfAddAccess", "enableOnBehalfRequestorsToAddAccess"}

var V1NobodyCanRequest = &Rule{
	ID:       "v1-nobody-can-request",
	Severity: finding.Warning,
	Shapes:   []Shape{V1Policy},
	Doc:      "`allowedTargetScope` and the `requestorSettings` flags must agree on whether anyone can request",
	Help: `In a v1.0 policy, allowedTargetScope says who can be assigned and the
requestorSettings flags say who can ask: enableTargetsToSelfAddAccess lets the
targets request for themselves, enableOnBehalfRequestorsToAddAccess lets the
onBehalfRequestors request for them. The two must agree:

- allowedTargetScope notSpecified (no one in scope: a direct-assignment
  policy) with an Add flag true: the flag can never be used (warning).
- A scope with people in it, no automaticRequestSettings, and both Add flags
  false: nobody can request, only administrators can assign through the policy
  (info: this is sometimes intended, to limit who administrators may assign,
  but a direct-assignment policy is usually written with notSpecified).

Bad:
  "allowedTargetScope": "notSpecified",
  "requestorSettings": {"enableTargetsToSelfAddAccess": true, ...}
Fix: "allowedTargetScope": "allMemberUsers" (or the scope meant), or
"enableTargetsToSelfAddAccess": false for a direct-assignment policy.

Nothing is reported when requestorSettings is absent (the service defaults
are undocumented). The Update and Remove flags are not checked: they apply to
existing assignments, which direct assignment also creates.

Evidence: the flag descriptions in microsoft-graph-docs-contrib
api-reference/v1.0/resources/accesspackageassignmentrequestorsettings.md; create
example 1 ("no users can request": notSpecified with every flag false) in
api-reference/v1.0/api/entitlementmanagement-post-assignmentpolicies.md. Inferred from
those; no service error is on record.`,
	Run: func(pass *Pass) {
		scope, ok := policyScopeOf(pass)
		rs := pass.rootNode("requestorSettings")
		if !ok || !rs.IsObject() {
			return
		}
		if scope.aud == audienceNobody {
			for _, f := range v1AddRequestFlags {
				if isTrueFlag(rs.Get(f)) {
					pass.Report(pointer.Join("", "requestorSettings", f), finding.Value,
						"`%s` is true but `allowedTargetScope` is `notSpecified`, so no one is in scope to request: set the scope of who may request, or set `%s` to false for a direct-assignment policy",
						f, f)
				}
			}
			return
		}
		if pass.RootGet("automaticRequestSettings").IsObject() {
			return
		}
		for _, f := range v1AddRequestFlags {
			if isTrueFlag(rs.Get(f)) {
				return
			}
		}
		pass.ReportAt(finding.Info, scope.ptr, finding.Value,
			"`allowedTargetScope` is `%s` but neither `enableTargetsToSelfAddAccess` nor `enableOnBehalfRequestorsToAddAccess` is true, so nobody can request and only administrators can assign: enable requests, or use `notSpecified` for a direct-assignment policy",
			scope.value)
	},
}
