package rules

import (
	"github.com/emlint/emlint/internal/finding"
)

var BetaLegacyEndpointDeprecated = &Rule{
	ID:       "beta-legacy-endpoint-deprecated",
	Severity: finding.Info,
	// Off: it would fire on every legacy beta request, Microsoft's valid
	// docs examples included; teams migrating turn it on.
	Off:    true,
	Shapes: []Shape{BetaRequest},
	Doc:    "The legacy beta accessPackageAssignmentRequests endpoint is slated for retirement",
	Help: `The legacy beta shape of an assignment request (accessPackageAssignment,
PascalCase requestType such as AdminAdd, isValidationOnly) belongs to
POST /beta/identityGovernance/entitlementManagement/accessPackageAssignmentRequests.
The beta docs mark that API: "This API will be retired soon. Use the Post
assignmentRequests API instead." The replacement,
POST /identityGovernance/entitlementManagement/assignmentRequests (v1.0, also
under /beta), takes the v1.0 shape: assignment instead of
accessPackageAssignment, camelCase requestType (adminAdd, userAdd, ...),
schedule and answers as before.

The request still works today and no retirement date is published, so this is
advice (info), reported once per body at its root.

Old:  POST .../accessPackageAssignmentRequests
      {"requestType": "AdminAdd", "accessPackageAssignment": {"targetId": "...", "assignmentPolicyId": "...", "accessPackageId": "..."}}
New:  POST .../assignmentRequests
      {"requestType": "adminAdd", "assignment": {"targetId": "...", "assignmentPolicyId": "...", "accessPackageId": "..."}}

The legacy policy endpoint (accessPackageAssignmentPolicies) carries no such
note, so beta policies are not reported.

Evidence: the retirement note in
api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentrequests.md
(microsoft-graph-docs-contrib); the replacement page
api-reference/beta/api/entitlementmanagement-post-assignmentrequests.md and its
v1.0 counterpart api-reference/v1.0/api/entitlementmanagement-post-assignmentrequests.md.`,
	Run: func(pass *Pass) {
		pass.Report("", finding.Start,
			"the legacy `accessPackageAssignmentRequests` API that takes this body shape will be retired: POST the v1.0 shape (`assignment`, camelCase `requestType`) to `/identityGovernance/entitlementManagement/assignmentRequests` instead")
	},
}
