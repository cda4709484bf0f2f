package migrate

import (
	"bytes"
	"encoding/json"
	"github.com/emlint/emlint/internal/graph"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/pointer"
	"github.com/emlint/emlint/schemas"
)

// absent is the expected value of a pointer the output must not have.
const absent = "<absent>"

// at returns the compact JSON of the output's value at ptr, or absent.
func at(t *testing.T, out []byte, ptr string) string {
	t.Helper()
	d, err := decode(out)
	if err != nil {
		t.Fatalf("the output is not a JSON object: %v\n%s", err, out)
	}
	var v any = d.root
	for _, tok := range pointer.Split(ptr) {
		switch c := v.(type) {
		case *object:
			var ok bool
			if v, ok = c.get(tok); !ok {
				return absent
			}
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return absent
			}
			v = c[i]
		default:
			return absent
		}
	}
	var b bytes.Buffer
	if err := json.Compact(&b, encode(v)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// wantNote is a note the migration must make: at pointer, with severity,
// and a message containing text.
type wantNote struct{ ptr, sev, text string }

type mapping struct {
	name  string
	body  string
	want  map[string]string // pointer in the output -> compact JSON, or absent
	notes []wantNote
	only  bool // the notes listed are all the notes
}

func runMappings(t *testing.T, migrate func([]byte) (Result, error), tests []mapping) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := migrate([]byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			keys := make([]string, 0, len(tt.want))
			for k := range tt.want {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, ptr := range keys {
				if got := at(t, res.Output, ptr); got != tt.want[ptr] {
					t.Errorf("%s = %s, want %s", ptr, got, tt.want[ptr])
				}
			}
			for _, w := range tt.notes {
				found := false
				for _, n := range res.Notes {
					found = found || (n.Pointer == w.ptr && n.Severity == w.sev && strings.Contains(n.Message, w.text))
				}
				if !found {
					t.Errorf("no %s note at %q containing %q", w.sev, w.ptr, w.text)
				}
			}
			if tt.only && len(res.Notes) != len(tt.notes) {
				t.Errorf("got %d notes, want %d", len(res.Notes), len(tt.notes))
			}
			if t.Failed() {
				t.Logf("output:\n%s", res.Output)
				for _, n := range res.Notes {
					t.Logf("note %q %s: %s", n.Pointer, n.Severity, n.Message)
				}
			}
		})
	}
}

// policy wraps root members of a beta policy around an access package id.
func policy(members string) string {
	if members == "" {
		return `{"accessPackageId": "56ff43fd-6b05-48df-9634-956a777fce6d"}`
	}
	return `{"accessPackageId": "56ff43fd-6b05-48df-9634-956a777fce6d", ` + members + `}`
}

func TestPolicyRoot(t *testing.T) {
	runMappings(t, Policy, []mapping{
		{name: "accessPackageId becomes accessPackage.id", body: policy(`"displayName": "d", "description": "x"`),
			want: map[string]string{"/accessPackage": `{"id":"56ff43fd-6b05-48df-9634-956a777fce6d"}`, "/accessPackageId": absent,
				"/displayName": `"d"`, "/description": `"x"`},
			only: true},
		{name: "id is kept for a PUT", body: policy(`"id": "b2eba9a1-b357-42ee-83a8-336522ed6cbf"`),
			want: map[string]string{"/id": `"b2eba9a1-b357-42ee-83a8-336522ed6cbf"`}, only: true},
		{name: "accessPackage reference without accessPackageId", body: `{"accessPackage": {"id": "a"}, "durationInDays": 1}`,
			want:  map[string]string{"/accessPackage": `{"id":"a"}`},
			notes: []wantNote{{"/accessPackage", Info, "read-only in the beta policy"}}},
		{name: "no access package at all", body: `{"displayName": "d", "durationInDays": 1}`,
			want:  map[string]string{"/accessPackage": absent},
			notes: []wantNote{{"", Warning, "names no access package"}}},
		{name: "read-only properties", body: policy(`"createdBy": "a", "createdDateTime": "2020-01-01T00:00:00Z", "modifiedBy": "b", "modifiedDateTime": "2020-01-01T00:00:00Z"`),
			want: map[string]string{"/createdBy": absent, "/createdDateTime": absent, "/modifiedBy": absent, "/modifiedDateTime": absent},
			notes: []wantNote{{"/createdBy", Info, "read-only"}, {"/createdDateTime", Info, "read-only"},
				{"/modifiedBy", Info, "read-only"}, {"/modifiedDateTime", Info, "read-only"}},
			only: true},
		{name: "an unknown property is noted and left out", body: policy(`"isEnabled": true`),
			want:  map[string]string{"/isEnabled": absent},
			notes: []wantNote{{"/isEnabled", Warning, "not a property of `accessPackageAssignmentPolicy`"}}, only: true},
		{name: "verifiable credentials", body: policy(`"verifiableCredentialSettings": {"credentialTypes": [{"credentialType": "x", "issuers": ["did:a"]}]}`),
			want:  map[string]string{"/verifiableCredentialSettings": absent},
			notes: []wantNote{{"/verifiableCredentialSettings", Warning, "cannot require a verifiable credential"}}, only: true},
		{name: "notification settings renamed", body: policy(`"accessPackageNotificationSettings": {"isAssignmentNotificationDisabled": true}`),
			want: map[string]string{"/notificationSettings": `{"isAssignmentNotificationDisabled":true}`, "/accessPackageNotificationSettings": absent},
			only: true},
		{name: "@odata.type kept", body: policy(`"@odata.type": "#microsoft.graph.accessPackageAssignmentPolicy"`),
			want: map[string]string{"/@odata.type": `"#microsoft.graph.accessPackageAssignmentPolicy"`}, only: true},
		{name: "a duplicate key is noted", body: `{"accessPackageId": "a", "displayName": "one", "displayName": "two"}`,
			want:  map[string]string{"/displayName": `"two"`},
			notes: []wantNote{{"/displayName", Warning, "named twice"}}, only: true},
	})
}

func TestPolicyExpiration(t *testing.T) {
	runMappings(t, Policy, []mapping{
		{name: "durationInDays", body: policy(`"durationInDays": 30, "expirationDateTime": null`),
			want: map[string]string{"/expiration": `{"type":"afterDuration","duration":"P30D"}`, "/durationInDays": absent, "/expirationDateTime": absent},
			only: true},
		{name: "0 days and no date never expire", body: policy(`"durationInDays": 0, "expirationDateTime": null`),
			want: map[string]string{"/expiration": `{"type":"noExpiration"}`}, only: true},
		{name: "0 days without expirationDateTime", body: policy(`"durationInDays": 0`),
			want: map[string]string{"/expiration": `{"type":"noExpiration"}`}, only: true},
		{name: "expirationDateTime", body: policy(`"durationInDays": 0, "expirationDateTime": "2030-01-01T00:00:00Z"`),
			want: map[string]string{"/expiration": `{"type":"afterDateTime","endDateTime":"2030-01-01T00:00:00Z"}`}, only: true},
		{name: "both set: durationInDays with a warning", body: policy(`"durationInDays": 7, "expirationDateTime": "2030-01-01T00:00:00Z"`),
			want:  map[string]string{"/expiration": `{"type":"afterDuration","duration":"P7D"}`},
			notes: []wantNote{{"/expirationDateTime", Warning, "which one Graph applied is undocumented"}}, only: true},
		{name: "a v1.0 expiration in a beta body is carried with a warning", body: policy(`"expiration": {"duration": "P365D", "type": "afterDuration"}`),
			want:  map[string]string{"/expiration": `{"type":"afterDuration","duration":"P365D"}`},
			notes: []wantNote{{"/expiration", Warning, "beta endpoint ignored it"}}, only: true},
		{name: "a v1.0 expiration that disagrees with durationInDays", body: policy(`"durationInDays": 10, "expiration": {"type": "afterDuration", "duration": "P365D"}`),
			want:  map[string]string{"/expiration": `{"type":"afterDuration","duration":"P10D"}`},
			notes: []wantNote{{"/expiration", Warning, "disagrees"}}, only: true},
		{name: "a fractional number of days", body: policy(`"durationInDays": 1.5`),
			want:  map[string]string{"/expiration": absent},
			notes: []wantNote{{"/durationInDays", Warning, "not a whole number of days"}}, only: true},
		{name: "canExtend true", body: policy(`"canExtend": true`),
			want:  map[string]string{"/canExtend": absent, "/requestorSettings": absent},
			notes: []wantNote{{"/canExtend", Warning, "enableTargetsToSelfUpdateAccess"}}, only: true},
		{name: "canExtend false", body: policy(`"canExtend": false`),
			want:  map[string]string{"/canExtend": absent},
			notes: []wantNote{{"/canExtend", Info, "enableTargetsToSelfUpdateAccess"}}, only: true},
	})
}

func TestPolicyScope(t *testing.T) {
	for _, m := range graph.ScopeTypes {
		body := policy(`"requestorSettings": {"scopeType": "` + m.Beta + `", "allowedRequestors": []}`)
		res, err := Policy([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		if got := at(t, res.Output, "/allowedTargetScope"); got != strconv.Quote(m.V1) {
			t.Errorf("scopeType %s: allowedTargetScope = %s, want %q", m.Beta, got, m.V1)
		}
		if got := at(t, res.Output, "/specificAllowedTargets"); got != "[]" {
			t.Errorf("scopeType %s: specificAllowedTargets = %s, want []", m.Beta, got)
		}
		warned := slices.ContainsFunc(res.Notes, func(n Note) bool { return n.Pointer == "/requestorSettings/scopeType" && n.Severity == Warning })
		if want := m.Beta == "AllExistingConnectedOrganizationSubjects"; warned != want {
			t.Errorf("scopeType %s: warning %v, want %v", m.Beta, warned, want)
		}
	}
	runMappings(t, Policy, []mapping{
		{name: "specific directory subjects", body: policy(`"requestorSettings": {"scopeType": "SpecificDirectorySubjects", "acceptRequests": true, "allowedRequestors": [
				{"@odata.type": "#microsoft.graph.singleUser", "isBackup": false, "id": "u1", "description": "a user"},
				{"@odata.type": "#microsoft.graph.groupMembers", "isBackup": false, "id": "g1"}]}`),
			want: map[string]string{
				"/allowedTargetScope":     `"specificDirectoryUsers"`,
				"/specificAllowedTargets": `[{"@odata.type":"#microsoft.graph.singleUser","userId":"u1","description":"a user"},{"@odata.type":"#microsoft.graph.groupMembers","groupId":"g1"}]`,
				"/requestorSettings":      `{"enableTargetsToSelfAddAccess":true}`,
			},
			notes: []wantNote{{"/requestorSettings/acceptRequests", Info, "nearest v1.0 counterpart"}}, only: true},
		{name: "connected organizations", body: policy(`"requestorSettings": {"scopeType": "SpecificConnectedOrganizationSubjects", "allowedRequestors": [
				{"@odata.type": "#microsoft.graph.connectedOrganizationMembers", "id": "c1", "description": "Contoso"}]}`),
			want: map[string]string{
				"/allowedTargetScope":     `"specificConnectedOrganizationUsers"`,
				"/specificAllowedTargets": `[{"@odata.type":"#microsoft.graph.connectedOrganizationMembers","connectedOrganizationId":"c1","description":"Contoso"}]`,
			},
			only: true},
		{name: "requestors an all-users scope ignores", body: policy(`"requestorSettings": {"scopeType": "AllExistingDirectorySubjects", "allowedRequestors": [
				{"@odata.type": "#microsoft.graph.singleUser", "id": "u1"}]}`),
			want:  map[string]string{"/allowedTargetScope": `"allDirectoryUsers"`, "/specificAllowedTargets": `[]`},
			notes: []wantNote{{"/requestorSettings/allowedRequestors", Warning, "ignores"}}, only: true},
		{name: "a direct-assignment policy does not take self requests", body: policy(`"requestorSettings": {"scopeType": "NoSubjects", "acceptRequests": true, "allowedRequestors": []}`),
			want:  map[string]string{"/allowedTargetScope": `"notSpecified"`, "/requestorSettings": `{"enableTargetsToSelfAddAccess":false}`},
			notes: []wantNote{{"/requestorSettings/acceptRequests", Info, "direct-assignment"}}, only: true},
		{name: "an unknown scope type", body: policy(`"requestorSettings": {"scopeType": "Everybody"}`),
			want:  map[string]string{"/allowedTargetScope": absent},
			notes: []wantNote{{"/requestorSettings/scopeType", Warning, "not a beta scope type"}}, only: true},
		{name: "isOnBehalfAllowed false", body: policy(`"requestorSettings": {"scopeType": "AllExistingDirectorySubjects", "isOnBehalfAllowed": false}`),
			want:  map[string]string{"/requestorSettings": absent},
			notes: []wantNote{{"/requestorSettings/isOnBehalfAllowed", Info, "not a property of either version"}}, only: true},
		{name: "a subject set without @odata.type", body: policy(`"requestorSettings": {"scopeType": "SpecificDirectorySubjects", "allowedRequestors": [{"id": "u1"}]}`),
			want:  map[string]string{"/specificAllowedTargets": `[]`},
			notes: []wantNote{{"/requestorSettings/allowedRequestors/0", Warning, "no `@odata.type`"}}, only: true},
		{name: "both id and userId", body: policy(`"requestorSettings": {"scopeType": "SpecificDirectorySubjects", "allowedRequestors": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "v1", "id": "beta"}]}`),
			want:  map[string]string{"/specificAllowedTargets": `[{"@odata.type":"#microsoft.graph.singleUser","userId":"beta"}]`},
			notes: []wantNote{{"/requestorSettings/allowedRequestors/0/id", Warning, "sets both `id` and `userId`"}}, only: true},
		{name: "objectId is not a beta subject key", body: policy(`"requestorSettings": {"scopeType": "SpecificDirectorySubjects", "allowedRequestors": [{"@odata.type": "#microsoft.graph.groupMembers", "objectId": "g1"}]}`),
			want:  map[string]string{"/specificAllowedTargets": `[{"@odata.type":"#microsoft.graph.groupMembers"}]`},
			notes: []wantNote{{"/requestorSettings/allowedRequestors/0/objectId", Warning, "put it in `groupId`"}}, only: true},
	})
}

// stage is a beta approval stage with the given members.
func stage(members string) string {
	return policy(`"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [{` + members + `}]}`)
}

func TestPolicyApproval(t *testing.T) {
	const user = `{"@odata.type": "#microsoft.graph.singleUser", "isBackup": false, "id": "u1"}`
	const backupUser = `{"@odata.type": "#microsoft.graph.singleUser", "isBackup": true, "id": "u2"}`
	const manager = `{"@odata.type": "#microsoft.graph.requestorManager", "isBackup": false, "managerLevel": 2}`
	const st = "/requestApprovalSettings/stages/0"
	runMappings(t, Policy, []mapping{
		{name: "approval settings renamed", body: policy(`"requestApprovalSettings": {"isApprovalRequired": false, "isApprovalRequiredForExtension": true,
				"isRequestorJustificationRequired": true, "approvalMode": "NoApproval", "approvalStages": []}`),
			want:  map[string]string{"/requestApprovalSettings": `{"isApprovalRequiredForAdd":false,"isApprovalRequiredForUpdate":true,"isRequestorJustificationRequired":true,"stages":[]}`},
			notes: []wantNote{{"/requestApprovalSettings/approvalMode", Info, "derives it from the number of `stages`"}}, only: true},
		{name: "approvalMode that contradicts the stages", body: policy(`"requestApprovalSettings": {"approvalMode": "Serial", "approvalStages": [{"primaryApprovers": [` + user + `]}]}`),
			notes: []wantNote{{"/requestApprovalSettings/approvalMode", Warning, "does not match the 1 approval stage"}}, only: true},
		{name: "stage durations and the four approver lists", body: stage(`"approvalStageTimeOutInDays": 14, "isApproverJustificationRequired": true,
				"isEscalationEnabled": true, "escalationTimeInMinutes": 11520, "approverInformationVisibility": "notVisible",
				"primaryApprovers": [` + user + `], "escalationApprovers": [{"@odata.type": "#microsoft.graph.groupMembers", "id": "g1"}]`),
			want: map[string]string{st: `{"durationBeforeAutomaticDenial":"P14D","isApproverJustificationRequired":true,"isEscalationEnabled":true,` +
				`"durationBeforeEscalation":"P8D","approverInformationVisibility":"notVisible",` +
				`"primaryApprovers":[{"@odata.type":"#microsoft.graph.singleUser","userId":"u1"}],"fallbackPrimaryApprovers":[],` +
				`"escalationApprovers":[{"@odata.type":"#microsoft.graph.groupMembers","groupId":"g1"}],"fallbackEscalationApprovers":[]}`},
			only: true},
		{name: "escalation time in hours and minutes", body: stage(`"escalationTimeInMinutes": 90, "primaryApprovers": [` + user + `]`),
			want: map[string]string{st + "/durationBeforeEscalation": `"PT1H30M"`}, only: true},
		{name: "no escalation time", body: stage(`"escalationTimeInMinutes": 0, "primaryApprovers": [` + user + `]`),
			want: map[string]string{st + "/durationBeforeEscalation": `"PT0S"`, st + "/escalationApprovers": `[]`}, only: true},
		{name: "a timeout written as a string", body: stage(`"approvalStageTimeOutInDays": "14", "primaryApprovers": [` + user + `]`),
			want:  map[string]string{st + "/durationBeforeAutomaticDenial": `"P14D"`},
			notes: []wantNote{{st[:len(st)-8] + "approvalStages/0/approvalStageTimeOutInDays", Warning, "the string \"14\""}}, only: true},
		{name: "backup approvers become fallback approvers", body: stage(`"primaryApprovers": [` + manager + `, ` + backupUser + `],
				"escalationApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}, ` + backupUser + `]`),
			want: map[string]string{
				st + "/primaryApprovers":            `[{"@odata.type":"#microsoft.graph.requestorManager","managerLevel":2}]`,
				st + "/fallbackPrimaryApprovers":    `[{"@odata.type":"#microsoft.graph.singleUser","userId":"u2"}]`,
				st + "/escalationApprovers":         `[{"@odata.type":"#microsoft.graph.requestorManager","managerLevel":1}]`,
				st + "/fallbackEscalationApprovers": `[{"@odata.type":"#microsoft.graph.singleUser","userId":"u2"}]`,
			},
			notes: []wantNote{
				{"/requestApprovalSettings/approvalStages/0/primaryApprovers/1/isBackup", Info, "moved to `fallbackPrimaryApprovers`"},
				{"/requestApprovalSettings/approvalStages/0/escalationApprovers/1/isBackup", Info, "moved to `fallbackEscalationApprovers`"},
			}, only: true},
		{name: "a list of backups only stays", body: stage(`"primaryApprovers": [` + backupUser + `]`),
			want:  map[string]string{st + "/primaryApprovers": `[{"@odata.type":"#microsoft.graph.singleUser","userId":"u2"}]`, st + "/fallbackPrimaryApprovers": `[]`},
			notes: []wantNote{{"/requestApprovalSettings/approvalStages/0/primaryApprovers/0/isBackup", Warning, "every entry"}}, only: true},
		{name: "approver types without ids", body: stage(`"primaryApprovers": [{"@odata.type": "#microsoft.graph.externalSponsors", "isBackup": false},
				{"@odata.type": "#microsoft.graph.internalSponsors"}, {"@odata.type": "#microsoft.graph.targetUserSponsors"}]`),
			want: map[string]string{st + "/primaryApprovers": `[{"@odata.type":"#microsoft.graph.externalSponsors"},{"@odata.type":"#microsoft.graph.internalSponsors"},{"@odata.type":"#microsoft.graph.targetUserSponsors"}]`},
			only: true},
		{name: "stage @odata.type renamed", body: stage(`"@odata.type": "#microsoft.graph.approvalStage", "primaryApprovers": [` + user + `]`),
			want: map[string]string{st + "/@odata.type": `"#microsoft.graph.accessPackageApprovalStage"`}, only: true},
		{name: "null approval settings", body: policy(`"requestApprovalSettings": null`),
			want: map[string]string{"/requestApprovalSettings": `null`}, only: true},
	})
}

func TestPolicyReviews(t *testing.T) {
	const rs = "/reviewSettings"
	runMappings(t, Policy, []mapping{
		{name: "review settings", body: policy(`"accessReviewSettings": {"isEnabled": true, "recurrenceType": "monthly", "reviewerType": "Reviewers",
				"startDateTime": "2030-01-01T00:00:00Z", "durationInDays": 14, "accessReviewTimeoutBehavior": "removeAccess",
				"isAccessRecommendationEnabled": false, "isApprovalJustificationRequired": true,
				"reviewers": [{"@odata.type": "#microsoft.graph.groupMembers", "isBackup": false, "id": "g1"}]}`),
			want: map[string]string{rs: `{"isEnabled":true,"expirationBehavior":"removeAccess","isRecommendationEnabled":false,"isReviewerJustificationRequired":true,` +
				`"isSelfReview":false,"schedule":{"startDateTime":"2030-01-01T00:00:00Z","expiration":{"type":"afterDuration","duration":"P14D"},` +
				`"recurrence":{"pattern":{"type":"absoluteMonthly","interval":1},"range":{"type":"noEnd"}}},` +
				`"primaryReviewers":[{"@odata.type":"#microsoft.graph.groupMembers","groupId":"g1"}],"fallbackReviewers":[]}`,
				"/accessReviewSettings": absent},
			only: true},
		{name: "self review", body: policy(`"accessReviewSettings": {"isEnabled": true, "reviewerType": "Self", "reviewers": []}`),
			want: map[string]string{rs: `{"isEnabled":true,"isSelfReview":true,"primaryReviewers":[],"fallbackReviewers":[]}`}, only: true},
		{name: "manager review", body: policy(`"accessReviewSettings": {"isEnabled": true, "reviewerType": "Manager"}`),
			want:  map[string]string{rs + "/primaryReviewers": `[{"@odata.type":"#microsoft.graph.requestorManager","managerLevel":1}]`, rs + "/isSelfReview": "false"},
			notes: []wantNote{{"/accessReviewSettings/reviewerType", Warning, "add `fallbackReviewers`"}}, only: true},
		{name: "null review settings", body: policy(`"accessReviewSettings": null`),
			want: map[string]string{rs: `null`}, only: true},
		{name: "agentic experience", body: policy(`"accessReviewSettings": {"isAgenticExperienceEnabled": true}`),
			notes: []wantNote{{"/accessReviewSettings/isAgenticExperienceEnabled", Warning, "beta-only"}}, only: true},
	})
	for beta, want := range map[string]string{
		"weekly": `{"type":"weekly","interval":1}`, "monthly": `{"type":"absoluteMonthly","interval":1}`,
		"quarterly": `{"type":"absoluteMonthly","interval":3}`, "halfyearly": `{"type":"absoluteMonthly","interval":6}`,
		"annual": `{"type":"absoluteYearly","interval":1}`, "Quarterly": `{"type":"absoluteMonthly","interval":3}`,
	} {
		res, err := Policy([]byte(policy(`"accessReviewSettings": {"recurrenceType": "` + beta + `"}`)))
		if err != nil {
			t.Fatal(err)
		}
		if got := at(t, res.Output, rs+"/schedule/recurrence/pattern"); got != want {
			t.Errorf("recurrenceType %s: pattern %s, want %s", beta, got, want)
		}
		if got := at(t, res.Output, rs+"/schedule/recurrence/range"); got != `{"type":"noEnd"}` {
			t.Errorf("recurrenceType %s: range %s", beta, got)
		}
		if warned := len(res.Notes) > 0; warned != (beta == "annual") {
			t.Errorf("recurrenceType %s: notes %v", beta, res.Notes)
		}
	}
}

func TestPolicyQuestions(t *testing.T) {
	const q = "/questions/0"
	runMappings(t, Policy, []mapping{
		{name: "multiple choice question", body: policy(`"questions": [{"id": "A714EC6F-4EE0-4614-BD81-37E0C5ECBBFF", "isRequired": true, "sequence": 1,
				"text": {"defaultText": "State?", "localizedTexts": [{"text": "¿Estado?", "languageCode": "es"}]},
				"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "allowsMultipleSelection": false,
				"choices": [{"actualValue": "AZ", "displayValue": {"defaultText": "Arizona", "localizedTexts": [{"text": "Arizona", "languageCode": "es"}]}}]}]`),
			want: map[string]string{q: `{"@odata.type":"#microsoft.graph.accessPackageMultipleChoiceQuestion","sequence":1,"isRequired":true,"text":"State?",` +
				`"localizations":[{"languageCode":"es","text":"¿Estado?"}],"isMultipleSelectionAllowed":false,` +
				`"choices":[{"actualValue":"AZ","text":"Arizona","localizations":[{"languageCode":"es","text":"Arizona"}]}]}`},
			notes: []wantNote{{"/questions/0/id", Info, "read-only"}}, only: true},
		{name: "text input question", body: policy(`"questions": [{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
				"text": {"defaultText": "Why?"}, "isSingleLineQuestion": true, "regexPattern": "[a-z]+", "isAnswerEditable": true}]`),
			want: map[string]string{q: `{"@odata.type":"#microsoft.graph.accessPackageTextInputQuestion","isAnswerEditable":true,"text":"Why?","isSingleLineQuestion":true,"regexPattern":"[a-z]+"}`},
			only: true},
		{name: "a choice without defaultText takes its first localization", body: policy(`"questions": [{"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
				"text": {"defaultText": "State?"}, "choices": [{"actualValue": "AZ", "displayValue": {"localizedTexts": [{"text": "Arizona", "languageCode": "es"}]}}]}]`),
			want:  map[string]string{q + "/choices/0": `{"actualValue":"AZ","text":"Arizona","localizations":[{"languageCode":"es","text":"Arizona"}]}`},
			notes: []wantNote{{"/questions/0/choices/0/displayValue", Warning, "no `defaultText`"}}, only: true},
		{name: "a question without @odata.type", body: policy(`"questions": [{"text": {"defaultText": "State?"}, "choices": []}]`),
			want:  map[string]string{q + "/@odata.type": `"#microsoft.graph.accessPackageMultipleChoiceQuestion"`},
			notes: []wantNote{{"/questions/0", Warning, "no `@odata.type`"}}, only: true},
	})
}

func TestPolicyCustomExtensions(t *testing.T) {
	const ext = `{"stage": "assignmentRequestCreated", "customExtension": {"id": "219f57b6-7983-45a1-be01-2c228b7a43f8"}}`
	const want = `[{"stage":"assignmentRequestCreated","customExtension":{"id":"219f57b6-7983-45a1-be01-2c228b7a43f8"}}]`
	runMappings(t, Policy, []mapping{
		{name: "stage settings kept", body: policy(`"customExtensionStageSettings": [{"id": "x", "stage": "assignmentRequestCreated", "customExtension": {"@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension", "id": "e"}}]`),
			want:  map[string]string{"/customExtensionStageSettings": `[{"stage":"assignmentRequestCreated","customExtension":{"@odata.type":"#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension","id":"e"}}]`},
			notes: []wantNote{{"/customExtensionStageSettings/0/id", Info, "read-only"}}, only: true},
		{name: "handlers become stage settings", body: policy(`"customExtensionHandlers": [` + ext + `]`),
			want:  map[string]string{"/customExtensionStageSettings": want, "/customExtensionHandlers": absent},
			notes: []wantNote{{"/customExtensionHandlers/0", Warning, "became a `customExtensionStageSetting`"}}, only: true},
		{name: "a handler the stage settings already have", body: policy(`"customExtensionHandlers": [` + ext + `], "customExtensionStageSettings": [` + ext + `]`),
			want: map[string]string{"/customExtensionStageSettings": want}},
		{name: "a handler without a stage", body: policy(`"customExtensionHandlers": [{"customExtension": {"id": "e"}}]`),
			want:  map[string]string{"/customExtensionStageSettings": absent},
			notes: []wantNote{{"/customExtensionHandlers/0", Warning, "cannot become"}}, only: true},
		{name: "emptying the handlers", body: policy(`"customExtensionHandlers": []`),
			want:  map[string]string{"/customExtensionStageSettings": absent, "/customExtensionHandlers": absent},
			notes: []wantNote{{"/customExtensionHandlers", Info, "none to remove"}}, only: true},
	})
}

func TestRequest(t *testing.T) {
	const a = `"accessPackageAssignment": {"targetId": "t", "assignmentPolicyId": "p", "accessPackageId": "ap"}`
	runMappings(t, Request, []mapping{
		{name: "assignment renamed, fields kept", body: `{"requestType": "AdminAdd", ` + a + `, "justification": "why", "parameters": {"bypassApproval": true}}`,
			want: map[string]string{"/requestType": `"adminAdd"`, "/assignment": `{"targetId":"t","assignmentPolicyId":"p","accessPackageId":"ap"}`,
				"/accessPackageAssignment": absent, "/justification": `"why"`, "/parameters": `{"bypassApproval":true}`},
			only: true},
		{name: "target type becomes subjectType", body: `{"requestType": "AdminAdd", "accessPackageAssignment": {"assignmentPolicyId": "p", "accessPackageId": "ap",
				"target": {"email": "user@contoso.com", "displayName": "U", "objectId": "o", "type": "User"}}}`,
			want: map[string]string{"/assignment/target": `{"objectId":"o","displayName":"U","email":"user@contoso.com","subjectType":"user"}`}, only: true},
		{name: "isValidationOnly true", body: `{"requestType": "UserAdd", "isValidationOnly": true, ` + a + `}`,
			want:  map[string]string{"/isValidationOnly": absent},
			notes: []wantNote{{"/isValidationOnly", Warning, "creates the request for real"}}, only: true},
		{name: "isValidationOnly false", body: `{"requestType": "UserAdd", "isValidationOnly": false, ` + a + `}`,
			notes: []wantNote{{"/isValidationOnly", Info, "beta-only"}}, only: true},
		{name: "expirationDateTime becomes schedule.expiration", body: `{"requestType": "UserAdd", ` + a + `, "expirationDateTime": "2030-01-01T00:00:00Z"}`,
			want: map[string]string{"/schedule": `{"expiration":{"type":"afterDateTime","endDateTime":"2030-01-01T00:00:00Z"}}`}, only: true},
		{name: "expirationDateTime joins a schedule", body: `{"requestType": "UserAdd", ` + a + `, "expirationDateTime": "2030-01-01T00:00:00Z",
				"schedule": {"startDateTime": "2029-01-01T00:00:00Z"}}`,
			want: map[string]string{"/schedule": `{"startDateTime":"2029-01-01T00:00:00Z","expiration":{"type":"afterDateTime","endDateTime":"2030-01-01T00:00:00Z"}}`}, only: true},
		{name: "expirationDateTime against a schedule's expiration", body: `{"requestType": "UserAdd", ` + a + `, "expirationDateTime": "2030-01-01T00:00:00Z",
				"schedule": {"expiration": {"type": "afterDuration", "duration": "P30D"}}}`,
			want:  map[string]string{"/schedule": `{"expiration":{"type":"afterDuration","duration":"P30D"}}`},
			notes: []wantNote{{"/expirationDateTime", Warning, "already has an `expiration`"}}, only: true},
		{name: "answers kept", body: `{"requestType": "UserAdd", ` + a + `, "answers": [{"@odata.type": "#microsoft.graph.accessPackageAnswerString", "value": "AZ",
				"answeredQuestion": {"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "id": "q"}}]}`,
			want: map[string]string{"/answers": `[{"@odata.type":"#microsoft.graph.accessPackageAnswerString","value":"AZ","answeredQuestion":{"@odata.type":"#microsoft.graph.accessPackageMultipleChoiceQuestion","id":"q"}}]`},
			only: true},
		{name: "the assignment's schedule moves to the request", body: `{"requestType": "AdminAdd", "accessPackageAssignment": {"targetId": "t", "schedule": {"startDateTime": "2030-01-01T00:00:00Z"}}}`,
			want:  map[string]string{"/schedule": `{"startDateTime":"2030-01-01T00:00:00Z"}`, "/assignment": `{"targetId":"t"}`},
			notes: []wantNote{{"/accessPackageAssignment/schedule", Warning, "moved to the request's own `schedule`"}}, only: true},
		{name: "navigation references become ids", body: `{"requestType": "AdminAdd", "accessPackageAssignment": {"targetId": "t",
				"accessPackage": {"id": "ap"}, "accessPackageAssignmentPolicy": {"id": "p"}}}`,
			want: map[string]string{"/assignment": `{"targetId":"t","assignmentPolicyId":"p","accessPackageId":"ap"}`},
			notes: []wantNote{{"/accessPackageAssignment/accessPackage", Info, "became `accessPackageId`"},
				{"/accessPackageAssignment/accessPackageAssignmentPolicy", Info, "became `assignmentPolicyId`"}}, only: true},
		{name: "read-only request properties", body: `{"id": "r", "requestState": "Submitted", "requestStatus": "Accepted", "requestType": "UserAdd", ` + a + `}`,
			want:  map[string]string{"/id": absent, "/requestState": absent, "/requestStatus": absent},
			notes: []wantNote{{"/id", Info, "read-only"}, {"/requestState", Info, "read-only"}, {"/requestStatus", Info, "read-only"}}, only: true},
		{name: "a key in the wrong case", body: `{"requestType": "UserAdd", ` + a + `, "answers": [{"@odata.type": "#microsoft.graph.accessPackageAnswerString", "Value": "x"}]}`,
			want:  map[string]string{"/answers/0": `{"@odata.type":"#microsoft.graph.accessPackageAnswerString"}`},
			notes: []wantNote{{"/answers/0/Value", Warning, "did you mean `value`? (keys are case-sensitive)"}}, only: true},
		{name: "stopDateTime in a schedule", body: `{"requestType": "UserAdd", ` + a + `, "schedule": {"startDateTime": "2030-01-01T00:00:00Z", "stopDateTime": "2030-02-01T00:00:00Z"}}`,
			want:  map[string]string{"/schedule": `{"startDateTime":"2030-01-01T00:00:00Z","expiration":{"type":"afterDateTime","endDateTime":"2030-02-01T00:00:00Z"}}`},
			notes: []wantNote{{"/schedule/stopDateTime", Warning, "became `expiration`"}}, only: true},
		{name: "an unknown property", body: `{"requestType": "UserAdd", ` + a + `, "comment": "x"}`,
			notes: []wantNote{{"/comment", Warning, "not a property of `accessPackageAssignmentRequest`"}}, only: true},
	})
}

func TestRequestTypes(t *testing.T) {
	for beta, m := range requestTypes {
		res, err := Request([]byte(`{"requestType": "` + beta + `", "accessPackageAssignment": {"id": "x"}}`))
		if err != nil {
			t.Fatal(err)
		}
		if got := at(t, res.Output, "/requestType"); got != strconv.Quote(m.v1) {
			t.Errorf("%s became %s, want %q", beta, got, m.v1)
		}
		noted := slices.ContainsFunc(res.Notes, func(n Note) bool { return n.Pointer == "/requestType" })
		if noted != (m.note != "") {
			t.Errorf("%s: noted %v, want %v: %v", beta, noted, m.note != "", res.Notes)
		}
	}
	for beta, want := range map[string]string{"UserExtend": "userUpdate", "SystemRemove": "systemRemove", "ApproverRemove": "approverRemove"} {
		if requestTypes[beta].v1 != want || requestTypes[beta].sev != Warning {
			t.Errorf("%s: %+v, want %s with a warning", beta, requestTypes[beta], want)
		}
	}
	res, err := Request([]byte(`{"requestType": "UserRenew", "accessPackageAssignment": {"id": "x"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := at(t, res.Output, "/requestType"); got != `"userRenew"` || len(res.Notes) != 1 || res.Notes[0].Severity != Warning {
		t.Errorf("an unknown request type: %s %v", got, res.Notes)
	}
}

func TestErrors(t *testing.T) {
	for _, tt := range []struct {
		name, body, want string
		request          bool
	}{
		{"syntax", "{\n  \"accessPackageId\": \"a\",\n}", "not valid JSON: line 3, column 1", false},
		{"array", `[{"accessPackageId": "a"}]`, "not a JSON object", false},
		{"string", `"x"`, "not a JSON object", true},
		{"empty", ``, "not valid JSON", false},
		{"v1.0 policy", `{"accessPackage": {"id": "a"}, "allowedTargetScope": "allMemberUsers", "expiration": {"type": "noExpiration"}}`, "already the v1.0 shape", false},
		{"mostly v1.0 policy", `{"accessPackage": {"id": "a"}, "allowedTargetScope": "allMemberUsers", "durationInDays": 3}`, "already mostly the v1.0 shape", false},
		{"v1.0 request", `{"requestType": "adminAdd", "assignment": {"id": "a"}}`, "already the v1.0 shape", true},
		{"a request given to Policy", `{"requestType": "AdminAdd", "accessPackageAssignment": {"id": "a"}}`, "not an assignment policy", false},
		{"a policy given to Request", `{"accessPackageId": "a", "durationInDays": 3}`, "not an assignment request", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := Policy
			if tt.request {
				f = Request
			}
			_, err := f([]byte(tt.body))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestV1ExamplesRefused gives every v1.0 example policy to Policy and every
// v1.0 request to Request: each is refused, except the requests Microsoft's
// docs write in the legacy beta shape (testdata/examples/needs-api-flag.txt)
// and those that mix a v1.0 `assignment` with a PascalCase requestType,
// which are migrated.
func TestV1ExamplesRefused(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "examples", "*", "v1.0", "*", "*.json"))
	if len(paths) == 0 {
		t.Fatal("no v1.0 examples")
	}
	refused := 0
	for _, p := range paths {
		body, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		kind := schemas.Kind(filepath.Base(filepath.Dir(p)))
		_, err = migrateKind(kind, body)
		if err != nil {
			refused++
			if !strings.Contains(err.Error(), "v1.0 shape") {
				t.Errorf("%s: %v", p, err)
			}
			continue
		}
		if kind == schemas.Policy {
			t.Errorf("%s: a v1.0 policy was migrated, want it refused", p)
		}
	}
	if refused < len(paths)/2 {
		t.Errorf("only %d of %d v1.0 examples refused", refused, len(paths))
	}
}

// TestDeterministic migrates each example many times: the output and the
// notes never change.
func TestDeterministic(t *testing.T) {
	for _, ex := range betaExamples(t) {
		input, err := os.ReadFile(ex.path)
		if err != nil {
			t.Fatal(err)
		}
		first, err := migrateKind(ex.kind, input)
		if err != nil {
			t.Fatal(err)
		}
		for range 20 {
			again, err := migrateKind(ex.kind, input)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Output, again.Output) || !slices.Equal(first.Notes, again.Notes) {
				t.Fatalf("%s: two migrations differ", ex.rel)
			}
		}
		// Migrating the output of a migration is refused: it is v1.0 now.
		if _, err := migrateKind(ex.kind, first.Output); err == nil && len(bytes.TrimSpace(first.Output)) > 2 {
			if res, _ := migrateKind(ex.kind, first.Output); !bytes.Equal(res.Output, first.Output) {
				t.Errorf("%s: the v1.0 output was migrated again and changed", ex.rel)
			}
		}
	}
}

func TestKeyOrder(t *testing.T) {
	res, err := Policy([]byte(`{"questions": [], "accessReviewSettings": null, "requestApprovalSettings": null, "requestorSettings": {"scopeType": "AllExistingDirectorySubjects", "acceptRequests": true},
		"durationInDays": 3, "accessPackageId": "a", "description": "d", "displayName": "n", "id": "i", "customExtensionStageSettings": []}`))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	d, _ := decode(res.Output)
	for _, m := range d.root.members {
		keys = append(keys, m.key)
	}
	want := []string{"id", "displayName", "description", "allowedTargetScope", "specificAllowedTargets", "expiration",
		"requestorSettings", "requestApprovalSettings", "reviewSettings", "questions", "accessPackage", "customExtensionStageSettings"}
	if !slices.Equal(keys, want) {
		t.Errorf("keys %v\nwant %v", keys, want)
	}
	if !bytes.HasPrefix(res.Output, []byte("{\n  \"id\": \"i\",\n  \"displayName\"")) || !bytes.HasSuffix(res.Output, []byte("}\n")) {
		t.Errorf("not indented by two spaces:\n%s", res.Output)
	}
}

func TestBody(t *testing.T) {
	for _, tt := range []struct {
		body string
		kind schemas.Kind
		err  string
	}{
		{`{"accessPackageId": "a", "durationInDays": 1}`, schemas.Policy, ""},
		{`{"requestType": "UserAdd", "accessPackageAssignment": {"accessPackageId": "a"}}`, schemas.Request, ""},
		{`{"name": "package.json"}`, "", "no entitlement-management property"},
	} {
		_, kind, err := Body([]byte(tt.body), "")
		if kind != tt.kind || (err == nil) != (tt.err == "") || (err != nil && !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("Body(%s) = %q, %v; want %q, %q", tt.body, kind, err, tt.kind, tt.err)
		}
	}
}

func TestLocator(t *testing.T) {
	input := []byte("{\n  \"accessPackageId\": \"a\",\n  \"canExtend\": true,\n  \"requestorSettings\": {\"scopeType\": \"Nope\"}\n}\n")
	res, err := Policy(input)
	if err != nil {
		t.Fatal(err)
	}
	loc := NewLocator(input)
	var lines []string
	for _, n := range res.Notes {
		lines = append(lines, loc.Format("p.json", n))
	}
	want := []string{
		"p.json:3:3: warning: `canExtend` has no v1.0 property",
		"p.json:4:25: warning: `scopeType` \"Nope\" is not a beta scope type",
	}
	if len(lines) != len(want) {
		t.Fatalf("got %q", lines)
	}
	for i := range want {
		if !strings.HasPrefix(lines[i], want[i]) || !strings.HasSuffix(lines[i], " [migrate]") {
			t.Errorf("got %q, want %q...", lines[i], want[i])
		}
	}
	if p := loc.Position("/no/such/member"); p.Line != 1 || p.Col != 1 {
		t.Errorf("a pointer not in the input: %v, want the root", p)
	}
}

func TestEncodeKeepsText(t *testing.T) {
	res, err := Policy([]byte(`{"accessPackageId": "a", "description": "<b>&</b> ¿qué? \u2028 \"q\""}`))
	if err != nil {
		t.Fatal(err)
	}
	want := `"description": "<b>&</b> ¿qué? \u2028 \"q\""`
	if !bytes.Contains(res.Output, []byte(want)) {
		t.Errorf("output %s, want it to contain %s", res.Output, want)
	}
	var v any
	if err := json.Unmarshal(res.Output, &v); err != nil {
		t.Error(err)
	}
}
