package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

// maxApprovalStages is the documented v1.0 and portal limit. The beta
// approvalSettings page still says "one or two", but three stages are
// generally available in both APIs, so three is not flagged in beta either.
const maxApprovalStages = 3

var ApprovalStageMax3 = &Rule{
	ID:       "approval-stage-max-3",
	Severity: finding.Error,
	Shapes:   Policies,
	Doc:      "A policy can have at most three approval stages",
	Help: `Entitlement management supports one, two or three approval stages; a
fourth stage is beyond what Graph and the Entra admin center support.

Bad (v1.0): "stages": [{...}, {...}, {...}, {...}]
Fix: merge approvers into at most three stages (each stage can list several
primary approvers, and any one of them can approve).

The finding points at the first stage past the limit.

Evidence: v1.0 accessPackageAssignmentApprovalSettings.stages holds "one, two or
three" stages (microsoft-graph-docs-contrib
api-reference/v1.0/resources/accesspackageassignmentapprovalsettings.md); the
admin center offers at most three stages (MicrosoftDocs/entra-docs
docs/id-governance/entitlement-management-access-package-approval-policy.md).
The beta page (api-reference/beta/resources/approvalsettings.md) still says
"one or two", which predates three-stage approval (microsoft-graph-docs
PR #15098): three stages are therefore accepted in beta too. No service error
text for a fourth stage is on record; the grade rests on the documented limit.`,
	Run: func(pass *Pass) {
		v, ok := approvalSettingsOf(pass)
		if !ok {
			return
		}
		n, ok := v.stageCount()
		if !ok || n <= maxApprovalStages {
			return
		}
		pass.Report(pointer.Index(v.stagesPtr, maxApprovalStages), finding.Start,
			"`%s` has %d stages but Graph allows at most %d: merge or remove stages",
			v.stagesKey, n, maxApprovalStages)
	},
}
