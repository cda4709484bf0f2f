// Package gen turns the Graph reference data in schemas/reference into the
// four embedded JSON Schemas. It lives in a package (not in the command) so
// that the tests can regenerate in memory and catch stale or hand-edited
// schema files.
package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// BaseURL prefixes every schema's $id; schemas.URL builds the same strings.
const BaseURL = "https://github.com/emlint/emlint/schemas/"

// Shape describes one generated file.
type Shape struct {
	API, Kind, Root, Title, Description string
}

// Name is the file name without ".schema.json", e.g. "v1.0-policy".
func (s Shape) Name() string { return s.API + "-" + s.Kind }

// Shapes lists the generated files.
var Shapes = []Shape{
	{
		API: "beta", Kind: "policy", Root: "microsoft.graph.accessPackageAssignmentPolicy",
		Title: "Microsoft Graph beta accessPackageAssignmentPolicy request body (legacy beta shape)",
		Description: "Body of POST /beta/identityGovernance/entitlementManagement/accessPackageAssignmentPolicies " +
			"and PUT /beta/identityGovernance/entitlementManagement/accessPackageAssignmentPolicies/{id}.",
	},
	{
		API: "v1.0", Kind: "policy", Root: "microsoft.graph.accessPackageAssignmentPolicy",
		Title: "Microsoft Graph v1.0 accessPackageAssignmentPolicy request body",
		// Not "same path under /beta": beta has no assignmentPolicies collection
		// (constraints.md §1; msgraph-beta-sdk-python has no assignment_policies builder).
		Description: "Body of POST /v1.0/identityGovernance/entitlementManagement/assignmentPolicies " +
			"and PUT /v1.0/identityGovernance/entitlementManagement/assignmentPolicies/{id}.",
	},
	{
		API: "beta", Kind: "request", Root: "microsoft.graph.accessPackageAssignmentRequest",
		Title:       "Microsoft Graph beta accessPackageAssignmentRequest request body (legacy beta shape)",
		Description: "Body of POST /beta/identityGovernance/entitlementManagement/accessPackageAssignmentRequests.",
	},
	{
		API: "v1.0", Kind: "request", Root: "microsoft.graph.accessPackageAssignmentRequest",
		Title: "Microsoft Graph v1.0 accessPackageAssignmentRequest request body",
		Description: "Body of POST /v1.0/identityGovernance/entitlementManagement/assignmentRequests " +
			"(the same path under /beta is documented with this shape).",
	},
}

// relaxed lists properties that the reference marks requiredOnCreate but that
// the schemas leave optional, because documented request examples omit them.
// A schema error there would contradict Microsoft's own examples, so semantic
// rules report these instead. Keys are api, declaring type, property.
//
// Deliberately kept required, because the examples do send them: beta
// accessPackageAssignmentRequest.accessPackageAssignment (every beta
// create-request example) and beta accessPackageAnswerChoice.displayValue
// (every choice of the beta questions example; only its defaultText is
// missing).
var relaxed = []struct{ api, typ, prop, why string }{
	{"v1.0", "accessPackageAssignmentRequest", "assignment",
		"v1.0 create-request examples 4 and 5 send the beta key accessPackageAssignment instead (constraints.md §12.1); a semantic rule reports it"},
	{"v1.0", "recurrenceRange", "startDate",
		"v1.0 create-policy example 2 (entitlementmanagement-post-assignmentpolicies.md @0011ef80) sends reviewSettings.schedule.recurrence.range {type: noEnd, numberOfOccurrences: 0} without it"},
	{"beta", "accessPackageAnswer", "displayValue",
		"beta create-request examples omit it in every answer (constraints.md §12.9)"},
	{"beta", "accessPackageLocalizedContent", "defaultText",
		"the beta create-policy questions example omits it in every choice displayValue (constraints.md §12.9)"},
}

// Type and Property mirror the types.json fields the schemas use;
// reference/README.md points at the field documentation. requiredOnUpdate
// (the beta PUT list) is left out on purpose: one schema serves both POST and
// PUT, so that list belongs to a semantic rule.
type Type struct {
	Name                    string     `json:"name"`
	Namespace               string     `json:"namespace"`
	Kind                    string     `json:"kind"` // entity, complex or enum
	BaseType                string     `json:"baseType"`
	Abstract                bool       `json:"abstract"`
	OpenType                bool       `json:"openType"`
	ODataType               string     `json:"odataType"`
	Properties              []Property `json:"properties"`
	Members                 []string   `json:"members"`
	EvolvableMembers        []string   `json:"evolvableMembers"`
	IsFlags                 bool       `json:"isFlags"`
	DerivedTypes            []string   `json:"derivedTypes"`
	DerivedTypesNotExpanded []string   `json:"derivedTypesNotExpanded"`
	Deprecated              bool       `json:"deprecated"`
	ReplacedBy              string     `json:"replacedBy"`
	Note                    string     `json:"note"`
	Source                  string     `json:"source"`
	DeclaredInMetadata      *bool      `json:"declaredInMetadata"`
}

type Property struct {
	Name                  string       `json:"name"`
	Type                  string       `json:"type"`
	Collection            bool         `json:"collection"`
	Nullable              *bool        `json:"nullable"` // nil: unknown
	ReadOnly              bool         `json:"readOnly"`
	RequiredOnCreate      *bool        `json:"requiredOnCreate"`
	Navigation            bool         `json:"navigation"`
	AcceptedInRequestBody bool         `json:"acceptedInRequestBody"`
	SemanticFormat        string       `json:"semanticFormat"`
	DocumentedValues      []string     `json:"documentedValues"`
	Minimum               *json.Number `json:"minimum"`
	Maximum               *json.Number `json:"maximum"`
	Default               any          `json:"default"`
	DeclaredInMetadata    *bool        `json:"declaredInMetadata"`
	Deprecated            bool         `json:"deprecated"`
	ReplacedBy            string       `json:"replacedBy"`
	Note                  string       `json:"note"`
}

// QName is the qualified name, e.g. microsoft.graph.singleUser.
func (t *Type) QName() string { return t.Namespace + "." + t.Name }

// DefKey is the $defs key of a qualified type name.
func DefKey(qname string) string { return strings.TrimPrefix(qname, "microsoft.graph.") }

// edm maps the OData primitive types to JSON Schema. The formats are
// stricter than OData in two places: "duration" (RFC 3339 appendix A)
// rejects fractional seconds and negative values that Edm.Duration allows,
// and "time" demands an offset that Edm.TimeOfDay never has (unused so far).
var edm = map[string]struct{ typ, format string }{
	"Edm.String":         {"string", ""},
	"Edm.Boolean":        {"boolean", ""},
	"Edm.Int32":          {"integer", ""},
	"Edm.Int64":          {"integer", ""},
	"Edm.Double":         {"number", ""},
	"Edm.Single":         {"number", ""},
	"Edm.Decimal":        {"number", ""},
	"Edm.DateTimeOffset": {"string", "date-time"},
	"Edm.Duration":       {"string", "duration"},
	"Edm.Date":           {"string", "date"},
	"Edm.TimeOfDay":      {"string", "time"},
	"Edm.Guid":           {"string", "uuid"},
}

// Generate returns the schema files (name -> content) for the reference in
// refDir, and VocabularyFile.
func Generate(refDir string) (map[string][]byte, error) {
	out := map[string][]byte{}
	vocabularies := map[string]Vocabulary{}
	for _, api := range []string{"beta", "v1.0"} {
		m, err := load(refDir, api)
		if err != nil {
			return nil, err
		}
		for _, s := range Shapes {
			if s.API != api {
				continue
			}
			b, err := m.document(s)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", s.Name(), err)
			}
			out[s.Name()+".schema.json"] = b
			if vocabularies[s.Name()], err = vocabularyOf(b); err != nil {
				return nil, fmt.Errorf("%s: %w", s.Name(), err)
			}
		}
	}
	b, err := json.MarshalIndent(vocabularies, "", "  ")
	if err != nil {
		return nil, err
	}
	out[VocabularyFile] = append(b, '\n')
	return out, nil
}

// VocabularyFile holds each shape's Vocabulary, by schema name.
const VocabularyFile = "vocabulary.json"

// Vocabulary is what shape detection compares a body's property names
// with: the root type's properties, and the properties of the object type
// each root property holds. Reading it from a small file instead of the
// schemas saves a one-file run from decoding a schema it does not use.
type Vocabulary struct {
	Properties []string            `json:"properties"`
	Children   map[string][]string `json:"children"`
}

// vocabularyOf reads a generated schema's Vocabulary. The root is
// {"$ref": "#/$defs/..."}; a property names its type by $ref, or by
// anyOf [$ref, null] when it is nullable.
func vocabularyOf(schema []byte) (Vocabulary, error) {
	var doc map[string]any
	if err := json.Unmarshal(schema, &doc); err != nil {
		return Vocabulary{}, err
	}
	defs, _ := doc["$defs"].(map[string]any)
	def := func(s any) map[string]any {
		m, _ := s.(map[string]any)
		ref, _ := m["$ref"].(string)
		alts, _ := m["anyOf"].([]any)
		for _, alt := range alts {
			if r, ok := alt.(map[string]any)["$ref"].(string); ok {
				ref = r
			}
		}
		d, _ := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		return d
	}
	root := def(doc)
	if root == nil {
		return Vocabulary{}, fmt.Errorf("no root definition")
	}
	v := Vocabulary{Children: map[string][]string{}}
	props, _ := root["properties"].(map[string]any)
	for name, prop := range props {
		v.Properties = append(v.Properties, name)
		childProps, _ := def(prop)["properties"].(map[string]any)
		for child := range childProps {
			v.Children[name] = append(v.Children[name], child)
		}
		slices.Sort(v.Children[name])
	}
	slices.Sort(v.Properties)
	return v, nil
}

type model struct {
	api      string
	types    map[string]*Type
	subtypes map[string][]string // direct subtypes by qualified name, reference order
}

// LoadTypes reads refDir/<api>/types.json.
func LoadTypes(refDir, api string) ([]*Type, error) {
	f, err := os.Open(filepath.Join(refDir, api, "types.json"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	dec.UseNumber() // keep minimum/maximum/default exactly as written
	var types []*Type
	if err := dec.Decode(&types); err != nil {
		return nil, fmt.Errorf("%s types.json: %w", api, err)
	}
	return types, nil
}

// subtypes returns the direct subtypes of every type. The reference lists
// them in derivedTypes, but v1.0 omits accessPackageDynamicApprovalStage from
// accessPackageApprovalStage.derivedTypes although its baseType (from the
// CSDL) and the v1.0 SDK discriminator say it is one, so baseType links count
// too.
func subtypes(types []*Type) (map[string][]string, error) {
	byName := map[string]*Type{}
	for _, t := range types {
		byName[t.QName()] = t
	}
	sub := map[string][]string{}
	for _, t := range types {
		for _, d := range t.DerivedTypes {
			q := strings.TrimPrefix(d, "#")
			if byName[q] == nil {
				return nil, fmt.Errorf("%s: derived type %s is not in the reference (it belongs in derivedTypesNotExpanded)", t.QName(), d)
			}
			sub[t.QName()] = append(sub[t.QName()], q)
		}
	}
	for _, t := range types {
		if t.BaseType == "" {
			continue
		}
		if byName[t.BaseType] == nil {
			return nil, fmt.Errorf("%s: base type %s is not in the reference", t.QName(), t.BaseType)
		}
		if !slices.Contains(sub[t.BaseType], t.QName()) {
			sub[t.BaseType] = append(sub[t.BaseType], t.QName())
		}
	}
	return sub, nil
}

func load(refDir, api string) (*model, error) {
	types, err := LoadTypes(refDir, api)
	if err != nil {
		return nil, err
	}
	m := &model{api: api, types: map[string]*Type{}}
	for _, t := range types {
		if t.ODataType != "#"+t.QName() {
			return nil, fmt.Errorf("%s: odataType %q does not match its name", t.QName(), t.ODataType)
		}
		m.types[t.QName()] = t
	}
	if m.subtypes, err = subtypes(types); err != nil {
		return nil, err
	}
	// A relaxation that no longer matches a required property is stale: fail
	// so that it gets removed rather than silently ignored.
	for _, r := range relaxed {
		if r.api != api {
			continue
		}
		p := m.findProp("microsoft.graph."+r.typ, r.prop)
		if p == nil || p.RequiredOnCreate == nil || !*p.RequiredOnCreate {
			return nil, fmt.Errorf("%s %s.%s is listed in relaxed but is not requiredOnCreate in the reference", api, r.typ, r.prop)
		}
	}
	return m, nil
}

func (m *model) findProp(qname, prop string) *Property {
	if t := m.types[qname]; t != nil {
		for i := range t.Properties {
			if t.Properties[i].Name == prop {
				return &t.Properties[i]
			}
		}
	}
	return nil
}

// ref is where a property of declared type qname points: types with subtypes
// go through their dispatcher so that every subtype is accepted.
func (m *model) ref(qname string) string {
	if len(m.subtypes[qname]) > 0 {
		return "#/$defs/" + DefKey(qname) + ".derived"
	}
	return "#/$defs/" + DefKey(qname)
}

type ownedProp struct {
	owner *Type
	Property
}

// allProps lists inherited properties first, in reference order.
func (m *model) allProps(t *Type) ([]ownedProp, error) {
	var props []ownedProp
	if t.BaseType != "" {
		base := m.types[t.BaseType]
		if base == nil {
			return nil, fmt.Errorf("%s: base type %s is not in the reference", t.QName(), t.BaseType)
		}
		var err error
		if props, err = m.allProps(base); err != nil {
			return nil, err
		}
	}
	for _, p := range t.Properties {
		props = append(props, ownedProp{t, p})
	}
	return props, nil
}

// reachable returns the types a body rooted at root can contain: property
// types and, for dispatched types, every subtype. Base types contribute
// properties only, so they are not reachable by themselves.
func (m *model) reachable(root string) (map[string]bool, error) {
	seen := map[string]bool{}
	var visit func(q string) error
	visit = func(q string) error {
		if seen[q] {
			return nil
		}
		t := m.types[q]
		if t == nil {
			return fmt.Errorf("type %s is not in the reference", q)
		}
		seen[q] = true
		props, err := m.allProps(t)
		if err != nil {
			return err
		}
		for _, p := range props {
			if m.types[p.Type] != nil {
				if err := visit(p.Type); err != nil {
					return err
				}
			}
		}
		for _, s := range m.subtypes[q] {
			if err := visit(s); err != nil {
				return err
			}
		}
		return nil
	}
	return seen, visit(root)
}

func (m *model) document(s Shape) ([]byte, error) {
	reach, err := m.reachable(s.Root)
	if err != nil {
		return nil, err
	}
	defs := map[string]*object{}
	for q := range reach {
		t := m.types[q]
		if t.Kind == "enum" {
			defs[DefKey(q)] = enumSchema(t)
			continue
		}
		if !t.Abstract {
			if defs[DefKey(q)], err = m.objectSchema(t); err != nil {
				return nil, err
			}
		}
		if len(m.subtypes[q]) > 0 {
			defs[DefKey(q)+".derived"] = m.dispatcher(t)
		} else if t.Abstract {
			return nil, fmt.Errorf("%s is abstract and has no subtypes: nothing could match it", q)
		}
	}
	keys := make([]string, 0, len(defs))
	for k := range defs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	sortedDefs := newObject()
	for _, k := range keys {
		sortedDefs.set(k, defs[k])
	}

	doc := newObject().
		set("$schema", "https://json-schema.org/draft/2020-12/schema").
		set("$id", BaseURL+s.Name()+".schema.json").
		set("title", s.Title).
		set("description", s.Description).
		set("$ref", m.ref(s.Root)).
		set("$defs", sortedDefs)

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // notes contain <, > and & that should stay readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// typeAnnotations are shared by object, dispatcher and enum schemas.
func typeAnnotations(s *object, t *Type) {
	if t.Note != "" {
		s.set("description", t.Note)
	}
	s.set("x-graph-type", t.QName())
	if t.Source != "" {
		s.set("x-graph-source", t.Source)
	}
	if t.Deprecated {
		s.set("deprecated", true)
	}
	if t.ReplacedBy != "" {
		s.set("x-replaced-by", t.ReplacedBy)
	}
	if t.DeclaredInMetadata != nil && !*t.DeclaredInMetadata {
		s.set("x-declared-in-metadata", false)
	}
}

func (m *model) objectSchema(t *Type) (*object, error) {
	props, err := m.allProps(t)
	if err != nil {
		return nil, err
	}
	properties := newObject().set("@odata.type", newObject().set("enum", odataTypeValues(t.ODataType)))
	var required, comments []string
	for _, p := range props {
		ps, err := m.propSchema(p.Property)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", p.owner.QName(), p.Name, err)
		}
		properties.set(p.Name, ps)
		if p.RequiredOnCreate == nil || !*p.RequiredOnCreate {
			continue
		}
		if why := m.relaxation(p.owner, p.Name); why != "" {
			comments = append(comments, fmt.Sprintf("%s is not required although the reference marks it requiredOnCreate: %s.", p.Name, why))
			continue
		}
		required = append(required, p.Name)
	}
	if t.OpenType {
		// Open types carry dynamic properties (e.g. arbitrary credential claims),
		// so unknown keys are legitimate here.
		comments = append(comments, "Open type: properties other than the declared ones are allowed.")
	}

	s := newObject()
	typeAnnotations(s, t)
	if len(comments) > 0 {
		s.set("$comment", strings.Join(comments, " "))
	}
	s.set("type", "object")
	if len(required) > 0 {
		s.set("required", required)
	}
	s.set("properties", properties)
	if !t.OpenType {
		s.set("additionalProperties", false) // Graph rejects unknown (and wrongly cased) keys
	}
	return s, nil
}

// odataTypeValues is the spelling OData specifies ("#microsoft.graph.x")
// and the one without "#", which Graph's own docs examples send (v1.0
// create-policy answer choices) and Graph accepts. A semantic rule warns
// about the second; the schema accepts both so the object is still checked.
func odataTypeValues(t string) []string {
	return []string{t, strings.TrimPrefix(t, "#")}
}

func (m *model) relaxation(owner *Type, prop string) string {
	for _, r := range relaxed {
		if r.api == m.api && "microsoft.graph."+r.typ == owner.QName() && r.prop == prop {
			return r.why
		}
	}
	return ""
}

// dispatcher selects the object schema named by @odata.type. OData lets a
// body omit @odata.type only when the declared type itself is meant, which
// an abstract type never is.
func (m *model) dispatcher(t *Type) *object {
	var values, notExpanded []string
	var branches []*object
	if !t.Abstract {
		branches = append(branches, newObject().
			set("if", newObject().set("not", newObject().set("required", []string{"@odata.type"}))).
			set("then", newObject().set("$ref", "#/$defs/"+DefKey(t.QName()))))
	}
	var walk func(q string)
	walk = func(q string) {
		st := m.types[q]
		if !st.Abstract {
			values = append(values, odataTypeValues(st.ODataType)...)
			branches = append(branches, newObject().
				set("if", newObject().
					set("properties", newObject().set("@odata.type", newObject().set("enum", odataTypeValues(st.ODataType)))).
					set("required", []string{"@odata.type"})).
				set("then", newObject().set("$ref", "#/$defs/"+DefKey(q))))
		}
		for _, ne := range st.DerivedTypesNotExpanded {
			notExpanded = append(notExpanded, odataTypeValues(ne)...)
		}
		for _, s := range m.subtypes[q] {
			walk(s)
		}
	}
	walk(t.QName())

	s := newObject()
	typeAnnotations(s, t)
	if len(notExpanded) > 0 {
		s.set("$comment", "Subtypes outside emlint's reference are accepted by name but not checked, because their shape is unknown: "+
			strings.Join(notExpanded, ", ")+".")
	}
	s.set("type", "object")
	if t.Abstract {
		s.set("required", []string{"@odata.type"})
	}
	s.set("properties", newObject().set("@odata.type", newObject().set("enum", append(values, notExpanded...))))
	// The branches form an if/then/else chain, not an allOf of if/then
	// pairs: the validator stops at the branch that matches instead of
	// testing every condition, which took a third of the time of
	// validating a policy whose approvers are subject sets.
	for i := len(branches) - 1; i > 0; i-- {
		branches[i-1].set("else", branches[i])
	}
	if len(branches) > 0 {
		for _, k := range branches[0].keys {
			s.set(k, branches[0].vals[k])
		}
	}
	return s
}

func enumSchema(t *Type) *object {
	members := slices.Clone(t.Members)
	for _, e := range t.EvolvableMembers {
		if !slices.Contains(members, e) {
			members = append(members, e)
		}
	}
	var comments []string
	if len(t.EvolvableMembers) > 0 {
		comments = append(comments, "Evolvable members (declared after unknownFutureValue; Graph returns them only with Prefer: include-unknown-enum-members): "+
			strings.Join(t.EvolvableMembers, ", ")+".")
	}
	if t.IsFlags {
		comments = append(comments, "Flags enum: OData sends a comma-separated list of members, so a pattern replaces enum.")
	}
	s := newObject()
	typeAnnotations(s, t)
	if len(comments) > 0 {
		s.set("$comment", strings.Join(comments, " "))
	}
	s.set("type", "string")
	if t.IsFlags {
		alt := make([]string, len(members))
		for i, v := range members {
			alt[i] = regexp.QuoteMeta(v)
		}
		one := "(" + strings.Join(alt, "|") + ")"
		s.set("pattern", "^"+one+"(,"+one+")*$")
	} else {
		s.set("enum", members)
	}
	return s
}

// propSchema: on a single value, nullable true or unknown admits null; a
// collection itself is never null (OData: "does not allow null values"), and
// its items admit null only when the reference says nullable is true.
func (m *model) propSchema(p Property) (*object, error) {
	var s *object
	var err error
	if p.Collection {
		var item *object
		if item, err = m.valueSchema(p, p.Nullable != nil && *p.Nullable); err != nil {
			return nil, err
		}
		s = newObject().set("type", "array").set("items", item)
	} else if s, err = m.valueSchema(p, p.Nullable == nil || *p.Nullable); err != nil {
		return nil, err
	}
	if p.Note != "" {
		s.set("description", p.Note)
	}
	if p.ReadOnly {
		s.set("readOnly", true)
	}
	if p.Deprecated {
		s.set("deprecated", true)
	}
	if p.ReplacedBy != "" {
		s.set("x-replaced-by", p.ReplacedBy)
	}
	if p.AcceptedInRequestBody {
		s.set("x-accepted-in-request-body", true)
	}
	if p.DeclaredInMetadata != nil && !*p.DeclaredInMetadata {
		s.set("x-declared-in-metadata", false)
	}
	if p.Default != nil {
		s.set("default", p.Default)
	}
	return s, nil
}

func (m *model) valueSchema(p Property, nullable bool) (*object, error) {
	s := newObject()
	if e, ok := edm[p.Type]; ok {
		s.set("type", jsonType(e.typ, nullable))
		if e.format != "" {
			s.set("format", e.format)
		}
		lo, hi := p.Minimum, p.Maximum
		if p.Type == "Edm.Int32" {
			if lo == nil {
				lo = ptr(json.Number("-2147483648"))
			}
			if hi == nil {
				hi = ptr(json.Number("2147483647"))
			}
		}
		if lo != nil {
			s.set("minimum", *lo)
		}
		if hi != nil {
			s.set("maximum", *hi)
		}
		if p.SemanticFormat != "" {
			s.set("x-semantic-format", p.SemanticFormat)
		}
		// Graph types these as Edm.String; the documented values are checked by
		// semantic rules, not by an enum that would reject what Graph accepts.
		if len(p.DocumentedValues) > 0 {
			s.set("x-documented-values", p.DocumentedValues)
		}
		return s, nil
	}
	if strings.HasPrefix(p.Type, "Edm.") {
		return nil, fmt.Errorf("no JSON Schema mapping for %s: add one to edm", p.Type)
	}
	if p.Minimum != nil || p.Maximum != nil || p.SemanticFormat != "" || len(p.DocumentedValues) > 0 {
		return nil, fmt.Errorf("value facets on non-primitive type %s are not supported", p.Type)
	}
	if m.types[p.Type] != nil {
		ref := newObject().set("$ref", m.ref(p.Type))
		if !nullable {
			return ref, nil
		}
		return newObject().set("anyOf", []any{ref, newObject().set("type", "null")}), nil
	}
	if !p.Navigation {
		return nil, fmt.Errorf("type %s is not in the reference", p.Type)
	}
	// Only the target's key is known, so its properties cannot be restricted.
	s.set("type", jsonType("object", nullable))
	s.set("$comment", "navigation to "+p.Type+", outside emlint's reference: only its shape as a reference is known")
	return s, nil
}

func jsonType(t string, nullable bool) any {
	if nullable {
		return []string{t, "null"}
	}
	return t
}

func ptr[T any](v T) *T { return &v }

// object is a JSON object that keeps insertion order, so that properties
// follow the reference and regenerating gives byte-identical files.
type object struct {
	keys []string
	vals map[string]any
}

func newObject() *object { return &object{vals: map[string]any{}} }

func (o *object) set(k string, v any) *object {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
	return o
}

func (o *object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := encode(&buf, k); err != nil {
			return nil, err
		}
		buf.WriteByte(':')
		if err := encode(&buf, o.vals[k]); err != nil {
			return nil, err
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

func encode(buf *bytes.Buffer, v any) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // Encode's trailing newline
	return nil
}
