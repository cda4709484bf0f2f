package rules

import (
	"slices"
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var SelfApprovalDeadEnd = &Rule{
	ID:       "self-approval-dead-end",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "A user who may request should not be the only approver of a stage",
	Help: `Approvers cannot approve their own access package requests. When a policy
lists a user among those who may request (beta allowedRequestors, v1.0
specificAllowedTargets) and the same user is the only approver of a stage,
every request that user makes stalls in that stage until it times out and is
denied.

The rule looks at singleUser entries only (group membership is not known from
the body), counts every approver the stage can use (primary and fallback
approvers, and escalation approvers when escalation is enabled), and applies
to policies that require approval and list specific requestors.

Bad (v1.0):
  "allowedTargetScope": "specificDirectoryUsers",
  "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "A"}, ...],
  "stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "A"}], ...}]
Fix: add a second approver (another user, or a group) to the stage, or take
the approver out of the requestors.

Evidence: "Approvers aren't able to approve their own access package requests"
(MicrosoftDocs/entra-docs docs/id-governance/entitlement-management-access-package-approval-policy.md).
Graph accepts the policy; the dead end shows only at request time, hence a warning.`,
	Run: func(pass *Pass) {
		scope, ok := policyScopeOf(pass)
		if !ok {
			return
		}
		var list node
		var listPtr, idKey string
		switch scope.value {
		case "SpecificDirectorySubjects":
			list = pass.rootNode("requestorSettings").Member("allowedRequestors")
			listPtr, idKey = pointer.Join("", "requestorSettings", "allowedRequestors"), "id"
		case "specificDirectoryUsers":
			list = pass.rootNode("specificAllowedTargets")
			listPtr, idKey = pointer.Join("", "specificAllowedTargets"), "userId"
		default:
			return
		}
		requestors := map[string]bool{}
		for _, it := range subjectItems(list, listPtr) {
			if id := singleUserID(it, idKey); id != "" {
				requestors[id] = true
			}
		}
		if len(requestors) == 0 {
			return
		}
		_, stages, _ := requiredStages(pass)
		for _, st := range stages {
			main, fallback := approversOf(st, false)
			approvers := slices.Concat(main, fallback)
			if isTrueFlag(st.obj.Get("isEscalationEnabled")) {
				main, fallback = approversOf(st, true)
				approvers = slices.Concat(approvers, main, fallback)
			}
			if id := onlyApprover(approvers, idKey); id != "" && requestors[id] {
				pass.Report(pointer.Join(approvers[0].ptr, idKey), finding.Value,
					"user `%s` is the only approver of stage %d and also may request, but approvers cannot approve their own requests: that user's requests can never pass this stage; add another approver (a second user or a group)",
					Get(approvers[0].obj, idKey).Str, st.n)
			}
		}
	},
}

// singleUserID is the lower-cased id of a singleUser entry, or "".
func singleUserID(it subjectItem, idKey string) string {
	if it.typ != "singleUser" {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(Get(it.obj, idKey).Str))
}

// onlyApprover returns the id of the one user every approver entry names,
// or "" when the entries name anyone else (another user, a group, a manager).
func onlyApprover(approvers []subjectItem, idKey string) string {
	only := ""
	for _, a := range approvers {
		id := singleUserID(a, idKey)
		if id == "" || (only != "" && id != only) {
			return ""
		}
		only = id
	}
	return only
}
