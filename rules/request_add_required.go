package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

var RequestAddRequired = &Rule{
	ID:       "request-add-required",
	Severity: finding.Error,
	Shapes:   Requests,
	Doc:      "An adminAdd request must name the access package, the policy and the user",
	Help: `For a direct assignment (requestType adminAdd, AdminAdd in the legacy beta API)
the assignment object must carry:
  - accessPackageId: the access package;
  - assignmentPolicyId: the policy to assign through (normally a direct
    assignment policy of that package);
  - the user: targetId (the user's object id) or, for a user not yet in the
    directory, target {"email": ...} (target {"objectId": ...} also names a
    user who exists).
Giving both targetId and target is a warning: only one is needed and it is not
documented which one wins. Naming the package or policy with a navigation
reference ("accessPackage": {"id": ...}, "assignmentPolicy": {"id": ...}) instead
of accessPackageId / assignmentPolicyId is a warning, not an error: example 5
of the newest v1.0 create-request page (ms.date 2024-10-15) does so, but the
recipe on the same page names the id members and the assignment's navigation
properties are read-only in metadata.

Bad (v1.0):
  {"requestType": "adminAdd", "assignment": {"targetId": "46184453-..."}}
Fix:
  {"requestType": "adminAdd",
   "assignment": {"targetId": "46184453-...",
                  "assignmentPolicyId": "2264bf65-...",
                  "accessPackageId": "a914b616-..."}}

The assignment object is "assignment" in v1.0 and "accessPackageAssignment" in
the legacy beta API; a body using the other version's name is still checked
(request-assignment-key reports the name).

Evidence: microsoft-graph-docs-contrib
api-reference/v1.0/api/entitlementmanagement-post-assignmentrequests.md (request
body prose and examples 1 and 5) and
api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentrequests.md
(examples 1 and 5); the Microsoft Graph PowerShell custom cmdlet
New-MgEntitlementManagementAccessPackageAssignment, which sends AdminAdd
requests, makes AccessPackageId and AssignmentPolicyId mandatory in every
parameter set (microsoftgraph/msgraph-sdk-powershell
src/Identity.Governance/Identity.Governance/docs/v1.0-beta/New-MgEntitlementManagementAccessPackageAssignment.md).`,
	Run: func(pass *Pass) {
		raw, canon, ok := requestTypeOf(pass)
		if !ok || canon != "adminAdd" {
			return
		}
		a, aptr := assignmentObject(pass)
		want := "`accessPackageId`, `assignmentPolicyId` and `targetId` (or `target` with `objectId` or `email`)"
		switch kindOfAssignment(a, aptr) {
		case assignmentWrongType:
			return
		case assignmentAbsent:
			pass.Report(pointer.Join("", "requestType"), finding.Value,
				"an `%s` request needs `%s` with %s", raw, assignmentKeyName(pass.Shape), want)
			return
		case assignmentNull:
			_, name := pointer.Parent(aptr)
			pass.Report(aptr, finding.Value, "`%s` is null: an `%s` request needs %s", name, raw, want)
			return
		}
		_, name := pointer.Parent(aptr)

		var missing []string
		var navOnly []assignmentRef
		for _, r := range assignmentRefs {
			switch byID, byNav := refGiven(a, r.idKey, r.navKey); {
			case byID:
			case byNav:
				navOnly = append(navOnly, r)
			default:
				missing = append(missing, "`"+r.idKey+"`")
			}
		}
		target := Get(a, "target")
		hasTarget := target.Exists() && target.Type != gjson.Null
		hasTargetID := isGiven(a, "targetId")
		if !hasTarget && !hasTargetID {
			missing = append(missing, "`targetId` (or `target`)")
		}
		if len(missing) > 0 {
			pass.Report(aptr, finding.Start,
				"`%s` lacks %s: an `%s` request must name the access package, the assignment policy and the user",
				name, joinWords(missing, "and"), raw)
		}

		for _, r := range navOnly {
			reportNavRef(pass, aptr, r.idKey, r.navKey)
		}

		targetPtr := pointer.Join(aptr, "target")
		switch {
		case hasTarget && hasTargetID:
			pass.ReportAt(finding.Warning, targetPtr, finding.Key,
				"both `targetId` and `target` name the user: keep only one")
		case hasTarget && target.IsObject() && !isGiven(target, "objectId") && !isGiven(target, "email"):
			pass.Report(targetPtr, finding.Start,
				"`target` has neither `objectId` nor `email`: give the user's object id, or `email` for a user not yet in the directory")
		}
	},
}
