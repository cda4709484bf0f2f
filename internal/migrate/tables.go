package migrate

import ()

// The beta -> v1.0 correspondence, carried in the package so that nothing is
// read at build or test time. Sources, abbreviated as in the reference data
// emlint's schemas were built from:
//
//	MD    microsoftgraph/msgraph-metadata clean_v10_metadata/cleanMetadata.xml (v1.0 types)
//	SDKB  microsoftgraph/msgraph-beta-sdk-python (beta types, generated from beta metadata)
//	DC    microsoftgraph/microsoft-graph-docs-contrib, api-reference/{beta,v1.0}/...
//	TF    hashicorp/terraform-provider-azuread PR #1852 (its beta -> v1.0 mapping)
//
// "inferred" marks a pairing taken from parallel beta/v1.0 examples or from
// names, not from a sentence in the docs (as the reference data marks it).
//
// Some tables repeat ones in rules/cross_version_property.go (cvScopeMap,
// cvRecurrences, cvSetKeys, cvISOFromMinutes), which are unexported there:
// keep the two in step, or move them to a shared package.

// specificScopes are the v1.0 scopes whose principals are listed in
// specificAllowedTargets; with the others the docs examples send [] (DC v1.0
// create-policy examples 1-3), and beta ignores allowedRequestors with the
// All* scopes (DC beta requestorsettings.md, table of scopeType values).
var specificScopes = map[string]bool{
	"specificDirectoryUsers":             true,
	"specificConnectedOrganizationUsers": true,
	"specificDirectoryServicePrincipals": true,
}

// subjectSets lists, per userSet subtype (beta) / subjectSet subtype (v1.0),
// the v1.0 key that takes the beta `id` ("" when the type has no principal
// id) and the other properties both versions share. DC {beta,v1.0}
// singleuser.md, groupmembers.md, connectedorganizationmembers.md (id ->
// userId/groupId/connectedOrganizationId); MD and SDKB for the rest. The beta
// isBackup flag is handled by the caller (fallback lists).
var subjectSets = map[string]struct {
	idKey string
	keep  []string
}{
	"singleUser":                          {"userId", []string{"description"}},
	"groupMembers":                        {"groupId", []string{"description"}},
	"connectedOrganizationMembers":        {"connectedOrganizationId", []string{"description"}},
	"requestorManager":                    {"", []string{"managerLevel"}},
	"internalSponsors":                    {"", nil},
	"externalSponsors":                    {"", nil},
	"targetUserSponsors":                  {"", nil},
	"targetAgentIdentitySponsorsOrOwners": {"", nil},
	"attributeRuleMembers":                {"", []string{"description", "membershipRule"}},
}

// dynamicApprovers are the subject sets resolved per request (a manager, a
// sponsor): the ones v1.0 fallback approvers stand in for (DC v1.0
// requestormanager.md, internalsponsors.md, externalsponsors.md,
// targetusersponsors.md).
var dynamicApprovers = map[string]bool{
	"requestorManager":                    true,
	"internalSponsors":                    true,
	"externalSponsors":                    true,
	"targetUserSponsors":                  true,
	"targetAgentIdentitySponsorsOrOwners": true,
}

// requestTypes maps beta requestType values (a plain String, PascalCase in
// the docs) to the v1.0 accessPackageRequestType enum (camelCase). MD for the
// v1.0 members; beta-to-v1.0 valueMaps for the pairs. note, when set, is
// attached to the migration.
var requestTypes = map[string]struct {
	v1, sev, note string
}{
	"UserAdd":        {"userAdd", "", ""},
	"UserUpdate":     {"userUpdate", "", ""},
	"UserRemove":     {"userRemove", "", ""},
	"AdminAdd":       {"adminAdd", "", ""},
	"AdminUpdate":    {"adminUpdate", "", ""},
	"AdminRemove":    {"adminRemove", "", ""},
	"NotSpecified":   {"notSpecified", Warning, "`notSpecified` is not a request type a client can create: use `userAdd`, `adminAdd` or another user/admin type"},
	"SystemAdd":      {"systemAdd", Warning, "system requests are created by Graph itself, not by clients (DC v1.0 accesspackageassignmentrequest.md): Graph is likely to refuse this request"},
	"SystemUpdate":   {"systemUpdate", Warning, "system requests are created by Graph itself, not by clients (DC v1.0 accesspackageassignmentrequest.md): Graph is likely to refuse this request"},
	"SystemRemove":   {"systemRemove", Warning, "system requests are created by Graph itself, not by clients (DC v1.0 accesspackageassignmentrequest.md): to remove an assignment, send `adminRemove`"},
	"ApproverRemove": {"approverRemove", Warning, "`approverRemove` is declared after `unknownFutureValue` in the v1.0 enum: Graph accepts and returns it only with the header `Prefer: include-unknown-enum-members` (MD)"},
	"OnBehalfAdd":    {"onBehalfAdd", Warning, "`onBehalfAdd` is documented as not supported (DC v1.0 accesspackageassignmentrequest.md): send `userAdd` with the person in `assignment.target` (`objectId`)"},
	// v1.0 has no userExtend (the v1.0 resource page lists UserExtend, the
	// enum does not: constraints.md §12.2); extending one's own assignment is
	// a userUpdate, which takes the same assignment fields.
	"UserExtend": {"userUpdate", Warning, "v1.0 has no `UserExtend`: a user extends an assignment with `userUpdate` (same `targetId`, `assignmentPolicyId` and `accessPackageId`), which also lets them change a schedule or answers; check that this is what the request means"},
}

// subjectTypes maps beta accessPackageSubject.type (a String) to the v1.0
// accessPackageSubjectType enum (MD).
var subjectTypes = map[string]string{
	"user":             "user",
	"serviceprincipal": "servicePrincipal",
	"notspecified":     "notSpecified",
}

// odataRenames maps beta type names (without "#microsoft.graph.") to the v1.0
// type that replaces them (MD vs SDKB; beta-to-v1.0.json "type change"
// entries). Types with the same name in both versions are not listed.
var odataRenames = map[string]string{
	"approvalSettings":         "accessPackageAssignmentApprovalSettings",
	"approvalStage":            "accessPackageApprovalStage",
	"requestorSettings":        "accessPackageAssignmentRequestorSettings",
	"assignmentReviewSettings": "accessPackageAssignmentReviewSettings",
	"requestSchedule":          "entitlementManagementSchedule",
	"customExtensionHandler":   "customExtensionStageSetting",
}

// Output key orders, as Graph's v1.0 docs examples write them (DC v1.0
// entitlementmanagement-post-assignmentpolicies.md examples 1-3,
// accesspackageassignmentpolicy-update.md and its customExtensionStageSettings
// example, entitlementmanagement-post-assignmentrequests.md). Properties the
// examples do not show come where they read naturally.
var (
	policyOrder = []string{"@odata.type", "id", "displayName", "description", "allowedTargetScope", "specificAllowedTargets",
		"automaticRequestSettings", "expiration", "requestorSettings", "requestApprovalSettings", "reviewSettings",
		"notificationSettings", "questions", "accessPackage", "customExtensionStageSettings"}
	requestorOrder = []string{"@odata.type", "enableTargetsToSelfAddAccess", "enableTargetsToSelfUpdateAccess", "enableTargetsToSelfRemoveAccess",
		"allowCustomAssignmentSchedule", "enableOnBehalfRequestorsToAddAccess", "enableOnBehalfRequestorsToUpdateAccess",
		"enableOnBehalfRequestorsToRemoveAccess", "onBehalfRequestors"}
	approvalOrder = []string{"@odata.type", "isApprovalRequiredForAdd", "isApprovalRequiredForUpdate", "isRequestorJustificationRequired", "stages"}
	stageOrder    = []string{"@odata.type", "durationBeforeAutomaticDenial", "isApproverJustificationRequired", "isEscalationEnabled",
		"durationBeforeEscalation", "approverInformationVisibility", "primaryApprovers", "fallbackPrimaryApprovers",
		"escalationApprovers", "fallbackEscalationApprovers"}
	reviewOrder = []string{"@odata.type", "isEnabled", "expirationBehavior", "isRecommendationEnabled", "isReviewerJustificationRequired",
		"isSelfReview", "schedule", "primaryReviewers", "fallbackReviewers"}
	scheduleOrder   = []string{"@odata.type", "startDateTime", "expiration", "recurrence"}
	expirationOrder = []string{"@odata.type", "type", "duration", "endDateTime"}
	questionOrder   = []string{"@odata.type", "id", "sequence", "isRequired", "isAnswerEditable", "text", "localizations",
		"isMultipleSelectionAllowed", "choices", "isSingleLineQuestion", "regexPattern"}
	choiceOrder     = []string{"@odata.type", "actualValue", "text", "localizations"}
	localizedOrder  = []string{"@odata.type", "languageCode", "text"}
	subjectSetOrder = []string{"@odata.type", "userId", "groupId", "connectedOrganizationId", "managerLevel", "membershipRule", "description"}
	stageSetOrder   = []string{"@odata.type", "stage", "customExtension"}

	requestOrder    = []string{"@odata.type", "requestType", "assignment", "justification", "schedule", "answers", "parameters"}
	assignmentOrder = []string{"@odata.type", "id", "targetId", "assignmentPolicyId", "accessPackageId", "target"}
	targetOrder     = []string{"@odata.type", "objectId", "displayName", "email", "principalName", "onPremisesSecurityIdentifier",
		"subjectType", "subjectLifecycle", "connectedOrganization"}
	answerOrder = []string{"@odata.type", "displayValue", "value", "answeredQuestion"}
)
