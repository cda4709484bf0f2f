// Package terraform finds the request bodies that Terraform files send to
// Microsoft Graph through the microsoft/msgraph provider (msgraph_resource,
// msgraph_update_resource, msgraph_resource_action) and transcodes them to
// JSON with a source map back to the .tf file.
//
// The file is parsed with HashiCorp's own HCL parser (hclsyntax), never
// evaluated: literal values are transcoded, every other value (a reference,
// a function call, an operator) becomes a placeholder.
//
// Variants: a body holding conditional expressions (cond ? a : b) is
// returned several times, consecutively, with the same Range: first with
// every conditional taking its true branch, then once per condition (in
// source order, at most maxVariants) with the conditionals that test it
// (the same text) taking their false branch: two attributes chosen by the
// same condition change together. Consecutive bodies with equal Range are
// variants of one body; their findings may repeat and are de-duplicated by
// the linter.
package terraform

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/payload"
	"github.com/emlint/emlint/schemas"
)

// onPanic sees a panic Extract recovered from; the fuzz test makes it fail.
var onPanic = func(any) {}

// maxVariants caps the false-branch variants of one body.
const maxVariants = 8

// Extract returns the bodies of a Terraform file, in file order, with byte
// offsets into text.
func Extract(text []byte) (out []payload.Body) {
	if !bytes.Contains(text, []byte("msgraph_")) {
		return nil // most .tf files: not worth a parse
	}
	defer func() {
		// hclsyntax is robust, but a linter must never take the run down
		// with it: a file it cannot read is skipped.
		if r := recover(); r != nil {
			onPanic(r)
			out = nil
		}
	}()
	f, diags := hclsyntax.ParseConfig(text, "main.tf", hcl.InitialPos)
	var errs hcl.Diagnostics
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			errs = append(errs, d)
		}
	}
	var body *hclsyntax.Body
	if f != nil {
		body, _ = f.Body.(*hclsyntax.Body)
	}
	if body != nil {
		locals := map[string]hclsyntax.Expression{}
		for _, b := range body.Blocks {
			if b.Type == "locals" && b.Body != nil {
				for name, a := range b.Body.Attributes {
					locals[name] = a.Expr
				}
			}
		}
		for _, b := range body.Blocks {
			out = append(out, block(text, b, errs, locals)...)
		}
	}
	// A file whose errors hid every body may still hold one of ours.
	if len(out) == 0 && len(errs) > 0 && bytes.Contains(text, []byte("entitlementManagement")) {
		d := errs[0]
		return []payload.Body{{Syntax: payload.HCL, Via: payload.ViaHCLUnknownCaller, Range: diagSpan(text, d),
			Unreadable: diagText(d) + ": emlint reads this file with HashiCorp's HCL parser and skipped it"}}
	}
	return out
}

// site is what a block says about how its body is sent.
type site struct {
	method     string
	methodSpan payload.Span
	via        string
	header     payload.Span // resource "type" "name"
}

// block returns the bodies of one block.
func block(text []byte, b *hclsyntax.Block, errs hcl.Diagnostics, locals map[string]hclsyntax.Expression) []payload.Body {
	if len(b.Labels) == 0 || b.Body == nil {
		return nil
	}
	attrs := b.Body.Attributes
	s := site{header: span(text, b.TypeRange)}
	if n := len(b.LabelRanges); n > 0 {
		s.header.End = max(s.header.End, span(text, b.LabelRanges[n-1]).End)
	}
	s.methodSpan = s.header
	switch {
	case b.Type == "resource" && b.Labels[0] == "msgraph_resource":
		s.method, s.via = "POST", payload.ViaMsgraphResource
	case b.Type == "resource" && b.Labels[0] == "msgraph_update_resource":
		s.method, s.via = "PATCH", payload.ViaMsgraphUpdate
	case (b.Type == "resource" || b.Type == "data" || b.Type == "ephemeral") && b.Labels[0] == "msgraph_resource_action":
		// The provider requires method; POST is the sensible reading when
		// it is missing (the file is already invalid then).
		s.method, s.via = "POST", payload.ViaMsgraphAction
		if a := attrs["method"]; a != nil {
			if v, ok := stringLit(a.Expr); ok {
				s.method, s.methodSpan = strings.ToUpper(v), span(text, a.Expr.Range())
			} else {
				s.method = ""
			}
		}
	default:
		// data "msgraph_resource" is a GET; other types send no body.
		return nil
	}
	bodyAttr := attrs["body"]
	if bodyAttr == nil {
		return nil
	}

	u := readURL(text, attrs, s.via == payload.ViaMsgraphAction)
	if u.expr == nil {
		return nil
	}
	version, versionKnown := "v1.0", true
	if a := attrs["api_version"]; a != nil {
		version, versionKnown = stringLit(a.Expr)
	}
	e := payload.Classify(s.method, s.methodSpan, u.url, u.span, u.literal, version)

	expr := bodyAttr.Expr
	if l := local(expr, locals); l != nil {
		expr = l // body = local.policy, with the object in this file's locals
	}
	bd := payload.Body{Syntax: payload.HCL, Method: s.method, URL: u.url, Via: s.via, API: e.API, Kind: e.Kind,
		Lint: e.Lint, Problems: e.Problems, Range: span(text, expr.Range())}
	switch {
	case e.Lint:
	case u.computed && (e.EM || u.hintsEM()):
		// The collection is behind an expression: lint the body only if
		// its properties say it is a policy or a request, and say so.
		bd.Fingerprint = true
		bd.Problems = append(bd.Problems, payload.Problem{Rule: payload.RuleFingerprint, Severity: finding.Info, Span: span(text, u.expr.Range()),
			Message: "the URL's collection cannot be read here (it is computed): emlint takes the body's shape from its properties"})
	case e.EM && len(e.Problems) > 0 && s.method != "GET" && s.method != "DELETE":
		bd.Fingerprint = true // an unknown collection: lint the body if it looks like ours
	default:
		return nil // not entitlement management, or a collection emlint does not lint
	}
	if !versionKnown {
		bd.Fingerprint = true
	}
	if s.via == payload.ViaMsgraphResource && e.Kind == schemas.Policy {
		bd.Problems = append(bd.Problems, updateMethod(text, attrs["update_method"], s.header)...)
		if a := attrs["update_method"]; a != nil {
			v, _ := stringLit(a.Expr)
			bd.Replaces = strings.EqualFold(v, "PUT")
		}
	}
	for _, d := range errs {
		if d.Subject != nil && overlaps(span(text, *d.Subject), bd.Range) {
			bd.Unreadable = diagText(d) // what the parser recovered is not what was meant
			return []payload.Body{bd}
		}
	}
	return transcode(text, expr, bd)
}

// local returns the expression of a local value the body names
// (`local.body`, or `jsonencode(local.body)`) when the file's own locals
// block defines it as an object, or nil.
func local(e hclsyntax.Expression, locals map[string]hclsyntax.Expression) hclsyntax.Expression {
	if fc, ok := e.(*hclsyntax.FunctionCallExpr); ok && funcName(fc.Name) == "jsonencode" && len(fc.Args) == 1 {
		e = fc.Args[0]
	}
	t, ok := e.(*hclsyntax.ScopeTraversalExpr)
	if !ok || len(t.Traversal) != 2 || t.Traversal.RootName() != "local" {
		return nil
	}
	attr, ok := t.Traversal[1].(hcl.TraverseAttr)
	if !ok {
		return nil
	}
	if l, ok := locals[attr.Name].(*hclsyntax.ObjectConsExpr); ok {
		return l
	}
	return nil
}

// updateMethod checks that a policy's msgraph_resource updates with PUT.
func updateMethod(text []byte, a *hclsyntax.Attribute, header payload.Span) []payload.Problem {
	at := header
	if a != nil {
		v, ok := stringLit(a.Expr)
		if !ok || strings.EqualFold(v, "PUT") {
			return nil // PUT, or an expression emlint cannot see through
		}
		at = span(text, a.Expr.Range())
	}
	return []payload.Problem{{Rule: payload.RulePolicyPatch, Severity: finding.Error, Span: at,
		Message: "Graph updates assignment policies only with PUT; the provider sends PATCH by default on every change: add `update_method = \"PUT\"`"}}
}

// target is a block's URL as written.
type target struct {
	expr     hclsyntax.Expression
	url      string       // the text as written, ${...} included
	span     payload.Span // where url is written
	literal  bool         // the file holds url itself at span
	computed bool         // some of it is an expression
	lits     string       // its literal parts
}

// hintsEM says whether a computed URL still reads as entitlement
// management (or is nothing but an expression): "${local.base}/groups" is
// not worth a finding, "${local.base}/assignmentPolicies" or var.url is.
func (t target) hintsEM() bool {
	return t.lits == "" || strings.Contains(t.lits, "entitlementManagement") ||
		strings.Contains(t.lits, "ssignmentPolicies") || strings.Contains(t.lits, "ssignmentRequests")
}

// readURL reads url, or resource_url and action for an action.
func readURL(text []byte, attrs hclsyntax.Attributes, action bool) target {
	name := "url"
	if action {
		name = "resource_url"
	}
	a := attrs[name]
	if a == nil {
		return target{}
	}
	t := target{expr: a.Expr, span: span(text, a.Expr.Range())}
	if x, ok := a.Expr.(*hclsyntax.TemplateExpr); ok && isQuoted(text, x) {
		t.span = payload.Span{Start: t.span.Start + 1, End: t.span.End - 1}
		t.url = string(text[t.span.Start:t.span.End])
		t.literal = !strings.Contains(t.url, `\`)
		for _, p := range x.Parts {
			if v, ok := stringLit(p); ok {
				t.lits += v
			} else {
				t.computed = true
			}
		}
	} else {
		t.url, t.computed = string(text[t.span.Start:t.span.End]), true
	}
	if action {
		if b := attrs["action"]; b != nil {
			act, ok := stringLit(b.Expr)
			if !ok {
				r := span(text, b.Expr.Range())
				act, t.computed = string(text[r.Start:r.End]), true
			}
			if act != "" {
				t.url = strings.TrimRight(t.url, "/") + "/" + act
				t.lits += "/" + act
				t.literal = false // the URL is written in two places
			}
		}
	}
	return t
}

// isQuoted says a template is a quoted string, not a heredoc.
func isQuoted(text []byte, x *hclsyntax.TemplateExpr) bool {
	r := span(text, x.SrcRange)
	return r.End-r.Start >= 2 && text[r.Start] == '"'
}

// stringLit returns the value of a string written without interpolation.
func stringLit(e hclsyntax.Expression) (string, bool) {
	switch x := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		if x.Val.Type().FriendlyName() == "string" && x.Val.IsKnown() && !x.Val.IsNull() {
			return x.Val.AsString(), true
		}
	case *hclsyntax.TemplateExpr:
		var sb strings.Builder
		for _, p := range x.Parts {
			v, ok := stringLit(p)
			if !ok {
				return "", false
			}
			sb.WriteString(v)
		}
		return sb.String(), true
	}
	return "", false
}

// span is where r is in text, clipped to it: a range from a broken file
// may point anywhere.
func span(text []byte, r hcl.Range) payload.Span {
	s := min(max(r.Start.Byte, 0), len(text))
	return payload.Span{Start: s, End: min(max(r.End.Byte, s), len(text))}
}

func overlaps(a, b payload.Span) bool { return a.Start < b.End && b.Start < a.End || a == b }

// diagSpan is where a diagnostic points, inside the file.
func diagSpan(text []byte, d *hcl.Diagnostic) payload.Span {
	if d.Subject == nil {
		return payload.Span{}
	}
	return span(text, *d.Subject)
}

func diagText(d *hcl.Diagnostic) string {
	if d.Subject == nil {
		return d.Summary
	}
	return fmt.Sprintf("line %d: %s", d.Subject.Start.Line, d.Summary)
}
