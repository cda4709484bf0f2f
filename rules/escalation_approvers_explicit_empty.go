package rules

import (
	"github.com/emlint/emlint/internal/finding"
)

var EscalationApproversExplicitEmpty = &Rule{
	ID:       "escalation-approvers-explicit-empty",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "Send an empty escalationApprovers collection in every approval stage rather than omitting it or sending null",
	Help: `The beta approvalStage description says that when creating or updating a policy,
a stage without escalation approvers should carry an empty collection,
"escalationApprovers": [], rather than leave the member out. Microsoft added that
sentence after a beta PUT failed with "ArgumentNullException: Value cannot be
null. Parameter name: source" (a null collection reached the service).

Graded below the rule catalogue's "error", and only for update bodies (a root
"id": the PUT that failed): the beta create-policy example 3 in the Graph docs
omits escalationApprovers on a create and is a valid body, while update example
1 omits it on a PUT. Beta PUT: warning. v1.0 PUT: info (every v1.0 docs example
sends "escalationApprovers": [], plus empty fallbackPrimaryApprovers /
fallbackEscalationApprovers, but no v1.0 failure is on record). A null
collection is a schema-type error already. Stages that enable escalation
without any escalation approver are reported by escalation-needs-approvers.

Bad (beta):
  {"approvalStageTimeOutInDays": 14, "isEscalationEnabled": false,
   "primaryApprovers": [...]}
Fix:
  {"approvalStageTimeOutInDays": 14, "isEscalationEnabled": false,
   "primaryApprovers": [...], "escalationApprovers": []}

Evidence: microsoftgraph/microsoft-graph-docs issue #15838 (the ArgumentNullException
on a beta PUT) and PR #15860 ("the approval stage should have an empty collection
for escalation approvers"); beta metadata description of approvalStage.escalationApprovers
(repeated in the Terraform azuread provider schema); docs examples in
microsoft-graph-docs-contrib api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentpolicies.md
(example 3 omits it) and api-reference/v1.0/api/entitlementmanagement-post-assignmentpolicies.md
(all stages send []).`,
	Run: func(pass *Pass) {
		if !pass.IsUpdate() {
			return // a create: the failure on record is a PUT's
		}
		sev := finding.Warning
		if pass.Shape == V1Policy {
			sev = finding.Info
		}
		for _, st := range approvalStageList(pass) {
			if st.obj.Get("escalationApprovers").Exists() {
				continue // present, or null, which the schema reports
			}
			if escalationOn(st.obj) && !hasEscalationApprovers(pass.Shape, st.obj) {
				continue // escalation-needs-approvers reports this stage
			}
			pass.ReportFix(sev, st.ptr, finding.Start,
				&finding.Fix{Description: "add an empty escalationApprovers", Op: finding.FixAdd, Key: "escalationApprovers", Value: "[]"},
				"the stage has no `escalationApprovers`: send `\"escalationApprovers\": []` when there are none")
		}
	},
}
