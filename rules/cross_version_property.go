package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/graph"
	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

var CrossVersionProperty = &Rule{
	ID:         "cross-version-property",
	Severity:   finding.Error,
	Shapes:     AllShapes,
	Doc:        "A property of the other API version's shape: say what this version uses instead",
	Supersedes: []string{"schema-unknown-property"},
	Help: `The legacy beta API (POST /beta/.../accessPackageAssignmentPolicies and
.../accessPackageAssignmentRequests) and v1.0 (.../assignmentPolicies,
.../assignmentRequests) describe the same objects with different properties:
beta durationInDays is v1.0 expiration, beta requestorSettings.scopeType is
v1.0 allowedTargetScope, beta approvalStages is v1.0 stages, a beta userSet
names its user with id where a v1.0 subjectSet uses userId, and so on. A body
copied from one version's docs into the other carries keys the target version
does not have. The JSON Schema reports each as an unknown property; this rule
replaces that finding with the property to use instead, computed from the
value where it can (30 days becomes "P30D").

Graph either rejects such a body ("The model is invalid", as for any property
it does not know: msgraph-sdk-powershell#1904) or silently drops the key: the
beta create-policy examples 4 and 5 send the v1.0 expiration to the beta
endpoint and the response shows durationInDays 0, that is, assignments that
never expire.

Bad (v1.0):  {"durationInDays": 30, "requestorSettings": {"scopeType": "AllExistingDirectoryMemberUsers"}}
Fix:         {"expiration": {"type": "afterDuration", "duration": "P30D"}, "allowedTargetScope": "allMemberUsers"}
Bad (beta):  {"expiration": {"type": "afterDuration", "duration": "P365D"}}
Fix:         {"durationInDays": 365}

Only keys that are not properties of the linted shape at that place are
reported (expirationDateTime is a property of the beta request, schedule of
both requests). Two keys that Microsoft's own beta examples send are
warnings, not errors: policy expiration and requestorSettings.isOnBehalfAllowed
(neither is in the beta metadata). The request's assignment key is left to
request-assignment-key.

Evidence: msgraph-metadata clean_v10_metadata/cleanMetadata.xml and the beta
metadata (via msgraph-beta-sdk-python); the create pages
api-reference/v1.0/api/entitlementmanagement-post-assignmentpolicies.md and
api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentpolicies.md
(examples 4-5: expiration, isOnBehalfAllowed) in microsoft-graph-docs-contrib;
the subject-set pages api-reference/{beta,v1.0}/resources/singleuser.md,
groupmembers.md, connectedorganizationmembers.md (id vs userId/groupId/
connectedOrganizationId); the beta-to-v1.0 mapping of the Terraform azuread
provider (hashicorp/terraform-provider-azuread PR #1852).`,
	Run: func(pass *Pass) {
		table := cvIndex[pass.Shape]
		if table == nil {
			return
		}
		cvWalk(pass, table)
	},
}

// cvKey is one key that belongs to the other version's shape at one place.
type cvKey struct {
	pattern  string // JSON Pointer in the linted shape, "*" for any array index
	severity finding.Severity
	// advice finishes the message "`key` ...", given the key's value and the
	// object holding it; "" means this occurrence is not a version mix-up.
	// A nil advice marks a key another rule reports: it is skipped whole.
	advice   func(v, obj gjson.Result) string
	evidence string
}

// Where subject sets live in each policy shape: their items carry the
// id / userId family of keys and, in beta, isBackup.
var (
	cvV1SubjectSets = []string{
		"/specificAllowedTargets",
		"/requestorSettings/onBehalfRequestors",
		"/requestApprovalSettings/stages/*/primaryApprovers",
		"/requestApprovalSettings/stages/*/fallbackPrimaryApprovers",
		"/requestApprovalSettings/stages/*/escalationApprovers",
		"/requestApprovalSettings/stages/*/fallbackEscalationApprovers",
		"/reviewSettings/primaryReviewers",
		"/reviewSettings/fallbackReviewers",
	}
	cvBetaUserSets = []string{
		"/requestorSettings/allowedRequestors",
		"/requestApprovalSettings/approvalStages/*/primaryApprovers",
		"/requestApprovalSettings/approvalStages/*/escalationApprovers",
		"/accessReviewSettings/reviewers",
	}
)

const (
	evMetadata = "beta vs v1.0 metadata (types.json of both versions)"
	evPR1852   = "terraform-provider-azuread PR #1852 beta-to-v1.0 mapping"
	evSubjects = "DC api-reference/{beta,v1.0}/resources/singleuser.md, groupmembers.md, connectedorganizationmembers.md"
	evExamples = "parallel beta/v1.0 create-policy examples"
)

// cvV1Policy: beta accessPackageAssignmentPolicy keys found in a v1.0 policy.
var cvV1Policy = cvJoin([]cvKey{
	{"/accessPackageId", finding.Error, cvV1AccessPackageID, "DC v1.0 create-policy page: accessPackage {id}"},
	{"/durationInDays", finding.Error, cvV1DurationInDays, evMetadata + "; expirationpattern.md; " + evPR1852},
	{"/expirationDateTime", finding.Error, cvV1ExpirationDateTime, evMetadata + "; expirationpattern.md; " + evPR1852},
	{"/canExtend", finding.Error, cvSay("is beta-only and v1.0 has no direct equivalent: let targets extend with `requestorSettings.enableTargetsToSelfUpdateAccess` (and `requestApprovalSettings.isApprovalRequiredForUpdate` to approve extensions)"), evMetadata + "; " + evPR1852},
	{"/accessReviewSettings", finding.Error, cvSay("is beta-only; in v1.0 use `reviewSettings` (with `schedule`, `primaryReviewers`, `expirationBehavior`, ...)"), evMetadata},
	{"/accessPackageNotificationSettings", finding.Error, cvSay("is beta-only; in v1.0 use `notificationSettings` (same content)"), evMetadata},
	{"/customExtensionHandlers", finding.Error, cvSay("is beta-only (and deprecated there); in v1.0 use `customExtensionStageSettings`"), "DC beta customextensionhandler.md"},
	{"/verifiableCredentialSettings", finding.Error, cvSay("is beta-only: v1.0 has no verifiable-credential requirement on policies, remove it"), evMetadata},
	{"/requestorSettings/scopeType", finding.Error, cvV1ScopeType, evPR1852 + "; beta-to-v1.0.json valueMaps"},
	{"/requestorSettings/acceptRequests", finding.Error, cvSay("is beta-only and v1.0 has no direct equivalent: use `enableTargetsToSelfAddAccess` (and the other `enable*` flags of `requestorSettings`)"), evMetadata + "; " + evPR1852},
	{"/requestorSettings/allowedRequestors", finding.Error, cvSay("is beta-only; in v1.0 list these principals in `specificAllowedTargets` at the top level of the policy, naming them with `userId`, `groupId` or `connectedOrganizationId` instead of `id`"), evPR1852 + "; " + evExamples},
	{"/requestorSettings/isOnBehalfAllowed", finding.Error, cvSay("is not a v1.0 property (only beta examples send it): allow on-behalf requests with `enableOnBehalfRequestorsToAddAccess` (and `...ToUpdateAccess`, `...ToRemoveAccess`) and list who may ask in `onBehalfRequestors`"), "v1.0 metadata; no v1.0 example sends it"},
	{"/requestApprovalSettings/isApprovalRequired", finding.Error, cvRename("isApprovalRequiredForAdd"), evMetadata + "; " + evPR1852},
	{"/requestApprovalSettings/isApprovalRequiredForExtension", finding.Error, cvRename("isApprovalRequiredForUpdate"), evMetadata + "; " + evPR1852},
	{"/requestApprovalSettings/approvalMode", finding.Error, cvSay("is beta-only; v1.0 derives it from the number of `stages`: remove it"), evMetadata},
	{"/requestApprovalSettings/approvalStages", finding.Error, cvSay("is beta-only; in v1.0 use `stages` (stage timeouts become ISO 8601 durations and approvers name principals with `userId`/`groupId`)"), evMetadata + "; " + evPR1852},
	{"/requestApprovalSettings/stages/*/approvalStageTimeOutInDays", finding.Error, cvV1StageTimeout, evMetadata + "; examples 14 <-> P14D"},
	{"/requestApprovalSettings/stages/*/escalationTimeInMinutes", finding.Error, cvV1EscalationTime, evMetadata + "; " + evPR1852},
	{"/reviewSettings/accessReviewTimeoutBehavior", finding.Error, cvRename("expirationBehavior"), evMetadata},
	{"/reviewSettings/isAccessRecommendationEnabled", finding.Error, cvRename("isRecommendationEnabled"), evMetadata},
	{"/reviewSettings/isApprovalJustificationRequired", finding.Error, cvRename("isReviewerJustificationRequired"), evMetadata},
	{"/reviewSettings/isAgenticExperienceEnabled", finding.Error, cvSay("is beta-only: v1.0 review settings have no such switch, remove it"), evMetadata},
	{"/reviewSettings/reviewerType", finding.Error, cvV1ReviewerType, evPR1852},
	{"/reviewSettings/reviewers", finding.Error, cvRename("primaryReviewers"), evMetadata + "; " + evPR1852},
	{"/reviewSettings/startDateTime", finding.Error, cvV1ReviewStart, evMetadata + "; v1.0 create-policy example 2"},
	{"/reviewSettings/durationInDays", finding.Error, cvV1ReviewDuration, evMetadata + "; v1.0 create-policy example 2"},
	{"/reviewSettings/recurrenceType", finding.Error, cvV1RecurrenceType, evPR1852},
	{"/questions/*/allowsMultipleSelection", finding.Error, cvRename("isMultipleSelectionAllowed"), evMetadata},
	{"/questions/*/choices/*/displayValue", finding.Error, cvV1ChoiceDisplayValue, evMetadata},
},
	cvInSets(cvV1SubjectSets, "/id", finding.Error, cvV1SetID, evSubjects+"; "+evPR1852),
	cvInSets([]string{"/requestApprovalSettings/stages/*/primaryApprovers"}, "/isBackup", finding.Error, cvV1IsBackup("fallbackPrimaryApprovers"), evMetadata),
	cvInSets([]string{"/requestApprovalSettings/stages/*/escalationApprovers"}, "/isBackup", finding.Error, cvV1IsBackup("fallbackEscalationApprovers"), evMetadata),
	cvInSets(cvExcept(cvV1SubjectSets, "/requestApprovalSettings/stages/*/primaryApprovers", "/requestApprovalSettings/stages/*/escalationApprovers"),
		"/isBackup", finding.Error, cvV1IsBackup(""), evMetadata),
)

// cvBetaPolicy: v1.0 accessPackageAssignmentPolicy keys found in a beta policy.
var cvBetaPolicy = cvJoin([]cvKey{
	{"/accessPackage", finding.Warning, cvBetaAccessPackage, "beta metadata: accessPackage is a read-only navigation, accessPackageId the input; E6 (PUT without accessPackageId fails)"},
	{"/expiration", finding.Warning, cvBetaExpiration, "beta create-policy examples 4-5 and update examples 2-3 send it; E12 (response: durationInDays 0)"},
	{"/allowedTargetScope", finding.Error, cvBetaAllowedTargetScope, evPR1852 + "; beta-to-v1.0.json valueMaps"},
	{"/specificAllowedTargets", finding.Error, cvSay("is v1.0-only; in the beta shape list these principals in `requestorSettings.allowedRequestors`, naming each with `id`"), evPR1852 + "; " + evExamples},
	{"/reviewSettings", finding.Error, cvSay("is v1.0-only; in the beta shape use `accessReviewSettings` (with `reviewerType`, `reviewers`, `recurrenceType`, `durationInDays`, `startDateTime`)"), evMetadata},
	{"/notificationSettings", finding.Warning, cvSay("is the v1.0 name; the beta metadata calls it `accessPackageNotificationSettings` (the beta notification-settings page says `notificationSettings`, so Graph may ignore this one)"), "beta metadata vs DC beta accesspackagenotificationsettings.md (constraints.md §12.6)"},
	{"/automaticRequestSettings", finding.Error, cvSay("is v1.0-only and the beta policy has no counterpart: create automatic-assignment policies with the v1.0 `assignmentPolicies` endpoint"), evMetadata},
	{"/requestorSettings/enableTargetsToSelfAddAccess", finding.Error, cvSay("is v1.0-only; the nearest beta setting is `acceptRequests`"), evPR1852},
	{"/requestorSettings/enableTargetsToSelfUpdateAccess", finding.Error, cvSay("is v1.0-only; the nearest beta setting is the policy's `canExtend`"), evPR1852},
	{"/requestorSettings/enableTargetsToSelfRemoveAccess", finding.Error, cvBetaNoCounterpart, evMetadata},
	{"/requestorSettings/enableOnBehalfRequestorsToAddAccess", finding.Error, cvBetaNoCounterpart, evMetadata},
	{"/requestorSettings/enableOnBehalfRequestorsToUpdateAccess", finding.Error, cvBetaNoCounterpart, evMetadata},
	{"/requestorSettings/enableOnBehalfRequestorsToRemoveAccess", finding.Error, cvBetaNoCounterpart, evMetadata},
	{"/requestorSettings/onBehalfRequestors", finding.Error, cvBetaNoCounterpart, evMetadata},
	{"/requestorSettings/allowCustomAssignmentSchedule", finding.Error, cvBetaNoCounterpart, evMetadata},
	{"/requestorSettings/isOnBehalfAllowed", finding.Warning, cvSay("is not in the beta metadata, although Microsoft's beta examples send it; Graph most likely ignores it: remove it (on-behalf requests are configured on v1.0 policies with `enableOnBehalfRequestorsToAddAccess` and `onBehalfRequestors`)"), "beta create-policy examples 4-5, update examples 2-3 (constraints.md §12.4)"},
	{"/requestApprovalSettings/isApprovalRequiredForAdd", finding.Error, cvRenameBeta("isApprovalRequired"), evMetadata + "; " + evPR1852},
	{"/requestApprovalSettings/isApprovalRequiredForUpdate", finding.Error, cvRenameBeta("isApprovalRequiredForExtension"), evMetadata + "; " + evPR1852},
	{"/requestApprovalSettings/stages", finding.Error, cvSay("is v1.0-only; in the beta shape use `approvalStages` (timeouts in `approvalStageTimeOutInDays`/`escalationTimeInMinutes`, approvers named with `id`)"), evMetadata},
	{"/requestApprovalSettings/approvalStages/*/durationBeforeAutomaticDenial", finding.Error, cvBetaStageTimeout, evMetadata},
	{"/requestApprovalSettings/approvalStages/*/durationBeforeEscalation", finding.Error, cvBetaEscalationTime, evMetadata},
	{"/requestApprovalSettings/approvalStages/*/fallbackPrimaryApprovers", finding.Error, cvSay("is v1.0-only; in the beta shape list fallback approvers in `primaryApprovers` with `\"isBackup\": true`"), evMetadata + "; DC beta userset.md"},
	{"/requestApprovalSettings/approvalStages/*/fallbackEscalationApprovers", finding.Error, cvSay("is v1.0-only; in the beta shape list fallback approvers in `escalationApprovers` with `\"isBackup\": true`"), evMetadata + "; DC beta userset.md"},
	{"/accessReviewSettings/expirationBehavior", finding.Error, cvRenameBeta("accessReviewTimeoutBehavior"), evMetadata},
	{"/accessReviewSettings/isRecommendationEnabled", finding.Error, cvRenameBeta("isAccessRecommendationEnabled"), evMetadata},
	{"/accessReviewSettings/isReviewerJustificationRequired", finding.Error, cvRenameBeta("isApprovalJustificationRequired"), evMetadata},
	{"/accessReviewSettings/isSelfReview", finding.Error, cvBetaIsSelfReview, evPR1852},
	{"/accessReviewSettings/primaryReviewers", finding.Error, cvRenameBeta("reviewers"), evMetadata},
	{"/accessReviewSettings/fallbackReviewers", finding.Error, cvSay("is v1.0-only: beta review settings have no fallback reviewers, remove it or use the v1.0 endpoint"), evMetadata},
	{"/accessReviewSettings/schedule", finding.Error, cvSay("is v1.0-only; in the beta shape set `startDateTime`, `durationInDays` and `recurrenceType` directly in `accessReviewSettings`"), evMetadata + "; " + evPR1852},
	{"/questions/*/isMultipleSelectionAllowed", finding.Error, cvRenameBeta("allowsMultipleSelection"), evMetadata},
	{"/questions/*/localizations", finding.Error, cvSay("is v1.0-only; in the beta shape a question's `text` is an object: {\"defaultText\": ..., \"localizedTexts\": [...]}"), evMetadata},
	{"/questions/*/choices/*/text", finding.Error, cvBetaChoiceText, evMetadata},
	{"/questions/*/choices/*/localizations", finding.Error, cvSay("is v1.0-only; in the beta shape put the translations in `displayValue`: {\"localizedTexts\": [...]}"), evMetadata},
},
	cvInSets(cvBetaUserSets, "/userId", finding.Error, cvBetaSetID, evSubjects),
	cvInSets(cvBetaUserSets, "/groupId", finding.Error, cvBetaSetID, evSubjects),
	cvInSets(cvBetaUserSets, "/connectedOrganizationId", finding.Error, cvBetaSetID, evSubjects),
)

// cvV1Request: beta accessPackageAssignmentRequest keys found in a v1.0 request.
var cvV1Request = []cvKey{
	{"/accessPackageAssignment", finding.Error, nil, "reported by request-assignment-key"},
	{"/isValidationOnly", finding.Error, cvSay("is beta-only: v1.0 has no validation-only requests, remove it (or use the beta `accessPackageAssignmentRequests` endpoint to validate)"), evMetadata},
	{"/expirationDateTime", finding.Error, cvV1RequestExpiration, evMetadata + "; DC v1.0 entitlementmanagementschedule.md"},
	{"/requestState", finding.Error, cvSay("is the beta name of the read-only `state`: remove it, Graph sets it"), evMetadata},
	{"/requestStatus", finding.Error, cvSay("is the beta name of the read-only `status`: remove it, Graph sets it"), evMetadata},
	{"/completedDate", finding.Error, cvSay("is the beta name of the read-only `completedDateTime`: remove it, Graph sets it"), evMetadata},
	{"/customExtensionHandlerInstances", finding.Error, cvSay("is beta-only and read-only: remove it"), evMetadata},
	{"/verifiedCredentialsData", finding.Error, cvSay("is beta-only and read-only: remove it"), evMetadata},
	{"/history", finding.Error, cvSay("is beta-only and read-only: remove it"), evMetadata},
	{"/assignment/target/type", finding.Error, cvV1SubjectType, evMetadata},
}

// cvBetaRequest: v1.0 accessPackageAssignmentRequest keys found in a beta request.
var cvBetaRequest = []cvKey{
	{"/assignment", finding.Error, nil, "reported by request-assignment-key"},
	{"/state", finding.Error, cvSay("is the v1.0 name of the read-only `requestState`: remove it, Graph sets it"), evMetadata},
	{"/status", finding.Error, cvSay("is the v1.0 name of the read-only `requestStatus`: remove it, Graph sets it"), evMetadata},
	{"/completedDateTime", finding.Error, cvSay("is the v1.0 name of the read-only `completedDate`: remove it, Graph sets it"), evMetadata},
	{"/accessPackageAssignment/target/subjectType", finding.Error, cvSay("is the v1.0 name; the beta subject uses `type`"), evMetadata},
}

// cvIndex maps each shape's patterns to their entries.
var cvKeys = map[Shape][]cvKey{
	V1Policy:    cvV1Policy,
	BetaPolicy:  cvBetaPolicy,
	V1Request:   cvV1Request,
	BetaRequest: cvBetaRequest,
}

var cvIndex = func() map[Shape]*cvTrie {
	m := map[Shape]*cvTrie{}
	for shape, keys := range cvKeys {
		m[shape] = cvByPattern(keys)
	}
	return m
}()

// cvTrie holds the patterns by reference token ("*" for any array
// element), so that the walk leaves every other branch of the body alone.
type cvTrie struct {
	next map[string]*cvTrie
	key  *cvKey // the pattern that ends here
}

func cvByPattern(keys []cvKey) *cvTrie {
	root := &cvTrie{}
	for _, k := range keys {
		t := root
		for _, token := range pointer.Split(k.pattern) {
			if t.next == nil {
				t.next = map[string]*cvTrie{}
			}
			if t.next[token] == nil {
				t.next[token] = &cvTrie{}
			}
			t = t.next[token]
		}
		if t.key != nil {
			panic("cross-version-property: duplicate pattern " + k.pattern)
		}
		t.key = &k
	}
	return root
}

func cvJoin(lists ...[]cvKey) []cvKey {
	var out []cvKey
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// cvInSets makes one entry per subject-set collection, for a key of its items.
func cvInSets(sets []string, key string, sev finding.Severity, advice func(v, obj gjson.Result) string, evidence string) []cvKey {
	out := make([]cvKey, 0, len(sets))
	for _, s := range sets {
		out = append(out, cvKey{s + "/*" + key, sev, advice, evidence})
	}
	return out
}

func cvExcept(list []string, drop ...string) []string {
	var out []string
	for _, s := range list {
		keep := true
		for _, d := range drop {
			keep = keep && s != d
		}
		if keep {
			out = append(out, s)
		}
	}
	return out
}

// cvWalk visits the members whose place matches a pattern of the table,
// descending only along the patterns. A reported key's subtree is not
// visited: one finding per mix-up.
func cvWalk(pass *Pass, table *cvTrie) {
	tr := pass.tree()
	if len(tr.nodes) == 0 {
		return
	}
	var walk func(i int32, t *cvTrie)
	walk = func(i int32, t *cvTrie) {
		for c := range tr.children(i) {
			token := "*"
			if tr.nodes[c].Elem < 0 {
				token = tr.nodes[c].Key(tr.src)
			}
			next := t.next[token]
			if next == nil {
				continue
			}
			if e := next.key; e != nil && cvReport(pass, tr, c, *e) {
				continue
			}
			walk(c, next)
		}
	}
	walk(0, table)
}

// cvReport reports member c if its value is the other version's, and
// says whether its subtree is done with.
func cvReport(pass *Pass, tr *tree, c int32, e cvKey) bool {
	if e.advice == nil {
		return true // another rule's key: its subtree too
	}
	parent := tr.value(tr.nodes[c].Parent)
	msg := e.advice(tr.value(c), parent)
	if msg == "" {
		return false
	}
	key, ptr := tr.nodes[c].Key(tr.src), jsonparse.Pointer(tr.src, tr.nodes, c)
	if newKey, ok := graph.SubjectSetIDKeys[cvSetType(parent)]; ok && key == "id" && pass.Shape == V1Policy {
		// The one mechanical rename: a typed subject set's id.
		pass.ReportFix(e.severity, ptr, finding.Key,
			&finding.Fix{Description: "rename to " + newKey, Op: finding.FixRename, Key: newKey}, "`%s` %s", key, msg)
		return true
	}
	pass.ReportAt(e.severity, ptr, finding.Key, "`%s` %s", key, msg)
	return true
}

// ---- advice ----

func cvSay(s string) func(v, obj gjson.Result) string {
	return func(gjson.Result, gjson.Result) string { return s }
}

// cvRename: a beta name whose v1.0 counterpart takes the same value.
func cvRename(v1 string) func(v, obj gjson.Result) string {
	return func(v, _ gjson.Result) string {
		return fmt.Sprintf("is beta-only; in v1.0 use `%s`%s", v1, cvSameValue(v))
	}
}

// cvRenameBeta: a v1.0 name whose beta counterpart takes the same value.
func cvRenameBeta(beta string) func(v, obj gjson.Result) string {
	return func(v, _ gjson.Result) string {
		return fmt.Sprintf("is v1.0-only; in the beta shape use `%s`%s", beta, cvSameValue(v))
	}
}

// cvSameValue repeats a short scalar value after the suggested name.
func cvSameValue(v gjson.Result) string {
	switch v.Type {
	case gjson.True, gjson.False, gjson.Number:
		return ": " + v.Raw
	case gjson.String:
		if len(v.Str) <= 40 {
			return ": " + strconv.Quote(v.Str)
		}
	}
	return ""
}

func cvBetaNoCounterpart(gjson.Result, gjson.Result) string {
	return "is v1.0-only and the beta policy has no counterpart: remove it, or use the v1.0 `assignmentPolicies` endpoint"
}

func cvV1AccessPackageID(v, _ gjson.Result) string {
	if v.Type == gjson.String {
		return fmt.Sprintf("is beta-only; in v1.0 reference the package with `accessPackage`: {\"id\": %s}", strconv.Quote(v.Str))
	}
	return "is beta-only; in v1.0 reference the package with `accessPackage`: {\"id\": ...}"
}

func cvV1DurationInDays(v, _ gjson.Result) string {
	if n, ok := cvWholeNumber(v); ok {
		if n == 0 {
			return "is beta-only; in v1.0 use `expiration`: {\"type\": \"noExpiration\"} (0 days meant no expiry)"
		}
		return fmt.Sprintf("is beta-only; in v1.0 use `expiration`: {\"type\": \"afterDuration\", \"duration\": \"P%dD\"}", n)
	}
	return "is beta-only; in v1.0 use `expiration`: {\"type\": \"afterDuration\", \"duration\": \"P<days>D\"}"
}

func cvV1ExpirationDateTime(v, _ gjson.Result) string {
	switch v.Type {
	case gjson.String:
		return fmt.Sprintf("is beta-only; in v1.0 use `expiration`: {\"type\": \"afterDateTime\", \"endDateTime\": %s}", strconv.Quote(v.Str))
	case gjson.Null:
		return "is beta-only: remove it; in v1.0 an end date goes in `expiration`: {\"type\": \"afterDateTime\", \"endDateTime\": ...}"
	}
	return "is beta-only; in v1.0 use `expiration`: {\"type\": \"afterDateTime\", \"endDateTime\": ...}"
}

func cvV1ScopeType(v, _ gjson.Result) string {
	for _, m := range graph.ScopeTypes {
		if v.Type == gjson.String && strings.EqualFold(v.Str, m.Beta) {
			note := ""
			if m.Beta == "AllExistingConnectedOrganizationSubjects" {
				note = " (the nearest value: v1.0 has no scope for all existing connected organizations)"
			}
			return fmt.Sprintf("is beta-only; in v1.0 set `allowedTargetScope` at the top level of the policy: %q%s", m.V1, note)
		}
	}
	return "is beta-only; in v1.0 set `allowedTargetScope` at the top level of the policy"
}

func cvBetaAllowedTargetScope(v, _ gjson.Result) string {
	if v.Type == gjson.String {
		for _, m := range graph.ScopeTypes {
			if strings.EqualFold(v.Str, m.V1) {
				return fmt.Sprintf("is v1.0-only; in the beta shape set `requestorSettings.scopeType`: %q", m.Beta)
			}
		}
		return fmt.Sprintf("is v1.0-only and %q has no beta `scopeType` counterpart: use the v1.0 `assignmentPolicies` endpoint", v.Str)
	}
	return "is v1.0-only; in the beta shape set `requestorSettings.scopeType`"
}

func cvV1StageTimeout(v, _ gjson.Result) string {
	if n, ok := cvWholeNumber(v); ok {
		return fmt.Sprintf("is beta-only; in v1.0 use `durationBeforeAutomaticDenial`: \"P%dD\"", n)
	}
	return "is beta-only; in v1.0 use `durationBeforeAutomaticDenial` with an ISO 8601 duration such as \"P14D\""
}

func cvV1EscalationTime(v, _ gjson.Result) string {
	if n, ok := cvWholeNumber(v); ok {
		return fmt.Sprintf("is beta-only; in v1.0 use `durationBeforeEscalation`: %q", graph.ISOMinutes(n))
	}
	return "is beta-only; in v1.0 use `durationBeforeEscalation` with an ISO 8601 duration such as \"P8D\""
}

func cvBetaStageTimeout(v, _ gjson.Result) string {
	if s, ok := cvSeconds(v); ok && s%86400 == 0 {
		return fmt.Sprintf("is v1.0-only; in the beta shape use `approvalStageTimeOutInDays`: %d", s/86400)
	}
	return "is v1.0-only; in the beta shape use `approvalStageTimeOutInDays` (a number of days)"
}

func cvBetaEscalationTime(v, _ gjson.Result) string {
	if s, ok := cvSeconds(v); ok && s%60 == 0 {
		return fmt.Sprintf("is v1.0-only; in the beta shape use `escalationTimeInMinutes`: %d", s/60)
	}
	return "is v1.0-only; in the beta shape use `escalationTimeInMinutes` (a number of minutes)"
}

func cvV1ReviewerType(v, _ gjson.Result) string {
	switch strings.ToLower(v.Str) {
	case "self":
		return "is beta-only; in v1.0 use `isSelfReview`: true"
	case "manager":
		return "is beta-only; in v1.0 use `isSelfReview`: false and `primaryReviewers`: [{\"@odata.type\": \"#microsoft.graph.requestorManager\"}] with `fallbackReviewers`"
	}
	return "is beta-only; in v1.0 use `isSelfReview`: false and list the reviewers in `primaryReviewers`"
}

func cvBetaIsSelfReview(v, _ gjson.Result) string {
	if v.Type == gjson.True {
		return "is v1.0-only; in the beta shape use `reviewerType`: \"Self\""
	}
	return "is v1.0-only; in the beta shape use `reviewerType`: \"Reviewers\" (with `reviewers`) or \"Manager\""
}

func cvV1ReviewStart(v, _ gjson.Result) string {
	if v.Type == gjson.String {
		return fmt.Sprintf("is beta-only here; in v1.0 use `schedule`: {\"startDateTime\": %s}", strconv.Quote(v.Str))
	}
	return "is beta-only here; in v1.0 use `schedule.startDateTime`"
}

func cvV1ReviewDuration(v, _ gjson.Result) string {
	if n, ok := cvWholeNumber(v); ok && n > 0 {
		return fmt.Sprintf("is beta-only here; in v1.0 use `schedule`: {\"expiration\": {\"type\": \"afterDuration\", \"duration\": \"P%dD\"}}", n)
	}
	return "is beta-only here; in v1.0 use `schedule.expiration` with `type` \"afterDuration\" and a `duration`"
}

func cvV1RecurrenceType(v, _ gjson.Result) string {
	if p, ok := graph.Recurrences[strings.ToLower(v.Str)]; ok {
		return fmt.Sprintf("is beta-only; in v1.0 use `schedule`: {\"recurrence\": {\"pattern\": {\"type\": %q, \"interval\": %d}, \"range\": {\"type\": \"noEnd\"}}}", p.Type, p.Interval)
	}
	return "is beta-only; in v1.0 use `schedule.recurrence` (a `pattern` and a `range`)"
}

func cvV1ChoiceDisplayValue(v, _ gjson.Result) string {
	if t := Get(v, "defaultText"); t.Type == gjson.String {
		return fmt.Sprintf("is beta-only; in v1.0 a choice has `text`: %s and `localizations` (the beta `localizedTexts`)", strconv.Quote(t.Str))
	}
	return "is beta-only; in v1.0 a choice has `text` (the beta `defaultText`) and `localizations` (the beta `localizedTexts`)"
}

func cvBetaChoiceText(v, _ gjson.Result) string {
	if v.Type == gjson.String {
		return fmt.Sprintf("is v1.0-only; in the beta shape use `displayValue`: {\"defaultText\": %s}", strconv.Quote(v.Str))
	}
	return "is v1.0-only; in the beta shape use `displayValue`: {\"defaultText\": ..., \"localizedTexts\": [...]}"
}

// cvSetType returns an item's @odata.type without "#microsoft.graph.",
// lower-cased, or "" when it has none.
func cvSetType(obj gjson.Result) string {
	t := strings.ToLower(Get(obj, "@odata.type").Str)
	t = strings.TrimPrefix(t, "#")
	return strings.TrimPrefix(t, "microsoft.graph.")
}

func cvV1SetID(v, obj gjson.Result) string {
	t := cvSetType(obj)
	key, ok := graph.SubjectSetIDKeys[t]
	switch {
	case ok:
		val := ""
		if v.Type == gjson.String {
			val = ": " + strconv.Quote(v.Str)
		}
		name := strings.TrimPrefix(strings.TrimPrefix(Get(obj, "@odata.type").Str, "#"), "microsoft.graph.")
		return fmt.Sprintf("is the beta userSet key; in v1.0 a `%s` names its principal with `%s`%s", name, key, val)
	case t == "":
		return "is the beta userSet key; in v1.0 use `userId`, `groupId` or `connectedOrganizationId`, according to the item's `@odata.type`"
	}
	return "" // e.g. requestorManager: no id in either version, not a mix-up
}

func cvBetaSetID(v, _ gjson.Result) string {
	if v.Type == gjson.String {
		return fmt.Sprintf("is the v1.0 subjectSet key; the beta userSet names its principal with `id`: %s", strconv.Quote(v.Str))
	}
	return "is the v1.0 subjectSet key; the beta userSet names its principal with `id`"
}

// cvV1IsBackup: beta flags backup approvers; v1.0 lists them separately.
// fallback is the v1.0 list for backups of this collection, "" if none.
func cvV1IsBackup(fallback string) func(v, obj gjson.Result) string {
	return func(v, obj gjson.Result) string {
		// The v1.0 targetAgentIdentitySponsorsOrOwners page documents isBackup
		// (the metadata does not): leave it to the schema.
		if cvSetType(obj) == "targetagentidentitysponsorsorowners" {
			return ""
		}
		switch {
		case fallback != "" && v.Type == gjson.True:
			return fmt.Sprintf("is beta-only; in v1.0 move this approver to `%s` and drop the flag", fallback)
		case fallback != "":
			return fmt.Sprintf("is beta-only: remove it (v1.0 lists backup approvers separately, in `%s`)", fallback)
		}
		return "is beta-only and v1.0 has no backup flag here: remove it"
	}
}

func cvBetaAccessPackage(v, obj gjson.Result) string {
	// Harmless next to accessPackageId; without it the beta body names no package.
	if Has(obj, "accessPackageId") {
		return ""
	}
	if id := Get(v, "id"); id.Type == gjson.String {
		return fmt.Sprintf("is read-only in the beta policy, which names its package with `accessPackageId`: %s", strconv.Quote(id.Str))
	}
	return "is read-only in the beta policy, which names its package with `accessPackageId`"
}

func cvBetaExpiration(v, obj gjson.Result) string {
	const head = "is not a beta policy property and Graph ignores it"
	if n, ok := cvWholeNumber(Get(obj, "durationInDays")); (ok && n > 0) || Get(obj, "expirationDateTime").Type == gjson.String {
		return head + ": remove it (`durationInDays`/`expirationDateTime` already set the expiry)"
	}
	const never = head + ", so assignments never expire (the docs example's response shows `durationInDays`: 0)"
	switch strings.ToLower(Get(v, "type").Str) {
	case "afterduration":
		s, ok := cvSeconds(Get(v, "duration"))
		switch {
		case ok && s > 0 && s%86400 == 0:
			return fmt.Sprintf("%s; use `durationInDays`: %d", never, s/86400)
		case ok && s > 0:
			return never + "; the beta shape counts whole days only (`durationInDays`): use the v1.0 endpoint for shorter expiries"
		}
		return never + "; use `durationInDays`"
	case "afterdatetime":
		if e := Get(v, "endDateTime"); e.Type == gjson.String {
			return fmt.Sprintf("%s; use `expirationDateTime`: %s", never, strconv.Quote(e.Str))
		}
		return never + "; use `expirationDateTime`"
	case "noexpiration", "notspecified":
		return head + ": remove it (without `durationInDays` and `expirationDateTime` assignments do not expire)"
	}
	return never + "; use `durationInDays` or `expirationDateTime`"
}

func cvV1RequestExpiration(v, _ gjson.Result) string {
	if v.Type == gjson.String {
		return fmt.Sprintf("is beta-only; in v1.0 use `schedule`: {\"expiration\": {\"type\": \"afterDateTime\", \"endDateTime\": %s}}", strconv.Quote(v.Str))
	}
	return "is beta-only; in v1.0 use `schedule.expiration` (`type` \"afterDateTime\" with `endDateTime`)"
}

func cvV1SubjectType(v, _ gjson.Result) string {
	if v.Type == gjson.String && v.Str != "" {
		return fmt.Sprintf("is the beta name; the v1.0 subject uses `subjectType`: %q", strings.ToLower(v.Str[:1])+v.Str[1:])
	}
	return "is the beta name; the v1.0 subject uses `subjectType`"
}

// ---- numbers and durations ----

// cvWholeNumber returns a non-negative integral JSON number.
func cvWholeNumber(v gjson.Result) (int64, bool) {
	if v.Type != gjson.Number || v.Num < 0 || v.Num != float64(int64(v.Num)) {
		return 0, false
	}
	return int64(v.Num), true
}

// cvSeconds reads an ISO 8601 duration made of weeks, days, hours, minutes
// and whole seconds. Years and months have no fixed length: not ok.
func cvSeconds(v gjson.Result) (int64, bool) {
	if v.Type != gjson.String {
		return 0, false
	}
	s := strings.ToUpper(v.Str)
	if !strings.HasPrefix(s, "P") || len(s) < 3 {
		return 0, false
	}
	var total, n int64
	digits, inTime, timeUnits := false, false, 0
	for _, c := range s[1:] {
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int64(c-'0')
			digits = true
			continue
		case c == 'T' && !inTime && !digits:
			inTime = true
			continue
		}
		if !digits {
			return 0, false
		}
		var unit int64
		switch {
		case c == 'W' && !inTime:
			unit = 7 * 86400
		case c == 'D' && !inTime:
			unit = 86400
		case c == 'H' && inTime:
			unit = 3600
		case c == 'M' && inTime:
			unit = 60
		case c == 'S' && inTime:
			unit = 1
		default:
			return 0, false
		}
		total += n * unit
		n, digits = 0, false
		if inTime {
			timeUnits++
		}
	}
	return total, !digits && (!inTime || timeUnits > 0)
}
