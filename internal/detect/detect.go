// Package detect decides which of the four payload shapes a body is: beta
// (legacy) or v1.0, policy or request. Flags and configuration win; then a
// fingerprint of the body's property names, read from the embedded schemas
// so that detection and validation never disagree about what belongs where.
package detect

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"

	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/schemas"
)

// Shape is a detected API version and kind.
type Shape struct {
	API  schemas.API
	Kind schemas.Kind
}

// Result says what a body is, or why it is skipped.
type Result struct {
	Shape
	Payload bool // false: not an entitlement-management body; skip it
	reason  string
	// The body whose version was scored: the property names that told the
	// versions apart are listed (scored again) only when someone asks for
	// the reason (--verbose); most runs never do.
	scored *Body
}

// Reason is the evidence behind the decision, for --verbose.
func (r Result) Reason() string {
	if r.scored == nil {
		return r.reason
	}
	var forBeta, forV1 []string
	scoreAPI(object{*r.scored, 0}, r.Kind, func(beta bool, parent, key string) {
		name := key
		if parent != "" {
			name = parent + "." + key
		}
		if beta {
			forBeta = append(forBeta, name)
		} else {
			forV1 = append(forV1, name)
		}
	})
	sort.Strings(forBeta) // the same body, the same reason
	sort.Strings(forV1)
	return fmt.Sprintf("%s; beta evidence [%s], v1.0 evidence [%s]", r.reason, strings.Join(forBeta, ", "), strings.Join(forV1, ", "))
}

// strongKeys are root properties that only entitlement-management bodies
// have. A file with none of them is some other JSON (package.json,
// tsconfig.json...) and is skipped, so running over a whole repo is quiet.
var strongKeys = map[schemas.Kind][]string{
	schemas.Policy: {
		"accessPackageId", "accessPackage", "requestorSettings", "requestApprovalSettings",
		"accessReviewSettings", "reviewSettings", "allowedTargetScope", "specificAllowedTargets",
		"automaticRequestSettings", "durationInDays", "canExtend", "customExtensionStageSettings",
		"customExtensionHandlers", "verifiableCredentialSettings", "accessPackageNotificationSettings",
		"questions",
	},
	schemas.Request: {"requestType", "assignment", "accessPackageAssignment", "answers", "isValidationOnly"},
}

// Body is a parsed body as detection reads it, from the parser's node
// table: the root's members and the keys of the objects they hold. Nothing
// is decoded but the requestType string.
type Body struct {
	Src   string           // the text parsed
	Nodes []jsonparse.Node // its node table
	Dups  bool             // a key repeats in some object: the last one counts, as in a decoded value
	// Rename, when set, is applied to every key read: a typed cmdlet's
	// PascalCase keys are read as the camelCase names it sends.
	Rename func(string) string
}

// Detect returns the shape of body. api and kind, when not empty, come
// from flags or configuration and are taken as given.
func Detect(body Body, api schemas.API, kind schemas.Kind) Result {
	isObject := len(body.Nodes) > 0 && body.Src[body.Nodes[0].Start] == '{'
	root := object{body, 0}
	if kind == "" {
		if !isObject {
			return Result{reason: "the root is not a JSON object"}
		}
		k, evidence := detectKind(root)
		if k == "" {
			return Result{reason: "no entitlement-management property at the root"}
		}
		kind = k
		if api != "" {
			return Result{Shape: Shape{api, kind}, Payload: true, reason: evidence + "; api given"}
		}
		r := detectAPI(root, kind)
		r.reason = evidence
		return r
	}
	if api == "" {
		if !isObject {
			return Result{Shape: Shape{schemas.V1, kind}, Payload: true, reason: "kind given; not an object, linted as v1.0"}
		}
		r := detectAPI(root, kind)
		r.reason = "kind given"
		return r
	}
	return Result{Shape: Shape{api, kind}, Payload: true, reason: "api and kind given"}
}

// strongKey holds every kind's strong keys.
var strongKey = func() map[string]bool {
	m := map[string]bool{}
	for _, keys := range strongKeys {
		for _, k := range keys {
			m[k] = true
		}
	}
	return m
}()

// RootProperty reports whether key is a root property of a body of this
// kind in either API version.
func RootProperty(kind schemas.Kind, key string) bool {
	for _, api := range []schemas.API{schemas.V1, schemas.Beta} {
		if _, ok := vocabulary(api, kind).props[key]; ok {
			return true
		}
	}
	return false
}

// StrongKey reports whether key is one of the root properties that only
// bodies of this kind have.
func StrongKey(kind schemas.Kind, key string) bool {
	for _, k := range strongKeys[kind] {
		if k == key {
			return true
		}
	}
	return false
}

func detectKind(root object) (schemas.Kind, string) {
	// One pass over the root's members, then the keys in the order of
	// strongKeys for the evidence.
	present := map[string]bool{}
	root.members(func(k string, _ int32) {
		if strongKey[k] {
			present[k] = true
		}
	})
	var p, r []string
	for _, k := range strongKeys[schemas.Policy] {
		if present[k] {
			p = append(p, k)
		}
	}
	for _, k := range strongKeys[schemas.Request] {
		if present[k] {
			r = append(r, k)
		}
	}
	rt, hasRequestType := root.get("requestType")
	switch {
	case len(p) == 0 && len(r) == 0:
		return "", ""
	case len(r) > len(p), len(r) == len(p) && hasRequestType && !root.null(rt):
		return schemas.Request, "request: " + strings.Join(r, ", ")
	default:
		return schemas.Policy, "policy: " + strings.Join(p, ", ")
	}
}

// detectAPI scores the body's property names against the beta and v1.0
// vocabularies of one kind: at the root, and one level down in objects that
// both versions have (requestApprovalSettings, requestorSettings...), where
// the versions differ most. A tie goes to v1.0, the current API.
func detectAPI(root object, kind schemas.Kind) Result {
	forBeta, forV1 := 0, 0
	scoreAPI(root, kind, func(beta bool, _, _ string) {
		if beta {
			forBeta++
		} else {
			forV1++
		}
	})
	api := schemas.V1
	if forBeta > forV1 {
		api = schemas.Beta
	}
	body := root.Body
	return Result{Shape: Shape{api, kind}, Payload: true, scored: &body}
}

// scoreAPI calls vote for each property found in one version's vocabulary
// and not the other's: a root member (parent ""), or a member of one.
func scoreAPI(root object, kind schemas.Kind, vote func(beta bool, parent, key string)) {
	beta, v1 := vocabulary(schemas.Beta, kind), vocabulary(schemas.V1, kind)
	root.members(func(k string, v int32) {
		_, inBeta := beta.props[k]
		_, inV1 := v1.props[k]
		if inBeta != inV1 {
			vote(inBeta, "", k)
		}
		if !inBeta || !inV1 || !root.isObject(v) {
			return
		}
		bc, vc := beta.children[k], v1.children[k]
		object{root.Body, v}.members(func(ck string, _ int32) {
			_, cb := bc[ck]
			_, cv := vc[ck]
			if cb != cv {
				vote(cb, k, ck)
			}
		})
	})
	if i, ok := root.get("requestType"); ok {
		if rt, ok := root.str(i); ok && rt != "" {
			if upper, lower := unicode.IsUpper(rune(rt[0])), unicode.IsLower(rune(rt[0])); upper != lower {
				vote(upper, "", "requestType "+rt)
			}
		}
	}
}

// vocab is the property names of one shape's root type, and of the object
// types its root properties point to.
type vocab struct {
	props    map[string]struct{}
	children map[string]map[string]struct{}
}

// vocabs holds each shape's vocabulary, read from its schema on first use:
// a run over policies never reads the request schemas.
var vocabs [4]vocabOnce // beta policy, beta request, v1.0 policy, v1.0 request

type vocabOnce struct {
	once sync.Once
	v    vocab
}

func vocabulary(api schemas.API, kind schemas.Kind) vocab {
	o := &vocabs[0]
	switch {
	case api == schemas.Beta && kind == schemas.Request:
		o = &vocabs[1]
	case api == schemas.V1 && kind == schemas.Policy:
		o = &vocabs[2]
	case api == schemas.V1 && kind == schemas.Request:
		o = &vocabs[3]
	}
	o.once.Do(func() { o.v = readVocab(schemas.VocabularyOf(api, kind)) })
	return o.v
}

func readVocab(sv schemas.Vocabulary) vocab {
	v := vocab{props: map[string]struct{}{}, children: map[string]map[string]struct{}{}}
	for _, name := range sv.Properties {
		v.props[name] = struct{}{}
	}
	for name, children := range sv.Children {
		set := map[string]struct{}{}
		for _, child := range children {
			set[child] = struct{}{}
		}
		v.children[name] = set
	}
	return v
}

// LooksLikePayload reports whether raw text that is not valid JSON names an
// entitlement-management property, so that a broken body is reported while
// other broken JSON (a tsconfig.json with comments) is skipped.
func LooksLikePayload(data []byte) bool {
	if text, ok := utf16Text(data); ok {
		data = text
	}
	for _, keys := range strongKeys {
		for _, k := range keys {
			if bytes.Contains(data, []byte(`"`+k+`"`)) {
				return true
			}
		}
	}
	return false
}

// utf16Text decodes a file that starts with a UTF-16 byte order mark (as
// Windows PowerShell 5.1 writes by default), so that it is recognised and
// reported instead of skipped.
func utf16Text(data []byte) ([]byte, bool) {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		order = binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		order = binary.BigEndian
	default:
		return nil, false
	}
	units := make([]uint16, (len(data)-2)/2)
	for i := range units {
		units[i] = order.Uint16(data[2+2*i:])
	}
	return []byte(string(utf16.Decode(units))), true
}

// object is an object node of a body.
type object struct {
	Body
	i int32
}

func (b Body) key(n int32) string {
	if b.Rename != nil {
		return b.Rename(b.Nodes[n].Key(b.Src))
	}
	return b.Nodes[n].Key(b.Src)
}

func (b Body) isObject(i int32) bool { return b.Src[b.Nodes[i].Start] == '{' }
func (b Body) null(i int32) bool     { return b.Src[b.Nodes[i].Start] == 'n' }

// str returns the value of string node i.
func (b Body) str(i int32) (string, bool) { return b.Nodes[i].String(b.Src) }

// members calls f with each key of the object and its value's node, once
// per key (the last, when a key repeats).
func (o object) members(f func(key string, v int32)) {
	if !o.isObject(o.i) {
		return
	}
	var last map[string]int32
	if o.Dups {
		last = map[string]int32{}
		for c := o.i + 1; c <= o.Nodes[o.i].Last; c = o.Nodes[c].Last + 1 {
			last[o.key(c)] = c
		}
	}
	for c := o.i + 1; c <= o.Nodes[o.i].Last; c = o.Nodes[c].Last + 1 {
		k := o.key(c)
		if last != nil && last[k] != c {
			continue
		}
		f(k, c)
	}
}

// get returns the value of the object's member key (the last, when it repeats).
func (o object) get(key string) (int32, bool) {
	found, ok := int32(0), false
	if !o.isObject(o.i) {
		return 0, false
	}
	for c := o.i + 1; c <= o.Nodes[o.i].Last; c = o.Nodes[c].Last + 1 {
		if o.key(c) == key {
			found, ok = c, true
		}
	}
	return found, ok
}
