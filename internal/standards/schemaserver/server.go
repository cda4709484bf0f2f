// Package schemaserver validates bodies against the JSON Schemas teams
// bring as standards (`standards: [{schema: file}]`), with
// github.com/santhosh-tekuri/jsonschema/v6. It runs in its own small
// program, cmd/emlint-schema, which emlint starts only when a run has such
// a standard: linking the library into emlint itself would cost every
// process its package initialisation (milliseconds), configured or not.
//
// The protocol is internal/standards/schemaproto's.
package schemaserver

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/emlint/emlint/internal/load"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/emlint/emlint/internal/standards/schemaproto"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

type (
	Request   = schemaproto.Request
	Response  = schemaproto.Response
	Violation = schemaproto.Violation
)

// Serve answers requests until in ends.
func Serve(in io.Reader, out io.Writer) error {
	s := &server{compiled: map[string]*compiled{}, docs: map[string]any{}}
	r := bufio.NewReader(in)
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	for {
		line, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var req Request
			resp := Response{Violations: []Violation{}}
			if jerr := json.Unmarshal(line, &req); jerr != nil {
				resp.Error = "a request that is not JSON: " + jerr.Error()
			} else {
				resp = s.validate(req)
			}
			if err := enc.Encode(resp); err != nil {
				return err
			}
			if err := w.Flush(); err != nil {
				return err
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

type server struct {
	compiled map[string]*compiled
	docs     map[string]any // schema documents by URL, for messages
}

type compiled struct {
	schema *jsonschema.Schema
	err    error
}

func (s *server) validate(req Request) Response {
	resp := Response{Violations: []Violation{}}
	c := s.compile(req.Schema, req.Root)
	if c.err != nil {
		resp.Error = c.err.Error()
		return resp
	}
	body, err := jsonschema.UnmarshalJSON(strings.NewReader(req.Body))
	if err != nil {
		resp.Error = "the body is not JSON: " + err.Error()
		return resp
	}
	err = c.schema.Validate(body)
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		return resp
	}
	seen := map[string]bool{}
	for _, leaf := range leaves(verr) {
		ptr := pointer.Join("", leaf.InstanceLocation...)
		msg := s.message(req.Root, leaf)
		if key := ptr + "\x00" + msg; !seen[key] {
			seen[key] = true
			resp.Violations = append(resp.Violations, Violation{Pointer: ptr, Message: msg})
		}
	}
	return resp
}

// compile compiles a schema file once, with a loader that reads only local
// files under root: never the network, never outside the repository.
func (s *server) compile(path, root string) *compiled {
	if c, ok := s.compiled[path]; ok {
		return c
	}
	c := &compiled{}
	s.compiled[path] = c
	if !load.Inside(path, root) {
		c.err = fmt.Errorf("schema %s is outside %s: a standard's schema must be in the repository", path, root)
		return c
	}
	comp := jsonschema.NewCompiler()
	comp.UseLoader(localLoader{root: root})
	comp.AssertFormat()
	c.schema, c.err = comp.Compile(path)
	return c
}

// localLoader reads schema files under root and refuses everything else.
type localLoader struct{ root string }

func (l localLoader) Load(u string) (any, error) {
	path := u
	if strings.Contains(u, "://") {
		p, err := url.Parse(u)
		if err != nil || p.Scheme != "file" {
			return nil, fmt.Errorf("refused to load %q: a standard's schema may refer only to local files in the repository", u)
		}
		path = filepath.FromSlash(p.Path)
	}
	if !load.Inside(path, l.root) {
		return nil, fmt.Errorf("refused to load %q: it is outside the repository", u)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return jsonschema.UnmarshalJSON(f)
}

// leaves are the errors at the bottom of the validator's error tree.
func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

// message is the schema's own words for a violation: x-emlint-message on
// the subschema that failed, else its description, else the validator's
// text.
func (s *server) message(root string, e *jsonschema.ValidationError) string {
	file, frag, _ := strings.Cut(e.SchemaURL, "#")
	doc, ok := s.docs[file]
	if !ok {
		doc, _ = localLoader{root: root}.Load(file)
		s.docs[file] = doc
	}
	sub, _ := pointer.Lookup(doc, pointer.Split(frag)).(map[string]any)
	for _, k := range []string{"x-emlint-message", "description"} {
		if m, ok := sub[k].(string); ok && m != "" {
			return m
		}
	}
	return e.ErrorKind.LocalizedString(printer)
}

var printer = message.NewPrinter(language.English)
