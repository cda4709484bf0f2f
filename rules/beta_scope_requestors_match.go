package rules

import (
	"slices"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

// betaScopeRequestors is the beta requestorSettings table: which userSet
// types allowedRequestors holds for each scopeType; nil means the list must
// be empty.
var betaScopeRequestors = map[string][]string{
	"NoSubjects":                                 nil,
	"SpecificDirectorySubjects":                  {"singleUser", "groupMembers"},
	"AllExistingDirectoryMemberUsers":            nil,
	"AllExistingDirectorySubjects":               nil,
	"SpecificConnectedOrganizationSubjects":      {"connectedOrganizationMembers"},
	"AllConfiguredConnectedOrganizationSubjects": nil,
	"AllExistingConnectedOrganizationSubjects":   nil,
	"AllExternalSubjects":                        nil,
}

// betaScopeBroader is the scope to suggest instead of a specific scope
// with nobody listed.
var betaScopeBroader = map[string]string{
	"SpecificDirectorySubjects":             "AllExistingDirectorySubjects",
	"SpecificConnectedOrganizationSubjects": "AllConfiguredConnectedOrganizationSubjects",
}

var BetaScopeRequestorsMatch = &Rule{
	ID:       "beta-scope-requestors-match",
	Severity: finding.Error,
	Shapes:   []Shape{BetaPolicy},
	Doc:      "The beta `scopeType` must agree with the `allowedRequestors` it lists",
	Help: `In the beta accessPackageAssignmentPolicies shape, requestorSettings.scopeType
says who may request and allowedRequestors lists them when the scope is a
specific one. The beta requestorSettings page gives the pairs:

  NoSubjects, AllExistingDirectoryMemberUsers, AllExistingDirectorySubjects,
  AllConfiguredConnectedOrganizationSubjects, AllExternalSubjects
                                           -> allowedRequestors: []
  SpecificDirectorySubjects                -> singleUser and/or groupMembers
  SpecificConnectedOrganizationSubjects    -> connectedOrganizationMembers

(AllExistingConnectedOrganizationSubjects, which the page lists only among the
values, also takes an empty list.)

- A Specific* scope with no allowedRequestors lets nobody request: error.
- An entry of the wrong kind for the scope (a connectedOrganizationMembers
  under SpecificDirectorySubjects), or of a type allowedRequestors never
  takes (requestorManager, sponsors, attributeRuleMembers): error. One policy
  cannot serve both directory users and connected organizations.
- Entries under a scope that takes none are ignored: warning.

Bad:  "requestorSettings": {"scopeType": "SpecificDirectorySubjects", "allowedRequestors": []}
Fix:  "allowedRequestors": [{"@odata.type": "#microsoft.graph.groupMembers", "id": "<group id>"}]
      or "scopeType": "AllExistingDirectorySubjects"

Evidence: the scopeType/allowedRequestors table and the allowedRequestors
description ("can be singleUser, groupMembers, and connectedOrganizationMembers")
in microsoft-graph-docs-contrib api-reference/beta/resources/requestorsettings.md;
"a single policy can't be used to assign internal and external users"
(MicrosoftDocs/entra-docs docs/id-governance/entitlement-management-access-package-request-policy.md).
No service error text is on record; the errors rest on that documented table.`,
	Run: func(pass *Pass) {
		rs := pass.rootNode("requestorSettings")
		if !rs.IsObject() {
			return
		}
		scope := rs.Get("scopeType")
		want, known := betaScopeRequestors[scope.Str]
		if !known {
			return // absent, not a string, or undocumented: the schema's job
		}
		rsPtr := pointer.Join("", "requestorSettings")
		scopePtr := pointer.Join(rsPtr, "scopeType")
		listNode := rs.Member("allowedRequestors")
		list := listNode.Value()
		listPtr := pointer.Join(rsPtr, "allowedRequestors")
		n, ok := elementCount(listNode)
		if !ok {
			return
		}
		items := subjectItems(listNode, listPtr)

		if want == nil {
			if n > 0 {
				pass.ReportAt(finding.Warning, listPtr, finding.Value,
					"`scopeType` `%s` ignores `allowedRequestors`, which lists %s: send `allowedRequestors: []`, or use `%s` to let only the listed principals request",
					scope.Str, countWord(n, "principal"), betaSpecificScopeFor(items))
			}
			return
		}
		if n == 0 {
			state, at := emptyListState(list, listPtr, scopePtr)
			pass.Report(at, finding.Value,
				"`scopeType` is `%s` but `allowedRequestors` %s, so nobody can request: list the %s who may request, or use `%s`",
				scope.Str, state, backquoteList(want, "or"), betaScopeBroader[scope.Str])
			return
		}
		for _, it := range items {
			switch {
			case it.typ == "" || slices.Contains(want, it.typ):
			case it.typ == "connectedOrganizationMembers":
				pass.Report(it.typePtr(), finding.Value,
					"`connectedOrganizationMembers` does not go with `scopeType` `%s`: use `SpecificConnectedOrganizationSubjects` in a separate policy for connected organizations (one policy cannot serve both)",
					scope.Str)
			case it.typ == "singleUser" || it.typ == "groupMembers":
				pass.Report(it.typePtr(), finding.Value,
					"`%s` does not go with `scopeType` `%s`: directory users need `SpecificDirectorySubjects`, in a separate policy (one policy cannot serve both)",
					it.typ, scope.Str)
			default:
				pass.Report(it.typePtr(), finding.Value,
					"`%s` cannot be a requestor: `allowedRequestors` takes %s for `scopeType` `%s`",
					it.typ, backquoteList(want, "or"), scope.Str)
			}
		}
	},
}

// betaSpecificScopeFor is the Specific* scope that takes a list's entries.
func betaSpecificScopeFor(items []subjectItem) string {
	for _, it := range items {
		if it.typ == "connectedOrganizationMembers" {
			return "SpecificConnectedOrganizationSubjects"
		}
	}
	return "SpecificDirectorySubjects"
}
