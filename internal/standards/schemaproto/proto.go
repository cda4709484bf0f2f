// Package schemaproto is the protocol between emlint and emlint-schema,
// the program that validates bodies against the JSON Schemas teams bring
// as standards: one JSON Request per line on emlint-schema's standard
// input, one JSON Response per line on its standard output.
package schemaproto

// Request asks to validate one body against one schema file.
type Request struct {
	Schema string `json:"schema"` // absolute path of the schema file
	Root   string `json:"root"`   // the directory no schema may be read outside of
	Body   string `json:"body"`   // the body's JSON text
}

// Response is the violations found, or why the schema could not be used.
type Response struct {
	Violations []Violation `json:"violations"`
	Error      string      `json:"error,omitempty"`
}

// Violation is one value that breaks the schema, with the message the
// schema gives for it.
type Violation struct {
	Pointer string `json:"pointer"`
	Message string `json:"message"`
}
