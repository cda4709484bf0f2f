package rules

import (
	"strconv"
	"testing"

	"github.com/emlint/emlint/internal/finding"
	"github.com/tidwall/gjson"
)

func cvJSONString(s string) gjson.Result { return gjson.Parse(strconv.Quote(s)) }

// Bodies of Microsoft Graph docs examples (microsoft-graph-docs-contrib),
// which the rule must leave alone (beta examples 4-5 aside, see below).
const (
	// api-reference/v1.0/api/entitlementmanagement-post-assignmentpolicies.md, example 2
	docV1PolicyExample2 = `{
    "displayName": "policy for external access requests",
    "description": "policy for users from connected organizations to request access, with two stages of approval.",
    "allowedTargetScope": "allConfiguredConnectedOrganizationUsers",
    "specificAllowedTargets": [],
    "expiration": {"type": "noExpiration"},
    "requestorSettings": {
        "enableTargetsToSelfAddAccess": true, "enableTargetsToSelfUpdateAccess": true,
        "enableTargetsToSelfRemoveAccess": true, "allowCustomAssignmentSchedule": false,
        "enableOnBehalfRequestorsToAddAccess": false, "enableOnBehalfRequestorsToUpdateAccess": false,
        "enableOnBehalfRequestorsToRemoveAccess": false, "onBehalfRequestors": []
    },
    "requestApprovalSettings": {
        "isApprovalRequiredForAdd": true,
        "isApprovalRequiredForUpdate": false,
        "stages": [
            {
                "durationBeforeAutomaticDenial": "P14D", "isApproverJustificationRequired": false,
                "isEscalationEnabled": false, "durationBeforeEscalation": "PT0S",
                "primaryApprovers": [{"@odata.type": "#microsoft.graph.internalSponsors"}],
                "fallbackPrimaryApprovers": [
                    {"@odata.type": "#microsoft.graph.singleUser", "userId": "7deff43e-1f17-44ef-9e5f-d516b0ba11d4"},
                    {"@odata.type": "#microsoft.graph.groupMembers", "groupId": "1623f912-5e86-41c2-af47-39dd67582b66"}
                ],
                "escalationApprovers": [], "fallbackEscalationApprovers": []
            }
        ]
    },
    "reviewSettings": {
        "isEnabled": true, "expirationBehavior": "keepAccess", "isRecommendationEnabled": true,
        "isReviewerJustificationRequired": true, "isSelfReview": false,
        "schedule": {
            "startDateTime": "2022-07-02T06:59:59.998Z",
            "expiration": {"duration": "P14D", "type": "afterDuration"},
            "recurrence": {
                "pattern": {"type": "absoluteMonthly", "interval": 3, "month": 0, "dayOfMonth": 0, "daysOfWeek": []},
                "range": {"type": "noEnd", "numberOfOccurrences": 0}
            }
        },
        "primaryReviewers": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "1623f912-5e86-41c2-af47-39dd67582b66"}],
        "fallbackReviewers": []
    },
    "accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}
}`

	// api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentpolicies.md, example 3
	docBetaPolicyExample3 = `{
    "accessPackageId": "b2eba9a1-b357-42ee-83a8-336522ed6cbf",
    "displayName": "Users from connected organizations can request",
    "description": "Allow users from configured connected organizations to request and be approved by their sponsors",
    "canExtend": false,
    "durationInDays": 365,
    "expirationDateTime": null,
    "requestorSettings": {"scopeType": "AllExistingConnectedOrganizationSubjects", "acceptRequests": true},
    "requestApprovalSettings": {
        "isApprovalRequired": true, "isApprovalRequiredForExtension": false,
        "isRequestorJustificationRequired": true, "approvalMode": "SingleStage",
        "approvalStages": [{
            "approvalStageTimeOutInDays": 14, "isApproverJustificationRequired": true,
            "isEscalationEnabled": false, "escalationTimeInMinutes": 11520,
            "primaryApprovers": [
                {"@odata.type": "#microsoft.graph.groupMembers", "isBackup": true,
                 "id": "d2dcb9a1-a445-42ee-83a8-476522ed6cbf", "description": "group for users without sponsor"},
                {"@odata.type": "#microsoft.graph.externalSponsors", "isBackup": false}
            ]
        }]
    },
    "questions": [{
        "isRequired": false,
        "text": {"defaultText": "what state are you from?", "localizedTexts": [{"text": "¿De qué estado eres?", "languageCode": "es"}]},
        "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
        "choices": [{"actualValue": "AZ", "displayValue": {"localizedTexts": [{"text": "Arizona", "languageCode": "es"}]}}],
        "allowsMultipleSelection": false
    }, {
        "isRequired": false,
        "text": {"defaultText": "Who is your manager?", "localizedTexts": []},
        "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
        "isSingleLineQuestion": false
    }]
}`

	// beta create-policy example 4: sends the v1.0 expiration and the
	// undeclared isOnBehalfAllowed to the beta endpoint.
	docBetaPolicyExample4 = `{
  "displayName": "extension-policy",
  "description": "test",
  "accessPackageId": "ba5807c7-2aa9-4c8a-907e-4a17ee587500",
  "expiration": {"type": "afterDuration", "duration": "P365D"},
  "canExtend": false,
  "requestApprovalSettings": null,
  "requestorSettings": {
    "acceptRequests": true, "scopeType": "AllExistingDirectorySubjects",
    "allowedRequestors": [], "isOnBehalfAllowed": false
  },
  "accessReviewSettings": null,
  "questions": [],
  "customExtensionHandlers": [
    {"stage": "assignmentRequestCreated", "customExtension": {"id": "219f57b6-7983-45a1-be01-2c228b7a43f8"}}
  ]
}`

	// api-reference/v1.0/api/entitlementmanagement-post-assignmentrequests.md, example 3
	docV1RequestExample3 = `{
    "@odata.type": "#microsoft.graph.accessPackageAssignmentRequest",
    "requestType": "userAdd",
    "answers": [{
        "@odata.type": "#microsoft.graph.accessPackageAnswerString",
        "displayValue": "This is the answer to a multiple choice question",
        "value": "MultipleChoiceAnswerValue",
        "answeredQuestion": {"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "id": "8fe745e7-80b2-490d-bd22-4e708c77288c"}
    }],
    "assignment": {"accessPackageId": "977c7ff4-ef8f-4910-9d31-49048ddf3120"}
}`

	// api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentrequests.md, example 2
	docBetaRequestExample2 = `{
    "requestType": "UserAdd",
    "accessPackageAssignment": {
        "targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9",
        "assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8",
        "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"
    },
    "answers": [{
        "@odata.type": "#microsoft.graph.accessPackageAnswerString",
        "value": "Arizona",
        "answeredQuestion": {"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "id": "A714EC6F-4EE0-4614-BD81-37E0C5ECBBFF"}
    }]
}`
)

func TestCrossVersionProperty(t *testing.T) {
	E, W := finding.Error, finding.Warning
	runCases(t, CrossVersionProperty, []ruleCase{
		// Correct docs bodies: nothing.
		{"v1.0 docs policy example 2", V1Policy, docV1PolicyExample2, nil},
		{"beta docs policy example 3", BetaPolicy, docBetaPolicyExample3, nil},
		{"v1.0 docs request example 3", V1Request, docV1RequestExample3, nil},
		{"beta docs request example 2", BetaRequest, docBetaRequestExample2, nil},
		{"beta docs policy example 4: two warnings", BetaPolicy, docBetaPolicyExample4, []want{
			{W, "/expiration", "`durationInDays`: 365"},
			{W, "/requestorSettings/isOnBehalfAllowed", "not in the beta metadata"},
		}},

		// v1.0 policy carrying beta keys.
		{"v1.0 durationInDays 30", V1Policy, `{"durationInDays": 30}`, []want{
			{E, "/durationInDays", "`durationInDays` is beta-only; in v1.0 use `expiration`: {\"type\": \"afterDuration\", \"duration\": \"P30D\"}"},
		}},
		{"v1.0 durationInDays 0", V1Policy, `{"durationInDays": 0}`, []want{
			{E, "/durationInDays", "\"noExpiration\""},
		}},
		{"v1.0 expirationDateTime", V1Policy, `{"expirationDateTime": "2026-12-31T00:00:00Z"}`, []want{
			{E, "/expirationDateTime", "{\"type\": \"afterDateTime\", \"endDateTime\": \"2026-12-31T00:00:00Z\"}"},
		}},
		{"v1.0 accessPackageId", V1Policy, `{"accessPackageId": "56ff43fd-6b05-48df-9634-956a777fce6d"}`, []want{
			{E, "/accessPackageId", "`accessPackage`: {\"id\": \"56ff43fd-6b05-48df-9634-956a777fce6d\"}"},
		}},
		{"v1.0 canExtend and friends", V1Policy, `{"canExtend": true, "accessReviewSettings": null, "accessPackageNotificationSettings": {}, "customExtensionHandlers": [], "verifiableCredentialSettings": {}}`, []want{
			{E, "/canExtend", "enableTargetsToSelfUpdateAccess"},
			{E, "/accessReviewSettings", "`reviewSettings`"},
			{E, "/accessPackageNotificationSettings", "`notificationSettings`"},
			{E, "/customExtensionHandlers", "`customExtensionStageSettings`"},
			{E, "/verifiableCredentialSettings", "remove it"},
		}},
		{"v1.0 requestorSettings beta keys", V1Policy, `{"requestorSettings": {"scopeType": "AllExistingDirectoryMemberUsers", "acceptRequests": true, "allowedRequestors": [{"@odata.type": "#microsoft.graph.singleUser", "id": "x"}], "isOnBehalfAllowed": false}}`, []want{
			{E, "/requestorSettings/scopeType", "`allowedTargetScope` at the top level of the policy: \"allMemberUsers\""},
			{E, "/requestorSettings/acceptRequests", "`enableTargetsToSelfAddAccess`"},
			{E, "/requestorSettings/allowedRequestors", "`specificAllowedTargets`"},
			{E, "/requestorSettings/isOnBehalfAllowed", "`enableOnBehalfRequestorsToAddAccess`"},
		}},
		{"v1.0 scopeType without exact counterpart", V1Policy, `{"requestorSettings": {"scopeType": "AllExistingConnectedOrganizationSubjects"}}`, []want{
			{E, "/requestorSettings/scopeType", "\"allConfiguredConnectedOrganizationUsers\" (the nearest value"},
		}},
		{"v1.0 approval settings beta keys, reported once", V1Policy, `{"requestApprovalSettings": {"isApprovalRequired": true, "isApprovalRequiredForExtension": false, "approvalMode": "Serial",
			"approvalStages": [{"approvalStageTimeOutInDays": 14, "primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "id": "x", "isBackup": true}]}]}}`, []want{
			{E, "/requestApprovalSettings/isApprovalRequired", "`isApprovalRequiredForAdd`: true"},
			{E, "/requestApprovalSettings/isApprovalRequiredForExtension", "`isApprovalRequiredForUpdate`: false"},
			{E, "/requestApprovalSettings/approvalMode", "derives it from the number of `stages`: remove it"},
			{E, "/requestApprovalSettings/approvalStages", "use `stages`"},
		}},
		{"v1.0 stage beta timeouts", V1Policy, `{"requestApprovalSettings": {"stages": [
			{"approvalStageTimeOutInDays": 14, "escalationTimeInMinutes": 11520},
			{"escalationTimeInMinutes": 90},
			{"escalationTimeInMinutes": 0}]}}`, []want{
			{E, "/requestApprovalSettings/stages/0/approvalStageTimeOutInDays", "`durationBeforeAutomaticDenial`: \"P14D\""},
			{E, "/requestApprovalSettings/stages/0/escalationTimeInMinutes", "`durationBeforeEscalation`: \"P8D\""},
			{E, "/requestApprovalSettings/stages/1/escalationTimeInMinutes", "\"PT1H30M\""},
			{E, "/requestApprovalSettings/stages/2/escalationTimeInMinutes", "\"PT0S\""},
		}},
		{"v1.0 singleUser with id", V1Policy, `{"requestApprovalSettings": {"stages": [{"primaryApprovers": [
			{"@odata.type": "#microsoft.graph.singleUser", "id": "7deff43e-1f17-44ef-9e5f-d516b0ba11d4"}]}]}}`, []want{
			{E, "/requestApprovalSettings/stages/0/primaryApprovers/0/id", "names its principal with `userId`: \"7deff43e-1f17-44ef-9e5f-d516b0ba11d4\""},
		}},
		{"v1.0 subject-set ids by type", V1Policy, `{"specificAllowedTargets": [
			{"@odata.type": "#microsoft.graph.groupMembers", "id": "g"},
			{"@odata.type": "#microsoft.graph.connectedOrganizationMembers", "id": "c"},
			{"id": "u"},
			{"@odata.type": "#microsoft.graph.requestorManager", "id": "m"}],
			"reviewSettings": {"primaryReviewers": [{"@odata.type": "#microsoft.graph.singleUser", "id": "r"}]}}`, []want{
			{E, "/specificAllowedTargets/0/id", "`groupId`"},
			{E, "/specificAllowedTargets/1/id", "`connectedOrganizationId`"},
			{E, "/specificAllowedTargets/2/id", "according to the item's `@odata.type`"},
			{E, "/reviewSettings/primaryReviewers/0/id", "`userId`"},
		}},
		{"v1.0 isBackup", V1Policy, `{"requestApprovalSettings": {"stages": [{
			"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "u", "isBackup": true}],
			"escalationApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "u", "isBackup": false}],
			"fallbackPrimaryApprovers": [{"@odata.type": "#microsoft.graph.targetAgentIdentitySponsorsOrOwners", "isBackup": true}]}]},
			"specificAllowedTargets": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "g", "isBackup": true}]}`, []want{
			{E, "/requestApprovalSettings/stages/0/primaryApprovers/0/isBackup", "move this approver to `fallbackPrimaryApprovers`"},
			{E, "/requestApprovalSettings/stages/0/escalationApprovers/0/isBackup", "separately, in `fallbackEscalationApprovers`"},
			{E, "/specificAllowedTargets/0/isBackup", "no backup flag here"},
		}},
		{"v1.0 review settings beta keys", V1Policy, `{"reviewSettings": {"reviewerType": "Self", "recurrenceType": "quarterly", "durationInDays": 25,
			"startDateTime": "2020-04-01T07:59:59.998Z", "accessReviewTimeoutBehavior": "keepAccess", "reviewers": []}}`, []want{
			{E, "/reviewSettings/reviewerType", "`isSelfReview`: true"},
			{E, "/reviewSettings/recurrenceType", "{\"type\": \"absoluteMonthly\", \"interval\": 3}"},
			{E, "/reviewSettings/durationInDays", "\"duration\": \"P25D\""},
			{E, "/reviewSettings/startDateTime", "{\"startDateTime\": \"2020-04-01T07:59:59.998Z\"}"},
			{E, "/reviewSettings/accessReviewTimeoutBehavior", "`expirationBehavior`: \"keepAccess\""},
			{E, "/reviewSettings/reviewers", "`primaryReviewers`"},
		}},
		{"v1.0 beta question shape", V1Policy, `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
			"text": "What state?", "allowsMultipleSelection": false,
			"choices": [{"actualValue": "AZ", "displayValue": {"defaultText": "Arizona"}}]}]}`, []want{
			{E, "/questions/0/allowsMultipleSelection", "`isMultipleSelectionAllowed`: false"},
			{E, "/questions/0/choices/0/displayValue", "`text`: \"Arizona\""},
		}},
		// Near misses: the same names where v1.0 has them.
		{"v1.0 near miss: v1.0 expiration, schedule and userId", V1Policy,
			`{"expiration": {"type": "afterDuration", "duration": "P30D"}, "reviewSettings": {"schedule": {"startDateTime": "2020-04-01T00:00:00Z"}},
			  "requestApprovalSettings": {"stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "u", "description": "d"}]}]}}`, nil},

		// beta policy carrying v1.0 keys.
		{"beta expiration afterDateTime", BetaPolicy, `{"accessPackageId": "a", "expiration": {"type": "afterDateTime", "endDateTime": "2026-01-01T00:00:00Z"}}`, []want{
			{W, "/expiration", "never expire (the docs example's response shows `durationInDays`: 0); use `expirationDateTime`: \"2026-01-01T00:00:00Z\""},
		}},
		{"beta expiration with durationInDays", BetaPolicy, `{"accessPackageId": "a", "durationInDays": 30, "expiration": {"type": "afterDuration", "duration": "P30D"}}`, []want{
			{W, "/expiration", "remove it (`durationInDays`/`expirationDateTime` already set the expiry)"},
		}},
		{"beta expiration in hours", BetaPolicy, `{"expiration": {"type": "afterDuration", "duration": "PT3H"}}`, []want{
			{W, "/expiration", "whole days only"},
		}},
		{"beta expiration noExpiration", BetaPolicy, `{"expiration": {"type": "noExpiration"}}`, []want{
			{W, "/expiration", "remove it (without `durationInDays`"},
		}},
		{"beta root v1.0 keys", BetaPolicy, `{"allowedTargetScope": "allMemberUsers", "specificAllowedTargets": [], "reviewSettings": null,
			"notificationSettings": {}, "automaticRequestSettings": {}}`, []want{
			{E, "/allowedTargetScope", "`requestorSettings.scopeType`: \"AllExistingDirectoryMemberUsers\""},
			{E, "/specificAllowedTargets", "`requestorSettings.allowedRequestors`"},
			{E, "/reviewSettings", "`accessReviewSettings`"},
			{W, "/notificationSettings", "`accessPackageNotificationSettings`"},
			{E, "/automaticRequestSettings", "v1.0 `assignmentPolicies` endpoint"},
		}},
		{"beta allowedTargetScope without counterpart", BetaPolicy, `{"allowedTargetScope": "allDirectoryServicePrincipals"}`, []want{
			{E, "/allowedTargetScope", "has no beta `scopeType` counterpart"},
		}},
		{"beta accessPackage without accessPackageId", BetaPolicy, `{"accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}}`, []want{
			{W, "/accessPackage", "`accessPackageId`: \"a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b\""},
		}},
		{"beta accessPackage next to accessPackageId", BetaPolicy, `{"accessPackageId": "a", "accessPackage": {"id": "a"}}`, nil},
		{"beta requestorSettings v1.0 keys", BetaPolicy, `{"requestorSettings": {"scopeType": "NoSubjects", "enableTargetsToSelfAddAccess": true, "onBehalfRequestors": []}}`, []want{
			{E, "/requestorSettings/enableTargetsToSelfAddAccess", "`acceptRequests`"},
			{E, "/requestorSettings/onBehalfRequestors", "no counterpart"},
		}},
		{"beta approval v1.0 keys", BetaPolicy, `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "isApprovalRequiredForUpdate": false,
			"approvalStages": [{"durationBeforeAutomaticDenial": "P14D", "durationBeforeEscalation": "P8D",
				"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "u"}],
				"fallbackPrimaryApprovers": []}]}}`, []want{
			{E, "/requestApprovalSettings/isApprovalRequiredForAdd", "`isApprovalRequired`: true"},
			{E, "/requestApprovalSettings/isApprovalRequiredForUpdate", "`isApprovalRequiredForExtension`: false"},
			{E, "/requestApprovalSettings/approvalStages/0/durationBeforeAutomaticDenial", "`approvalStageTimeOutInDays`: 14"},
			{E, "/requestApprovalSettings/approvalStages/0/durationBeforeEscalation", "`escalationTimeInMinutes`: 11520"},
			{E, "/requestApprovalSettings/approvalStages/0/primaryApprovers/0/userId", "with `id`: \"u\""},
			{E, "/requestApprovalSettings/approvalStages/0/fallbackPrimaryApprovers", "`\"isBackup\": true`"},
		}},
		{"beta stages reported once", BetaPolicy, `{"requestApprovalSettings": {"stages": [{"durationBeforeAutomaticDenial": "P14D"}]}}`, []want{
			{E, "/requestApprovalSettings/stages", "`approvalStages`"},
		}},
		{"beta review and question v1.0 keys", BetaPolicy, `{"accessReviewSettings": {"isSelfReview": true, "schedule": {}, "reviewers": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "g"}]},
			"questions": [{"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "isMultipleSelectionAllowed": true, "localizations": [],
				"choices": [{"actualValue": "KE", "text": "Kenya"}]}]}`, []want{
			{E, "/accessReviewSettings/isSelfReview", "`reviewerType`: \"Self\""},
			{E, "/accessReviewSettings/schedule", "`startDateTime`, `durationInDays` and `recurrenceType`"},
			{E, "/accessReviewSettings/reviewers/0/groupId", "`id`: \"g\""},
			{E, "/questions/0/isMultipleSelectionAllowed", "`allowsMultipleSelection`: true"},
			{E, "/questions/0/localizations", "`text` is an object"},
			{E, "/questions/0/choices/0/text", "`displayValue`: {\"defaultText\": \"Kenya\"}"},
		}},

		// Requests.
		{"v1.0 request beta keys", V1Request, `{"requestType": "adminAdd", "isValidationOnly": true, "expirationDateTime": "2026-01-01T00:00:00Z",
			"requestState": "Submitted", "requestStatus": "Accepted", "completedDate": null,
			"assignment": {"targetId": "t", "target": {"type": "User"}}}`, []want{
			{E, "/isValidationOnly", "no validation-only requests"},
			{E, "/expirationDateTime", "`schedule`: {\"expiration\": {\"type\": \"afterDateTime\", \"endDateTime\": \"2026-01-01T00:00:00Z\"}}"},
			{E, "/requestState", "read-only `state`"},
			{E, "/requestStatus", "read-only `status`"},
			{E, "/completedDate", "read-only `completedDateTime`"},
			{E, "/assignment/target/type", "`subjectType`: \"user\""},
		}},
		{"v1.0 request with the beta assignment key is left to request-assignment-key", V1Request,
			`{"requestType": "UserAdd", "accessPackageAssignment": {"accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b", "target": {"type": "User"}}}`, nil},
		{"beta request v1.0 keys", BetaRequest, `{"requestType": "AdminAdd", "state": "submitted", "status": "Accepted", "completedDateTime": null,
			"accessPackageAssignment": {"target": {"subjectType": "user"}}}`, []want{
			{E, "/state", "read-only `requestState`"},
			{E, "/status", "read-only `requestStatus`"},
			{E, "/completedDateTime", "read-only `completedDate`"},
			{E, "/accessPackageAssignment/target/subjectType", "uses `type`"},
		}},
		{"beta request near misses", BetaRequest, `{"requestType": "AdminAdd", "expirationDateTime": "2026-01-01T00:00:00Z", "isValidationOnly": true,
			"schedule": {"startDateTime": "2026-01-01T00:00:00Z"}, "customExtensionCalloutInstances": [], "assignment": {"state": "x"}}`, nil},
	})
}

func TestCrossVersionTableIsConsistent(t *testing.T) {
	for shape, keys := range cvKeys {
		for _, e := range keys {
			pattern := e.pattern
			if e.severity != finding.Error && e.severity != finding.Warning {
				t.Errorf("%s %s: severity %s", shape, pattern, e.severity)
			}
			if e.evidence == "" {
				t.Errorf("%s %s: no evidence", shape, pattern)
			}
		}
	}
}

func TestCVSeconds(t *testing.T) {
	for in, want := range map[string]int64{"P14D": 14 * 86400, "PT0S": 0, "P1DT2H30M": 95400, "P2W": 14 * 86400, "pt3h": 10800} {
		got, ok := cvSeconds(cvJSONString(in))
		if !ok || got != want {
			t.Errorf("cvSeconds(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"P1M", "P1Y", "14", "P", "PT", "P1H", "PT1D", "P1DT"} {
		if _, ok := cvSeconds(cvJSONString(in)); ok {
			t.Errorf("cvSeconds(%q) accepted", in)
		}
	}
}
