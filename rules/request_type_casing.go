package rules

import (
	"slices"
	"strconv"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var RequestTypeCasing = &Rule{
	ID:         "request-type-casing",
	Severity:   finding.Warning,
	Shapes:     Requests,
	Doc:        "requestType should be spelled as the API version documents it",
	Supersedes: []string{"schema-enum"},
	Help: `v1.0 requestType is the OData enum accessPackageRequestType, whose members are
camelCase (adminAdd, userAdd...). The legacy beta accessPackageAssignmentRequests
API takes a plain string and its docs spell the values in PascalCase
(AdminAdd, UserAdd...).

Bad (v1.0):  "requestType": "AdminAdd"
Fix:         "requestType": "adminAdd"
Bad (beta legacy): "requestType": "adminAdd"
Fix:               "requestType": "AdminAdd"

This is a warning, not an error: the v1.0 create-request page's own examples
("Request a package and provide a justification", "Admin requests a direct
assignment for a user not yet in the directory") send "UserAdd" and "AdminAdd"
to v1.0 and show 201 Created, so the service evidently accepts either case.
Typed SDKs and strict tooling do not, and the JSON Schema's enum check would
otherwise report the PascalCase value as invalid: this rule replaces that
finding. Only client-creatable types are checked; for the others
request-type-allowed says what to use instead.

Evidence: v1.0 enum in msgraph-metadata clean_v10_metadata/cleanMetadata.xml;
microsoft-graph-docs-contrib api-reference/v1.0/api/entitlementmanagement-post-assignmentrequests.md
(examples 4 and 5); api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentrequests.md
(PascalCase values).`,
	Run: func(pass *Pass) {
		raw, canon, ok := requestTypeOf(pass)
		if !ok || canon == "" || !slices.Contains(clientRequestTypes(pass.Shape), canon) {
			return
		}
		want := spellRequestType(pass.Shape, canon)
		if raw == want {
			return
		}
		fix := &finding.Fix{Description: "use " + want, Op: finding.FixReplace, Value: strconv.Quote(want)}
		if pass.Shape == V1Request {
			pass.ReportFix(pass.rule.Severity, pointer.Join("", "requestType"), finding.Value, fix,
				"v1.0 `requestType` values are camelCase: use `%s`, not `%s`", want, raw)
			return
		}
		pass.ReportFix(pass.rule.Severity, pointer.Join("", "requestType"), finding.Value, fix,
			"use `%s`, not `%s`: the legacy beta API documents PascalCase `requestType` values", want, raw)
	},
}
