package powershell

import (
	"encoding/json"
	"testing"
)

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"New-MgEntitlementManagementAssignmentPolicy -BodyParameter @{ displayName = 'x'; a = @(1, 2) }",
		"$p = @{\n requestorSettings = @{ x = $true }\n}\nNew-MgBetaEntitlementManagementAccessPackageAssignmentPolicy -BodyParameter $p",
		"$b = @'\n{\"a\": 1}\n'@\nInvoke-RestMethod -Method Post -Uri 'https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentRequests' -Body $b",
		"$b = @\"\n{\"a\": $x, \"b\": \"$y\"}\n\"@\nirm -Method Put -Uri \"$base/identityGovernance/entitlementManagement/assignmentPolicies/$id\" -Body $b",
		"Invoke-MgGraphRequest -Method POST -Uri $u -Body ($p | ConvertTo-Json -Depth 3)",
		"$p = @{ accessPackageId = 'a'; requestorSettings = @{}; m = \"(x -eq \"S\")\" }",
		"$h = Get-Content x | ConvertFrom-Json -AsHashtable\nSet-MgEntitlementManagementAssignmentPolicy -BodyParameter $h",
		"New-MgBetaEntitlementManagementAccessPackageAssignmentPolicy -DisplayName x -CanExtend -DurationInDays 3 -AdditionalProperties @{ q = 1 }",
		"\uFEFF$a = [ordered]@{ requestType = ‘x’; answers = ,@{ v = “y” } }\r\n$a.schedule = @{}\r\n$a | New-MgEntitlementManagementAssignmentRequest\r\n",
		"$x = @{ a = \"$(Get-Date -Format \"yyyy\")\"; b = `\n 1 <# c #> }; Update-MgEntitlementManagementAssignmentPolicy @x",
		"$req = @{ Method = 'POST'; Uri = 'v1.0/identityGovernance/entitlementManagement/assignmentPolicies'; Body = '{\"a\":1}' }\nInvoke-RestMethod @req",
		"Select-MgProfile beta\nNew-MgEntitlementManagementAccessPackageAssignmentRequest -BodyParameter @{ requestType = 'adminAdd'; accessPackageAssignment = @{ x = 1 } }",
		"@{ a = @{ b = @{ c = @( @( , @{ requestType = 1; schedule = 2 } ) ) } } }",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		catchPanics = false
		for _, b := range Extract(text) {
			if b.Range.Start < 0 || b.Range.Start > b.Range.End || b.Range.End > len(text) {
				t.Fatalf("range %v outside %d", b.Range, len(text))
			}
			for _, p := range b.Problems {
				if p.Span.Start < 0 || p.Span.Start > p.Span.End || p.Span.End > len(text) {
					t.Fatalf("problem span %v outside %d", p.Span, len(text))
				}
			}
			lastJ := 0
			for _, s := range b.Map.Segs {
				if s.F < 0 || s.F > s.FEnd || s.FEnd > len(text) || s.J < lastJ || s.J > s.JEnd || s.JEnd > len(b.JSON) {
					t.Fatalf("bad segment %+v (text %d, JSON %d)", s, len(text), len(b.JSON))
				}
				lastJ = s.JEnd
			}
			for _, p := range b.Placeholders {
				if p.Start < 0 || p.Start > p.End || p.End > len(b.JSON) {
					t.Fatalf("bad placeholder %v", p)
				}
			}
			if b.Unreadable != "" || b.JSON == nil {
				continue
			}
			// Bodies written as strings are the script's own JSON text,
			// which may be invalid; transcoded hashtables must be valid.
			own := false
			if b.Range.Start < len(text) {
				if c := text[b.Range.Start]; c == '\'' || c == '"' || c == '@' && b.Range.Start+1 < len(text) && text[b.Range.Start+1] != '{' || c == 0xE2 {
					own = true
				}
			}
			if !own && !json.Valid(b.JSON) {
				t.Fatalf("invalid JSON %q from %q", b.JSON, text[b.Range.Start:b.Range.End])
			}
		}
	})
}
