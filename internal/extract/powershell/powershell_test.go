package powershell

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/payload"
	"github.com/emlint/emlint/schemas"
)

func init() { catchPanics = false }

const v1Policies = "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies"

// want is what one body must be. Fields left zero are checked too, except
// problems and maps (nil: not checked).
type want struct {
	json        string // "" for no JSON
	via         string
	typed       bool
	method      string
	api         schemas.API
	kind        schemas.Kind
	lint, fp    bool
	unreadable  string            // substring of Unreadable
	rangeText   string            // the body's Range in the script ("" unchecked)
	problems    []string          // "rule|severity|span text|message substring"
	maps        map[string]string // JSON fragment (first occurrence) -> script text it maps to
	placeholder []string          // script text of each placeholder
}

func sameJSON(a, b string) bool {
	var x, y any
	if json.Unmarshal([]byte(a), &x) != nil || json.Unmarshal([]byte(b), &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}

func check(t *testing.T, script string, wants []want) {
	t.Helper()
	text := []byte(script)
	got := Extract(text)
	if len(got) != len(wants) {
		for _, b := range got {
			t.Logf("got %s %s: %s (%s)", b.Via, text[b.Range.Start:b.Range.End], b.JSON, b.Unreadable)
		}
		t.Fatalf("got %d bodies, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		b := got[i]
		if b.Syntax != payload.PowerShell {
			t.Errorf("body %d: syntax %q", i, b.Syntax)
		}
		exact, isExact := strings.CutPrefix(w.json, "=") // the script's own JSON text, compared as is
		if w.json == "" && b.JSON != nil || isExact && string(b.JSON) != exact || w.json != "" && !isExact && !sameJSON(string(b.JSON), w.json) {
			t.Errorf("body %d: JSON\n got %s\nwant %s", i, b.JSON, w.json)
		}
		if b.Via != w.via || b.Typed != w.typed || b.Method != w.method || b.API != w.api || b.Kind != w.kind ||
			b.Lint != w.lint || b.Fingerprint != w.fp {
			t.Errorf("body %d: got via=%q typed=%v method=%q api=%q kind=%q lint=%v fp=%v, want %+v",
				i, b.Via, b.Typed, b.Method, b.API, b.Kind, b.Lint, b.Fingerprint, w)
		}
		if w.unreadable == "" && b.Unreadable != "" || !strings.Contains(b.Unreadable, w.unreadable) {
			t.Errorf("body %d: unreadable %q, want %q", i, b.Unreadable, w.unreadable)
		}
		if w.rangeText != "" && string(text[b.Range.Start:b.Range.End]) != w.rangeText {
			t.Errorf("body %d: range %q, want %q", i, text[b.Range.Start:b.Range.End], w.rangeText)
		}
		if w.problems != nil {
			var ps []string
			for _, p := range b.Problems {
				ps = append(ps, p.Rule+"|"+p.Severity.String()+"|"+string(text[p.Span.Start:p.Span.End])+"|"+p.Message)
			}
			if len(ps) != len(w.problems) {
				t.Errorf("body %d: problems %q, want %q", i, ps, w.problems)
			} else {
				for k := range ps {
					if parts := strings.SplitN(w.problems[k], "|", 4); !strings.HasPrefix(ps[k], strings.Join(parts[:3], "|")+"|") ||
						!strings.Contains(ps[k], parts[3]) {
						t.Errorf("body %d: problem %q, want %q", i, ps[k], w.problems[k])
					}
				}
			}
		}
		for frag, src := range w.maps {
			j := strings.Index(string(b.JSON), frag)
			if j < 0 {
				t.Errorf("body %d: %q not in JSON", i, frag)
				continue
			}
			f, e := b.Map.Offset(j), b.Map.End(j+len(frag))
			if f > e || e > len(text) || string(text[f:e]) != src {
				t.Errorf("body %d: %q maps to %q, want %q", i, frag, text[min(f, e):e], src)
			}
		}
		if w.placeholder != nil {
			var ph []string
			for _, p := range b.Placeholders {
				ph = append(ph, string(text[b.Map.Offset(p.Start):b.Map.End(p.End)]))
			}
			if !reflect.DeepEqual(ph, w.placeholder) {
				t.Errorf("body %d: placeholders %q, want %q", i, ph, w.placeholder)
			}
		}
	}
}

var newV1 = "New-MgEntitlementManagementAssignmentPolicy"

func typedV1(json string) want {
	return want{json: json, via: newV1, typed: true, method: "POST", api: schemas.V1, kind: schemas.Policy, lint: true}
}

func TestTyped(t *testing.T) {
	cases := []struct {
		name, script string
		wants        []want
	}{
		{"inline BodyParameter", `New-MgEntitlementManagementAssignmentPolicy -BodyParameter @{ displayName = "x"; durationInDays = 3 }`,
			[]want{func() want {
				w := typedV1(`{"displayName":"x","durationInDays":3}`)
				w.rangeText = `@{ displayName = "x"; durationInDays = 3 }`
				w.maps = map[string]string{`"displayName"`: "displayName", `"x"`: `"x"`, "3": "3", "{": "@{", "}": "}"}
				w.problems = []string{}
				return w
			}()}},
		{"variable, case-insensitive name", "$p = @{\n  displayName = 'a'\n}\nnew-mgentitlementmanagementassignmentpolicy -BodyParameter $p",
			[]want{func() want {
				w := typedV1(`{"displayName":"a"}`)
				w.via = newV1
				w.maps = map[string]string{`"a"`: "'a'"}
				return w
			}()}},
		{"last assignment before the call", "$p = @{ a = 1 }\n$p = @{ a = 2 }\n" + newV1 + " -BodyParameter $p\n$p = @{ a = 3 }",
			[]want{typedV1(`{"a":2}`)}},
		{"splat with BodyParameter", "$body = @{ displayName = 'x' }\n$params = @{ BodyParameter = $body; AccessPackageAssignmentPolicyId = $id }\nSet-MgEntitlementManagementAssignmentPolicy @params",
			[]want{{json: `{"displayName":"x"}`, via: "Set-MgEntitlementManagementAssignmentPolicy", typed: true, method: "PUT",
				api: schemas.V1, kind: schemas.Policy, lint: true, rangeText: "@{ displayName = 'x' }"}}},
		{"splat of expanded parameters", "$params = @{\n DisplayName = 'x'\n RequestorSettings = @{ scopeType = 'NoSubjects' }\n AccessPackageId = 'ap'\n}\nNew-MgBetaEntitlementManagementAccessPackageAssignmentPolicy @params",
			[]want{{json: `{"displayName":"x","requestorSettings":{"scopeType":"NoSubjects"},"accessPackageId":"ap"}`,
				via: "New-MgBetaEntitlementManagementAccessPackageAssignmentPolicy", typed: true, method: "POST", api: schemas.Beta, kind: schemas.Policy, lint: true,
				maps: map[string]string{`"displayName"`: "DisplayName"}}}},
		{"named expanded parameters and a switch", "$requestorSettings = @{ scopeType = 'AllExistingDirectorySubjects' }\nNew-MgBetaEntitlementManagementAccessPackageAssignmentPolicy -AccessPackageId $ap -DisplayName \"x\" `\n  -DurationInDays 30 -CanExtend -RequestorSettings $requestorSettings -AdditionalProperties @{ questions = @() } -ErrorAction Stop",
			[]want{{json: `{"accessPackageId":null,"displayName":"x","durationInDays":30,"canExtend":true,"requestorSettings":{"scopeType":"AllExistingDirectorySubjects"},"questions":[]}`,
				via: "New-MgBetaEntitlementManagementAccessPackageAssignmentPolicy", typed: true, method: "POST", api: schemas.Beta, kind: schemas.Policy, lint: true,
				maps:        map[string]string{`"canExtend":true`: "CanExtend", `"scopeType"`: "scopeType", `"durationInDays"`: "DurationInDays", "30": "30"},
				placeholder: []string{"$ap"}}}},
		{"pipeline", "$r = @{ requestType = 'adminAdd' }\n$r | New-MgEntitlementManagementAssignmentRequest",
			[]want{{json: `{"requestType":"adminAdd"}`, via: "New-MgEntitlementManagementAssignmentRequest", typed: true, method: "POST", api: schemas.V1, kind: schemas.Request, lint: true}}},
		{"ordered and pscustomobject", "$a = [ordered]@{ x = 1 }\n" + newV1 + " -BodyParameter $a\n" + newV1 + " -BodyParameter ([pscustomobject]@{ y = 2 })\n" + newV1 + " -BodyParameter (New-Object PSObject -Property @{ z = 3 })",
			[]want{func() want { w := typedV1(`{"x":1}`); w.rangeText = "[ordered]@{ x = 1 }"; return w }(), typedV1(`{"y":2}`), typedV1(`{"z":3}`)}},
		{"arrays", newV1 + " -BodyParameter @{\n a = @(\n  @{ k = 1 }\n  @{ k = 2 }\n )\n b = @( 1, 2\n 3 )\n c = 'x', 'y'\n d = ,@{ k = 3 }\n e = @()\n f = @(@(1, 2), @(3))\n g = @(@(1, 2))\n}",
			[]want{typedV1(`{"a":[{"k":1},{"k":2}],"b":[1,2,3],"c":["x","y"],"d":[{"k":3}],"e":[],"f":[[1,2],[3]],"g":[1,2]}`)}},
		{"comments and continuation", newV1 + " `\n  -BodyParameter @{ # a comment\n <# block\n comment #> a = 1 ; b = 2 # end\n}",
			[]want{typedV1(`{"a":1,"b":2}`)}},
		{"strings", newV1 + " -BodyParameter @{ a = 'it''s'; b = \"q`\"x`\" `$y `n\"; c = \"say \"\"hi\"\"\"; 'd e' = ‘smart’; f = “dq”; 7 = 0x1F; g = -5; h = 1.5; i = $TRUE; j = $False; k = $Null }",
			[]want{typedV1(`{"a":"it's","b":"q\"x\" $y \n","c":"say \"hi\"","d e":"smart","f":"dq","7":31,"g":-5,"h":1.5,"i":true,"j":false,"k":null}`)}},
		{"placeholders", newV1 + " -BodyParameter @{ a = $x; b = $x.Id; c = $($x.Id); d = (Get-Date).AddDays(30); e = [datetime]::Parse('2020'); f = [int]5; g = $a + $b; h = \"id $x\"; i = $a -join ','; j = 1kb; k = Get-Date -Format o; l = \"${x}\" }",
			[]want{func() want {
				w := typedV1(`{"a":null,"b":null,"c":null,"d":null,"e":null,"f":null,"g":null,"h":null,"i":null,"j":null,"k":null,"l":null}`)
				w.placeholder = []string{"$x", "$x.Id", "$($x.Id)", "(Get-Date).AddDays(30)", "[datetime]::Parse('2020')", "[int]5", "$a + $b", `"id $x"`, "$a -join ','", "1kb", "Get-Date -Format o", `"${x}"`}
				return w
			}()}},
		{"incremental edits", "$p = @{ displayName = 'x' }\n$p.requestorSettings = @{ scopeType = 'a' }\n$p['description'] = 'd'\n$p.Add('durationInDays', 5)\n$p.displayName = 'y'\n$p.requestorSettings.scopeType = 'b'\n" + newV1 + " -BodyParameter $p\n$p.late = 1",
			[]want{func() want {
				w := typedV1(`{"displayName":"y","requestorSettings":{"scopeType":"b"},"description":"d","durationInDays":5}`)
				w.maps = map[string]string{`"description"`: "'description'", `"y"`: "'y'", `"durationInDays"`: "'durationInDays'"}
				return w
			}()}},
		{"cycle", "$a = @{ b = $b }\n$b = @{ a = $a }\n" + newV1 + " -BodyParameter $a",
			[]want{typedV1(`{"b":null}`)}},
		{"Update is PATCH", "Update-MgBetaEntitlementManagementAccessPackageAssignmentPolicy -AccessPackageAssignmentPolicyId $id -BodyParameter @{ displayName = 'x' }",
			[]want{{json: `{"displayName":"x"}`, via: "Update-MgBetaEntitlementManagementAccessPackageAssignmentPolicy", typed: true, method: "PATCH", api: schemas.Beta, kind: schemas.Policy, lint: true,
				problems: []string{"policy-update-method|error|Update-MgBetaEntitlementManagementAccessPackageAssignmentPolicy|PUT"}}}},
		{"1.x name without profile", "New-MgEntitlementManagementAccessPackageAssignmentPolicy -BodyParameter @{ a = 1 }",
			[]want{{json: `{"a":1}`, via: "New-MgEntitlementManagementAccessPackageAssignmentPolicy", typed: true, method: "POST", kind: schemas.Policy, lint: true}}},
		{"1.x name with beta profile", "Select-MgProfile beta\nNew-MgEntitlementManagementAccessPackageAssignmentRequest -BodyParameter @{ a = 1 }\nSelect-MgProfile -Name v1.0\nUpdate-MgEntitlementManagementAccessPackageAssignmentPolicy -BodyParameter @{ a = 1 }",
			[]want{{json: `{"a":1}`, via: "New-MgEntitlementManagementAccessPackageAssignmentRequest", typed: true, method: "POST", api: schemas.Beta, kind: schemas.Request, lint: true,
				problems: []string{"ps-sdk1-cmdlet-name|warning|New-MgEntitlementManagementAccessPackageAssignmentRequest|New-MgBetaEntitlementManagementAccessPackageAssignmentRequest"}},
				{json: `{"a":1}`, via: "Update-MgEntitlementManagementAccessPackageAssignmentPolicy", typed: true, method: "PATCH", kind: schemas.Policy, lint: true,
					problems: []string{"policy-update-method|error|Update-MgEntitlementManagementAccessPackageAssignmentPolicy|PUT",
						"ps-sdk1-cmdlet-name|warning|Update-MgEntitlementManagementAccessPackageAssignmentPolicy|Update-MgBetaEntitlementManagementAccessPackageAssignmentPolicy"}}}},
		{"beta cmdlet for the v1.0 request shape", "New-MgBetaEntitlementManagementAssignmentRequest -BodyParameter @{ requestType = 'adminAdd' }",
			[]want{{json: `{"requestType":"adminAdd"}`, via: "New-MgBetaEntitlementManagementAssignmentRequest", typed: true, method: "POST", api: schemas.V1, kind: schemas.Request, lint: true}}},
		{"AsHashtable", "$h = Get-Content p.json -Raw | ConvertFrom-Json -AsHashtable\n" + newV1 + " -BodyParameter $h",
			[]want{{via: newV1, typed: true, method: "POST", api: schemas.V1, kind: schemas.Policy,
				problems: []string{"ps-case-sensitive-hashtable|error|$h|OrdinalIgnoreCase"}}}},
		{"unreadable: no value", "$p = @{\n  displayName = 'x'\n  managerLevel =\n  isBackup = $false\n}\n" + newV1 + " -BodyParameter $p",
			[]want{{via: newV1, typed: true, method: "POST", api: schemas.V1, kind: schemas.Policy, lint: true,
				unreadable: "line 3: `managerLevel` has no value", rangeText: "@{\n  displayName = 'x'\n  managerLevel =\n  isBackup = $false\n}"}}},
		{"unreadable: inner quotes", newV1 + " -BodyParameter @{ membershipRule = \"(user.department -eq \"Sales\")\" }",
			[]want{{via: newV1, typed: true, method: "POST", api: schemas.V1, kind: schemas.Policy, lint: true,
				unreadable: "line 1: unexpected `Sales` after the value of `membershipRule`"}}},
		{"unterminated hashtable", newV1 + " -BodyParameter @{ a = 1\n",
			[]want{{via: newV1, typed: true, method: "POST", api: schemas.V1, kind: schemas.Policy, lint: true, unreadable: "not closed"}}},
		{"CRLF and BOM", "\uFEFF$p = @{\r\n  displayName = 'x'\r\n  n = 1\r\n}\r\n" + newV1 + " `\r\n -BodyParameter $p\r\n",
			[]want{func() want {
				w := typedV1(`{"displayName":"x","n":1}`)
				w.maps = map[string]string{`"displayName"`: "displayName", "1": "1"}
				return w
			}()}},
		{"body not in sight", newV1 + " -BodyParameter $param", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { check(t, c.script, c.wants) })
	}
}

func TestRaw(t *testing.T) {
	policy := "$p = @{\n requestApprovalSettings = @{\n  stages = @(\n   @{\n    primaryApprovers = @(\n     @{ userId = 'u' }\n    )\n   }\n  )\n }\n}\n"
	deep := `{"requestApprovalSettings":{"stages":[{"primaryApprovers":[{"userId":"u"}]}]}}`
	mg := func(json string, problems ...string) want {
		return want{json: json, via: "Invoke-MgGraphRequest", method: "POST", api: schemas.V1, kind: schemas.Policy, lint: true, problems: problems}
	}
	cases := []struct {
		name, script string
		wants        []want
	}{
		{"hashtable", policy + "Invoke-MgGraphRequest -Method POST -Uri '" + v1Policies + "' -Body $p",
			[]want{mg(deep)}},
		{"ConvertTo-Json without -Depth", policy + "Invoke-MgGraphRequest -Method POST -Uri '" + v1Policies + "' -Body ($p | ConvertTo-Json)",
			[]want{mg(deep, "ps-convertto-json-depth|error|ConvertTo-Json|ConvertTo-Json serialises 2 levels by default; this body nests 5 levels deep (requestApprovalSettings.stages[0].primaryApprovers[0])")}},
		{"ConvertTo-Json -Depth 4 is short", policy + "$json = ConvertTo-Json $p -Depth 4\nInvoke-MgGraphRequest -Method POST -Uri '" + v1Policies + "' -Body $json",
			[]want{mg(deep, "ps-convertto-json-depth|error|ConvertTo-Json|-Depth 4 serialises 4 levels")}},
		{"ConvertTo-Json -Depth 5 is enough", policy + "Invoke-MgGraphRequest -Method POST -Uri '" + v1Policies + "' -Body (ConvertTo-Json -InputObject $p -Depth 5)",
			[]want{mg(deep)}},
		{"ConvertTo-Json -Depth variable", policy + "Invoke-MgGraphRequest -Method POST -Uri '" + v1Policies + "' -Body ($p | ConvertTo-Json -Depth $d)",
			[]want{mg(deep)}},
		// The boundary: @{a=@{b=1}} survives -Depth 1; @{a=@{b=@{}}} does not.
		{"depth boundary", "Invoke-MgGraphRequest -Method POST -Uri '" + v1Policies + "' -Body (@{a=@{b=1}} | ConvertTo-Json -Depth 1)\n" +
			"Invoke-MgGraphRequest -Method POST -Uri '" + v1Policies + "' -Body (@{a=@{b=@{}}} | ConvertTo-Json -Depth 1)",
			[]want{mg(`{"a":{"b":1}}`), mg(`{"a":{"b":{}}}`, "ps-convertto-json-depth|error|ConvertTo-Json|nests 2 levels deep (a.b)")}},
		{"here-string", "$body = @'\n{\n  \"displayName\": \"x\"\n}\n'@\nInvoke-RestMethod -Method Post -Uri \"" + v1Policies + "\" -Body $body -ContentType 'application/json'",
			[]want{{json: `{"displayName":"x"}`, via: "Invoke-RestMethod", method: "POST", api: schemas.V1, kind: schemas.Policy, lint: true,
				maps: map[string]string{`"displayName"`: `"displayName"`, `"x"`: `"x"`}}}},
		{"expandable here-string and URL variable", "$base = \"https://graph.microsoft.com/beta\"\n$body = @\"\n{\"accessPackageId\": $apId, \"x\": $a, \"note\": \"$name\"}\n\"@\nirm -Method PUT -Uri \"$base/identityGovernance/entitlementManagement/accessPackageAssignmentPolicies/$($p.Id)\" -Body $body",
			[]want{{json: `={"accessPackageId": null , "x": null, "note": "$name"}`, via: "Invoke-RestMethod", method: "PUT", api: schemas.Beta, kind: schemas.Policy, lint: true,
				placeholder: []string{"$apId", "$a", "$name"}, maps: map[string]string{`"note"`: `"note"`}}}},
		{"URL variable assigned once", "$uri = '" + v1Policies + "'\nInvoke-MgGraphRequest -Method PATCH -Uri $uri -Body @{ a = 1 }",
			[]want{{json: `{"a":1}`, via: "Invoke-MgGraphRequest", method: "PATCH", api: schemas.V1, kind: schemas.Policy, lint: true,
				problems: []string{"policy-update-method|error|PATCH|PUT"}}}},
		{"URL variable assigned twice", "$uri = '" + v1Policies + "'\n$uri = 'x'\nInvoke-MgGraphRequest -Method POST -Uri $uri -Body @{ a = 1 }",
			[]want{{json: `{"a":1}`, via: "Invoke-MgGraphRequest", method: "POST", fp: true,
				problems: []string{"body-unknown-endpoint|info|$uri|cannot resolve"}}}},
		{"positional URL, relative", "Invoke-MgGraphRequest POST 'v1.0/identityGovernance/entitlementManagement/accessPackageAssignmentPolicies' @{ a = 1 }",
			[]want{{json: `{"a":1}`, via: "Invoke-MgGraphRequest", method: "POST", api: schemas.Beta, kind: schemas.Policy, lint: true,
				problems: []string{"http-url|error|accessPackageAssignmentPolicies|beta"}}}},
		{"unknown collection", "Invoke-MgGraphRequest -Method POST -Uri '/v1.0/identityGovernance/entitlementManagement/assignmentPolicy' -Body @{ a = 1 }",
			[]want{{json: `{"a":1}`, via: "Invoke-MgGraphRequest", method: "POST", fp: true,
				problems: []string{"http-url|error|assignmentPolicy|assignmentPolicies"}}}},
		{"GET and other APIs are not ours", "Invoke-MgGraphRequest -Uri '" + v1Policies + "' -Body @{ accessPackageId = 1; requestorSettings = 2 }\n" +
			"Invoke-RestMethod -Method Post -Uri 'https://example.com/x' -Body (@{ accessPackageId = 1; requestorSettings = 2 } | ConvertTo-Json)", nil},
		{"splatted raw call", "$req = @{ Method = 'POST'; Uri = '" + v1Policies + "'; Body = @{ a = 1 } }\nInvoke-RestMethod @req",
			[]want{{json: `{"a":1}`, via: "Invoke-RestMethod", method: "POST", api: schemas.V1, kind: schemas.Policy, lint: true}}},
		{"string body", "iwr -Method POST -Uri '" + v1Policies + "' -Body '{\"a\": ''b''}'",
			[]want{{json: `={"a": 'b'}`, via: "Invoke-WebRequest", method: "POST", api: schemas.V1, kind: schemas.Policy, lint: true,
				maps: map[string]string{`"a"`: `"a"`, `'b'`: `''b''`}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { check(t, c.script, c.wants) })
	}
}

func TestOutOfSight(t *testing.T) {
	fp := func(json string) want { return want{json: json, via: payload.ViaUnknown, fp: true} }
	cases := []struct {
		name, script string
		wants        []want
	}{
		{"two strong keys", "$policy = @{ AccessPackageId = 'a'; requestorSettings = @{ x = 1 }; displayName = 'p' }\nSend-Policy $policy",
			[]want{func() want {
				w := fp(`{"AccessPackageId":"a","requestorSettings":{"x":1},"displayName":"p"}`)
				w.rangeText = "@{ AccessPackageId = 'a'; requestorSettings = @{ x = 1 }; displayName = 'p' }"
				return w
			}()}},
		{"one strong key", "$x = @{ accessPackageId = 'a'; displayName = 'p' }", nil},
		{"inlined variable is part of the later body", "$rs = @{ requestType = 'a'; answers = @() }\n$p = @{ requestType = 'x'; assignment = $rs }",
			[]want{fp(`{"requestType":"x","assignment":{"requestType":"a","answers":[]}}`)}},
		{"nested in a config table", "$config = @{ Name = 'x'; Policy = @{ requestType = 'a'; schedule = @{} } }",
			[]want{fp(`{"requestType":"a","schedule":{}}`)}},
		{"keys added by edits", "$b = @{}\n$b.requestType = 'adminAdd'\n$b['answers'] = @()",
			[]want{fp(`{"requestType":"adminAdd","answers":[]}`)}},
		{"splat tables are parameters", "$p = @{ RequestType = 'a'; Assignment = @{} }\nNew-Thing @p", nil},
		{"unreadable", "return @{\n requestType = 'a'\n schedule =\n}",
			[]want{{via: payload.ViaUnknown, fp: true, unreadable: "line 3: `schedule` has no value"}}},
		{"not again inside a sent body", "$body = @{ requestType = 'a'; assignment = @{ requestType = 'b'; schedule = 1 } }\nNew-MgEntitlementManagementAssignmentRequest -BodyParameter $body",
			[]want{{json: `{"requestType":"a","assignment":{"requestType":"b","schedule":1}}`, via: "New-MgEntitlementManagementAssignmentRequest", typed: true, method: "POST", api: schemas.V1, kind: schemas.Request, lint: true}}},
		{"no body at all", "Write-Host 'hello'\nGet-MgUser -UserId $id | Select-Object DisplayName", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { check(t, c.script, c.wants) })
	}
}

// TestLinear checks that a large script without bodies is cheap: one
// pass, no quadratic behaviour.
func TestLinear(t *testing.T) {
	var sb strings.Builder
	for sb.Len() < 4<<20 {
		sb.WriteString("$x = @{ a = 1; b = @( 'c', \"d $e\" ) } # comment\nGet-Thing -Name $x.a | Out-Null\n")
	}
	if got := Extract([]byte(sb.String())); len(got) != 0 {
		t.Fatalf("got %d bodies", len(got))
	}
}

// Variables that hold each other twice over double the body at every step:
// the body is reported unreadable instead of built (2^30 values here).
func TestVariableBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("$v0 = @{ requestType = 'adminAdd'; assignment = @{ id = 'x' } }\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&b, "$v%d = @{ a = $v%d; b = $v%d }\n", i, i-1, i-1)
	}
	b.WriteString("New-MgEntitlementManagementAssignmentRequest -BodyParameter $v30\n")
	bodies := Extract([]byte(b.String()))
	if len(bodies) == 0 || !strings.Contains(bodies[len(bodies)-1].Unreadable, "more than 65536 values") {
		t.Fatalf("bodies: %+v", bodies)
	}
}
