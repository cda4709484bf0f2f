package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var RequestBypassApproval = &Rule{
	ID:       "request-bypass-approval",
	Severity: finding.Info,
	Shapes:   Requests,
	Doc:      "parameters.bypassApproval only makes sense on an administrator's add or update request",
	Help: `parameters.bypassApproval: true "bypasses the approval requirement configured on
the access package policy for this request". It is the API form of the admin
center's option for an administrator who directly assigns a user through a
policy that requires approval. Reported when it is true on:
- a request a user makes for themselves (userAdd, userUpdate; beta UserExtend):
  a requestor cannot skip the approval of the policy they request through, so
  expect Graph to ignore the flag or refuse the request;
- a remove request (adminRemove, userRemove): removals need no approval, so the
  flag does nothing.
Advice only: the property is new (absent from the metadata emlint was built from), and the
service's handling of these cases is not on record. Note that it must be an
object, {"bypassApproval": true}: an array of {"name", "value"} pairs is ignored
and the request auto-approved (msgraph-sdk-powershell issue #3324; the schema
reports the wrong type).

Bad:  {"requestType": "userAdd", "assignment": {...}, "parameters": {"bypassApproval": true}}
Fix:  drop "parameters", or have an administrator send an adminAdd request.

Evidence: microsoft-graph-docs-contrib
api-reference/v1.0/resources/accesspackageassignmentrequestparameters.md and
api-reference/beta/resources/accesspackageassignmentrequestparameters.md;
MicrosoftDocs/entra-docs docs/id-governance/entitlement-management-access-package-assignments.md
(direct assignment by administrators); microsoftgraph/msgraph-sdk-powershell
issue #3324.`,
	Run: func(pass *Pass) {
		bp := Get(pass.RootGet("parameters"), "bypassApproval")
		if !isTrue(bp) {
			return
		}
		raw, canon, ok := requestTypeOf(pass)
		if !ok {
			return
		}
		ptr := pointer.Join("", "parameters", "bypassApproval")
		switch canon {
		case "userAdd", "userUpdate", "userExtend":
			pass.Report(ptr, finding.Value,
				"`bypassApproval` is for administrators' direct assignments, but this is a `%s` request: a requestor cannot skip the policy's approval; drop it, or send an `adminAdd` request as an administrator", raw)
		case "adminRemove", "userRemove":
			pass.Report(ptr, finding.Value,
				"`bypassApproval` has no effect on %s `%s` request: removals need no approval; drop it", article(raw), raw)
		}
	},
}
