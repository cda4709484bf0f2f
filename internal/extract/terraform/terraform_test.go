package terraform

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/payload"
	"github.com/emlint/emlint/schemas"
)

// mapped returns the file text a JSON token maps to; the token is the
// n-th (from 0) occurrence of tok in the body's JSON.
func mapped(t *testing.T, text []byte, b payload.Body, tok string, n int) string {
	t.Helper()
	j := -1
	for from := 0; n >= 0; n-- {
		k := bytes.Index(b.JSON[from:], []byte(tok))
		if k < 0 {
			t.Fatalf("%q not in %s", tok, b.JSON)
		}
		j, from = from+k, from+k+1
	}
	s, e := b.Map.Span(j, j+len(tok))
	return string(text[s:e])
}

func compact(s string) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, []byte(s)); err != nil {
		return "invalid: " + s
	}
	return buf.String()
}

func problems(b payload.Body, text []byte) []string {
	var out []string
	for _, p := range b.Problems {
		out = append(out, p.Rule+"@"+string(text[p.Span.Start:p.Span.End]))
	}
	return out
}

const policyObject = `resource "msgraph_resource" "policy" {
  url           = "identityGovernance/entitlementManagement/assignmentPolicies"
  update_method = "PUT"
  body = {
    displayName        = "Sales"
    durationInDays     = 30
    isEnabled          = true
    description        = null
    accessPackage      = { id = msgraph_resource.ap.id }
    specificAllowedTargets = [{ "@odata.type" = "#microsoft.graph.groupMembers", groupId = var.group_id }]
    expiration         = { type = "noExpiration", duration = -1.5 }
  }
}
`

func TestObjectBody(t *testing.T) {
	text := []byte(policyObject)
	bs := Extract(text)
	if len(bs) != 1 {
		t.Fatalf("got %d bodies", len(bs))
	}
	b := bs[0]
	want := `{"displayName":"Sales","durationInDays":30,"isEnabled":true,"description":null,"accessPackage":{"id":null},` +
		`"specificAllowedTargets":[{"@odata.type":"#microsoft.graph.groupMembers","groupId":null}],"expiration":{"type":"noExpiration","duration":-1.5}}`
	if string(b.JSON) != want {
		t.Errorf("JSON\n got %s\nwant %s", b.JSON, want)
	}
	if b.Method != "POST" || b.Via != payload.ViaMsgraphResource || b.API != schemas.V1 || b.Kind != schemas.Policy || !b.Lint || b.Fingerprint || b.Syntax != payload.HCL {
		t.Errorf("site: %+v", b)
	}
	if b.URL != "identityGovernance/entitlementManagement/assignmentPolicies" || len(b.Problems) != 0 {
		t.Errorf("URL %q problems %v", b.URL, problems(b, text))
	}
	if got := string(text[b.Range.Start:b.Range.End]); !strings.HasPrefix(got, "{\n    displayName") || !strings.HasSuffix(got, "}\n  }") {
		t.Errorf("Range %q", got)
	}
	for _, c := range []struct {
		tok  string
		n    int
		want string
	}{
		{`{`, 0, `{`},
		{`"displayName"`, 0, `displayName`},
		{`"Sales"`, 0, `"Sales"`},
		{`30`, 0, `30`},
		{`true`, 0, `true`},
		{`"@odata.type"`, 0, `"@odata.type"`},
		{`"#microsoft.graph.groupMembers"`, 0, `"#microsoft.graph.groupMembers"`},
		{`null`, 1, `msgraph_resource.ap.id`},
		{`null`, 2, `var.group_id`},
		{`-1.5`, 0, `-1.5`},
		{`]`, 0, `]`},
	} {
		if got := mapped(t, text, b, c.tok, c.n); got != c.want {
			t.Errorf("%s#%d maps to %q, want %q", c.tok, c.n, got, c.want)
		}
	}
	// The last } is the object's closing brace.
	if s, e := b.Map.Span(len(b.JSON)-1, len(b.JSON)); s != b.Range.End-1 || e != b.Range.End {
		t.Errorf("closing brace maps to %d..%d, want %d", s, e, b.Range.End-1)
	}
	// Placeholders are the two references, each a null.
	if len(b.Placeholders) != 2 {
		t.Fatalf("placeholders %v", b.Placeholders)
	}
	for _, p := range b.Placeholders {
		if string(b.JSON[p.Start:p.End]) != "null" {
			t.Errorf("placeholder %v is %q", p, b.JSON[p.Start:p.End])
		}
	}
}

func TestSites(t *testing.T) {
	tests := []struct {
		name, src string
		n         int // bodies
		api       schemas.API
		kind      schemas.Kind
		method    string
		lint, fp  bool
		problems  []string
		json      string // compact JSON of the first body, when set
	}{
		{name: "beta legacy collection", src: `resource "msgraph_resource" "p" {
  url = "identityGovernance/entitlementManagement/accessPackageAssignmentPolicies"
  api_version = "beta"
  update_method = "PUT"
  body = { displayName = "x" }
}`, n: 1, api: schemas.Beta, kind: schemas.Policy, method: "POST", lint: true, json: `{"displayName":"x"}`},
		{name: "legacy collection under v1.0", src: `resource "msgraph_resource" "p" {
  url = "/identityGovernance/entitlementManagement/accessPackageAssignmentPolicies"
  update_method = "PUT"
  body = { displayName = "x" }
}`, n: 1, api: schemas.Beta, kind: schemas.Policy, method: "POST", lint: true, problems: []string{"http-url@accessPackageAssignmentPolicies"}},
		{name: "update_method missing", src: `resource "msgraph_resource" "policy" {
  url  = "identityGovernance/entitlementManagement/assignmentPolicies"
  body = { displayName = "x" }
}`, n: 1, api: schemas.V1, kind: schemas.Policy, method: "POST", lint: true, problems: []string{`policy-update-method@resource "msgraph_resource" "policy"`}},
		{name: "update_method PATCH", src: `resource "msgraph_resource" "policy" {
  url  = "identityGovernance/entitlementManagement/assignmentPolicies"
  update_method = "PATCH"
  body = { displayName = "x" }
}`, n: 1, api: schemas.V1, kind: schemas.Policy, method: "POST", lint: true, problems: []string{`policy-update-method@"PATCH"`}},
		{name: "update_method variable", src: `resource "msgraph_resource" "policy" {
  url  = "identityGovernance/entitlementManagement/assignmentPolicies"
  update_method = var.m
  body = { displayName = "x" }
}`, n: 1, api: schemas.V1, kind: schemas.Policy, method: "POST", lint: true},
		{name: "update resource on a policy", src: `resource "msgraph_update_resource" "p" {
  url  = "identityGovernance/entitlementManagement/assignmentPolicies/${msgraph_resource.p.id}"
  body = { displayName = "x" }
}`, n: 1, api: schemas.V1, kind: schemas.Policy, method: "PATCH", lint: true, problems: []string{`policy-update-method@resource "msgraph_update_resource" "p"`}},
		{name: "request", src: `resource "msgraph_resource" "r" {
  url  = "identityGovernance/entitlementManagement/assignmentRequests"
  body = { requestType = "adminAdd" }
}`, n: 1, api: schemas.V1, kind: schemas.Request, method: "POST", lint: true, json: `{"requestType":"adminAdd"}`},
		{name: "action", src: `resource "msgraph_resource_action" "r" {
  resource_url = "identityGovernance/entitlementManagement"
  action       = "assignmentRequests"
  method       = "POST"
  body = { requestType = "adminAdd" }
}`, n: 1, api: schemas.V1, kind: schemas.Request, method: "POST", lint: true},
		{name: "not entitlement management", src: `resource "msgraph_resource" "g" {
  url  = "groups"
  body = { displayName = "x" }
}`},
		{name: "catalog: not linted", src: `resource "msgraph_resource" "c" {
  url  = "identityGovernance/entitlementManagement/catalogs"
  body = { displayName = "x" }
}`},
		{name: "data source", src: `data "msgraph_resource" "p" {
  url  = "identityGovernance/entitlementManagement/assignmentPolicies"
}`},
		{name: "templated collection", src: `resource "msgraph_resource" "p" {
  url  = "${local.base}/assignmentPolicies"
  update_method = "PUT"
  body = { displayName = "x" }
}`, n: 1, method: "POST", fp: true, problems: []string{`body-unknown-endpoint@"${local.base}/assignmentPolicies"`}},
		{name: "computed url", src: `resource "msgraph_resource" "p" {
  url  = var.url
  body = { displayName = "x" }
}`, n: 1, method: "POST", fp: true, problems: []string{`body-unknown-endpoint@var.url`}},
		{name: "templated non-EM url", src: `resource "msgraph_resource" "p" {
  url  = "${local.base}/groups"
  body = { displayName = "x" }
}`},
		{name: "templated prefix", src: `resource "msgraph_resource" "p" {
  url  = "${local.v}/identityGovernance/entitlementManagement/assignmentRequests"
  body = { requestType = "adminAdd" }
}`, n: 1, api: schemas.V1, kind: schemas.Request, method: "POST", lint: true},
		{name: "computed api_version", src: `resource "msgraph_resource" "p" {
  url  = "identityGovernance/entitlementManagement/assignmentRequests"
  api_version = var.v
  body = { requestType = "adminAdd" }
}`, n: 1, api: schemas.V1, kind: schemas.Request, method: "POST", lint: true, fp: true},
		{name: "no msgraph", src: `resource "azuread_group" "g" { display_name = "entitlementManagement" }`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := []byte(tc.src)
			bs := Extract(text)
			if len(bs) != tc.n {
				t.Fatalf("got %d bodies: %+v", len(bs), bs)
			}
			if tc.n == 0 {
				return
			}
			b := bs[0]
			if b.API != tc.api || b.Kind != tc.kind || b.Method != tc.method || b.Lint != tc.lint || b.Fingerprint != tc.fp || b.Unreadable != "" {
				t.Errorf("got api %q kind %q method %q lint %v fp %v unreadable %q", b.API, b.Kind, b.Method, b.Lint, b.Fingerprint, b.Unreadable)
			}
			if got := strings.Join(problems(b, text), "|"); got != strings.Join(tc.problems, "|") {
				t.Errorf("problems %q, want %q", got, tc.problems)
			}
			if tc.json != "" && string(b.JSON) != tc.json {
				t.Errorf("JSON %s, want %s", b.JSON, tc.json)
			}
		})
	}
}

func TestFingerprintInfo(t *testing.T) {
	bs := Extract([]byte(`resource "msgraph_resource" "p" {
  url  = var.url
  body = { displayName = "x" }
}`))
	if len(bs) != 1 || len(bs[0].Problems) != 1 || bs[0].Problems[0].Severity != finding.Info || bs[0].Lint {
		t.Fatalf("%+v", bs)
	}
}

const head = "resource \"msgraph_resource\" \"r\" {\n  url = \"identityGovernance/entitlementManagement/assignmentRequests\"\n"

func TestBodyForms(t *testing.T) {
	tests := []struct {
		name, body string
		json       string            // compact JSON wanted
		maps       map[string]string // JSON token (first) -> file text
		ph         []string          // file text of each placeholder
		identity   bool
	}{
		{name: "jsonencode", body: `jsonencode({ requestType = "adminAdd", assignment = { accessPackageId = local.ap } })`,
			json: `{"requestType":"adminAdd","assignment":{"accessPackageId":null}}`, maps: map[string]string{`"requestType"`: `requestType`}, ph: []string{"local.ap"}},
		{name: "namespaced jsonencode", body: `provider::std::jsonencode({ requestType = "adminAdd" })`, json: `{"requestType":"adminAdd"}`},
		{name: "heredoc", body: "<<EOT\n{\"requestType\": \"adminAdd\",\n \"justification\": \"x\"}\nEOT",
			json: `{"requestType":"adminAdd","justification":"x"}`, maps: map[string]string{`"adminAdd"`: `"adminAdd"`, `"justification"`: `"justification"`}, identity: true},
		{name: "indented heredoc", body: "<<-EOT\n    {\n      \"requestType\": \"adminAdd\"\n    }\n    EOT",
			json: `{"requestType":"adminAdd"}`, maps: map[string]string{`"requestType"`: `"requestType"`, `}`: `}`}, identity: true},
		{name: "heredoc interpolation", body: "<<EOT\n{\"assignment\": ${local.a}, \"justification\": \"for ${var.who}\"}\nEOT",
			json: `{"assignment":null,"justification":"for ${var.who}"}`, maps: map[string]string{`null`: `${lo`}, ph: []string{"${lo", "${var.who}"}, identity: true},
		{name: "quoted JSON string", body: `"{\"requestType\": \"adminAdd\"}"`, json: `{"requestType":"adminAdd"}`},
		{name: "jsondecode heredoc", body: "jsondecode(<<EOT\n{\"requestType\": 1}\nEOT\n)", json: `{"requestType":1}`, identity: true},
		{name: "references and functions", body: `{ a = var.x, b = local.y["k"], c = upper("x"), d = [for s in var.l : s], e = "${var.p}", f = "a${var.q}", g = 1 + 2 }`,
			json: `{"a":null,"b":null,"c":null,"d":[null],"e":null,"f":null,"g":null}`,
			ph:   []string{"var.x", `local.y["k"]`, `upper("x")`, "s", `"${var.p}"`, `"a${var.q}"`, "1 + 2"}},
		{name: "for tuple", body: `{ targets = [for g in var.groups : { "@odata.type" = "#microsoft.graph.groupMembers", groupId = g.id } if g.on] }`,
			json: `{"targets":[{"@odata.type":"#microsoft.graph.groupMembers","groupId":null}]}`, maps: map[string]string{`[`: `[`, `]`: `]`}, ph: []string{"g.id"}},
		{name: "for object", body: `{ m = {for k, v in var.m : k => v} }`, json: `{"m":null}`, ph: []string{"{for k, v in var.m : k => v}"}},
		{name: "computed key", body: `{ a = { (local.k) = 1 }, b = 2 }`, json: `{"a":null,"b":2}`, ph: []string{"{ (local.k) = 1 }"}},
		{name: "try", body: `{ a = try({ x = 1 }, {}), b = try(var.z, 2) }`, json: `{"a":{"x":1},"b":null}`, ph: []string{"try(var.z, 2)"}},
		{name: "parentheses", body: `({ a = ("x") })`, json: `{"a":"x"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := []byte(head + "  body = " + tc.body + "\n}\n")
			bs := Extract(text)
			if len(bs) != 1 {
				t.Fatalf("got %d bodies", len(bs))
			}
			b := bs[0]
			if b.Unreadable != "" {
				t.Fatalf("unreadable: %s", b.Unreadable)
			}
			if got := compact(string(b.JSON)); got != tc.json {
				t.Errorf("JSON %s, want %s", got, tc.json)
			}
			for tok, want := range tc.maps {
				if got := mapped(t, text, b, tok, 0); got != want {
					t.Errorf("%s maps to %q, want %q", tok, got, want)
				}
			}
			var ph []string
			for _, p := range b.Placeholders {
				s, e := b.Map.Span(p.Start, p.End)
				ph = append(ph, string(text[s:e]))
			}
			if strings.Join(ph, "|") != strings.Join(tc.ph, "|") {
				t.Errorf("placeholders %q, want %q", ph, tc.ph)
			}
			if b.Map.Identity() != tc.identity {
				t.Errorf("identity map %v, want %v", b.Map.Identity(), tc.identity)
			}
			if tc.identity { // every byte is its own
				base := b.Map.Segs[0].F
				for j := range b.JSON {
					if c := b.JSON[j]; c != ' ' && c != 'n' && c != 'u' && c != 'l' && c != '_' && text[base+j] != c {
						t.Fatalf("JSON byte %d %q is file byte %q", j, c, text[base+j])
					}
				}
			}
		})
	}
}

func TestConditionalVariants(t *testing.T) {
	text := []byte(head + `  body = {
    a = var.on ? [{ x = 1 }] : []
    b = var.y ? "s" : 2
  }
}
`)
	bs := Extract(text)
	want := []string{`{"a":[{"x":1}],"b":"s"}`, `{"a":[],"b":"s"}`, `{"a":[{"x":1}],"b":2}`}
	if len(bs) != len(want) {
		t.Fatalf("got %d bodies", len(bs))
	}
	for i, b := range bs {
		if string(b.JSON) != want[i] {
			t.Errorf("variant %d: %s, want %s", i, b.JSON, want[i])
		}
		if b.Range != bs[0].Range || !b.Lint {
			t.Errorf("variant %d: range %v lint %v", i, b.Range, b.Lint)
		}
	}
	if got := mapped(t, text, bs[1], `[]`, 0); got != "[]" {
		t.Errorf("false branch maps to %q", got)
	}
}

func TestUnreadable(t *testing.T) {
	tests := []struct{ name, src, want, rangeText string }{
		{"merge", head + "  body = merge(local.a, { x = 1 })\n}\n", "the body is computed by merge(...): emlint cannot read it statically", "merge(local.a, { x = 1 })"},
		{"file", head + "  body = jsonencode(file(\"p.json\"))\n}\n", "the body is computed by file(...): emlint cannot read it statically", `jsonencode(file("p.json"))`},
		{"variable", head + "  body = var.body\n}\n", "the body is `var.body`, computed elsewhere: emlint cannot read it statically", "var.body"},
		{"directive", head + "  body = <<EOT\n[%{for x in var.l}1,%{endfor}]\nEOT\n}\n", "the JSON is written with template directives (%{...}): emlint cannot read it statically", "<<EOT\n[%{for x in var.l}1,%{endfor}]\nEOT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := []byte(tc.src)
			bs := Extract(text)
			if len(bs) != 1 || bs[0].Unreadable != tc.want || string(text[bs[0].Range.Start:bs[0].Range.End]) != tc.rangeText {
				t.Fatalf("%+v", bs)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	// A broken body in a recognisable block.
	text := []byte(head + "  body = {\n    displayName = \n  }\n}\n")
	bs := Extract(text)
	if len(bs) != 1 || !strings.HasPrefix(bs[0].Unreadable, "line ") || bs[0].JSON != nil {
		t.Fatalf("%+v", bs)
	}
	// A file too broken to hold a block.
	text = []byte("resource \"msgraph_resource\" \"p\" {\n  url = \"identityGovernance/entitlementManagement/assignmentPolicies\n")
	bs = Extract(text)
	if len(bs) != 1 || !strings.Contains(bs[0].Unreadable, "HashiCorp's HCL parser") || bs[0].Range.End > len(text) {
		t.Fatalf("%+v", bs)
	}
	if Extract([]byte("msgraph_ {{{")) != nil {
		t.Fatal("no entitlement management: nothing to say")
	}
}

// body = local.policy: the object in the file's own locals block is the
// body, mapped to where it is written.
func TestLocalBody(t *testing.T) {
	src := `locals {
  policy = {
    displayName        = "Audit"
    allowedTargetScope = var.scope
  }
}

resource "msgraph_resource" "p" {
  url           = "identityGovernance/entitlementManagement/assignmentPolicies"
  update_method = "PUT"
  body          = local.policy
}
`
	bs := Extract([]byte(src))
	if len(bs) != 1 || bs[0].Unreadable != "" || !bs[0].Lint {
		t.Fatalf("bodies: %+v", bs)
	}
	b := bs[0]
	if string(b.JSON) != `{"displayName":"Audit","allowedTargetScope":null}` || len(b.Placeholders) != 1 {
		t.Errorf("JSON %s, placeholders %v", b.JSON, b.Placeholders)
	}
	j := strings.Index(string(b.JSON), `"Audit"`)
	if s, e := b.Map.Span(j, j+len(`"Audit"`)); src[s:e] != `"Audit"` || !strings.HasPrefix(src[b.Range.Start:], "{\n    displayName") {
		t.Errorf("map: %q, range %q", src[s:e], src[b.Range.Start:b.Range.End])
	}
}

// Conditionals that test the same condition take the same branch in every
// variant: approvalMode and approvalStages chosen together are never paired
// with each other's opposite.
func TestLinkedConditionals(t *testing.T) {
	src := `resource "msgraph_resource" "p" {
  url           = "identityGovernance/entitlementManagement/accessPackageAssignmentPolicies"
  api_version   = "beta"
  update_method = "PUT"
  body = {
    requestApprovalSettings = {
      approvalMode   = var.approval ? "SingleStage" : "NoApproval"
      approvalStages = var.approval  ?  [{ approvalStageTimeOutInDays = 14 }] : []
      isApprovalRequired = var.other ? true : false
    }
  }
}
`
	var got []string
	for _, b := range Extract([]byte(src)) {
		got = append(got, string(b.JSON))
	}
	want := []string{
		`{"requestApprovalSettings":{"approvalMode":"SingleStage","approvalStages":[{"approvalStageTimeOutInDays":14}],"isApprovalRequired":true}}`,
		`{"requestApprovalSettings":{"approvalMode":"NoApproval","approvalStages":[],"isApprovalRequired":true}}`,
		`{"requestApprovalSettings":{"approvalMode":"SingleStage","approvalStages":[{"approvalStageTimeOutInDays":14}],"isApprovalRequired":false}}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("variants:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
