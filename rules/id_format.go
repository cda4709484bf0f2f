package rules

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/emlint/emlint/internal/finding"
	"github.com/tidwall/gjson"
)

var IDFormat = &Rule{
	ID:       "id-format",
	Severity: finding.Error,
	Shapes:   AllShapes,
	Doc:      "Ids of directory objects must be GUIDs, not placeholders or malformed strings",
	Help: `Every object these bodies point at (user, group, connected organization,
service principal, access package, catalog, policy, assignment, question,
custom extension) is identified by a GUID: 8-4-4-4-12 hexadecimal digits, e.g.
"46184453-e63b-4f20-86c2-c557ed5d5df9". A value that is not one cannot name an
existing object, and Graph answers 400 or 404 instead of creating the policy or
request. The rule checks the string value of every member named id,
accessPackageId, assignmentPolicyId, targetId, userId, groupId,
connectedOrganizationId, servicePrincipalId, objectId, catalogId or
customExtensionId, at any depth (references such as accessPackage,
customExtension and answeredQuestion, subject sets, the assignment and its
target). It reports:

- placeholders left from docs or templates: "string (identifier)", "string",
  "<guid>", "{userId}", "xxxxxxxx-xxxx-...", the nil GUID
  00000000-0000-0000-0000-000000000000, "accessPackageId-value", "...",
  "TODO", an empty string;
- malformed GUIDs, saying what is wrong: a character that is not a hexadecimal
  digit, a group of the wrong length, missing hyphens, braces ({...}: Graph ids
  are bare), surrounding spaces, a user principal name where an object id goes.

Letter case does not matter (beta docs write question ids in upper case).
Null is left to the schema. An empty id at the top level or in the assignment
is only a warning: on create Graph assigns those ids itself.

Bad:  "escalationApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "id": "q1dbd9a1-a445-42ee-83a8-476522ed6cbf"}]
Fix:  "id": "a1dbd9a1-a445-42ee-83a8-476522ed6cbf" (the user's real object id)

Microsoft's own examples contain such defects: "string (identifier)" in the
beta create-policy example 2, "q1dbd9a1-..." and a 13-digit last group
("F66D2511-33E1-44C6-8513-DD5B480D01C4f") in the beta update-policy example.

Evidence: ids are Edm.String keys that the docs always fill with GUIDs
(the entity "id: String, Read-only" rows and examples of
microsoft-graph-docs-contrib api-reference/v1.0/resources/accesspackageassignmentpolicy.md,
singleuser.md, groupmembers.md, accesspackageassignmentrequest.md and their
beta counterparts; api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentpolicies.md
example 2; api-reference/beta/api/accesspackageassignmentpolicy-update.md).
Not checked: ids that need not be GUIDs, such as externalCorrelationId,
altSecId, onPremisesSecurityIdentifier and azureAdTokenAuthentication.resourceId
(an application id URI is allowed).`,
	Run: func(pass *Pass) {
		idfWalk(pass)
	},
}

// idfKeys are the members whose string value names an object by its GUID,
// and what each names (for the message). types.json marks all of them
// semanticFormat "guid"; "id" depends on where it is (idfWhatID).
var idfKeys = map[string]string{
	"id":                      "", // entity key; reference key in accessPackage, customExtension, answeredQuestion, assignment; beta userSet key
	"accessPackageId":         "the access package's id",
	"assignmentPolicyId":      "the assignment policy's id",
	"targetId":                "the target user's object id",
	"userId":                  "the user's object id",
	"groupId":                 "the group's object id",
	"connectedOrganizationId": "the connected organization's id",
	"servicePrincipalId":      "the service principal's object id",
	"objectId":                "the subject's object id",
	"catalogId":               "the catalog's id",
	"customExtensionId":       "the custom extension's id",
}

// idfNotGUIDParents hold an id that is not a GUID by metadata: callout
// instance ids carry no guid format and are read-only anyway.
var idfNotGUIDParents = map[string]bool{
	"customExtensionCalloutInstances": true,
	"customExtensionHandlerInstances": true,
}

// idfWalk checks every id-valued member; the member's holder (the key the
// object sits under) says what an "id" names.
func idfWalk(pass *Pass) {
	for m := range pass.Members() {
		what, ok := idfKeys[m.Key]
		if !ok || (m.Key == "id" && idfNotGUIDParents[m.Holder]) {
			continue
		}
		if v := m.Value(); v.Type == gjson.String {
			// Most ids are fine: the message's parts are worked out only
			// for one that is not.
			idfCheck(pass, m.Key, v.Str, m.Holder, func() (string, string) {
				if m.Key == "id" {
					what = idfWhatID(pass, m.Holder, m.Parent())
				}
				return m.Ptr(), what
			})
		}
	}
}

// idfWhatID says what the id of an object held in member holder names.
func idfWhatID(pass *Pass, holder string, obj gjson.Result) string {
	switch holder {
	case "":
		if pass.Shape == BetaRequest || pass.Shape == V1Request {
			return "the request's id"
		}
		return "the policy's id"
	case "accessPackage":
		return "the access package's id"
	case "customExtension":
		return "the custom extension's id"
	case "answeredQuestion", "questions":
		return "the question's id"
	case "assignment", "accessPackageAssignment":
		return "the assignment's id"
	case "target":
		return "the subject's id"
	case "customExtensionStageSettings", "customExtensionHandlers":
		return "the stage setting's id"
	}
	switch cvSetType(obj) {
	case "singleuser":
		return "the user's object id"
	case "groupmembers":
		return "the group's object id"
	case "connectedorganizationmembers":
		return "the connected organization's id"
	}
	return "the object's id"
}

const idfExample = "d3f1b6a0-5c4e-4f2a-9b1d-7e8c6a2f0b13"

// idfCheck reports a placeholder or a malformed GUID; where gives the
// value's pointer and what the id names.
func idfCheck(pass *Pass, key, s, holder string, where func() (ptr, what string)) {
	// A bare GUID is never a placeholder (x-groups, words, templates and
	// variables are not hexadecimal), so the common case returns here.
	if idfBareGUID(s) && s != "00000000-0000-0000-0000-000000000000" {
		return
	}
	ptr, what := where()
	fix := fmt.Sprintf("put %s, a GUID such as %q", what, idfExample)
	if s == "" {
		if key == "id" && (holder == "" || holder == "assignment" || holder == "accessPackageAssignment") {
			// Portal-style bodies send "id": "" on create; Graph assigns the id.
			pass.ReportAt(finding.Warning, ptr, finding.Value,
				"`id` is empty: remove it (Graph assigns ids on create), or %s when the body must name an existing object", fix)
			return
		}
		pass.Report(ptr, finding.Value, "`%s` is empty: %s", key, fix)
		return
	}
	if strings.TrimSpace(s) == "00000000-0000-0000-0000-000000000000" {
		pass.Report(ptr, finding.Value, "`%s` is the nil GUID, which names no object: %s", key, fix)
		return
	}
	if kind := idfPlaceholder(key, s); kind != "" {
		pass.Report(ptr, finding.Value, "`%s` is %s (%s): %s", key, kind, idfQuote(s), fix)
		return
	}
	if p := idfProblem(s); p != "" {
		pass.Report(ptr, finding.Value, "`%s` %s is not a GUID: %s", key, idfQuote(s), p)
	}
}

// idfQuote quotes a value for a message, shortening long ones.
func idfQuote(s string) string {
	if utf8.RuneCountInString(s) > 48 {
		r := []rune(s)
		s = string(r[:45]) + "..."
	}
	return strconv.Quote(s)
}

// idfPlaceholderWords are whole values that docs, templates and generators
// put where an id belongs.
var idfPlaceholderWords = map[string]bool{
	"string": true, "string (identifier)": true, "string (guid)": true, "string (uuid)": true,
	"guid": true, "uuid": true, "id": true, "identifier": true, "objectid": true,
	"todo": true, "tbd": true, "fixme": true, "placeholder": true, "changeme": true,
	"null": true, "undefined": true, "none": true, "n/a": true,
}

// idfPlaceholder names the kind of placeholder s is, or returns "".
func idfPlaceholder(key, s string) string {
	low := strings.ToLower(strings.TrimSpace(s))
	switch {
	case low == "":
		return "blank"
	case idfPlaceholderWords[low]:
		return "a placeholder"
	case strings.Contains(low, "...") || strings.Contains(low, "…"):
		return "an elided placeholder"
	case idfXGroups(low):
		return "a placeholder"
	case strings.HasPrefix(low, "<") && strings.HasSuffix(low, ">"):
		return "a placeholder"
	case strings.HasPrefix(low, "{") && strings.HasSuffix(low, "}") && !idfIsGUID(low[1:len(low)-1]):
		return "a template placeholder"
	case strings.HasPrefix(low, "$"), strings.HasPrefix(low, "%") && strings.HasSuffix(low, "%"):
		return "an unexpanded variable"
	case strings.HasPrefix(low, "your"):
		return "a placeholder"
	}
	k := strings.ToLower(key)
	for _, form := range []string{k + "-value", k + "value", k + "_value", k + " value", "<" + k + ">"} {
		if low == form {
			return "a placeholder"
		}
	}
	return ""
}

// idfXGroups: a GUID-shaped value with a group of x's ("xxxxxxxx-xxxx-...").
func idfXGroups(low string) bool {
	groups := strings.Split(low, "-")
	if len(groups) != 5 {
		return false
	}
	for _, g := range groups {
		if g != "" && strings.Trim(g, "x") == "" {
			return true
		}
	}
	return false
}

var idfGroupLens = [5]int{8, 4, 4, 4, 12}

func idfIsGUID(s string) bool { return idfProblem(s) == "" }

// idfBareGUID reports whether s is 8-4-4-4-12 hexadecimal digits: the
// common case, told without building idfProblem's explanations.
func idfBareGUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}

// idfProblem says what keeps s from being a bare 8-4-4-4-12 hexadecimal
// GUID, or returns "" when it is one.
func idfProblem(s string) string {
	if t := strings.TrimSpace(s); t != s {
		if idfIsGUID(t) {
			return fmt.Sprintf("it has spaces around it: use %q", t)
		}
		s = t
	}
	if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") && idfIsGUID(s[1:len(s)-1]) {
		return fmt.Sprintf("Graph ids are bare GUIDs without braces: use %q", s[1:len(s)-1])
	}
	if strings.Contains(s, "@") {
		return "it looks like a user principal name or e-mail address; put the object id (a GUID) instead"
	}
	if !strings.Contains(s, "-") && len(s) == 32 && idfBadChar(s) == "" {
		return fmt.Sprintf("it has no hyphens: write it as %q", s[:8]+"-"+s[8:12]+"-"+s[12:16]+"-"+s[16:20]+"-"+s[20:])
	}
	var problems []string
	groups := strings.Split(s, "-")
	if len(groups) != 5 {
		word := "groups"
		if len(groups) == 1 {
			word = "group"
		}
		problems = append(problems, fmt.Sprintf("it has %d %s of characters between hyphens, want 5 (8-4-4-4-12 hexadecimal digits)", len(groups), word))
	} else {
		for i, g := range groups {
			if n := utf8.RuneCountInString(g); n != idfGroupLens[i] {
				problems = append(problems, fmt.Sprintf("group %d has %d characters, want %d", i+1, n, idfGroupLens[i]))
				break
			}
		}
	}
	if bad := idfBadChar(s); bad != "" {
		problems = append(problems, bad)
	}
	return strings.Join(problems, "; ")
}

// idfBadChar describes the first character of s that is neither a
// hexadecimal digit nor a hyphen, with its 1-based position.
func idfBadChar(s string) string {
	pos := 0
	for _, r := range s {
		pos++
		if r == '-' || ('0' <= r && r <= '9') || ('a' <= r && r <= 'f') || ('A' <= r && r <= 'F') {
			continue
		}
		return fmt.Sprintf("%s at character %d is not a hexadecimal digit", strconv.QuoteRune(r), pos)
	}
	return ""
}
