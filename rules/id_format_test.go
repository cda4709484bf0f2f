package rules

import (
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestIDFormat(t *testing.T) {
	E, W := finding.Error, finding.Warning
	runCases(t, IDFormat, []ruleCase{
		// Correct docs bodies (see cross_version_property_test.go): nothing.
		{"v1.0 docs policy example 2", V1Policy, docV1PolicyExample2, nil},
		{"beta docs policy example 3", BetaPolicy, docBetaPolicyExample3, nil},
		{"beta docs policy example 4", BetaPolicy, docBetaPolicyExample4, nil},
		{"v1.0 docs request example 3", V1Request, docV1RequestExample3, nil},
		{"beta docs request example 2 (upper-case question ids)", BetaRequest, docBetaRequestExample2, nil},

		// Defects of Microsoft's own examples.
		{"q1dbd9a1 (beta update-policy example)", BetaPolicy, `{"requestApprovalSettings": {"approvalStages": [{"escalationApprovers": [
			{"@odata.type": "#microsoft.graph.singleUser", "isBackup": true, "id": "q1dbd9a1-a445-42ee-83a8-476522ed6cbf"}]}]}}`, []want{
			{E, "/requestApprovalSettings/approvalStages/0/escalationApprovers/0/id",
				"`id` \"q1dbd9a1-a445-42ee-83a8-476522ed6cbf\" is not a GUID: 'q' at character 1 is not a hexadecimal digit"},
		}},
		{"13-digit last group (beta update-policy example)", BetaPolicy, `{"requestApprovalSettings": {"approvalStages": [{"primaryApprovers": [
			{"@odata.type": "#microsoft.graph.groupMembers", "id": "F66D2511-33E1-44C6-8513-DD5B480D01C4f"}]}]}}`, []want{
			{E, "/requestApprovalSettings/approvalStages/0/primaryApprovers/0/id", "group 5 has 13 characters, want 12"},
		}},
		{"string (identifier) (beta create-policy example 2)", BetaPolicy, `{"accessPackageId": "string (identifier)",
			"requestApprovalSettings": {"approvalStages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.groupMembers", "id": "String (identifier)"}]}]}}`, []want{
			{E, "/accessPackageId", "`accessPackageId` is a placeholder (\"string (identifier)\"): put the access package's id, a GUID such as \"d3f1b6a0-"},
			{E, "/requestApprovalSettings/approvalStages/0/primaryApprovers/0/id", "put the group's object id"},
		}},

		// Placeholders.
		{"nil GUID", V1Policy, `{"specificAllowedTargets": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "00000000-0000-0000-0000-000000000000"}]}`, []want{
			{E, "/specificAllowedTargets/0/userId", "`userId` is the nil GUID, which names no object: put the user's object id"},
		}},
		{"x groups, angle brackets, key-value, template, variable, ellipsis", V1Request, `{"assignment": {
			"targetId": "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
			"assignmentPolicyId": "<policy-guid>",
			"accessPackageId": "accessPackageId-value",
			"target": {"objectId": "{{userObjectId}}"}},
			"answers": [{"answeredQuestion": {"id": "$questionId"}}, {"answeredQuestion": {"id": "8fe745e7-..."}}]}`, []want{
			{E, "/assignment/targetId", "a placeholder (\"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\"): put the target user's object id"},
			{E, "/assignment/assignmentPolicyId", "a placeholder (\"<policy-guid>\"): put the assignment policy's id"},
			{E, "/assignment/accessPackageId", "a placeholder (\"accessPackageId-value\")"},
			{E, "/assignment/target/objectId", "a template placeholder (\"{{userObjectId}}\"): put the subject's object id"},
			{E, "/answers/0/answeredQuestion/id", "an unexpanded variable (\"$questionId\"): put the question's id"},
			{E, "/answers/1/answeredQuestion/id", "an elided placeholder"},
		}},
		{"TODO and string", BetaPolicy, `{"accessPackageId": "TODO", "customExtensionHandlers": [{"customExtension": {"id": "string"}}]}`, []want{
			{E, "/accessPackageId", "a placeholder (\"TODO\")"},
			{E, "/customExtensionHandlers/0/customExtension/id", "a placeholder (\"string\"): put the custom extension's id"},
		}},
		{"empty strings", V1Request, `{"id": "", "requestType": "adminAdd", "assignment": {"id": "", "accessPackageId": "", "targetId": "  "}}`, []want{
			{W, "/id", "`id` is empty: remove it (Graph assigns ids on create)"},
			{W, "/assignment/id", "`id` is empty"},
			{E, "/assignment/accessPackageId", "`accessPackageId` is empty: put the access package's id"},
			{E, "/assignment/targetId", "`targetId` is blank"},
		}},

		// Malformed GUIDs.
		{"braces", V1Policy, `{"accessPackage": {"id": "{a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b}"}}`, []want{
			{E, "/accessPackage/id", "without braces: use \"a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b\""},
		}},
		{"no hyphens", V1Policy, `{"accessPackage": {"id": "a2e1ca1e4e5647d29daae2ba8d12a82b"}}`, []want{
			{E, "/accessPackage/id", "no hyphens: write it as \"a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b\""},
		}},
		{"spaces around", V1Policy, `{"accessPackage": {"id": " a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}}`, []want{
			{E, "/accessPackage/id", "spaces around it"},
		}},
		{"user principal name", V1Request, `{"assignment": {"targetId": "user@contoso.com"}}`, []want{
			{E, "/assignment/targetId", "user principal name or e-mail address"},
		}},
		{"group of wrong length", V1Policy, `{"specificAllowedTargets": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "1623f912-5e86-41c2a-af47-39dd67582b66"}]}`, []want{
			{E, "/specificAllowedTargets/0/groupId", "group 3 has 5 characters, want 4"},
		}},
		{"not a GUID at all", V1Policy, `{"specificAllowedTargets": [{"@odata.type": "#microsoft.graph.connectedOrganizationMembers", "connectedOrganizationId": "contoso"}]}`, []want{
			{E, "/specificAllowedTargets/0/connectedOrganizationId", "it has 1 group of characters between hyphens, want 5 (8-4-4-4-12 hexadecimal digits); 'o' at character 2 is not a hexadecimal digit"},
		}},
		{"every id key is checked", V1Policy, `{"catalogId": "c", "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.singleServicePrincipal", "servicePrincipalId": "s"}],
			"customExtensionStageSettings": [{"id": "z", "customExtension": {"id": "219f57b6-7983-45a1-be01-2c228b7a43f8"}}]}`, []want{
			{E, "/catalogId", "not a GUID"},
			{E, "/specificAllowedTargets/0/servicePrincipalId", "not a GUID"},
			{E, "/customExtensionStageSettings/0/id", "'z' at character 1"},
		}},
		{"customExtensionId", BetaRequest, `{"accessPackageAssignment": {"customExtensionCalloutInstances": [{"customExtensionId": "nope", "id": "callout-1"}]}}`, []want{
			{E, "/accessPackageAssignment/customExtensionCalloutInstances/0/customExtensionId", "'n' at character 1"},
		}},

		// Near misses.
		{"upper-case, lower-case and mixed-case GUIDs", BetaRequest, `{"id": "7E382D02-4454-436B-B700-59C7DD77F466", "accessPackageAssignment": {
			"targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9", "accessPackageId": "A914b616-E04e-476b-aa37-91038f0b165b"}}`, nil},
		{"null, numbers and non-GUID ids are left alone", V1Request, `{"id": null, "assignment": {"accessPackageId": null, "targetId": 12},
			"customExtensionCalloutInstances": [{"id": "callout-1", "externalCorrelationId": "abc", "customExtensionId": "219f57b6-7983-45a1-be01-2c228b7a43f8"}],
			"answers": [{"answeredQuestion": {"id": "8fe745e7-80b2-490d-bd22-4e708c77288c"}}]}`, nil},
		{"resourceId may be an app id URI", V1Policy, `{"customExtensionStageSettings": [{"customExtension": {"id": "219f57b6-7983-45a1-be01-2c228b7a43f8",
			"authenticationConfiguration": {"@odata.type": "#microsoft.graph.azureAdTokenAuthentication", "resourceId": "api://contoso-logic-app"}}}]}`, nil},
		{"other keys with id-like names are not checked", BetaRequest, `{"accessPackageAssignment": {"target": {"altSecId": "x", "onPremisesSecurityIdentifier": "S-1-5-21-1", "email": "a@b.c"}}}`, nil},
	})
}

// The fast path must agree with the full check on what a GUID is.
func TestIDFBareGUID(t *testing.T) {
	for _, s := range []string{
		"d3f1b6a0-5c4e-4f2a-9b1d-7e8c6a2f0b13", "D3F1B6A0-5C4E-4F2A-9B1D-7E8C6A2F0B13",
		" d3f1b6a0-5c4e-4f2a-9b1d-7e8c6a2f0b13", "{d3f1b6a0-5c4e-4f2a-9b1d-7e8c6a2f0b13}",
		"d3f1b6a05c4e4f2a9b1d7e8c6a2f0b13", "d3f1b6a0-5c4e-4f2a-9b1d-7e8c6a2f0b1g",
		"d3f1b6a0-5c4e-4f2a9-b1d-7e8c6a2f0b13", "", "x",
	} {
		if got, want := idfBareGUID(s), idfIsGUID(s) && strings.TrimSpace(s) == s; got != want {
			t.Errorf("idfBareGUID(%q) = %v, idfIsGUID says %v", s, got, want)
		}
	}
}
