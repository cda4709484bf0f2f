// Package crossfile checks assignment requests against the assignment
// policies they name, when one run includes both: required questions
// answered, answers that fit the policy's questions, a justification when
// the policy asks for one, a custom schedule only when the policy allows it,
// the same access package, and a request type the policy accepts.
//
// A policy is known by its root `id` (a PUT body, or a policy exported from
// Graph). A request names its policy by `assignment.assignmentPolicyId`
// (v1.0) or `accessPackageAssignment.assignmentPolicyId` (legacy beta);
// requests that name a policy the run does not include are not checked,
// since the policy may live elsewhere. Findings are placed in the request
// files, and their messages name the policy file and line.
//
// Positions are computed only for files that have findings: the policy and
// request bodies are read with gjson, and jsonparse.BuildIndex runs on a
// body only when a finding or a message needs one of its spans.
package crossfile

import (
	"bytes"
	"cmp"
	"fmt"
	"sort"
	"strings"

	"github.com/emlint/emlint/internal/extract"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/internal/payload"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/emlint/emlint/internal/position"
	"github.com/emlint/emlint/schemas"
	"github.com/tidwall/gjson"
)

// Body is one linted file's body with the shape it was linted as.
type Body struct {
	Name string
	Data []byte
	API  schemas.API
	Kind schemas.Kind
}

// Check compares every request with the policy it names and returns
// findings placed in the request files (and, for a policy id used twice, in
// the second policy file), sorted by file, line and column.
func Check(bodies []Body) []finding.Finding {
	c := checker{lines: map[string]*position.Lines{}}
	var docs []*doc
	for _, b := range bodies {
		docs = append(docs, c.docsOf(b)...)
	}
	policies := map[string]*doc{}
	for _, d := range docs {
		if d.kind != schemas.Policy {
			continue
		}
		id, ok := usableString(get(d.root, "id"))
		if !ok {
			continue
		}
		key := strings.ToLower(id)
		if first, dup := policies[key]; dup {
			c.report(d, finding.Warning, RuleDuplicatePolicyID, "/id", finding.Value,
				"policy id `%s` is also the id of the policy in %s: requests that name it are checked against that one only; give each policy its own id, or delete the stale copy",
				id, first.at("/id"))
			continue
		}
		policies[key] = d
	}
	for _, d := range docs {
		if d.kind != schemas.Request {
			continue
		}
		r := readRequest(d)
		if r.policyID == "" {
			continue
		}
		if p, ok := policies[strings.ToLower(r.policyID)]; ok {
			c.checkRequest(r, readPolicy(p))
		}
	}
	sort.SliceStable(c.out, func(i, j int) bool { return finding.Less(&c.out[i], &c.out[j]) })
	return c.out
}

// checker collects findings; lines caches the line index of each file.
type checker struct {
	out   []finding.Finding
	lines map[string]*position.Lines
}

// doc is one JSON body: a whole .json file, or one body of an .http,
// Markdown, PowerShell or Terraform file, mapped into it by m.
type doc struct {
	c    *checker
	name string
	file []byte // the whole file, for lines and columns
	body []byte // the JSON text
	m    payload.Map
	api  schemas.API
	kind schemas.Kind
	root gjson.Result

	index   jsonparse.Index
	indexed bool
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// docsOf returns the bodies of a file that are valid JSON objects of a
// known shape. Broken bodies are left to the linter, which reports them.
func (c *checker) docsOf(b Body) []*doc {
	var out []*doc
	add := func(p payload.Body, api schemas.API, kind schemas.Kind) {
		if api == "" || kind == "" {
			return
		}
		text := bytes.TrimPrefix(p.JSON, bom)
		if !gjson.ValidBytes(text) {
			return
		}
		root := gjson.ParseBytes(text)
		if !root.IsObject() {
			return
		}
		out = append(out, &doc{c: c, name: b.Name, file: b.Data, body: p.JSON, m: p.Map, api: api, kind: kind, root: root})
	}
	if extract.Supported(b.Name) {
		for _, p := range extract.Bodies(b.Name, b.Data) {
			if p.Sent() && (p.Lint || p.API != "" || p.Kind != "") {
				add(p, cmp.Or(p.API, b.API), cmp.Or(p.Kind, b.Kind))
			}
		}
		return out
	}
	add(extract.Bodies(b.Name, b.Data)[0], b.API, b.Kind)
	return out
}

// span returns the file offsets of the member at ptr: its value, its key,
// or the first character of its key or value (target Start). A pointer that
// is not in the body falls back to its nearest ancestor's start, as the
// linter does for a property that should exist.
func (d *doc) span(ptr string, target finding.Target) (int, int) {
	if !d.indexed {
		d.index, _ = jsonparse.BuildIndex(d.body)
		d.indexed = true
	}
	for {
		if s, ok := d.index[ptr]; ok {
			switch {
			case target == finding.Value:
				return d.m.Span(s.Start, s.End)
			case s.KeyStart >= 0:
				return d.m.Span(s.KeyStart, s.KeyEnd)
			default:
				return d.m.Span(s.Start, s.Start+1)
			}
		}
		if ptr == "" {
			return d.m.Span(0, 0)
		}
		ptr, _ = pointer.Parent(ptr)
		target = finding.Start
	}
}

func (d *doc) lines() *position.Lines {
	l, ok := d.c.lines[d.name]
	if !ok {
		l = position.NewLines(d.file)
		d.c.lines[d.name] = l
	}
	return l
}

// at names the place of ptr for a message: "policies/audit.json:23".
func (d *doc) at(ptr string) string {
	start, _ := d.span(ptr, finding.Start)
	return fmt.Sprintf("%s:%d", d.name, d.lines().Pos(start).Line)
}

// report adds a finding at ptr in d.
func (c *checker) report(d *doc, sev finding.Severity, rule, ptr string, target finding.Target, format string, args ...any) {
	start, end := d.span(ptr, target)
	lines := d.lines()
	s, e := lines.Pos(start), lines.Pos(end)
	c.out = append(c.out, finding.Finding{
		File: d.name, Rule: rule, Severity: sev, Message: fmt.Sprintf(format, args...),
		Pointer: ptr, Target: finding.Fixed, Start: start, End: end,
		Line: s.Line, Col: s.Col, EndLine: e.Line, EndCol: e.Col,
		API: string(d.api), Kind: string(d.kind),
	})
}

// get reads one member of an object; keys are escaped, since gjson gives
// meaning to '.', '*' and '?'.
func get(obj gjson.Result, key string) gjson.Result {
	if !obj.IsObject() {
		return gjson.Result{}
	}
	return obj.Get(gjson.Escape(key))
}

// usableString returns a string value that names something: not blank and
// not an .http {{variable}}, a PowerShell $variable or a Terraform ${...}
// left in a JSON string, which stand for values not known here.
func usableString(v gjson.Result) (string, bool) {
	if v.Type != gjson.String || strings.TrimSpace(v.Str) == "" || strings.Contains(v.Str, "{{") ||
		strings.Contains(v.Str, "${") || strings.Contains(v.Str, "$(") || strings.HasPrefix(v.Str, "$") {
		return "", false
	}
	return v.Str, true
}

// odataTypeName returns the last segment of an object's @odata.type.
func odataTypeName(obj gjson.Result) string {
	t := get(obj, "@odata.type")
	if t.Type != gjson.String {
		return ""
	}
	s := strings.TrimPrefix(t.Str, "#")
	return s[strings.LastIndexByte(s, '.')+1:]
}
