// Package validate checks a body against the embedded JSON Schema of its
// shape and turns the validator's error tree into findings with rule ids and
// messages of our own: which property, of which Graph type, and what to do.
package validate

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/emlint/emlint/internal/suggest"
	"github.com/emlint/emlint/schemas"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Rule ids of schema findings. They are stable: configuration and
// baselines refer to them.
const (
	RuleUnknownProperty = "schema-unknown-property"
	RuleRequired        = "schema-required"
	RuleType            = "schema-type"
	RuleEnum            = "schema-enum"
	RuleFormat          = "schema-format"
	RuleRange           = "schema-range"
	RuleODataType       = "schema-odata-type"
	RuleInvalid         = "schema-invalid"
)

// RuleDocs describes the schema rules for `emlint rules`.
var RuleDocs = []struct{ ID, Doc string }{
	{RuleUnknownProperty, "A property that the Graph type does not declare (keys are case-sensitive)"},
	{RuleRequired, "A property that Graph requires is missing"},
	{RuleType, "A value of the wrong JSON type"},
	{RuleEnum, "A value outside the Graph enumeration"},
	{RuleFormat, "A malformed ISO 8601 date, date-time or duration"},
	{RuleRange, "A number outside its documented range"},
	{RuleODataType, "A missing or wrong `@odata.type` on an object that needs one"},
	{RuleInvalid, "Any other schema violation"},
}

var printer = message.NewPrinter(language.English)

// ErrRefused is returned for any schema URL other than the embedded ones.
var ErrRefused = errors.New("emlint resolves only its embedded schemas")

// loader serves the embedded schemas and refuses everything else, so a
// $ref can never read a file or reach the network.
type loader struct{}

func (loader) Load(url string) (any, error) {
	if url == trustedMetaURL {
		return jsonschema.UnmarshalJSON(strings.NewReader(trustedMeta))
	}
	doc, ok := schemas.DocByURL(url)
	if !ok {
		return nil, fmt.Errorf("%w: refused to load %q", ErrRefused, url)
	}
	// The decoded document is shared (detection and the rules read it
	// too): name the trusted meta-schema on a copy of its root.
	own := make(map[string]any, len(doc))
	for k, v := range doc {
		own[k] = v
	}
	own["$schema"] = trustedMetaURL
	return own, nil
}

// The embedded schemas are checked against the 2020-12 meta-schema by the
// schemas package's tests, on every change. Checking them again at every
// start cost half of the compile time (7 ms of a one-file run), so at run
// time they name this meta-schema instead: the same 2020-12 dialect, with
// no constraints of its own, and only the vocabularies validation uses
// (the library checks a schema against each declared vocabulary's
// meta-schema; meta-data such as readOnly is read by emlint from the
// schema documents, not from the compiled schema).
const (
	trustedMetaURL = "https://github.com/emlint/emlint/schemas/trusted-2020-12.json"
	trustedMeta    = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "` + trustedMetaURL + `",
  "$vocabulary": {
    "https://json-schema.org/draft/2020-12/vocab/core": true,
    "https://json-schema.org/draft/2020-12/vocab/applicator": true,
    "https://json-schema.org/draft/2020-12/vocab/validation": true,
    "https://json-schema.org/draft/2020-12/vocab/format-annotation": true
  },
  "$dynamicAnchor": "meta"
}`
)

// compiled is one shape's schema, compiled on first use: a run that sees
// only v1.0 requests never compiles the beta policy schema.
type compiled struct {
	once   sync.Once
	schema *jsonschema.Schema
	defs   map[string]any // the schema's $defs, for messages
	err    error
}

var shapes sync.Map // schema name -> *compiled

func load(api schemas.API, kind schemas.Kind) (*compiled, error) {
	v, _ := shapes.LoadOrStore(schemas.Name(api, kind), &compiled{})
	c := v.(*compiled)
	c.once.Do(func() {
		c.schema, c.err = compile(api, kind)
		c.defs, _ = schemas.Doc(api, kind)["$defs"].(map[string]any)
	})
	return c, c.err
}

// Compiled lists the shapes whose schema this process has compiled, for
// tests that hold a run to compiling only what it needs.
func Compiled() []string {
	var out []string
	shapes.Range(func(k, v any) bool {
		if c := v.(*compiled); c.schema != nil || c.err != nil {
			out = append(out, k.(string))
		}
		return true
	})
	sort.Strings(out)
	return out
}

// compile compiles one shape's embedded schema, asserting formats, with a
// loader that serves nothing else.
func compile(api schemas.API, kind schemas.Kind) (*jsonschema.Schema, error) {
	comp := jsonschema.NewCompiler()
	comp.AssertFormat()
	comp.UseLoader(loader{})
	return comp.Compile(schemas.URL(api, kind))
}

// Validate checks a decoded body (as produced by jsonparse) against the
// schema of its shape.
func Validate(api schemas.API, kind schemas.Kind, body any) ([]finding.Finding, error) {
	c, err := load(api, kind)
	if err != nil {
		return nil, fmt.Errorf("embedded %s schema: %w", schemas.Name(api, kind), err)
	}
	err = c.schema.Validate(body)
	if err == nil {
		return nil, nil
	}
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		return nil, err
	}
	m := mapper{shape: schemas.Name(api, kind), c: c, body: body, seen: map[string]bool{}}
	m.walk(verr, false)
	return m.out, nil
}

type mapper struct {
	shape string // schemas.Name of the shape
	c     *compiled
	body  any
	out   []finding.Finding
	seen  map[string]bool
}

func (m *mapper) add(rule, ptr string, target finding.Target, format string, args ...any) *finding.Finding {
	return m.addAt(finding.Error, rule, ptr, target, format, args...)
}

// addAt records a finding, once; it returns the finding, or nil for a
// repeat.
func (m *mapper) addAt(sev finding.Severity, rule, ptr string, target finding.Target, format string, args ...any) *finding.Finding {
	msg := fmt.Sprintf(format, args...)
	key := rule + "\x00" + ptr + "\x00" + msg
	if m.seen[key] {
		return nil
	}
	m.seen[key] = true
	m.out = append(m.out, finding.Finding{Rule: rule, Severity: sev, Pointer: ptr, Target: target, Message: msg})
	return &m.out[len(m.out)-1]
}

// walk reports the leaves of the error tree. orNull is set below an anyOf
// whose other branch allows null, so that type messages can say so.
func (m *mapper) walk(e *jsonschema.ValidationError, orNull bool) {
	if _, ok := e.ErrorKind.(*kind.AnyOf); ok {
		// A nullable reference is anyOf [ref, null]: the "want null" branch
		// is noise for any non-null value, so report the other branch only.
		var rest []*jsonschema.ValidationError
		for _, c := range e.Causes {
			if t, ok := c.ErrorKind.(*kind.Type); ok && slices.Equal(t.Want, []string{"null"}) {
				orNull = true
				continue
			}
			rest = append(rest, c)
		}
		for _, c := range rest {
			m.walk(c, orNull)
		}
		return
	}
	if len(e.Causes) > 0 {
		for _, c := range e.Causes {
			// "or null" holds through $ref wrappers for the same value only.
			m.walk(c, orNull && slices.Equal(c.InstanceLocation, e.InstanceLocation))
		}
		return
	}
	m.leaf(e, orNull)
}

func (m *mapper) leaf(e *jsonschema.ValidationError, orNull bool) {
	ptr := pointer.Join("", e.InstanceLocation...)
	name := describe(e.InstanceLocation)
	typ := m.graphType(e.SchemaURL)
	switch k := e.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		known := m.knownProperties(e.SchemaURL)
		for _, p := range k.Properties {
			if note, ok := docsDeviation(m.shape, pointer.Join(ptr, p)); ok {
				m.addAt(finding.Warning, RuleUnknownProperty, pointer.Join(ptr, p), finding.Key, "`%s` is not a property of %s: %s", p, typ, note)
				continue
			}
			msg := fmt.Sprintf("unknown property `%s` in %s", p, typ)
			if s := suggest.Closest(p, known); s != "" {
				msg += fmt.Sprintf(": did you mean `%s`?", s)
			} else {
				msg += ": remove it (Graph rejects undeclared properties)"
			}
			m.add(RuleUnknownProperty, pointer.Join(ptr, p), finding.Key, "%s", msg)
		}
	case *kind.Required:
		if isReference(pointer.Lookup(m.body, e.InstanceLocation)) && len(e.InstanceLocation) > 0 {
			// {"id": ...} points at an object that exists: Graph knows its
			// type and its required properties are not asked for (the docs
			// send `customExtension: {id}` and `assignmentPolicy: {id}`).
			return
		}
		for _, p := range k.Missing {
			if p == "@odata.type" {
				m.add(RuleODataType, ptr, finding.Start, "%s needs `@odata.type` to say which %s it is: %s",
					name, typ, m.odataTypeHint(e.SchemaURL, e.InstanceLocation))
				continue
			}
			m.add(RuleRequired, ptr, finding.Start, "%s lacks `%s`, which %s requires", name, p, typ)
		}
	case *kind.Type:
		want := slices.DeleteFunc(slices.Clone(k.Want), func(w string) bool { return w == "null" })
		if orNull || len(want) < len(k.Want) {
			want = append(want, "null")
		}
		if lit, ok := quotedLiteral(pointer.Lookup(m.body, e.InstanceLocation), k.Want); ok {
			// Graph's own docs examples send "true" and "1" as strings
			// (v1.0 create-policy example 4): not a known rejection, so a
			// warning, but the type is what the metadata declares.
			m.addAt(finding.Warning, RuleType, ptr, finding.Value, "%s is the string %s: send %s without quotes (Graph types it as %s)",
				name, quote(pointer.Lookup(m.body, e.InstanceLocation)), lit, strings.Join(want, " or "))
			return
		}
		m.add(RuleType, ptr, finding.Value, "%s must be %s, not %s", name, article(strings.Join(want, " or ")), article(k.Got))
	case *kind.Enum:
		m.enum(ptr, name, typ, k.Got, k.Want)
	case *kind.Const:
		if last(e.InstanceLocation) == "@odata.type" {
			m.add(RuleODataType, ptr, finding.Value, "`@odata.type` is %s, but this object is %s: use %s or remove the annotation",
				quote(k.Got), typ, quote(k.Want))
			return
		}
		m.add(RuleEnum, ptr, finding.Value, "%s must be %s, not %s", name, quote(k.Want), quote(k.Got))
	case *kind.Format:
		m.add(RuleFormat, ptr, finding.Value, "%s is %s, not %s", name, quote(k.Got), formatHint(k.Want))
	case *kind.Minimum:
		m.add(RuleRange, ptr, finding.Value, "%s is %s, below the minimum %s", name, ratString(k.Got), ratString(k.Want))
	case *kind.Maximum:
		m.add(RuleRange, ptr, finding.Value, "%s is %s, above the maximum %s", name, ratString(k.Got), ratString(k.Want))
	default:
		m.add(RuleInvalid, ptr, finding.Value, "%s is invalid: %s", name, e.ErrorKind.LocalizedString(printer))
	}
}

func (m *mapper) enum(ptr, name, typ string, got any, want []any) {
	odata := strings.HasSuffix(ptr, "/@odata.type")
	var allowed []string
	for _, w := range want {
		// The schemas also accept "microsoft.graph.x" without "#"; suggest
		// only the spelling OData specifies.
		if s, ok := w.(string); ok && !(odata && !strings.HasPrefix(s, "#")) {
			allowed = append(allowed, s)
		}
	}
	rule := RuleEnum
	if odata {
		rule = RuleODataType
		if len(allowed) == 1 {
			m.add(rule, ptr, finding.Value, "`@odata.type` is %s, but this object is %s: use %s or remove the annotation",
				quote(got), article(typ), quote(allowed[0]))
			return
		}
	}
	if s, ok := got.(string); ok {
		if hint := suggest.Closest(s, allowed); hint != "" {
			f := m.add(rule, ptr, finding.Value, "%s is %s: did you mean %s?", name, quote(got), quote(hint))
			if f != nil && strings.EqualFold(s, hint) {
				// Only the letter case differs: the one safe, mechanical fix.
				f.Fix = &finding.Fix{Description: "use " + hint, Op: finding.FixReplace, Value: strconv.Quote(hint)}
			}
			return
		}
	}
	m.add(rule, ptr, finding.Value, "%s is %s, not an allowed value: use one of %s", name, quote(got), list(allowed))
}

// defName extracts the $defs entry a schema URL points into.
func defName(schemaURL string) string {
	_, frag, _ := strings.Cut(schemaURL, "#/$defs/")
	name, _, _ := strings.Cut(frag, "/")
	return strings.ReplaceAll(strings.ReplaceAll(name, "~1", "/"), "~0", "~")
}

// def returns the $defs entry name, with its properties.
func (m *mapper) def(name string) (def map[string]any, props map[string]any) {
	def, _ = m.c.defs[name].(map[string]any)
	props, _ = def["properties"].(map[string]any)
	return def, props
}

func (m *mapper) graphType(schemaURL string) string {
	d, _ := m.def(defName(schemaURL))
	if t, _ := d["x-graph-type"].(string); t != "" {
		return strings.TrimPrefix(t, "microsoft.graph.")
	}
	return "this object"
}

func (m *mapper) knownProperties(schemaURL string) []string {
	_, props := m.def(defName(schemaURL))
	var names []string
	for n := range props {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// odataTypeHint proposes the @odata.type for an object that lacks one: the
// concrete type whose properties cover the object's, if exactly one does,
// else the list of allowed values.
func (m *mapper) odataTypeHint(schemaURL string, loc []string) string {
	_, props := m.def(defName(schemaURL))
	odata, _ := props["@odata.type"].(map[string]any)
	values, _ := odata["enum"].([]any)
	var enum []string
	for _, v := range values {
		if s, ok := v.(string); ok && strings.HasPrefix(s, "#") {
			enum = append(enum, s)
		}
	}
	if len(enum) == 0 {
		return "add it"
	}
	obj, _ := pointer.Lookup(m.body, loc).(map[string]any)
	var fits []string
	for _, odataType := range enum {
		sub, subProps := m.def(strings.TrimPrefix(odataType, "#microsoft.graph."))
		if sub == nil || len(obj) == 0 {
			continue
		}
		covers := true
		for k := range obj {
			if _, ok := subProps[k]; !ok {
				covers = false
				break
			}
		}
		if covers {
			fits = append(fits, odataType)
		}
	}
	if len(fits) == 1 {
		return fmt.Sprintf("its properties fit `\"@odata.type\": \"%s\"`", fits[0])
	}
	return "add one of " + list(enum)
}

// isReference reports whether v is {"id": ...}, optionally with its
// @odata.type: a reference to an object that already exists.
func isReference(v any) bool {
	obj, ok := v.(map[string]any)
	if !ok {
		return false
	}
	if _, ok := obj["id"]; !ok {
		return false
	}
	for k := range obj {
		if k != "id" && k != "@odata.type" {
			return false
		}
	}
	return true
}

// quotedLiteral reports whether v is a string that spells a value of one of
// the wanted JSON types ("true", "1"), and returns that literal.
func quotedLiteral(v any, want []string) (string, bool) {
	s, ok := v.(string)
	if !ok {
		return "", false
	}
	for _, w := range want {
		switch w {
		case "boolean":
			if s == "true" || s == "false" {
				return s, true
			}
		case "integer":
			if _, err := strconv.ParseInt(s, 10, 64); err == nil {
				return s, true
			}
		case "number":
			if _, err := strconv.ParseFloat(s, 64); err == nil && s != "" && !strings.ContainsAny(s, "xXnN") {
				return s, true
			}
		}
	}
	return "", false
}

// describe names the value at a location for a message: `name`, or
// `stages[1]` for an array element, or "the body" for the root.
func describe(loc []string) string {
	if len(loc) == 0 {
		return "the body"
	}
	var b strings.Builder
	for i := len(loc) - 1; i >= 0; i-- {
		if !isIndex(loc[i]) {
			b.WriteString(loc[i])
			for _, idx := range loc[i+1:] {
				b.WriteString("[" + idx + "]")
			}
			return "`" + b.String() + "`"
		}
	}
	return "`[" + strings.Join(loc, "][") + "]`"
}

func isIndex(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func last(loc []string) string {
	if len(loc) == 0 {
		return ""
	}
	return loc[len(loc)-1]
}

func article(t string) string {
	switch {
	case t == "":
		return t
	case strings.Contains("aeiou", t[:1]):
		return "an " + t
	case t == "null":
		return t
	}
	return "a " + t
}

func quote(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return "`" + string(b) + "`"
}

func list(values []string) string {
	const max = 8
	q := make([]string, 0, max)
	for i, v := range values {
		if i == max {
			q = append(q, fmt.Sprintf("... (%d more)", len(values)-max))
			break
		}
		q = append(q, "`"+v+"`")
	}
	return strings.Join(q, ", ")
}

// ratString writes a number for a message: exactly when it is a small
// integer, else in at most ten significant digits (1e1000000 must not print
// a million digits).
func ratString(r *big.Rat) string {
	if r.IsInt() && r.Num().BitLen() <= 64 {
		return r.Num().String()
	}
	return new(big.Float).SetRat(r).Text('g', 10)
}

func formatHint(format string) string {
	switch format {
	case "duration":
		return "an ISO 8601 duration such as `P14D`, `PT12H` or `PT0S`"
	case "date-time":
		return "an ISO 8601 date-time with a time zone, such as `2026-01-31T17:00:00Z`"
	case "date":
		return "an ISO 8601 date such as `2026-01-31`"
	case "time":
		return "an ISO 8601 time such as `17:00:00`"
	case "uuid":
		return "a GUID such as `2b5b3a5c-8f0e-4a8b-9c1d-3e4f5a6b7c8d`"
	}
	return "a valid " + format
}
