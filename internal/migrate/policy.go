package migrate

import (
	"github.com/emlint/emlint/internal/graph"
	"slices"
	"strings"

	"github.com/emlint/emlint/internal/pointer"
)

// Policy migrates a legacy beta accessPackageAssignmentPolicy (the body of
// POST or PUT /beta/identityGovernance/entitlementManagement/
// accessPackageAssignmentPolicies) to a v1.0 accessPackageAssignmentPolicy
// (POST or PUT /v1.0/.../assignmentPolicies). A body that is not a JSON
// object, an assignment request, or a body already in the v1.0 shape is an
// error.
func Policy(body []byte) (Result, error) {
	d, err := decode(body)
	if err != nil {
		return Result{}, err
	}
	if err := checkShape(d.root, true); err != nil {
		return Result{}, err
	}
	c := &conv{}
	c.begin(d)
	return c.result(body, c.policy(d.root)), nil
}

const policyType = "`accessPackageAssignmentPolicy`"

func (c *conv) policy(in *object) *object {
	out := newObject()
	scope := c.scopeOf(in)
	var handlers []any   // customExtensionHandlers converted to stage settings
	var carried []member // v1.0 properties found in the beta body
	for _, m := range in.members {
		ptr := pointer.Join("", m.key)
		switch m.key {
		case "@odata.type":
			c.odataType(out, m.val, ptr, "accessPackageAssignmentPolicy")
		case "id", "displayName", "description":
			out.set(m.key, clone(m.val))
		case "accessPackageId", "accessPackage", "durationInDays", "expirationDateTime", "expiration":
			// accessPackageOf and expirationOf read these together.
		case "canExtend":
			c.canExtend(m.val, ptr)
		case "requestorSettings":
			c.requestorSettings(out, m.val, ptr, scope)
		case "requestApprovalSettings":
			out.set("requestApprovalSettings", c.approvalSettings(m.val, ptr))
		case "accessReviewSettings":
			out.set("reviewSettings", c.reviewSettings(m.val, ptr))
		case "accessPackageNotificationSettings":
			out.set("notificationSettings", c.notificationSettings(m.val, ptr))
		case "questions":
			out.set("questions", c.questions(m.val, ptr))
		case "customExtensionStageSettings":
			out.set("customExtensionStageSettings", c.stageSettings(m.val, ptr))
		case "customExtensionHandlers":
			handlers = c.handlers(m.val, ptr)
		case "verifiableCredentialSettings":
			c.verifiableCredentials(m.val, ptr)
		case "createdBy", "createdDateTime", "modifiedBy", "modifiedDateTime":
			c.readOnly(ptr, m.key)
		case "accessPackageCatalog":
			c.info(ptr, "`accessPackageCatalog` is a read-only navigation property (v1.0 `catalog` is read-only too): left out; the access package decides the catalog")
		case "allowedTargetScope", "specificAllowedTargets", "automaticRequestSettings", "reviewSettings", "notificationSettings":
			carried = append(carried, m)
		default:
			c.unknown(ptr, m.key, policyType, "accessPackageAssignmentPolicy")
		}
	}
	c.accessPackageOf(in, out)
	c.expirationOf(in, out)
	c.mergeHandlers(out, handlers)
	from := map[string]string{"allowedTargetScope": "requestorSettings.scopeType", "specificAllowedTargets": "requestorSettings.allowedRequestors",
		"reviewSettings": "accessReviewSettings", "notificationSettings": "accessPackageNotificationSettings"}
	for _, m := range carried {
		c.carry(out, m.key, m.val, pointer.Join("", m.key), from[m.key])
	}
	out.sortBy(policyOrder)
	return out
}

// ---- access package ----

func (c *conv) accessPackageOf(in, out *object) {
	id, hasID := in.get("accessPackageId")
	ap, hasAP := in.get("accessPackage")
	idPtr, apPtr := pointer.Join("", "accessPackageId"), pointer.Join("", "accessPackage")
	s, isString := id.(string)
	switch {
	case hasID && !isString:
		c.warn(idPtr, "`accessPackageId` is %s, not an id: left out; v1.0 names the package with `accessPackage`: {\"id\": ...}", describe(id))
	case hasID:
		ref := newObject()
		ref.set("id", s)
		out.set("accessPackage", ref)
	}
	if !hasAP {
		if !hasID {
			c.warn("", "the policy names no access package (`accessPackageId`): a v1.0 policy needs `accessPackage`: {\"id\": ...}")
		}
		return
	}
	// accessPackage is a read-only navigation property of the beta policy
	// (its input is accessPackageId); in v1.0 it is the input.
	obj, ok := ap.(*object)
	if !ok {
		c.warn(apPtr, "`accessPackage` is %s: left out", describe(ap))
		return
	}
	ref := newObject()
	for _, m := range obj.members {
		ptr := pointer.Join(apPtr, m.key)
		switch m.key {
		case "id":
			ref.set("id", clone(m.val))
		case "@odata.type":
			c.odataType(ref, m.val, ptr, "accessPackage")
		default:
			c.info(ptr, "`%s` of the access package cannot be set through a policy: left out (the policy only references the package by `id`)", m.key)
		}
	}
	aid, _ := ref.get("id")
	switch {
	case !ref.has("id"):
		if !hasID {
			c.warn(apPtr, "`accessPackage` has no `id`: a v1.0 policy needs `accessPackage`: {\"id\": ...}")
		}
	case !hasID:
		out.set("accessPackage", ref)
		c.info(apPtr, "`accessPackage` is read-only in the beta policy (which names its package with `accessPackageId`) but is how v1.0 names it: carried over")
	case aid != id:
		c.warn(apPtr, "`accessPackage.id` %s differs from `accessPackageId` %s: the migration used `accessPackageId`, which is what the beta endpoint reads; check which package is meant", describe(aid), describe(id))
	}
}

// ---- expiration ----

// expirationOf builds v1.0 expiration from beta durationInDays and
// expirationDateTime, and from a v1.0 expiration that beta examples send
// (and beta ignores).
func (c *conv) expirationOf(in, out *object) {
	durV, hasDur := in.get("durationInDays")
	dateV, hasDate := in.get("expirationDateTime")
	expV, hasExp := in.get("expiration")
	durPtr, datePtr, expPtr := pointer.Join("", "durationInDays"), pointer.Join("", "expirationDateTime"), pointer.Join("", "expiration")

	var days int64
	daysOK := false
	if hasDur && durV != nil {
		days, daysOK = c.wholeNumber(durV, durPtr, "durationInDays")
	}
	date, dateOK := dateV.(string)
	if hasDate && dateV != nil && !dateOK {
		c.warn(datePtr, "`expirationDateTime` is %s, not a date-time: left out", describe(dateV))
	}

	exp := newObject()
	switch {
	case daysOK && days > 0 && dateOK:
		exp.set("type", "afterDuration")
		exp.set("duration", graph.ISODays(days))
		c.warn(datePtr, "both `durationInDays` (%d) and `expirationDateTime` are set, and which one Graph applied is undocumented: the migration used `durationInDays`; for the date instead, use `expiration`: {\"type\": \"afterDateTime\", \"endDateTime\": %q}", days, date)
	case daysOK && days > 0:
		exp.set("type", "afterDuration")
		exp.set("duration", graph.ISODays(days))
	case dateOK:
		exp.set("type", "afterDateTime")
		exp.set("endDateTime", date)
	case daysOK && days == 0:
		// 0 days and no date: assignments do not expire (constraints.md §10:
		// the beta docs example's response shows durationInDays 0 for a
		// policy without expiry).
		exp.set("type", "noExpiration")
	}

	if hasExp {
		c.betaBodyExpiration(out, exp, expV, expPtr)
		if out.has("expiration") {
			return
		}
	}
	if exp.len() > 0 {
		out.set("expiration", exp)
	}
}

// betaBodyExpiration handles `expiration` in a beta body (beta create-policy
// examples 4 and 5 and update examples 2 and 3 send it; it is not in the beta
// metadata, and the examples' responses show durationInDays 0: beta ignored
// it). fromBeta is what durationInDays/expirationDateTime gave.
func (c *conv) betaBodyExpiration(out, fromBeta *object, v any, ptr string) {
	obj, ok := v.(*object)
	if !ok {
		c.warn(ptr, "`expiration` is %s, and not a beta policy property: left out", describe(v))
		return
	}
	if fromBeta.len() > 0 {
		if sameJSON(obj, fromBeta) {
			c.info(ptr, "`expiration` is not a beta policy property (beta ignores it); it says the same as `durationInDays`/`expirationDateTime`, which the migration used")
			return
		}
		c.warn(ptr, "`expiration` is not a beta policy property (beta ignored it) and disagrees with `durationInDays`/`expirationDateTime`, which beta applied: the migration used those, and left this out; check which expiry is meant")
		return
	}
	exp := clone(obj).(*object)
	exp.sortBy(expirationOrder)
	out.set("expiration", exp)
	c.warn(ptr, "`expiration` is not a beta policy property: the beta endpoint ignored it (the docs example's response shows `durationInDays` 0, assignments that never expire), but v1.0 applies it: carried over as it is; check that this expiry is meant")
}

// sameJSON compares two trees by their encoding, ignoring key order.
func sameJSON(a, b any) bool {
	norm := func(v any) string {
		v = clone(v)
		var sortAll func(any)
		sortAll = func(v any) {
			switch t := v.(type) {
			case *object:
				slices.SortFunc(t.members, func(x, y member) int { return strings.Compare(x.key, y.key) })
				t.reindex()
				for _, m := range t.members {
					sortAll(m.val)
				}
			case []any:
				for _, e := range t {
					sortAll(e)
				}
			}
		}
		sortAll(v)
		return string(encode(v))
	}
	return norm(a) == norm(b)
}

// canExtend has no v1.0 property; the nearest are requestorSettings.
// enableTargetsToSelfUpdateAccess and isApprovalRequiredForUpdate
// (constraints.md §10, inferred; TF).
func (c *conv) canExtend(v any, ptr string) {
	const nearest = "the nearest v1.0 setting is `requestorSettings.enableTargetsToSelfUpdateAccess` (with `requestApprovalSettings.isApprovalRequiredForUpdate` to approve extensions)"
	switch {
	case isTrue(v):
		c.warn(ptr, "`canExtend` has no v1.0 property and was left out: %s; set it to true to let assignees extend their access", nearest)
	case v == false:
		c.info(ptr, "`canExtend` has no v1.0 property and was left out: %s, which the migration leaves unset", nearest)
	default:
		c.warn(ptr, "`canExtend` is %s and has no v1.0 property: left out; %s", describe(v), nearest)
	}
}

// ---- who may request ----

// scope is the v1.0 allowedTargetScope a beta policy's scopeType gives.
type scope struct {
	beta, v1 string // "" when absent or unknown
}

func (c *conv) scopeOf(in *object) scope {
	rs, _ := in.get("requestorSettings")
	obj, ok := rs.(*object)
	if !ok {
		return scope{}
	}
	v, ok := obj.get("scopeType")
	if !ok {
		return scope{}
	}
	ptr := pointer.Join("", "requestorSettings", "scopeType")
	s, ok := v.(string)
	if !ok {
		c.warn(ptr, "`scopeType` is %s, not a scope: left out, so the v1.0 policy has no `allowedTargetScope`", describe(v))
		return scope{}
	}
	for _, m := range graph.ScopeTypes {
		if strings.EqualFold(s, m.Beta) {
			if m.Beta == "AllExistingConnectedOrganizationSubjects" {
				c.warn(ptr, "`scopeType` `%s` (users of every connected organization, configured or proposed) has no exact v1.0 counterpart: the migration used the nearest, `allConfiguredConnectedOrganizationUsers` (only configured organizations), as Microsoft's parallel v1.0 example does", s)
			}
			return scope{m.Beta, m.V1}
		}
	}
	c.warn(ptr, "`scopeType` %q is not a beta scope type: left out, so the v1.0 policy has no `allowedTargetScope`; set it by hand", s)
	return scope{beta: s}
}

func (c *conv) requestorSettings(out *object, v any, ptr string, sc scope) {
	obj, ok := v.(*object)
	if !ok {
		if v == nil {
			out.set("requestorSettings", nil)
		} else {
			c.warn(ptr, "`requestorSettings` is %s, not an object: left out", describe(v))
		}
		return
	}
	rs := newObject()
	var carried []member
	for _, m := range obj.members {
		mp := pointer.Join(ptr, m.key)
		switch m.key {
		case "@odata.type":
			c.odataType(rs, m.val, mp, "requestorSettings")
		case "scopeType":
			if sc.v1 != "" {
				out.set("allowedTargetScope", sc.v1)
			}
		case "acceptRequests":
			c.acceptRequests(rs, m.val, mp, sc)
		case "allowedRequestors":
			c.allowedRequestors(out, m.val, mp, sc)
		case "isOnBehalfAllowed":
			// Beta create-policy examples 4 and 5 send it; neither version's
			// metadata has it (constraints.md §12.4).
			if m.val == false {
				c.info(mp, "`isOnBehalfAllowed` is not a property of either version (only beta examples send it), and false asks for nothing: left out")
			} else {
				c.warn(mp, "`isOnBehalfAllowed` is not a property of either version (only beta examples send it): left out; to allow on-behalf requests in v1.0, set `requestorSettings.enableOnBehalfRequestorsToAddAccess` and list who may ask in `onBehalfRequestors`")
			}
		case "enableTargetsToSelfAddAccess", "enableTargetsToSelfUpdateAccess", "enableTargetsToSelfRemoveAccess",
			"allowCustomAssignmentSchedule", "enableOnBehalfRequestorsToAddAccess", "enableOnBehalfRequestorsToUpdateAccess",
			"enableOnBehalfRequestorsToRemoveAccess", "onBehalfRequestors":
			carried = append(carried, m)
		default:
			c.unknown(mp, m.key, "`requestorSettings`", "requestorSettings")
		}
	}
	for _, m := range carried {
		c.carry(rs, m.key, m.val, pointer.Join(ptr, m.key), "acceptRequests")
	}
	if sc.v1 != "" && !out.has("specificAllowedTargets") {
		out.set("specificAllowedTargets", []any{}) // as the v1.0 docs examples send with the all* scopes
	}
	if rs.len() > 0 {
		rs.sortBy(requestorOrder)
		out.set("requestorSettings", rs)
	}
}

func (c *conv) acceptRequests(rs *object, v any, ptr string, sc scope) {
	b, ok := c.boolean(v, ptr, "acceptRequests")
	if !ok || b == nil {
		return
	}
	if sc.v1 == "notSpecified" {
		// A NoSubjects policy is for direct assignment: acceptRequests true
		// keeps it open to administrators (with false it blocks direct
		// assignment too: rule direct-policy-disabled). The v1.0 direct-
		// assignment pattern sets every enableTargetsToSelf* flag to false
		// (DC v1.0 create-policy example 1).
		rs.set("enableTargetsToSelfAddAccess", false)
		if b == true {
			c.info(ptr, "`acceptRequests` true on a `NoSubjects` (direct-assignment) policy kept it open to administrators' assignments; a v1.0 direct-assignment policy (`allowedTargetScope` `notSpecified`) sets `enableTargetsToSelfAddAccess` to false, as the migration did")
		} else {
			c.warn(ptr, "`acceptRequests` false on a `NoSubjects` policy blocked direct assignments too, and v1.0 has no switch that closes a policy: the migration set `enableTargetsToSelfAddAccess` to false; remove the policy if it should take no assignments")
		}
		return
	}
	rs.set("enableTargetsToSelfAddAccess", b)
	c.info(ptr, "`acceptRequests` became `enableTargetsToSelfAddAccess`, its nearest v1.0 counterpart: in beta it closed the policy to all new requests, in v1.0 it governs requests by the targets themselves (set `enableTargetsToSelfUpdateAccess`, `enableTargetsToSelfRemoveAccess` and the on-behalf flags as needed)")
}

func (c *conv) allowedRequestors(out *object, v any, ptr string, sc scope) {
	list, ok := v.([]any)
	if !ok {
		if v != nil {
			c.warn(ptr, "`allowedRequestors` is %s, not a list: left out", describe(v))
		}
		return
	}
	if sc.v1 != "" && !specificScopes[sc.v1] {
		if len(list) > 0 {
			c.warn(ptr, "`allowedRequestors` lists %d principal(s), which scope `%s` ignores (beta too: only the Specific* scopes use the list): left out, and `specificAllowedTargets` is []", len(list), sc.beta)
		}
		out.set("specificAllowedTargets", []any{})
		return
	}
	if sc.v1 == "" && len(list) > 0 {
		c.warn(ptr, "`allowedRequestors` lists principals but the policy has no known `scopeType`: they became `specificAllowedTargets`; set `allowedTargetScope` to the matching specific scope")
	}
	targets := []any{}
	for i, e := range list {
		ep := pointer.Index(ptr, i)
		s, backup, ok := c.subjectSet(e, ep)
		if !ok {
			continue
		}
		if backup {
			c.info(pointer.Join(ep, "isBackup"), "`isBackup` has no meaning for a requestor (beta docs: not used at present): dropped")
		}
		targets = append(targets, s)
	}
	out.set("specificAllowedTargets", targets)
}
