package rules

import (
	"testing"

	"github.com/tidwall/gjson"
)

// TestNodeGetMatchesGjson checks that a member looked up through the node
// table is the one rules.Get finds with gjson: the first of duplicated
// keys, keys with characters that gjson paths treat specially, keys written
// with escapes, and nothing on arrays, strings, numbers and null. A numeric
// key on an array is the one difference: gjson reads it as an index.
func TestNodeGetMatchesGjson(t *testing.T) {
	bodies := []string{
		`{"a": 1, "a": 2, "b": {"c": [1, {"d": null}], "c": "second"}}`,
		`{"@odata.type": "#x", "a.b": 1, "a": {"b": 2}, "*": 3, "?": 4, "#": 5, "|": 6, "0": 7, "": 8}`,
		`{"a\u002eb": "escaped", "caf\u00e9": "é", "q\"uote": "q", "back\\slash": "b"}`,
		`[{"a": 1}, [1, 2], "a", 3, null, true]`,
		`{"stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "u"}], "isEscalationEnabled": true}], "stages": []}`,
	}
	keys := []string{"a", "b", "c", "d", "a.b", "@odata.type", "*", "?", "#", "|", "0", "", "café", `q"uote`, `back\slash`, "stages", "primaryApprovers", "isEscalationEnabled", "missing", "A"}
	for _, body := range bodies {
		pass := NewPass(&Rule{}, V1Policy, gjson.Parse(body), nil)
		tr := pass.tree()
		if len(tr.nodes) == 0 {
			t.Fatalf("%s: not parsed", body)
		}
		for i := range tr.nodes {
			n := node{tr, int32(i)}
			v := n.Value()
			for _, k := range keys {
				got, want := n.Get(k), Get(v, k)
				if k == "0" && v.IsArray() {
					want = gjson.Result{}
				}
				if got.Exists() != want.Exists() || got.Raw != want.Raw || got.Type != want.Type || got.Str != want.Str {
					t.Errorf("%s: node %d (%s), key %q: node table gives %q, gjson %q", body, i, v.Raw, k, got.Raw, want.Raw)
				}
			}
		}
	}
}

func TestElementCount(t *testing.T) {
	for _, c := range []struct {
		body string
		n    int
		ok   bool
	}{
		{`{}`, 0, true},
		{`{"l": null}`, 0, true},
		{`{"l": []}`, 0, true},
		{`{"l": [null]}`, 0, true},
		{`{"l": [null, {}, [], 0, "", false]}`, 5, true},
		{`{"l": "x"}`, 0, false},
		{`{"l": {"a": 1}}`, 0, false},
	} {
		pass := NewPass(&Rule{}, V1Policy, gjson.Parse(c.body), nil)
		if n, ok := elementCount(pass.rootNode("l")); n != c.n || ok != c.ok {
			t.Errorf("%s: elementCount = %d, %v; want %d, %v", c.body, n, ok, c.n, c.ok)
		}
	}
}
