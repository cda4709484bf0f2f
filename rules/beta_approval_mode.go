package rules

import (
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/emlint/emlint/internal/suggest"
	"github.com/tidwall/gjson"
)

// approvalModes are the values the beta approvalSettings page lists;
// Parallel is listed but only means something for PIM role policies.
var approvalModes = []string{"SingleStage", "Serial", "NoApproval", "Parallel"}

var BetaApprovalMode = &Rule{
	ID:       "beta-approval-mode",
	Severity: finding.Error,
	Shapes:   []Shape{BetaPolicy},
	Doc:      "The beta approvalMode must agree with isApprovalRequired and the number of approval stages",
	Help: `In the beta accessPackageAssignmentPolicies shape, approvalMode restates what
isApprovalRequired and approvalStages already say: NoApproval goes with
isApprovalRequired false and no stages, SingleStage with one stage, Serial
with two or more. The service derives the mode when it is omitted (the
Terraform azuread provider never sends it), so the simplest fix is often to
drop approvalMode.

- NoApproval with isApprovalRequired true, or with stages: error (the body
  says both "no approval" and "approval").
- SingleStage without exactly one stage, Serial with fewer than two: warning.
- Parallel: warning. It is a PIM (role management policy) value of the shared
  approvalSettings type; no entitlement-management page defines it.
- Any other value: warning, with the nearest documented value; a value that
  differs only in letter case is reported as a casing problem.

Bad:  "approvalMode": "Serial", "approvalStages": [{...}]
Fix:  "approvalMode": "SingleStage" (or add a second stage, or omit approvalMode)

Evidence: "One of SingleStage, Serial, Parallel, NoApproval (default). NoApproval
is used when isApprovalRequired is false" (microsoft-graph-docs-contrib
api-reference/beta/resources/approvalsettings.md); the beta create examples pair
SingleStage with one stage, Serial with two and NoApproval with []
(api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentpolicies.md).
Only the NoApproval contradiction is graded error; no service error is on record
for a count mismatch.`,
	Run: func(pass *Pass) {
		v, ok := approvalSettingsOf(pass)
		if !ok {
			return
		}
		mode := v.settings.Get("approvalMode")
		if mode.Type != gjson.String {
			return // absent or null: the service derives it
		}
		ptr := pointer.Join(v.ptr, "approvalMode")
		n, countOK := v.stageCount()

		switch mode.Str {
		case "NoApproval":
			required := v.settings.Get("isApprovalRequired").Type == gjson.True
			switch {
			case required && n > 0:
				pass.Report(ptr, finding.Value,
					"`approvalMode` is `NoApproval` but `isApprovalRequired` is true and there %s: use `%s`, or omit `approvalMode`",
					thereAre(n), modeFor(n))
			case required:
				pass.Report(ptr, finding.Value,
					"`approvalMode` is `NoApproval` but `isApprovalRequired` is true: set `isApprovalRequired` to false, or add a stage and use `SingleStage`")
			case n > 0:
				pass.Report(ptr, finding.Value,
					"`approvalMode` is `NoApproval` but there %s: send `approvalStages: []`, or require approval and use `%s`",
					thereAre(n), modeFor(n))
			}
		case "SingleStage":
			if countOK && n != 1 {
				fix := "use `Serial`, or keep one stage"
				if n == 0 {
					fix = "add a stage, or use `NoApproval`"
				}
				pass.ReportAt(finding.Warning, ptr, finding.Value,
					"`approvalMode` is `SingleStage` but there %s: %s", thereAre(n), fix)
			}
		case "Serial":
			if countOK && n < 2 {
				fix := "use `SingleStage`, or add a second stage"
				if n == 0 {
					fix = "add stages, or use `NoApproval`"
				}
				pass.ReportAt(finding.Warning, ptr, finding.Value,
					"`approvalMode` is `Serial` but there %s: %s", thereAre(n), fix)
			}
		case "Parallel":
			pass.ReportAt(finding.Warning, ptr, finding.Value,
				"`Parallel` is a PIM approval mode, not documented for access package policies: use `%s`, or omit `approvalMode`",
				modeFor(n))
		default:
			for _, m := range approvalModes {
				if strings.EqualFold(mode.Str, m) {
					pass.ReportAt(finding.Warning, ptr, finding.Value,
						"`approvalMode` `%s` has the wrong letter case: write `%s`", mode.Str, m)
					return
				}
			}
			if s := suggest.Closest(mode.Str, approvalModes[:3]); s != "" {
				pass.ReportAt(finding.Warning, ptr, finding.Value,
					"`approvalMode` `%s` is not a documented value: did you mean `%s`?", mode.Str, s)
				return
			}
			pass.ReportAt(finding.Warning, ptr, finding.Value,
				"`approvalMode` `%s` is not a documented value: use `SingleStage`, `Serial` or `NoApproval`, or omit it", mode.Str)
		}
	},
}

// modeFor is the approvalMode that matches a stage count.
func modeFor(n int) string {
	switch n {
	case 0:
		return "NoApproval"
	case 1:
		return "SingleStage"
	}
	return "Serial"
}

// thereAre is "is 1 stage", "are 2 stages", "are no stages".
func thereAre(n int) string {
	if n == 1 {
		return "is 1 stage"
	}
	return "are " + stagesWord(n)
}
