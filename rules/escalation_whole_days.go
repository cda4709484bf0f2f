package rules

import (
	"math"
	"strconv"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var EscalationWholeDays = &Rule{
	ID:       "escalation-whole-days",
	Severity: finding.Info,
	Shapes:   Policies,
	Doc:      "Escalation times are set in whole days by the admin center and most tools",
	Help: `The admin center asks "Forward to alternate approver(s) after how many days", and
the Terraform azuread provider sends enable_alternative_approval_in_days × 1440 as
escalationTimeInMinutes. A time of a day or more that is not a whole number of
days (say 2000 minutes, or "P1DT6H") is accepted by the schema, but tools that
think in days truncate it when they read the policy back (the Terraform provider
divides the minutes by 1440), and it is often a unit mistake (hours or days typed
where minutes were meant). Advice only.

Times under a day are left to escalation-time-window; one minute ("PT1M") is
how the admin center stores "0 days". Stages with escalation off are not checked.

Bad (beta):  "isEscalationEnabled": true, "escalationTimeInMinutes": 2000
Fix:         "escalationTimeInMinutes": 1440 (1 day) or 2880 (2 days)

Evidence: MicrosoftDocs/entra-docs
docs/id-governance/entitlement-management-access-package-approval-policy.md (the
forwarding delay is entered in days); hashicorp/terraform-provider-azuread
internal/services/identitygovernance/access_package_assignment_policy_resource.go
and identitygovernance.go (days × 24 × 60 on write, minutes / 60 / 24 on read); beta docs example 14 days / 11520 minutes (8 days) in
microsoft-graph-docs-contrib api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentpolicies.md.`,
	Run: func(pass *Pass) {
		keys := escalationKeysFor(pass.Shape)
		for _, st := range approvalStageList(pass) {
			if !escalationOn(st.obj) {
				continue
			}
			e, ok := stageMinutes(pass.Shape, st.obj, keys.escalationTime)
			if !ok || e < minutesPerDay || math.Mod(e, minutesPerDay) == 0 {
				continue
			}
			days := math.Round(e / minutesPerDay)
			pass.Report(pointer.Join(st.ptr, keys.escalationTime), finding.Value,
				"`%s` is %s, not a whole number of days: did you mean %s?",
				keys.escalationTime, sayMinutes(e), wholeDaysValue(pass.Shape, days))
		}
	},
}

// wholeDaysValue writes n days the way a shape's escalation time is written.
func wholeDaysValue(s Shape, days float64) string {
	if s == BetaPolicy {
		return "`" + formatInt(days*minutesPerDay) + "` (" + plural(int64(days), "day") + ")"
	}
	return "`P" + formatInt(days) + "D`"
}

func formatInt(f float64) string {
	return strconv.FormatInt(int64(f), 10)
}
