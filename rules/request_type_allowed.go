package rules

import (
	"slices"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/emlint/emlint/internal/suggest"
)

// serviceRequestTypes maps request types only the service creates to what a
// client most likely meant ("" when there is no obvious counterpart).
var serviceRequestTypes = map[string]string{
	"systemAdd":          "adminAdd",
	"systemUpdate":       "adminUpdate",
	"systemRemove":       "adminRemove",
	"approverRemove":     "adminRemove",
	"notSpecified":       "",
	"unknownFutureValue": "",
}

var RequestTypeAllowed = &Rule{
	ID:       "request-type-allowed",
	Severity: finding.Error,
	Shapes:   Requests,
	Doc:      "requestType must be a type a client may create",
	Help: `A client creates assignment requests of type adminAdd, adminUpdate,
adminRemove, userAdd, userUpdate or userRemove (the legacy beta API also has
UserExtend). The other members of the request type list describe requests the
service records itself (systemAdd, systemUpdate, systemRemove, approverRemove)
or are placeholders (notSpecified, unknownFutureValue); onBehalfAdd is
documented as not supported. Letter case is not checked here (see
request-type-casing).

Bad:  "requestType": "onBehalfAdd"
Fix:  "requestType": "userAdd", with the person in "assignment": {"target":
      {"objectId": "..."}} (or "targetId"), as the on-behalf example of the
      v1.0 create-request page does.
Bad:  "requestType": "systemRemove"
Fix:  "requestType": "adminRemove"

In the legacy beta API requestType is a plain string, so a value that is not
a request type at all is reported here with the nearest valid one; in v1.0 the
JSON Schema's enum check already reports it.

Evidence: microsoft-graph-docs-contrib
api-reference/v1.0/resources/accesspackageassignmentrequest.md ("onBehalfAdd
(not supported)"; "A request from the user themselves would have requestType of
userAdd, userUpdate or userRemove"), microsoft-graph-docs PR #19071 (marking
onBehalfAdd unsupported), api-reference/v1.0/api/entitlementmanagement-post-assignmentrequests.md
(the admin*/user* recipes) and
api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentrequests.md
(AdminAdd, AdminRemove, UserAdd, UserExtend). That system* and approverRemove
requests are service-made comes from the resource page ("Azure AD also
creates access package assignment requests automatically for tracking access
removal", revision 03f4b193) and the absence of any client recipe for them; no service
error text is on record.`,
	Run: func(pass *Pass) {
		raw, canon, ok := requestTypeOf(pass)
		if !ok {
			return
		}
		ptr := pointer.Join("", "requestType")
		spell := func(t string) string { return spellRequestType(pass.Shape, t) }
		assignment := assignmentKeyName(pass.Shape)

		if canon == "" || (pass.Shape == V1Request && !isV1RequestType(canon)) {
			if pass.Shape == V1Request {
				return // the schema's enum check reports it
			}
			valid := clientRequestTypes(pass.Shape)
			spelled := make([]string, len(valid))
			for i, t := range valid {
				spelled[i] = spell(t)
			}
			if s := suggest.Closest(raw, spelled); s != "" {
				pass.Report(ptr, finding.Value, "`%s` is not a request type: did you mean `%s`?", raw, s)
				return
			}
			pass.Report(ptr, finding.Value, "`%s` is not a request type: use %s", raw, backquoteList(spelled, "or"))
			return
		}
		if slices.Contains(clientRequestTypes(pass.Shape), canon) {
			return
		}
		if canon == "onBehalfAdd" {
			pass.Report(ptr, finding.Value,
				"`%s` is documented as not supported: send `%s` with the person in `%s.target` (`objectId`) or `%s.targetId`",
				raw, spell("userAdd"), assignment, assignment)
			return
		}
		if alt, found := serviceRequestTypes[canon]; found {
			if alt == "" {
				pass.Report(ptr, finding.Value,
					"`%s` is not a request type a client can create: use `%s`, `%s` or another admin/user type",
					raw, spell("adminAdd"), spell("userAdd"))
				return
			}
			pass.Report(ptr, finding.Value,
				"`%s` requests are created by the service, not by clients: use `%s`", raw, spell(alt))
		}
	},
}
