package migrate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/emlint/emlint/internal/pointer"
)

// Request migrates a legacy beta accessPackageAssignmentRequest (the body of
// POST /beta/identityGovernance/entitlementManagement/
// accessPackageAssignmentRequests) to a v1.0 accessPackageAssignmentRequest
// (POST /v1.0/.../assignmentRequests). A body that is not a JSON object, a
// policy, or a body already in the v1.0 shape is an error.
func Request(body []byte) (Result, error) {
	d, err := decode(body)
	if err != nil {
		return Result{}, err
	}
	if err := checkShape(d.root, false); err != nil {
		return Result{}, err
	}
	c := &conv{}
	c.begin(d)
	return c.result(body, c.request(d.root)), nil
}

const requestType = "`accessPackageAssignmentRequest`"

func (c *conv) request(in *object) *object {
	out := newObject()
	var movedSchedule any // accessPackageAssignment.schedule, read-only in v1.0
	var movedPtr string
	var v1Assignment *member
	for _, m := range in.members {
		ptr := pointer.Join("", m.key)
		switch m.key {
		case "@odata.type":
			c.odataType(out, m.val, ptr, "accessPackageAssignmentRequest")
		case "requestType":
			c.requestType(out, m.val, ptr)
		case "accessPackageAssignment":
			a, sched := c.assignment(m.val, ptr)
			if a != nil {
				out.set("assignment", a)
			}
			if sched != nil {
				movedSchedule, movedPtr = sched, pointer.Join(ptr, "schedule")
			}
		case "assignment":
			mm := m
			v1Assignment = &mm
		case "justification":
			out.set(m.key, clone(m.val))
		case "parameters":
			// accessPackageAssignmentRequestParameters, the same in both
			// versions (constraints.md errata).
			out.set(m.key, clone(m.val))
		case "schedule":
			if m.val == nil {
				out.set("schedule", nil)
			} else if s := c.schedule(m.val, ptr); s != nil {
				out.set("schedule", s)
			}
		case "answers":
			out.set("answers", c.answers(m.val, ptr))
		case "expirationDateTime":
			// merged into schedule below
		case "isValidationOnly":
			switch {
			case isTrue(m.val):
				c.warn(ptr, "`isValidationOnly` is beta-only: v1.0 has no validation-only requests, so POSTing this body to v1.0 creates the request for real; left out")
			case m.val == false || m.val == nil:
				c.info(ptr, "`isValidationOnly` is beta-only (v1.0 has no validation-only requests): left out")
			default:
				c.warn(ptr, "`isValidationOnly` is %s and beta-only: v1.0 has no validation-only requests, so POSTing this body to v1.0 creates the request for real; left out", describe(m.val))
			}
		case "id":
			c.info(ptr, "`id` is read-only: Graph assigns the request's id, so it was left out (an existing assignment is named in `assignment.id`)")
		case "requestState", "requestStatus", "completedDate", "createdDateTime", "requestor", "accessPackage", "history",
			"customExtensionHandlerInstances", "customExtensionCalloutInstances", "verifiedCredentialsData",
			"state", "status", "completedDateTime":
			c.readOnly(ptr, m.key)
		default:
			c.unknown(ptr, m.key, requestType, "accessPackageAssignmentRequest")
		}
	}
	if v1Assignment != nil {
		ptr := pointer.Join("", "assignment")
		if out.has("assignment") {
			c.warn(ptr, "`assignment` is the v1.0 property, and the body also sets the beta `accessPackageAssignment`: the migration used `accessPackageAssignment`, so this one was left out; check which is right")
		} else {
			a, sched := c.assignment(v1Assignment.val, ptr)
			if a != nil {
				out.set("assignment", a)
				c.info(ptr, "`assignment` is already the v1.0 property (the beta one is `accessPackageAssignment`): migrated in place")
			}
			if sched != nil {
				movedSchedule, movedPtr = sched, pointer.Join(ptr, "schedule")
			}
		}
	}
	c.requestExpiration(in, out)
	if movedSchedule != nil {
		if s, _ := out.get("schedule"); s != nil {
			c.warn(movedPtr, "the assignment's `schedule` is read-only in v1.0, and the request has its own `schedule`: left out; check that the request's schedule is the one meant")
		} else if s := c.schedule(movedSchedule, movedPtr); s != nil {
			out.set("schedule", s)
			c.warn(movedPtr, "the assignment's `schedule` is read-only in v1.0: moved to the request's own `schedule`, where v1.0 takes the requested start and end; check it")
		}
	}
	out.sortBy(requestOrder)
	return out
}

func (c *conv) requestType(out *object, v any, ptr string) {
	s, ok := v.(string)
	if !ok || s == "" {
		c.warn(ptr, "`requestType` is %s, not a request type: left out; v1.0 requires one", describe(v))
		return
	}
	for beta, t := range requestTypes {
		if strings.EqualFold(s, beta) {
			out.set("requestType", t.v1)
			if t.note != "" {
				c.notef(t.sev, ptr, "`requestType` %q became %q: %s", s, t.v1, t.note)
			}
			return
		}
	}
	r, n := utf8.DecodeRuneInString(s)
	camel := string(unicode.ToLower(r)) + s[n:]
	out.set("requestType", camel)
	c.warn(ptr, "`requestType` %q is not a known request type: carried over as %q; v1.0 takes %s", s, camel,
		"`userAdd`, `userUpdate`, `userRemove`, `adminAdd`, `adminUpdate` or `adminRemove`")
}

func (c *conv) notef(sev, ptr, format string, args ...any) {
	if sev == Info {
		c.info(ptr, format, args...)
		return
	}
	c.warn(ptr, format, args...)
}

// assignment migrates the beta accessPackageAssignment of a request to the
// v1.0 assignment. It returns the assignment's own schedule, which v1.0
// makes read-only, for the caller to move.
func (c *conv) assignment(v any, ptr string) (*object, any) {
	obj, ok := v.(*object)
	if !ok {
		c.warn(ptr, "the assignment is %s, not an object: left out", describe(v))
		return nil, nil
	}
	out := newObject()
	var sched any
	refs := map[string]string{"accessPackage": "accessPackageId", "accessPackageAssignmentPolicy": "assignmentPolicyId", "assignmentPolicy": "assignmentPolicyId"}
	var refMembers []member
	for _, m := range obj.members {
		mp := pointer.Join(ptr, m.key)
		switch m.key {
		case "@odata.type":
			c.odataType(out, m.val, mp, "accessPackageAssignment")
		case "id", "targetId", "assignmentPolicyId", "accessPackageId":
			// v1.0 accepts targetId, assignmentPolicyId and accessPackageId in
			// request bodies although its metadata does not declare them
			// (DC v1.0 create-request page; constraints.md §8).
			out.set(m.key, clone(m.val))
		case "target":
			if t := c.target(m.val, mp); t != nil {
				out.set("target", t)
			}
		case "schedule":
			sched = m.val
		case "accessPackage", "accessPackageAssignmentPolicy", "assignmentPolicy":
			refMembers = append(refMembers, m)
		case "accessPackageAssignmentRequests", "accessPackageAssignmentResourceRoles", "assignmentState", "assignmentStatus",
			"catalogId", "customExtensionCalloutInstances", "expiredDateTime", "isExtended", "state", "status":
			c.readOnly(mp, m.key)
		default:
			c.unknown(mp, m.key, "`accessPackageAssignment`", "accessPackageAssignment")
		}
	}
	for _, m := range refMembers {
		mp := pointer.Join(ptr, m.key)
		key := refs[m.key]
		ref, _ := m.val.(*object)
		id, hasID := any(nil), false
		if ref != nil {
			id, hasID = ref.get("id")
		}
		switch {
		case !hasID:
			c.readOnly(mp, m.key)
		case out.has(key):
			if have, _ := out.get(key); have != id {
				c.warn(mp, "`%s.id` %s differs from `%s` %s: the migration used `%s`; check which is meant", m.key, describe(id), key, describe(have), key)
			} else {
				c.info(mp, "`%s` is a read-only navigation property and repeats `%s`: left out", m.key, key)
			}
		default:
			out.set(key, clone(id))
			c.info(mp, "`%s` {\"id\": ...} became `%s`, the documented way to name it in a request (binding the read-only navigation property is undocumented)", m.key, key)
		}
	}
	out.sortBy(assignmentOrder)
	return out, sched
}

// target migrates a beta accessPackageSubject to the v1.0 one.
func (c *conv) target(v any, ptr string) *object {
	obj, ok := c.asObject(v, ptr, "`target`")
	if !ok {
		return nil
	}
	out := newObject()
	for _, m := range obj.members {
		mp := pointer.Join(ptr, m.key)
		switch m.key {
		case "@odata.type":
			c.odataType(out, m.val, mp, "accessPackageSubject")
		case "objectId", "displayName", "email", "principalName", "onPremisesSecurityIdentifier", "subjectLifecycle":
			out.set(m.key, clone(m.val))
		case "connectedOrganization":
			out.set(m.key, clone(m.val))
		case "type":
			s, _ := m.val.(string)
			if t, ok := subjectTypes[strings.ToLower(s)]; ok {
				out.set("subjectType", t)
			} else {
				c.warn(mp, "`type` %s has no v1.0 `subjectType` counterpart (user, servicePrincipal): left out", describe(m.val))
			}
		case "subjectType":
			if out.has("subjectType") {
				c.warn(mp, "`subjectType` is the v1.0 property, and the subject also sets the beta `type`: the migration used `type`")
				continue
			}
			out.set(m.key, clone(m.val))
		case "id":
			c.info(mp, "`id` of the subject is read-only: left out; name the person with `objectId` (or `email` for a user not yet in the directory)")
		case "altSecId", "cleanupScheduledDateTime":
			c.info(mp, "`%s` is beta-only and read-only: left out", m.key)
		case "connectedOrganizationId":
			c.warn(mp, "`connectedOrganizationId` is beta-only (v1.0 subjects have a read-only `connectedOrganization` instead): left out")
		default:
			c.unknown(mp, m.key, "`accessPackageSubject`", "accessPackageSubject")
		}
	}
	out.sortBy(targetOrder)
	return out
}

// schedule migrates a beta requestSchedule to a v1.0
// entitlementManagementSchedule: the same properties (MD).
func (c *conv) schedule(v any, ptr string) *object {
	obj, ok := c.asObject(v, ptr, "`schedule`")
	if !ok {
		return nil
	}
	out := newObject()
	for _, m := range obj.members {
		mp := pointer.Join(ptr, m.key)
		switch m.key {
		case "@odata.type":
			c.odataType(out, m.val, mp, "requestSchedule")
		case "startDateTime", "recurrence":
			out.set(m.key, clone(m.val))
		case "expiration":
			e := clone(m.val)
			if eo, ok := e.(*object); ok {
				eo.sortBy(expirationOrder)
			}
			out.set(m.key, e)
		case "stopDateTime":
			// The v1.0 on-behalf example sends it (constraints.md §12.3); no
			// schedule type has it.
			stop, isString := m.val.(string)
			switch {
			case m.val == nil:
				c.info(mp, "`stopDateTime` is not a property of a schedule (a docs example sends it), and null asks for nothing: left out")
			case isString && !obj.has("expiration"):
				exp := newObject()
				exp.set("type", "afterDateTime")
				exp.set("endDateTime", stop)
				out.set("expiration", exp)
				c.warn(mp, "`stopDateTime` is not a property of a schedule (a docs example sends it; Graph most likely ignored it): it became `expiration` {\"type\": \"afterDateTime\", \"endDateTime\": ...}, which Graph applies; check it")
			default:
				c.warn(mp, "`stopDateTime` is not a property of a schedule (a docs example sends it): left out; an end goes in `expiration`")
			}
		default:
			c.unknown(mp, m.key, "a request schedule", "requestSchedule")
		}
	}
	out.sortBy(scheduleOrder)
	return out
}

// requestExpiration moves beta expirationDateTime to the v1.0
// schedule.expiration (MD; DC v1.0 entitlementmanagementschedule.md).
func (c *conv) requestExpiration(in, out *object) {
	v, ok := in.get("expirationDateTime")
	if !ok {
		return
	}
	ptr := pointer.Join("", "expirationDateTime")
	s, isString := v.(string)
	switch {
	case v == nil:
		c.info(ptr, "`expirationDateTime` is null: v1.0 has no such property (an end goes in `schedule.expiration`), so it was left out")
		return
	case !isString:
		c.warn(ptr, "`expirationDateTime` is %s, not a date-time: left out", describe(v))
		return
	}
	sv, _ := out.get("schedule")
	sched, _ := sv.(*object)
	if sched == nil {
		sched = newObject()
	}
	if sched.has("expiration") {
		c.warn(ptr, "`expirationDateTime` is beta-only, and the request's `schedule` already has an `expiration`: left out; check which end is meant")
		return
	}
	exp := newObject()
	exp.set("type", "afterDateTime")
	exp.set("endDateTime", s)
	sched.set("expiration", exp)
	sched.sortBy(scheduleOrder)
	out.set("schedule", sched)
}

func (c *conv) answers(v any, ptr string) any {
	out, ok := c.objectList(v, ptr, "answers", "answer", c.answer)
	if !ok {
		return nil
	}
	return out
}

func (c *conv) answer(obj *object, ep string) any {
	a := newObject()
	for _, m := range obj.members {
		mp := pointer.Join(ep, m.key)
		switch m.key {
		case "@odata.type":
			c.odataType(a, m.val, mp, "accessPackageAnswerString")
		case "value", "displayValue":
			a.set(m.key, clone(m.val))
		case "answeredQuestion":
			a.set(m.key, c.answeredQuestion(m.val, mp))
		default:
			c.unknown(mp, m.key, "an answer", "accessPackageAnswerString")
		}
	}
	a.sortBy(answerOrder)
	return a
}

// answeredQuestion keeps the reference to the question: its @odata.type and
// id (the docs examples of both versions send just these).
func (c *conv) answeredQuestion(v any, ptr string) any {
	obj, ok := v.(*object)
	if !ok {
		return clone(v)
	}
	out := newObject()
	for _, m := range obj.members {
		mp := pointer.Join(ptr, m.key)
		switch m.key {
		case "@odata.type":
			c.odataType(out, m.val, mp, multipleChoice, textInput)
		case "id":
			out.set("id", clone(m.val))
		default:
			c.info(mp, "`%s` of the answered question is not needed: an answer references its question by `@odata.type` and `id`; left out", m.key)
		}
	}
	out.sortBy([]string{"@odata.type", "id"})
	return out
}
