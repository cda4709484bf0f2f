package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var RequestAssignmentKey = &Rule{
	ID:         "request-assignment-key",
	Severity:   finding.Warning,
	Shapes:     Requests,
	Doc:        "The request's assignment property is assignment in v1.0 and accessPackageAssignment in the legacy beta API",
	Supersedes: []string{"schema-unknown-property"},
	Help: `The access package assignment a request creates, updates or removes is given in
"assignment" in v1.0 (POST .../entitlementManagement/assignmentRequests) and in
"accessPackageAssignment" in the legacy beta API (POST
/beta/.../accessPackageAssignmentRequests). Each is unknown to the other version's
metadata, so the JSON Schema would report it as an unknown property; this rule
replaces that finding with the rename.

Bad (v1.0):  {"requestType": "adminAdd", "accessPackageAssignment": {...}}
Fix:         {"requestType": "adminAdd", "assignment": {...}}
Bad (beta legacy): {"requestType": "AdminAdd", "assignment": {...}}
Fix:               {"requestType": "AdminAdd", "accessPackageAssignment": {...}}

The rule catalogue grades this an error, but it is a warning here: the v1.0
create-request page's examples 4 and 5 POST accessPackageAssignment to v1.0
and show 201 Created, so the service evidently still reads the old name. When
both names are present the wrong one is still reported: Graph reads only one
of them and which one is not documented.

Evidence: v1.0 accessPackageAssignmentRequest.assignment (msgraph-metadata
clean_v10_metadata/cleanMetadata.xml; microsoft-graph-docs-contrib
api-reference/v1.0/api/entitlementmanagement-post-assignmentrequests.md, examples
1-3 vs 4-5); beta accessPackageAssignment in
api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentrequests.md.`,
	Run: func(pass *Pass) {
		want := assignmentKeyName(pass.Shape)
		wrong := "accessPackageAssignment"
		if pass.Shape == BetaRequest {
			wrong = "assignment"
		}
		if !pass.RootGet(wrong).Exists() {
			return
		}
		ptr := pointer.Join("", wrong)
		if pass.RootGet(want).Exists() {
			pass.Report(ptr, finding.Key,
				"`%s` is the %s name and `%s` is also present: remove `%s` and keep the assignment in `%s`",
				wrong, assignmentKeyVersion(wrong), want, wrong, want)
			return
		}
		pass.Report(ptr, finding.Key, "`%s` is the %s name: rename it to `%s`", wrong, assignmentKeyVersion(wrong), want)
	},
}

// assignmentKeyVersion says which API names the request's assignment property key.
func assignmentKeyVersion(key string) string {
	if key == "assignment" {
		return "v1.0"
	}
	return "legacy beta"
}
