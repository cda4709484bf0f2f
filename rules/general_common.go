package rules

import (
	"strings"
	"sync"

	"github.com/emlint/emlint/internal/validate"
	"github.com/emlint/emlint/internal/validate/checker"
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

// schRoot returns the type of a shape's body, built once from the table
// the schema generator wrote (validate.Types): nothing is decoded at run
// time. A shape without a table has no type (nil), and the rules that need
// one stay quiet.
func schRoot(s Shape) *schType {
	// Per shape, on first use: a one-file run builds one table, not four.
	v, _ := schRoots.LoadOrStore(s, &schRootOnce{})
	r := v.(*schRootOnce)
	r.once.Do(func() {
		root, defs := validate.Types(s.API, s.Kind)
		b := schBuilder{defs: defs, done: map[string]*schType{}}
		r.t = b.def(root)
	})
	return r.t
}

// schBuilder turns a schema's $defs table into linked types.
type schBuilder struct {
	defs []checker.Def
	done map[string]*schType
}

func (b *schBuilder) def(name string) *schType {
	if name == "" {
		return nil
	}
	if t, ok := b.done[name]; ok {
		return t
	}
	d, ok := checker.FindDef(b.defs, name)
	if !ok {
		return nil
	}
	t := &schType{graph: d.GraphType}
	b.done[name] = t // before recursing: types refer to each other
	if d.Untyped != "" {
		t.untyped = b.def(d.Untyped)
	}
	for _, x := range d.Derived {
		if t.derived == nil {
			t.derived = map[string]*schType{}
		}
		t.derived[schTypeKey(x.ODataType)] = b.def(x.Def)
	}
	if d.Open {
		return t
	}
	t.props = make(map[string]*schProp, len(d.Properties))
	t.folded = make(map[string]string, len(d.Properties))
	for i, key := range d.Properties {
		p := d.Props[i]
		t.props[key] = &schProp{readOnly: p.ReadOnly, accepted: p.Accepted, value: b.def(p.Type)}
		t.folded[strings.ToLower(key)] = key
	}
	return t
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
	const ns = "microsoft.graph."
	return t != nil && len(t.graph) == len(ns)+len(name) && strings.HasPrefix(t.graph, ns) && t.graph[len(ns):] == name
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
			key := tr.nodes[m].Key(tr.src)
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
