// Package lint runs emlint's pipeline over one body: parse, detect the
// shape, validate against the schema, run the semantic rules, then place
// every finding in the source. Files are linted in parallel by LintAll.
package lint

import (
	"bytes"
	"cmp"
	"fmt"
	"runtime/debug"
	"slices"
	"sort"
	"strings"

	"github.com/emlint/emlint/internal/detect"
	"github.com/emlint/emlint/internal/extract"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/internal/load"
	"github.com/emlint/emlint/internal/payload"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/emlint/emlint/internal/position"
	"github.com/emlint/emlint/internal/standards"
	"github.com/emlint/emlint/internal/validate"
	"github.com/emlint/emlint/rules"
	"github.com/emlint/emlint/schemas"
	"github.com/tidwall/gjson"
)

// Rule ids of findings that come from reading the file, not from a rule.
const (
	RuleSyntax        = "json-syntax"
	RuleDuplicateKey  = "duplicate-key"
	RuleBOM           = "json-bom"
	RuleInternalError = "internal-error"
)

// RuleDocs describes the findings that reading a file produces, for
// `emlint rules`.
var RuleDocs = []struct {
	ID       string
	Severity finding.Severity
	Doc      string
	Help     string
}{
	{RuleSyntax, finding.Error, "The file is not valid JSON (RFC 8259: no comments, no trailing commas)", helpSyntax},
	{RuleDuplicateKey, finding.Error, "A property named twice in one object (OData rejects duplicate property names)", helpDuplicate},
	{RuleBOM, finding.Info, "The file starts with a UTF-8 byte order mark", helpBOM},
}

const helpSyntax = `The body is not valid JSON: a missing comma or quote, a comment, a trailing
comma, single quotes, an unquoted key. Graph accepts only RFC 8259 JSON and
answers 400 ("Unable to read JSON request payload") before it looks at a
single property, so nothing else in the body can be checked until this is
fixed; the finding points at the first character that cannot be read. In a
PowerShell here-string or a Terraform heredoc the JSON is the script's own
text, checked the same way (a {{variable}}, $variable or ${reference} where a
value goes is read as a placeholder, not as an error).

Bad:  {"displayName": "Sales", "allowedTargetScope": "allMemberUsers",}
Fix:  {"displayName": "Sales", "allowedTargetScope": "allMemberUsers"}

Evidence: RFC 8259, which the OData JSON format Graph implements builds on;
Graph's 400 BadRequest "Unable to read JSON request payload. Please ensure
Content-Type header is set and payload is of valid JSON format."`

const helpDuplicate = `An object names the same property twice. JSON parsers disagree about which
one wins (most keep the last, some the first), and OData requires that a
name appear at most once in an object: Graph rejects the body, or silently
uses one of the two values, so a reviewer cannot tell from the file what is
sent. The finding is at the second occurrence and names the line of the
first; keep one.

Bad:  {"displayName": "Sales", "description": "...", "displayName": "Sales team"}
Fix:  {"displayName": "Sales team", "description": "..."}

Evidence: Microsoft.OData.Core, which reads Graph's request bodies: "Multiple
properties with the name 'x' were detected in an entry or a complex value.
In OData, duplicate property names are not allowed."; RFC 8259 section 4
(names SHOULD be unique; otherwise behaviour is unpredictable).`

const helpBOM = `The file starts with a UTF-8 byte order mark (EF BB BF), as some Windows
editors and Windows PowerShell's Out-File write it. emlint reads the body
after it, but a script that sends the file's bytes (Invoke-RestMethod -Body
(Get-Content -Raw ...), curl --data @file) may send the mark too, and a
JSON parser that follows RFC 8259 to the letter rejects it. It is advice:
save the file as UTF-8 without a byte order mark.

Bad:  a file whose first bytes are EF BB BF 7B
Fix:  the same file saved as "UTF-8" rather than "UTF-8 with BOM"

Evidence: RFC 8259 section 8.1 ("Implementations MUST NOT add a byte order
mark ... parsers MAY ignore" it, so some reject it).`

// Options are what a run is told from flags and configuration.
type Options struct {
	API   schemas.API  // "" = detect
	Kind  schemas.Kind // "" = detect; set, it lints files that do not look like payloads too
	Rules []*rules.Rule
	// ShapeFor, if set, gives the api and kind configured for a path
	// (configuration `files:`); API and Kind, from flags, win over it.
	ShapeFor func(path string) (schemas.API, schemas.Kind)

	// Explain keeps, for each linted file, how its shape was detected
	// (File.Reason). A run over many files drops it unless asked: it is a
	// few hundred bytes per file, most of what a run holds at its end.
	Explain bool

	// SideBySide validates each body and runs its rules at the same time,
	// for runs with cores to spare: a single file in a pre-commit hook or
	// an editor. LintAll sets it when there are fewer files than cores.
	SideBySide bool

	put bool // the body is sent with PUT (from a request line)
	// Standards gives the team standards (configuration `standards:`) that
	// apply to a path; standards holds those of the file being linted.
	Standards func(path string) []standards.Standard
	standards []standards.Standard
}

// Status is what happened to a file.
type Status string

const (
	Linted  Status = "linted"
	Skipped Status = "skipped" // not an entitlement-management body
	Failed  Status = "error"   // could not be read or linted; see Reason
)

// File is the outcome for one file.
type File struct {
	Name     string
	API      schemas.API
	Kind     schemas.Kind
	Status   Status
	Reason   string // why it was skipped or failed, or (Options.Explain) how its shape was detected
	Findings []finding.Finding
	// Source holds the text of each line a finding starts on, by line
	// number, for snippets: a file keeps no more of its content than that.
	Source map[int]string
	// CrossRef: a policy with an id, or a request naming its policy: the
	// cross-file checks read the file again. Others they leave alone.
	CrossRef bool
	// Bodies are the bodies found in a container file (.http, Markdown,
	// PowerShell, Terraform) and linted, in file order.
	Bodies []Body
}

// Body is one body found in a container file, for the JSON report and
// --verbose: where it is, the shape it was linted as and how it is sent.
type Body struct {
	Start, End                 int // offsets in the file
	Line, Col, EndLine, EndCol int
	API                        schemas.API
	Kind                       schemas.Kind
	Method, Via                string
}

// LintAll lints inputs on a bounded pool of workers and returns the results
// in input order, so output is stable however the work was scheduled.
func LintAll(inputs []load.File, opts Options) []File {
	out := make([]File, len(inputs))
	LintEach(inputs, opts, func(i int, f File) { out[i] = f })
	return out
}

// Lint lints one body. A panic, which would be a bug in emlint, becomes an
// internal-error finding for this file only.
func Lint(name string, data []byte, opts Options) (res File) {
	defer func() {
		if r := recover(); r != nil {
			res = File{Name: name, Status: Failed, Reason: fmt.Sprintf("internal error (please report it): %v\n%s", r, debug.Stack())}
		}
	}()
	res = File{Name: name}
	var cfgAPI schemas.API
	var cfgKind schemas.Kind
	if opts.ShapeFor != nil {
		cfgAPI, cfgKind = opts.ShapeFor(name)
	}
	if opts.Standards != nil {
		opts.standards = opts.Standards(name)
	}
	data, _ = extract.Text(name, data) // positions count characters of the text, however it is encoded
	if extract.Supported(name) {
		lintBodies(&res, data, opts, cfgAPI, cfgKind)
	} else {
		opts.API, opts.Kind = cmp.Or(opts.API, cfgAPI), cmp.Or(opts.Kind, cfgKind)
		whole := extract.Bodies(name, data)[0]
		b := lintBody(data, &whole, opts, false)
		res.Status, res.Reason, res.API, res.Kind, res.Findings, res.CrossRef = b.status, b.reason, b.api, b.kind, b.findings, b.crossRef
	}
	place(&res, data)
	return res
}

// lintBodies lints the bodies of a container file: .http, Markdown,
// PowerShell, Terraform. Where the body is sent (a request line, a cmdlet,
// a URL, a resource's url) decides the shape, after flags and before
// configuration (cfgAPI, cfgKind), since it says where the body really
// goes; a body whose call is out of sight is linted when its properties
// say it is a policy or a request.
func lintBodies(res *File, data []byte, opts Options, cfgAPI schemas.API, cfgKind schemas.Kind) {
	res.Status, res.Reason = Skipped, "no entitlement-management request body in it"
	seen := map[payload.Span]bool{} // variants of one body (Terraform conditionals) share a range
	reported := map[findingKey]bool{}
	for _, p := range extract.Bodies(res.Name, data) {
		var found []finding.Finding
		for _, pr := range p.Problems {
			found = append(found, finding.Finding{Rule: pr.Rule, Severity: pr.Severity, Message: pr.Message,
				Target: finding.Fixed, Start: pr.Span.Start, End: pr.Span.End})
		}
		if p.Unreadable != "" {
			found = append(found, finding.Finding{Rule: payload.RuleUnreadable, Severity: finding.Info, Target: finding.Fixed,
				Start: p.Range.Start, End: max(p.Range.Start, min(p.Range.End, lineEnd(data, p.Range.Start))),
				Message: "this body was not linted: " + p.Unreadable + "; the rest of the file was"})
		}
		var linted *body
		if p.Sent() {
			bodyOpts := opts
			bodyOpts.API, bodyOpts.Kind = cmp.Or(opts.API, p.API, cfgAPI), cmp.Or(opts.Kind, p.Kind, cfgKind)
			bodyOpts.put = p.Method == "PUT" || p.Replaces
			b := lintBody(data, &p, bodyOpts, p.Lint)
			if b.status == Linted {
				linted = &b
			}
		}
		if p.Fingerprint && !p.Lint && linted == nil && p.Unreadable == "" {
			continue // not ours after all: no call site says so, and neither do its properties
		}
		res.Findings = appendNew(res.Findings, found, reported)
		if len(found) > 0 && res.Status == Skipped {
			res.Status, res.Reason = Linted, "calls checked"
		}
		if linted == nil {
			continue
		}
		res.Findings = appendNew(res.Findings, linted.findings, reported)
		res.CrossRef = res.CrossRef || linted.crossRef
		if res.API == "" {
			res.API, res.Kind = linted.api, linted.kind
		}
		if len(res.Bodies) == 0 {
			res.Reason = bodiesReason(p)
		}
		res.Status = Linted
		if !seen[p.Range] {
			seen[p.Range] = true
			res.Bodies = append(res.Bodies, Body{Start: p.Range.Start, End: p.Range.End, API: linted.api, Kind: linted.kind, Method: p.Method, Via: p.Via})
		}
	}
	if len(res.Bodies) > 1 {
		res.Reason = fmt.Sprintf("%d bodies, each with the shape its call or its properties give", len(res.Bodies))
	}
}

// bodiesReason says, for --verbose, where the shape came from.
func bodiesReason(p payload.Body) string {
	switch {
	case p.Lint && (p.Via == payload.ViaHTTP || p.Via == payload.ViaMarkdown):
		return p.Method + " request bodies, shape from the URL"
	case p.Lint:
		return "bodies sent with " + p.Via + ", shape from the call"
	case p.Via != payload.ViaUnknown:
		return "bodies sent with " + p.Via + " to a URL emlint cannot read, shape from their properties"
	}
	return "bodies whose call is out of sight, shape from their properties"
}

// findingKey tells findings apart for appendNew.
type findingKey struct {
	rule, message string
	start, end    int
}

// appendNew appends the findings of fs not reported yet (reported holds
// them): the variants of one body report the same defects once.
func appendNew(list, fs []finding.Finding, reported map[findingKey]bool) []finding.Finding {
	for _, f := range fs {
		k := findingKey{f.Rule, f.Message, f.Start, f.End}
		if !reported[k] {
			reported[k] = true
			list = append(list, f)
		}
	}
	return list
}

func lineEnd(data []byte, from int) int {
	from = min(from, len(data))
	if i := bytes.IndexByte(data[from:], '\n'); i >= 0 {
		return from + i
	}
	return len(data)
}

// withoutPlaceholders drops findings about placeholders (JSON offsets of
// text): a variable, an expression or a reference stands for a value of
// whatever type the property needs. A finding about the object that holds
// a placeholder, or about a sibling of it, and names its key
// ("`accessPackage` has no `id`" when the id is $apId, "`type` is
// afterDateTime but there is no `endDateTime`" when the end date is an
// expression) is about the placeholder too.
func withoutPlaceholders(fs []finding.Finding, sp *spans, ph []payload.Span) []finding.Finding {
	if len(ph) == 0 || len(fs) == 0 {
		return fs
	}
	type member struct{ ptr, parent, key string }
	var held []member
	for ptr, s := range sp.index() {
		for _, v := range ph {
			if s.Start < v.End && v.Start < s.End && s.Start >= v.Start && ptr != "" {
				parent, key := pointer.Parent(ptr)
				held = append(held, member{ptr, parent, key})
			}
		}
	}
	kept := fs[:0]
	for _, f := range fs {
		about := false
		for _, v := range ph {
			if f.Start < v.End && v.Start < f.End {
				about = true
			}
		}
		for _, m := range held {
			// A finding at the placeholder's own pointer that does not
			// overlap its value is about the key's name (its spelling, its
			// version): that is written in the file, and stays.
			if f.Pointer != m.ptr && names(f, m.parent, m.key) {
				about = true
			}
		}
		if !about {
			kept = append(kept, f)
		}
	}
	return kept
}

// body is the outcome of linting one body.
type body struct {
	status   Status
	reason   string
	api      schemas.API
	kind     schemas.Kind
	findings []finding.Finding // offsets into the file, Target Fixed
	crossRef bool
}

// lintBody lints one body of a file (data): its JSON text, mapped into the
// file by b.Map. inRequest says the body comes with a call that sends it,
// so it is a payload even when it does not look like one.
func lintBody(data []byte, b *payload.Body, opts Options, inRequest bool) body {
	text := b.JSON
	parsed, err := jsonparse.Parse(text)
	if err != nil {
		if !inRequest && opts.Kind == "" && !detect.LooksLikePayload(text) {
			return body{status: Skipped, reason: "not valid JSON, and no entitlement-management property in it"}
		}
		f := syntaxFinding(text, err)
		f.Start, f.End = b.Map.Span(f.Start, f.End)
		return body{status: Linted, api: opts.API, kind: opts.Kind, findings: []finding.Finding{f}}
	}
	// Detection, the fingerprint and the cross-file facts read the root's
	// members and their members through the node table: nothing is decoded.
	view := detect.Body{Src: parsed.Src, Nodes: parsed.Nodes, Dups: len(parsed.Duplicates) > 0}
	shape := detect.Detect(view, opts.API, opts.Kind)
	if b.Typed && opts.API == "" {
		// A typed cmdlet binds PascalCase keys to the declared camelCase
		// properties: tell the versions apart by the names it sends.
		view.Rename = camelKey
		shape = detect.Detect(view, opts.API, opts.Kind)
	}
	if !shape.Payload || (!inRequest && b.Syntax != payload.JSON && opts.Kind == "" && !fingerprinted(parsed, shape.Kind)) {
		reason := shape.Reason()
		parsed.Release()
		return body{status: Skipped, reason: reason}
	}
	var fs []finding.Finding
	if parsed.BOM {
		fs = append(fs, finding.Finding{Rule: RuleBOM, Severity: finding.Info, Target: finding.Fixed, Start: 3, End: min(4, len(text)),
			Message: "the file starts with a UTF-8 byte order mark: save it without one, since a script may send it to Graph as part of the body"})
	}
	for _, d := range parsed.Duplicates {
		fs = append(fs, finding.Finding{Rule: RuleDuplicateKey, Severity: finding.Error, Pointer: d.Pointer, Target: finding.Fixed,
			Start: d.Offset, End: stringEnd(text, d.Offset),
			Message: fmt.Sprintf("duplicate property `%s`: Graph rejects a body that names a property twice (the first is at line %d); keep one",
				d.Key, position.NewLines(data).Pos(b.Map.Offset(d.First)).Line)})
	}
	checked := checkBody(shape.Shape, text, parsed, opts, b)
	var renamed []finding.Finding
	if b.Typed {
		// What reaches the wire: the cmdlet sends declared properties under
		// their declared names, so the rules judge the body as renamed.
		var wire []byte
		if wire, renamed = wireNames(text, checked, parsed, shape.Shape); renamed != nil {
			if p, err := jsonparse.Parse(wire); err == nil {
				parsed.Release()
				text, parsed = wire, p
				checked = checkBody(shape.Shape, text, parsed, opts, b)
			} else {
				renamed = nil
			}
		}
	}
	fs = append(fs, byTransport(checked, b, parsed)...)
	for i := range fs {
		mapFinding(&fs[i], data, b)
	}
	for i := range renamed {
		mapFinding(&renamed[i], data, b)
	}
	if len(renamed) > 0 {
		fs = append(fs, declaredSpelling(renamed, b))
	}
	for i := range fs {
		fs[i].API, fs[i].Kind = string(shape.API), string(shape.Kind)
	}
	fs = collections(fs, data, b)
	var reason string
	if opts.Explain {
		reason = shape.Reason()
	}
	linted := body{status: Linted, reason: reason, api: shape.API, kind: shape.Kind, findings: fs,
		crossRef: crossRef(parsed, shape.Kind)}
	// Nothing lintBody returns holds the nodes: the next body reuses them.
	// (Not on a panic: validation may still be reading them.)
	parsed.Release()
	return linted
}

// checkBody validates a body, runs its rules and places their findings in
// its JSON text, less those about placeholders.
func checkBody(s detect.Shape, text []byte, parsed *jsonparse.Result, opts Options, b *payload.Body) []finding.Finding {
	schemaFindings, ruleFindings := check(s, text, parsed, opts)
	fs := supersede(schemaFindings, ruleFindings)
	if b.Method == "PATCH" {
		fs = slices.DeleteFunc(fs, func(f finding.Finding) bool { return f.Rule == validate.RuleRequired }) // a PATCH body is partial
	}
	sp := resolve(fs, text, parsed)
	fs = slices.DeleteFunc(fs, misspelt(fs))
	if b.Via == payload.ViaUnknown {
		fs = slices.DeleteFunc(fs, partial)
	}
	return withoutPlaceholders(fs, sp, b.Placeholders)
}

// misspelt returns a test for the findings that say an object lacks a
// property which property-name-case finds there under another spelling
// (`"ID"` for `id`): one mistake, reported once, by the finding that says
// how to fix it.
func misspelt(fs []finding.Finding) func(finding.Finding) bool {
	type spelling struct{ object, want string }
	var cased []spelling
	for _, f := range fs {
		if f.Rule == "property-name-case" && f.Fix != nil && f.Fix.Op == finding.FixRename {
			object, _ := pointer.Parent(f.Pointer)
			cased = append(cased, spelling{object, f.Fix.Key})
		}
	}
	return func(f finding.Finding) bool {
		if f.Rule == "property-name-case" {
			return false
		}
		for _, c := range cased {
			if names(f, c.object, c.want) {
				return true
			}
		}
		return false
	}
}

// names reports whether a finding is about the object at pointer object,
// or about a member of it, and names its member key in its message: the
// way a rule says "`accessPackage` has no `id`" or "`type` is afterDateTime
// but there is no `endDateTime`".
func names(f finding.Finding, object, key string) bool {
	parent, _ := pointer.Parent(f.Pointer)
	return (f.Pointer == object || f.Pointer != "" && parent == object) && strings.Contains(f.Message, "`"+key+"`")
}

// partial reports whether a finding is about what a body lacks: a body
// whose call is out of sight may be a part that the script completes or
// merges with others before sending it ($a + $b, $p.accessPackage = ...),
// so only what it holds is judged.
func partial(f finding.Finding) bool {
	return f.Rule == validate.RuleRequired || f.Pointer == ""
}

// fingerprinted reports whether a body found without its call (a
// hashtable in a script, handed to a wrapper function) is a policy's or a
// request's: two of its root keys are that kind's own (one, such as
// questions or answers, is common in other scripts), and most of its root
// keys are properties of that kind at all (a test fixture or a report row
// that borrows two names is not a body).
func fingerprinted(parsed *jsonparse.Result, kind schemas.Kind) bool {
	src, nodes := parsed.Src, parsed.Nodes
	if len(nodes) == 0 || src[nodes[0].Start] != '{' {
		return false
	}
	keys := map[string]bool{}
	for c := int32(1); c <= nodes[0].Last; c = nodes[c].Last + 1 {
		keys[nodes[c].Key(src)] = true
	}
	strong, known := 0, 0
	for k := range keys {
		if detect.StrongKey(kind, k) {
			strong++
		}
		if detect.RootProperty(kind, k) || k == "@odata.type" {
			known++
		}
	}
	return strong >= 2 && 2*known >= len(keys)
}

// mapFinding moves a finding from the body's JSON offsets to the file's,
// through the source map, and its fix's edits with it. A fix of a body
// written in another syntax keeps its edits only where they replace one
// whole token by its spelling in that syntax (a key's name, an enum value);
// the others stay as suggestions, without edits.
func mapFinding(f *finding.Finding, data []byte, b *payload.Body) {
	f.Start, f.End = b.Map.Span(f.Start, f.End)
	if f.Fix == nil {
		return
	}
	if b.Map.Identity() {
		for j := range f.Fix.Edits {
			e := &f.Fix.Edits[j]
			e.Start, e.End = b.Map.Span(e.Start, e.End)
		}
		return
	}
	var edits []finding.TextEdit
	for _, e := range f.Fix.Edits {
		sp, ok := b.Map.Exact(e.Start, e.End)
		var text string
		switch {
		case !ok:
		case f.Fix.Op == finding.FixRename:
			text = payload.Key(b.Syntax, f.Fix.Key, data[sp.Start:sp.End])
		case f.Fix.Op == finding.FixReplace:
			text, ok = payload.Literal(b.Syntax, f.Fix.Value)
		default:
			ok = false
		}
		if !ok {
			edits = nil
			break
		}
		edits = append(edits, finding.TextEdit{Start: sp.Start, End: sp.End, New: text})
	}
	f.Fix.Edits = edits
}

// crossRef reports whether a body takes part in cross-file checks: a
// policy with a string id, or a request that names its policy.
func crossRef(parsed *jsonparse.Result, kind schemas.Kind) bool {
	src, nodes := parsed.Src, parsed.Nodes
	if len(nodes) == 0 || src[nodes[0].Start] != '{' {
		return false
	}
	if kind == schemas.Policy {
		id, ok := jsonparse.Member(src, nodes, 0, "id")
		return ok && src[nodes[id].Start] == '"'
	}
	for _, key := range []string{"assignment", "accessPackageAssignment"} {
		if a, ok := jsonparse.Member(src, nodes, 0, key); ok && src[nodes[a].Start] == '{' {
			if p, ok := jsonparse.Member(src, nodes, a, "assignmentPolicyId"); ok && src[nodes[p].Start] != 'n' {
				return true
			}
		}
	}
	return false
}

// bigBody is the size from which a body's schema validation and rules
// always run side by side: one large file among small ones would otherwise
// hold up the run on one core.
const bigBody = 1 << 20

// check validates a parsed body against its schema and runs the rules.
func check(s detect.Shape, text []byte, parsed *jsonparse.Result, opts Options) (schemaFindings, ruleFindings []finding.Finding) {
	src := parsed.Src // the one copy that the validator, the rules' gjson values and the parser's nodes share
	validateBody := func() {
		var err error
		schemaFindings, err = validate.Validate(s.API, s.Kind, src, parsed.Nodes, len(parsed.Duplicates) > 0)
		if err != nil {
			panic(err) // the embedded schemas are tested; failing here is a bug
		}
	}
	// The semantic rules and the team standards query the same gjson root.
	semantic := func() []finding.Finding {
		root := gjson.Parse(strings.TrimPrefix(src, "\xEF\xBB\xBF"))
		fs := runRules(opts.Rules, s, src, root, parsed, opts.put)
		if len(opts.standards) > 0 {
			fs = append(fs, standards.Check(opts.standards, s.API, s.Kind, root)...)
		}
		return fs
	}
	if len(text) < bigBody && !opts.SideBySide {
		validateBody()
		return schemaFindings, semantic()
	}
	done := make(chan any, 1) // buffered: if the rules panic, the validation still ends
	go func() {
		defer func() { done <- recover() }() // a panic belongs to this file, as Lint reports it
		validateBody()
	}()
	ruleFindings = semantic()
	if r := <-done; r != nil {
		panic(r)
	}
	return schemaFindings, ruleFindings
}

func runRules(list []*rules.Rule, s detect.Shape, src string, root gjson.Result, parsed *jsonparse.Result, put bool) []finding.Finding {
	if list == nil {
		list = rules.All
	}
	return rules.Check(list, rules.Body{Shape: rules.Shape{API: s.API, Kind: s.Kind}, Src: src, Root: root, Nodes: parsed.Nodes, Put: put})
}

// supersede drops schema findings that a rule reports more precisely at the
// same pointer (a cross-version property instead of an unknown one).
func supersede(schemaFindings, ruleFindings []finding.Finding) []finding.Finding {
	replaced := map[string]bool{}
	for _, f := range ruleFindings {
		if r := rules.ByID(f.Rule); r != nil {
			for _, id := range r.Supersedes {
				replaced[id+"\x00"+f.Pointer] = true
			}
		}
	}
	out := ruleFindings
	for _, f := range schemaFindings {
		if !replaced[f.Rule+"\x00"+f.Pointer] {
			out = append(out, f)
		}
	}
	return out
}

func syntaxFinding(data []byte, err error) finding.Finding {
	f := finding.Finding{Rule: RuleSyntax, Severity: finding.Error, Target: finding.Fixed, Message: err.Error()}
	if se, ok := err.(*jsonparse.SyntaxError); ok {
		f.Message = "invalid JSON: " + se.Msg
		f.Start = se.Offset
		f.End = min(se.Offset+1, len(data))
	}
	return f
}

// resolve turns pointers into byte spans of text, from the parser's nodes,
// and returns the spans it looked up, for the placeholder check.
func resolve(fs []finding.Finding, text []byte, parsed *jsonparse.Result) *spans {
	sp := &spans{parsed: parsed}
	for i := range fs {
		f := &fs[i]
		if f.Target == finding.Fixed && f.Fix == nil {
			continue
		}
		if f.Target != finding.Fixed {
			f.Start, f.End = span(sp, f.Pointer, f.Target)
			f.Target = finding.Fixed
		}
		if f.Fix != nil {
			planFix(f, text, sp)
		}
	}
	return sp
}

// spans finds where JSON Pointers are in a parsed body: a few findings walk
// a few nodes (Result.Find); the index of every pointer is built only for
// the checks that go through them all, and only once.
type spans struct {
	parsed *jsonparse.Result
	all    jsonparse.Index
}

func (s *spans) get(ptr string) (jsonparse.Span, bool) {
	if s.all != nil {
		sp, ok := s.all[ptr]
		return sp, ok
	}
	return s.parsed.Find(ptr)
}

func (s *spans) index() jsonparse.Index {
	if s.all == nil {
		s.all = jsonparse.IndexOf(s.parsed.Src, s.parsed.Nodes)
	}
	return s.all
}

// place fills in the line and column of every finding and sorts them.
func place(res *File, data []byte) {
	if len(res.Findings) == 0 && len(res.Bodies) == 0 {
		return
	}
	lines := position.NewLines(data)
	for i := range res.Bodies {
		b := &res.Bodies[i]
		start, end := lines.Pos(b.Start), lines.Pos(b.End)
		b.Line, b.Col, b.EndLine, b.EndCol = start.Line, start.Col, end.Line, end.Col
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		f.File = res.Name
		if f.API == "" {
			f.API, f.Kind = string(res.API), string(res.Kind)
		}
		Place(f, lines)
	}
	sort.SliceStable(res.Findings, func(i, j int) bool { return finding.Less(&res.Findings[i], &res.Findings[j]) })
	res.Source = KeepSource(res.Source, res.Findings, lines)
}

// Place sets the line and column of a finding and of its fix's edits from
// their byte offsets.
func Place(f *finding.Finding, lines *position.Lines) {
	start, end := lines.Pos(f.Start), lines.Pos(f.End)
	f.Line, f.Col, f.EndLine, f.EndCol = start.Line, start.Col, end.Line, end.Col
	if f.Fix == nil {
		return
	}
	for j := range f.Fix.Edits {
		e := &f.Fix.Edits[j]
		start, end := lines.Pos(e.Start), lines.Pos(e.End)
		e.Line, e.Col, e.EndLine, e.EndCol = start.Line, start.Col, end.Line, end.Col
	}
}

// KeepSource adds to source the text of the lines the findings start on.
func KeepSource(source map[int]string, fs []finding.Finding, lines *position.Lines) map[int]string {
	if source == nil && len(fs) > 0 {
		source = map[int]string{}
	}
	for _, f := range fs {
		if _, ok := source[f.Line]; !ok {
			source[f.Line] = lines.Text(f.Line)
		}
	}
	return source
}

// span locates a pointer's key or value. A pointer that is not in the file
// (a rule naming a property that should exist) falls back to its parent.
func span(sp *spans, ptr string, target finding.Target) (int, int) {
	for {
		s, ok := sp.get(ptr)
		if ok {
			hasKey := s.KeyStart >= 0
			switch {
			case target == finding.Value:
				return s.Start, s.End
			case hasKey:
				return s.KeyStart, s.KeyEnd
			default:
				return s.Start, s.Start + 1
			}
		}
		if ptr == "" {
			return 0, 0
		}
		i := bytes.LastIndexByte([]byte(ptr), '/')
		ptr, target = ptr[:i], finding.Start
	}
}

// stringEnd returns the offset just past the JSON string starting at start.
func stringEnd(data []byte, start int) int {
	for i := start + 1; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(data)
}
