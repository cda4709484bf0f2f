package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var ExtensionWithoutExpiry = &Rule{
	ID:       "extension-without-expiry",
	Severity: finding.Warning,
	Shapes:   []Shape{BetaPolicy},
	Doc:      "canExtend is true but the policy's assignments never expire",
	Help: `canExtend lets assignees extend an assignment before it expires: Graph e-mails
them 14 days and one day before expiry, and they request an extension. On a
policy whose assignments never expire there is nothing to extend, so the
setting has no effect. Usually an expiry was meant and is missing:
durationInDays is 0 or absent and expirationDateTime is not set.

Bad:  {"canExtend": true, "durationInDays": 0, "expirationDateTime": null}
Fix:  {"canExtend": true, "durationInDays": 365, "expirationDateTime": null}
  or  {"canExtend": false, "durationInDays": 0, "expirationDateTime": null}

Only the legacy beta shape is checked. In v1.0 the nearest settings
(requestorSettings.enableTargetsToSelfUpdateAccess, requestApprovalSettings.isApprovalRequiredForUpdate)
also govern updates of answers and schedules, and docs example 2 combines
them with noExpiration, so they are not a mistake there. A beta body that
sends the v1.0 expiration is left to cross-version-property, which explains
that Graph ignores it.

Evidence: inferred. MicrosoftDocs/entra-docs docs/includes/entra-entitlement-management-lifecycle-policy.md
(extension e-mails 14 days and one day before expiry; extensions relate to
the assignment's end); api-reference/beta/resources/accesspackageassignmentpolicy.md
(canExtend: whether a user can extend the assignment duration after approval)
in microsoft-graph-docs-contrib.`,
	Run: func(pass *Pass) {
		if !lcTrue(pass.RootGet("canExtend")) {
			return
		}
		why, never := lcNeverExpires(pass)
		if !never {
			return
		}
		pass.Report(pointer.Join("", "canExtend"), finding.Value,
			"`canExtend` is true but assignments never expire (%s), so there is nothing to extend: set an expiry, or set `canExtend` to false", why)
	},
}
