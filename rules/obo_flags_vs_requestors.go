package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var v1OnBehalfFlags = []string{
	"enableOnBehalfRequestorsToAddAccess",
	"enableOnBehalfRequestorsToUpdateAccess",
	"enableOnBehalfRequestorsToRemoveAccess",
}

var OboFlagsVsRequestors = &Rule{
	ID:       "obo-flags-vs-requestors",
	Severity: finding.Warning,
	Shapes:   []Shape{V1Policy},
	Doc:      "On-behalf-of flags and `onBehalfRequestors` must be set together",
	Help: `A v1.0 policy lets someone request access for another principal when an
enableOnBehalfRequestorsTo{Add,Update,Remove}Access flag is true, and
onBehalfRequestors says who that someone is (for example the target's manager,
targetManager, or an application's owners, targetApplicationOwners). One
without the other does nothing:

- a flag true with onBehalfRequestors empty or absent: nobody may request on
  behalf of others;
- onBehalfRequestors listed with every flag false: the listed principals
  cannot request.

Bad:
  "requestorSettings": {"enableOnBehalfRequestorsToAddAccess": true, "onBehalfRequestors": []}
Fix:
  "onBehalfRequestors": [{"@odata.type": "#microsoft.graph.targetManager", "managerLevel": 1}]

Evidence: "True allows on-behalf-of requestors to create a request to add access
for another principal" and onBehalfRequestors, "the principals who can request
on-behalf-of others" (microsoft-graph-docs-contrib
api-reference/v1.0/resources/accesspackageassignmentrequestorsettings.md);
api-reference/v1.0/resources/targetmanager.md and targetapplicationowners.md. Inferred
from those descriptions; no service error is on record.`,
	Run: func(pass *Pass) {
		rs := pass.rootNode("requestorSettings")
		if !rs.IsObject() {
			return
		}
		rsPtr := pointer.Join("", "requestorSettings")
		n, ok := elementCount(rs.Member("onBehalfRequestors"))
		if !ok {
			return
		}
		var on []string
		for _, f := range v1OnBehalfFlags {
			if isTrueFlag(rs.Get(f)) {
				on = append(on, f)
			}
		}
		switch {
		case len(on) > 0 && n == 0:
			verb := "is"
			if len(on) > 1 {
				verb = "are"
			}
			pass.Report(pointer.Join(rsPtr, on[0]), finding.Value,
				"%s %s true but `onBehalfRequestors` is empty, so nobody can request on behalf of others: list who may (e.g. `{\"@odata.type\": \"#microsoft.graph.targetManager\", \"managerLevel\": 1}`), or set the flag to false",
				backquoteList(on, "and"), verb)
		case len(on) == 0 && n > 0:
			pass.Report(pointer.Join(rsPtr, "onBehalfRequestors"), finding.Value,
				"`onBehalfRequestors` lists %s but no `enableOnBehalfRequestorsTo*Access` flag is true, so they cannot request: set `enableOnBehalfRequestorsToAddAccess` (or the Update/Remove flag) to true, or send `onBehalfRequestors: []`",
				countWord(n, "principal"))
		}
	},
}
