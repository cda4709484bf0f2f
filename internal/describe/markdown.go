package describe

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Markdown writes the facts of every body for a pull request comment or a
// GitHub step summary: a table of the facts and a Mermaid flowchart of a
// request's path through the policy, which GitHub renders as a picture.
func Markdown(w io.Writer, all []Facts) error {
	var b strings.Builder
	if len(all) == 0 {
		b.WriteString("No policy or request body to describe.\n")
	}
	for i, f := range all {
		if i > 0 {
			b.WriteString("\n")
		}
		title := f.Kind
		if f.Policy != nil && f.Policy.Name != "" {
			title += " " + quoteMD(f.Policy.Name)
		}
		if f.Request != nil {
			title += " `" + f.Request.Type + "`"
		}
		fmt.Fprintf(&b, "### `%s:%d`: %s %s\n\n| | |\n|---|---|\n", f.File, f.Line, f.API, title)
		for _, r := range f.rows() {
			cell := cellMD(r.value)
			for _, m := range r.more {
				cell += "<br>" + cellMD(m)
			}
			fmt.Fprintf(&b, "| **%s** | %s |\n", r.label, cell)
		}
		if chart := f.Chart(); chart != "" {
			fmt.Fprintf(&b, "\n```mermaid\n%s```\n", chart)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func quoteMD(s string) string { return "“" + cellMD(s) + "”" }

// cellMD makes a fact safe in a table cell: no line breaks, no column
// separator, no HTML.
func cellMD(s string) string {
	s = strings.NewReplacer("|", `\|`, "\n", " ", "\r", "", "<", "&lt;", ">", "&gt;").Replace(s)
	return s
}

// Chart is the Mermaid flowchart of a body: for a policy, who can
// request, each approval stage, the grant, its expiry and its review; for
// a request, who asks for what under which policy.
func (f Facts) Chart() string {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	if p := f.Policy; p != nil {
		who := p.Scope
		if len(p.Targets) > 0 {
			who += "<br/>" + short(list(wordsOf(p.Targets)))
		}
		node(&b, "who", "Who can request", who, "")
		prev := "who"
		if p.Approval.ForAdd {
			for i, s := range p.Approval.Stages {
				id := fmt.Sprintf("stage%d", i+1)
				text := short(list(wordsOf(s.Approvers)))
				if s.Timeout != "" {
					text += "<br/>within " + s.Timeout
				}
				if s.Escalation {
					text += "<br/>escalates to " + short(list(wordsOf(s.EscalationApprovers)))
				}
				node(&b, id, fmt.Sprintf("Approval stage %d", i+1), text, "")
				fmt.Fprintf(&b, "  %s --> %s\n", prev, id)
				prev = id
			}
		} else {
			node(&b, "noapproval", "No approval", "granted on request", "")
			fmt.Fprintf(&b, "  %s --> noapproval\n", prev)
			prev = "noapproval"
		}
		node(&b, "grant", "Access granted", short(orNone(p.AccessPackage)), "round")
		fmt.Fprintf(&b, "  %s --> grant\n", prev)
		node(&b, "expiry", "Access expires", p.Expiry, "")
		b.WriteString("  grant --> expiry\n")
		if r := p.Review; r != nil {
			node(&b, "review", "Access review", reviewSummary(r), "")
			b.WriteString("  grant -.-> review\n")
		}
		return b.String()
	}
	if r := f.Request; r != nil {
		target := "the requestor"
		switch {
		case r.Target != nil:
			target = r.Target.Words
		case r.TargetID != "":
			target = "the subject " + r.TargetID
		}
		node(&b, "target", "For", short(target), "")
		node(&b, "request", "Request "+r.Type, r.Words, "")
		node(&b, "policy", "Policy", short(orNone(r.Policy)), "")
		node(&b, "package", "Access package", short(orNone(r.AccessPackage)), "round")
		b.WriteString("  target --> request --> policy --> package\n")
		return b.String()
	}
	return ""
}

// node writes a Mermaid node with a bold title and a text under it.
func node(b *strings.Builder, id, title, text, shape string) {
	label := "<b>" + mermaidText(title) + "</b><br/>" + mermaidText(text)
	open, close := "[\"", "\"]"
	if shape == "round" {
		open, close = "([\"", "\"])"
	}
	fmt.Fprintf(b, "  %s%s%s%s\n", id, open, label, close)
}

// mermaidText escapes a label for a quoted Mermaid node: quotes and angle
// brackets as Mermaid's entity codes, backticks (which would start a
// Markdown string) dropped; the <br/> this package writes is kept.
func mermaidText(s string) string {
	s = strings.ReplaceAll(s, "<br/>", "\x00")
	// One pass: what a replacement writes is not replaced again.
	s = strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;", "`", "", "#", "#35;").Replace(s)
	return strings.ReplaceAll(s, "\x00", "<br/>")
}

var guid = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)

// short abbreviates GUIDs in a chart label to their first eight digits:
// the table beside the chart gives them whole.
func short(s string) string {
	return guid.ReplaceAllStringFunc(s, func(g string) string { return g[:8] + "…" })
}
