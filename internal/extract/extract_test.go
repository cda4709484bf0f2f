package extract

import (
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/payload"
	"github.com/emlint/emlint/schemas"
)

func TestHTTPFile(t *testing.T) {
	data := "@host = https://graph.microsoft.com\n" +
		"### one\n" +
		"# a comment\n" +
		"POST {{host}}/beta/identityGovernance/entitlementManagement/accessPackageAssignmentPolicies HTTP/1.1\n" +
		"Content-Type: application/json\n" +
		"\n" +
		"{\"durationInDays\": {{days}}, \"accessPackageId\": \"{{id}}\"}\n" +
		"\n" +
		"###\n" +
		"PUT https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies/4540a08f\r\n" +
		"\r\n" +
		"{\"displayName\": \"x\"}\r\n" +
		"### no body\n" +
		"GET https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies\n"
	ps := Bodies("calls.http", []byte(data))
	if len(ps) != 2 {
		t.Fatalf("got %d payloads, want 2: %+v", len(ps), ps)
	}
	p := ps[0]
	if p.Method != "POST" || p.API != schemas.Beta || p.Kind != schemas.Policy || !p.Lint || len(p.Problems) != 0 {
		t.Errorf("first: %+v", p)
	}
	if got := string(p.JSON); got != `{"durationInDays": null    , "accessPackageId": "{{id}}"}` {
		t.Errorf("variables: got body %s", got)
	}
	ph := func(i int) string {
		s, e := p.Map.Span(p.Placeholders[i].Start, p.Placeholders[i].End)
		return data[s:e]
	}
	if data[p.Range.Start] != '{' || len(p.Placeholders) != 2 || ph(0) != "{{days}}" || ph(1) != "{{id}}" {
		t.Errorf("offsets: range %+v placeholders %+v", p.Range, p.Placeholders)
	}
	if !p.Map.Identity() || p.Map.Offset(0) != p.Range.Start || p.Via != "http" || p.Syntax != payload.JSON {
		t.Errorf("map %+v via %q syntax %q", p.Map, p.Via, p.Syntax)
	}
	if !strings.HasPrefix(p.URL, "{{host}}/beta/") {
		t.Errorf("URL: %q", p.URL)
	}
	q := ps[1]
	if q.Method != "PUT" || q.API != schemas.V1 || q.Kind != schemas.Policy || string(q.JSON) != `{"displayName": "x"}` {
		t.Errorf("second: %+v %s", q, q.JSON)
	}
}

func TestURLProblems(t *testing.T) {
	for _, c := range []struct {
		line     string
		lint     bool
		rule     string
		segment  string
		contains string
	}{
		{"POST https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/accessPackageAssignmentRequests", true, payload.RuleURL, "accessPackageAssignmentRequests", "exists only in the beta API: use `assignmentRequests`"},
		{"POST https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicys", false, payload.RuleURL, "assignmentPolicys", "did you mean `assignmentPolicies`?"},
		{"PATCH https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies/x", true, payload.RulePolicyPatch, "PATCH", "PUT"},
		{"PUT https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentRequests/x", false, payload.RuleMethod, "PUT", "POST a new request"},
		{"POST https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/catalogs", false, "", "", ""},
		{"POST https://graph.microsoft.com/v1.0/users", false, "", "", ""},
		{"POST https://graph.microsoft.com/beta/identityGovernance/entitlementManagement/assignmentRequests", true, "", "", ""},
	} {
		data := c.line + "\n\n{}\n"
		ps := Bodies("x.http", []byte(data))
		if len(ps) != 1 {
			t.Fatalf("%s: %d payloads", c.line, len(ps))
		}
		p := ps[0]
		if p.Lint != c.lint {
			t.Errorf("%s: Lint = %v, want %v", c.line, p.Lint, c.lint)
		}
		if c.rule == "" {
			if len(p.Problems) != 0 {
				t.Errorf("%s: unexpected %+v", c.line, p.Problems)
			}
			continue
		}
		if len(p.Problems) != 1 {
			t.Fatalf("%s: problems %+v", c.line, p.Problems)
		}
		pr := p.Problems[0]
		if pr.Rule != c.rule || data[pr.Span.Start:pr.Span.End] != c.segment || !strings.Contains(pr.Message, c.contains) {
			t.Errorf("%s: got %s %q %q", c.line, pr.Rule, data[pr.Span.Start:pr.Span.End], pr.Message)
		}
	}
}

func TestMarkdown(t *testing.T) {
	data := "# Docs\n\n" +
		"```http\nPOST https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentRequests\nContent-type: application/json\n\n{\"requestType\": \"adminAdd\"}\n```\n\n" +
		"```http\nHTTP/1.1 201 Created\n\n{\"id\": \"x\"}\n```\n\n" +
		"~~~http\nPOST https://graph.microsoft.com/beta/identityGovernance/entitlementManagement/accessPackageAssignmentRequests\n~~~\n\n" +
		"```json\n{\"requestType\": \"AdminAdd\"}\n```\n\n" +
		"```json\n{\"not\": \"linked to a request\"}\n```\n"
	ps := Bodies("README.md", []byte(data))
	if len(ps) != 2 {
		t.Fatalf("got %d payloads, want 2", len(ps))
	}
	if ps[0].Kind != schemas.Request || ps[0].API != schemas.V1 || string(ps[0].JSON) != `{"requestType": "adminAdd"}` {
		t.Errorf("first: %+v", ps[0])
	}
	if ps[1].API != schemas.Beta || string(ps[1].JSON) != `{"requestType": "AdminAdd"}` || data[ps[1].Range.Start] != '{' {
		t.Errorf("second (body in the next json block): %+v", ps[1])
	}
}

func TestSupported(t *testing.T) {
	for name, want := range map[string]bool{"a.http": true, "a.REST": true, "a.md": true, "a.markdown": true, "a.ps1": true, "a.PSM1": true, "a.tf": true, "a.json": false, "a.tf.json": false, "a": false} {
		if Supported(name) != want {
			t.Errorf("Supported(%q) = %v", name, !want)
		}
	}
}

// Untagged fences are read as whatever they hold: a script, or a request.
func TestMarkdownUntagged(t *testing.T) {
	data := "Run:\n\n```\n$p = @{ requestType = 'adminRemove'; assignment = @{ id = $id } }\n" +
		"New-MgEntitlementManagementAssignmentRequest -BodyParameter $p\n```\n\n" +
		"```\nPOST https://graph.microsoft.com/beta/identityGovernance/entitlementManagement/accessPackageAssignmentRequests\n\n{\"requestType\": \"AdminRemove\"}\n```\n\n" +
		"```\nsome shell output, not a body\n```\n"
	bs := Bodies("post.md", []byte(data))
	if len(bs) != 2 {
		t.Fatalf("got %d bodies: %+v", len(bs), bs)
	}
	if bs[0].Via != "New-MgEntitlementManagementAssignmentRequest" || !strings.HasPrefix(data[bs[0].Range.Start:], "@{ requestType") {
		t.Errorf("first: %+v", bs[0])
	}
	if bs[1].Via != payload.ViaMarkdown || bs[1].API != schemas.Beta || string(bs[1].JSON) != `{"requestType": "AdminRemove"}` {
		t.Errorf("second: %+v", bs[1])
	}
}

// A policy msgraph_resource updated with PUT replaces the policy on every
// change: the body says so, for the rules about full replacement.
func TestTerraformReplaces(t *testing.T) {
	for method, want := range map[string]bool{`"PUT"`: true, `"PATCH"`: false} {
		data := "resource \"msgraph_resource\" \"p\" {\n  url = \"identityGovernance/entitlementManagement/assignmentPolicies\"\n" +
			"  update_method = " + method + "\n  body = { displayName = \"x\" }\n}\n"
		bs := Bodies("main.tf", []byte(data))
		if len(bs) != 1 || bs[0].Replaces != want || bs[0].Method != "POST" {
			t.Errorf("update_method %s: %+v", method, bs)
		}
	}
}
