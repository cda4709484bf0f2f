package crossfile

// Rule ids of the cross-file checks.
const (
	RuleDuplicatePolicyID  = "crossfile-duplicate-policy-id"
	RuleRequiredQuestion   = "crossfile-required-question"
	RuleUnknownQuestion    = "crossfile-unknown-question"
	RuleChoiceValue        = "crossfile-choice-value"
	RuleAnswerPattern      = "crossfile-answer-pattern"
	RuleJustification      = "crossfile-justification-required"
	RuleCustomSchedule     = "crossfile-custom-schedule"
	RulePackageMismatch    = "crossfile-access-package-mismatch"
	RuleRequestTypeAllowed = "crossfile-request-type-allowed"
	RuleAdminAddApproval   = "crossfile-admin-add-approval"
)

// RuleDocs describes the cross-file checks for `emlint rules`. Severity is
// the default; a few rules report a lower one where the evidence is weaker
// (see Help).
var RuleDocs = []struct{ ID, Severity, Doc string }{
	{RuleRequiredQuestion, "error", "A request for new access must answer every question its policy marks isRequired"},
	{RuleUnknownQuestion, "warning", "An answer must name a question of the policy the request names"},
	{RuleChoiceValue, "warning", "The answer to a multiple-choice question must be one of the question's choice values (actualValue)"},
	{RuleAnswerPattern, "warning", "The answer to a text question must match the question's regexPattern"},
	{RuleJustification, "error", "A user's request must give a justification when its policy requires one"},
	{RuleCustomSchedule, "warning", "A user's request may carry its own schedule only when its v1.0 policy sets allowCustomAssignmentSchedule"},
	{RulePackageMismatch, "error", "A request's accessPackageId must be the access package of the policy it names"},
	{RuleRequestTypeAllowed, "error", "The policy a user's request names must accept that kind of request (self-service or on behalf of others)"},
	{RuleAdminAddApproval, "warning", "An administrator's direct assignment should name a policy that does not require approval"},
	{RuleDuplicatePolicyID, "warning", "Two policy files carry the same id"},
}

// Help returns the long help of a cross-file rule for `emlint explain`: why,
// a bad pair and its fix, and the evidence. It is "" for other ids.
func Help(id string) string { return help[id] }

const common = `
Cross-file checks run when one emlint run includes both the request and the
policy it names: the policy is found by its root "id" (a PUT body, or a policy
exported from Graph), the request names it by assignment.assignmentPolicyId
(v1.0) or accessPackageAssignment.assignmentPolicyId (legacy beta). A request
that names a policy the run does not include is not checked.`

var help = map[string]string{
	RuleRequiredQuestion: `A policy question with "isRequired": true must be answered by a request
for new access through that policy.

Severity: error for userAdd (self-service, or on behalf of someone): the
requestor must answer it. Warning for adminAdd: in the admin center an
administrator answers the policy's questions on the user's behalf, but no
page says Graph rejects a direct assignment without them.

Bad (the policy asks question 8fe745e7-... with isRequired true):
  {"requestType": "userAdd", "assignment": {"accessPackageId": "...", "assignmentPolicyId": "..."}}
Fix:
  "answers": [{"@odata.type": "#microsoft.graph.accessPackageAnswerString", "value": "...",
               "answeredQuestion": {"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "id": "8fe745e7-..."}}]

Evidence: accessPackageQuestion.isRequired, "whether the requestor is required
to supply an answer" (Graph v1.0 and beta resource pages);
accessPackageAssignmentRequestRequirements (beta): the requirements, questions
included, "that a caller must fulfill in order to successfully create an
accessPackageAssignmentRequest"; v1.0 create-request example 3 answers
"questions required by the policy". Entra docs (assign users directly): the
administrator answers the questions on behalf of the users.` + common,

	RuleUnknownQuestion: `Each answer names the question it answers by answeredQuestion.id. An id
that is not among the policy's questions answers nothing: a copy from another
policy, or a question that was replaced (a new question gets a new id).
Checked only when the policy body lists its questions and every question has
an id.

Bad: "answeredQuestion": {"id": "7aaa18c9-..."} against a policy whose only question is "0d31cc60-...".
Fix: use the id of the policy's question.

Evidence: inferred from the data model (accessPackageAnswer.answeredQuestion
references a question of the policy the request names).` + common,

	RuleChoiceValue: `The value of an answer to a multiple-choice question is the actualValue of
one of the question's choices (v1.0 choices[].actualValue, beta choices[].actualValue).
Questions that allow several selections are not checked.

Bad: "value": "EMEA" when the choices are "emea" and "amer".
Fix: "value": "emea".

Evidence: accessPackageMultipleChoiceQuestion presents options "that the
requestor must choose an answer from" (Graph resource page); the answer's
value carries the chosen actualValue (docs examples). No rejection is on
record, hence a warning.` + common,

	RuleAnswerPattern: `A text question may set regexPattern, which answers must match. emlint
tests the answer with Go's regular expressions (RE2), searching anywhere in the
answer as .NET's Regex.IsMatch does; a pattern Go cannot compile (lookarounds,
backreferences) is skipped.

Bad: "value": "12-345" for a question whose regexPattern is "^[0-9]{6}$".
Fix: "value": "123456".

Evidence: accessPackageTextInputQuestion.regexPattern, "the regular expression
pattern that any answer to this question must match" (Graph v1.0 and beta
resource pages). A warning: the service's regex dialect is .NET's, not Go's,
and no rejection is on record.` + common,

	RuleJustification: `When the policy sets requestApprovalSettings.isRequestorJustificationRequired
to true, a user's request (userAdd, userUpdate, beta UserExtend) must carry a
non-empty "justification". Administrators' requests are not checked: for a
direct assignment the justification is optional.

Bad:  {"requestType": "userAdd", "assignment": {...}}
Fix:  {"requestType": "userAdd", "assignment": {...}, "justification": "Need access for the Q3 audit"}

Evidence: isRequestorJustificationRequired, "whether a requestor must supply
justification when submitting an assignment request", one of the requirements
"that a caller must fulfill in order to successfully create an
accessPackageAssignmentRequest" (Graph beta accessPackageAssignmentRequestRequirements);
Entra docs (assign users directly): "Optionally provide a justification" for an
administrator's direct assignment.` + common,

	RuleCustomSchedule: `A user's request (userAdd, userUpdate) that carries its own "schedule" needs a
v1.0 policy whose requestorSettings.allowCustomAssignmentSchedule is true.
A schedule whose members are all null asks for nothing and is not reported.

Severity: warning when the policy sets the flag to false; info when the
policy does not set it, since Graph documents no default. Administrators'
requests are not checked (an administrator sets start and end dates of a
direct assignment).

Bad:  policy "allowCustomAssignmentSchedule": false; request "schedule": {"startDateTime": "...", "expiration": {...}}
Fix:  remove "schedule" (the policy's expiration applies), or set the flag to true.

Evidence: accessPackageAssignmentRequestorSettings.allowCustomAssignmentSchedule,
"False indicates that the requestor isn't permitted to include a schedule in
their request" (Graph v1.0 resource page). No rejection is on record, hence a
warning.` + common,

	RulePackageMismatch: `A policy belongs to one access package (v1.0 accessPackage.id, beta
accessPackageId). A request whose accessPackageId is another package cannot be
granted through that policy: one of the two ids is wrong.

Bad:  request "accessPackageId": "a914b616-...", policy "accessPackage": {"id": "977c7ff4-..."}
Fix:  use the policy's package, or name a policy of the requested package.

Evidence: the v1.0 create-request page: "the value of assignmentPolicyId is a
direct assignment policy in that access package"; the policy's accessPackage
is its parent package (required on create).` + common,

	RuleRequestTypeAllowed: `A user's request goes through a policy only when the policy accepts it:
- v1.0 userAdd for oneself needs an allowedTargetScope other than notSpecified
  and requestorSettings.enableTargetsToSelfAddAccess true; userUpdate and
  userRemove need enableTargetsToSelfUpdateAccess / enableTargetsToSelfRemoveAccess;
- a v1.0 user request on behalf of someone else (an assignment "target" with an
  objectId or email, as the on-behalf recipe sends) needs
  enableOnBehalfRequestorsToAddAccess (UpdateAccess, RemoveAccess);
- legacy beta UserAdd needs a scopeType other than NoSubjects and
  requestorSettings.acceptRequests true.

Severity: error when the policy excludes the request (a false switch, a
notSpecified or NoSubjects scope); warning when the switch is not set, since
Graph documents no default.

Bad:  policy "allowedTargetScope": "notSpecified"; request "requestType": "userAdd"
Fix:  "requestType": "adminAdd" with a "targetId", or name a policy users can request through.

Evidence: accessPackageAssignmentRequestorSettings ("True allows requestors to
create a request to add access for themselves", and the same for update,
remove and on-behalf-of requests) and the direct-assignment policy of v1.0
create-policy example 1 (notSpecified, every switch false); beta
requestorSettings (acceptRequests, scopeType NoSubjects); the service answers
a request its policy does not admit with "You don't meet policy requirements
to request this entitlement." (MicrosoftDocs/entra-docs#967).` + common,

	RuleAdminAddApproval: `An administrator's direct assignment (adminAdd) through a policy that requires
approval (v1.0 requestApprovalSettings.isApprovalRequiredForAdd, beta
isApprovalRequired) does not assign the user without the approvals. Not
reported when the request sets parameters.bypassApproval to true.

Bad:  adminAdd naming a policy with "isApprovalRequiredForAdd": true
Fix:  name the package's direct-assignment policy, or send "parameters": {"bypassApproval": true}.

Evidence: Entra docs (assign users directly): "If the access package contains a
policy that requires user requests to be approved, users can't be directly
assigned to the package without necessary approval(s) from the designated
approver(s)"; v1.0 create-request example 1 names "a direct assignment policy";
accessPackageAssignmentRequestParameters.bypassApproval "bypasses the approval
requirement configured on the access package policy for this request".` + common,

	RuleDuplicatePolicyID: `Two policy files carry the same root "id" (compared without regard to letter
case, as Graph compares GUIDs). One of them is a stale copy or a copy-paste
that forgot to change the id; requests that name the id are checked against
the first file only. The finding is at the second file's "id".

Fix: give each policy its own id, or delete the stale copy.

Evidence: an id names one policy in a tenant (the id key of
accessPackageAssignmentPolicy in Graph's metadata); two files with one id
are two versions of one policy, and a PUT of either replaces the other.` + common,
}
