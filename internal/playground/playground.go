// Package playground is what the playground page (playground/) asks of
// emlint, compiled to WebAssembly: lint one editor's text as `emlint lint`
// lints a file of that kind, with every rule's help, the fixes as edits
// and what `emlint describe` says of each body. It runs the CLI's own
// pipeline (lint, then the configuration's filter with the defaults); it
// is a plain Go package, so its tests run natively and compare it with the
// CLI.
package playground

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/emlint/emlint/internal/catalog"
	"github.com/emlint/emlint/internal/describe"
	"github.com/emlint/emlint/internal/filter"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/schemas"
)

// Request is what the page sends: the editor's text, the container it is
// written in, and the shape to read it as.
type Request struct {
	Text string `json:"text"`
	Lang string `json:"lang"` // json, powershell, terraform, http, markdown; "" = guess from the text
	API  string `json:"api"`  // beta or v1.0; "" = detect, as lint does
	Kind string `json:"kind"` // policy or request; "" = detect
}

// Response is what the page shows. Offsets (From, To) count UTF-16 code
// units of the request's text, as JavaScript strings and editors do; lines
// and columns are the CLI's (1-based, columns in characters).
type Response struct {
	Lang     string            `json:"lang"`    // the container the text was read as
	Guessed  bool              `json:"guessed"` // Lang was guessed from the text
	Name     string            `json:"name"`    // the file name it was linted as
	Status   string            `json:"status"`  // linted, skipped or error
	Reason   string            `json:"reason,omitempty"`
	API      string            `json:"api"`
	Kind     string            `json:"kind"`
	Bodies   []Body            `json:"bodies"`
	Findings []Finding         `json:"findings"`
	Help     map[string]string `json:"help"` // the help of each rule that has a finding
	Describe []Described       `json:"describe"`
	Counts   map[string]int    `json:"counts"` // findings by severity
	Error    string            `json:"error,omitempty"`
}

// Span is a range of the text.
type Span struct {
	Line      int `json:"line"`
	Column    int `json:"column"`
	EndLine   int `json:"endLine"`
	EndColumn int `json:"endColumn"`
	From      int `json:"from"`
	To        int `json:"to"`
}

// Body is one body found in the text.
type Body struct {
	Span
	API    string `json:"api"`
	Kind   string `json:"kind"`
	Method string `json:"method,omitempty"`
	Via    string `json:"via"`
}

// Finding is one finding, as the JSON report has it, with its span as
// editor offsets and its fix as editor changes.
type Finding struct {
	Span
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	Pointer  string `json:"pointer"`
	Fix      *Fix   `json:"fix,omitempty"`
}

// Fix is a finding's mechanical fix, as `emlint lint --fix` applies it.
type Fix struct {
	Description string `json:"description"`
	Edits       []Edit `json:"edits"`
}

// Edit replaces [From, To) with Insert.
type Edit struct {
	From   int    `json:"from"`
	To     int    `json:"to"`
	Insert string `json:"insert"`
}

// Described is what `emlint describe` says of one body: its title, the
// line it starts on, its facts in reading order and the Mermaid source of
// its chart.
type Described struct {
	Title string         `json:"title"`
	Line  int            `json:"line"`
	Rows  []describe.Row `json:"rows"`
	Chart string         `json:"chart,omitempty"`
}

// Langs are the containers the page offers, and the file name each is
// linted as (the extension is what tells lint the container).
var Langs = map[string]string{
	"json":       "body.json",
	"powershell": "script.ps1",
	"terraform":  "main.tf",
	"http":       "requests.http",
	"markdown":   "README.md",
}

// LangOf is the container of a file, by its extension, as lint tells it
// (extract.Supported): for the bundled examples the tests lint.
func LangOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ps1", ".psm1":
		return "powershell"
	case ".tf":
		return "terraform"
	case ".http", ".rest":
		return "http"
	case ".md", ".markdown":
		return "markdown"
	}
	return "json"
}

// Lint lints the request's text as the CLI lints a file of its container
// with no configuration: the same findings, in the same order.
func Lint(req Request) Response {
	resp := Response{Lang: req.Lang, Bodies: []Body{}, Findings: []Finding{}, Help: map[string]string{}, Describe: []Described{}, Counts: map[string]int{}}
	if resp.Lang == "" {
		resp.Lang, resp.Guessed = GuessLang(req.Text), true
	}
	name, ok := Langs[resp.Lang]
	switch {
	case !ok:
		resp.Error = fmt.Sprintf("lang %q: use json, powershell, terraform, http or markdown", req.Lang)
		return resp
	case req.API != "" && req.API != string(schemas.Beta) && req.API != string(schemas.V1):
		resp.Error = fmt.Sprintf("api %q: use beta or v1.0", req.API)
		return resp
	case req.Kind != "" && req.Kind != string(schemas.Policy) && req.Kind != string(schemas.Request):
		resp.Error = fmt.Sprintf("kind %q: use policy or request", req.Kind)
		return resp
	}
	resp.Name = name
	data := []byte(req.Text)
	res := lint.Lint(name, data, lint.Options{API: schemas.API(req.API), Kind: schemas.Kind(req.Kind)})
	res.Findings = filter.Findings(res.Findings, filter.Settings{})
	resp.Status, resp.Reason, resp.API, resp.Kind = string(res.Status), res.Reason, string(res.API), string(res.Kind)

	u := newUnits16(req.Text)
	for _, b := range res.Bodies {
		resp.Bodies = append(resp.Bodies, Body{
			Span: Span{Line: b.Line, Column: b.Col, EndLine: b.EndLine, EndColumn: b.EndCol, From: u.at(b.Start), To: u.at(b.End)},
			API:  string(b.API), Kind: string(b.Kind), Method: b.Method, Via: b.Via,
		})
	}
	for _, f := range res.Findings {
		out := Finding{
			Span:     Span{Line: f.Line, Column: f.Col, EndLine: f.EndLine, EndColumn: f.EndCol, From: u.at(f.Start), To: u.at(f.End)},
			Severity: f.Severity.String(), Rule: f.Rule, Message: f.Message, Pointer: f.Pointer,
		}
		if f.Fix != nil && len(f.Fix.Edits) > 0 {
			out.Fix = &Fix{Description: f.Fix.Description}
			for _, e := range f.Fix.Edits {
				out.Fix.Edits = append(out.Fix.Edits, Edit{From: u.at(e.Start), To: u.at(e.End), Insert: e.New})
			}
		}
		resp.Findings = append(resp.Findings, out)
		resp.Counts[out.Severity]++
		if _, seen := resp.Help[f.Rule]; !seen {
			resp.Help[f.Rule] = help(f.Rule)
		}
	}
	for _, facts := range describe.File(data, res) {
		resp.Describe = append(resp.Describe, Described{Title: title(facts), Line: facts.Line, Rows: facts.Rows(), Chart: facts.Chart()})
	}
	return resp
}

// LintJSON is Lint over JSON text, for the WebAssembly entry point: a
// request that cannot be read is answered with an error, never a panic.
func LintJSON(request string) string {
	var req Request
	var resp Response
	if err := json.Unmarshal([]byte(request), &req); err != nil {
		resp = Response{Error: "reading the request: " + err.Error()}
	} else {
		resp = Lint(req)
	}
	out, err := json.Marshal(resp)
	if err != nil {
		return fmt.Sprintf(`{"error":%q}`, "writing the response: "+err.Error())
	}
	return string(out)
}

// help is a rule's help (the page has no configuration, so no team
// standards, which have none).
func help(rule string) string {
	e, _ := catalog.ByID(rule)
	return e.Help
}

func title(f describe.Facts) string {
	t := f.API + " " + f.Kind
	if f.Policy != nil && f.Policy.Name != "" {
		t += " “" + f.Policy.Name + "”"
	}
	if f.Request != nil && f.Request.Type != "" {
		t += " " + f.Request.Type
	}
	return t
}

var (
	fence          = regexp.MustCompile("(?m)^(```|~~~)")
	httpLine       = regexp.MustCompile(`(?m)^((GET|POST|PUT|PATCH|DELETE)\s+\S|###)`)
	terraformBlock = regexp.MustCompile(`(?m)^\s*(resource|data|locals|variable|provider|terraform|module)\b[^\n{]*\{`)
	// A variable assigned, a hashtable, a here-string or a cmdlet.
	powershell = regexp.MustCompile(`(?m)(^\s*\$\w+\s*=|@\{|@['"]\s*$|\b(New|Set|Update|Invoke|Get)-Mg\w*|\bConvertTo-Json\b)`)
	heading    = regexp.MustCompile(`(?m)^#{1,6} `)
)

// GuessLang tells the container of a text pasted without one: JSON when
// it starts like JSON, else the first whose marks it carries (a fence
// before a request line, since a README shows requests in fences; a
// heading last, since "###" also separates an .http file's requests).
func GuessLang(text string) string {
	t := strings.TrimLeft(text, "\ufeff \t\r\n")
	switch {
	case t == "" || t[0] == '{' || t[0] == '[':
		return "json"
	case fence.MatchString(t):
		return "markdown"
	case httpLine.MatchString(t):
		return "http"
	case terraformBlock.MatchString(t):
		return "terraform"
	case powershell.MatchString(t):
		return "powershell"
	case heading.MatchString(t):
		return "markdown"
	}
	return "json"
}

// units16 converts byte offsets of a text to UTF-16 offsets; units is nil
// for ASCII text, where they are the same.
type units16 struct{ units []int32 }

func newUnits16(text string) units16 {
	ascii := true
	for i := 0; i < len(text) && ascii; i++ {
		ascii = text[i] < utf8.RuneSelf
	}
	if ascii {
		return units16{}
	}
	units := make([]int32, len(text)+1)
	n := int32(0)
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		for k := range w {
			units[i+k] = n
		}
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		i += w
	}
	units[len(text)] = n
	return units16{units}
}

func (u units16) at(offset int) int {
	if u.units == nil || offset <= 0 {
		return max(offset, 0)
	}
	return int(u.units[min(offset, len(u.units)-1)])
}
