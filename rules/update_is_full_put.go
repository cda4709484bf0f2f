package rules

import (
	"github.com/emlint/emlint/internal/finding"
)

var UpdateIsFullPut = &Rule{
	ID:       "update-is-full-put",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "A policy update is a full PUT: settings left out of the body are reset",
	Help: `Assignment policies are updated with PUT, which replaces the whole policy;
Graph does not support PATCH for them. A setting left out of an update body
is not kept: it is reset, so a body that sends only the changed property
silently drops who may request, the approval stages or the expiry. The safe
way is to GET the policy, change it, and PUT all of it back.

The rule treats a policy body with an id at the root as an update (a create
has no id: Graph assigns it) and warns when it lacks one of the sections
that define the policy:
- v1.0: displayName, description, allowedTargetScope, expiration,
  requestorSettings, requestApprovalSettings (the last two are not expected
  on an automatic-assignment policy, which has automaticRequestSettings);
- beta: displayName, description, canExtend, durationInDays,
  expirationDateTime, requestorSettings, requestApprovalSettings and
  accessReviewSettings, which the beta update page lists as required (null
  is allowed; accessPackageId is checked by the schema).
Reviews, questions and custom extension settings are reset the same way;
the docs update example omits them, so they are not demanded here.

Bad (v1.0):  PUT .../assignmentPolicies/{id}  {"id": "...", "displayName": "New name"}
Fix:         the full policy: {"id": "...", "displayName": "New name", "description": "...",
             "allowedTargetScope": "...", "expiration": {...}, "requestorSettings": {...},
             "requestApprovalSettings": {...}, "accessPackage": {"id": "..."}, ...}

Evidence: Set-MgEntitlementManagementAssignmentPolicy with a partial body
nulled the lifecycle, requestor and request settings (msgraph-sdk-powershell
#2425); only PUT is supported (maintainer in microsoft-graph-docs #15042;
PR #21255 removed the "properties not included keep their values" text from
the update page); required PUT properties in
api-reference/beta/api/accesspackageassignmentpolicy-update.md and the full
example body of api-reference/v1.0/api/accesspackageassignmentpolicy-update.md
(microsoft-graph-docs-contrib).`,
	Run: func(pass *Pass) {
		if !pass.IsUpdate() {
			return
		}
		keys := []string{"displayName", "description", "canExtend", "durationInDays", "expirationDateTime",
			"requestorSettings", "requestApprovalSettings", "accessReviewSettings"}
		if pass.Shape == V1Policy {
			keys = []string{"displayName", "description", "allowedTargetScope", "expiration"}
			if !pass.RootGet("automaticRequestSettings").IsObject() {
				keys = append(keys, "requestorSettings", "requestApprovalSettings")
			}
		}
		var missing []string
		for _, k := range keys {
			if !pass.RootGet(k).Exists() {
				missing = append(missing, k)
			}
		}
		if len(missing) == 0 {
			return
		}
		verb, it := "is missing and Graph resets it", "it"
		if len(missing) > 1 {
			verb, it = "are missing and Graph resets them", "them"
		}
		note := ""
		if pass.Shape == BetaPolicy {
			note = " (the beta update page lists " + it + " as required; null is allowed)"
		}
		why := "the root `id` makes this a PUT update"
		if pass.Put {
			why = "this body is sent with PUT"
		}
		pass.Report("", finding.Start,
			"%s, which replaces the whole policy: %s %s%s; send the complete policy (GET it, change it, PUT it back)",
			why, backquoteList(missing, "and"), verb, note)
	},
}
