package rules

import (
	"iter"

	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/tidwall/gjson"
)

// tree is the body's values as the parser listed them, over the body's
// text. The whole-body walks go through it: a gjson walk scans each nested
// value again at every level above it and allocates as it goes, which made
// these walks most of the rules' time.
type tree struct {
	src   string // the text the node spans are offsets into
	nodes []jsonparse.Node
}

// tree returns the body's node table, parsing Root for passes that were
// not handed one (tests, tools that lint a gjson value).
func (p *Pass) tree() *tree {
	if p.tr == nil {
		p.tr = p.memoize("tree", func() any {
			t := &tree{src: p.Root.Raw}
			if r, err := jsonparse.Parse([]byte(p.Root.Raw)); err == nil {
				t.nodes = r.Nodes
			}
			return t
		}).(*tree)
	}
	return p.tr
}

func (t *tree) value(i int32) gjson.Result {
	n := t.nodes[i]
	return gjson.Parse(t.src[n.Start:n.End])
}

func (t *tree) isObject(i int32) bool { return t.src[t.nodes[i].Start] == '{' }
func (t *tree) isArray(i int32) bool  { return t.src[t.nodes[i].Start] == '[' }
func (t *tree) isNull(i int32) bool   { return t.src[t.nodes[i].Start] == 'n' }

// children yields the members of an object or the elements of an array.
func (t *tree) children(i int32) iter.Seq[int32] {
	return func(yield func(int32) bool) {
		for c := i + 1; c <= t.nodes[i].Last; c = t.nodes[c].Last + 1 {
			if !yield(c) {
				return
			}
		}
	}
}

// get returns the first member named key of object i, as gjson's Get does.
func (t *tree) get(i int32, key string) (int32, bool) {
	for c := range t.children(i) {
		if t.nodes[c].Key(t.src) == key && t.nodes[c].Elem < 0 {
			return c, true
		}
	}
	return 0, false
}

// holder returns the key under which node i's enclosing object sits,
// through arrays; "" when it sits at the root.
func (t *tree) holder(i int32) string {
	c := t.nodes[i].Parent
	for c > 0 && t.nodes[c].Elem >= 0 {
		c = t.nodes[c].Parent
	}
	if c <= 0 {
		return ""
	}
	return t.nodes[c].Key(t.src)
}

// Member is one member of an object anywhere in the body.
type Member struct {
	Key    string
	Holder string // the key under which the member's object sits (through arrays); "" at the root
	t      *tree
	node   int32
}

// Ptr is the member's JSON Pointer. It is built on demand: most members
// are looked at and passed over.
func (m Member) Ptr() string { return jsonparse.Pointer(m.t.src, m.t.nodes, m.node) }

// Value is the member's value.
func (m Member) Value() gjson.Result { return m.t.value(m.node) }

// Parent is the object that has the member.
func (m Member) Parent() gjson.Result { return m.t.value(m.t.nodes[m.node].Parent) }

// Members yields every member of every object of the body in document
// order, for the rules that look at all members (ids, @odata.type).
func (p *Pass) Members() iter.Seq[Member] {
	t := p.tree()
	return func(yield func(Member) bool) {
		for i := int32(1); i < int32(len(t.nodes)); i++ {
			n := &t.nodes[i]
			if n.Elem >= 0 {
				continue
			}
			if !yield(Member{Key: n.Key(t.src), Holder: t.holder(i), t: t, node: i}) {
				return
			}
		}
	}
}

// node is a value of the body by its place in the node table, or no value
// (i < 0). Helpers hand it out for the objects that several rules read
// member by member (the approval settings and their stages, questions): a
// member is found by hopping over the object's members in the table, where
// gjson would re-scan the object's text, nested values included, on every
// lookup.
type node struct {
	t *tree
	i int32
}

// root is the body's value.
func (p *Pass) root() node {
	t := p.tree()
	if len(t.nodes) == 0 {
		return node{t, -1}
	}
	return node{t, 0}
}

// rootNode is the root's member key. Rules look up the same few root
// members over and over, so the members are listed once per body and
// shared by the passes.
func (p *Pass) rootNode(key string) node {
	t := p.tree()
	members := p.memoize("root", func() any {
		m := map[string]int32{}
		if len(t.nodes) > 0 && t.isObject(0) {
			for c := range t.children(0) {
				if _, dup := m[t.nodes[c].Key(t.src)]; !dup { // the first, as gjson's Get finds it
					m[t.nodes[c].Key(t.src)] = c
				}
			}
		}
		return m
	}).(map[string]int32)
	if c, ok := members[key]; ok {
		return node{t, c}
	}
	return node{t, -1}
}

func (n node) Exists() bool   { return n.i >= 0 }
func (n node) IsObject() bool { return n.i >= 0 && n.t.isObject(n.i) }
func (n node) IsArray() bool  { return n.i >= 0 && n.t.isArray(n.i) }
func (n node) IsNull() bool   { return n.i >= 0 && n.t.isNull(n.i) }

// Value is the node's value for gjson queries; no value when there is none.
func (n node) Value() gjson.Result {
	if n.i < 0 {
		return gjson.Result{}
	}
	return n.t.value(n.i)
}

// Member is member key of an object: the first with that key, and none
// when n is not an object, as gjson's Get finds it. (Unlike gjson, it does
// not read a numeric key as an array index: callers look up member names.)
func (n node) Member(key string) node {
	if n.i >= 0 {
		if c, ok := n.t.get(n.i, key); ok {
			return node{n.t, c}
		}
	}
	return node{n.t, -1}
}

// Get is member key's value: what Get(n.Value(), key) returns, without
// scanning the object's text.
func (n node) Get(key string) gjson.Result { return n.Member(key).Value() }

// Keys yields the keys of an object's members; nothing for any other value.
func (n node) Keys() iter.Seq[string] {
	return func(yield func(string) bool) {
		if !n.IsObject() {
			return
		}
		for c := range n.t.children(n.i) {
			if !yield(n.t.nodes[c].Key(n.t.src)) {
				return
			}
		}
	}
}

// Elems yields the elements of an array with their positions; nothing for
// any other value.
func (n node) Elems() iter.Seq2[int, node] {
	return func(yield func(int, node) bool) {
		if !n.IsArray() {
			return
		}
		for c := range n.t.children(n.i) {
			if !yield(int(n.t.nodes[c].Elem), node{n.t, c}) {
				return
			}
		}
	}
}

// pointerOf is the JSON Pointer of node i, built when a finding needs it.
func (p *Pass) pointerOf(i int32) string { return jsonparse.Pointer(p.tree().src, p.tree().nodes, i) }
