// Package validate checks a body against the embedded JSON Schema of its
// shape and turns the validator's error tree into findings with rule ids and
// messages of our own: which property, of which Graph type, and what to do.
package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/emlint/emlint/internal/suggest"
	"github.com/emlint/emlint/internal/validate/checker"
	"github.com/emlint/emlint/schemas"
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

// shape is one embedded schema's generated validator and $defs table.
type shape struct {
	check func(*checker.Checker)
	root  string // the $defs entry of the body
	defs  []checker.Def
}

var shapes = map[string]shape{
	"v1.0-policy":  {validateV1Policy, v1PolicyRoot, v1PolicyDefs},
	"v1.0-request": {validateV1Request, v1RequestRoot, v1RequestDefs},
	"beta-policy":  {validateBetaPolicy, betaPolicyRoot, betaPolicyDefs},
	"beta-request": {validateBetaRequest, betaRequestRoot, betaRequestDefs},
}

// Types returns a shape's object types as the generator read them from its
// schema: the $defs entry of the body, and every entry, sorted by name.
// The rules walk a body through them; nothing is decoded at run time.
func Types(api schemas.API, kind schemas.Kind) (root string, defs []checker.Def) {
	s := shapes[schemas.Name(api, kind)]
	return s.root, s.defs
}

var validated sync.Map // schema name -> true

// Validated lists the shapes this process has validated a body against,
// for tests that hold a run to the work it needs.
func Validated() []string {
	var out []string
	validated.Range(func(k, _ any) bool {
		out = append(out, k.(string))
		return true
	})
	sort.Strings(out)
	return out
}

// Validate checks a parsed body against the embedded schema of its shape:
// src is the text the parser read and nodes its node table; dups says the
// parser found a key twice in one object (the last one is validated).
func Validate(api schemas.API, kind schemas.Kind, src string, nodes []jsonparse.Node, dups bool) ([]finding.Finding, error) {
	name := schemas.Name(api, kind)
	s, ok := shapes[name]
	if !ok {
		return nil, fmt.Errorf("no embedded schema for %s", name)
	}
	if _, seen := validated.Load(name); !seen {
		validated.Store(name, true)
	}
	if len(nodes) == 0 {
		return nil, nil
	}
	c := checker.New(src, nodes, dups)
	s.check(c)
	if len(c.Out) == 0 {
		return nil, nil
	}
	return Findings(name, c, c.Out), nil
}

// Findings turns the violations of a body into findings. It is exported for
// the differential test, which feeds it the reference validator's
// violations too.
func Findings(shape string, c *checker.Checker, vs []checker.Violation) []finding.Finding {
	m := mapper{shape: shape, defs: shapes[shape].defs, c: c, seen: map[string]bool{}}
	m.walk(vs, false, -1)
	return m.out
}

type mapper struct {
	shape string // schemas.Name of the shape
	defs  []checker.Def
	c     *checker.Checker
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

// walk reports the violations. orNull is set below an anyOf at node at
// whose other branch allows null, so that type messages at that node can
// say so.
func (m *mapper) walk(vs []checker.Violation, orNull bool, at int32) {
	for _, v := range vs {
		if v.Keyword != checker.AnyOf {
			m.leaf(v, orNull && v.Node == at)
			continue
		}
		// A nullable reference is anyOf [ref, null]: the "want null" branch
		// is noise for any non-null value, so report the other branch only.
		null := orNull && v.Node == at
		var rest [][]checker.Violation
		for _, b := range v.Branches {
			if len(b) == 1 && b[0].Keyword == checker.Type && b[0].Node == v.Node && slices.Equal(b[0].Want, []string{"null"}) {
				null = true
				continue
			}
			rest = append(rest, b)
		}
		for _, b := range rest {
			m.walk(b, null, v.Node)
		}
	}
}

func (m *mapper) leaf(v checker.Violation, orNull bool) {
	loc := m.location(v.Node)
	ptr := pointer.Join("", loc...)
	name := describe(loc)
	typ := m.graphType(v.Schema)
	switch v.Keyword {
	case checker.AdditionalProperties:
		p := v.Name
		if note, ok := docsDeviation(m.shape, pointer.Join(ptr, p)); ok {
			m.addAt(finding.Warning, RuleUnknownProperty, pointer.Join(ptr, p), finding.Key, "`%s` is not a property of %s: %s", p, typ, note)
			return
		}
		msg := fmt.Sprintf("unknown property `%s` in %s", p, typ)
		if s := suggest.Closest(p, m.knownProperties(v.Schema)); s != "" {
			msg += fmt.Sprintf(": did you mean `%s`?", s)
		} else {
			msg += ": remove it (Graph rejects undeclared properties)"
		}
		m.add(RuleUnknownProperty, pointer.Join(ptr, p), finding.Key, "%s", msg)
	case checker.Required:
		if v.Node != 0 && m.isReference(v.Node) {
			// {"id": ...} points at an object that exists: Graph knows its
			// type and its required properties are not asked for (the docs
			// send `customExtension: {id}` and `assignmentPolicy: {id}`).
			return
		}
		if v.Name == "@odata.type" {
			m.add(RuleODataType, ptr, finding.Start, "%s needs `@odata.type` to say which %s it is: %s",
				name, typ, m.odataTypeHint(v.Schema, v.Node))
			return
		}
		m.add(RuleRequired, ptr, finding.Start, "%s lacks `%s`, which %s requires", name, v.Name, typ)
	case checker.Type:
		want := slices.DeleteFunc(slices.Clone(v.Want), func(w string) bool { return w == "null" })
		if orNull || len(want) < len(v.Want) {
			want = append(want, "null")
		}
		if lit, ok := m.quotedLiteral(v.Node, v.Want); ok {
			// Graph's own docs examples send "true" and "1" as strings
			// (v1.0 create-policy example 4): not a known rejection, so a
			// warning, but the type is what the metadata declares.
			m.addAt(finding.Warning, RuleType, ptr, finding.Value, "%s is the string %s: send %s without quotes (Graph types it as %s)",
				name, m.quote(v.Node), lit, strings.Join(want, " or "))
			return
		}
		m.add(RuleType, ptr, finding.Value, "%s must be %s, not %s", name, article(strings.Join(want, " or ")), article(checker.JSONType(m.c.Src, m.c.Nodes[v.Node])))
	case checker.Enum:
		m.enum(ptr, name, typ, v.Node, v.Want)
	case checker.Format:
		m.add(RuleFormat, ptr, finding.Value, "%s is %s, not %s", name, m.quote(v.Node), formatHint(v.Want[0]))
	case checker.Minimum:
		m.add(RuleRange, ptr, finding.Value, "%s is %s, below the minimum %s", name, numberString(m.c.Text(v.Node)), numberString(v.Want[0]))
	case checker.Maximum:
		m.add(RuleRange, ptr, finding.Value, "%s is %s, above the maximum %s", name, numberString(m.c.Text(v.Node)), numberString(v.Want[0]))
	default:
		m.add(RuleInvalid, ptr, finding.Value, "%s is invalid: it fails the schema's `%s` at %s", name, v.Keyword, v.Schema)
	}
}

// location is the path of node i from the root, as pointer tokens.
func (m *mapper) location(i int32) []string { return jsonparse.Path(m.c.Src, m.c.Nodes, i) }

func (m *mapper) enum(ptr, name, typ string, node int32, want []string) {
	odata := strings.HasSuffix(ptr, "/@odata.type")
	var allowed []string
	for _, w := range want {
		// The schemas also accept "microsoft.graph.x" without "#"; suggest
		// only the spelling OData specifies.
		if !(odata && !strings.HasPrefix(w, "#")) {
			allowed = append(allowed, w)
		}
	}
	got := m.quote(node)
	rule := RuleEnum
	if odata {
		rule = RuleODataType
		if len(allowed) == 1 {
			m.add(rule, ptr, finding.Value, "`@odata.type` is %s, but this object is %s: use %s or remove the annotation",
				got, article(typ), quote(allowed[0]))
			return
		}
	}
	if m.c.IsString(node) {
		s := m.c.Str(node)
		if hint := suggest.Closest(s, allowed); hint != "" {
			f := m.add(rule, ptr, finding.Value, "%s is %s: did you mean %s?", name, got, quote(hint))
			if f != nil && strings.EqualFold(s, hint) {
				// Only the letter case differs: the one safe, mechanical fix.
				f.Fix = &finding.Fix{Description: "use " + hint, Op: finding.FixReplace, Value: strconv.Quote(hint)}
			}
			return
		}
	}
	m.add(rule, ptr, finding.Value, "%s is %s, not an allowed value: use one of %s", name, got, list(allowed))
}

// defName extracts the $defs entry a schema location points into.
func defName(loc string) string {
	frag, _ := strings.CutPrefix(loc, "/$defs/")
	name, _, _ := strings.Cut(frag, "/")
	return strings.ReplaceAll(strings.ReplaceAll(name, "~1", "/"), "~0", "~")
}

func (m *mapper) def(name string) (checker.Def, bool) {
	return checker.FindDef(m.defs, name)
}

func (m *mapper) graphType(loc string) string {
	if d, _ := m.def(defName(loc)); d.GraphType != "" {
		return strings.TrimPrefix(d.GraphType, "microsoft.graph.")
	}
	return "this object"
}

func (m *mapper) knownProperties(loc string) []string {
	d, _ := m.def(defName(loc))
	return d.Properties
}

// odataTypeHint proposes the @odata.type for an object that lacks one: the
// concrete type whose properties cover the object's, if exactly one does,
// else the list of allowed values.
func (m *mapper) odataTypeHint(loc string, node int32) string {
	d, _ := m.def(defName(loc))
	var enum []string
	for _, s := range d.ODataTypes {
		if strings.HasPrefix(s, "#") {
			enum = append(enum, s)
		}
	}
	if len(enum) == 0 {
		return "add it"
	}
	var fits []string
	for _, odataType := range enum {
		sub, ok := m.def(strings.TrimPrefix(odataType, "#microsoft.graph."))
		if !ok || m.c.First(node) < 0 {
			continue
		}
		covers := true
		for k := m.c.First(node); k >= 0; k = m.c.Next(node, k) {
			if _, found := slices.BinarySearch(sub.Properties, m.c.Nodes[k].Key(m.c.Src)); !found {
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

// isReference reports whether node is {"id": ...}, optionally with its
// @odata.type: a reference to an object that already exists.
func (m *mapper) isReference(node int32) bool {
	if !m.c.IsObject(node) || !m.c.Has(node, "id") {
		return false
	}
	for k := m.c.First(node); k >= 0; k = m.c.Next(node, k) {
		if key := m.c.Nodes[k].Key(m.c.Src); key != "id" && key != "@odata.type" {
			return false
		}
	}
	return true
}

// quotedLiteral reports whether node is a string that spells a value of one
// of the wanted JSON types ("true", "1"), and returns that literal.
func (m *mapper) quotedLiteral(node int32, want []string) (string, bool) {
	if !m.c.IsString(node) {
		return "", false
	}
	s := m.c.Str(node)
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

// quote writes node's value for a message, compact, in backquotes.
func (m *mapper) quote(node int32) string {
	if m.c.IsString(node) {
		return quote(m.c.Str(node))
	}
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(m.c.Text(node))); err != nil {
		return "`" + m.c.Text(node) + "`"
	}
	return "`" + b.String() + "`"
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

// numberString writes a JSON number for a message: exactly when it is an
// integer of at most 64 bits, else in at most ten significant digits
// (1e1000000 must not print a million digits, nor make them).
func numberString(lit string) string {
	if i := strings.IndexAny(lit, "eE"); i >= 0 {
		if exp, err := strconv.Atoi(lit[i+1:]); err != nil || exp > 1000 || exp < -1000 {
			f, _, err := big.ParseFloat(lit, 10, 64, big.ToNearestEven)
			if err != nil {
				return lit
			}
			return f.Text('g', 10)
		}
	}
	r, ok := new(big.Rat).SetString(lit)
	if !ok {
		return lit
	}
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
