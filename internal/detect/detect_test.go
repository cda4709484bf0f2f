package detect

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/schemas"
)

func decode(t *testing.T, body string) Body {
	t.Helper()
	r, err := jsonparse.Parse([]byte(body))
	if err != nil {
		t.Fatalf("test body does not parse: %v\n%s", err, body)
	}
	return Body{Src: r.Src, Nodes: r.Nodes, Dups: len(r.Duplicates) > 0}
}

var (
	betaPolicy  = Shape{schemas.Beta, schemas.Policy}
	v1Policy    = Shape{schemas.V1, schemas.Policy}
	betaRequest = Shape{schemas.Beta, schemas.Request}
	v1Request   = Shape{schemas.V1, schemas.Request}
)

// TestDetectShapes detects each of the four shapes from small typical bodies.
func TestDetectShapes(t *testing.T) {
	for _, c := range []struct {
		name   string
		body   string
		want   Shape
		reason []string // fragments of Result.Reason
	}{
		{
			name: "beta policy",
			body: `{"accessPackageId": "a8a5f1c3-2e4b-4d6f-9a1c-3e5b7d9f1a2c", "displayName": "Partners",
				"durationInDays": 180, "canExtend": false,
				"requestorSettings": {"scopeType": "AllExistingDirectoryMemberUsers", "acceptRequests": true, "allowedRequestors": []},
				"requestApprovalSettings": {"isApprovalRequired": false, "approvalMode": "NoApproval", "approvalStages": []}}`,
			want:   betaPolicy,
			reason: []string{"policy: ", "accessPackageId", "requestorSettings.scopeType", "requestApprovalSettings.approvalMode"},
		},
		{
			name: "v1.0 policy",
			body: `{"displayName": "Sales", "accessPackage": {"id": "a8a5f1c3-2e4b-4d6f-9a1c-3e5b7d9f1a2c"},
				"allowedTargetScope": "allMemberUsers", "specificAllowedTargets": [],
				"expiration": {"type": "afterDuration", "duration": "P30D"},
				"requestorSettings": {"enableTargetsToSelfAddAccess": true},
				"requestApprovalSettings": {"isApprovalRequiredForAdd": false, "stages": []}}`,
			want:   v1Policy,
			reason: []string{"policy: ", "allowedTargetScope", "requestorSettings.enableTargetsToSelfAddAccess", "expiration"},
		},
		{
			name: "beta request",
			body: `{"requestType": "AdminAdd", "accessPackageAssignment": {"targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9",
				"assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8", "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"}}`,
			want:   betaRequest,
			reason: []string{"request: ", "requestType", "accessPackageAssignment", "requestType AdminAdd"},
		},
		{
			name: "v1.0 request",
			body: `{"requestType": "adminAdd", "assignment": {"targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9",
				"assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8", "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"}}`,
			want:   v1Request,
			reason: []string{"request: ", "assignment", "requestType adminAdd"},
		},
		{
			name: "beta request validation only",
			body: `{"requestType": "UserAdd", "isValidationOnly": true, "accessPackageAssignment": {}}`,
			want: betaRequest,
		},
		{
			name: "v1.0 request remove by id",
			body: `{"requestType": "adminRemove", "assignment": {"id": "e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11"}}`,
			want: v1Request,
		},
		{
			name: "v1.0 policy from nested keys only",
			body: `{"requestorSettings": {"enableTargetsToSelfAddAccess": true, "onBehalfRequestors": []}}`,
			want: v1Policy,
		},
		{
			name: "beta policy from nested keys only",
			body: `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": []}}`,
			want: betaPolicy,
		},
		{
			name: "answers alone make a request",
			body: `{"answers": [], "requestType": "userAdd"}`,
			want: v1Request,
		},
		{
			name: "policy keys outnumber request keys",
			body: `{"questions": [], "requestorSettings": {}, "answers": []}`,
			want: v1Policy,
		},
		{
			name: "request keys outnumber policy keys",
			body: `{"questions": [], "assignment": {}, "answers": []}`,
			want: v1Request,
		},
		{
			name: "equal counts with requestType is a request",
			body: `{"requestType": "adminAdd", "durationInDays": 3}`,
			want: v1Request,
		},
		{
			name: "equal counts without requestType is a policy",
			body: `{"answers": [], "questions": []}`,
			want: v1Policy,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Detect(decode(t, c.body), "", "")
			if !got.Payload {
				t.Fatalf("Payload = false (%s), want %v", got.Reason(), c.want)
			}
			if got.Shape != c.want {
				t.Errorf("shape = %v, want %v (reason: %s)", got.Shape, c.want, got.Reason())
			}
			for _, frag := range c.reason {
				if !strings.Contains(got.Reason(), frag) {
					t.Errorf("reason %q lacks %q", got.Reason(), frag)
				}
			}
		})
	}
}

// TestDetectExamples detects the project's own examples as the shape of the
// directory they are in.
func TestDetectExamples(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "examples", "emlint")
	n := 0
	for _, api := range []schemas.API{schemas.Beta, schemas.V1} {
		for _, kind := range []schemas.Kind{schemas.Policy, schemas.Request} {
			paths, err := filepath.Glob(filepath.Join(root, string(api), string(kind), "*.json"))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range paths {
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				n++
				got := Detect(decode(t, string(data)), "", "")
				if !got.Payload || got.Shape != (Shape{api, kind}) {
					t.Errorf("%s: detected %+v, want %s %s", p, got, api, kind)
				}
			}
		}
	}
	if n < 4 {
		t.Fatalf("found %d examples under %s, want at least 4", n, root)
	}
}

func TestDetectFlags(t *testing.T) {
	betaBody := `{"accessPackageId": "x", "durationInDays": 3, "requestorSettings": {"scopeType": "NoSubjects"}}`
	for _, c := range []struct {
		name   string
		body   string
		api    schemas.API
		kind   schemas.Kind
		want   Result
		reason string
	}{
		{
			name: "api only: kind still detected, api taken as given",
			body: betaBody, api: schemas.V1,
			want: Result{Shape: v1Policy, Payload: true}, reason: "; api given",
		},
		{
			name: "api only on a non-payload: still skipped",
			body: `{"name": "x", "version": "1.0.0"}`, api: schemas.Beta,
			want: Result{}, reason: "no entitlement-management property",
		},
		{
			name: "api only on a non-object: still skipped",
			body: `[1, 2]`, api: schemas.Beta,
			want: Result{}, reason: "not a JSON object",
		},
		{
			name: "kind only: api still detected (beta policy)",
			body: betaBody, kind: schemas.Policy,
			want: Result{Shape: betaPolicy, Payload: true}, reason: "kind given; beta evidence [accessPackageId, durationInDays, requestorSettings.scopeType]",
		},
		{
			name: "kind only: api still detected (beta request)",
			body: `{"requestType": "UserAdd", "isValidationOnly": true}`, kind: schemas.Request,
			want: Result{Shape: betaRequest, Payload: true}, reason: "kind given; beta evidence [isValidationOnly, requestType UserAdd]",
		},
		{
			name: "kind only: overrides the detected kind, api scored against the given kind",
			body: betaBody, kind: schemas.Request,
			want: Result{Shape: v1Request, Payload: true}, reason: "kind given; beta evidence [], v1.0 evidence []",
		},
		{
			name: "kind only: api still detected (v1.0)",
			body: `{"requestType": "adminAdd", "assignment": {}}`, kind: schemas.Request,
			want: Result{Shape: v1Request, Payload: true}, reason: "kind given; beta evidence [], v1.0 evidence [assignment, requestType adminAdd]",
		},
		{
			name: "kind only makes a non-payload a payload",
			body: `{"name": "x", "version": "1.0.0"}`, kind: schemas.Request,
			want: Result{Shape: v1Request, Payload: true}, reason: "kind given",
		},
		{
			name: "kind only on a non-object lints it as v1.0",
			body: `[]`, kind: schemas.Policy,
			want: Result{Shape: v1Policy, Payload: true}, reason: "not an object, linted as v1.0",
		},
		{
			name: "both: taken as given against the evidence",
			body: betaBody, api: schemas.V1, kind: schemas.Request,
			want: Result{Shape: v1Request, Payload: true}, reason: "api and kind given",
		},
		{
			name: "both on a non-object",
			body: `"text"`, api: schemas.Beta, kind: schemas.Policy,
			want: Result{Shape: betaPolicy, Payload: true}, reason: "api and kind given",
		},
		{
			name: "both on a non-payload",
			body: `{"compilerOptions": {}}`, api: schemas.Beta, kind: schemas.Request,
			want: Result{Shape: betaRequest, Payload: true}, reason: "api and kind given",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Detect(decode(t, c.body), c.api, c.kind)
			if got.Shape != c.want.Shape || got.Payload != c.want.Payload {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
			if !strings.Contains(got.Reason(), c.reason) {
				t.Errorf("reason %q lacks %q", got.Reason(), c.reason)
			}
		})
	}
}

func TestDetectNotPayload(t *testing.T) {
	for _, c := range []struct {
		name, body, reason string
	}{
		{"array root", `[{"requestType": "adminAdd"}]`, "the root is not a JSON object"},
		{"string root", `"requestType"`, "the root is not a JSON object"},
		{"number root", `42`, "the root is not a JSON object"},
		{"null root", `null`, "the root is not a JSON object"},
		{"true root", `true`, "the root is not a JSON object"},
		{"empty object", `{}`, "no entitlement-management property at the root"},
		{"package.json", `{"name": "my-app", "version": "1.0.0", "description": "An app", "scripts": {"test": "jest"},
			"dependencies": {"express": "^4.0.0"}, "devDependencies": {}, "license": "MIT"}`, "no entitlement-management property"},
		{"tsconfig.json", `{"compilerOptions": {"target": "es2020", "strict": true, "outDir": "dist"}, "include": ["src"], "exclude": ["node_modules"]}`,
			"no entitlement-management property"},
		{"composer-ish with shared names", `{"displayName": "x", "description": "y", "id": "z", "@odata.type": "#microsoft.graph.user"}`,
			"no entitlement-management property"},
		{"strong keys only nested", `{"config": {"requestType": "adminAdd", "accessPackageId": "x"}}`, "no entitlement-management property"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Detect(decode(t, c.body), "", "")
			if got.Payload {
				t.Errorf("Payload = true (%+v), want a skip", got)
			}
			if got.Shape != (Shape{}) {
				t.Errorf("shape = %+v, want none", got.Shape)
			}
			if got.Reason() != c.reason && !strings.Contains(got.Reason(), c.reason) {
				t.Errorf("reason %q lacks %q", got.Reason(), c.reason)
			}
		})
	}
}

// TestDetectMixed: a body with keys of both versions goes to the version it
// has more keys of; a tie goes to v1.0.
func TestDetectMixed(t *testing.T) {
	v1Base := `"displayName": "Sales", "accessPackage": {"id": "x"}, "allowedTargetScope": "allMemberUsers",
		"specificAllowedTargets": [], "expiration": {"type": "noExpiration"},
		"requestorSettings": {"enableTargetsToSelfAddAccess": true},
		"requestApprovalSettings": {"isApprovalRequiredForAdd": false, "stages": []}`
	betaBase := `"accessPackageId": "x", "durationInDays": 3, "canExtend": true,
		"requestorSettings": {"scopeType": "NoSubjects", "acceptRequests": false},
		"requestApprovalSettings": {"isApprovalRequired": false, "approvalMode": "NoApproval"}`
	for _, c := range []struct {
		name string
		body string
		want Shape
		// evidence fragments in the reason
		reason []string
	}{
		{
			name:   "v1.0 policy with one beta key",
			body:   `{` + v1Base + `, "durationInDays": 30}`,
			want:   v1Policy,
			reason: []string{"beta evidence [durationInDays]"},
		},
		{
			name:   "v1.0 policy with one nested beta key",
			body:   `{"displayName": "x", "allowedTargetScope": "allMemberUsers", "expiration": {}, "requestApprovalSettings": {"isApprovalRequiredForAdd": true, "approvalMode": "Serial"}}`,
			want:   v1Policy,
			reason: []string{"beta evidence [requestApprovalSettings.approvalMode]"},
		},
		{
			name:   "beta policy with one v1.0 key",
			body:   `{` + betaBase + `, "expiration": {"type": "afterDuration", "duration": "P3D"}}`,
			want:   betaPolicy,
			reason: []string{"v1.0 evidence [expiration]"},
		},
		{
			name:   "beta request with one v1.0 key",
			body:   `{"requestType": "AdminRemove", "accessPackageAssignment": {"id": "x"}, "isValidationOnly": false, "state": "submitted"}`,
			want:   betaRequest,
			reason: []string{"v1.0 evidence [state]"},
		},
		{
			name:   "tie goes to v1.0 (policy)",
			body:   `{"accessPackageId": "x", "expiration": {"type": "noExpiration"}}`,
			want:   v1Policy,
			reason: []string{"beta evidence [accessPackageId]", "v1.0 evidence [expiration]"},
		},
		{
			name:   "tie goes to v1.0 (request, PascalCase requestType against assignment)",
			body:   `{"requestType": "AdminAdd", "assignment": {"targetId": "x"}}`,
			want:   v1Request,
			reason: []string{"beta evidence [requestType AdminAdd]", "v1.0 evidence [assignment]"},
		},
		{
			name:   "no evidence either way is v1.0",
			body:   `{"questions": [], "displayName": "x"}`,
			want:   v1Policy,
			reason: []string{"beta evidence [], v1.0 evidence []"},
		},
		{
			name: "tie at two each goes to v1.0",
			body: `{"accessPackageId": "x", "canExtend": true, "allowedTargetScope": "allMemberUsers", "expiration": {}}`,
			want: v1Policy,
		},
		{
			name: "two to one goes to beta",
			body: `{"accessPackageId": "x", "canExtend": true, "expiration": {}}`,
			want: betaPolicy,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Detect(decode(t, c.body), "", "")
			if !got.Payload || got.Shape != c.want {
				t.Errorf("got %+v, want %v", got, c.want)
			}
			for _, frag := range c.reason {
				if !strings.Contains(got.Reason(), frag) {
					t.Errorf("reason %q lacks %q", got.Reason(), frag)
				}
			}
		})
	}
}

// TestDetectRequestTypeCasing: the case of requestType's first letter is one
// piece of evidence: PascalCase for beta, camelCase for v1.0.
func TestDetectRequestTypeCasing(t *testing.T) {
	for _, c := range []struct {
		requestType string
		want        schemas.API
		evidence    string
	}{
		{`"UserAdd"`, schemas.Beta, "beta evidence [requestType UserAdd]"},
		{`"AdminAdd"`, schemas.Beta, "beta evidence [requestType AdminAdd]"},
		{`"SystemRemove"`, schemas.Beta, "beta evidence [requestType SystemRemove]"},
		{`"userAdd"`, schemas.V1, "v1.0 evidence [requestType userAdd]"},
		{`"adminRemove"`, schemas.V1, "v1.0 evidence [requestType adminRemove]"},
		// No letter to judge: no evidence, so the tie goes to v1.0.
		{`""`, schemas.V1, "beta evidence [], v1.0 evidence []"},
		{`"1x"`, schemas.V1, "beta evidence [], v1.0 evidence []"},
		{`null`, schemas.V1, "beta evidence [], v1.0 evidence []"},
		{`42`, schemas.V1, "beta evidence [], v1.0 evidence []"},
	} {
		t.Run(c.requestType, func(t *testing.T) {
			// answers is a property of both versions: only the casing decides.
			body := `{"requestType": ` + c.requestType + `, "answers": []}`
			got := Detect(decode(t, body), "", "")
			if !got.Payload || got.Kind != schemas.Request || got.API != c.want {
				t.Errorf("got %+v, want %s request", got, c.want)
			}
			if !strings.Contains(got.Reason(), c.evidence) {
				t.Errorf("reason %q lacks %q", got.Reason(), c.evidence)
			}
		})
	}
}

func TestLooksLikePayload(t *testing.T) {
	for _, c := range []struct {
		name string
		data string
		want bool
	}{
		{"broken request", "{\n  \"requestType\": \"adminAdd\",\n  \"assignment\": {\n", true},
		{"broken policy with trailing comma", `{"accessPackageId": "x",}`, true},
		{"policy key deep inside", `{"a": {"b": [{"requestApprovalSettings": 1`, true},
		{"every strong policy key counts", `{"specificAllowedTargets" []}`, true},
		{"tsconfig with comments", "{\n  // comment\n  \"compilerOptions\": {},\n}\n", false},
		{"package.json with a trailing comma", `{"name": "x", "version": "1.0.0",}`, false},
		{"empty", ``, false},
		{"name without quotes is not a key", `{requestType: 1}`, false},
		{"different case", `{"RequestType": "x"}`, false},
		{"prefix of a key", `{"requestTyp": "x"}`, false},
		{"a shared non-strong key", `{"displayName": "x"`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := LooksLikePayload([]byte(c.data)); got != c.want {
				t.Errorf("LooksLikePayload(%q) = %v, want %v", c.data, got, c.want)
			}
		})
	}
	// Every strong key, alone and quoted, is recognised.
	for kind, keys := range strongKeys {
		for _, k := range keys {
			if !LooksLikePayload([]byte(`{"` + k + `": `)) {
				t.Errorf("%s key %q not recognised", kind, k)
			}
		}
	}
}

// TestStrongKeysInSchemas: every strong key is a root property of at least
// one version of its kind, or detection would accept bodies that the schema
// then rejects at the root.
func TestStrongKeysInSchemas(t *testing.T) {
	for kind, keys := range strongKeys {
		beta, v1 := vocabulary(schemas.Beta, kind), vocabulary(schemas.V1, kind)
		if len(beta.props) == 0 || len(v1.props) == 0 {
			t.Fatalf("%s: empty vocabulary (beta %d, v1.0 %d)", kind, len(beta.props), len(v1.props))
		}
		for _, k := range keys {
			_, inBeta := beta.props[k]
			_, inV1 := v1.props[k]
			if !inBeta && !inV1 {
				t.Errorf("%s strong key %q is in neither schema", kind, k)
			}
		}
	}
}

// Detect is called from many goroutines by lint.LintAll; the vocabulary is
// built once. Run with -race.
func TestDetectConcurrent(t *testing.T) {
	body := decode(t, `{"requestType": "UserAdd", "accessPackageAssignment": {}}`)
	done := make(chan Result)
	for range 16 {
		go func() { done <- Detect(body, "", "") }()
	}
	for range 16 {
		if got := <-done; got.Shape != betaRequest {
			t.Errorf("got %+v", got)
		}
	}
}
