package terraform

import (
	"encoding/json"
	"testing"
)

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		policyObject,
		head + "  body = jsonencode({ a = [1, -2, 3.5e2], b = { c = null } })\n}\n",
		head + "  body = <<EOT\n{\"a\": ${var.x}, \"b\": \"${var.y}\"}\nEOT\n}\n",
		head + "  body = <<-EOT\n    {\"a\": 1}\n    EOT\n}\n",
		head + "  body = \"{\\\"a\\\": 1}\"\n}\n",
		head + "  body = { a = var.on ? [{ x = 1 }] : [], b = var.y ? \"s\" : 2 }\n}\n",
		head + "  body = { t = [for g in var.g : { id = g.id } if g.on], m = {for k, v in var.m : k => v} }\n}\n",
		head + "  body = merge(local.a, { x = 1 })\n}\n",
		head + "  body = { (local.k) = 1, \"@odata.type\" = \"#x\", z = try({}, 1) }\n}\n",
		"resource \"msgraph_update_resource\" \"p\" {\n  url = \"identityGovernance/entitlementManagement/assignmentPolicies/${msgraph_resource.p.id}\"\n  body = { a = 1 }\n}\n",
		"resource \"msgraph_resource\" \"p\" {\n  url = \"${local.base}/assignmentPolicies\"\n  api_version = var.v\n  body = jsondecode(<<EOT\n{}\nEOT\n)\n}\n",
		"resource \"msgraph_resource_action\" \"a\" {\n  resource_url = \"identityGovernance/entitlementManagement\"\n  action = \"assignmentRequests\"\n  method = \"POST\"\n  body = { a = 1 }\n}\n",
		"resource \"msgraph_resource\" \"p\" {\n  url = \"identityGovernance/entitlementManagement/assignmentPolicies\n",
		head + "  body = <<EOT\n[%{for x in var.l}1,%{endfor}]\nEOT\n}\n",
	} {
		f.Add([]byte(s))
	}
	onPanic = func(r any) { panic(r) }
	f.Fuzz(func(t *testing.T, text []byte) {
		for i, b := range Extract(text) {
			inFile := func(what string, s, e int) {
				if s < 0 || s > e || e > len(text) {
					t.Fatalf("body %d: %s %d..%d outside the file (%d)", i, what, s, e, len(text))
				}
			}
			inFile("range", b.Range.Start, b.Range.End)
			for _, p := range b.Problems {
				inFile(p.Rule, p.Span.Start, p.Span.End)
			}
			last := 0
			for _, s := range b.Map.Segs {
				inFile("segment", s.F, s.FEnd)
				if s.J < last || s.JEnd < s.J || s.JEnd > len(b.JSON) {
					t.Fatalf("body %d: segment %+v after %d, JSON %d", i, s, last, len(b.JSON))
				}
				last = s.JEnd
			}
			for _, p := range b.Placeholders {
				if p.Start < 0 || p.Start > p.End || p.End > len(b.JSON) {
					t.Fatalf("body %d: placeholder %+v outside JSON", i, p)
				}
			}
			// The user's own JSON text (a heredoc or string) may be
			// invalid; what emlint writes may not.
			if b.Unreadable == "" && !b.Map.Identity() && len(b.Map.Segs) > 1 && !json.Valid(b.JSON) {
				t.Fatalf("body %d: invalid JSON %q", i, b.JSON)
			}
		}
	})
}
