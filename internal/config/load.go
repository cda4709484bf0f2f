package config

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/internal/load"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/emlint/emlint/internal/standards"
	"github.com/emlint/emlint/internal/suggest"
	"github.com/emlint/emlint/internal/validate/checker"
	"github.com/emlint/emlint/schemas"
	"gopkg.in/yaml.v3"
)

//go:embed config.schema.json
var schemaJSON []byte

// schemaURL is the $id of config.schema.json.
const schemaURL = "https://github.com/emlint/emlint/internal/config/config.schema.json"

// Schema returns a copy of the JSON Schema of the config file, for editors
// (yaml-language-server) and documentation.
func Schema() []byte { return bytes.Clone(schemaJSON) }

//go:generate go run ../validate/gen -pkg config -out schema_gen.go config=config.schema.json

// schemaDoc is the decoded config.schema.json, for the property names and
// descriptions messages quote. It is validated by schema_gen.go, which
// internal/validate/gen compiles from it.
var schemaDoc = sync.OnceValue(func() any {
	var doc any
	if err := json.Unmarshal(schemaJSON, &doc); err != nil {
		panic(fmt.Sprintf("config: embedded config.schema.json: %v", err)) // tested; a bug if it happens
	}
	return doc
})

// loc is where the value at a JSON Pointer is written: its key (nil for
// list items and the root) and its value.
type loc struct{ key, val *yaml.Node }

type parser struct {
	file  string
	data  []byte
	index map[string]loc // by JSON Pointer into the converted value
}

func (p *parser) errAt(n *yaml.Node, format string, args ...any) *Error {
	line, col := 1, 1
	if n != nil && n.Line > 0 {
		line, col = n.Line, max(n.Column, 1)
	}
	return &Error{File: p.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// keyOrVal is the node to report a problem with the member at ptr on.
func (p *parser) keyOrVal(ptr string) *yaml.Node {
	l := p.index[ptr]
	if l.key != nil {
		return l.key
	}
	return l.val
}

func parse(file string, data []byte, ruleIDs []string) (*Config, *Error) {
	p := &parser{file: file, data: data, index: map[string]loc{}}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return build(nil), nil // empty, or comments only
		}
		return nil, p.syntaxError(err)
	}
	for {
		var extra yaml.Node
		err := dec.Decode(&extra)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, p.syntaxError(err)
		}
		if len(extra.Content) > 0 && !isNull(extra.Content[0]) {
			return nil, p.errAt(&extra, "a second YAML document starts here: emlint reads one document, so move these settings into the first and remove the `---`")
		}
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return build(nil), nil
	}
	root := doc.Content[0]
	p.index[""] = loc{val: root}
	value, cerr := p.convert(root, "", 0)
	if cerr != nil {
		return nil, cerr
	}

	// The generated validator reads the value as JSON text and the
	// parser's node table; a finding's pointer leads back to the YAML.
	text, err := json.Marshal(value)
	if err != nil {
		return nil, p.errAt(root, "cannot read the settings: %v", err)
	}
	parsed, err := jsonparse.Parse(text)
	if err != nil {
		return nil, p.errAt(root, "cannot read the settings: %v", err)
	}
	c := checker.New(string(text), parsed.Nodes, false)
	validateConfig(c)
	if len(c.Out) > 0 {
		m := mapper{p: p, c: c}
		m.walk(c.Out)
		return nil, first(m.errs)
	}

	var raw rawConfig
	b, err := json.Marshal(value)
	if err == nil {
		err = json.Unmarshal(b, &raw)
	}
	if err != nil {
		return nil, p.errAt(root, "cannot read the settings: %v", err) // the schema admits only what rawConfig holds
	}
	return p.check(&raw, ruleIDs)
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// first returns the error earliest in the file.
func first(errs []*Error) *Error {
	if len(errs) == 0 {
		return nil
	}
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].Line != errs[j].Line {
			return errs[i].Line < errs[j].Line
		}
		return errs[i].Col < errs[j].Col
	})
	return errs[0]
}

// convert turns a YAML node into the JSON value the schema validates,
// recording where each value is written, and rejects duplicate keys.
func (p *parser) convert(n *yaml.Node, ptr string, depth int) (any, *Error) {
	if depth > 64 {
		return nil, p.errAt(n, "the settings nest too deeply: an emlint config is at most four levels deep")
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return p.convert(n.Alias, ptr, depth+1)
	}
	switch n.Kind {
	case yaml.MappingNode:
		obj := make(map[string]any, len(n.Content)/2)
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.AliasNode && k.Alias != nil {
				k = k.Alias
			}
			if k.Kind != yaml.ScalarNode {
				return nil, p.errAt(k, "a key must be a plain name, not a list or a mapping")
			}
			if k.ShortTag() == "!!merge" {
				return nil, p.errAt(k, "YAML merge keys (<<) are not supported: write the keys out")
			}
			if prev, dup := seen[k.Value]; dup {
				return nil, p.errAt(k, "duplicate key `%s` (first at line %d): keep one", k.Value, prev.Line)
			}
			seen[k.Value] = k
			child := pointer.Join(ptr, k.Value)
			p.index[child] = loc{key: k, val: v}
			val, err := p.convert(v, child, depth+1)
			if err != nil {
				return nil, err
			}
			obj[k.Value] = val
		}
		return obj, nil
	case yaml.SequenceNode:
		arr := make([]any, 0, len(n.Content))
		for i, v := range n.Content {
			child := pointer.Index(ptr, i)
			p.index[child] = loc{val: v}
			val, err := p.convert(v, child, depth+1)
			if err != nil {
				return nil, err
			}
			arr = append(arr, val)
		}
		return arr, nil
	case yaml.ScalarNode:
		return scalar(n), nil
	}
	return nil, p.errAt(n, "unexpected YAML content: write plain keys, values and lists")
}

// scalar converts a YAML scalar (YAML 1.2 types, as yaml.v3 resolves them:
// `off` and `yes` are strings) to a JSON value.
func scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!int":
		var i int64
		if n.Decode(&i) == nil {
			return i
		}
		return json.Number("0") // too large: any number is wrong here, and messages quote the text
	case "!!float":
		var f float64
		if n.Decode(&f) == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			return f
		}
		return json.Number("0")
	}
	return n.Value
}

// syntaxError turns a yaml.v3 error into an *Error. yaml.v3 reports the
// line of the construct that contains the problem, not of the problem, and
// sometimes no line at all; the line reported is the first at which the
// file, read up to that line, fails with the same problem.
func (p *parser) syntaxError(err error) *Error {
	msg, line := splitYAMLError(err)
	if l := p.problemLine(msg); l > 0 {
		line = l
	}
	if line < 1 {
		line = 1
	}
	text := ""
	if lines := strings.Split(string(p.data), "\n"); line <= len(lines) {
		text = lines[line-1]
	}
	return &Error{File: p.file, Line: line, Col: 1, Msg: "invalid YAML: " + msg + ": " + syntaxHint(msg, text)}
}

var yamlLineRe = regexp.MustCompile(`^line (\d+): `)

func splitYAMLError(err error) (msg string, line int) {
	msg = strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	return msg, line
}

func (p *parser) problemLine(msg string) int {
	if bytes.Count(p.data, []byte("\n")) > 2000 {
		return 0 // quadratic; keep yaml.v3's line for huge files
	}
	lines := bytes.SplitAfter(p.data, []byte("\n"))
	n := 0
	for i, l := range lines {
		n += len(l)
		if m, bad := yamlProblem(p.data[:n]); bad && m == msg {
			return i + 1
		}
	}
	return 0
}

func yamlProblem(data []byte) (string, bool) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return "", false
		}
		if err != nil {
			msg, _ := splitYAMLError(err)
			return msg, true
		}
	}
}

var unquotedStar = regexp.MustCompile(`(^|[:\[,-])\s*\*`)

func syntaxHint(msg, line string) string {
	switch {
	case strings.Contains(line, "\t") && strings.Contains(msg, "cannot start any token"):
		return "indent with spaces, not tabs"
	case unquotedStar.MatchString(line) && (strings.Contains(msg, "alphabetic or numeric") || strings.Contains(msg, "anchor") || strings.Contains(msg, "alias")):
		return "quote a pattern that starts with `*`, as in \"**/*.json\": unquoted, YAML reads `*` as an alias"
	case strings.Contains(msg, "end of stream"):
		return "a quote or bracket opened on this line is never closed"
	case strings.Contains(msg, "mapping values are not allowed"):
		return "put a space after each `:` that ends a key, and quote values that contain \": \""
	case strings.Contains(msg, "expected key"), strings.Contains(msg, "'-' indicator"):
		return "check the indentation of this line: keys of one mapping, and the `-` of one list, line up"
	case strings.Contains(msg, "expected ',' or"):
		return "separate the items of a [list] or {mapping} with commas and close the bracket"
	}
	return "fix the YAML syntax on this line"
}

// mapper turns the validator's violations into *Errors at the offending
// keys and values, with messages of our own.
type mapper struct {
	p    *parser
	c    *checker.Checker
	errs []*Error
}

func (m *mapper) walk(vs []checker.Violation) {
	for _, v := range vs {
		if v.Keyword != checker.AnyOf {
			m.leaf(v)
			continue
		}
		// An anyOf of required keys ("api or kind") failed: one message
		// naming them all.
		var missing []string
		for _, b := range v.Branches {
			for _, c := range b {
				if c.Keyword != checker.Required {
					missing = nil
					break
				}
				missing = append(missing, c.Name)
			}
			if missing == nil {
				break
			}
		}
		if len(missing) > 0 {
			loc := m.location(v.Node)
			m.add(m.p.index[pointer.Join("", loc...)].val, "%s sets %s: add %s", quoteName(name(loc)), noneOf(missing), anyOfHint(missing))
			continue
		}
		for _, b := range v.Branches {
			m.walk(b)
		}
	}
}

// location is the path of node i from the root, as pointer tokens.
func (m *mapper) location(i int32) []string { return jsonparse.Path(m.c.Src, m.c.Nodes, i) }

func noneOf(keys []string) string {
	if len(keys) == 2 {
		return fmt.Sprintf("neither `%s` nor `%s`", keys[0], keys[1])
	}
	return "none of " + codeList(keys, "or")
}

func anyOfHint(missing []string) string {
	if slices.Equal(missing, []string{"api", "kind"}) {
		return "one or both (api: beta or v1.0; kind: policy or request)"
	}
	return "one of them"
}

func (m *mapper) add(n *yaml.Node, format string, args ...any) {
	m.errs = append(m.errs, m.p.errAt(n, format, args...))
}

func (m *mapper) leaf(v checker.Violation) {
	loc := m.location(v.Node)
	ptr := pointer.Join("", loc...)
	where := m.p.index[ptr]
	what := name(loc)
	switch v.Keyword {
	case checker.AdditionalProperties:
		known := m.properties(v.Schema)
		in := " in " + what
		if len(loc) == 0 {
			in = ""
		}
		msg := fmt.Sprintf("unknown key `%s`%s", v.Name, in)
		if s := suggest.Closest(v.Name, known); s != "" {
			msg += fmt.Sprintf(": did you mean `%s`?", s)
		} else {
			msg += ": remove it, or use one of " + codeList(known, "or")
		}
		m.add(m.p.keyOrVal(pointer.Join(ptr, v.Name)), "%s", msg)
	case checker.Required:
		if d := m.description(v.Schema, v.Name); d != "" {
			m.add(where.val, "%s lacks `%s` (%s): add it", quoteName(what), v.Name, d)
			return
		}
		m.add(where.val, "%s lacks `%s`: add it", quoteName(what), v.Name)
	case checker.Type:
		got := checker.JSONType(m.c.Src, m.c.Nodes[v.Node])
		want := slices.DeleteFunc(slices.Clone(v.Want), func(s string) bool { return s == "null" })
		var words []string
		for _, w := range want {
			words = append(words, typeWord(w))
		}
		msg := fmt.Sprintf("%s must be %s, not %s", quoteName(what), strings.Join(words, " or "), typeWord(got))
		switch {
		case slices.Contains(want, "array") && got == "string":
			msg += fmt.Sprintf(": write it as a list, e.g. %s: [%s]", last(loc), strconv.Quote(where.val.Value))
		case slices.Contains(want, "array") && got == "object":
			msg += ": start each entry with `- `"
		case ptr == "/rules":
			msg += ": write one `rule-id: severity` per line, such as `json-bom: off`"
			if got == "array" {
				msg += ", without `- `"
			}
		case slices.Equal(want, []string{"string"}) && (got == "number" || got == "boolean"):
			msg += fmt.Sprintf(": put it in quotes: %s", strconv.Quote(scalarText(where.val)))
		default:
			if d := m.descriptionAt(v.Schema); d != "" {
				msg += ": " + d
			}
		}
		m.add(where.val, "%s", msg)
	case checker.Enum:
		if where.val.Kind != yaml.ScalarNode && (where.val.Kind != yaml.AliasNode || where.val.Alias.Kind != yaml.ScalarNode) {
			m.add(where.val, "%s must be %s, not %s", quoteName(what), codeList(v.Want, "or"), typeWord(checker.JSONType(m.c.Src, m.c.Nodes[v.Node])))
			return
		}
		text := scalarText(where.val)
		if s := closestValue(text, v.Want); s != "" {
			m.add(where.val, "%s is `%s`: did you mean `%s`?", quoteName(what), text, s)
			return
		}
		m.add(where.val, "%s is `%s`: use %s", quoteName(what), text, codeList(v.Want, "or"))
	default:
		m.add(where.val, "%s is invalid: it fails the schema's `%s` at %s", quoteName(what), v.Keyword, v.Schema)
	}
}

func scalarText(n *yaml.Node) string {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n.Value
}

// synonyms are spellings people write for an allowed value.
var synonyms = map[string]string{
	"v1": "v1.0", "1.0": "v1.0", "1": "v1.0", "v1.0-beta": "beta",
	"warn": "warning", "err": "error", "information": "info", "note": "info",
	"false": "off", "no": "off", "none": "off", "disable": "off", "disabled": "off", "ignore": "off",
	"policies": "policy", "requests": "request", "assignmentpolicy": "policy", "assignmentrequest": "request",
}

func closestValue(s string, want []string) string {
	if v, ok := synonyms[strings.ToLower(s)]; ok && slices.Contains(want, v) {
		return v
	}
	return suggest.Closest(s, want)
}

// schemaAt returns the schema object a validator's SchemaURL points at
// (the schema whose keyword failed).
func (m *mapper) schemaAt(loc string) map[string]any {
	v := pointer.Lookup(schemaDoc(), pointer.Split(loc))
	obj, _ := v.(map[string]any)
	return obj
}

// properties lists the keys the object schema at schemaURL declares.
func (m *mapper) properties(schemaURL string) []string {
	props, _ := m.schemaAt(schemaURL)["properties"].(map[string]any)
	var names []string
	for n := range props {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// description is the description of property prop of the object schema
// at schemaURL.
func (m *mapper) description(schemaURL, prop string) string {
	props, _ := m.schemaAt(schemaURL)["properties"].(map[string]any)
	p, _ := props[prop].(map[string]any)
	d, _ := p["description"].(string)
	return d
}

// descriptionAt is the description of the schema at schemaURL.
func (m *mapper) descriptionAt(schemaURL string) string {
	d, _ := m.schemaAt(schemaURL)["description"].(string)
	return d
}

// name renders an instance location the way the file reads:
// ignore[0].rules[1].
func name(loc []string) string {
	if len(loc) == 0 {
		return "the file"
	}
	var b strings.Builder
	for i, tok := range loc {
		if _, err := strconv.Atoi(tok); err == nil && i > 0 {
			b.WriteString("[" + tok + "]")
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(tok)
	}
	return b.String()
}

func quoteName(n string) string {
	if n == "the file" {
		return n
	}
	return "`" + n + "`"
}

func last(loc []string) string {
	if len(loc) == 0 {
		return ""
	}
	return loc[len(loc)-1]
}

func typeWord(t string) string {
	switch t {
	case "object":
		return "a mapping (key: value)"
	case "array":
		return "a list"
	case "string":
		return "a string"
	case "number", "integer":
		return "a number"
	case "boolean":
		return "true or false"
	case "null":
		return "empty"
	}
	return t
}

// codeList renders `a`, `b` or `c`.
func codeList(items []string, conj string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = "`" + s + "`"
	}
	switch len(q) {
	case 0:
		return ""
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " " + conj + " " + q[len(q)-1]
}

// rawConfig is the file once the schema has passed it.
type rawConfig struct {
	FailLevel *string           `json:"fail-level"`
	Rules     map[string]string `json:"rules"`
	Files     []struct {
		Path string `json:"path"`
		API  string `json:"api"`
		Kind string `json:"kind"`
	} `json:"files"`
	Include  []string `json:"include"`
	Exclude  []string `json:"exclude"`
	Policies []string `json:"policies"`
	Ignore   []struct {
		Path    string   `json:"path"`
		Pointer *string  `json:"pointer"`
		Rules   []string `json:"rules"`
		Reason  string   `json:"reason"`
	} `json:"ignore"`
	Standards []rawStandard `json:"standards"`
}

// rawStandard is one entry of `standards:` as written.
type rawStandard struct {
	Name                  string          `json:"name"`
	Path                  json.RawMessage `json:"path"` // a glob or a list of globs
	Severity              *string         `json:"severity"`
	ExternalOnly          bool            `json:"external-only"`
	MaxDuration           *string         `json:"max-duration"`
	ExpiryRequired        bool            `json:"expiry-required"`
	ApprovalRequired      bool            `json:"approval-required"`
	MinStages             *int            `json:"min-stages"`
	JustificationRequired bool            `json:"justification-required"`
	AccessReviewRequired  bool            `json:"access-review-required"`
	MaxReviewInterval     *string         `json:"max-review-interval"`
	ApproverTypes         []string        `json:"approver-types"`
	DisplayName           *string         `json:"display-name"`
	Schema                *string         `json:"schema"`
}

// check verifies what the schema cannot (rule ids, globs, pointer
// patterns) and builds the Config.
func (p *parser) check(raw *rawConfig, ruleIDs []string) (*Config, *Error) {
	var errs []*Error
	declared := map[string]bool{} // standard/<name> of every standard
	for _, st := range raw.Standards {
		declared["standard/"+st.Name] = true
	}
	rule := func(ptr, id string) {
		if ruleIDs == nil || slices.Contains(ruleIDs, id) || declared[id] {
			return
		}
		msg := fmt.Sprintf("unknown rule `%s`", id)
		if s := suggest.Closest(id, ruleIDs); s != "" {
			msg += fmt.Sprintf(": did you mean `%s`?", s)
		} else {
			msg += ": `emlint rules` lists the rule ids"
		}
		errs = append(errs, p.errAt(p.keyOrVal(ptr), "%s", msg))
	}
	glob := func(ptr, pat string) string {
		g := cleanGlob(pat)
		n := p.index[ptr].val
		switch {
		case g == "":
			errs = append(errs, p.errAt(n, "empty glob: give a pattern relative to the config file's directory, such as \"policies/**/*.json\""))
		case strings.HasPrefix(g, "/"):
			errs = append(errs, p.errAt(n, "glob %q starts with `/`: patterns are relative to the config file's directory, so drop the leading `/`", pat))
		case !doublestar.ValidatePattern(g):
			errs = append(errs, p.errAt(n, "invalid glob %q: close every `[` and `{`, and do not end it with a `\\`; `*` matches within a directory, `**` across directories", pat))
		}
		return g
	}

	c := &Config{}
	if raw.FailLevel != nil {
		c.FailLevel, _ = finding.ParseSeverity(*raw.FailLevel) // the schema allowed only severities
	}
	if len(raw.Rules) > 0 {
		c.rules = map[string]ruleSetting{}
		for id, s := range raw.Rules {
			rule(pointer.Join("/rules", id), id)
			if s == "off" {
				c.rules[id] = ruleSetting{off: true}
				continue
			}
			sev, _ := finding.ParseSeverity(s)
			c.rules[id] = ruleSetting{sev: sev}
		}
	}
	for i, f := range raw.Files {
		ptr := pointer.Index("/files", i)
		c.files = append(c.files, fileEntry{
			path: glob(ptr+"/path", f.Path),
			api:  schemas.API(f.API),
			kind: schemas.Kind(f.Kind),
		})
	}
	for i, pat := range raw.Include {
		c.include = append(c.include, glob(pointer.Index("/include", i), pat))
	}
	for i, pat := range raw.Exclude {
		c.exclude = append(c.exclude, glob(pointer.Index("/exclude", i), pat))
	}
	for i, pat := range raw.Policies {
		c.policies = append(c.policies, glob(pointer.Index("/policies", i), pat))
	}
	for i, ig := range raw.Ignore {
		ptr := pointer.Index("/ignore", i)
		entry := Ignore{Path: glob(ptr+"/path", ig.Path), Rules: ig.Rules, Reason: ig.Reason}
		if n := p.index[ptr].val; n != nil {
			entry.Line, entry.Col = n.Line, n.Column
		}
		var toks []patToken
		if ig.Pointer != nil {
			entry.Pointer = *ig.Pointer
			var msg string
			if toks, msg = compilePointer(*ig.Pointer); msg != "" {
				errs = append(errs, p.errAt(p.index[ptr+"/pointer"].val, "%s", msg))
			}
		}
		for j, id := range ig.Rules {
			rule(pointer.Index(ptr+"/rules", j), id)
		}
		c.ignores = append(c.ignores, entry)
		c.ignPtrs = append(c.ignPtrs, toks)
	}
	errs = append(errs, p.standards(raw.Standards, c, glob)...)
	if e := first(errs); e != nil {
		return nil, e
	}
	return build(c), nil
}

var standardName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func regularFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// standards checks the `standards:` entries (what the schema cannot: names,
// globs, durations, regular expressions, approver types) and adds them to c.
func (p *parser) standards(raw []rawStandard, c *Config, glob func(ptr, pat string) string) []*Error {
	var errs []*Error
	bad := func(ptr, format string, args ...any) {
		errs = append(errs, p.errAt(p.index[ptr].val, format, args...))
	}
	seen := map[string]bool{}
	for i, r := range raw {
		ptr := pointer.Index("/standards", i)
		s := standards.Standard{Name: r.Name, Severity: finding.Error, ExternalOnly: r.ExternalOnly,
			ExpiryRequired: r.ExpiryRequired, ApprovalRequired: r.ApprovalRequired,
			JustificationRequired: r.JustificationRequired, AccessReviewRequired: r.AccessReviewRequired}
		switch {
		case !standardName.MatchString(r.Name):
			bad(ptr+"/name", "standard name %q: use lower-case letters, digits and dashes, such as \"guest-expiry\" (its findings are standard/<name>)", r.Name)
		case seen[r.Name]:
			bad(ptr+"/name", "a second standard named %q: give each its own name", r.Name)
		}
		seen[r.Name] = true
		if r.Severity != nil {
			s.Severity, _ = finding.ParseSeverity(*r.Severity) // the schema allowed only severities
		}
		checks := 0
		// days reads a duration check as days, reporting one that is not
		// an ISO 8601 duration.
		days := func(key, value, example string) float64 {
			checks++
			d, ok := standards.DurationDays(value)
			if !ok || d <= 0 {
				bad(ptr+"/"+key, "%s %q is not an ISO 8601 duration: write one such as %s", key, value, example)
			}
			return d
		}
		if r.MaxDuration != nil {
			s.MaxDuration, s.MaxDurationText = days("max-duration", *r.MaxDuration, "P180D (180 days) or P1Y"), *r.MaxDuration
		}
		if r.MaxReviewInterval != nil {
			s.MaxReviewInterval, s.MaxReviewIntervalText = days("max-review-interval", *r.MaxReviewInterval, "P90D"), *r.MaxReviewInterval
		}
		if r.MinStages != nil {
			checks++
			if *r.MinStages < 1 || *r.MinStages > 3 {
				bad(ptr+"/min-stages", "min-stages %d: Graph allows 1 to 3 approval stages", *r.MinStages)
			}
			s.MinStages = *r.MinStages
		}
		if r.ApproverTypes != nil {
			checks++
			s.ApproverTypes = []string{}
			for j, t := range r.ApproverTypes {
				if !slices.Contains(standards.ApproverTypes, t) {
					msg := fmt.Sprintf("approver type %q is not one Graph has", t)
					if h := suggest.Closest(t, standards.ApproverTypes); h != "" {
						msg += fmt.Sprintf(": did you mean %q?", h)
					}
					bad(pointer.Index(ptr+"/approver-types", j), "%s", msg)
				}
				s.ApproverTypes = append(s.ApproverTypes, t)
			}
		}
		if r.DisplayName != nil {
			checks++
			re, err := regexp.Compile(*r.DisplayName)
			if err != nil {
				bad(ptr+"/display-name", "display-name %q is not a regular expression Go reads: %v", *r.DisplayName, err)
			}
			s.DisplayName = re
		}
		if r.Schema != nil {
			checks++
			root, _ := filepath.Abs(filepath.Dir(p.file)) // the directory of the configuration file
			path := filepath.Clean(filepath.Join(root, filepath.FromSlash(*r.Schema)))
			switch {
			case filepath.IsAbs(*r.Schema) || !load.Inside(path, root):
				bad(ptr+"/schema", "schema %q is outside the directory of the configuration file: give a path inside the repository, relative to it", *r.Schema)
			case !regularFile(path):
				bad(ptr+"/schema", "schema %q: no such file beside the configuration (%s)", *r.Schema, path)
			}
			s.Schema, s.Root = path, root
		}
		for _, b := range []bool{r.ExpiryRequired, r.ApprovalRequired, r.JustificationRequired, r.AccessReviewRequired} {
			if b {
				checks++
			}
		}
		if checks == 0 {
			bad(ptr, "standard %q checks nothing: add a check such as `max-duration: P180D` or `approval-required: true`", r.Name)
		}
		var paths []string
		switch {
		case len(r.Path) == 0:
		case r.Path[0] == '"':
			var one string
			json.Unmarshal(r.Path, &one)
			paths = []string{glob(ptr+"/path", one)}
		default:
			var many []string
			json.Unmarshal(r.Path, &many)
			for j, pat := range many {
				paths = append(paths, glob(pointer.Index(ptr+"/path", j), pat))
			}
		}
		c.standards = append(c.standards, standardEntry{Standard: s, paths: paths})
	}
	return errs
}

// build finishes a Config (nil: the default).
func build(c *Config) *Config {
	if c == nil {
		c = &Config{}
	}
	c.used = make([]atomic.Bool, len(c.ignores))
	return c
}
