// Package schemas embeds the JSON Schemas (draft 2020-12) of the four Graph
// entitlement-management request bodies emlint checks. The files are
// generated from reference/ by ./gen; edit the generator, not the files.
// internal/validate/gen then compiles them into Go validators
// (internal/validate/schemas_gen.go).
package schemas

//go:generate go run ./gen
//go:generate go run ../internal/validate/gen -pkg validate -out ../internal/validate/schemas_gen.go v1Policy=v1.0-policy.schema.json v1Request=v1.0-request.schema.json betaPolicy=beta-policy.schema.json betaRequest=beta-request.schema.json

import (
	"embed"
	"sync"

	"github.com/emlint/emlint/internal/jsonparse"
)

//go:embed *.schema.json vocabulary.json
var files embed.FS

// baseURL prefixes every $id (kept equal to gen.BaseURL; the tests check it).
const baseURL = "https://github.com/emlint/emlint/schemas/"

// Shape names one of the four payload shapes.
type API string  // "beta" | "v1.0"
type Kind string // "policy" | "request"

const (
	Beta    API  = "beta"
	V1      API  = "v1.0"
	Policy  Kind = "policy"
	Request Kind = "request"
)

var (
	apis  = []API{Beta, V1}
	kinds = []Kind{Policy, Request}
)

func known(api API, kind Kind) bool {
	return (api == Beta || api == V1) && (kind == Policy || kind == Request)
}

// Name is the schema's file name without ".schema.json", e.g. "v1.0-policy".
func Name(api API, kind Kind) string { return string(api) + "-" + string(kind) }

// URL is the schema's $id, or "" for an unknown shape.
func URL(api API, kind Kind) string {
	if !known(api, kind) {
		return ""
	}
	return baseURL + Name(api, kind) + ".schema.json"
}

// Bytes returns a copy of the embedded schema, or nil for an unknown shape.
func Bytes(api API, kind Kind) []byte {
	if !known(api, kind) {
		return nil
	}
	b, err := files.ReadFile(Name(api, kind) + ".schema.json")
	if err != nil {
		return nil
	}
	return b
}

// ByURL returns the embedded schema whose $id is url. A jsonschema loader
// should serve only these and refuse everything else, so that a $ref can
// never make the linter read files or the network.
func ByURL(url string) ([]byte, bool) {
	api, kind, ok := shapeOf(url)
	if !ok {
		return nil, false
	}
	return Bytes(api, kind), true
}

// shapeOf returns the shape whose schema's $id is url.
func shapeOf(url string) (API, Kind, bool) {
	for _, api := range apis {
		for _, kind := range kinds {
			if url == URL(api, kind) {
				return api, kind, true
			}
		}
	}
	return "", "", false
}

// Vocabulary is what shape detection compares a body's property names
// with: the properties of the shape's root type (Properties) and of the
// object type each root property holds (Children). It is generated from the
// schemas into vocabulary.json, so that detecting a body's API version
// does not decode both versions' schemas.
type Vocabulary struct {
	Properties []string            `json:"properties"`
	Children   map[string][]string `json:"children"`
}

var vocabularies = sync.OnceValue(func() map[string]Vocabulary {
	b, err := files.ReadFile("vocabulary.json")
	if err != nil {
		panic("schemas: " + err.Error())
	}
	doc, ok := decode(b).(map[string]any)
	if !ok {
		panic("schemas: embedded vocabulary.json is not a JSON object")
	}
	v := map[string]Vocabulary{}
	for name, raw := range doc {
		m, _ := raw.(map[string]any)
		voc := Vocabulary{Properties: stringList(m["properties"]), Children: map[string][]string{}}
		children, _ := m["children"].(map[string]any)
		for k, c := range children {
			voc.Children[k] = stringList(c)
		}
		v[name] = voc
	}
	return v
})

// stringList reads a JSON array of strings.
func stringList(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, e := range list {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// decode reads an embedded JSON document with emlint's own parser: at
// start-up, encoding/json's first use costs milliseconds of reflection
// that a one-file run would pay for nothing.
func decode(b []byte) any {
	r, err := jsonparse.Parse(b)
	if err != nil {
		panic("schemas: an embedded document is not valid JSON: " + err.Error())
	}
	return r.Tree()
}

// VocabularyOf returns a shape's Vocabulary; it is empty for an unknown shape.
func VocabularyOf(api API, kind Kind) Vocabulary {
	return vocabularies()[Name(api, kind)]
}
