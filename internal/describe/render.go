package describe

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// row is one fact: a label and its value in words, with lines under it.
type row struct {
	label, value string
	more         []string
}

// rows lays a body's facts out in reading order, for text and markdown.
func (f Facts) rows() []row {
	var rs []row
	add := func(label, value string, more ...string) { rs = append(rs, row{label, value, more}) }
	if p := f.Policy; p != nil {
		add("Name", orNone(p.Name))
		if p.Description != "" {
			add("Description", p.Description)
		}
		add("Access package", orNone(p.AccessPackage))
		who := p.Scope
		if p.ScopeValue != "" && p.Scope != p.ScopeValue {
			who += " (`" + p.ScopeValue + "`)"
		}
		add("Who can request", who, wordsOf(p.Targets)...)
		add("Requestors may", requestorRights(p))
		if len(p.OnBehalf) > 0 {
			add("On behalf of others", list(wordsOf(p.OnBehalf)))
		}
		add("Approval of new requests", approvalSummary(p.Approval.ForAdd, p.Approval), stageLines(p.Approval)...)
		add("Approval of updates", approvalSummary(p.Approval.ForUpdate, p.Approval))
		expiry := p.Expiry
		if p.CustomSchedule {
			expiry += "; requestors may pick their own start and end"
		}
		add("Access expires", expiry)
		if r := p.Review; r != nil {
			add("Access reviews", reviewSummary(r), reviewLines(r)...)
		} else {
			add("Access reviews", "none")
		}
		if len(p.Questions) > 0 {
			add("Questions", plural(len(p.Questions), "question"), questionLines(p.Questions)...)
		}
		for _, x := range p.Extensions {
			add("Custom extension", fmt.Sprintf("`%s` at stage `%s`", x.Extension, x.Stage))
		}
		if a := p.Automatic; a != nil {
			auto := "requests access for the targets: " + yesNo(a.RequestForTargets) + "; removes access when a target leaves: " + yesNo(a.RemoveWhenTargetLeft)
			if a.GracePeriod != "" {
				auto += ", after " + a.GracePeriod
			}
			add("Automatic assignment", auto)
		}
	}
	if r := f.Request; r != nil {
		add("Request type", fmt.Sprintf("`%s`: %s", r.Type, r.Words))
		switch {
		case r.Target != nil:
			add("Target", r.Target.Words)
		case r.TargetID != "":
			add("Target", "the subject "+r.TargetID)
		}
		if r.Assignment != "" {
			add("Assignment", r.Assignment)
		}
		add("Access package", orNone(r.AccessPackage))
		add("Policy", orNone(r.Policy))
		if r.Starts != "" || r.Expiry != "" {
			add("Schedule", "starts "+orNone(r.Starts)+"; expires "+orNone(r.Expiry))
		}
		if len(r.Answers) > 0 {
			var more []string
			for _, a := range r.Answers {
				more = append(more, fmt.Sprintf("question %s: %q", a.Question, a.Value))
			}
			add("Answers", plural(len(r.Answers), "answer"), more...)
		}
		add("Justification", orNone(r.Justification))
	}
	if f.Note != "" {
		add("Note", f.Note)
	}
	add("Lint", f.Findings.String())
	return rs
}

func orNone(s string) string {
	if s == "" {
		return "not given"
	}
	return s
}

func (c Counts) String() string {
	if c == (Counts{}) {
		return "no findings"
	}
	var parts []string
	for _, x := range []struct {
		n    int
		word string
	}{{c.Errors, "error"}, {c.Warnings, "warning"}, {c.Infos, "info"}} {
		if x.n > 0 {
			parts = append(parts, plural(x.n, x.word))
		}
	}
	return strings.Join(parts, ", ") + " (`emlint lint` lists them)"
}

func wordsOf(ss []Subject) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Words)
	}
	return out
}

func requestorRights(p *Policy) string {
	var can []string
	if p.SelfRequest {
		can = append(can, "request access")
	}
	if p.SelfExtend {
		can = append(can, "extend it")
	}
	if p.SelfRemove {
		can = append(can, "give it up")
	}
	if len(can) == 0 {
		return "nothing themselves"
	}
	return list(can)
}

func approvalSummary(required bool, a Approval) string {
	if !required {
		return "none: granted without approval"
	}
	s := plural(len(a.Stages), "stage")
	if len(a.Stages) == 0 {
		s = "required, but no stage is given"
	}
	if a.RequestorJustification {
		s += "; the requestor must justify the request"
	}
	return s
}

func stageLines(a Approval) []string {
	if !a.ForAdd && !a.ForUpdate {
		return nil
	}
	var out []string
	for i, s := range a.Stages {
		line := fmt.Sprintf("stage %d: %s", i+1, list(wordsOf(s.Approvers)))
		if s.Timeout != "" {
			line += ", within " + s.Timeout
		}
		if len(s.Fallback) > 0 {
			line += "; fallback: " + list(wordsOf(s.Fallback))
		}
		if s.Escalation {
			line += "; escalates"
			if s.EscalationAfter != "" {
				line += " after " + s.EscalationAfter
			}
			line += " to " + list(wordsOf(s.EscalationApprovers))
		}
		if s.ApproverJustification {
			line += "; approvers must justify their decision"
		}
		out = append(out, line)
	}
	return out
}

func reviewSummary(r *Review) string {
	s := orNone(r.Every)
	if r.Every != "" {
		s = r.Every
	}
	if r.NoDecision != "" {
		s += "; without a decision, " + r.NoDecision
	}
	return s
}

func reviewLines(r *Review) []string {
	var out []string
	reviewers := list(wordsOf(r.Reviewers))
	if r.SelfReview {
		reviewers = "each user reviews their own access"
	}
	out = append(out, "reviewers: "+reviewers)
	if len(r.Fallback) > 0 {
		out = append(out, "fallback reviewers: "+list(wordsOf(r.Fallback)))
	}
	if r.Duration != "" {
		out = append(out, "each review lasts "+r.Duration)
	}
	if r.Starts != "" {
		out = append(out, "starting "+r.Starts)
	}
	return out
}

func questionLines(qs []Question) []string {
	var out []string
	for i, q := range qs {
		line := fmt.Sprintf("%d. %q (%s", i+1, q.Text, q.Type)
		if q.Required {
			line += ", required"
		}
		if len(q.Choices) > 0 {
			line += ": " + strings.Join(q.Choices, " / ")
		}
		if q.Pattern != "" {
			line += ", matching `" + q.Pattern + "`"
		}
		out = append(out, line+")")
	}
	return out
}

// Row is one line of a body's facts as text and Markdown lay them out:
// a label and its values (most have one), for pages that lay the facts out
// themselves, such as the playground.
type Row struct {
	Label  string   `json:"label"`
	Values []string `json:"values"`
}

// Rows are the body's facts in reading order.
func (f Facts) Rows() []Row {
	var out []Row
	for _, r := range f.rows() {
		out = append(out, Row{Label: r.label, Values: append([]string{r.value}, r.more...)})
	}
	return out
}

// Text writes the facts of every body, as a reviewer reads them in a
// terminal.
func Text(w io.Writer, all []Facts) error {
	var b strings.Builder
	for i, f := range all {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s:%d: %s %s\n", f.File, f.Line, f.API, f.Kind)
		for _, r := range f.rows() {
			fmt.Fprintf(&b, "  %-26s %s\n", r.label+":", r.value)
			for _, m := range r.more {
				fmt.Fprintf(&b, "  %-26s   %s\n", "", m)
			}
		}
	}
	if len(all) == 0 {
		b.WriteString("no policy or request body to describe\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// JSON writes the facts as one JSON document: {"bodies": [...]}.
func JSON(w io.Writer, all []Facts) error {
	if all == nil {
		all = []Facts{}
	}
	return writeBodies(w, all)
}

// writeBodies writes {"bodies": bodies}, indented.
func writeBodies(w io.Writer, bodies any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Bodies any `json:"bodies"`
	}{bodies})
}

// BodyDiff is what changed in one body since a base revision.
type BodyDiff struct {
	File    string   `json:"file"`
	Line    int      `json:"line"`
	API     string   `json:"api"`
	Kind    string   `json:"kind"`
	Base    string   `json:"base"` // the revision compared with
	Changes []Change `json:"changes"`
}

// Widening reports whether any change widens access.
func (d BodyDiff) Widening() bool {
	for _, c := range d.Changes {
		if c.Widening {
			return true
		}
	}
	return false
}

// DiffText writes what changed, body by body: what widens access first.
func DiffText(w io.Writer, all []BodyDiff) error {
	var b strings.Builder
	for i, d := range all {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s:%d: %s %s, against %s\n", d.File, d.Line, d.API, d.Kind, d.Base)
		if len(d.Changes) == 0 {
			b.WriteString("  no change in what the body does\n")
			continue
		}
		heading := ""
		for _, c := range d.Changes {
			h := "  other changes:\n"
			if c.Widening {
				h = "  WIDENS ACCESS:\n"
			}
			if h != heading {
				b.WriteString(h)
				heading = h
			}
			fmt.Fprintf(&b, "    %s: %s -> %s", c.Fact, c.Before, c.After)
			if c.Widening && c.Why != "" {
				fmt.Fprintf(&b, " (%s)", c.Why)
			}
			b.WriteString("\n")
		}
	}
	if len(all) == 0 {
		b.WriteString("no policy or request body to compare\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// DiffMarkdown writes what changed as a table per body, for a pull request
// comment or a step summary.
func DiffMarkdown(w io.Writer, all []BodyDiff) error {
	var b strings.Builder
	if len(all) == 0 {
		b.WriteString("No policy or request body to compare.\n")
	}
	for i, d := range all {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "### `%s:%d`: %s %s, against `%s`\n\n", d.File, d.Line, d.API, d.Kind, d.Base)
		if len(d.Changes) == 0 {
			b.WriteString("No change in what the body does.\n")
			continue
		}
		b.WriteString("| | Fact | Before | After |\n|---|---|---|---|\n")
		for _, c := range d.Changes {
			mark := ""
			if c.Widening {
				mark = "⚠️ **widens access**"
				if c.Why != "" {
					mark += ": " + cellMD(c.Why)
				}
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", mark, cellMD(c.Fact), cellMD(c.Before), cellMD(c.After))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// DiffJSON writes {"bodies": [...]}, one BodyDiff per body.
func DiffJSON(w io.Writer, all []BodyDiff) error {
	if all == nil {
		all = []BodyDiff{}
	}
	for i := range all {
		if all[i].Changes == nil {
			all[i].Changes = []Change{}
		}
	}
	return writeBodies(w, all)
}
