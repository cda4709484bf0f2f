package rules

import (
	"github.com/emlint/emlint/internal/finding"
)

var StagesWithoutApproval = &Rule{
	ID:       "stages-without-approval",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "Approval stages are ignored when the policy does not require approval",
	Help: `Approval stages only apply when an approval flag is true. If none is (all
false or absent), requests through the policy need no approval ("If false,
then approval isn't required for new requests in this policy"), so the stages
have no effect: rarely what the author of the stages meant.

Bad (beta):
  "requestApprovalSettings": {
    "isApprovalRequired": false,
    "isApprovalRequiredForExtension": false,
    "approvalStages": [{"approvalStageTimeOutInDays": 14, "primaryApprovers": [...]}]
  }
Fix: set "isApprovalRequired": true (v1.0: "isApprovalRequiredForAdd": true) to
use the stages, or send "approvalStages": [] ("stages": [] in v1.0).

Evidence: the stages collection is "an empty array if no approval is required"
(microsoft-graph-docs-contrib api-reference/beta/resources/approvalsettings.md;
api-reference/v1.0/resources/accesspackageassignmentapprovalsettings.md). The docs
examples without approval send an empty array (or null settings). No service error is on
record for this combination, hence a warning.`,
	Run: func(pass *Pass) {
		v, ok := approvalSettingsOf(pass)
		if !ok || v.requiringFlag() != "" {
			return
		}
		n, ok := v.stageCount()
		if !ok || n == 0 {
			return
		}
		pass.Report(v.stagesPtr, finding.Value,
			"`%s` has %s but neither `%s` nor `%s` is true, so Graph ignores them: set `%s` to true, or send an empty `%s`",
			v.stagesKey, stagesWord(n), v.flags[0], v.flags[1], v.flags[0], v.stagesKey)
	},
}
