package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

var BetaPutNeedsAccessPackageID = &Rule{
	ID:       "beta-put-needs-access-package-id",
	Severity: finding.Error,
	Shapes:   []Shape{BetaPolicy},
	Doc:      "A legacy beta policy's accessPackageId must not be null",
	Help: `A legacy beta policy names its access package with accessPackageId, on create
and on every PUT update. A PUT without it failed with ArgumentNullException
"Value cannot be null. Parameter name: Id", a server-side null check rather
than a validation message. The schema reports a body without
accessPackageId; this rule reports the value null, which the metadata's
nullable type lets through the schema and which leaves Graph with the same
missing id.

Bad:  PUT .../accessPackageAssignmentPolicies/{id}  {"id": "...", "accessPackageId": null, "displayName": "..."}
Fix:  {"id": "...", "accessPackageId": "56ff43fd-6b05-48df-9634-956a777fce6d", "displayName": "..."}

Evidence: service error E6 (microsoft-graph-docs #19883 / microsoft-graph-docs-contrib
#1462, labelled a product bug); every example of
api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentpolicies.md
and api-reference/beta/api/accesspackageassignmentpolicy-update.md sends
accessPackageId, and the update page lists it as required.`,
	Run: func(pass *Pass) {
		v := pass.RootGet("accessPackageId")
		if !v.Exists() || v.Type != gjson.Null {
			return
		}
		pass.Report(pointer.Join("", "accessPackageId"), finding.Value,
			"`accessPackageId` is null: give the id of the access package that holds the policy (a PUT without it fails with \"Value cannot be null. Parameter name: Id\")")
	},
}
