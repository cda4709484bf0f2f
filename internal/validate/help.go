package validate

// Help is the long help of each schema rule, for `emlint explain`, SARIF
// and the README: why it matters, a bad body and its fix, and the evidence
// behind the severity.
var Help = map[string]string{
	RuleUnknownProperty: `The body names a property that the Graph type of that object does not
declare. Graph deserialises request bodies strictly: an undeclared property
is rejected with 400 "The model is invalid." (InvalidModel) or "Property 'x'
does not exist on type 'microsoft.graph.y'", not ignored. The usual causes are
a typo, a property of the other API version (the cross-version-property rule
then says what to use instead), or a key spelled in another letter case (the
property-name-case rule reports those, and this finding is replaced by it).

Bad:  {"displayName": "Sales", "allowedTargetScopes": "allMemberUsers"}
Fix:  {"displayName": "Sales", "allowedTargetScope": "allMemberUsers"}

Evidence: the type definitions in Graph's v1.0 and beta metadata, behind
emlint's schemas (api-reference/*/resources/*.md in
microsoft-graph-docs-contrib); service errors E1 and E3 (InvalidModel for
undeclared and mis-cased keys: msgraph-sdk-powershell #1904, #1821).`,

	RuleRequired: `A property that the type requires is missing: for example a v1.0 policy
without accessPackage, a beta policy without accessPackageId, an answer
without answeredQuestion, or an expiration of type afterDuration without a
duration. Graph rejects the body (400, or an ArgumentNullException such as
"Value cannot be null. Parameter name: Id"), or creates something other than
what was meant.

Bad:  {"displayName": "Sales", "allowedTargetScope": "allMemberUsers"}
Fix:  {"displayName": "Sales", "allowedTargetScope": "allMemberUsers",
       "accessPackage": {"id": "a914b616-e04e-476b-aa37-91038f0b165b"}}

Evidence: the "required" column of the create and update pages
(api-reference/v1.0/api/entitlementmanagement-post-assignmentpolicies.md and
their beta counterparts) and the metadata's non-nullable properties; service
error E6 (beta PUT without accessPackageId: microsoft-graph-docs-contrib
#1462).`,

	RuleType: `A value has the wrong JSON type: a string where Graph declares a boolean,
an object where it declares a collection, a number where it declares a
string. Graph's OData deserialiser does not convert types and rejects the
body with 400. A boolean or number sent as a string ("true", "1") is only a
warning: Microsoft's own v1.0 docs example sends them so, and no rejection
is on record; send them without quotes all the same. Through a typed Graph
PowerShell cmdlet, values the cmdlet converts are info (see
ps-cmdlet-dropped-value for those it cannot convert).

Bad:  "isApprovalRequiredForAdd": "yes",  "stages": {"durationBeforeAutomaticDenial": "P7D"}
Fix:  "isApprovalRequiredForAdd": true,   "stages": [{"durationBeforeAutomaticDenial": "P7D"}]

Evidence: the property types in Graph's metadata (Edm.Boolean, Edm.Int32,
Collection(...)) behind emlint's schemas; the string booleans of v1.0
entitlementmanagement-post-assignmentpolicies.md example 4 (why those are
warnings).`,

	RuleEnum: `A value is not a member of the Graph enumeration the property takes:
allowedTargetScope, expiration.type, requestType, approvalMode,
scopeType... Graph rejects an unknown member with 400. Enumeration members
are case-sensitive camelCase in v1.0 (allMemberUsers, afterDuration,
adminAdd) and PascalCase in the legacy beta shape (AllExistingDirectorySubjects,
AdminAdd); the finding suggests the closest member, and when only the
letter case differs it carries a fix (--fix applies it).

Bad:  "allowedTargetScope": "allMemberUser"
Fix:  "allowedTargetScope": "allMemberUsers"

Evidence: the enumeration types in Graph's v1.0 and beta metadata
(allowedTargetScope, expirationPatternType, accessPackageRequestType...), as
listed on the resource pages in microsoft-graph-docs-contrib. PascalCase
requestType values in v1.0 are graded by request-type-casing instead, since
Microsoft's v1.0 examples send them.`,

	RuleFormat: `A date, date-time or duration is not in the ISO 8601 form Graph parses:
durations such as P30D or PT12H (not "30 days" or "30"), date-times with a
time zone such as 2027-03-31T17:00:00Z, dates such as 2027-03-31. Graph
rejects a malformed value with 400, and an expiration without a time zone is
ambiguous.

Bad:  "expiration": {"type": "afterDuration", "duration": "90 days"}
Fix:  "expiration": {"type": "afterDuration", "duration": "P90D"}

Evidence: Graph's metadata types Edm.Duration, Edm.DateTimeOffset and
Edm.Date, and the OData JSON format (ISO 8601 / RFC 3339 literals), on the
expirationPattern and entitlementManagementSchedule pages of
microsoft-graph-docs-contrib.`,

	RuleRange: `A number is outside the range Graph's metadata or documentation gives it:
a requestor manager's managerLevel outside 1-2 (a target manager's, 1-4), a
custom extension's timeoutInMilliseconds outside 200-2000, or an integer
beyond the 32-bit range of Edm.Int32. Graph rejects the value.

Bad:  {"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 3}
Fix:  {"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 2}

Evidence: the documented ranges on the requestorManager, targetManager and
customExtensionClientConfiguration pages of microsoft-graph-docs-contrib,
and the Edm.Int32 type of integer properties in the metadata, as recorded in
emlint's schema reference data (schemas/reference).`,

	RuleODataType: `An object whose declared type is abstract (a subject set such as an
approver, requestor or target; a question; an answer) needs @odata.type to
say which concrete type it is, and the value must be one of the types that
fit there. Without it Graph cannot deserialise the object ("The model is
invalid."); with the wrong one it reads the wrong properties. The message
names the concrete type whose properties fit the object.

Bad:  "primaryApprovers": [{"userId": "46184453-e63b-4f20-86c2-c557ed5d5df9"}]
Fix:  "primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser",
                            "userId": "46184453-e63b-4f20-86c2-c557ed5d5df9"}]

Evidence: the abstract base types (subjectSet, userSet,
accessPackageQuestion, accessPackageAnswer) in Graph's metadata; service
error E2 (InvalidModel for a question without a concrete type:
microsoft-graph-docs #20048, msgraph-beta-sdk-dotnet #582).`,

	RuleInvalid: `The body breaks a constraint of the schema that none of the more specific
schema rules describes (a combination the schema forbids, a value matching
none of the allowed shapes). The message quotes the validator. Graph rejects
such a body, or misreads it; the schema encodes only what Graph's metadata
and documentation say.

Bad:  a value that fits none of the branches the schema allows at that place
Fix:  the shape the message names

Evidence: the Graph metadata and documented constraints behind emlint's
embedded schemas (emlint schema --api A --kind K prints them; their sources
are listed in schemas/reference).`,
}
