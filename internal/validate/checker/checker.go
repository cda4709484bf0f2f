// Package checker is what the validators generated from emlint's JSON
// Schemas (internal/validate/gen) run on: the parser's node table, read in
// place, and the violations they record. A generated validator is one Go
// function per subschema that checks a value of the node table directly, as
// ajv's standalone mode does for JavaScript: nothing is compiled when the
// process starts, and a valid value costs no allocation.
//
// The semantics are those of github.com/santhosh-tekuri/jsonschema/v6, the
// reference validator, for the keywords the generator supports: the first of
// type, enum and format that fails ends the checks of its subschema; $ref,
// required, properties, additionalProperties, items, minimum and maximum
// report independently; not, anyOf and if/then/else come last. The tests of
// internal/validate hold the generated code to the library, value by value.
package checker

import (
	"slices"
	"strings"

	"github.com/emlint/emlint/internal/jsonparse"
)

// Keyword names the schema keyword a violation is about, as JSON Schema
// spells it.
type Keyword string

const (
	Type                 Keyword = "type"
	Enum                 Keyword = "enum"
	Format               Keyword = "format"
	Required             Keyword = "required"
	AdditionalProperties Keyword = "additionalProperties"
	Minimum              Keyword = "minimum"
	Maximum              Keyword = "maximum"
	Not                  Keyword = "not"
	AnyOf                Keyword = "anyOf"
	False                Keyword = "false" // the schema `false`
)

// Violation is one keyword that a value fails.
type Violation struct {
	Node    int32   // the value; for required and additionalProperties, the object
	Keyword Keyword //
	Schema  string  // the subschema holding the keyword, as a JSON Pointer into its document ("/$defs/x")
	Name    string  // required: the missing property; additionalProperties: the undeclared key
	Want    []string
	// Want is the allowed JSON types (type), the allowed strings (enum; the
	// generator allows null besides, and no other values), the format's
	// name (format) or the bound as the schema writes it (minimum, maximum).
	Branches [][]Violation // anyOf: each branch's violations, in the schema's order
}

// Checker holds one document's node table and collects its violations.
type Checker struct {
	Src   string           // the document's text, which the nodes' offsets index
	Nodes []jsonparse.Node // the parser's node table
	Out   []Violation
	dups  bool // some object repeats a key; its earlier members are not validated
}

// New prepares a check of the document src, parsed into nodes. dups says
// whether the parser found a key twice in one object.
func New(src string, nodes []jsonparse.Node, dups bool) *Checker {
	return &Checker{Src: src, Nodes: nodes, dups: dups}
}

// Fail records that node i fails keyword kw of the subschema at schema.
func (c *Checker) Fail(i int32, kw Keyword, schema string, want []string) {
	c.Out = append(c.Out, Violation{Node: i, Keyword: kw, Schema: schema, Want: want})
}

// Missing records that object i lacks the required property name.
func (c *Checker) Missing(i int32, schema, name string) {
	c.Out = append(c.Out, Violation{Node: i, Keyword: Required, Schema: schema, Name: name})
}

// Undeclared records that member m of object i is not a declared property.
func (c *Checker) Undeclared(i int32, schema string, m int32) {
	c.Out = append(c.Out, Violation{Node: i, Keyword: AdditionalProperties, Schema: schema, Name: c.Nodes[m].Key(c.Src)})
}

// Mark returns the number of violations recorded so far, for Reset and
// AnyOf.
func (c *Checker) Mark() int { return len(c.Out) }

// Reset forgets the violations recorded after mark: a branch that is only
// tested (an if, a not) or a failed anyOf branch when another passes.
func (c *Checker) Reset(mark int) { c.Out = c.Out[:mark] }

// Group replaces the violations recorded since marks[0] by one anyOf
// violation at node i whose branches are the runs between the marks (the
// last run ends at the end of Out).
func (c *Checker) Group(i int32, schema string, marks ...int) {
	branches := make([][]Violation, len(marks))
	for k, m := range marks {
		end := len(c.Out)
		if k+1 < len(marks) {
			end = marks[k+1]
		}
		branches[k] = append([]Violation(nil), c.Out[m:end]...)
	}
	c.Out = append(c.Out[:marks[0]], Violation{Node: i, Keyword: AnyOf, Schema: schema, Branches: branches})
}

func (c *Checker) first(i int32) byte { return c.Src[c.Nodes[i].Start] }

func (c *Checker) IsObject(i int32) bool { return c.first(i) == '{' }
func (c *Checker) IsArray(i int32) bool  { return c.first(i) == '[' }
func (c *Checker) IsString(i int32) bool { return c.first(i) == '"' }
func (c *Checker) IsBool(i int32) bool   { b := c.first(i); return b == 't' || b == 'f' }
func (c *Checker) IsNull(i int32) bool   { return c.first(i) == 'n' }
func (c *Checker) IsNumber(i int32) bool { b := c.first(i); return b == '-' || (b >= '0' && b <= '9') }

// IsInteger reports whether node i is a number with an integral value
// (1, 1.0 and 1e2 are; JSON Schema types values, not spellings).
func (c *Checker) IsInteger(i int32) bool {
	return c.IsNumber(i) && Integral(c.Text(i))
}

// Text is node i's JSON text.
func (c *Checker) Text(i int32) string { return c.Src[c.Nodes[i].Start:c.Nodes[i].End] }

// Str is the value of string node i. A string without escapes is a slice of
// the text, so reading it allocates nothing.
func (c *Checker) Str(i int32) string {
	s, _ := c.Nodes[i].String(c.Src)
	return s
}

// First returns the first member or element of container i, or -1.
func (c *Checker) First(i int32) int32 {
	if c.Nodes[i].Last == i {
		return -1
	}
	return i + 1
}

// Next returns the member or element of container i after m, or -1.
func (c *Checker) Next(i, m int32) int32 {
	if n := c.Nodes[m].Last + 1; n <= c.Nodes[i].Last {
		return n
	}
	return -1
}

// Shadowed reports whether member m of object i is hidden by a later member
// with the same key: the decoded value keeps the last, as every JSON decoder
// the reference validator is given does, so only the last is validated.
func (c *Checker) Shadowed(i, m int32) bool {
	if !c.dups {
		return false
	}
	key := c.Nodes[m].Key(c.Src)
	for n := c.Next(i, m); n >= 0; n = c.Next(i, n) {
		if c.Nodes[n].Key(c.Src) == key {
			return true
		}
	}
	return false
}

// Has reports whether object i has a member named key. Unlike Get it
// stops at the first: required is tested for every object of a body.
func (c *Checker) Has(i int32, key string) bool {
	for m := c.First(i); m >= 0; m = c.Next(i, m) {
		if c.Nodes[m].Key(c.Src) == key {
			return true
		}
	}
	return false
}

// Get returns the member of object i named key (the last, if it repeats).
func (c *Checker) Get(i int32, key string) (int32, bool) {
	return jsonparse.Member(c.Src, c.Nodes, i, key)
}

// MemberIn reports whether object i has a member key whose value (the
// last, if key repeats) is a string enum accepts, or null when null is
// true: the test of an if schema that dispatches on @odata.type.
func (c *Checker) MemberIn(i int32, key string, enum func(string) bool, null bool) bool {
	m, ok := c.Get(i, key)
	if !ok {
		return false
	}
	return (null && c.IsNull(m)) || (c.IsString(m) && enum(c.Str(m)))
}

// JSONType names node i's JSON type as JSON Schema does; a number is
// "number" whatever its value.
func JSONType(src string, n jsonparse.Node) string {
	switch b := src[n.Start]; {
	case b == '{':
		return "object"
	case b == '[':
		return "array"
	case b == '"':
		return "string"
	case b == 't' || b == 'f':
		return "boolean"
	case b == 'n':
		return "null"
	}
	return "number"
}

// Def describes one $defs entry of a schema, for messages and the rules.
type Def struct {
	Name       string   // the $defs key
	GraphType  string   // x-graph-type: microsoft.graph.singleUser
	Properties []string // declared property names, sorted
	Props      []Prop   // what each of Properties is, in the same order
	Open       bool     // no properties keyword: the shape is left open
	ODataTypes []string // the values its @odata.type property allows
	// An abstract type's definition picks a concrete one: by @odata.type
	// (Derived), or for an object without it (Untyped).
	Derived []Derived
	Untyped string
}

// Prop is one declared property of a Def.
type Prop struct {
	ReadOnly   bool   // readOnly: Graph sets it
	Accepted   bool   // x-accepted-in-request-body: a documented request input all the same
	Undeclared bool   // x-declared-in-metadata: false: the SDK's models do not declare it
	Type       string // the $defs entry of the object type its value holds (through $ref, anyOf, items), or ""
}

// Derived is one @odata.type value of an abstract type and the $defs entry it picks.
type Derived struct{ ODataType, Def string }

// FindDef returns the entry named name of defs, which is sorted by name.
func FindDef(defs []Def, name string) (Def, bool) {
	i, ok := slices.BinarySearchFunc(defs, name, func(d Def, n string) int { return strings.Compare(d.Name, n) })
	if !ok {
		return Def{}, false
	}
	return defs[i], true
}

// Types is a set of JSON types, for Leaf.
type Types uint8

const (
	TObject Types = 1 << iota
	TArray
	TString
	TNumber
	TInteger
	TBoolean
	TNull
)

// Leaf is a subschema that checks a value alone: type, enum, format and
// range. The generator writes one per use as static data; checking through
// it keeps the generated code small.
type Leaf struct {
	Schema   string   // the subschema's location
	Types    Types    // 0: any type
	TypeWant []string // the wanted types, for the violation
	Enum     func(string) bool
	Null     bool // the enum allows null besides its strings
	EnumWant []string
	Format   func(string) bool
	FormWant []string // the format's name
	Min, Max string   // the bounds as the schema writes them; "" for none
}

// Leaf checks node i against l. The first of type, enum and format that
// fails ends the checks of the subschema, as in the reference validator:
// Leaf then returns false. The bounds are checked when all three pass.
func (c *Checker) Leaf(i int32, l *Leaf) bool {
	if l.Types != 0 && !c.is(i, l.Types) {
		c.Fail(i, Type, l.Schema, l.TypeWant)
		return false
	}
	if l.Enum != nil && !(l.Null && c.IsNull(i)) && !(c.IsString(i) && l.Enum(c.Str(i))) {
		c.Fail(i, Enum, l.Schema, l.EnumWant)
		return false
	}
	if l.Format != nil && c.IsString(i) && !l.Format(c.Str(i)) {
		c.Fail(i, Format, l.Schema, l.FormWant)
		return false
	}
	if (l.Min != "" || l.Max != "") && c.IsNumber(i) {
		if l.Min != "" && Compare(c.Text(i), l.Min) < 0 {
			c.Fail(i, Minimum, l.Schema, []string{l.Min})
		}
		if l.Max != "" && Compare(c.Text(i), l.Max) > 0 {
			c.Fail(i, Maximum, l.Schema, []string{l.Max})
		}
	}
	return true
}

// is reports whether node i has one of the types.
func (c *Checker) is(i int32, t Types) bool {
	switch b := c.first(i); {
	case b == '{':
		return t&TObject != 0
	case b == '[':
		return t&TArray != 0
	case b == '"':
		return t&TString != 0
	case b == 't' || b == 'f':
		return t&TBoolean != 0
	case b == 'n':
		return t&TNull != 0
	}
	return t&TNumber != 0 || (t&TInteger != 0 && Integral(c.Text(i)))
}
