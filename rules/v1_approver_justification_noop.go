package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var V1ApproverJustificationNoop = &Rule{
	ID:       "v1-approver-justification-noop",
	Severity: finding.Info,
	Shapes:   []Shape{V1Policy},
	Doc:      "`isApproverJustificationRequired` has been reported to have no effect through v1.0",
	Help: `A v1.0 approval stage can ask approvers to justify their decision with
isApproverJustificationRequired. A user reported that through the v1.0
endpoint the setting is not applied, true or false, while the beta endpoint
applies it; the docs issue is labelled as a product bug. Check the policy
afterwards (GET it, or look at the stage in the admin center), and if the
setting did not stick, set it through the beta endpoint.

Reported only when the flag is true (false is the default either way).

Bad (v1.0):  "stages": [{"isApproverJustificationRequired": true, ...}]
Check:       GET .../assignmentPolicies/{id} and confirm the stage kept it

Evidence: microsoftgraph/microsoft-graph-docs#22193 (microsoft-graph-docs-contrib#1055):
through v1.0 the option "does not have any effect within the backend", while "the beta
version does not have this issue"; labelled "bug: product". The property in
microsoft-graph-docs-contrib api-reference/v1.0/resources/accesspackageapprovalstage.md.
A report, not a documented limit, hence info.`,
	Run: func(pass *Pass) {
		v, ok := approvalSettingsOf(pass)
		if !ok {
			return
		}
		for _, st := range stagesOf(v) {
			if isTrueFlag(st.obj.Get("isApproverJustificationRequired")) {
				pass.Report(pointer.Join(st.ptr, "isApproverJustificationRequired"), finding.Value,
					"`isApproverJustificationRequired` has been reported to have no effect when set through v1.0 (microsoft-graph-docs#22193): check the policy after saving it, and set it through the beta endpoint if it did not stick")
			}
		}
	},
}
