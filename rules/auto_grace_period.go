package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

var AutoGracePeriod = &Rule{
	ID:       "auto-grace-period",
	Severity: finding.Info,
	Shapes:   []Shape{V1Policy},
	Doc:      "`gracePeriodBeforeAccessRemoval` only applies when access is removed from users who leave the rule",
	Help: `In an automatic assignment policy, gracePeriodBeforeAccessRemoval is how long
a user keeps access after leaving the allowed target scope (no longer matching
the membership rule) before the assignment is removed. Assignments are removed
only when removeAccessWhenTargetLeavesAllowedTargets is true; when it is false
or absent nothing is removed, so the grace period never starts.

Bad:
  "automaticRequestSettings": {"requestAccessForAllowedTargets": true,
                               "removeAccessWhenTargetLeavesAllowedTargets": false,
                               "gracePeriodBeforeAccessRemoval": "P7D"}
Fix: set "removeAccessWhenTargetLeavesAllowedTargets": true (users keep access
for 7 days after leaving the rule), or drop gracePeriodBeforeAccessRemoval.

A zero grace period (PT0S) is not reported. The duration format itself is
checked by the schema.

Evidence: gracePeriodBeforeAccessRemoval ("the duration for which access must be
retained before the target's access is revoked once they leave the allowed target
scope") and removeAccessWhenTargetLeavesAllowedTargets in microsoft-graph-docs-contrib
api-reference/v1.0/resources/accesspackageautomaticrequestsettings.md; the admin center
flow in MicrosoftDocs/entra-docs docs/id-governance/entitlement-management-access-package-auto-assignment-policy.md.`,
	Run: func(pass *Pass) {
		ars := pass.RootGet("automaticRequestSettings")
		if !ars.IsObject() {
			return
		}
		grace := Get(ars, "gracePeriodBeforeAccessRemoval")
		if grace.Type != gjson.String || grace.Str == "" {
			return
		}
		if secs, ok := dayTimeSeconds(grace.Str); ok && secs == 0 {
			return
		}
		remove := Get(ars, "removeAccessWhenTargetLeavesAllowedTargets")
		if isTrueFlag(remove) {
			return
		}
		state := "absent"
		if remove.Exists() {
			state = "`" + remove.Raw + "`"
		}
		pass.Report(pointer.Join("", "automaticRequestSettings", "gracePeriodBeforeAccessRemoval"), finding.Value,
			"`gracePeriodBeforeAccessRemoval` is `%s` but `removeAccessWhenTargetLeavesAllowedTargets` is %s, so access is never removed and the grace period never applies: set it to true, or drop the grace period",
			grace.Str, state)
	},
}
