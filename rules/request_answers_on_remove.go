package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var RequestAnswersOnRemove = &Rule{
	ID:       "request-answers-on-remove",
	Severity: finding.Info,
	Shapes:   Requests,
	Doc:      "Answers and a schedule have no effect on a request that removes an assignment",
	Help: `A remove request (adminRemove, userRemove; AdminRemove, UserRemove in the legacy
beta API) ends an existing assignment, named by assignment.id. Answers to the
policy's questions are collected when access is requested or updated, and a
schedule asks for an access window: on a removal neither has anything to apply
to. The docs' remove examples send only requestType and the assignment id.
Advice only: the service is not known to reject such a body.

justification is not reported: it is recorded on the request and is the natural
place for the reason of a removal.

Bad:  {"requestType": "adminRemove", "assignment": {"id": "a6bb6942-..."},
       "answers": [...], "schedule": {...}}
Fix:  {"requestType": "adminRemove", "assignment": {"id": "a6bb6942-..."}}

Evidence: microsoft-graph-docs-contrib
api-reference/v1.0/api/entitlementmanagement-post-assignmentrequests.md (example 2,
remove an assignment) and api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentrequests.md
(example 4); api-reference/v1.0/resources/accesspackageassignmentrequest.md
(answers, schedule). The catalogue grades this inferred.`,
	Run: func(pass *Pass) {
		raw, canon, ok := requestTypeOf(pass)
		if !ok || (canon != "adminRemove" && canon != "userRemove") {
			return
		}
		if hasItems(pass.RootGet("answers")) {
			pass.Report(pointer.Join("", "answers"), finding.Key,
				"%s `%s` request removes an assignment, so its `answers` are not used: leave them out", article(raw), raw)
		}
		if !absentOrNull(pass.RootGet("schedule")) {
			pass.Report(pointer.Join("", "schedule"), finding.Key,
				"%s `%s` request removes the assignment now, so its `schedule` is not used: leave it out", article(raw), raw)
		}
	},
}
