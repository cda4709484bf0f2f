package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

var ApprovalRequiredNeedsStages = &Rule{
	ID:       "approval-required-needs-stages",
	Severity: finding.Error,
	Shapes:   Policies,
	Doc:      "A policy that requires approval must define at least one approval stage",
	Help: `When a policy requires approval, its approval stages say who approves. With
approval required and no stage there is nobody to approve a request, which the
docs rule out: when approval is required the stages collection holds one or
more stages.

The flags are isApprovalRequired / isApprovalRequiredForExtension in the
beta accessPackageAssignmentPolicies shape (stages in approvalStages) and
isApprovalRequiredForAdd / isApprovalRequiredForUpdate in v1.0 (stages in
stages). Extension/update approval uses the same stages as new requests.

Bad (v1.0):
  "requestApprovalSettings": {
    "isApprovalRequiredForAdd": true,
    "stages": []
  }
Fix: add a stage, e.g.
  "stages": [{"durationBeforeAutomaticDenial": "P14D",
              "primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager"}],
              "fallbackPrimaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "..."}],
              "escalationApprovers": [], "fallbackEscalationApprovers": []}]
or set the flag to false if no approval is wanted.

Evidence: "If approval is required, the one, two or three elements of this
collection define each of the stages of approval" (microsoft-graph-docs-contrib
api-reference/v1.0/resources/accesspackageassignmentapprovalsettings.md); the
beta page says the same of approvalStages (api-reference/beta/resources/approvalsettings.md).
No service error text is on record; the grade rests on that documented rule.`,
	Run: func(pass *Pass) {
		v, ok := approvalSettingsOf(pass)
		if !ok {
			return
		}
		flag := v.requiringFlag()
		if flag == "" {
			return
		}
		n, ok := v.stageCount()
		if !ok || n > 0 {
			return
		}
		if v.stages.Exists() {
			state := "empty"
			if v.stages.Value().Type == gjson.Null {
				state = "null"
			}
			pass.Report(v.stagesPtr, finding.Value,
				"`%s` is true but `%s` is %s: add at least one approval stage, or set `%s` to false",
				flag, v.stagesKey, state, flag)
			return
		}
		pass.Report(pointer.Join(v.ptr, flag), finding.Key,
			"`%s` is true but there is no `%s`: add at least one approval stage, or set `%s` to false",
			flag, v.stagesKey, flag)
	},
}
