package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

var RequestRemoveUpdateNeedsID = &Rule{
	ID:       "request-remove-update-needs-id",
	Severity: finding.Error,
	Shapes:   Requests,
	Doc:      "Remove and admin-update requests must give the id of the existing assignment",
	Help: `adminRemove, userRemove and adminUpdate requests (AdminRemove, UserRemove,
AdminUpdate in the legacy beta API) act on an assignment that already exists, and
name it by its id in the assignment object. accessPackageId, targetId and the
like do not identify an assignment. On a remove request only id is read: any
other assignment member is ignored (info).

Bad (v1.0):  {"requestType": "adminRemove",
              "assignment": {"targetId": "46184453-...", "accessPackageId": "a914b616-..."}}
Fix:         {"requestType": "adminRemove", "assignment": {"id": "a6bb6942-..."}}
(list the user's assignments with GET .../entitlementManagement/assignments
?$filter=target/objectId eq '...' to find the id).

Evidence: microsoft-graph-docs-contrib
api-reference/v1.0/api/entitlementmanagement-post-assignmentrequests.md (prose
for adminUpdate and adminRemove; examples 2 and 6);
api-reference/v1.0/resources/accesspackageassignmentrequest.md ("For a
requestType of userRemove, adminRemove or systemRemove, this has the id property
of an existing assignment to be removed");
api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentrequests.md
(AdminRemove, example 4).`,
	Run: func(pass *Pass) {
		raw, canon, ok := requestTypeOf(pass)
		if !ok {
			return
		}
		remove := canon == "adminRemove" || canon == "userRemove"
		if !remove && canon != "adminUpdate" {
			return
		}
		a, aptr := assignmentObject(pass)
		switch kindOfAssignment(a, aptr) {
		case assignmentWrongType:
			return
		case assignmentAbsent:
			pass.Report(pointer.Join("", "requestType"), finding.Value,
				"%s `%s` request needs `%s` with the `id` of the existing assignment", article(raw), raw, assignmentKeyName(pass.Shape))
			return
		case assignmentNull:
			_, name := pointer.Parent(aptr)
			pass.Report(aptr, finding.Value,
				"`%s` is null: %s `%s` request needs the `id` of the existing assignment", name, article(raw), raw)
			return
		}
		_, name := pointer.Parent(aptr)

		if !isGiven(a, "id") {
			pass.Report(aptr, finding.Start,
				"`%s` lacks `id`: %s `%s` request names the existing assignment by its `id`", name, article(raw), raw)
			return
		}
		if !remove {
			return
		}
		a.ForEach(func(k, _ gjson.Result) bool {
			if k.Str != "id" && k.Str != "@odata.type" {
				pass.ReportAt(finding.Info, pointer.Join(aptr, k.Str), finding.Key,
					"`%s` is ignored by %s `%s` request: only `id` is read", k.Str, article(raw), raw)
			}
			return true
		})
	},
}
