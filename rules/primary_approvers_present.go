package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var PrimaryApproversPresent = &Rule{
	ID:       "primary-approvers-present",
	Severity: finding.Error,
	Shapes:   Policies,
	Doc:      "Every approval stage needs at least one primary approver",
	Help: `Each approval stage asks its primary approvers to decide. A stage without
any approver can never approve a request: it waits until the timeout and the
request is denied.

- beta: approvalStage.primaryApprovers must hold at least one userSet when a
  policy is created or updated; an empty or missing list is an error.
- v1.0: a stage with neither primaryApprovers nor fallbackPrimaryApprovers is
  an error. A stage with only fallbackPrimaryApprovers is a warning: fallback
  approvers are meant for when a dynamic primary approver (a manager, a
  sponsor) cannot be found. Microsoft's v1.0 create example 2 sends such a
  stage, so Graph accepts it; the docs give no rule for how it behaves.

Only policies that require approval are checked: Graph ignores the stages of
the others (see stages-without-approval).

Bad (v1.0):  {"durationBeforeAutomaticDenial": "P14D", "primaryApprovers": [], "fallbackPrimaryApprovers": []}
Fix:         "primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "..."}]

Evidence: beta approvalStage primaryApprovers, "When creating or updating a policy,
include at least one userSet in this collection" (the beta metadata description, in
microsoftgraph/msgraph-beta-sdk-python msgraph_beta/generated/models/approval_stage.py;
microsoft-graph-docs-contrib api-reference/beta/resources/approvalstage.md); fallbackPrimaryApprovers in
api-reference/v1.0/resources/accesspackageapprovalstage.md and requestormanager.md ("also
include another approver ... in case the requesting user doesn't have a manager");
create example 2 in api-reference/v1.0/api/entitlementmanagement-post-assignmentpolicies.md.
The v1.0 error applies the beta requirement to the same service; no v1.0 error text is on record.`,
	Run: func(pass *Pass) {
		_, stages, _ := requiredStages(pass)
		for _, st := range stages {
			primary := st.obj.Member("primaryApprovers")
			n, ok := elementCount(primary)
			if !ok || n > 0 {
				continue
			}
			at, target := pointer.Join(st.ptr, "primaryApprovers"), finding.Value
			if !primary.Exists() {
				at, target = st.ptr, finding.Start
			}
			if pass.Shape == BetaPolicy {
				pass.Report(at, target,
					"stage %d has no `primaryApprovers`, so nobody can approve: add at least one approver (Graph requires one per stage)", st.n)
				continue
			}
			fb, ok := elementCount(st.obj.Member("fallbackPrimaryApprovers"))
			switch {
			case !ok:
			case fb == 0:
				pass.Report(at, target,
					"stage %d has neither `primaryApprovers` nor `fallbackPrimaryApprovers`, so nobody can approve: add at least one primary approver", st.n)
			default:
				pass.ReportAt(finding.Warning, at, target,
					"stage %d has no `primaryApprovers`, only `fallbackPrimaryApprovers`, which are meant for when a manager or sponsor can't be found: move them to `primaryApprovers`", st.n)
			}
		}
	},
}
