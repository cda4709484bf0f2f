package payload

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/emlint/emlint/schemas"
)

// A hashtable transcoded token by token: every JSON token maps back to the
// script text it stands for, and offsets between tokens to the token before.
func TestBuilderMap(t *testing.T) {
	script := "$p = @{\n  DisplayName = 'Sales';\n  days = $n\n}\n"
	at := func(s string) Span { i := strings.Index(script, s); return Span{i, i + len(s)} }
	var b Builder
	b.Token("{", at("@{"))
	b.String("DisplayName", at("DisplayName"))
	b.Raw(":")
	b.String("Sales", at("'Sales'"))
	b.Raw(",")
	b.String("days", at("days"))
	b.Raw(":")
	b.Placeholder(at("$n"))
	b.Token("}", at("}"))
	text, m, ph := b.Body()
	if string(text) != `{"DisplayName":"Sales","days":null}` || !json.Valid(text) {
		t.Fatalf("JSON %s", text)
	}
	src := func(s string) string {
		j := strings.Index(string(text), s)
		f, e := m.Span(j, j+len(s))
		return script[f:e]
	}
	for json, want := range map[string]string{`"DisplayName"`: "DisplayName", `"Sales"`: "'Sales'", `null`: "$n", `{`: "@{", `"days":null`: "days = $n"} {
		if got := src(json); got != want {
			t.Errorf("%s maps to %q, want %q", json, got, want)
		}
	}
	if len(ph) != 1 || string(text[ph[0].Start:ph[0].End]) != "null" {
		t.Errorf("placeholders %+v", ph)
	}
	j := strings.Index(string(text), `"Sales"`)
	if sp, ok := m.Exact(j, j+len(`"Sales"`)); !ok || script[sp.Start:sp.End] != "'Sales'" {
		t.Errorf("Exact: %+v %v", sp, ok)
	}
	if _, ok := m.Exact(j, j+3); ok {
		t.Error("Exact accepted part of a token")
	}
	if m.Identity() {
		t.Error("a transcoded map is not the identity")
	}
}

func TestIdentityAndShift(t *testing.T) {
	m := Identity(10, 5)
	if !m.Identity() || m.Offset(2) != 12 || m.End(5) != 15 {
		t.Errorf("identity: %d %d", m.Offset(2), m.End(5))
	}
	b := Body{Map: m, Range: Span{10, 15}, Problems: []Problem{{Span: Span{1, 2}}}}
	b.Shift(100)
	if b.Map.Offset(0) != 110 || b.Range != (Span{110, 115}) || b.Problems[0].Span != (Span{101, 102}) {
		t.Errorf("shift: %+v", b)
	}
	if s, e := (Map{}).Span(3, 4); s != 0 || e != 0 {
		t.Errorf("an empty map: %d %d", s, e)
	}
}

func TestLiteralAndKey(t *testing.T) {
	for _, c := range []struct {
		syn       Syntax
		json, out string
		ok        bool
	}{
		{PowerShell, `"allMemberUsers"`, `'allMemberUsers'`, true},
		{PowerShell, `"it's"`, `'it''s'`, true},
		{PowerShell, `true`, `$true`, true},
		{PowerShell, `null`, `$null`, true},
		{PowerShell, `3`, `3`, true},
		{PowerShell, `{"a":1}`, ``, false},
		{HCL, `"#microsoft.graph.singleUser"`, `"#microsoft.graph.singleUser"`, true},
		{HCL, `"${x}"`, `"$${x}"`, true},
		{HCL, `false`, `false`, true},
		{JSON, `"x"`, `"x"`, true},
	} {
		got, ok := Literal(c.syn, c.json)
		if got != c.out || ok != c.ok {
			t.Errorf("Literal(%s, %s) = %q %v, want %q %v", c.syn, c.json, got, ok, c.out, c.ok)
		}
	}
	for _, c := range []struct {
		syn             Syntax
		name, orig, out string
	}{
		{PowerShell, "displayName", "DisplayName", "displayName"},
		{PowerShell, "displayName", `"DisplayName"`, `'displayName'`},
		{PowerShell, "@odata.type", "'@OData.Type'", `'@odata.type'`},
		{HCL, "groupId", "GroupId", "groupId"},
		{HCL, "groupId", `"GroupId"`, `"groupId"`},
		{JSON, "a", `"A"`, `"a"`},
	} {
		if got := Key(c.syn, c.name, []byte(c.orig)); got != c.out {
			t.Errorf("Key(%s, %s, %s) = %s, want %s", c.syn, c.name, c.orig, got, c.out)
		}
	}
}

func TestClassify(t *testing.T) {
	const em = "identityGovernance/entitlementManagement/"
	for _, c := range []struct {
		method, url, version string
		api                  schemas.API
		kind                 schemas.Kind
		lint                 bool
		rule                 string
	}{
		{"POST", "https://graph.microsoft.com/v1.0/" + em + "assignmentPolicies", "", schemas.V1, schemas.Policy, true, ""},
		{"POST", "v1.0/" + em + "assignmentRequests", "", schemas.V1, schemas.Request, true, ""},
		{"POST", em + "accessPackageAssignmentPolicies", "beta", schemas.Beta, schemas.Policy, true, ""},
		{"POST", em + "accessPackageAssignmentPolicies", "v1.0", schemas.Beta, schemas.Policy, true, RuleURL},
		{"PATCH", "/beta/" + em + "accessPackageAssignmentPolicies/x", "", schemas.Beta, schemas.Policy, true, RulePolicyPatch},
		{"PUT", "/v1.0/" + em + "assignmentPolicies('x')", "", schemas.V1, schemas.Policy, true, ""},
		{"GET", "/v1.0/" + em + "assignmentPolicies", "", schemas.V1, schemas.Policy, false, ""},
		{"POST", "/v1.0/" + em + "assignmentPolicys", "", "", "", false, RuleURL},
		{"POST", "/v1.0/" + em + "catalogs", "", "", "", false, ""},
		{"POST", "/v1.0/users", "", "", "", false, ""},
	} {
		e := Classify(c.method, Span{0, len(c.method)}, c.url, Span{10, 10 + len(c.url)}, true, c.version)
		rule := ""
		if len(e.Problems) > 0 {
			rule = e.Problems[0].Rule
		}
		if e.API != c.api || e.Kind != c.kind || e.Lint != c.lint || rule != c.rule {
			t.Errorf("%s %s (%s): %s %s lint %v %+v", c.method, c.url, c.version, e.API, e.Kind, e.Lint, e.Problems)
		}
	}
}
