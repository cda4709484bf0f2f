package schemas_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/emlint/emlint/schemas"
	"github.com/emlint/emlint/schemas/internal/gen"
)

var shapes = []struct {
	api  schemas.API
	kind schemas.Kind
	root string
}{
	{schemas.Beta, schemas.Policy, "accessPackageAssignmentPolicy"},
	{schemas.V1, schemas.Policy, "accessPackageAssignmentPolicy"},
	{schemas.Beta, schemas.Request, "accessPackageAssignmentRequest"},
	{schemas.V1, schemas.Request, "accessPackageAssignmentRequest"},
}

func TestAPI(t *testing.T) {
	if got := schemas.Name(schemas.V1, schemas.Policy); got != "v1.0-policy" {
		t.Errorf("Name = %q", got)
	}
	for _, s := range shapes {
		url := schemas.URL(s.api, s.kind)
		if want := gen.BaseURL + schemas.Name(s.api, s.kind) + ".schema.json"; url != want {
			t.Errorf("URL(%s, %s) = %q, want %q", s.api, s.kind, url, want)
		}
		b := schemas.Bytes(s.api, s.kind)
		if b == nil {
			t.Fatalf("Bytes(%s, %s) = nil", s.api, s.kind)
		}
		var doc struct {
			Schema string `json:"$schema"`
			ID     string `json:"$id"`
			Ref    string `json:"$ref"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		if doc.ID != url || doc.Schema != "https://json-schema.org/draft/2020-12/schema" || doc.Ref != "#/$defs/"+s.root {
			t.Errorf("%s: $schema=%q $id=%q $ref=%q", url, doc.Schema, doc.ID, doc.Ref)
		}
		if got, ok := schemas.ByURL(url); !ok || !bytes.Equal(got, b) {
			t.Errorf("ByURL(%q) does not return the embedded file", url)
		}
	}
	for _, bad := range [][2]string{{"v2", "policy"}, {"beta", "assignment"}, {"", ""}} {
		api, kind := schemas.API(bad[0]), schemas.Kind(bad[1])
		if schemas.Bytes(api, kind) != nil || schemas.URL(api, kind) != "" {
			t.Errorf("unknown shape %q/%q should give nil and \"\"", bad[0], bad[1])
		}
	}
	for _, url := range []string{"", gen.BaseURL, gen.BaseURL + "v1.0-policy.schema.json#", "file:///etc/passwd"} {
		if _, ok := schemas.ByURL(url); ok {
			t.Errorf("ByURL(%q) should fail", url)
		}
	}
}

// TestGenerated fails when the embedded files differ from what the generator
// makes from reference/ now.
func TestGenerated(t *testing.T) {
	want, err := gen.Generate("reference")
	if err != nil {
		t.Fatal(err)
	}
	onDisk, err := filepath.Glob("*.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range onDisk {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is not generated any more: delete it and run go generate ./schemas", name)
		}
	}
	if len(want) != len(shapes)+1 {
		t.Errorf("generator made %d files, want %d schemas and %s", len(want), len(shapes), gen.VocabularyFile)
	}
	if vocab, err := os.ReadFile(gen.VocabularyFile); err != nil || !bytes.Equal(want[gen.VocabularyFile], vocab) {
		t.Errorf("%s is stale or was edited by hand (%v): run go generate ./schemas", gen.VocabularyFile, err)
	}
	for _, s := range shapes {
		name := schemas.Name(s.api, s.kind) + ".schema.json"
		if !bytes.Equal(want[name], schemas.Bytes(s.api, s.kind)) {
			t.Errorf("%s is stale or was edited by hand: run go generate ./schemas", name)
		}
	}
}

// embeddedLoader serves the four embedded schemas and nothing else, so no
// $ref can reach the file system or the network.
type embeddedLoader struct{ asked *[]string }

func (l embeddedLoader) Load(url string) (any, error) {
	if l.asked != nil {
		*l.asked = append(*l.asked, url)
	}
	b, ok := schemas.ByURL(url)
	if !ok {
		return nil, fmt.Errorf("%s is not an embedded emlint schema", url)
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(b))
}

func newCompiler(asked *[]string) *jsonschema.Compiler {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	c.UseLoader(embeddedLoader{asked})
	return c
}

func compile(t *testing.T, api schemas.API, kind schemas.Kind) *jsonschema.Schema {
	t.Helper()
	sch, err := newCompiler(nil).Compile(schemas.URL(api, kind))
	if err != nil {
		t.Fatalf("compile %s: %v", schemas.Name(api, kind), err)
	}
	return sch
}

func TestCompile(t *testing.T) {
	for _, s := range shapes {
		compile(t, s.api, s.kind)
	}
}

func TestLoaderRefusesOtherURLs(t *testing.T) {
	for _, url := range []string{"file:///etc/passwd", "https://example.com/x.json"} {
		var asked []string
		if _, err := newCompiler(&asked).Compile(url); err == nil {
			t.Errorf("compiling %s succeeded", url)
		}
		// A schema that refers outward must fail too, and through our loader.
		asked = nil
		c := newCompiler(&asked)
		local := gen.BaseURL + "test-ref.schema.json"
		if err := c.AddResource(local, map[string]any{"$ref": url}); err != nil {
			t.Fatal(err)
		}
		_, err := c.Compile(local)
		var lerr *jsonschema.LoadURLError
		if !errors.As(err, &lerr) {
			t.Errorf("$ref to %s: got %v, want a LoadURLError", url, err)
		}
		if !slices.Contains(asked, url) {
			t.Errorf("$ref to %s did not go through the loader (asked %v)", url, asked)
		}
	}
	// In an instance "$ref" is data: it is an unknown key, never resolved.
	var asked []string
	sch, err := newCompiler(&asked).Compile(schemas.URL(schemas.V1, schemas.Request))
	if err != nil {
		t.Fatal(err)
	}
	asked = nil
	err = sch.Validate(decode(t, `{"requestType": "userAdd", "$ref": "file:///etc/passwd"}`))
	wantLeaf(t, err, "additionalProperties", "")
	if len(asked) > 0 {
		t.Errorf("validation loaded %v", asked)
	}
}

// ---- coverage against the reference -------------------------------------

type refModel struct {
	types    map[string]*gen.Type
	subtypes map[string][]string
}

// loadRef derives subtypes independently of the generator: derivedTypes
// plus baseType back-links (v1.0 lists accessPackageDynamicApprovalStage
// only through its baseType).
func loadRef(t *testing.T, api string) refModel {
	t.Helper()
	list, err := gen.LoadTypes("reference", api)
	if err != nil {
		t.Fatal(err)
	}
	m := refModel{types: map[string]*gen.Type{}, subtypes: map[string][]string{}}
	for _, ty := range list {
		m.types[ty.QName()] = ty
	}
	for _, ty := range list {
		for _, d := range ty.DerivedTypes {
			m.subtypes[ty.QName()] = appendNew(m.subtypes[ty.QName()], strings.TrimPrefix(d, "#"))
		}
		if ty.BaseType != "" {
			m.subtypes[ty.BaseType] = appendNew(m.subtypes[ty.BaseType], ty.QName())
		}
	}
	return m
}

func appendNew(s []string, v string) []string {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

func (m refModel) props(q string) []string {
	ty := m.types[q]
	var names []string
	if ty.BaseType != "" {
		names = m.props(ty.BaseType)
	}
	for _, p := range ty.Properties {
		names = append(names, p.Name)
	}
	return names
}

func (m refModel) reach(root string) map[string]bool {
	seen := map[string]bool{}
	var visit func(string)
	visit = func(q string) {
		ty := m.types[q]
		if ty == nil || seen[q] {
			return
		}
		seen[q] = true
		for b := ty; b != nil; b = m.types[b.BaseType] {
			for _, p := range b.Properties {
				visit(p.Type)
			}
		}
		for _, s := range m.subtypes[q] {
			visit(s)
		}
	}
	visit(root)
	return seen
}

// concrete returns the @odata.type values a dispatcher for q must accept.
func (m refModel) concrete(q string) []string {
	ty := m.types[q]
	var out []string
	if !ty.Abstract {
		out = append(out, ty.ODataType)
	}
	out = append(out, ty.DerivedTypesNotExpanded...)
	for _, s := range m.subtypes[q] {
		out = append(out, m.concrete(s)...)
	}
	return out
}

type schemaDoc struct {
	Defs map[string]struct {
		Type       any                        `json:"type"`
		Enum       []string                   `json:"enum"`
		Properties map[string]json.RawMessage `json:"properties"`
	} `json:"$defs"`
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	sort.Strings(a)
	sort.Strings(b)
	return slices.Equal(a, b)
}

func TestCoverage(t *testing.T) {
	for _, api := range []schemas.API{schemas.Beta, schemas.V1} {
		m := loadRef(t, string(api))
		covered := map[string]bool{}
		for _, s := range shapes {
			if s.api != api {
				continue
			}
			name := schemas.Name(s.api, s.kind)
			var doc schemaDoc
			if err := json.Unmarshal(schemas.Bytes(s.api, s.kind), &doc); err != nil {
				t.Fatal(err)
			}
			reach := m.reach("microsoft.graph." + s.root)
			expected := map[string]bool{}
			for q := range reach {
				covered[q] = true
				ty, key := m.types[q], gen.DefKey(q)
				if ty.Kind == "enum" {
					expected[key] = true
					if _, ok := doc.Defs[key]; !ok {
						t.Errorf("%s: no $defs entry for reachable enum %s", name, q)
						continue
					}
					members := slices.Clone(ty.Members)
					for _, e := range ty.EvolvableMembers {
						members = appendNew(members, e)
					}
					if !sameSet(doc.Defs[key].Enum, members) && !ty.IsFlags {
						t.Errorf("%s: $defs[%s].enum = %v, want members %v", name, key, doc.Defs[key].Enum, members)
					}
					continue
				}
				if len(m.subtypes[q]) > 0 {
					expected[key+".derived"] = true
					d, ok := doc.Defs[key+".derived"]
					if !ok {
						t.Errorf("%s: no $defs[%s.derived] for %s, which has subtypes", name, key, q)
					}
					var enum []string
					_ = json.Unmarshal(d.Properties["@odata.type"], &struct {
						Enum *[]string `json:"enum"`
					}{&enum})
					if !sameSet(enum, withUnprefixed(m.concrete(q))) {
						t.Errorf("%s: $defs[%s.derived] accepts %v, want %v", name, key, enum, m.concrete(q))
					}
				}
				if ty.Abstract {
					continue
				}
				expected[key] = true
				d, ok := doc.Defs[key]
				if !ok {
					t.Errorf("%s: no $defs entry for reachable type %s", name, q)
					continue
				}
				for _, p := range m.props(q) {
					if _, ok := d.Properties[p]; !ok {
						t.Errorf("%s: $defs[%s] lacks reference property %s", name, key, p)
					}
				}
				var odata struct{ Enum []string }
				_ = json.Unmarshal(d.Properties["@odata.type"], &odata)
				if want := withUnprefixed([]string{ty.ODataType}); !sameSet(odata.Enum, want) {
					t.Errorf("%s: $defs[%s] @odata.type enum %q, want %q", name, key, odata.Enum, want)
				}
			}
			for key, d := range doc.Defs {
				if !expected[key] {
					t.Errorf("%s: $defs[%s] is not a type reachable from %s", name, key, s.root)
					continue
				}
				q, isDispatcher := "microsoft.graph."+strings.TrimSuffix(key, ".derived"), strings.HasSuffix(key, ".derived")
				allowed := []string{"@odata.type"}
				if !isDispatcher {
					allowed = append(allowed, m.props(q)...)
				}
				for p := range d.Properties {
					if !slices.Contains(allowed, p) {
						t.Errorf("%s: $defs[%s] has property %s, which the reference does not declare", name, key, p)
					}
				}
			}
		}
		// Every type must be in some schema, except those that only serve as a base type.
		for q, ty := range m.types {
			if covered[q] {
				continue
			}
			isBase := false
			for _, other := range m.types {
				isBase = isBase || other.BaseType == q
			}
			if !ty.Abstract || !isBase {
				t.Errorf("%s: reference type %s is in no schema", api, q)
			}
		}
	}
}

// ---- validation -----------------------------------------------------------

func decode(t *testing.T, body string) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
	if err != nil {
		t.Fatalf("bad test body: %v\n%s", err, body)
	}
	return v
}

type leaf struct{ keyword, location string }

func leaves(e *jsonschema.ValidationError) []leaf {
	if len(e.Causes) == 0 {
		loc := ""
		for _, tok := range e.InstanceLocation {
			loc += "/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(tok)
		}
		return []leaf{{strings.Join(e.ErrorKind.KeywordPath(), "/"), loc}}
	}
	var out []leaf
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

func wantLeaf(t *testing.T, err error, keyword, location string) {
	t.Helper()
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("want a %s error at %q, got %v", keyword, location, err)
	}
	got := leaves(verr)
	if !slices.Contains(got, leaf{keyword, location}) {
		t.Errorf("want a %s error at %q, got %v\n%v", keyword, location, got, err)
	}
}

const (
	betaPolicy = `{
  "accessPackageId": "56ff43fd-6b05-48df-9634-956a777fce6d",
  "displayName": "direct",
  "description": "direct assignments by administrator",
  "accessReviewSettings": null,
  "requestorSettings": {"scopeType": "NoSubjects", "acceptRequests": true, "allowedRequestors": []},
  "requestApprovalSettings": {
    "isApprovalRequired": false, "isApprovalRequiredForExtension": false,
    "isRequestorJustificationRequired": false, "approvalMode": "NoApproval", "approvalStages": []
  }
}`
	v1Policy = `{
  "displayName": "New Policy",
  "description": "policy for assignment",
  "allowedTargetScope": "notSpecified",
  "specificAllowedTargets": [],
  "expiration": {"endDateTime": null, "duration": null, "type": "noExpiration"},
  "requestorSettings": {"enableTargetsToSelfAddAccess": false, "onBehalfRequestors": []},
  "requestApprovalSettings": {"isApprovalRequiredForAdd": false, "isApprovalRequiredForUpdate": false, "stages": []},
  "accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}
}`
	betaRequest = `{
  "requestType": "AdminAdd",
  "accessPackageAssignment": {
    "targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9",
    "assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8",
    "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"
  }
}`
	v1Request = `{
  "requestType": "adminAdd",
  "assignment": {
    "targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9",
    "assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8",
    "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"
  }
}`
)

// patch returns base with the JSON in extra merged into it at the top level.
func patch(t *testing.T, base, extra string) string {
	t.Helper()
	var b, e map[string]any
	if err := json.Unmarshal([]byte(base), &b); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(extra), &e); err != nil {
		t.Fatalf("bad patch: %v\n%s", err, extra)
	}
	for k, v := range e {
		if v == "<delete>" {
			delete(b, k)
		} else {
			b[k] = v
		}
	}
	out, _ := json.Marshal(b)
	return string(out)
}

func TestValidation(t *testing.T) {
	valid := []struct {
		name      string
		api       schemas.API
		kind      schemas.Kind
		base, add string
	}{
		{"beta policy minimal", schemas.Beta, schemas.Policy, betaPolicy, `{}`},
		{"beta policy: PUT echoes id", schemas.Beta, schemas.Policy, betaPolicy, `{"id": "4c02f928-7752-49aa-8fc8-e286d973a965"}`},
		{"beta policy: two stages, sponsors with isBackup", schemas.Beta, schemas.Policy, betaPolicy, `{
			"canExtend": false, "durationInDays": 365, "expirationDateTime": null,
			"requestApprovalSettings": {"isApprovalRequired": true, "approvalMode": "Serial", "approvalStages": [
				{"approvalStageTimeOutInDays": 14, "isEscalationEnabled": true, "escalationTimeInMinutes": 11520,
				 "primaryApprovers": [{"@odata.type": "#microsoft.graph.groupMembers", "isBackup": true, "id": "d2dcb9a1-a445-42ee-83a8-476522ed6cbf", "description": "g"},
				                      {"@odata.type": "#microsoft.graph.externalSponsors", "isBackup": false}],
				 "escalationApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "isBackup": true, "id": "x"}]},
				{"@odata.type": "#microsoft.graph.accessPackageDynamicApprovalStage",
				 "customExtension": {"@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension", "id": "52036a43-10b5-444d-a1a2-d4f240420239"}}]},
			"accessReviewSettings": {"isEnabled": true, "recurrenceType": "quarterly", "reviewerType": "Self",
				"startDateTime": "2020-04-01T07:59:59.998Z", "durationInDays": 25, "reviewers": []}}`},
		{"beta policy: questions without defaultText in choices (relaxed)", schemas.Beta, schemas.Policy, betaPolicy, `{"questions": [
			{"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "isRequired": false,
			 "text": {"defaultText": "what state are you from?", "localizedTexts": [{"text": "¿De qué estado eres?", "languageCode": "es"}]},
			 "choices": [{"actualValue": "AZ", "displayValue": {"localizedTexts": [{"text": "Arizona", "languageCode": "es"}]}}],
			 "allowsMultipleSelection": false},
			{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "isRequired": false,
			 "text": {"defaultText": "Who is your manager?"}, "isSingleLineQuestion": false}]}`},
		{"beta policy: empty collections remove extensions and credentials", schemas.Beta, schemas.Policy, betaPolicy,
			`{"customExtensionStageSettings": [], "customExtensionHandlers": [], "verifiableCredentialSettings": {"credentialTypes": []}}`},
		{"v1.0 policy minimal", schemas.V1, schemas.Policy, v1Policy, `{}`},
		{"v1.0 policy: stages, reviews without range.startDate (relaxed)", schemas.V1, schemas.Policy, v1Policy, `{
			"allowedTargetScope": "allConfiguredConnectedOrganizationUsers",
			"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [
				{"durationBeforeAutomaticDenial": "P14D", "durationBeforeEscalation": "PT0S", "isEscalationEnabled": false,
				 "primaryApprovers": [{"@odata.type": "#microsoft.graph.internalSponsors"}],
				 "fallbackPrimaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "7deff43e-1f17-44ef-9e5f-d516b0ba11d4"},
				                              {"@odata.type": "#microsoft.graph.groupMembers", "groupId": "1623f912-5e86-41c2-af47-39dd67582b66"}],
				 "escalationApprovers": [], "fallbackEscalationApprovers": []},
				{"@odata.type": "#microsoft.graph.accessPackageDynamicApprovalStage", "durationBeforeAutomaticDenial": "P2D",
				 "primaryApprovers": [{"@odata.type": "#microsoft.graph.identityGovernance.ruleBasedSubjectSet"}]}]},
			"reviewSettings": {"isEnabled": true, "expirationBehavior": "keepAccess", "isSelfReview": false,
				"schedule": {"startDateTime": "2022-07-02T06:59:59.998Z", "expiration": {"duration": "P14D", "type": "afterDuration"},
					"recurrence": {"pattern": {"type": "absoluteMonthly", "interval": 3, "month": 0, "dayOfMonth": 0, "daysOfWeek": []},
						"range": {"type": "noEnd", "numberOfOccurrences": 0}}},
				"primaryReviewers": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "1623f912-5e86-41c2-af47-39dd67582b66"}],
				"fallbackReviewers": []}}`},
		{"v1.0 policy: auto-assignment", schemas.V1, schemas.Policy, v1Policy, `{
			"allowedTargetScope": "specificDirectoryUsers",
			"specificAllowedTargets": [{"@odata.type": "#microsoft.graph.attributeRuleMembers", "description": "sales", "membershipRule": "(user.department -eq \"Sales\")"}],
			"automaticRequestSettings": {"requestAccessForAllowedTargets": true}}`},
		{"v1.0 policy: questions and custom extension", schemas.V1, schemas.Policy, v1Policy, `{
			"questions": [{"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "sequence": 1, "isRequired": true, "text": "Country?",
				"isMultipleSelectionAllowed": false, "choices": [{"actualValue": "KE", "text": "Kenya"}]},
				{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "text": "Work?", "localizations": [{"languageCode": "fr-CA", "text": "Travail?"}]}],
			"customExtensionStageSettings": [{"stage": "assignmentRequestCreated",
				"customExtension": {"@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension", "id": "bebe7873-1f0d-4db9-b6c3-01f7ebfe8476"}}]}`},
		{"v1.0 policy: extension subtype outside the reference is accepted by name", schemas.V1, schemas.Policy, v1Policy, `{
			"customExtensionStageSettings": [{"stage": "assignmentRequestCreated",
				"customExtension": {"@odata.type": "#microsoft.graph.customAuthenticationExtension", "anything": 1}}]}`},
		{"beta request minimal", schemas.Beta, schemas.Request, betaRequest, `{}`},
		{"beta request: answers without displayValue (relaxed)", schemas.Beta, schemas.Request, betaRequest, `{"requestType": "UserAdd", "answers": [
			{"@odata.type": "#microsoft.graph.accessPackageAnswerString", "value": "Arizona",
			 "answeredQuestion": {"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "id": "A714EC6F-4EE0-4614-BD81-37E0C5ECBBFF"}}]}`},
		{"beta request: requestType is a plain string", schemas.Beta, schemas.Request, betaRequest, `{"requestType": "SomethingUndocumented"}`},
		{"beta request: validation only, schedule, parameters", schemas.Beta, schemas.Request, betaRequest, `{"isValidationOnly": true, "justification": "need it",
			"schedule": {"startDateTime": "2024-01-01T00:00:00Z", "expiration": {"type": "afterDuration", "duration": "PT3H"}},
			"parameters": {"bypassApproval": true}}`},
		{"v1.0 request minimal", schemas.V1, schemas.Request, v1Request, `{}`},
		{"v1.0 request: userAdd with only accessPackageId", schemas.V1, schemas.Request, `{"requestType": "userAdd", "assignment": {"accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"}}`, `{}`},
		{"v1.0 request: assignment is not required (semantic rule)", schemas.V1, schemas.Request, `{"requestType": "adminRemove"}`, `{}`},
		{"v1.0 request: target email, answers, parameters, evolvable enum member", schemas.V1, schemas.Request, v1Request, `{
			"requestType": "approverRemove",
			"assignment": {"assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8", "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b",
				"target": {"email": "someone@example.com"}},
			"answers": [{"@odata.type": "#microsoft.graph.accessPackageAnswerString", "value": "x",
				"answeredQuestion": {"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "id": "aa615ee9-d9d8-4c03-be91-bee37106deda"}}],
			"schedule": {"startDateTime": "2024-01-01T00:00:00.123Z", "expiration": {"type": "afterDuration", "duration": "P365D"}},
			"parameters": {"bypassApproval": false}}`},
	}
	for _, tc := range valid {
		t.Run("valid/"+tc.name, func(t *testing.T) {
			sch := compile(t, tc.api, tc.kind)
			if err := sch.Validate(decode(t, patch(t, tc.base, tc.add))); err != nil {
				t.Errorf("want valid, got %v", err)
			}
		})
	}

	invalid := []struct {
		name              string
		api               schemas.API
		kind              schemas.Kind
		base, add         string
		keyword, location string
	}{
		// unknown property
		{"v1.0 request: beta key accessPackageAssignment", schemas.V1, schemas.Request, v1Request, `{"accessPackageAssignment": {}}`, "additionalProperties", ""},
		{"v1.0 request: parameters as name/value array", schemas.V1, schemas.Request, v1Request, `{"parameters": [{"name": "bypassApproval", "value": "true"}]}`, "type", "/parameters"},
		{"beta request: PascalCase key", schemas.Beta, schemas.Request, betaRequest, `{"Justification": "x"}`, "additionalProperties", ""},
		{"beta policy: v1.0 key expiration", schemas.Beta, schemas.Policy, betaPolicy, `{"expiration": {"type": "afterDuration", "duration": "P365D"}}`, "additionalProperties", ""},
		{"beta policy: isOnBehalfAllowed", schemas.Beta, schemas.Policy, betaPolicy, `{"requestorSettings": {"scopeType": "NoSubjects", "isOnBehalfAllowed": false}}`, "additionalProperties", "/requestorSettings"},
		{"v1.0 policy: singleUser with groupId", schemas.V1, schemas.Policy, v1Policy, `{"specificAllowedTargets": [{"@odata.type": "#microsoft.graph.singleUser", "groupId": "x"}]}`, "additionalProperties", "/specificAllowedTargets/0"},
		{"v1.0 policy: stage property of beta", schemas.V1, schemas.Policy, v1Policy, `{"requestApprovalSettings": {"stages": [{"approvalStageTimeOutInDays": 14}]}}`, "additionalProperties", "/requestApprovalSettings/stages/0"},
		// wrong type
		{"v1.0 policy: boolean as string", schemas.V1, schemas.Policy, v1Policy, `{"requestorSettings": {"enableTargetsToSelfAddAccess": "true"}}`, "type", "/requestorSettings/enableTargetsToSelfAddAccess"},
		{"v1.0 policy: null collection", schemas.V1, schemas.Policy, v1Policy, `{"specificAllowedTargets": null}`, "type", "/specificAllowedTargets"},
		{"v1.0 policy: sequence as string", schemas.V1, schemas.Policy, v1Policy, `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "sequence": "1"}]}`, "type", "/questions/0/sequence"},
		{"beta policy: durationInDays as string", schemas.Beta, schemas.Policy, betaPolicy, `{"durationInDays": "365"}`, "type", "/durationInDays"},
		{"beta request: answers not an array", schemas.Beta, schemas.Request, betaRequest, `{"answers": {}}`, "type", "/answers"},
		// bad enum value
		{"v1.0 request: PascalCase requestType", schemas.V1, schemas.Request, v1Request, `{"requestType": "AdminAdd"}`, "enum", "/requestType"},
		{"v1.0 policy: allowedTargetScope", schemas.V1, schemas.Policy, v1Policy, `{"allowedTargetScope": "everyone"}`, "enum", "/allowedTargetScope"},
		{"beta policy: custom extension stage", schemas.Beta, schemas.Policy, betaPolicy, `{"customExtensionStageSettings": [{"stage": "whenever", "customExtension": {"@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension", "id": "x"}}]}`, "enum", "/customExtensionStageSettings/0/stage"},
		// integer range
		{"beta policy: requestorManager managerLevel 3", schemas.Beta, schemas.Policy, betaPolicy, `{"requestApprovalSettings": {"approvalStages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 3}]}]}}`, "maximum", "/requestApprovalSettings/approvalStages/0/primaryApprovers/0/managerLevel"},
		{"v1.0 policy: Int32 overflow", schemas.V1, schemas.Policy, v1Policy, `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "sequence": 2147483648}]}`, "maximum", "/questions/0/sequence"},
		// wrong @odata.type
		{"v1.0 policy: root @odata.type", schemas.V1, schemas.Policy, v1Policy, `{"@odata.type": "#microsoft.graph.accessPackage"}`, "enum", "/@odata.type"},
		{"v1.0 policy: unknown approver type", schemas.V1, schemas.Policy, v1Policy, `{"requestApprovalSettings": {"stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.everyone"}]}]}}`, "enum", "/requestApprovalSettings/stages/0/primaryApprovers/0/@odata.type"},
		{"v1.0 policy: @odata.type without # is still dispatched", schemas.V1, schemas.Policy, v1Policy, `{"specificAllowedTargets": [{"@odata.type": "microsoft.graph.singleUser", "id": "x"}]}`, "additionalProperties", "/specificAllowedTargets/0"},
		{"beta policy: v1.0-only subject type", schemas.Beta, schemas.Policy, betaPolicy, `{"requestorSettings": {"allowedRequestors": [{"@odata.type": "#microsoft.graph.singleServicePrincipal"}]}}`, "enum", "/requestorSettings/allowedRequestors/0/@odata.type"},
		{"beta request: answer is a question", schemas.Beta, schemas.Request, betaRequest, `{"answers": [{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion"}]}`, "enum", "/answers/0/@odata.type"},
		// missing required property
		{"v1.0 request: no requestType", schemas.V1, schemas.Request, v1Request, `{"requestType": "<delete>"}`, "required", ""},
		{"v1.0 policy: no accessPackage", schemas.V1, schemas.Policy, v1Policy, `{"accessPackage": "<delete>"}`, "required", ""},
		{"v1.0 policy: abstract subjectSet without @odata.type", schemas.V1, schemas.Policy, v1Policy, `{"specificAllowedTargets": [{"userId": "x"}]}`, "required", "/specificAllowedTargets/0"},
		{"v1.0 policy: custom extension referenced by id only", schemas.V1, schemas.Policy, v1Policy, `{"customExtensionStageSettings": [{"stage": "assignmentRequestCreated", "customExtension": {"id": "x"}}]}`, "required", "/customExtensionStageSettings/0/customExtension"},
		{"v1.0 policy: localization without languageCode", schemas.V1, schemas.Policy, v1Policy, `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "localizations": [{"text": "x"}]}]}`, "required", "/questions/0/localizations/0"},
		{"beta policy: no accessPackageId", schemas.Beta, schemas.Policy, betaPolicy, `{"accessPackageId": "<delete>"}`, "required", ""},
		{"beta policy: choice without displayValue (kept required)", schemas.Beta, schemas.Policy, betaPolicy, `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "choices": [{"actualValue": "AZ"}]}]}`, "required", "/questions/0/choices/0"},
		{"beta request: no accessPackageAssignment", schemas.Beta, schemas.Request, betaRequest, `{"accessPackageAssignment": "<delete>"}`, "required", ""},
		{"beta request: answer without answeredQuestion", schemas.Beta, schemas.Request, betaRequest, `{"answers": [{"@odata.type": "#microsoft.graph.accessPackageAnswerString", "value": "x"}]}`, "required", "/answers/0"},
		// malformed duration / date-time
		{"v1.0 policy: duration in words", schemas.V1, schemas.Policy, v1Policy, `{"requestApprovalSettings": {"stages": [{"durationBeforeAutomaticDenial": "14 days"}]}}`, "format", "/requestApprovalSettings/stages/0/durationBeforeAutomaticDenial"},
		{"v1.0 policy: expiration duration as days count", schemas.V1, schemas.Policy, v1Policy, `{"expiration": {"type": "afterDuration", "duration": "365"}}`, "format", "/expiration/duration"},
		{"v1.0 request: schedule start not a date-time", schemas.V1, schemas.Request, v1Request, `{"schedule": {"startDateTime": "2024-01-01"}}`, "format", "/schedule/startDateTime"},
		{"beta policy: expirationDateTime", schemas.Beta, schemas.Policy, betaPolicy, `{"expirationDateTime": "tomorrow"}`, "format", "/expirationDateTime"},
		{"beta request: schedule duration", schemas.Beta, schemas.Request, betaRequest, `{"schedule": {"expiration": {"duration": "P"}}}`, "format", "/schedule/expiration/duration"},
	}
	for _, tc := range invalid {
		t.Run("invalid/"+tc.name, func(t *testing.T) {
			sch := compile(t, tc.api, tc.kind)
			wantLeaf(t, sch.Validate(decode(t, patch(t, tc.base, tc.add))), tc.keyword, tc.location)
		})
	}
}

// The reference copies must match the checksums reference/README.md records,
// so that a local edit of the "verbatim" copies is caught.
func TestReferenceCopies(t *testing.T) {
	readme, err := os.ReadFile("reference/README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, api := range []string{"v1.0", "beta"} {
		b, err := os.ReadFile(filepath.Join("reference", api, "types.json"))
		if err != nil {
			t.Fatal(err)
		}
		row := fmt.Sprintf("| `%s/types.json` | `%x` |", api, sha256.Sum256(b))
		if !strings.Contains(string(readme), row) {
			t.Errorf("reference/README.md lacks %q: the copy changed, or the README is out of date", row)
		}
	}
}

// withUnprefixed adds the spelling without "#" that the schemas also accept
// (Graph's docs examples send it; a semantic rule warns about it).
func withUnprefixed(types []string) []string {
	out := append([]string(nil), types...)
	for _, t := range types {
		out = append(out, strings.TrimPrefix(t, "#"))
	}
	return out
}
