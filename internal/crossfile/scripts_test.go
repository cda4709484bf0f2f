package crossfile

import (
	"strconv"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/internal/load"
)

// A request in a PowerShell script is checked against a policy written in
// Terraform (and the reverse direction of the files does not matter): the
// finding is placed on the script's own line, and its message names the
// policy's file and line.
func TestScriptsAgainstPolicies(t *testing.T) {
	policy := `resource "msgraph_resource" "audit" {
  url           = "identityGovernance/entitlementManagement/assignmentPolicies"
  update_method = "PUT"
  body = {
    id            = "` + policyID + `"
    accessPackage = { id = "` + packageID + `" }
    requestorSettings       = { enableTargetsToSelfAddAccess = true }
    requestApprovalSettings = { isRequestorJustificationRequired = true }
  }
}
`
	script := "# give access\n" +
		"$request = @{\n" +
		"\trequestType = 'userAdd'\n" +
		"\tassignment = @{\n" +
		"\t\taccessPackageId = '" + packageID + "'\n" +
		"\t\tassignmentPolicyId = '" + policyID + "'\n" +
		"\t}\n" +
		"}\n" +
		"New-MgEntitlementManagementAssignmentRequest -BodyParameter $request\n"
	inputs := []load.File{{Name: "policy.tf", Data: []byte(policy)}, {Name: "grant.ps1", Data: []byte(script)}}
	files := lint.LintAll(inputs, lint.Options{})
	Apply(inputs, files)
	var got []string
	for _, f := range files {
		for _, x := range f.Findings {
			if strings.HasPrefix(x.Rule, "crossfile-") {
				got = append(got, x.File+":"+strconv.Itoa(x.Line)+":"+strconv.Itoa(x.Col)+" "+x.Rule+" "+x.Message)
			}
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "grant.ps1:2:12 crossfile-justification-required") || !strings.Contains(got[0], "policy.tf:") {
		t.Fatalf("cross-file findings: %q", got)
	}
}
