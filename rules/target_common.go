package rules

import (
	"strconv"
	"strings"

	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

// isTrueFlag reports whether a boolean member is true. The string "true"
// counts: v1.0 create-policy example 4 sends string booleans (the schema
// reports their type) and its intent is plain, so rules read it as meant.
func isTrueFlag(v gjson.Result) bool {
	return v.Type == gjson.True || (v.Type == gjson.String && strings.EqualFold(v.Str, "true"))
}

// isFalseFlag reports whether a boolean member is explicitly false (or the
// string "false"); absent and null are neither true nor false.
func isFalseFlag(v gjson.Result) bool {
	return v.Type == gjson.False || (v.Type == gjson.String && strings.EqualFold(v.Str, "false"))
}

// subjectItem is one object of a subject-set collection (approvers,
// requestors, targets) with its pointer and concrete type.
type subjectItem struct {
	obj gjson.Result
	ptr string
	typ string // "singleUser", "requestorManager", ...; "" if untyped
}

// typePtr is the pointer of the item's @odata.type, where findings about
// the kind of principal belong.
func (s subjectItem) typePtr() string { return pointer.Join(s.ptr, "@odata.type") }

// subjectTypeName returns the type an item's @odata.type t names without its
// "#microsoft.graph." prefix, or "" when the annotation is missing or not a
// microsoft.graph type: the schema reports those, so rules skip the item.
// Letter case must match exactly, as the schema requires.
func subjectTypeName(t gjson.Result) string {
	if t.Type != gjson.String {
		return ""
	}
	s := strings.TrimPrefix(t.Str, "#")
	if !strings.HasPrefix(s, "microsoft.graph.") {
		return ""
	}
	return strings.TrimPrefix(s, "microsoft.graph.")
}

// subjectItems lists the object elements of a collection at ptr. A value
// that is absent, null or not an array gives none (the schema reports a
// wrong type).
func subjectItems(arr node, ptr string) []subjectItem {
	var out []subjectItem
	for i, it := range arr.Elems() {
		if it.IsObject() {
			out = append(out, subjectItem{obj: it.Value(), ptr: pointer.Index(ptr, i), typ: subjectTypeName(it.Get("@odata.type"))})
		}
	}
	return out
}

// elementCount is the number of non-null elements of an array, 0 for an
// absent or null member, and ok=false for any other type.
func elementCount(arr node) (n int, ok bool) {
	switch {
	case !arr.Exists() || arr.IsNull():
		return 0, true
	case arr.IsArray():
		for _, it := range arr.Elems() {
			if !it.IsNull() {
				n++
			}
		}
		return n, true
	}
	return 0, false
}

// audience classifies who a policy's scope lets request (or be assigned).
type audience int

const (
	audienceUnknown  audience = iota
	audienceNobody            // NoSubjects / notSpecified: direct assignment only
	audienceInternal          // users in the directory
	audienceExternal          // users of connected organizations or anyone
	audienceOther             // service principals, agent identities
)

// policyScope is a policy's requestor scope in either shape: the beta
// requestorSettings.scopeType string or the v1.0 allowedTargetScope enum.
type policyScope struct {
	key     string // "scopeType" or "allowedTargetScope"
	value   string
	ptr     string
	aud     audience
	members bool // member users only, no guests
}

var betaScopeAudience = map[string]audience{
	"NoSubjects":                                 audienceNobody,
	"SpecificDirectorySubjects":                  audienceInternal,
	"AllExistingDirectoryMemberUsers":            audienceInternal,
	"AllExistingDirectorySubjects":               audienceInternal,
	"SpecificConnectedOrganizationSubjects":      audienceExternal,
	"AllConfiguredConnectedOrganizationSubjects": audienceExternal,
	"AllExistingConnectedOrganizationSubjects":   audienceExternal,
	"AllExternalSubjects":                        audienceExternal,
}

var v1ScopeAudience = map[string]audience{
	"notSpecified":                            audienceNobody,
	"specificDirectoryUsers":                  audienceInternal,
	"allMemberUsers":                          audienceInternal,
	"allDirectoryUsers":                       audienceInternal,
	"specificConnectedOrganizationUsers":      audienceExternal,
	"allConfiguredConnectedOrganizationUsers": audienceExternal,
	"allExternalUsers":                        audienceExternal,
	"specificDirectoryServicePrincipals":      audienceOther,
	"allDirectoryServicePrincipals":           audienceOther,
	"allDirectoryAgentIdentities":             audienceOther,
}

// policyScopeOf returns the policy's scope, or ok=false when it is absent,
// not a string, or not a documented value (the schema reports those).
func policyScopeOf(pass *Pass) (s policyScope, ok bool) {
	var v gjson.Result
	table := v1ScopeAudience
	if pass.Shape == BetaPolicy {
		rs := pass.rootNode("requestorSettings")
		if !rs.IsObject() {
			return s, false
		}
		v = rs.Get("scopeType")
		s.key, s.ptr = "scopeType", "/requestorSettings/scopeType"
		table = betaScopeAudience
	} else {
		v = pass.RootGet("allowedTargetScope")
		s.key, s.ptr = "allowedTargetScope", "/allowedTargetScope"
	}
	if v.Type != gjson.String {
		return s, false
	}
	s.value = v.Str
	s.aud, ok = table[v.Str]
	s.members = v.Str == "AllExistingDirectoryMemberUsers" || v.Str == "allMemberUsers"
	return s, ok
}

// countWord is "1 principal", "2 principals".
func countWord(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// emptyListState words why a principal list that a scope needs gives
// nobody, and where to report it: at the list, or at the scope when the
// list is missing.
func emptyListState(list gjson.Result, listPtr, scopePtr string) (state, at string) {
	switch {
	case !list.Exists():
		return "is missing", scopePtr
	case list.Type == gjson.Null:
		return "is null", listPtr
	}
	return "is empty", listPtr
}
