package rules

import (
	"slices"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

// v1ScopeTargets are the subjectSet types specificAllowedTargets holds for
// each specific scope. An empty list means any type (service principal
// scopes: no page says which types they take).
var v1ScopeTargets = map[string][]string{
	"specificDirectoryUsers":             {"singleUser", "groupMembers", "attributeRuleMembers"},
	"specificConnectedOrganizationUsers": {"connectedOrganizationMembers"},
	"specificDirectoryServicePrincipals": {},
}

// v1ScopeBroader is the scope to suggest instead of a specific scope with
// nobody listed.
var v1ScopeBroader = map[string]string{
	"specificDirectoryUsers":             "`allMemberUsers` or `allDirectoryUsers`",
	"specificConnectedOrganizationUsers": "`allConfiguredConnectedOrganizationUsers`",
	"specificDirectoryServicePrincipals": "`allDirectoryServicePrincipals`",
}

var V1TargetScopeMatch = &Rule{
	ID:       "v1-target-scope-match",
	Severity: finding.Warning,
	Shapes:   []Shape{V1Policy},
	Doc:      "`allowedTargetScope` must agree with the principals in `specificAllowedTargets`",
	Help: `A v1.0 policy says who can be assigned in allowedTargetScope and, for the
specific* scopes, lists them in specificAllowedTargets:

  specificDirectoryUsers              -> singleUser / groupMembers entries
                                         (attributeRuleMembers in an automatic
                                         assignment policy)
  specificConnectedOrganizationUsers  -> connectedOrganizationMembers entries
  specificDirectoryServicePrincipals  -> at least one entry
  notSpecified and the all* scopes    -> specificAllowedTargets: []

- A specific* scope with no targets: nobody can be assigned through the policy.
- An entry of the wrong kind for the scope: a connectedOrganizationMembers
  under specificDirectoryUsers needs specificConnectedOrganizationUsers (a
  policy serves either directory users or connected organizations, not both).
- Targets under notSpecified or an all* scope are ignored.

Bad:  "allowedTargetScope": "allMemberUsers",
      "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "..."}]
Fix:  "allowedTargetScope": "specificDirectoryUsers" (only that group), or
      "specificAllowedTargets": [] (every member user)

All cases are warnings: the v1.0 pages give no table like the beta
requestorSettings page, so the pairs are inferred from the property
descriptions, the docs examples and the beta table, and no service error is
on record.

Evidence: allowedTargetScope and specificAllowedTargets in microsoft-graph-docs-contrib
api-reference/v1.0/resources/accesspackageassignmentpolicy.md; create examples 1-3 in
api-reference/v1.0/api/entitlementmanagement-post-assignmentpolicies.md
(notSpecified and allConfiguredConnectedOrganizationUsers with [], specificDirectoryUsers
with an attributeRuleMembers rule); the beta table in api-reference/beta/resources/requestorsettings.md;
"a single policy can't be used to assign internal and external users"
(MicrosoftDocs/entra-docs docs/id-governance/entitlement-management-access-package-request-policy.md).`,
	Run: func(pass *Pass) {
		scope := pass.RootGet("allowedTargetScope")
		_, known := v1ScopeAudience[scope.Str]
		if scope.Type != gjson.String || !known {
			return
		}
		scopePtr := pointer.Join("", "allowedTargetScope")
		listNode := pass.rootNode("specificAllowedTargets")
		list := listNode.Value()
		listPtr := pointer.Join("", "specificAllowedTargets")
		n, ok := elementCount(listNode)
		if !ok {
			return
		}
		items := subjectItems(listNode, listPtr)
		want, specific := v1ScopeTargets[scope.Str]

		if !specific {
			if n > 0 {
				pass.Report(listPtr, finding.Value,
					"`allowedTargetScope` `%s` ignores `specificAllowedTargets`, which lists %s: send `specificAllowedTargets: []`, or use `%s` to let only the listed principals in",
					scope.Str, countWord(n, "principal"), v1SpecificScopeFor(items))
			}
			return
		}
		if n == 0 {
			state, at := emptyListState(list, listPtr, scopePtr)
			what := "the principals"
			if len(want) > 0 {
				what = "the " + backquoteList(want[:min(len(want), 2)], "or") + " entries"
			}
			pass.Report(at, finding.Value,
				"`allowedTargetScope` is `%s` but `specificAllowedTargets` %s, so nobody can be assigned: list %s, or use %s",
				scope.Str, state, what, v1ScopeBroader[scope.Str])
			return
		}
		if len(want) == 0 {
			return
		}
		for _, it := range items {
			if it.typ == "" || slices.Contains(want, it.typ) {
				continue
			}
			if better := v1SpecificScopeFor([]subjectItem{it}); better != scope.Str && v1TargetKind(it.typ) {
				pass.Report(it.typePtr(), finding.Value,
					"`%s` does not go with `allowedTargetScope` `%s`: such targets need `%s`, in a separate policy (one policy cannot serve both)",
					it.typ, scope.Str, better)
				continue
			}
			pass.Report(it.typePtr(), finding.Value,
				"`%s` is not a target type for `allowedTargetScope` `%s`: list %s",
				it.typ, scope.Str, backquoteList(want, "or"))
		}
	},
}

// v1TargetKind reports whether a subjectSet type names assignable
// principals for some specific scope.
func v1TargetKind(typ string) bool {
	switch typ {
	case "singleUser", "groupMembers", "connectedOrganizationMembers", "singleServicePrincipal":
		return true
	}
	return false
}

// v1SpecificScopeFor is the specific scope that takes a list's entries.
func v1SpecificScopeFor(items []subjectItem) string {
	for _, it := range items {
		switch it.typ {
		case "connectedOrganizationMembers":
			return "specificConnectedOrganizationUsers"
		case "singleServicePrincipal":
			return "specificDirectoryServicePrincipals"
		}
	}
	return "specificDirectoryUsers"
}
