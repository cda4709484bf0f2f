package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var RequestUserAddFields = &Rule{
	ID:       "request-useradd-fields",
	Severity: finding.Error,
	Shapes:   Requests,
	Doc:      "A user's own add or update request must say which access package or assignment it is about",
	Help: `Requests a user makes for themselves are userAdd and userUpdate (UserAdd,
UserExtend and UserUpdate in the legacy beta API). Graded by evidence:

userAdd / UserAdd
- accessPackageId missing: error. Every recipe and example names the package;
  without it there is nothing to request.
- assignmentPolicyId missing: not reported. The request-body prose names it
  (and targetId), but the docs' own examples (v1.0 create-request examples 3
  and 4, beta example 3) send only accessPackageId and get 201 Created: the
  caller is the target and the service picks the policy the caller is in scope
  for. (The rule catalogue grades this a warning; the docs show it is a
  documented form, and emlint does not flag Microsoft's valid examples.)

userUpdate / UserUpdate / UserExtend
- assignment.id given: fine. The newest v1.0 page (ms.date 2024-10-15) says a
  userUpdate request's assignment "contains the ID property identifying the
  accessPackageAssignment being updated", and its example 8 sends only the id.
- otherwise (the older recipe, and the beta UserExtend prose: targetId,
  assignmentPolicyId and accessPackageId): accessPackageId missing is an error
  (nothing then identifies the assignment); assignmentPolicyId missing is a
  warning (the package alone may not single out the assignment; no service
  error is on record); on v1.0, the older recipe itself gets an info pointing
  at id. targetId is not required: it is the caller, and the userAdd examples
  show the service takes it from the token.

Naming the package or policy with a navigation reference ("accessPackage":
{"id": ...}) instead of accessPackageId / assignmentPolicyId is a warning (see
request-add-required).

Bad (v1.0):  {"requestType": "userAdd", "assignment": {"assignmentPolicyId": "2264bf65-..."}}
Fix:         {"requestType": "userAdd", "assignment": {"accessPackageId": "a914b616-...",
              "assignmentPolicyId": "2264bf65-..."}}
Bad (v1.0):  {"requestType": "userUpdate", "assignment": {}, "schedule": {...}}
Fix:         {"requestType": "userUpdate", "assignment": {"id": "329f8dac-..."}, "schedule": {...}}

Evidence: microsoft-graph-docs-contrib
api-reference/v1.0/api/entitlementmanagement-post-assignmentrequests.md (request
body prose of the 2024-10-15 revision and of commit 02747747; examples 3, 4 and
8) and api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentrequests.md
(prose for UserAdd and UserExtend; examples 2 and 3).`,
	Run: func(pass *Pass) {
		raw, canon, ok := requestTypeOf(pass)
		if !ok {
			return
		}
		update := canon == "userUpdate" || (canon == "userExtend" && pass.Shape == BetaRequest)
		if canon != "userAdd" && !update {
			return
		}
		need := "the `accessPackageId` of the access package"
		if update {
			need = "the `id` of the assignment to update (or its `accessPackageId` and `assignmentPolicyId`)"
		}
		a, aptr := assignmentObject(pass)
		switch kindOfAssignment(a, aptr) {
		case assignmentWrongType:
			return
		case assignmentAbsent:
			pass.Report(pointer.Join("", "requestType"), finding.Value,
				"a `%s` request needs `%s` with %s", raw, assignmentKeyName(pass.Shape), need)
			return
		case assignmentNull:
			_, name := pointer.Parent(aptr)
			pass.Report(aptr, finding.Value, "`%s` is null: a `%s` request needs %s", name, raw, need)
			return
		}
		_, name := pointer.Parent(aptr)
		if update && isGiven(a, "id") {
			return
		}

		pkgID, pkgNav := refGiven(a, packageRef.idKey, packageRef.navKey)
		if !pkgID && !pkgNav {
			if update {
				pass.Report(aptr, finding.Start,
					"`%s` has neither `id` nor `accessPackageId`: a `%s` request names the assignment to update by its `id`", name, raw)
				return
			}
			pass.Report(aptr, finding.Start,
				"`%s` lacks `accessPackageId`: a `%s` request must name the access package", name, raw)
			return
		}
		if !pkgID {
			reportNavRef(pass, aptr, packageRef.idKey, packageRef.navKey)
		}

		polID, polNav := refGiven(a, policyRef.idKey, policyRef.navKey)
		switch {
		case !polID && !polNav && update:
			pass.ReportAt(finding.Warning, aptr, finding.Start,
				"`%s` has neither `id` nor `assignmentPolicyId`: name the assignment to update by its `id`, or add the policy it was granted through", name)
		case !polID && polNav:
			reportNavRef(pass, aptr, policyRef.idKey, policyRef.navKey)
		case update && pass.Shape == V1Request:
			pass.ReportAt(finding.Info, aptr, finding.Start,
				"the current v1.0 docs name the assignment a `%s` request updates by its `id`: consider `\"id\"` instead of `accessPackageId` and `assignmentPolicyId`", raw)
		}
	},
}
