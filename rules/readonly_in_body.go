package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/emlint/emlint/schemas"
	"github.com/tidwall/gjson"
)

var ReadOnlyInBody = &Rule{
	ID:       "readonly-in-body",
	Severity: finding.Warning,
	Shapes:   AllShapes,
	Doc:      "A read-only property that Graph sets itself is sent in the body",
	Help: `Some properties are set by Graph and are read-only for clients: who created or
changed a policy and when, a request's state, status and completion time, the
assignment's schedule and state, question ids in the legacy beta API, the
request's own id. They turn up in bodies that were built from a GET
response. At best Graph ignores them; the body then says something that did
not happen (a request "Delivered" on creation), and it can be rejected.

Reported: properties the metadata or docs call read-only (the readOnly
marks of emlint's schemas), at any depth, and the id at the root of an
assignment request (requests are only ever created). createdDateTime and
modifiedDateTime of a policy are reported as info: the service sets them,
but the v1.0 page does not label them read-only.

Not reported: documented request inputs that the metadata calls read-only
(accessPackage {"id"} of a v1.0 policy, the assignment's targetId,
accessPackageId and assignmentPolicyId, answeredQuestion, the beta request's
requestType and schedule); references such as {"id": "..."} in the
assignment's accessPackage and assignmentPolicy and in a beta policy's
accessPackage (request-add-required and cross-version-property say what to
send instead); the id at the root of a policy, which a PUT body
echoes (update-is-full-put treats it as the sign of an update); the
description of singleUser, groupMembers and connectedOrganizationMembers
items, which Microsoft's own examples send and Graph ignores; the id inside
such a reference (answeredQuestion {"@odata.type": ..., "id": ...}); null
values.

Bad:  {"requestType": "adminAdd", "state": "delivered", "createdDateTime": "2024-01-01T00:00:00Z", "assignment": {...}}
Fix:  {"requestType": "adminAdd", "assignment": {...}}

Evidence: read-only rows of api-reference/v1.0/resources/accesspackageassignmentrequest.md,
accesspackageassignment.md, accesspackageassignmentpolicy.md and their beta
counterparts in microsoft-graph-docs-contrib; "Question IDs are read-only"
(api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentpolicies.md,
example 3); the older v1.0 create-request example 6 (revision 02747747) that
sends the id of an earlier request; msgraph-sdk-powershell #2132 shows the
GET response (createdBy, createdDateTime, modifiedBy, modifiedDateTime) such
bodies are copied from.`,
	Run: func(pass *Pass) {
		if pass.Shape.Kind == schemas.Request {
			if id := pass.RootGet("id"); id.Exists() && id.Type != gjson.Null {
				pass.ReportFix(pass.rule.Severity, pointer.Join("", "id"), finding.Key, roRemove,
					"`id` is read-only: Graph assigns the request's id; remove it (to act on an existing assignment, put that assignment's id in `%s.id`)",
					assignmentKeyName(pass.Shape))
			}
		}
		tr := pass.tree()
		schWalk(pass, false, func(t *schType, obj int32) {
			root := obj == 0
			if !root && roIsReference(tr, obj) {
				return // {"id": ...} names an existing object, e.g. answeredQuestion
			}
			for m := range tr.children(obj) {
				key := tr.nodes[m].Key(tr.src)
				p := t.props[key]
				switch {
				case p == nil || !p.readOnly || p.accepted || tr.isNull(m):
				case key == "description" && roSubjectSet(t):
				case roIsReference(tr, m) && (t.is("accessPackageAssignment") || (root && key == "accessPackage" && pass.Shape == BetaPolicy)):
					// request-add-required and cross-version-property say what to send instead
				case key == "schedule" && t.is("accessPackageAssignment"):
					pass.Report(pointer.Join(pass.pointerOf(obj), key), finding.Key,
						"`schedule` is read-only on the assignment: put the requested start and end in the request's own `schedule` instead")
				default:
					pass.ReportFix(pass.rule.Severity, pointer.Join(pass.pointerOf(obj), key), finding.Key, roRemove,
						"`%s` is read-only: Graph sets it, remove it from the body", key)
				}
			}
			if root && pass.Shape.Kind == schemas.Policy {
				for _, key := range []string{"createdDateTime", "modifiedDateTime"} {
					m, ok := tr.get(obj, key)
					if p := t.props[key]; p != nil && !p.readOnly && ok && !tr.isNull(m) {
						pass.ReportFix(finding.Info, pointer.Join("", key), finding.Key, roRemove,
							"`%s` is set by Graph: remove it from the body", key)
					}
				}
			}
		})
	},
}

// roSubjectSet reports whether t is one of the approver/requestor set types
// whose read-only description the docs examples send.
func roSubjectSet(t *schType) bool {
	return t.is("singleUser") || t.is("groupMembers") || t.is("connectedOrganizationMembers")
}

// roIsReference reports whether v is {"id": ...}, possibly with
// @odata.type: a binding to an existing object, not data Graph would set.
func roIsReference(tr *tree, i int32) bool {
	if !tr.isObject(i) {
		return false
	}
	id := false
	for m := range tr.children(i) {
		switch tr.nodes[m].Key(tr.src) {
		case "id":
			id = true
		case "@odata.type":
		default:
			return false
		}
	}
	return id
}

// roRemove is the fix of a read-only property: Graph sets it, so the body
// loses nothing without it.
var roRemove = &finding.Fix{Description: "remove the read-only property", Op: finding.FixRemove}
