// Package migrate turns legacy beta entitlement-management bodies into their
// v1.0 form: an accessPackageAssignmentPolicy POSTed to
// /beta/.../accessPackageAssignmentPolicies becomes a body for
// /v1.0/.../assignmentPolicies, and an accessPackageAssignmentRequest for
// /beta/.../accessPackageAssignmentRequests a body for
// /v1.0/.../assignmentRequests.
//
// A migration never drops anything silently: every property that has no
// v1.0 counterpart, and every choice a person should check, becomes a Note
// at the property's JSON Pointer in the input. The mapping and its evidence
// are in tables.go; the conversions in policy.go and request.go.
package migrate

import (
	"cmp"
	"encoding/json"
	"fmt"
	"github.com/emlint/emlint/internal/pointer"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/emlint/emlint/internal/position"
	"github.com/emlint/emlint/internal/suggest"
	"github.com/emlint/emlint/schemas"
)

// Result of migrating one body.
type Result struct {
	// Output is the v1.0 body, indented by two spaces, keys in the order
	// Graph's v1.0 docs write them, ending with a newline.
	Output []byte
	// Notes is everything that could not be carried over or needs a human,
	// in the order of the input.
	Notes []Note
}

// Note is one thing a person should know about a migration.
type Note struct {
	Pointer  string // RFC 6901 JSON Pointer in the INPUT ("" is the root)
	Severity string // Warning or Info
	Message  string
}

// Note severities. A warning needs a person: something was left out that
// mattered, or the migration chose between readings. Info records a change
// that loses nothing that matters (a read-only property, a derived one).
const (
	Warning = "warning"
	Info    = "info"
)

// conv collects the notes of one migration.
type conv struct {
	notes []Note
}

func (c *conv) warn(ptr, format string, args ...any) {
	c.notes = append(c.notes, Note{ptr, Warning, fmt.Sprintf(format, args...)})
}

func (c *conv) info(ptr, format string, args ...any) {
	c.notes = append(c.notes, Note{ptr, Info, fmt.Sprintf(format, args...)})
}

// begin notes what reading the file changed.
func (c *conv) begin(d *decoded) {
	if d.bom {
		c.info("", "the input starts with a UTF-8 byte order mark: the output has none")
	}
	for _, dup := range d.dups {
		c.warn(dup.Pointer, "`%s` is named twice in the same object: the last value was migrated and the others were left out", dup.Key)
	}
}

// result finishes a migration: the output and the notes, sorted by where
// they point in the input (notes at the same place keep their order).
func (c *conv) result(input []byte, out *object) Result {
	loc := NewLocator(input)
	pos := map[string]position.Pos{}
	for _, n := range c.notes {
		if _, ok := pos[n.Pointer]; !ok {
			pos[n.Pointer] = loc.Position(n.Pointer)
		}
	}
	notes := slices.Clone(c.notes)
	slices.SortStableFunc(notes, func(a, b Note) int {
		pa, pb := pos[a.Pointer], pos[b.Pointer]
		return cmp.Or(cmp.Compare(pa.Line, pb.Line), cmp.Compare(pa.Col, pb.Col))
	})
	return Result{Output: encode(out), Notes: notes}
}

// ---- values ----

// wholeNumber reads a count (of days, minutes): a non-negative integral
// number, or a string of digits, which is migrated with a warning (Graph's
// types are Int32). Anything else is noted and not ok.
func (c *conv) wholeNumber(v any, ptr, key string) (int64, bool) {
	switch t := v.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(t), 64)
		if err == nil && f >= 0 && f == math.Trunc(f) && f <= math.MaxInt32 {
			return int64(f), true
		}
	case string:
		n, err := strconv.ParseInt(strings.TrimSpace(t), 10, 32)
		if err == nil && n >= 0 {
			c.warn(ptr, "`%s` is the string %q, not a number: migrated as %d", key, t, n)
			return n, true
		}
	}
	c.warn(ptr, "`%s` is %s, not a whole number of %s: left out", key, describe(v), unitOf(key))
	return 0, false
}

func unitOf(key string) string {
	if strings.HasSuffix(key, "InMinutes") {
		return "minutes"
	}
	return "days"
}

// boolean reads a Boolean property. The strings "true" and "false" are
// migrated as Booleans with a warning; null stays null; anything else is
// noted and not ok.
func (c *conv) boolean(v any, ptr, key string) (any, bool) {
	switch t := v.(type) {
	case bool, nil:
		return t, true
	case string:
		switch strings.ToLower(strings.TrimSpace(t)) {
		case "true":
			c.warn(ptr, "`%s` is the string %q, not a Boolean: migrated as true", key, t)
			return true, true
		case "false":
			c.warn(ptr, "`%s` is the string %q, not a Boolean: migrated as false", key, t)
			return false, true
		}
	}
	c.warn(ptr, "`%s` is %s, not true or false: left out", key, describe(v))
	return nil, false
}

// copyBool sets out[to] from a Boolean input value.
func (c *conv) copyBool(out *object, to string, v any, ptr, key string) {
	if b, ok := c.boolean(v, ptr, key); ok {
		out.set(to, b)
	}
}

// describe names a value for a message: its JSON text when short, else its kind.
func describe(v any) string {
	switch t := v.(type) {
	case *object, []any:
		return kindOf(v)
	case string:
		if len(t) <= 60 {
			return strconv.Quote(t)
		}
		return "a string"
	}
	return strings.TrimSpace(string(encode(v)))
}

func isTrue(v any) bool {
	b, ok := v.(bool)
	return ok && b
}

// typeName returns an @odata.type's type name without "#" and
// "microsoft.graph.", or "" when v is not a string.
func typeName(v any) string {
	s, ok := v.(string)
	if !ok {
		return ""
	}
	s = strings.TrimPrefix(s, "#")
	if len(s) >= len("microsoft.graph.") && strings.EqualFold(s[:len("microsoft.graph.")], "microsoft.graph.") {
		s = s[len("microsoft.graph."):]
	}
	return s
}

// odataType migrates the @odata.type of an object whose beta type is one of
// beta (a type name without namespace), writing the v1.0 name (renamed per
// odataRenames) in the canonical "#microsoft.graph." form. Another value is
// noted and left out.
func (c *conv) odataType(out *object, v any, ptr string, beta ...string) {
	name := typeName(v)
	for _, b := range beta {
		if strings.EqualFold(name, b) {
			out.set("@odata.type", "#microsoft.graph."+cmp.Or(odataRenames[b], b))
			return
		}
	}
	if to := odataRenames[beta[0]]; to != "" && strings.EqualFold(name, to) {
		out.set("@odata.type", "#microsoft.graph."+to)
		return
	}
	c.warn(ptr, "`@odata.type` %s is not the type of this object (%s): left out", describe(v), backquote(beta))
}

// listKeys names keys for a message: "`a`, `b` and `c`", at most four of
// them ("... and 3 more").
func listKeys(keys []string) string {
	q := make([]string, 0, 4)
	for _, k := range keys[:min(len(keys), 4)] {
		q = append(q, "`"+k+"`")
	}
	switch {
	case len(keys) > 4:
		return strings.Join(q, ", ") + fmt.Sprintf(" and %d more", len(keys)-4)
	case len(q) > 1:
		return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
	}
	return strings.Join(q, "")
}

func backquote(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "`" + n + "`"
	}
	return strings.Join(q, " or ")
}

// ---- common notes ----

// unknown notes a key that is not a property of the object, and names the
// closest property of its beta or v1.0 type (types names them) if one is
// close: Graph keys are case-sensitive, and casing is the usual mistake.
func (c *conv) unknown(ptr, key, where string, types ...string) {
	var candidates []string
	for _, t := range types {
		candidates = append(candidates, typeProperties()[t]...)
		if v1 := odataRenames[t]; v1 != "" {
			candidates = append(candidates, typeProperties()[v1]...)
		}
	}
	if s := suggest.Closest(key, candidates); s != "" && s != key {
		hint := ""
		if strings.EqualFold(s, key) {
			hint = " (keys are case-sensitive)"
		}
		c.warn(ptr, "`%s` is not a property of %s, in beta or in v1.0: left out; did you mean `%s`?%s", key, where, s, hint)
		return
	}
	c.warn(ptr, "`%s` is not a property of %s, in beta or in v1.0: left out", key, where)
}

// typeProperties maps the name of each Graph type in emlint's embedded
// schemas (beta and v1.0, policies and requests) to its property names.
var typeProperties = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	for _, api := range []schemas.API{schemas.Beta, schemas.V1} {
		for _, kind := range []schemas.Kind{schemas.Policy, schemas.Request} {
			var doc struct {
				Defs map[string]struct {
					Properties map[string]json.RawMessage `json:"properties"`
				} `json:"$defs"`
			}
			if err := json.Unmarshal(schemas.Bytes(api, kind), &doc); err != nil {
				panic(err) // the embedded schemas are tested
			}
			for name, def := range doc.Defs {
				for p := range def.Properties {
					if p != "@odata.type" && !slices.Contains(out[name], p) {
						out[name] = append(out[name], p)
					}
				}
			}
		}
	}
	for _, props := range out {
		slices.Sort(props)
	}
	return out
})

func (c *conv) readOnly(ptr, key string) {
	c.info(ptr, "`%s` is read-only: Graph sets it, so it was left out", key)
}

// carry copies a property that is already in its v1.0 form (a beta body
// that mixes in v1.0 properties), unless the migration already set it
// from the beta property that it replaces.
func (c *conv) carry(out *object, key string, v any, ptr, from string) {
	if out.has(key) {
		c.warn(ptr, "`%s` is the v1.0 property, and the body also sets the beta `%s`: the migration used `%s`, so this one was left out; check which is right", key, from, from)
		return
	}
	out.set(key, clone(v))
	c.info(ptr, "`%s` is already the v1.0 property (not a beta one): carried over unchanged", key)
}

// ---- shape checks ----

// shapeCount counts the properties of a body that only one version has, at
// the root and in the settings objects both versions share.
func shapeCount(root *object, betaOnly, v1Only map[string]bool) (beta, v1 []string) {
	var walk func(o *object, prefix string, depth int)
	walk = func(o *object, prefix string, depth int) {
		for _, m := range o.members {
			name := prefix + m.key
			switch {
			case betaOnly[name]:
				beta = append(beta, name)
			case v1Only[name]:
				v1 = append(v1, name)
			}
			if child, ok := m.val.(*object); ok && depth == 0 {
				walk(child, name+".", 1)
			}
		}
	}
	walk(root, "", 0)
	return beta, v1
}

var (
	betaPolicyKeys = setOf("accessPackageId", "durationInDays", "expirationDateTime", "canExtend", "accessReviewSettings",
		"accessPackageNotificationSettings", "customExtensionHandlers", "verifiableCredentialSettings",
		"requestorSettings.scopeType", "requestorSettings.acceptRequests", "requestorSettings.allowedRequestors",
		"requestApprovalSettings.isApprovalRequired", "requestApprovalSettings.isApprovalRequiredForExtension",
		"requestApprovalSettings.approvalMode", "requestApprovalSettings.approvalStages")
	v1PolicyKeys = setOf("accessPackage", "allowedTargetScope", "specificAllowedTargets", "automaticRequestSettings", "expiration",
		"reviewSettings", "notificationSettings",
		"requestorSettings.enableTargetsToSelfAddAccess", "requestorSettings.enableTargetsToSelfUpdateAccess",
		"requestorSettings.enableTargetsToSelfRemoveAccess", "requestorSettings.allowCustomAssignmentSchedule",
		"requestorSettings.enableOnBehalfRequestorsToAddAccess", "requestorSettings.onBehalfRequestors",
		"requestApprovalSettings.isApprovalRequiredForAdd", "requestApprovalSettings.isApprovalRequiredForUpdate",
		"requestApprovalSettings.stages")
	betaRequestKeys = setOf("accessPackageAssignment", "isValidationOnly", "expirationDateTime", "requestState", "requestStatus",
		"completedDate", "verifiedCredentialsData", "customExtensionHandlerInstances", "history")
	v1RequestKeys = setOf("assignment", "state", "status", "completedDateTime")
	// requestKeys and policyKeys tell the kinds apart (internal/detect's
	// strong keys).
	requestKeys = setOf("requestType", "assignment", "accessPackageAssignment", "answers", "isValidationOnly")
	policyKeys  = setOf("accessPackageId", "accessPackage", "requestorSettings", "requestApprovalSettings",
		"accessReviewSettings", "reviewSettings", "allowedTargetScope", "specificAllowedTargets",
		"automaticRequestSettings", "durationInDays", "canExtend", "customExtensionStageSettings",
		"customExtensionHandlers", "verifiableCredentialSettings", "accessPackageNotificationSettings", "questions")
)

func setOf(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

// rootKeys lists the keys of root found in set.
func rootKeys(root *object, set map[string]bool) []string {
	var out []string
	for _, m := range root.members {
		if set[m.key] {
			out = append(out, m.key)
		}
	}
	return out
}

// checkShape refuses a body of the other kind, or one that is already
// (mostly) v1.0. A body that mixes the versions is migrated when it has at
// least as many beta-only properties as v1.0-only ones.
func checkShape(root *object, policy bool) error {
	p, r := rootKeys(root, policyKeys), rootKeys(root, requestKeys)
	betaKeys, v1Keys, what, other := betaPolicyKeys, v1PolicyKeys, "policy", "an assignment request"
	if !policy {
		betaKeys, v1Keys, what, other = betaRequestKeys, v1RequestKeys, "request", "an assignment policy"
		p, r = r, p
	}
	if len(p) == 0 && len(r) > 0 {
		return fmt.Errorf("this is %s (it has %s), not an assignment %s", other, listKeys(r), what)
	}
	beta, v1 := shapeCount(root, betaKeys, v1Keys)
	if !policy {
		if rt, ok := root.get("requestType"); ok {
			if s, ok := rt.(string); ok && s != "" {
				if s[0] >= 'A' && s[0] <= 'Z' {
					beta = append(beta, "requestType "+strconv.Quote(s))
				} else {
					v1 = append(v1, "requestType "+strconv.Quote(s))
				}
			}
		}
	}
	if len(v1) > len(beta) {
		if len(beta) == 0 {
			return fmt.Errorf("%w (it has %s): there is nothing to migrate; lint it with `emlint lint --api v1.0`", ErrAlreadyV1, listKeys(v1))
		}
		return fmt.Errorf("the body is already mostly the v1.0 shape (it has %s, and only %s of the beta shape): fix the beta properties by hand, as `emlint lint --api v1.0` reports them", listKeys(v1), listKeys(beta))
	}
	return nil
}

// objectList converts a list of objects, in order, with convert (a nil
// result is left out). Anything in the list that is not an object is left
// out with a warning naming it an item, and so is a value that is not a
// list at all (null silently); ok is false then.
func (c *conv) objectList(v any, ptr, name, item string, convert func(obj *object, ptr string) any) (out []any, ok bool) {
	list, isList := v.([]any)
	if !isList {
		if v != nil {
			c.warn(ptr, "`%s` is %s, not a list: left out", name, describe(v))
		}
		return nil, false
	}
	out = []any{}
	for i, e := range list {
		ep := pointer.Index(ptr, i)
		obj, isObject := e.(*object)
		if !isObject {
			c.warn(ep, "the %s is %s, not an object: left out", item, describe(e))
			continue
		}
		if x := convert(obj, ep); x != nil {
			out = append(out, x)
		}
	}
	return out, true
}

// asObject returns v as an object. Anything else is left out with a warning
// naming it (null silently).
func (c *conv) asObject(v any, ptr, name string) (*object, bool) {
	obj, ok := v.(*object)
	if !ok && v != nil {
		c.warn(ptr, "%s is %s, not an object: left out", name, describe(v))
	}
	return obj, ok
}
