package rules

import (
	"strings"
	"sync"

	"github.com/emlint/emlint/schemas"
	"github.com/tidwall/gjson"
)

// schType is what the rules need to know about one object type of a shape's
// embedded JSON Schema: its declared properties, or, for an abstract type,
// the concrete types its @odata.type picks.
type schType struct {
	graph   string              // x-graph-type, e.g. "microsoft.graph.singleUser"
	props   map[string]*schProp // nil when the schema leaves the shape open
	folded  map[string]string   // lower-cased name -> declared name
	derived map[string]*schType // lower-cased @odata.type without "#" -> type
	untyped *schType            // the type of an object without @odata.type
}

// schProp is one declared property.
type schProp struct {
	readOnly bool // the docs or metadata call it read-only
	accepted bool // x-accepted-in-request-body: a documented request input all the same
	value    *schType
}

var (
	schRoots sync.Map // Shape -> *schRootOnce
)

type schRootOnce struct {
	once sync.Once
	t    *schType
}

// schRoot returns the type of a shape's body, built once from the embedded
// schemas. A shape whose schema cannot be read has no type (nil), and the
// rules that need one stay quiet.
func schRoot(s Shape) *schType {
	// Per shape, on first use: a one-file run reads one schema, not four.
	v, _ := schRoots.LoadOrStore(s, &schRootOnce{})
	r := v.(*schRootOnce)
	r.once.Do(func() { r.t = schBuild(schemas.Doc(s.API, s.Kind)) })
	return r.t
}

// schBuilder turns one schema document into types, following $ref, anyOf
// (every anyOf in these schemas is "a type or null"), items and the
// if/then dispatch on @odata.type that the .derived definitions use.
type schBuilder struct {
	defs map[string]map[string]any
	done map[string]*schType
}

func schBuild(root map[string]any) *schType {
	if root == nil {
		return nil
	}
	b := schBuilder{defs: map[string]map[string]any{}, done: map[string]*schType{}}
	if defs, ok := root["$defs"].(map[string]any); ok {
		for name, d := range defs {
			if m, ok := d.(map[string]any); ok {
				b.defs[name] = m
			}
		}
	}
	return b.valueType(root)
}

// valueType is the object type a value of schema s has (for an array, the
// type of its items), or nil for scalars and open objects.
func (b *schBuilder) valueType(s map[string]any) *schType {
	if ref, ok := s["$ref"].(string); ok {
		name, found := strings.CutPrefix(ref, "#/$defs/")
		if !found {
			return nil
		}
		return b.def(name)
	}
	if branches, ok := s["anyOf"].([]any); ok {
		for _, br := range branches {
			if m, ok := br.(map[string]any); ok {
				if t := b.valueType(m); t != nil {
					return t
				}
			}
		}
		return nil
	}
	if items, ok := s["items"].(map[string]any); ok {
		return b.valueType(items)
	}
	if _, ok := s["properties"]; ok {
		return b.object("", s)
	}
	return nil
}

func (b *schBuilder) def(name string) *schType {
	if t, ok := b.done[name]; ok {
		return t
	}
	s, ok := b.defs[name]
	if !ok {
		return nil
	}
	return b.object(name, s)
}

func (b *schBuilder) object(name string, s map[string]any) *schType {
	t := &schType{}
	t.graph, _ = s["x-graph-type"].(string)
	if name != "" {
		b.done[name] = t // before recursing: types refer to each other
	}
	for branch := s; branch != nil; branch, _ = branch["else"].(map[string]any) {
		b.dispatch(t, branch)
	}
	props, _ := s["properties"].(map[string]any)
	if props == nil {
		return t
	}
	t.props = map[string]*schProp{}
	t.folded = map[string]string{}
	for key, raw := range props {
		ps, _ := raw.(map[string]any)
		p := &schProp{}
		p.readOnly, _ = ps["readOnly"].(bool)
		p.accepted, _ = ps["x-accepted-in-request-body"].(bool)
		p.value = b.valueType(ps)
		t.props[key] = p
		t.folded[strings.ToLower(key)] = key
	}
	return t
}

// dispatch reads one link of the if/then/else chain of a .derived
// definition:
// {"if": {"properties": {"@odata.type": {"enum": [...]}}}, "then": {"$ref": ...}}
// or {"if": {"not": {"required": ["@odata.type"]}}, "then": ...}.
func (b *schBuilder) dispatch(t *schType, x any) {
	m, _ := x.(map[string]any)
	cond, _ := m["if"].(map[string]any)
	then, _ := m["then"].(map[string]any)
	if cond == nil || then == nil {
		return
	}
	target := b.valueType(then)
	if target == nil {
		return
	}
	if not, ok := cond["not"].(map[string]any); ok {
		if req, _ := not["required"].([]any); len(req) == 1 && req[0] == "@odata.type" {
			t.untyped = target
		}
		return
	}
	props, _ := cond["properties"].(map[string]any)
	odata, _ := props["@odata.type"].(map[string]any)
	values, _ := odata["enum"].([]any)
	for _, v := range values {
		if s, ok := v.(string); ok {
			if t.derived == nil {
				t.derived = map[string]*schType{}
			}
			t.derived[schTypeKey(s)] = target
		}
	}
}

// schTypeKey normalises an @odata.type value for lookup: the schemas accept
// it with and without "#", and letter case is another rule's business.
func schTypeKey(s string) string {
	return strings.ToLower(strings.TrimPrefix(s, "#"))
}

// concrete returns the type that applies to an object whose @odata.type
// member is odata: the subtype it names for an abstract type, or nil when
// that cannot be told (no or unknown @odata.type: the schema reports it)
// or the type is open.
func (t *schType) concrete(odata gjson.Result) *schType {
	if t == nil {
		return nil
	}
	if t.derived != nil || t.untyped != nil {
		var sub *schType
		if odata.Type == gjson.String {
			sub = t.derived[schTypeKey(odata.Str)]
		}
		switch {
		case sub != nil:
			t = sub
		case !odata.Exists() && t.untyped != nil:
			t = t.untyped
		default:
			return nil
		}
	}
	if t.props == nil {
		return nil
	}
	return t
}

// is reports whether the type is the Graph type name, e.g. "expirationPattern".
func (t *schType) is(name string) bool {
	return t != nil && t.graph == "microsoft.graph."+name
}

// schWalk calls visit for every object of the body whose type the schema
// gives, with the object's node (pass.pointerOf gives its pointer, when a
// finding needs one), descending through declared
// properties only: what Graph would bind. With fold, it also descends
// through keys that match a declared property in another letter case, so
// that a body written in PascalCase is checked all the way down.
func schWalk(pass *Pass, fold bool, visit func(t *schType, obj int32)) {
	// One walk per body, shared by the rules that need it; the nodes reached
	// only through a key in the wrong letter case are kept apart.
	tr := pass.tree()
	nodes := pass.memoize("schWalk", func() any {
		var nodes []schNode
		if len(tr.nodes) > 0 {
			schWalkNode(tr, schRoot(pass.Shape), 0, true, false, func(t *schType, obj int32, viaFold bool) {
				nodes = append(nodes, schNode{t, obj, viaFold})
			})
		}
		return nodes
	}).([]schNode)
	for _, n := range nodes {
		if fold || !n.viaFold {
			visit(n.t, n.obj)
		}
	}
}

// schNode is an object of the body with its declared type.
type schNode struct {
	t       *schType
	obj     int32
	viaFold bool // reached through a key that matches a property only in another letter case
}

func schWalkNode(tr *tree, t *schType, i int32, fold, viaFold bool, visit func(*schType, int32, bool)) {
	if t == nil {
		return
	}
	switch {
	case tr.isArray(i):
		for c := range tr.children(i) {
			schWalkNode(tr, t, c, fold, viaFold, visit)
		}
	case tr.isObject(i):
		var odata gjson.Result
		if c, ok := tr.get(i, "@odata.type"); ok {
			odata = tr.value(c)
		}
		c := t.concrete(odata)
		if c == nil {
			return
		}
		visit(c, i, viaFold)
		for m := range tr.children(i) {
			key := tr.nodes[m].Key
			p, folded := c.props[key], false
			if p == nil && fold {
				p, folded = c.props[c.folded[strings.ToLower(key)]], true
			}
			if p != nil && p.value != nil {
				schWalkNode(tr, p.value, m, fold, viaFold || folded, visit)
			}
		}
	}
}
