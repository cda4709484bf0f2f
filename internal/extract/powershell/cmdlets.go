package powershell

import (
	"strings"

	"github.com/emlint/emlint/schemas"
)

// cmdlet describes a command that sends a body.
type cmdlet struct {
	name   string // canonical spelling, the Body's Via
	raw    bool   // Invoke-MgGraphRequest, Invoke-RestMethod, Invoke-WebRequest
	method string // typed: from the verb (New POST, Set PUT, Update PATCH)
	api    schemas.API
	kind   schemas.Kind
	// profile: an SDK 1.x beta-profile name, whose API version the name
	// does not give (Select-MgProfile does).
	profile bool
	url     string // typed: the collection it sends to, for Classify
}

const emBase = "identityGovernance/entitlementManagement/"

// cmdlets by lower-case name (PowerShell command names are
// case-insensitive).
var cmdlets = map[string]cmdlet{}

func init() {
	typed := func(verb, noun string, api schemas.API, kind schemas.Kind, profile bool, version, collection string) {
		method := map[string]string{"New": "POST", "Set": "PUT", "Update": "PATCH"}[verb]
		url := emBase + collection
		if version != "" {
			url = "/" + version + "/" + url
		} else {
			url = "/" + url
		}
		if verb != "New" {
			url += "/{id}"
		}
		name := verb + "-" + noun
		cmdlets[strings.ToLower(name)] = cmdlet{name: name, method: method, api: api, kind: kind, profile: profile, url: url}
	}
	for _, verb := range []string{"New", "Set", "Update"} {
		// SDK v2, v1.0 module (Update- is the 1.x v1.0-profile name).
		typed(verb, "MgEntitlementManagementAssignmentPolicy", schemas.V1, schemas.Policy, false, "v1.0", "assignmentPolicies")
		// SDK v2, beta module.
		typed(verb, "MgBetaEntitlementManagementAccessPackageAssignmentPolicy", schemas.Beta, schemas.Policy, false, "beta", "accessPackageAssignmentPolicies")
		// SDK 1.x, beta profile.
		typed(verb, "MgEntitlementManagementAccessPackageAssignmentPolicy", "", schemas.Policy, true, "", "accessPackageAssignmentPolicies")
	}
	typed("New", "MgEntitlementManagementAssignmentRequest", schemas.V1, schemas.Request, false, "v1.0", "assignmentRequests")
	typed("New", "MgBetaEntitlementManagementAccessPackageAssignmentRequest", schemas.Beta, schemas.Request, false, "beta", "accessPackageAssignmentRequests")
	typed("New", "MgBetaEntitlementManagementAssignmentRequest", schemas.V1, schemas.Request, false, "beta", "assignmentRequests")
	typed("New", "MgEntitlementManagementAccessPackageAssignmentRequest", "", schemas.Request, true, "", "accessPackageAssignmentRequests")

	raw := func(name string, aliases ...string) {
		for _, a := range append(aliases, name) {
			cmdlets[strings.ToLower(a)] = cmdlet{name: name, raw: true}
		}
	}
	raw("Invoke-MgGraphRequest", "Invoke-GraphRequest")
	raw("Invoke-RestMethod", "irm")
	raw("Invoke-WebRequest", "iwr")
}

// notBody are parameters of the typed cmdlets that are not body
// properties (lower case): the id of the item, the transport and the
// common parameters.
var notBody = map[string]bool{
	"accesspackageassignmentpolicyid": true, "accesspackageassignmentrequestid": true, "inputobject": true,
	"headers": true, "responseheadersvariable": true, "break": true, "httppipelineappend": true,
	"httppipelineprepend": true, "proxy": true, "proxycredential": true, "proxyusedefaultcredentials": true,
	"erroraction": true, "warningaction": true, "informationaction": true, "progressaction": true,
	"errorvariable": true, "warningvariable": true, "informationvariable": true, "outvariable": true,
	"outbuffer": true, "pipelinevariable": true, "verbose": true, "debug": true, "whatif": true, "confirm": true,
}

// switches are parameters that take no value (lower case): a bare -Name is
// $true and the next token is not its value.
var switches = map[string]bool{
	"canextend": true, "isvalidationonly": true, "verbose": true, "debug": true, "whatif": true, "confirm": true,
	"break": true, "proxyusedefaultcredentials": true, "compress": true, "ashashtable": true, "asarray": true,
	"enumsasstrings": true, "passthru": true, "skiphttperrorcheck": true,
	"usebasicparsing": true, "skipheadervalidation": true, "skipcertificatecheck": true, "disablekeepalive": true,
	"usedefaultcredentials": true, "inferoutputfilename": true, "noproxy": true, "allowinsecureredirect": true,
	"resume": true, "skipheadersvalidation": true, "preservehttpmethodonredirect": true,
}

// lcFirst turns a parameter name into its JSON property name
// (DisplayName -> displayName).
func lcFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}
