package rules

import (
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

// requestTypes lists every request type Graph names anywhere, in the v1.0
// (camelCase) spelling. userExtend exists only in the legacy beta docs.
var requestTypes = []string{
	"notSpecified", "userAdd", "userUpdate", "userRemove", "userExtend",
	"adminAdd", "adminUpdate", "adminRemove",
	"systemAdd", "systemUpdate", "systemRemove",
	"onBehalfAdd", "unknownFutureValue", "approverRemove",
}

// clientRequestTypes are the types a client may create in a shape.
func clientRequestTypes(s Shape) []string {
	ts := []string{"adminAdd", "adminUpdate", "adminRemove", "userAdd", "userUpdate", "userRemove"}
	if s == BetaRequest {
		ts = append(ts, "userExtend")
	}
	return ts
}

// requestTypeOf returns the body's requestType string and, when it names a
// known request type in any letter case, that type in camelCase. ok is false
// when requestType is missing or not a string: the schema reports those.
func requestTypeOf(pass *Pass) (raw, canon string, ok bool) {
	v := pass.RootGet("requestType")
	if v.Type != gjson.String {
		return "", "", false
	}
	for _, t := range requestTypes {
		if strings.EqualFold(v.Str, t) {
			return v.Str, t, true
		}
	}
	return v.Str, "", true
}

// spellRequestType writes a camelCase request type the way a shape's docs
// spell it: camelCase in v1.0, PascalCase in the legacy beta API.
func spellRequestType(s Shape, canon string) string {
	if s == BetaRequest && canon != "" {
		return strings.ToUpper(canon[:1]) + canon[1:]
	}
	return canon
}

// isV1RequestType reports whether a camelCase type is a member of the v1.0
// accessPackageRequestType enum (userExtend is not, whatever the v1.0
// resource page says).
func isV1RequestType(canon string) bool {
	return canon != "" && canon != "userExtend"
}

// assignmentObject returns the request's assignment member and its pointer:
// `assignment` in v1.0 and `accessPackageAssignment` in the legacy beta API,
// falling back to the other name so that a body using the wrong one (which
// request-assignment-key reports) is still checked for its content. The
// pointer is "" when neither member is present.
func assignmentObject(pass *Pass) (gjson.Result, string) {
	keys := []string{"assignment", "accessPackageAssignment"}
	if pass.Shape == BetaRequest {
		keys[0], keys[1] = keys[1], keys[0]
	}
	for _, k := range keys {
		if v := pass.RootGet(k); v.Exists() {
			return v, pointer.Join("", k)
		}
	}
	return gjson.Result{}, ""
}

// assignmentKeyName is the name of the assignment member a shape expects.
func assignmentKeyName(s Shape) string {
	if s == BetaRequest {
		return "accessPackageAssignment"
	}
	return "assignment"
}

// isGiven reports whether obj has member key set to something other than
// null or an empty string, neither of which names anything.
func isGiven(obj gjson.Result, key string) bool {
	v := Get(obj, key)
	switch v.Type {
	case gjson.Null:
		return false
	case gjson.String:
		return strings.TrimSpace(v.Str) != ""
	}
	return v.Exists()
}

// assignmentKind classifies the assignment member for rules that need its
// content: absent, null, an object, or something else (a type error the
// schema reports, so rules stay quiet).
type assignmentKind int

const (
	assignmentAbsent assignmentKind = iota
	assignmentNull
	assignmentOK
	assignmentWrongType
)

func kindOfAssignment(a gjson.Result, ptr string) assignmentKind {
	switch {
	case ptr == "":
		return assignmentAbsent
	case a.Type == gjson.Null:
		return assignmentNull
	case a.IsObject():
		return assignmentOK
	}
	return assignmentWrongType
}

// backquoteList renders names as "`a`", "`a` and `b`" or "`a`, `b` and `c`"
// (conj "and"), or with "or".
func backquoteList(names []string, conj string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "`" + n + "`"
	}
	return joinWords(q, conj)
}

// joinWords joins phrases as "a", "a and b" or "a, b and c".
func joinWords(items []string, conj string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// article is "an" before a request type read aloud with a vowel sound
// (adminAdd) and "a" otherwise (userAdd).
func article(word string) string {
	if word != "" && strings.ContainsRune("aeioAEIO", rune(word[0])) {
		return "an"
	}
	return "a"
}

// assignmentRef pairs an id member of a request's assignment with the
// navigation property it stands for.
type assignmentRef struct{ idKey, navKey string }

var (
	packageRef     = assignmentRef{"accessPackageId", "accessPackage"}
	policyRef      = assignmentRef{"assignmentPolicyId", "assignmentPolicy"}
	assignmentRefs = []assignmentRef{packageRef, policyRef}
)

// refGiven reports how an assignment names the access package or policy:
// by the documented id member (accessPackageId), or by a navigation
// reference ({"accessPackage": {"id": ...}}) as example 5 of the newest v1.0
// create-request page does.
func refGiven(a gjson.Result, idKey, navKey string) (byID, byNav bool) {
	nav := Get(a, navKey)
	return isGiven(a, idKey), nav.IsObject() && isGiven(nav, "id")
}

// reportNavRef warns about a reference given as a navigation object: the
// recipes send the id member, and no docs page says Graph binds the
// read-only navigation of an assignment in a request.
func reportNavRef(pass *Pass, aptr, idKey, navKey string) {
	pass.ReportAt(finding.Warning, pointer.Join(aptr, navKey), finding.Key,
		"use `%s` instead of the `%s` reference: the documented recipe sends the id, and Graph binding this read-only navigation property is undocumented",
		idKey, navKey)
}
