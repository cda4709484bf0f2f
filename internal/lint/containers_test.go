package lint

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/validate"
)

// got lists a file's findings as "line:col severity rule [text under the finding]".
func got(res File, data string) []string {
	var out []string
	for _, f := range res.Findings {
		out = append(out, fmt.Sprintf("%d:%d %s %s [%s]", f.Line, f.Col, f.Severity, f.Rule, data[f.Start:f.End]))
	}
	return out
}

func hasFinding(list []string, want string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, want) {
			return true
		}
	}
	return false
}

const policyBody = `@{
	DisplayName = "Contractors"
	description = "Contractors ask, their sponsors approve"
	allowedTargetScope = "allMemberUsers"
	expiration = @{ type = "noExpiration" }
	accessPackage = @{ id = $accessPackageId }
	requestApprovalSettings = @{
		isApprovalRequiredForAdd = %s
		isApprovalRequiredForUpdate = $false
		stages = @(
			@{
				durationBeforeAutomaticDenial = "P7D"
				isApproverJustificationRequired = $false
				isEscalationEnabled = $false
				primaryApprovers = %s
				fallbackPrimaryApprovers = @()
				escalationApprovers = @()
				fallbackEscalationApprovers = @()
			}
		)
	}
}`

// The same policy body, sent three ways: what a typed cmdlet forgives is
// graded below error, what it sends as written is not, and the raw JSON
// transports judge every key as written.
func TestPowerShellTransports(t *testing.T) {
	approvers := `@( @{ "@odata.type" = "#microsoft.graph.singleUser"; UserId = "46184453-e63b-4f20-86c2-c557ed5d5df9" } )`
	body := fmt.Sprintf(policyBody, `"true"`, approvers)
	typed := "$p = " + body + "\nNew-MgEntitlementManagementAssignmentPolicy -BodyParameter $p\n"
	res := Lint("typed.ps1", []byte(typed), Options{})
	fs := got(res, typed)
	for _, want := range []string{
		"2:2 info property-name-case [DisplayName]",
		"8:30 info schema-type [\"true\"]",
		"15:77 error property-name-case [UserId]",
	} {
		if !hasFinding(fs, want) {
			t.Errorf("typed cmdlet: no %q in %q", want, fs)
		}
	}
	if len(fs) != 3 {
		t.Errorf("typed cmdlet: want 3 findings, got %q", fs)
	}
	if len(res.Bodies) != 1 || res.Bodies[0].Via != "New-MgEntitlementManagementAssignmentPolicy" || res.Bodies[0].Method != "POST" ||
		res.Bodies[0].Line != 1 || res.Bodies[0].Col != 6 || res.Bodies[0].API != "v1.0" || res.Bodies[0].Kind != "policy" {
		t.Errorf("bodies: %+v", res.Bodies)
	}

	raw := "$p = " + body + "\nInvoke-MgGraphRequest -Method POST -Uri 'https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies' -Body $p\n"
	fs = got(Lint("raw.ps1", []byte(raw), Options{}), raw)
	for _, want := range []string{
		"2:2 error property-name-case [DisplayName]",
		"8:30 warning schema-type [\"true\"]",
		"15:77 error property-name-case [UserId]",
	} {
		if !hasFinding(fs, want) {
			t.Errorf("Invoke-MgGraphRequest: no %q in %q", want, fs)
		}
	}

	dropped := "$p = " + fmt.Sprintf(policyBody, `"yes"`, "@()") + "\nNew-MgEntitlementManagementAssignmentPolicy -BodyParameter $p\n"
	fs = got(Lint("dropped.ps1", []byte(dropped), Options{}), dropped)
	if !hasFinding(fs, `8:30 warning ps-cmdlet-dropped-value ["yes"]`) {
		t.Errorf("an unconvertible value: %q", fs)
	}
}

// A hashtable where Graph expects a list is reported with the fix a person
// would write, and --fix applies it in PowerShell syntax.
func TestPowerShellCollectionFix(t *testing.T) {
	approvers := `@{ "@odata.type" = "#microsoft.graph.singleUser"; userId = "46184453-e63b-4f20-86c2-c557ed5d5df9" }`
	src := "$p = " + fmt.Sprintf(policyBody, "$true", approvers) + "\nInvoke-MgGraphRequest -Method POST -Uri v1.0/identityGovernance/entitlementManagement/assignmentPolicies -Body ($p | ConvertTo-Json -Depth 10)\n"
	res := Lint("fix.ps1", []byte(src), Options{})
	var fix *finding.Finding
	for i, f := range res.Findings {
		if f.Rule == "ps-collection-as-hashtable" {
			fix = &res.Findings[i]
		}
	}
	if fix == nil || fix.Line != 15 || fix.Severity != finding.Error || fix.Fix == nil || len(fix.Fix.Edits) != 2 {
		t.Fatalf("no collection finding with a fix: %q", got(res, src))
	}
	out, n := ApplyFixes([]byte(src), res.Findings)
	if n == 0 || !strings.Contains(string(out), "primaryApprovers = @("+approvers+")") {
		t.Fatalf("fixed: %s", out)
	}
	if !strings.Contains(string(out), "\n\tdisplayName = ") {
		t.Errorf("the key's spelling was not fixed: %s", out)
	}
	if again := Lint("fix.ps1", out, Options{}); len(again.Findings) != 0 {
		t.Errorf("after the fixes: %q", got(again, string(out)))
	}
}

// Fixes that are one token become edits in the body's own syntax: a key's
// spelling and an enum value in PowerShell, @odata.type's # in HCL.
func TestFixesInSourceSyntax(t *testing.T) {
	ps := "Invoke-MgGraphRequest -Method POST -Uri v1.0/identityGovernance/entitlementManagement/assignmentRequests -Body @{\n" +
		"  RequestType = 'adminAdd'\n  assignment = @{ id = \"e6d8a3d6-f1b8-4a3b-9c52-2e4a1c7f0b11\" }\n}\n"
	res := Lint("r.ps1", []byte(ps), Options{})
	out, _ := ApplyFixes([]byte(ps), res.Findings)
	if !strings.Contains(string(out), "\n  requestType = 'adminAdd'") {
		t.Errorf("PowerShell key fix: %s (%q)", out, got(res, ps))
	}
	tf := `resource "msgraph_resource" "p" {
  url           = "identityGovernance/entitlementManagement/assignmentPolicies"
  update_method = "PUT"
  body = {
    displayName            = "Partners"
    description            = "Partners"
    allowedTargetScope     = "AllExternalUsers"
    accessPackage          = { id = var.ap }
    expiration             = { type = "noExpiration" }
  }
}
`
	res = Lint("p.tf", []byte(tf), Options{})
	out, n := ApplyFixes([]byte(tf), res.Findings)
	if n != 1 || !strings.Contains(string(out), `allowedTargetScope     = "allExternalUsers"`) {
		t.Errorf("HCL enum fix (%d): %s (%q)", n, out, got(res, tf))
	}
}

// A Windows PowerShell script (UTF-16 with a byte order mark, CRLF):
// positions count characters of the decoded text.
func TestUTF16Script(t *testing.T) {
	src := "# Noël's policy\r\n$p = @{ allowedTargetScope = 'allMemberUser'; accessPackage = @{ id = $x }; expiration = @{ type = 'noExpiration' }; displayName = 'a'; description = 'b' }\r\nNew-MgEntitlementManagementAssignmentPolicy -BodyParameter $p\r\n"
	units := utf16.Encode([]rune(src))
	data := []byte{0xFF, 0xFE}
	for _, u := range units {
		data = append(data, byte(u), byte(u>>8))
	}
	res := Lint("w.ps1", data, Options{})
	if len(res.Findings) != 1 || res.Findings[0].Rule != "schema-enum" || res.Findings[0].Line != 2 || res.Findings[0].Col != 30 {
		t.Fatalf("findings: %+v", res.Findings)
	}
	if res.Source[2] == "" || !strings.Contains(res.Source[2], "allMemberUser") {
		t.Errorf("snippet line: %q", res.Source[2])
	}
}

// A hashtable whose call is out of sight is linted when two of its root
// keys are a policy's own; one is not enough, and a script without any
// body is skipped quietly.
func TestFingerprintedHashtables(t *testing.T) {
	two := "$p = @{ allowedTargetScope = 'allMemberUser'; requestorSettings = @{} }\nNew-Thing $p\n"
	if res := Lint("two.ps1", []byte(two), Options{}); res.Status != Linted || !hasFinding(got(res, two), "1:30 error schema-enum") {
		t.Errorf("two keys: %s %q", res.Status, got(res, two))
	}
	one := "$p = @{ questions = 3; name = 'x' }\nNew-Thing $p\n"
	if res := Lint("one.ps1", []byte(one), Options{}); res.Status != Skipped || len(res.Findings) != 0 {
		t.Errorf("one key: %s %q", res.Status, got(res, one))
	}
	none := "Get-ChildItem | Where-Object { $_.Length -gt 1kb }\n"
	if res := Lint("none.ps1", []byte(none), Options{}); res.Status != Skipped || len(res.Findings) != 0 {
		t.Errorf("no body: %s %q", res.Status, got(res, none))
	}
}

// Syntax emlint cannot read skips that body with an info, never an error,
// and the next body is still linted.
func TestUnreadableBody(t *testing.T) {
	src := "$a = @{\n  requestType = 'adminAdd'\n  assignment = @{ id = }\n}\nNew-MgEntitlementManagementAssignmentRequest -BodyParameter $a\n" +
		"$b = @{ requestType = 'adminRemove'; assignment = @{ id = 'x' } }\nNew-MgEntitlementManagementAssignmentRequest -BodyParameter $b\n"
	res := Lint("u.ps1", []byte(src), Options{})
	fs := got(res, src)
	if !hasFinding(fs, "1:6 info body-unreadable") || !hasFinding(fs, "6:59 error id-format") {
		t.Errorf("findings: %q", fs)
	}
	for _, f := range res.Findings {
		if f.Line < 6 && f.Severity != finding.Info {
			t.Errorf("the unreadable body got %s %s", f.Severity, f.Rule)
		}
	}
}

// noBodyScript is a PowerShell script of about n bytes with hashtables,
// strings and cmdlet calls, none of them a Graph body.
func noBodyScript(n int) []byte {
	const chunk = `$settings = @{ ResourceGroup = "rg-audit"; Location = 'westeurope'; Tags = @{ owner = "audit" } }
New-AzResourceGroup -Name $settings.ResourceGroup -Location $settings.Location -Tag $settings.Tags
Invoke-RestMethod -Method Get -Uri "https://graph.microsoft.com/v1.0/users?$top=5" -Headers @{ Authorization = "Bearer $token" }
foreach ($u in $users) { Write-Host "$($u.DisplayName) <$($u.Mail)>" } # a comment with "quotes" and @{ braces
`
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(chunk)
	}
	return []byte(b.String())
}

// A script without an entitlement-management body costs one scan: it is
// skipped, and no schema is used. Checked in a fresh process, since
// other tests compile schemas.
func TestScriptWithoutBodyCompilesNoSchema(t *testing.T) {
	if os.Getenv("EMLINT_TEST_CHILD") == "nobody" {
		res := Lint("deploy.ps1", noBodyScript(200_000), Options{})
		fmt.Printf("status=%s validated=%q\n", res.Status, validate.Validated())
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestScriptWithoutBodyCompilesNoSchema$")
	cmd.Env = append(os.Environ(), "EMLINT_TEST_CHILD=nobody")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !strings.Contains(string(out), `status=skipped validated=[]`) {
		t.Errorf("a script without a body: %s", out)
	}
}

// Invoke-RestMethod sends a hashtable -Body as form fields: an error at the
// argument, and the body is still linted; through ConvertTo-Json it is JSON.
func TestFormEncodedBody(t *testing.T) {
	src := "$b = @{ requestType = 'adminRemove'; assignment = @{ id = 'x' } }\n" +
		"Invoke-RestMethod -Method Post -Uri https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentRequests -Body $b\n" +
		"Invoke-RestMethod -Method Post -Uri https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentRequests -Body ($b | ConvertTo-Json -Depth 3)\n"
	fs := got(Lint("f.ps1", []byte(src), Options{}), src)
	if len(fs) != 2 || !hasFinding(fs, "1:59 error id-format") || !hasFinding(fs, "2:136 error ps-hashtable-form-body [$b]") {
		t.Errorf("findings: %q", fs)
	}
}

// A body the script assembles with += is not linted, and an info says so
// at the call; a function the script defines under an SDK name (a module's
// own Invoke-GraphRequest) is not the SDK's, and the hashtable it is given
// is linted by its properties.
func TestUnfollowedBodies(t *testing.T) {
	src := "$uri = 'https://graph.microsoft.com/beta/identityGovernance/entitlementManagement/accessPackageAssignmentRequests'\n" +
		"$body = '{ \"requestType\": \"AdminAdd\"'\n" +
		"$body += '}'\n" +
		"Invoke-WebRequest -Method POST -Uri $uri -Body $body\n" +
		"function Invoke-GraphRequest { param($Endpoint, $Method, $Body) }\n" +
		"$p = @{ allowedTargetScope = 'allMemberUser'; accessPackage = @{ id = $ap } }\n" +
		"Invoke-GraphRequest -Endpoint '/identityGovernance/entitlementManagement/assignmentPolicies' -Method POST -Body $p\n"
	res := Lint("u.ps1", []byte(src), Options{})
	fs := got(res, src)
	if len(fs) != 2 || !hasFinding(fs, "4:48 info body-unreadable [$body]") || !hasFinding(fs, "6:30 error schema-enum") {
		t.Errorf("findings: %q", fs)
	}
}
