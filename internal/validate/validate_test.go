package validate

import (
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/schemas"
)

func check(t *testing.T, api schemas.API, kind schemas.Kind, body string) []finding.Finding {
	t.Helper()
	r, err := jsonparse.Parse([]byte(body))
	if err != nil {
		t.Fatalf("bad test body: %v", err)
	}
	fs, err := Validate(api, kind, body, r.Nodes, len(r.Duplicates) > 0)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestMessages(t *testing.T) {
	cases := []struct {
		name      string
		api       schemas.API
		kind      schemas.Kind
		body      string
		rule, ptr string
		target    finding.Target
		contains  string
	}{
		{"typo with suggestion", schemas.V1, schemas.Policy,
			`{"displayNmae": "x", "accessPackage": {"id": "a"}}`,
			RuleUnknownProperty, "/displayNmae", finding.Key, "did you mean `displayName`?"},
		{"casing of a key", schemas.V1, schemas.Request,
			`{"requestType": "adminAdd", "assignment": {}, "Justification": "x"}`,
			RuleUnknownProperty, "/Justification", finding.Key, "did you mean `justification`?"},
		{"unknown inside a subtype names the type", schemas.V1, schemas.Policy,
			`{"accessPackage": {"id": "a"}, "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.singleUser", "userID": "u"}]}`,
			RuleUnknownProperty, "/specificAllowedTargets/0/userID", finding.Key, "in singleUser: did you mean `userId`?"},
		{"missing odata type", schemas.V1, schemas.Policy,
			`{"accessPackage": {"id": "a"}, "specificAllowedTargets": [{"userId": "u"}]}`,
			RuleODataType, "/specificAllowedTargets/0", finding.Start, "#microsoft.graph.singleUser"},
		{"odata type typo", schemas.V1, schemas.Policy,
			`{"accessPackage": {"id": "a"}, "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.singleuser", "userId": "u"}]}`,
			RuleODataType, "/specificAllowedTargets/0/@odata.type", finding.Value, "did you mean `\"#microsoft.graph.singleUser\"`?"},
		{"enum with suggestion", schemas.V1, schemas.Policy,
			`{"accessPackage": {"id": "a"}, "allowedTargetScope": "allMemberUser"}`,
			RuleEnum, "/allowedTargetScope", finding.Value, "did you mean `\"allMemberUsers\"`?"},
		{"type", schemas.Beta, schemas.Policy,
			`{"accessPackageId": "a", "durationInDays": "thirty"}`,
			RuleType, "/durationInDays", finding.Value, "must be an integer"},
		{"nullable object given a string", schemas.V1, schemas.Policy,
			`{"accessPackage": {"id": "a"}, "expiration": "P30D"}`,
			RuleType, "/expiration", finding.Value, "must be an object or null, not a string"},
		{"required", schemas.V1, schemas.Policy,
			`{"displayName": "x"}`,
			RuleRequired, "", finding.Start, "lacks `accessPackage`"},
		{"duration format", schemas.V1, schemas.Policy,
			`{"accessPackage": {"id": "a"}, "expiration": {"type": "afterDuration", "duration": "30 days"}}`,
			RuleFormat, "/expiration/duration", finding.Value, "ISO 8601 duration"},
		{"range", schemas.V1, schemas.Policy,
			`{"accessPackage": {"id": "a"}, "requestApprovalSettings": {"stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 3}]}]}}`,
			RuleRange, "/requestApprovalSettings/stages/0/primaryApprovers/0/managerLevel", finding.Value, "above the maximum 2"},
		{"null collection", schemas.V1, schemas.Policy,
			`{"accessPackage": {"id": "a"}, "specificAllowedTargets": null}`,
			RuleType, "/specificAllowedTargets", finding.Value, "must be an array, not null"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := check(t, c.api, c.kind, c.body)
			if len(fs) != 1 {
				t.Fatalf("want 1 finding, got %d: %+v", len(fs), fs)
			}
			f := fs[0]
			if f.Rule != c.rule || f.Pointer != c.ptr || f.Target != c.target || !strings.Contains(f.Message, c.contains) {
				t.Errorf("got %s %q target %d: %s\nwant %s %q target %d containing %q", f.Rule, f.Pointer, f.Target, f.Message, c.rule, c.ptr, c.target, c.contains)
			}
		})
	}
}

func TestValidBodies(t *testing.T) {
	for _, c := range []struct {
		api  schemas.API
		kind schemas.Kind
		body string
	}{
		{schemas.V1, schemas.Policy, `{"displayName": "p", "description": "d", "allowedTargetScope": "allMemberUsers", "specificAllowedTargets": [], "expiration": {"type": "afterDuration", "duration": "P365D"}, "requestorSettings": {"enableTargetsToSelfAddAccess": true}, "requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"durationBeforeAutomaticDenial": "P14D", "primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11"}], "escalationApprovers": []}]}, "accessPackage": {"id": "e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11"}}`},
		{schemas.Beta, schemas.Policy, `{"accessPackageId": "e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11", "displayName": "p", "durationInDays": 365, "requestorSettings": {"scopeType": "AllExistingDirectoryMemberUsers", "acceptRequests": true, "allowedRequestors": []}, "requestApprovalSettings": {"isApprovalRequired": false, "approvalMode": "NoApproval", "approvalStages": []}}`},
		{schemas.V1, schemas.Request, `{"requestType": "adminAdd", "assignment": {"targetId": "a", "assignmentPolicyId": "b", "accessPackageId": "c"}}`},
		{schemas.Beta, schemas.Request, `{"requestType": "AdminAdd", "accessPackageAssignment": {"targetId": "a", "assignmentPolicyId": "b", "accessPackageId": "c"}}`},
	} {
		if fs := check(t, c.api, c.kind, c.body); len(fs) > 0 {
			t.Errorf("%s %s: want no findings, got %+v", c.api, c.kind, fs)
		}
	}
}

// A body is data, not a schema: a "$ref" in it is just an unknown property.
func TestRefInBodyIsNotFollowed(t *testing.T) {
	fs := check(t, schemas.V1, schemas.Policy, `{"accessPackage": {"id": "a"}, "$ref": "file:///etc/passwd"}`)
	if len(fs) != 1 || fs[0].Rule != RuleUnknownProperty {
		t.Fatalf("got %+v", fs)
	}
}

func TestQuotedScalarsAreWarnings(t *testing.T) {
	fs := check(t, schemas.V1, schemas.Policy, `{"accessPackage": {"id": "a"}, "requestorSettings": {"enableTargetsToSelfAddAccess": "true"}, "questions": [{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "sequence": "1"}]}`)
	if len(fs) != 2 {
		t.Fatalf("got %+v", fs)
	}
	for _, f := range fs {
		if f.Severity != finding.Warning || f.Rule != RuleType || !strings.Contains(f.Message, "without quotes") {
			t.Errorf("got %+v", f)
		}
	}
	fs = check(t, schemas.V1, schemas.Policy, `{"accessPackage": {"id": "a"}, "requestorSettings": {"enableTargetsToSelfAddAccess": "yes"}}`)
	if len(fs) != 1 || fs[0].Severity != finding.Error {
		t.Errorf("a string that is no boolean stays an error: %+v", fs)
	}
}

func TestODataTypeOnConcreteType(t *testing.T) {
	fs := check(t, schemas.V1, schemas.Policy, `{"accessPackage": {"id": "a"}, "expiration": {"@odata.type": "#microsoft.graph.expirationPatern", "type": "noExpiration"}}`)
	if len(fs) != 1 || fs[0].Rule != RuleODataType || !strings.Contains(fs[0].Message, "this object is an expirationPattern: use `\"#microsoft.graph.expirationPattern\"`") {
		t.Fatalf("got %+v", fs)
	}
}

func TestReferencesNeedNoRequiredProperties(t *testing.T) {
	// customExtension is typed as an abstract type, and accessPackageAssignmentPolicy
	// requires accessPackage: neither applies to a reference by id.
	fs := check(t, schemas.V1, schemas.Policy, `{"accessPackage": {"id": "a"}, "customExtensionStageSettings": [{"stage": "assignmentRequestCreated", "customExtension": {"id": "x"}}]}`)
	if len(fs) != 0 {
		t.Errorf("got %+v", fs)
	}
	fs = check(t, schemas.V1, schemas.Policy, `{"id": "a"}`)
	if len(fs) != 1 || fs[0].Rule != RuleRequired {
		t.Errorf("the root is never a reference: %+v", fs)
	}
	fs = check(t, schemas.V1, schemas.Policy, `{"accessPackage": {"id": "a"}, "customExtensionStageSettings": [{"stage": "assignmentRequestCreated", "customExtension": {"id": "x", "displayName": "y"}}]}`)
	if len(fs) != 1 || fs[0].Rule != RuleODataType || strings.Contains(fs[0].Message, "`microsoft.graph.") {
		t.Errorf("an inline object needs its type, and the hint lists only #-prefixed names: %+v", fs)
	}
}

func TestDocsDeviationIsWarning(t *testing.T) {
	fs := check(t, schemas.V1, schemas.Request, `{"requestType": "userAdd", "assignment": {"accessPackageId": "a", "schedule": {"startDateTime": "2026-01-01T00:00:00Z", "stopDateTime": "2026-02-01T00:00:00Z"}}}`)
	if len(fs) != 1 || fs[0].Severity != finding.Warning || !strings.Contains(fs[0].Message, "schedule.expiration") {
		t.Errorf("got %+v", fs)
	}
	fs = check(t, schemas.V1, schemas.Request, `{"requestType": "userAdd", "schedule": {"stopDateTime": "2026-02-01T00:00:00Z"}}`)
	if len(fs) != 1 || fs[0].Severity != finding.Error {
		t.Errorf("elsewhere it is an unknown property: %+v", fs)
	}
}
