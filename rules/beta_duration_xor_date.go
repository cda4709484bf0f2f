package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var BetaDurationXorDate = &Rule{
	ID:       "beta-duration-xor-date",
	Severity: finding.Warning,
	Shapes:   []Shape{BetaPolicy},
	Doc:      "A legacy beta policy sets both durationInDays and expirationDateTime",
	Help: `The legacy beta policy states the expiry of its assignments in one of two
ways: durationInDays (assignments last that many days after they are
granted) or expirationDateTime (every assignment ends on that date). They
are alternatives, like the admin center's "Number of days" and "On date"
options: the docs examples send one and null the other, v1.0 replaced both
with a single expiration whose type picks one, and the Terraform azuread
provider refuses to set both. Which one Graph applies when both are set is
not documented.

Bad:  "durationInDays": 365, "expirationDateTime": "2027-06-30T00:00:00Z"
Fix:  "durationInDays": 365, "expirationDateTime": null
  or  "durationInDays": 0,   "expirationDateTime": "2027-06-30T00:00:00Z"

A warning, not an error: no service error is on record for this combination.

Evidence: api-reference/beta/resources/accesspackageassignmentpolicy.md
(durationInDays, expirationDateTime) and the examples of
api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentpolicies.md
(durationInDays 365 with expirationDateTime null) in microsoft-graph-docs-contrib;
hashicorp/terraform-provider-azuread access_package_assignment_policy
(duration_in_days ConflictsWith expiration_date); api-reference/v1.0/resources/expirationpattern.md.`,
	Run: func(pass *Pass) {
		n, ok := lcNumber(pass.RootGet("durationInDays"))
		if !ok || n <= 0 || !lcGiven(pass.RootGet("expirationDateTime")) {
			return
		}
		pass.Report(pointer.Join("", "expirationDateTime"), finding.Key,
			"both `durationInDays` (%s) and `expirationDateTime` are set, and which one Graph applies is undocumented: keep one and set `expirationDateTime` to null or `durationInDays` to 0",
			edrNum(n))
	},
}
