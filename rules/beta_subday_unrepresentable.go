package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var BetaSubdayUnrepresentable = &Rule{
	ID:       "beta-subday-unrepresentable",
	Severity: finding.Info,
	Shapes:   []Shape{BetaPolicy},
	Doc:      "A legacy beta PUT with durationInDays 0 may erase an hour-based expiry",
	Help: `The admin center and the v1.0 API can make assignments expire after a number
of hours (v1.0 expiration {"type": "afterDuration", "duration": "PT8H"}). The
legacy beta policy counts whole days only: Graph returns such a policy with
durationInDays 0 and expirationDateTime null, exactly what a policy whose
assignments never expire looks like. A script that GETs the policy through
the beta API and PUTs it back therefore turns "expires after 8 hours" into
"never expires", silently.

The rule cannot know the policy's current expiry. It reports, as info, a
beta update body (one with an id at the root) that sends durationInDays 0
without an expirationDateTime: check that "never expires" is meant, and
update hour-based policies through the v1.0 endpoint
(PUT /identityGovernance/entitlementManagement/assignmentPolicies/{id}).

Bad:  PUT .../accessPackageAssignmentPolicies/{id}  {"id": "...", "durationInDays": 0, "expirationDateTime": null, ...}
      (the policy expires after 8 hours)
Fix:  PUT .../assignmentPolicies/{id}  {"id": "...", "expiration": {"type": "afterDuration", "duration": "PT8H"}, ...}

Evidence: msgraph-sdk-powershell #2132 (the beta GET shows durationInDays 0
for an hour-based policy, with no hours property); hashicorp/terraform-provider-azuread
#1148 and #1889 (the beta shape cannot represent sub-day durations; v1.0
expiration.duration can, e.g. "PT3H"); api-reference/v1.0/resources/expirationpattern.md
(microsoft-graph-docs-contrib).`,
	Run: func(pass *Pass) {
		if !pass.IsUpdate() {
			return
		}
		if n, ok := lcNumber(pass.RootGet("durationInDays")); !ok || n != 0 || lcGiven(pass.RootGet("expirationDateTime")) {
			return
		}
		pass.Report(pointer.Join("", "durationInDays"), finding.Value,
			"`durationInDays` 0 without `expirationDateTime` makes this update's assignments never expire; the beta API also shows an hour-based expiry as 0, so if the policy expires after some hours, update it through v1.0 (`expiration`: {\"type\": \"afterDuration\", \"duration\": \"PT8H\"}) instead")
	},
}
