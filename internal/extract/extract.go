// Package extract finds the request bodies inside files that are not plain
// JSON: .http/.rest files (VS Code REST Client, JetBrains HTTP client) and
// Markdown written the way the Graph docs are (an http code block with
// "POST https://graph.microsoft.com/v1.0/..." and the JSON body). The
// request line says which API version and kind a body is, and is checked
// itself. Offsets stay those of the file, so findings point into it.
package extract

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/emlint/emlint/internal/suggest"
	"github.com/emlint/emlint/schemas"
)

// Payload is one request body and the request line it belongs to.
type Payload struct {
	Start int    // offset of Body in the file
	Body  []byte // the body, {{variables}} outside strings replaced by null: same length
	Vars  []Span // {{variables}} in the body, as file offsets: findings there are dropped

	Method string
	URL    Span // the URL on the request line
	API    schemas.API
	Kind   schemas.Kind
	Lint   bool // the URL names a collection whose bodies emlint lints

	Problems []Problem // about the request line
}

// Span is a byte range [Start, End) of the file.
type Span struct{ Start, End int }

// Problem is something wrong with a request line.
type Problem struct {
	Rule    string // RuleURL or RuleMethod
	Error   bool   // false: warning
	Span    Span
	Message string
}

// Rule ids of request-line findings.
const (
	RuleURL    = "http-url"
	RuleMethod = "http-method"
)

// RuleDocs describes the request-line checks for `emlint rules`.
var RuleDocs = []struct{ ID, Severity, Doc string }{
	{RuleURL, "error", "A request line in an .http or Markdown file calls a collection that does not exist there (a legacy beta collection under /v1.0, or a misspelt one)"},
	{RuleMethod, "error", "A request line uses a method the collection does not take (PATCH on a policy is a warning: policies are replaced with PUT)"},
}

// Supported reports whether name is a file this package reads: other files
// are linted as one JSON body.
func Supported(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".http", ".rest", ".md", ".markdown":
		return true
	}
	return false
}

// Payloads returns the requests with a body in a .http, .rest or Markdown
// file, in file order.
func Payloads(name string, data []byte) []Payload {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return markdown(data)
	default:
		return httpFile(data, 0, len(data))
	}
}

var requestLine = regexp.MustCompile(`^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+(\S+)`)

// httpFile reads the requests between from and to: blocks separated by
// lines starting with "###", each a request line, headers, a blank line
// and the body. Comment lines (# or //) before the request line are skipped.
func httpFile(data []byte, from, to int) []Payload {
	var out []Payload
	for _, block := range splitRequests(data, from, to) {
		if p, ok := request(data, block.Start, block.End); ok {
			out = append(out, p)
		}
	}
	return out
}

func splitRequests(data []byte, from, to int) []Span {
	var blocks []Span
	start := from
	for _, l := range lines(data, from, to) {
		if bytes.HasPrefix(data[l.Start:l.End], []byte("###")) {
			blocks = append(blocks, Span{start, l.Start})
			start = l.End
		}
	}
	return append(blocks, Span{start, to})
}

// request parses one request; ok is false when the block has no request
// line or no body.
func request(data []byte, from, to int) (Payload, bool) {
	var p Payload
	ls := lines(data, from, to)
	i := 0
	for ; i < len(ls); i++ {
		text := strings.TrimSpace(string(data[ls[i].Start:ls[i].End]))
		if text == "" || strings.HasPrefix(text, "#") || strings.HasPrefix(text, "//") || strings.HasPrefix(text, "@") {
			continue // blank, comment, or a REST Client variable definition
		}
		m := requestLine.FindSubmatchIndex(data[ls[i].Start:ls[i].End])
		if m == nil {
			return p, false
		}
		p.Method = string(data[ls[i].Start+m[2] : ls[i].Start+m[3]])
		p.URL = Span{ls[i].Start + m[4], ls[i].Start + m[5]}
		break
	}
	if p.Method == "" {
		return p, false
	}
	// Headers run to the first blank line; the body is the rest.
	for i++; i < len(ls) && strings.TrimSpace(string(data[ls[i].Start:ls[i].End])) != ""; i++ {
	}
	if i >= len(ls) {
		return p, false
	}
	bodyStart, bodyEnd := ls[i].End, to
	for bodyStart < bodyEnd && isSpace(data[bodyStart]) {
		bodyStart++
	}
	for bodyEnd > bodyStart && isSpace(data[bodyEnd-1]) {
		bodyEnd--
	}
	if bodyStart == bodyEnd || (data[bodyStart] != '{' && data[bodyStart] != '[') {
		return p, false
	}
	p.Start = bodyStart
	p.Body, p.Vars = substitute(data, bodyStart, bodyEnd)
	classify(&p, string(data[p.URL.Start:p.URL.End]))
	return p, true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// lines splits [from, to) into lines without their line ending.
func lines(data []byte, from, to int) []Span {
	var out []Span
	for start := from; start < to; {
		end := bytes.IndexByte(data[start:to], '\n')
		next := to
		if end < 0 {
			end = to
		} else {
			end += start
			next = end + 1
		}
		lineEnd := end
		if lineEnd > start && data[lineEnd-1] == '\r' {
			lineEnd--
		}
		out = append(out, Span{start, lineEnd})
		start = next
	}
	return out
}

// substitute copies the body and replaces each {{variable}} that stands
// where a value goes by "null" and spaces, keeping every offset; variables
// inside strings stay as they are. Both kinds are returned, so that
// findings about them can be dropped: a variable is a placeholder of
// whatever type the property needs.
func substitute(data []byte, from, to int) ([]byte, []Span) {
	body := append([]byte(nil), data[from:to]...)
	var vars []Span
	inString := false
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case c == '{' && i+1 < len(body) && body[i+1] == '{':
			end := bytes.Index(body[i:], []byte("}}"))
			if end < 0 {
				continue
			}
			end += i + 2
			vars = append(vars, Span{from + i, from + end})
			if !inString {
				copy(body[i:end], "null"+strings.Repeat(" ", end-i-4))
			}
			i = end - 1
		}
	}
	return body, vars
}

// collections maps the entitlement-management collections whose POST/PUT
// bodies emlint lints to their shape. Legacy names are the beta shape; the
// new names are the v1.0 shape, under /v1.0 and under /beta alike.
var collections = map[string]struct {
	api  schemas.API
	kind schemas.Kind
}{
	"accessPackageAssignmentPolicies": {schemas.Beta, schemas.Policy},
	"accessPackageAssignmentRequests": {schemas.Beta, schemas.Request},
	"assignmentPolicies":              {schemas.V1, schemas.Policy},
	"assignmentRequests":              {schemas.V1, schemas.Request},
}

// otherCollections are the rest of entitlementManagement's collections, in
// v1.0 and beta metadata: valid paths whose bodies emlint does not lint.
var otherCollections = []string{
	"accessPackages", "assignments", "catalogs", "connectedOrganizations", "resourceEnvironments",
	"resourceRequests", "resourceRoleScopes", "resources", "settings", "subjects",
	"accessPackageAssignments", "accessPackageCatalogs", "accessPackageResourceEnvironments",
	"accessPackageResourceRequests", "accessPackageResourceRoleScopes", "accessPackageResources",
	"accessPackageAssignmentResourceRoles", "accessPackageResourceRoles",
}

var legacyInV1 = map[string]string{
	"accessPackageAssignmentPolicies": "assignmentPolicies",
	"accessPackageAssignmentRequests": "assignmentRequests",
}

const emPath = "/identityGovernance/entitlementManagement/"

// classify reads the URL: API version, collection, and what is wrong.
func classify(p *Payload, url string) {
	i := strings.Index(url, emPath)
	if i < 0 {
		return // not an entitlement-management call: not ours
	}
	version := ""
	switch {
	case strings.Contains(url[:i+1], "/v1.0/"):
		version = "v1.0"
	case strings.Contains(url[:i+1], "/beta/"):
		version = "beta"
	}
	rest := url[i+len(emPath):]
	segments := strings.Split(strings.SplitN(rest, "?", 2)[0], "/")
	name := segments[0]
	// The collection segment, for findings about it.
	segment := Span{p.URL.Start + i + len(emPath), p.URL.Start + i + len(emPath) + len(name)}
	shape, ok := collections[name]
	if !ok {
		if !contains(otherCollections, name) {
			known := append(append([]string(nil), otherCollections...), "accessPackageAssignmentPolicies", "accessPackageAssignmentRequests", "assignmentPolicies", "assignmentRequests")
			msg := "`" + name + "` is not an entitlement-management collection"
			if s := suggest.Closest(name, known); s != "" {
				msg += ": did you mean `" + s + "`?"
			}
			p.Problems = append(p.Problems, Problem{Rule: RuleURL, Error: true, Span: segment, Message: msg})
		}
		return
	}
	if v1, legacy := legacyInV1[name]; legacy && version == "v1.0" {
		p.Problems = append(p.Problems, Problem{Rule: RuleURL, Error: true, Span: segment,
			Message: "`" + name + "` exists only in the beta API: use `" + v1 + "` (and the v1.0 body shape) with /v1.0, or call /beta"})
	}
	p.API, p.Kind, p.Lint = shape.api, shape.kind, true
	update := len(segments) > 1 && segments[1] != ""
	switch {
	case p.Method == "PATCH" && shape.kind == schemas.Policy:
		p.Problems = append(p.Problems, Problem{Rule: RuleMethod, Span: Span{p.URL.Start - len(p.Method) - 1, p.URL.Start - 1},
			Message: "assignment policies are updated with PUT, which replaces the whole policy; PATCH is not supported"})
	case shape.kind == schemas.Request && (p.Method != "POST" || update):
		p.Problems = append(p.Problems, Problem{Rule: RuleMethod, Error: true, Span: Span{p.URL.Start - len(p.Method) - 1, p.URL.Start - 1},
			Message: "assignment requests are created with POST to the collection; to change an assignment, POST a new request (`adminUpdate`, `userUpdate`, ...)"})
		p.Lint = p.Method == "POST"
	case shape.kind == schemas.Policy && p.Method != "POST" && p.Method != "PUT" && p.Method != "PATCH":
		p.Lint = false // GET/DELETE: a body is not a policy
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fence is the start of a Markdown code fence: ``` or ~~~, and the info
// string's first word.
var fence = regexp.MustCompile("^[ ]{0,3}(```+|~~~+)[ \t]*([A-Za-z0-9_-]*)")

// markdown reads the http code blocks of a Markdown file, the way the Graph
// docs write requests; an http block without a body takes the json block
// that follows it (also a docs style).
func markdown(data []byte) []Payload {
	type block struct {
		info  string
		inner Span // the code, between the fence lines
	}
	var blocks []block
	ls := lines(data, 0, len(data))
	for i := 0; i < len(ls); i++ {
		m := fence.FindSubmatch(data[ls[i].Start:ls[i].End])
		if m == nil {
			continue
		}
		marker := string(m[1])
		info := strings.ToLower(string(m[2]))
		j := i + 1
		for ; j < len(ls); j++ {
			if strings.HasPrefix(strings.TrimLeft(string(data[ls[j].Start:ls[j].End]), " "), marker) {
				break
			}
		}
		end := len(data)
		if j < len(ls) {
			end = ls[j].Start
		}
		start := end
		if i+1 < len(ls) {
			start = min(ls[i+1].Start, end)
		}
		blocks = append(blocks, block{info: info, inner: Span{start, end}})
		i = j
	}
	var out []Payload
	for k, b := range blocks {
		switch b.info {
		case "http", "rest", "msgraph-interactive":
		default:
			continue
		}
		ps := httpFile(data, b.inner.Start, b.inner.End)
		if len(ps) > 0 {
			out = append(out, ps...)
			continue
		}
		// A request line alone, and its body in the next json block.
		if k+1 >= len(blocks) || (blocks[k+1].info != "json" && blocks[k+1].info != "jsonc") {
			continue
		}
		head, ok := requestOnly(data, b.inner)
		if !ok {
			continue
		}
		body := blocks[k+1].inner
		for body.Start < body.End && isSpace(data[body.Start]) {
			body.Start++
		}
		for body.End > body.Start && isSpace(data[body.End-1]) {
			body.End--
		}
		if body.Start == body.End || data[body.Start] != '{' {
			continue
		}
		head.Start = body.Start
		head.Body, head.Vars = substitute(data, body.Start, body.End)
		classify(&head, string(data[head.URL.Start:head.URL.End]))
		out = append(out, head)
	}
	return out
}

// requestOnly reads the request line of a block that has no body.
func requestOnly(data []byte, s Span) (Payload, bool) {
	for _, l := range lines(data, s.Start, s.End) {
		text := strings.TrimSpace(string(data[l.Start:l.End]))
		if text == "" || strings.HasPrefix(text, "#") || strings.HasPrefix(text, "//") {
			continue
		}
		m := requestLine.FindSubmatchIndex(data[l.Start:l.End])
		if m == nil {
			return Payload{}, false
		}
		return Payload{Method: string(data[l.Start+m[2] : l.Start+m[3]]), URL: Span{l.Start + m[4], l.Start + m[5]}}, true
	}
	return Payload{}, false
}
