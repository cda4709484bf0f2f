package main

import (
	"strings"
	"testing"
)

const draft = `"$schema": "https://json-schema.org/draft/2020-12/schema"`

// The generator compiles what it supports and refuses, naming the place,
// any keyword, format or reference it would otherwise ignore: a check the
// schema asks for must never be dropped silently.
func TestGenerate(t *testing.T) {
	ok := `{` + draft + `, "$ref": "#/$defs/a", "$defs": {"a": {"type": "object", "required": ["n"],
		"properties": {"n": {"type": "integer", "minimum": 1, "maximum": 9}, "d": {"type": ["string", "null"], "format": "duration"},
		"e": {"enum": ["x", "y", null]}, "l": {"type": "array", "items": {"$ref": "#/$defs/a"}},
		"o": {"anyOf": [{"$ref": "#/$defs/a"}, {"type": "null"}]}}, "additionalProperties": false}}}`
	src, err := Generate("p", []Schema{{Name: "t", File: "t.json", Data: []byte(ok)}})
	if err != nil {
		t.Fatalf("a supported schema: %v", err)
	}
	for _, want := range []string{"func validateT(c *checker.Checker)", "checker.Duration", `c.Missing(i, "/$defs/a", "n")`, "c.Undeclared(", "c.Group("} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the generated code lacks %q", want)
		}
	}
	for _, c := range []struct{ schema, want string }{
		{`{` + draft + `, "type": "string", "pattern": "^a"}`, `keyword "pattern" is not supported`},
		{`{` + draft + `, "properties": {"a": {"type": "string", "format": "email"}}}`, `#/properties/a: format email is not supported`},
		{`{` + draft + `, "$ref": "other.json#/$defs/a"}`, `only references into the same document`},
		{`{` + draft + `, "enum": [1, 2]}`, `enum value 1 is neither a string nor null`},
		{`{` + draft + `, "type": "text"}`, `unknown type "text"`},
		{`{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object"}`, `draft 2020-12 only`},
		{`{` + draft + `, "$ref": "#/$defs/missing", "$defs": {}}`, `no schema at`},
		{`{` + draft + `, "then": {"type": "string"}}`, `then/else without if`},
	} {
		_, err := Generate("p", []Schema{{Name: "t", File: "t.json", Data: []byte(c.schema)}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.schema, err, c.want)
		}
	}
}
