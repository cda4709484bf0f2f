package crossfile

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/schemas"
)

const (
	policyID  = "5e1c3b7a-2f4d-4a8e-9c6b-1d3f5a7b9c2e"
	packageID = "a8a5f1c3-2e4b-4d6f-9a1c-3e5b7d9f1a2c"
	textQ     = "8fe745e7-80b2-490d-bd22-4e708c77288c"
	choiceQ   = "7aaa18c9-8e4f-440f-bd5a-3a7ce312cbe6"
)

// v1Policy returns a small v1.0 policy with the given members after its id
// and package (extra is a comma-separated list of members, or "").
func v1Policy(extra string) string {
	s := `{
  "id": "` + policyID + `",
  "accessPackage": {"id": "` + packageID + `"}`
	if extra != "" {
		s += ",\n  " + extra
	}
	return s + "\n}"
}

func betaPolicy(extra string) string {
	s := `{
  "id": "` + policyID + `",
  "accessPackageId": "` + packageID + `"`
	if extra != "" {
		s += ",\n  " + extra
	}
	return s + "\n}"
}

// selfAdd lets members request for themselves.
const selfAdd = `"allowedTargetScope": "allMemberUsers", "requestorSettings": {"enableTargetsToSelfAddAccess": true, "enableTargetsToSelfUpdateAccess": true, "enableTargetsToSelfRemoveAccess": true, "allowCustomAssignmentSchedule": true}`

// v1Request returns a v1.0 request of a type naming the policy, with extra
// root members.
func v1Request(typ, extra string) string {
	s := `{
  "requestType": "` + typ + `",
  "assignment": {"accessPackageId": "` + packageID + `", "assignmentPolicyId": "` + policyID + `"}`
	if extra != "" {
		s += ",\n  " + extra
	}
	return s + "\n}"
}

func answerJSON(qid, value string) string {
	return `{"@odata.type": "#microsoft.graph.accessPackageAnswerString", "value": ` + value + `, "answeredQuestion": {"id": "` + qid + `"}}`
}

func questions(qs ...string) string { return `"questions": [` + strings.Join(qs, ", ") + `]` }

func textQuestion(id string, required bool, pattern string) string {
	s := fmt.Sprintf(`{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "id": %q, "isRequired": %t, "text": "Which audit?"`, id, required)
	if pattern != "" {
		s += fmt.Sprintf(`, "regexPattern": %q`, pattern)
	}
	return s + "}"
}

func choiceQuestion(id string, required, multi bool) string {
	return fmt.Sprintf(`{"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "id": %q, "isRequired": %t, "isMultipleSelectionAllowed": %t, "choices": [{"actualValue": "emea"}, {"actualValue": "amer"}]}`, id, required, multi)
}

type pair struct {
	name       string
	policy     string
	policyAPI  schemas.API
	request    string
	requestAPI schemas.API
	want       []string // "rule severity pointer"
	wantMsg    string   // a substring of the first finding's message
}

func run(t *testing.T, c pair) []finding.Finding {
	t.Helper()
	papi, rapi := c.policyAPI, c.requestAPI
	if papi == "" {
		papi = schemas.V1
	}
	if rapi == "" {
		rapi = schemas.V1
	}
	return Check([]Body{
		{Name: "policies/p.json", Data: []byte(c.policy), API: papi, Kind: schemas.Policy},
		{Name: "requests/r.json", Data: []byte(c.request), API: rapi, Kind: schemas.Request},
	})
}

func summary(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %s %s", f.Rule, f.Severity, f.Pointer))
	}
	return out
}

func TestCheck(t *testing.T) {
	required := questions(textQuestion(textQ, true, ""), choiceQuestion(choiceQ, false, false))
	for _, c := range []pair{
		// crossfile-required-question
		{name: "required question not answered by userAdd",
			policy:  v1Policy(selfAdd + ", " + required),
			request: v1Request("userAdd", `"answers": [`+answerJSON(choiceQ, `"emea"`)+`]`),
			want:    []string{"crossfile-required-question error /answers"},
			wantMsg: "question `" + textQ + "` (\"Which audit?\") is required by the policy in policies/p.json:4 but not answered"},
		{name: "required question, no answers at all",
			policy:  v1Policy(selfAdd + ", " + required),
			request: v1Request("userAdd", ""),
			want:    []string{"crossfile-required-question error /answers"}},
		{name: "required question not answered by adminAdd is a warning",
			policy:  v1Policy(required),
			request: v1Request("adminAdd", ""),
			want:    []string{"crossfile-required-question warning /answers"}},
		{name: "required question answered with an empty value",
			policy:  v1Policy(selfAdd + ", " + required),
			request: v1Request("userAdd", `"answers": [`+answerJSON(strings.ToUpper(textQ), `""`)+`]`),
			want:    []string{"crossfile-required-question error /answers/0/value"}},
		{name: "near miss: required question answered (GUID case differs)",
			policy:  v1Policy(selfAdd + ", " + required),
			request: v1Request("userAdd", `"answers": [`+answerJSON(strings.ToUpper(textQ), `"AUD-1"`)+`]`)},
		{name: "near miss: update requests keep their earlier answers",
			policy:  v1Policy(selfAdd + ", " + required),
			request: v1Request("userUpdate", "")},
		{name: "near miss: optional question unanswered",
			policy:  v1Policy(selfAdd + ", " + questions(textQuestion(textQ, false, ""))),
			request: v1Request("userAdd", "")},

		// crossfile-unknown-question
		{name: "answer names a question the policy does not have",
			policy:  v1Policy(selfAdd + ", " + questions(textQuestion(textQ, false, ""))),
			request: v1Request("userAdd", `"answers": [`+answerJSON(choiceQ, `"x"`)+`]`),
			want:    []string{"crossfile-unknown-question warning /answers/0/answeredQuestion/id"},
			wantMsg: "which the policy in policies/p.json:4 does not have: its questions are `" + textQ + "`"},
		{name: "answer to a policy with no questions",
			policy:  v1Policy(selfAdd + `, "questions": []`),
			request: v1Request("userAdd", `"answers": [`+answerJSON(choiceQ, `"x"`)+`]`),
			want:    []string{"crossfile-unknown-question warning /answers/0/answeredQuestion/id"},
			wantMsg: "has no questions"},
		{name: "near miss: a policy question without an id may be the one answered",
			policy:  v1Policy(selfAdd + `, "questions": [{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "text": "x"}]`),
			request: v1Request("userAdd", `"answers": [`+answerJSON(choiceQ, `"x"`)+`]`)},
		{name: "near miss: a policy body without questions (an export without $expand)",
			policy:  v1Policy(selfAdd),
			request: v1Request("userAdd", `"answers": [`+answerJSON(choiceQ, `"x"`)+`]`)},
		{name: "near miss: answers on a remove request are another rule's concern",
			policy:  v1Policy(selfAdd + `, "questions": []`),
			request: `{"requestType": "adminRemove", "assignment": {"id": "x", "assignmentPolicyId": "` + policyID + `"}, "answers": [` + answerJSON(choiceQ, `"x"`) + `]}`},

		// crossfile-choice-value
		{name: "choice answer outside the choices",
			policy:  v1Policy(selfAdd + ", " + questions(choiceQuestion(choiceQ, true, false))),
			request: v1Request("userAdd", `"answers": [`+answerJSON(choiceQ, `"EMEA"`)+`]`),
			want:    []string{"crossfile-choice-value warning /answers/0/value"},
			wantMsg: "(did you mean `emea`?)"},
		{name: "near miss: choice answer is an actualValue",
			policy:  v1Policy(selfAdd + ", " + questions(choiceQuestion(choiceQ, true, false))),
			request: v1Request("userAdd", `"answers": [`+answerJSON(choiceQ, `"amer"`)+`]`)},
		{name: "near miss: multiple selection is not checked",
			policy:  v1Policy(selfAdd + ", " + questions(choiceQuestion(choiceQ, true, true))),
			request: v1Request("userAdd", `"answers": [`+answerJSON(choiceQ, `"emea,amer"`)+`]`)},
		{name: "beta choices",
			policy:    betaPolicy(`"requestorSettings": {"scopeType": "AllExistingDirectorySubjects", "acceptRequests": true}, "questions": [{"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "id": "` + choiceQ + `", "allowsMultipleSelection": false, "choices": [{"actualValue": "AZ", "displayValue": {"defaultText": "Arizona"}}]}]`),
			policyAPI: schemas.Beta,
			request:   `{"requestType": "UserAdd", "accessPackageAssignment": {"accessPackageId": "` + packageID + `", "assignmentPolicyId": "` + policyID + `"}, "answers": [` + answerJSON(choiceQ, `"CA"`) + `]}`, requestAPI: schemas.Beta,
			want: []string{"crossfile-choice-value warning /answers/0/value"}},

		{name: "a blank answer to a required choice question is reported once",
			policy:  v1Policy(selfAdd + ", " + questions(choiceQuestion(choiceQ, true, false))),
			request: v1Request("userAdd", `"answers": [`+answerJSON(choiceQ, `""`)+`]`),
			want:    []string{"crossfile-required-question error /answers/0/value"}},

		// crossfile-answer-pattern
		{name: "text answer does not match the pattern",
			policy:  v1Policy(selfAdd + ", " + questions(textQuestion(textQ, true, `^AUD-[0-9]{4}$`))),
			request: v1Request("userAdd", `"answers": [`+answerJSON(textQ, `"AUD-12"`)+`]`),
			want:    []string{"crossfile-answer-pattern warning /answers/0/value"}},
		{name: "near miss: text answer matches the pattern",
			policy:  v1Policy(selfAdd + ", " + questions(textQuestion(textQ, true, `^AUD-[0-9]{4}$`))),
			request: v1Request("userAdd", `"answers": [`+answerJSON(textQ, `"AUD-1234"`)+`]`)},
		{name: "near miss: a pattern Go cannot compile is skipped",
			policy:  v1Policy(selfAdd + ", " + questions(textQuestion(textQ, true, `^(?=AUD).*$`))),
			request: v1Request("userAdd", `"answers": [`+answerJSON(textQ, `"x"`)+`]`)},

		// crossfile-justification-required
		{name: "justification missing",
			policy:  v1Policy(selfAdd + `, "requestApprovalSettings": {"isRequestorJustificationRequired": true}`),
			request: v1Request("userAdd", ""),
			want:    []string{"crossfile-justification-required error /justification"},
			wantMsg: "the policy in policies/p.json:4 requires the requestor to give a justification"},
		{name: "justification blank",
			policy:  v1Policy(selfAdd + `, "requestApprovalSettings": {"isRequestorJustificationRequired": true}`),
			request: v1Request("userUpdate", `"justification": "  "`),
			want:    []string{"crossfile-justification-required error /justification"}},
		{name: "near miss: justification given",
			policy:  v1Policy(selfAdd + `, "requestApprovalSettings": {"isRequestorJustificationRequired": true}`),
			request: v1Request("userAdd", `"justification": "Q3 audit"`)},
		{name: "near miss: administrators need not justify",
			policy:  v1Policy(`"requestApprovalSettings": {"isRequestorJustificationRequired": true}`),
			request: v1Request("adminAdd", "")},
		{name: "near miss: the policy does not require one",
			policy:  v1Policy(selfAdd + `, "requestApprovalSettings": {"isRequestorJustificationRequired": false}`),
			request: v1Request("userAdd", "")},

		// crossfile-custom-schedule
		{name: "schedule when the policy forbids one",
			policy:  v1Policy(`"allowedTargetScope": "allMemberUsers", "requestorSettings": {"enableTargetsToSelfAddAccess": true, "allowCustomAssignmentSchedule": false}`),
			request: v1Request("userAdd", `"schedule": {"startDateTime": "2030-01-01T00:00:00Z"}`),
			want:    []string{"crossfile-custom-schedule warning /schedule"}},
		{name: "schedule when the policy does not say",
			policy:  v1Policy(`"allowedTargetScope": "allMemberUsers", "requestorSettings": {"enableTargetsToSelfAddAccess": true}`),
			request: v1Request("userAdd", `"schedule": {"expiration": {"type": "afterDuration", "duration": "P5D"}}`),
			want:    []string{"crossfile-custom-schedule info /schedule"}},
		{name: "near miss: the policy allows custom schedules",
			policy:  v1Policy(selfAdd),
			request: v1Request("userAdd", `"schedule": {"startDateTime": "2030-01-01T00:00:00Z"}`)},
		{name: "near miss: an all-null schedule asks for nothing",
			policy:  v1Policy(`"allowedTargetScope": "allMemberUsers", "requestorSettings": {"enableTargetsToSelfAddAccess": true, "allowCustomAssignmentSchedule": false}`),
			request: v1Request("userAdd", `"schedule": {"startDateTime": null, "stopDateTime": null}`)},
		{name: "near miss: administrators set dates",
			policy:  v1Policy(`"requestorSettings": {"allowCustomAssignmentSchedule": false}`),
			request: v1Request("adminAdd", `"schedule": {"startDateTime": "2030-01-01T00:00:00Z"}`)},

		// crossfile-access-package-mismatch
		{name: "request for another package",
			policy:  v1Policy(selfAdd),
			request: strings.Replace(v1Request("userAdd", ""), packageID, "977c7ff4-ef8f-4910-9d31-49048ddf3120", 1),
			want:    []string{"crossfile-access-package-mismatch error /assignment/accessPackageId"},
			wantMsg: "the policy in policies/p.json:3 belongs to access package `" + packageID + "`"},
		{name: "beta policy, request for another package by navigation reference",
			policy:    betaPolicy(""),
			policyAPI: schemas.Beta,
			request:   `{"requestType": "adminAdd", "assignment": {"targetId": "x", "accessPackage": {"id": "977c7ff4-ef8f-4910-9d31-49048ddf3120"}, "assignmentPolicy": {"id": "` + policyID + `"}}}`,
			want:      []string{"crossfile-access-package-mismatch error /assignment/accessPackage/id"}},
		{name: "near miss: same package, other letter case",
			policy:  v1Policy(selfAdd),
			request: strings.Replace(v1Request("userAdd", ""), packageID, strings.ToUpper(packageID), 1)},

		// crossfile-request-type-allowed
		{name: "userAdd through a direct-assignment policy",
			policy:  v1Policy(`"allowedTargetScope": "notSpecified", "requestorSettings": {"enableTargetsToSelfAddAccess": false}`),
			request: v1Request("userAdd", ""),
			want:    []string{"crossfile-request-type-allowed error /requestType"},
			wantMsg: "whose `allowedTargetScope` is `notSpecified`"},
		{name: "userAdd when self-add is off",
			policy:  v1Policy(`"allowedTargetScope": "allMemberUsers", "requestorSettings": {"enableTargetsToSelfAddAccess": false}`),
			request: v1Request("userAdd", ""),
			want:    []string{"crossfile-request-type-allowed error /requestType"}},
		{name: "userAdd when self-add is not set",
			policy:  v1Policy(`"allowedTargetScope": "allMemberUsers"`),
			request: v1Request("userAdd", ""),
			want:    []string{"crossfile-request-type-allowed warning /requestType"}},
		{name: "userRemove when self-remove is off",
			policy:  v1Policy(`"allowedTargetScope": "allMemberUsers", "requestorSettings": {"enableTargetsToSelfRemoveAccess": false}`),
			request: v1Request("userRemove", ""),
			want:    []string{"crossfile-request-type-allowed error /requestType"}},
		{name: "on-behalf userAdd when the policy does not set on-behalf requests",
			policy:  v1Policy(selfAdd),
			request: `{"requestType": "userAdd", "assignment": {"accessPackageId": "` + packageID + `", "assignmentPolicyId": "` + policyID + `", "target": {"objectId": "21aceaba-fe13-4e3b-aa8c-4c588d5e7387"}}}`,
			want:    []string{"crossfile-request-type-allowed warning /requestType"},
			wantMsg: "`enableOnBehalfRequestorsToAddAccess`"},
		{name: "near miss: on-behalf userAdd when on-behalf requests are on",
			policy:  v1Policy(`"allowedTargetScope": "allMemberUsers", "requestorSettings": {"enableOnBehalfRequestorsToAddAccess": true}`),
			request: `{"requestType": "userAdd", "assignment": {"accessPackageId": "` + packageID + `", "assignmentPolicyId": "` + policyID + `", "target": {"objectId": "21aceaba-fe13-4e3b-aa8c-4c588d5e7387"}}}`},
		{name: "near miss: userAdd when self-add is on",
			policy:  v1Policy(selfAdd),
			request: v1Request("UserAdd", "")},
		{name: "near miss: adminAdd through a direct-assignment policy",
			policy:  v1Policy(`"allowedTargetScope": "notSpecified", "requestorSettings": {"enableTargetsToSelfAddAccess": false}`),
			request: v1Request("adminAdd", "")},
		{name: "beta UserAdd through a NoSubjects policy",
			policy:     betaPolicy(`"requestorSettings": {"scopeType": "NoSubjects", "acceptRequests": true}`),
			policyAPI:  schemas.Beta,
			request:    `{"requestType": "UserAdd", "accessPackageAssignment": {"accessPackageId": "` + packageID + `", "assignmentPolicyId": "` + policyID + `"}}`,
			requestAPI: schemas.Beta,
			want:       []string{"crossfile-request-type-allowed error /requestType"}},
		{name: "beta UserAdd when the policy accepts no requests",
			policy:     betaPolicy(`"requestorSettings": {"scopeType": "AllExistingDirectorySubjects", "acceptRequests": false}`),
			policyAPI:  schemas.Beta,
			request:    `{"requestType": "UserAdd", "accessPackageAssignment": {"accessPackageId": "` + packageID + `", "assignmentPolicyId": "` + policyID + `"}}`,
			requestAPI: schemas.Beta,
			want:       []string{"crossfile-request-type-allowed error /requestType"}},
		{name: "near miss: beta UserAdd through an open policy",
			policy:     betaPolicy(`"requestorSettings": {"scopeType": "AllExistingDirectorySubjects", "acceptRequests": true}`),
			policyAPI:  schemas.Beta,
			request:    `{"requestType": "UserAdd", "accessPackageAssignment": {"accessPackageId": "` + packageID + `", "assignmentPolicyId": "` + policyID + `"}}`,
			requestAPI: schemas.Beta},

		// crossfile-admin-add-approval
		{name: "adminAdd through a policy that requires approval",
			policy:  v1Policy(`"requestApprovalSettings": {"isApprovalRequiredForAdd": true}`),
			request: v1Request("adminAdd", ""),
			want:    []string{"crossfile-admin-add-approval warning /assignment/assignmentPolicyId"}},
		{name: "beta AdminAdd through a policy that requires approval",
			policy:     betaPolicy(`"requestApprovalSettings": {"isApprovalRequired": true}`),
			policyAPI:  schemas.Beta,
			request:    `{"requestType": "AdminAdd", "accessPackageAssignment": {"targetId": "x", "accessPackageId": "` + packageID + `", "assignmentPolicyId": "` + policyID + `"}}`,
			requestAPI: schemas.Beta,
			want:       []string{"crossfile-admin-add-approval warning /accessPackageAssignment/assignmentPolicyId"}},
		{name: "near miss: adminAdd that bypasses approval",
			policy:  v1Policy(`"requestApprovalSettings": {"isApprovalRequiredForAdd": true}`),
			request: v1Request("adminAdd", `"parameters": {"bypassApproval": true}`)},
		{name: "near miss: adminAdd through a direct-assignment policy",
			policy:  v1Policy(`"requestApprovalSettings": {"isApprovalRequiredForAdd": false}`),
			request: v1Request("adminAdd", "")},

		// requests that are not checked
		{name: "near miss: the request names a policy the run does not include",
			policy:  v1Policy(`"allowedTargetScope": "notSpecified"`),
			request: strings.Replace(v1Request("userAdd", ""), policyID, "11114b50-0a08-4f96-83e9-1d714aa2cd79", 1)},
		{name: "near miss: a policy whose id is not a string is not indexed",
			policy:  `{"id": 5, "allowedTargetScope": "notSpecified"}`,
			request: `{"requestType": "userAdd", "assignment": {"assignmentPolicyId": "5"}}`},
		{name: "near miss: a broken request is the linter's concern",
			policy:  v1Policy(`"allowedTargetScope": "notSpecified"`),
			request: `{"requestType": "userAdd", "assignment": {"assignmentPolicyId": "` + policyID + `"},}`},
		{name: "near miss: wrong types everywhere do not panic",
			policy:  `{"id": "` + policyID + `", "questions": {"a": 1}, "requestorSettings": [], "requestApprovalSettings": "x", "accessPackage": 3}`,
			request: `{"requestType": 7, "assignment": {"assignmentPolicyId": "` + policyID + `", "accessPackageId": []}, "answers": [1, {"answeredQuestion": "x"}], "schedule": 4}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := run(t, c)
			if !reflect.DeepEqual(summary(got), c.want) {
				t.Fatalf("got %q, want %q\n%v", summary(got), c.want, got)
			}
			if c.wantMsg != "" && !strings.Contains(got[0].Message, c.wantMsg) {
				t.Errorf("message %q does not contain %q", got[0].Message, c.wantMsg)
			}
			for _, f := range got {
				if f.File != "requests/r.json" || f.API == "" || f.Kind != "request" || f.Line == 0 || f.Col == 0 ||
					f.EndLine == 0 || f.End < f.Start || f.Target != finding.Fixed || f.Message == "" {
					t.Errorf("incomplete finding: %+v", f)
				}
			}
		})
	}
}

// TestPositions checks where findings are placed: at the value at fault, at
// a key, or at the start of the root when the property is missing.
func TestPositions(t *testing.T) {
	policy := v1Policy(`"allowedTargetScope": "allMemberUsers",
  "requestorSettings": {"enableTargetsToSelfAddAccess": true, "allowCustomAssignmentSchedule": false},
  "requestApprovalSettings": {"isRequestorJustificationRequired": true}`)
	request := "{\n  \"requestType\": \"userAdd\",\n  \"assignment\": {\"accessPackageId\": \"" + packageID + "\", \"assignmentPolicyId\": \"" + policyID + "\"},\n  \"schedule\": {\"startDateTime\": \"2030-01-01T00:00:00Z\"}\n}"
	got := run(t, pair{policy: policy, request: request})
	want := []string{
		"requests/r.json:1:1-1:2 crossfile-justification-required (policies/p.json:6)",
		"requests/r.json:4:3-4:13 crossfile-custom-schedule (policies/p.json:5)",
	}
	var have []string
	for _, f := range got {
		at := f.Message[strings.Index(f.Message, "policies/p.json:"):]
		at = at[:strings.IndexByte(at, ' ')]
		have = append(have, fmt.Sprintf("%s:%d:%d-%d:%d %s (%s)", f.File, f.Line, f.Col, f.EndLine, f.EndCol, f.Rule, at))
	}
	if !reflect.DeepEqual(have, want) {
		t.Fatalf("got %q, want %q", have, want)
	}
	if got[1].Start != strings.Index(request, `"schedule"`) || got[1].End != got[1].Start+len(`"schedule"`) {
		t.Errorf("schedule span %d-%d", got[1].Start, got[1].End)
	}
}

func TestDuplicatePolicyID(t *testing.T) {
	a := v1Policy("")
	b := strings.Replace(betaPolicy(""), policyID, strings.ToUpper(policyID), 1)
	c := strings.Replace(v1Policy(""), policyID, "11114b50-0a08-4f96-83e9-1d714aa2cd79", 1)
	got := Check([]Body{
		{Name: "a.json", Data: []byte(a), API: schemas.V1, Kind: schemas.Policy},
		{Name: "b.json", Data: []byte(b), API: schemas.Beta, Kind: schemas.Policy},
		{Name: "c.json", Data: []byte(c), API: schemas.V1, Kind: schemas.Policy},
		{Name: "d.json", Data: []byte(a), API: schemas.V1, Kind: schemas.Policy},
	})
	want := []string{
		"b.json:2:9 crossfile-duplicate-policy-id warning /id beta policy",
		"d.json:2:9 crossfile-duplicate-policy-id warning /id v1.0 policy",
	}
	var have []string
	for _, f := range got {
		have = append(have, fmt.Sprintf("%s:%d:%d %s %s %s %s %s", f.File, f.Line, f.Col, f.Rule, f.Severity, f.Pointer, f.API, f.Kind))
		if !strings.Contains(f.Message, "the policy in a.json:2") {
			t.Errorf("message %q does not name a.json:2", f.Message)
		}
	}
	if !reflect.DeepEqual(have, want) {
		t.Fatalf("got %q, want %q", have, want)
	}
}

// TestHTTPFile checks bodies inside an .http file: findings and the policy
// line are positions in that file.
func TestHTTPFile(t *testing.T) {
	http := "### policy\nPUT https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies/" + policyID + "\nContent-Type: application/json\n\n" +
		v1Policy(`"allowedTargetScope": "notSpecified"`) + "\n\n" +
		"### request\nPOST https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentRequests\nContent-Type: application/json\n\n" +
		v1Request("userAdd", "") + "\n"
	got := Check([]Body{{Name: "calls.http", Data: []byte(http), API: schemas.V1, Kind: schemas.Policy}})
	if len(got) != 1 {
		t.Fatalf("got %d findings, want 1: %v", len(got), got)
	}
	f := got[0]
	if f.File != "calls.http" || f.Rule != RuleRequestTypeAllowed || f.Line != 16 || f.Col != 18 || f.Kind != "request" {
		t.Errorf("got %s:%d:%d %s %s", f.File, f.Line, f.Col, f.Rule, f.Kind)
	}
	if !strings.Contains(f.Message, "calls.http:8") {
		t.Errorf("message %q does not name calls.http:8", f.Message)
	}
}

// TestExamplePair checks the example pair in testdata/example: a policy
// with two required questions and a required justification, and a request
// that answers one question and gives no justification.
func TestExamplePair(t *testing.T) {
	var bodies []Body
	for _, f := range []struct {
		name string
		kind schemas.Kind
	}{{"policies/audit.json", schemas.Policy}, {"requests/audit-request.json", schemas.Request}} {
		data, err := os.ReadFile(filepath.Join("testdata", "example", f.name))
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, Body{Name: f.name, Data: data, API: schemas.V1, Kind: f.kind})
	}
	var have []string
	for _, f := range Check(bodies) {
		have = append(have, fmt.Sprintf("%s:%d:%d: %s: %s [%s]", f.File, f.Line, f.Col, f.Severity, f.Message, f.Rule))
	}
	want := []string{
		"requests/audit-request.json:1:1: error: the policy in policies/audit.json:24 requires the requestor to give a justification (`isRequestorJustificationRequired`), and this request has none: add `\"justification\"` with the reason access is needed [crossfile-justification-required]",
		"requests/audit-request.json:7:3: error: question `8fe745e7-80b2-490d-bd22-4e708c77288c` (\"Which audit engagement is this for?\") is required by the policy in policies/audit.json:49 but not answered (the requestor must answer it): add an answer with `answeredQuestion.id` `8fe745e7-80b2-490d-bd22-4e708c77288c` [crossfile-required-question]",
	}
	if !reflect.DeepEqual(have, want) {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(have, "\n"), strings.Join(want, "\n"))
	}
}

func TestRuleDocs(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range RuleDocs {
		if seen[r.ID] || !strings.HasPrefix(r.ID, "crossfile-") || r.Doc == "" {
			t.Errorf("bad rule doc %+v", r)
		}
		seen[r.ID] = true
		if _, err := finding.ParseSeverity(r.Severity); err != nil {
			t.Errorf("%s: %v", r.ID, err)
		}
		if !strings.Contains(Help(r.ID), "Evidence") && r.ID != RuleDuplicatePolicyID {
			t.Errorf("%s: help without evidence", r.ID)
		}
		if Help(r.ID) == "" {
			t.Errorf("%s: no help", r.ID)
		}
	}
	if len(seen) != len(help) {
		t.Errorf("%d rule docs, %d help texts", len(seen), len(help))
	}
}
