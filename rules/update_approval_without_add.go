package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var UpdateApprovalWithoutAdd = &Rule{
	ID:       "update-approval-without-add",
	Severity: finding.Info,
	Shapes:   Policies,
	Doc:      "Approval is required to extend or update access but not to get it",
	Help: `A policy can require approval for new requests (beta isApprovalRequired, v1.0
isApprovalRequiredForAdd) and, separately, for extending or updating an existing
assignment (beta isApprovalRequiredForExtension, v1.0 isApprovalRequiredForUpdate).
Both use the same approval stages. Requiring approval to keep access but not to
get it in the first place is unusual, and usually means the wrong flag was set.

Bad (v1.0):  "isApprovalRequiredForAdd": false, "isApprovalRequiredForUpdate": true
Fix:         "isApprovalRequiredForAdd": true (or both false)

If this is intended (new access is granted freely, renewals are checked),
ignore the finding.

Evidence: isApprovalRequiredForAdd / isApprovalRequiredForUpdate in
microsoft-graph-docs-contrib api-reference/v1.0/resources/accesspackageassignmentapprovalsettings.md;
isApprovalRequired / isApprovalRequiredForExtension in api-reference/beta/resources/approvalsettings.md;
"Require approval to grant extension ... will use the same approval settings that you
specified on the Requests tab" (MicrosoftDocs/entra-docs
docs/includes/entra-entitlement-management-lifecycle-policy.md). Inferred; advice only.`,
	Run: func(pass *Pass) {
		v, ok := approvalSettingsOf(pass)
		if !ok {
			return
		}
		add, update := v.flags[0], v.flags[1]
		if !isTrueFlag(v.settings.Get(update)) || isTrueFlag(v.settings.Get(add)) {
			return
		}
		at, target := pointer.Join(v.ptr, add), finding.Value
		if !v.settings.Get(add).Exists() {
			at, target = pointer.Join(v.ptr, update), finding.Key
		}
		pass.Report(at, target,
			"`%s` is true but `%s` is not, so extending access needs approval while getting it does not: if new requests should be approved too, set `%s` to true",
			update, add, add)
	},
}
