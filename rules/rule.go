// Package rules holds emlint's semantic rules: what Graph enforces (or
// silently gets wrong) that a JSON Schema cannot say. Each rule is a value
// in its own file, in the style of golang.org/x/tools/go/analysis: an ID,
// a severity, a one-line Doc, long Help, the shapes it applies to, and Run.
// All lists them; `emlint rules` and the README are generated from it.
package rules

import (
	"fmt"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/schemas"
	"github.com/tidwall/gjson"
)

// Shape is one of the four payload shapes.
type Shape struct {
	API  schemas.API
	Kind schemas.Kind
}

func (s Shape) String() string { return schemas.Name(s.API, s.Kind) }

var (
	BetaPolicy  = Shape{schemas.Beta, schemas.Policy}
	V1Policy    = Shape{schemas.V1, schemas.Policy}
	BetaRequest = Shape{schemas.Beta, schemas.Request}
	V1Request   = Shape{schemas.V1, schemas.Request}

	Policies  = []Shape{BetaPolicy, V1Policy}
	Requests  = []Shape{BetaRequest, V1Request}
	AllShapes = []Shape{BetaPolicy, V1Policy, BetaRequest, V1Request}
)

// Rule is one semantic check.
type Rule struct {
	ID       string           // stable, kebab-case
	Severity finding.Severity // default; a finding may be reported lower
	Shapes   []Shape
	Doc      string // one line
	Help     string // why, a bad body and its fix, and the Graph docs it rests on
	// Supersedes lists schema rule ids whose findings at the same pointer
	// this rule's findings replace with a more specific message.
	Supersedes []string
	// Off rules run only when configuration or --enable turns them on:
	// advice that would otherwise fire on bodies that are right as they are.
	Off bool
	Run func(*Pass)
}

// AppliesTo reports whether the rule runs on a shape.
func (r *Rule) AppliesTo(s Shape) bool {
	for _, x := range r.Shapes {
		if x == s {
			return true
		}
	}
	return false
}

// Pass is one rule's view of one payload.
type Pass struct {
	Shape Shape
	Root  gjson.Result // the body, for queries
	rule  *Rule
	out   *[]finding.Finding
	memo  map[string]any // shared by the passes over one body
	tr    *tree          // the body's nodes; see tree()

	// Put is set when the body is sent with PUT (a request line in an .http
	// or Markdown file says so): a policy update that replaces the policy.
	Put bool
}

// NewPass prepares a run of rule over a payload; findings are appended to out.
func NewPass(rule *Rule, shape Shape, root gjson.Result, out *[]finding.Finding) *Pass {
	return &Pass{Shape: shape, Root: root, rule: rule, out: out}
}

// Body is one payload as the rules see it.
type Body struct {
	Shape Shape
	Src   string           // the text that was parsed, byte order mark included
	Root  gjson.Result     // the body's value, a slice of Src
	Nodes []jsonparse.Node // the parser's nodes over Src
	Put   bool             // sent with PUT: a request line says so
}

// Check runs the rules of list that apply to the body's shape and returns
// their findings. The passes share one walk of the body, the root members
// and whatever else several rules compute (see memoize).
func Check(list []*Rule, b Body) []finding.Finding {
	var out []finding.Finding
	pass := &Pass{Shape: b.Shape, Root: b.Root, out: &out, memo: map[string]any{}, tr: &tree{src: b.Src, nodes: b.Nodes}, Put: b.Put}
	for _, r := range list {
		if r.AppliesTo(b.Shape) {
			pass.rule = r
			r.Run(pass)
		}
	}
	return out
}

// memoize returns the value computed under key for this body, computing
// it on first use.
func (p *Pass) memoize(key string, compute func() any) any {
	if p.memo == nil {
		return compute()
	}
	if v, ok := p.memo[key]; ok {
		return v
	}
	v := compute()
	p.memo[key] = v
	return v
}

// Report records a finding at the rule's default severity.
func (p *Pass) Report(ptr string, target finding.Target, format string, args ...any) {
	p.ReportAt(p.rule.Severity, ptr, target, format, args...)
}

// ReportAt records a finding at a given severity, for rules whose catalogue
// entry grades cases differently (never above the rule's default).
func (p *Pass) ReportAt(sev finding.Severity, ptr string, target finding.Target, format string, args ...any) {
	*p.out = append(*p.out, finding.Finding{
		Rule:     p.rule.ID,
		Severity: min(sev, p.rule.Severity),
		Message:  fmt.Sprintf(format, args...),
		Pointer:  ptr,
		Target:   target,
	})
}

// IsUpdate reports whether the body replaces an existing policy: it is
// sent with PUT, or, for a plain JSON file, it carries the policy's id at
// the root, as exported policies and PUT bodies do.
func (p *Pass) IsUpdate() bool {
	if p.Put {
		return true
	}
	id := p.RootGet("id")
	return id.Exists() && id.Type != gjson.Null
}

// RootGet returns a member of the body's root object, through the node
// table: a gjson lookup on the root would scan the whole body.
func (p *Pass) RootGet(key string) gjson.Result {
	return p.rootNode(key).Value()
}

// Get returns the member key of an object, treating key literally (gjson
// paths give '.', '@', '*' and '#' a meaning).
func Get(obj gjson.Result, key string) gjson.Result {
	return obj.Get(gjson.Escape(key))
}

// Has reports whether an object has member key, even if its value is null.
func Has(obj gjson.Result, key string) bool {
	return Get(obj, key).Exists()
}

// ReportFix records a finding with a mechanical fix (see finding.Fix).
func (p *Pass) ReportFix(sev finding.Severity, ptr string, target finding.Target, fix *finding.Fix, format string, args ...any) {
	p.ReportAt(sev, ptr, target, format, args...)
	own := *fix // each finding gets its own: the linter fills in its edits
	(*p.out)[len(*p.out)-1].Fix = &own
}
