package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

var V1PolicyRequiredProps = &Rule{
	ID:       "v1-policy-required-props",
	Severity: finding.Error,
	Shapes:   []Shape{V1Policy},
	Doc:      "A v1.0 policy must reference its access package by id, and should be named",
	Help: `A v1.0 assignment policy belongs to an existing access package, which the
body names with a reference: "accessPackage": {"id": "<access package id>"}.
The create page says the request includes a reference to the access package
that will contain the policy, which must already exist; the update example
sends it too. Without an id there is nothing to bind the policy to.

The schema already reports a body without accessPackage. This rule reports
what the schema lets through: accessPackage set to null, or an object
without an id (for instance {"displayName": "Sales"}).

It also reports, as info, a policy created without a displayName or
description. The v1.0 create page labels neither as required, so Graph may
accept the body, but every docs example sends both and the admin center
lists policies by name (the Terraform azuread provider requires both).
Bodies with an id at the root are updates; there a missing displayName is
update-is-full-put's business.

Bad:  {"displayName": "Direct", "accessPackage": {"displayName": "Sales"}}
Fix:  {"displayName": "Direct", "accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}}

Evidence: api-reference/v1.0/api/entitlementmanagement-post-assignmentpolicies.md
(accessPackage: "A reference to the access package that will contain the
policy, which must already exist"; allowedTargetScope optional; no other
property marked required) and api-reference/v1.0/api/accesspackageassignmentpolicy-update.md
(no property marked required) in microsoft-graph-docs-contrib; the catalogue's
wider list (allowedTargetScope, requestorSettings, requestApprovalSettings as
required on update) is not in the docs, so it is not enforced here;
hashicorp/terraform-provider-azuread (display_name, description required).`,
	Run: func(pass *Pass) {
		ap := pass.RootGet("accessPackage")
		apPtr := pointer.Join("", "accessPackage")
		switch {
		case ap.Type == gjson.Null && ap.Exists():
			pass.Report(apPtr, finding.Value,
				"`accessPackage` is null: reference the existing access package as {\"id\": \"<access package id>\"}")
		case ap.IsObject() && (!Has(ap, "id") || Get(ap, "id").Type == gjson.Null):
			pass.Report(apPtr, finding.Start,
				"`accessPackage` has no `id`: reference the existing access package as {\"id\": \"<access package id>\"}")
		}

		if pass.IsUpdate() {
			return
		}
		var missing []string
		for _, key := range []string{"displayName", "description"} {
			if v := pass.RootGet(key); !v.Exists() || v.Type == gjson.Null {
				missing = append(missing, key)
			}
		}
		if len(missing) > 0 {
			it := "it"
			if len(missing) > 1 {
				it = "them"
			}
			pass.ReportAt(finding.Info, "", finding.Start,
				"the policy has no %s: Graph may accept that, but the admin center shows policies by name and description, so set %s",
				backquoteList(missing, "or"), it)
		}
	},
}
