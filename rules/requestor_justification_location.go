package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var RequestorJustificationLocation = &Rule{
	ID:         "requestor-justification-location",
	Severity:   finding.Error,
	Shapes:     Policies,
	Doc:        "`isRequestorJustificationRequired` belongs in `requestApprovalSettings`",
	Supersedes: []string{"schema-unknown-property"},
	Help: `The admin center shows "Require requestor justification" among the request
settings, and the older v1.0 pages did not list the property at all, so
authors often put isRequestorJustificationRequired in requestorSettings (or at
the top of the policy). In both API versions it is a property of the approval
settings, requestApprovalSettings; anywhere else it is an unknown property,
which Graph rejects or drops (and the setting is not applied).

This rule replaces the schema's unknown-property finding with where the
property goes.

Bad:
  "requestorSettings": {"enableTargetsToSelfAddAccess": true, "isRequestorJustificationRequired": true}
Fix:
  "requestApprovalSettings": {"isApprovalRequiredForAdd": true, "isRequestorJustificationRequired": true, ...}

Evidence: isRequestorJustificationRequired in the approval settings of both versions
(v1.0 metadata and microsoft-graph-docs-contrib api-reference/beta/resources/approvalsettings.md;
the beta create examples in api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentpolicies.md);
requests to add it to requestorSettings and reports of it missing from v1.0:
microsoftgraph/microsoft-graph-docs#21111, #19128 (microsoft-graph-docs-contrib#1636),
microsoftgraph/msgraph-sdk-powershell#2490, microsoftgraph/msgraph-sdk-go#775. Unknown keys
are rejected with "The model is invalid" (msgraph-sdk-powershell#1904).`,
	Run: func(pass *Pass) {
		const key = "isRequestorJustificationRequired"
		already := pass.rootNode("requestApprovalSettings").Member(key).Exists()
		for _, at := range []struct{ obj, name string }{{"requestorSettings", "`requestorSettings`"}, {"", "the top level of the policy"}} {
			obj, ptr := pass.root(), ""
			if at.obj != "" {
				obj, ptr = pass.rootNode(at.obj), pointer.Join("", at.obj)
			}
			if !obj.Member(key).Exists() {
				continue
			}
			if already {
				pass.Report(pointer.Join(ptr, key), finding.Key,
					"`%s` belongs in `requestApprovalSettings`, not %s, and `requestApprovalSettings` already has it: remove this one", key, at.name)
				continue
			}
			pass.Report(pointer.Join(ptr, key), finding.Key,
				"`%s` belongs in `requestApprovalSettings`, not %s: move it there", key, at.name)
		}
	},
}
