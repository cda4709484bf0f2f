package payload

import (
	"slices"
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/suggest"
	"github.com/emlint/emlint/schemas"
)

// Rule ids of findings about where and how a body is sent.
const (
	RuleURL          = "http-url"
	RuleMethod       = "http-method"
	RulePolicyPatch  = "policy-update-method"
	RuleUnreadable   = "body-unreadable"
	RuleFingerprint  = "body-unknown-endpoint"
	RuleDepth        = "ps-convertto-json-depth"
	RuleCaseHashtbl  = "ps-case-sensitive-hashtable"
	RuleCollection   = "ps-collection-as-hashtable"
	RuleDroppedValue = "ps-cmdlet-dropped-value"
	RuleSDK1Cmdlet   = "ps-sdk1-cmdlet-name"
	RuleFormBody     = "ps-hashtable-form-body"
)

// Endpoint is what a URL and method say about a body.
type Endpoint struct {
	API  schemas.API
	Kind schemas.Kind
	// Lint: the URL names a collection whose bodies emlint lints, with a
	// method that sends one.
	Lint bool
	// EM: the URL is an entitlement-management URL (known or not).
	EM       bool
	Update   bool // the URL names an item: /{id}
	Problems []Problem
}

// collections maps the entitlement-management collections whose POST/PUT
// bodies emlint lints to their shape. Legacy names are the beta shape; the
// new names are the v1.0 shape, under /v1.0 and under /beta alike.
var collections = map[string]struct {
	api  schemas.API
	kind schemas.Kind
}{
	"accessPackageAssignmentPolicies": {schemas.Beta, schemas.Policy},
	"accessPackageAssignmentRequests": {schemas.Beta, schemas.Request},
	"assignmentPolicies":              {schemas.V1, schemas.Policy},
	"assignmentRequests":              {schemas.V1, schemas.Request},
}

// otherCollections are the rest of entitlementManagement's collections, in
// v1.0 and beta metadata: valid paths whose bodies emlint does not lint.
var otherCollections = []string{
	"accessPackages", "assignments", "catalogs", "connectedOrganizations", "resourceEnvironments",
	"resourceRequests", "resourceRoleScopes", "resources", "settings", "subjects",
	"accessPackageAssignments", "accessPackageCatalogs", "accessPackageResourceEnvironments",
	"accessPackageResourceRequests", "accessPackageResourceRoleScopes", "accessPackageResources",
	"accessPackageAssignmentResourceRoles", "accessPackageResourceRoles",
	"assignmentRequestWorkflowExtensions", "accessPackageCustomWorkflowExtensions",
}

var legacyInV1 = map[string]string{
	"accessPackageAssignmentPolicies": "assignmentPolicies",
	"accessPackageAssignmentRequests": "assignmentRequests",
}

const emPath = "identityGovernance/entitlementManagement/"

// Classify reads a URL and its method: API version, collection, and what
// is wrong with them. url is the URL as resolved; urlSpan is where it is
// written in the file and literal says the file holds url itself there (so
// that a finding can underline its collection segment). version is the API
// version when the URL does not carry one ("" when unknown: Terraform's
// api_version, say). methodSpan is where the method is written, or the
// call that implies it.
func Classify(method string, methodSpan Span, url string, urlSpan Span, literal bool, version string) Endpoint {
	var e Endpoint
	i := strings.Index(url, emPath)
	if i < 0 {
		return e // not an entitlement-management call: not ours
	}
	e.EM = true
	before := "/" + strings.TrimLeft(url[:i], "/")
	switch {
	case strings.Contains(before, "/v1.0/"):
		version = "v1.0"
	case strings.Contains(before, "/beta/"):
		version = "beta"
	}
	rest := url[i+len(emPath):]
	rest = strings.SplitN(strings.SplitN(rest, "?", 2)[0], "#", 2)[0]
	segments := strings.Split(rest, "/")
	name := segments[0]
	if p := strings.IndexAny(name, "('"); p >= 0 {
		name = name[:p] // collection('id')
	}
	segment := urlSpan
	if literal {
		segment = Span{urlSpan.Start + i + len(emPath), urlSpan.Start + i + len(emPath) + len(name)}
	}
	shape, ok := collections[name]
	if !ok {
		if !slices.Contains(otherCollections, name) && name != "" && !strings.ContainsAny(name, "${") {
			known := append(append([]string(nil), otherCollections...), "accessPackageAssignmentPolicies", "accessPackageAssignmentRequests", "assignmentPolicies", "assignmentRequests")
			msg := "`" + name + "` is not an entitlement-management collection"
			if s := suggest.Closest(name, known); s != "" {
				msg += ": did you mean `" + s + "`?"
			}
			e.Problems = append(e.Problems, Problem{Rule: RuleURL, Severity: finding.Error, Span: segment, Message: msg})
		}
		return e
	}
	if v1, legacy := legacyInV1[name]; legacy && version == "v1.0" {
		e.Problems = append(e.Problems, Problem{Rule: RuleURL, Severity: finding.Error, Span: segment,
			Message: "`" + name + "` exists only in the beta API: use `" + v1 + "` (and the v1.0 body shape) with /v1.0, or call /beta"})
	}
	e.API, e.Kind, e.Lint = shape.api, shape.kind, true
	e.Update = len(segments) > 1 && segments[1] != "" || strings.Contains(segments[0], "(")
	method = strings.ToUpper(method)
	switch {
	case method == "PATCH" && shape.kind == schemas.Policy:
		e.Problems = append(e.Problems, Problem{Rule: RulePolicyPatch, Severity: finding.Error, Span: methodSpan,
			Message: "assignment policies are updated with PUT, which replaces the whole policy: Graph has no PATCH for them (\"No HTTP resource was found\"); send the whole policy with PUT"})
	case shape.kind == schemas.Request && (method != "POST" || e.Update):
		e.Problems = append(e.Problems, Problem{Rule: RuleMethod, Severity: finding.Error, Span: methodSpan,
			Message: "assignment requests are created with POST to the collection; to change an assignment, POST a new request (`adminUpdate`, `userUpdate`, ...)"})
		e.Lint = method == "POST"
	case shape.kind == schemas.Policy && method != "POST" && method != "PUT" && method != "PATCH":
		e.Lint = false // GET/DELETE: a body is not a policy
	}
	return e
}

// RuleDocs describes the findings of extraction for `emlint rules` and
// `emlint explain`.
var RuleDocs = []struct {
	ID       string
	Severity finding.Severity
	Where    []string
	Doc      string
	Help     string
}{
	{RuleURL, finding.Error, []string{".http", ".md", ".ps1", ".tf"}, "A request calls an entitlement-management collection that does not exist there (a legacy beta collection under /v1.0, or a misspelt one)", helpURL},
	{RuleMethod, finding.Error, []string{".http", ".md", ".ps1", ".tf"}, "A request uses a method the collection does not take (requests are created with POST to the collection)", helpMethod},
	{RulePolicyPatch, finding.Error, []string{".http", ".md", ".ps1", ".tf"}, "An assignment policy is updated with PATCH (an Update- cmdlet, -Method PATCH, msgraph_resource without update_method = \"PUT\", msgraph_update_resource): Graph serves policy updates with PUT only", helpPatch},
	{RuleUnreadable, finding.Info, []string{".ps1", ".tf", ".md"}, "A body is written in syntax emlint does not read (an expression where a literal was expected): it is skipped, the rest of the file is linted", helpUnreadable},
	{RuleFingerprint, finding.Info, []string{".ps1", ".tf", ".http", ".md"}, "A body that looks like an assignment policy or request is sent to a URL emlint cannot resolve or does not know: it is linted by its properties", helpFingerprint},
	{RuleDepth, finding.Error, []string{".ps1"}, "ConvertTo-Json without -Depth (default 2), or with a depth below the body's nesting: the deeper settings are sent as the string \"System.Collections.Hashtable\"", helpDepth},
	{RuleCaseHashtbl, finding.Error, []string{".ps1"}, "A case-sensitive dictionary (ConvertFrom-Json -AsHashtable) given to a typed Graph cmdlet, which then sends {}", helpCaseHashtable},
	{RuleCollection, finding.Error, []string{".ps1"}, "A hashtable @{...} where Graph expects a collection: wrap it in @(...)", helpCollection},
	{RuleDroppedValue, finding.Warning, []string{".ps1"}, "A value a typed Graph cmdlet cannot convert to the declared type: the cmdlet drops it without a word", helpDropped},
	{RuleFormBody, finding.Error, []string{".ps1"}, "A hashtable given as -Body to Invoke-RestMethod or Invoke-WebRequest, which send it as form fields, not JSON", helpFormBody},
	{RuleSDK1Cmdlet, finding.Warning, []string{".ps1"}, "A Graph PowerShell SDK 1.x beta-profile cmdlet name (…MgEntitlementManagementAccessPackageAssignment…), which SDK 2 does not map to the beta cmdlet", helpSDK1},
}

const helpURL = `The URL of a request (a request line in an .http or Markdown file, the -Uri of
Invoke-MgGraphRequest, Invoke-RestMethod or Invoke-WebRequest, the url of a
msgraph_resource) names an entitlement-management collection that does not
exist at that API version: the legacy beta collections
accessPackageAssignmentPolicies and accessPackageAssignmentRequests under
/v1.0, or a misspelt collection. Graph answers 404 or 400.

Bad:  POST https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/accessPackageAssignmentPolicies
Fix:  POST https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies

Evidence: the v1.0 and beta API references list the collections
(api-reference/v1.0/resources/entitlementmanagement.md and the beta page in
microsoft-graph-docs-contrib).`

const helpMethod = `Assignment requests are created with POST to the assignmentRequests (or
beta accessPackageAssignmentRequests) collection; there is no PUT, PATCH or
POST to an item. To change an assignment, POST a new request with an update
request type (adminUpdate, userUpdate...).

Bad:  PATCH /v1.0/identityGovernance/entitlementManagement/assignmentRequests/{id}
Fix:  POST  /v1.0/identityGovernance/entitlementManagement/assignmentRequests

Evidence: api-reference/v1.0/api/entitlementmanagement-post-assignmentrequests.md
(the only write operation on the collection).`

const helpPatch = `Graph updates an assignment policy with PUT, which replaces the whole
policy; it has no PATCH for policies. The Graph PowerShell SDK generates
Update-Mg...AssignmentPolicy cmdlets that send PATCH, and they fail; so does
-Method PATCH with Invoke-MgGraphRequest, and the msgraph Terraform
provider's msgraph_resource, which updates with PATCH unless told
update_method = "PUT" (msgraph_update_resource always sends PATCH).

Bad:  Update-MgBetaEntitlementManagementAccessPackageAssignmentPolicy -AccessPackageAssignmentPolicyId $id -BodyParameter $p
Fix:  Set-MgBetaEntitlementManagementAccessPackageAssignmentPolicy -AccessPackageAssignmentPolicyId $id -BodyParameter $p
Bad:  resource "msgraph_resource" "policy" { url = ".../assignmentPolicies"  body = {...} }
Fix:  add update_method = "PUT"

Evidence: service error "No HTTP resource was found that matches the request
URI" for the Update- cmdlet, maintainer: "should be PUT instead of PATCH"
(msgraph-sdk-powershell #783, #869); "We support PUT but not PATCH for the
assignment policy" (microsoft-graph-docs #21255); the update pages
api-reference/v1.0/api/accesspackageassignmentpolicy-update.md and the beta
page document PUT only; the provider's docs/resources/resource.md
(update_method: PATCH by default) and docs/resources/update_resource.md
("performs PATCH requests").`

const helpUnreadable = `emlint reads the literal parts of PowerShell hashtables and HCL objects:
strings, numbers, booleans, nested hashtables, arrays and objects; every
other value (a variable, an expression, a reference, a function call) is a
placeholder of whatever type the property needs. When a body holds syntax
it cannot read at all (an unterminated string, a key with no value, an
operator between values), emlint does not guess: it skips that body with
this info finding, which says where, and lints the rest of the file. Fix
the syntax, or ignore the finding if the script is right.

Bad:  managerLevel =          (no value: the docs' own PowerShell snippet)
Fix:  managerLevel = 1

Evidence: none needed: this is emlint saying what it did not read. Microsoft's
generated snippets hold such lines (the v1.0 update-policy PowerShell
snippet in microsoft-graph-docs-contrib).`

const helpFingerprint = `A hashtable or object whose properties make it an assignment policy or
request is sent somewhere emlint cannot name: a URL built from values it
cannot resolve, a wrapper function, another file, or an
entitlement-management URL it does not know. emlint still lints the body
(by its properties, as it does JSON files) and says so, so a policy is never
skipped in silence. Give the URL as a literal (or a variable assigned one
literal) to have the shape taken from it.

Evidence: none needed: this says how emlint decided the body's shape.`

const helpDepth = `ConvertTo-Json serialises two levels by default (-Depth 2, at most 100).
Deeper values are not dropped but turned into strings: a nested hashtable
becomes "System.Collections.Hashtable", so
requestApprovalSettings.stages[0] reaches Graph as that string and the
service rejects the body far from the cause. Windows PowerShell 5.1 does
this silently; PowerShell 7.1+ only warns. Policies need -Depth 5 or more
(stages[*].primaryApprovers[*] is five levels deep).

Bad:  $json = $policy | ConvertTo-Json
Fix:  $json = $policy | ConvertTo-Json -Depth 10

Evidence: PowerShell's ConvertToJsonCommand (default depth 2, maximum 100)
and JsonObject.cs ("convert to string when depth exceeded"); the warning
added by PowerShell/PowerShell#13692; "Resulting JSON is truncated as
serialization has exceeded the set depth" (about_ConvertTo-Json).`

const helpCaseHashtable = `The typed Graph cmdlets read a hashtable's declared properties through its
own key comparer. A case-sensitive dictionary, such as ConvertFrom-Json
-AsHashtable returns, then matches no property written in another case and
the cmdlet sends an empty body ({}), which Graph rejects.

Bad:  $body = Get-Content policy.json | ConvertFrom-Json -AsHashtable
      New-MgEntitlementManagementAssignmentPolicy -BodyParameter $body
Fix:  Invoke-MgGraphRequest -Method POST -Uri $uri -Body (Get-Content policy.json -Raw)
      or [HashTable]::New($body, [StringComparer]::OrdinalIgnoreCase)

Evidence: msgraph-sdk-powershell #2187 (maintainer's workaround), and
PowerShell/PowerShell#6928 (-AsHashtable keys are case-sensitive).`

const helpCollection = `Graph expects a collection (a JSON array) for properties such as
primaryApprovers, stages, questions, specificAllowedTargets and answers. In
PowerShell, @{...} is one hashtable, not a list: written without @(...)
around it, the body sends an object where an array is required (raw JSON
is rejected), and a typed cmdlet enumerates the hashtable's entries instead
of sending the item.

Bad:  primaryApprovers = @{ "@odata.type" = "#microsoft.graph.singleUser"; userId = $id }
Fix:  primaryApprovers = @( @{ "@odata.type" = "#microsoft.graph.singleUser"; userId = $id } )

Evidence: the property types in the Graph metadata (Collection(...)) behind
emlint's schemas; the SDK's generated converters read arrays with
SelectToArray (Azure/autorest.powershell TypeConverterExtensions).`

const helpDropped = `A typed Graph cmdlet converts each declared property of the hashtable to
its declared type (strings to booleans, numbers...). A value it cannot
convert ("yes" for a boolean, "ten" for a number) is dropped silently: the
conversion runs inside catch { } and the property is simply not sent, so
Graph uses its default, or rejects the body when the property is required.

Bad:  isApprovalRequiredForAdd = "yes"
Fix:  isApprovalRequiredForAdd = $true

Evidence: Azure/autorest.powershell TypeConverterExtensions.cs and the
generated model converters (Convert.ChangeType in catch { }).`

const helpSDK1 = `The Graph PowerShell SDK 1.x had one module with two profiles: after
Select-MgProfile beta, New-MgEntitlementManagementAccessPackageAssignmentPolicy
and New-MgEntitlementManagementAccessPackageAssignmentRequest called the
beta collections. SDK 2 (2023) has no profiles: the beta cmdlets are named
...MgBeta... in the Microsoft.Graph.Beta.* modules, and the old policy name is
a navigation-path cmdlet of the v1.0 module that calls
/accessPackages/{id}/assignmentPolicies, which Graph answers with 404 "No
HTTP resource was found". Microsoft's own beta docs snippet still uses the
1.x name. emlint lints such a body as beta only after Select-MgProfile beta
in the same script, and otherwise by its properties.

Bad:  New-MgEntitlementManagementAccessPackageAssignmentPolicy -BodyParameter $params
Fix:  New-MgBetaEntitlementManagementAccessPackageAssignmentPolicy -BodyParameter $params

Evidence: the SDK 1.x help pages (src/Identity.Governance/Identity.Governance/docs/v1.0-beta/)
and the v2 beta module's help (src/Identity.Governance/beta/docs/) in
msgraph-sdk-powershell; the 404s of the v2 navigation-path cmdlet:
msgraph-sdk-powershell #1970, #2505, #3293.`

const helpFormBody = `Invoke-RestMethod and Invoke-WebRequest send a dictionary given as -Body as
form data (application/x-www-form-urlencoded: key=value&key=value), even
with -ContentType "application/json": nested hashtables become their type
names. Graph cannot read that as JSON and answers 400. Convert the body
yourself, with enough depth, or use Invoke-MgGraphRequest, which serializes
a hashtable to JSON.

Bad:  Invoke-RestMethod -Method Post -Uri $uri -Headers $h -Body $policy -ContentType "application/json"
Fix:  Invoke-RestMethod -Method Post -Uri $uri -Headers $h -Body ($policy | ConvertTo-Json -Depth 10) -ContentType "application/json"

Evidence: the -Body parameter of Invoke-RestMethod and Invoke-WebRequest
("To specify multiple keys, use an IDictionary object, such as a hash
table, for the Body"; the web cmdlets' ProcessRequest sets form content for
an IDictionary body: PowerShell/PowerShell WebRequestPSCmdlet.Common.cs);
only Invoke-MgGraphRequest calls JsonConvert.SerializeObject on a dictionary
(msgraph-sdk-powershell InvokeMgGraphRequest.cs).`
