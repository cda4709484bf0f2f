package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/finding"
	"github.com/tidwall/gjson"
)

// run applies one rule to a body and returns its findings, as the linter
// would before positions are resolved.
func run(t *testing.T, r *Rule, shape Shape, body string) []finding.Finding {
	t.Helper()
	if !gjson.Valid(body) {
		t.Fatalf("test body is not valid JSON: %s", body)
	}
	if !r.AppliesTo(shape) {
		t.Fatalf("rule %s does not apply to %s", r.ID, shape)
	}
	var out []finding.Finding
	r.Run(NewPass(r, shape, gjson.Parse(body), &out))
	return out
}

// summary renders findings as "severity pointer: message" lines, for
// comparing against expectations in table tests.
func summary(fs []finding.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s: %s\n", f.Severity, f.Pointer, f.Message)
	}
	return b.String()
}

// ruleCase is one row of a rule's table test: a body and, for each finding
// expected, "severity pointer" plus a fragment its message must contain.
// An empty want means the body must not trigger the rule (a near miss).
type ruleCase struct {
	name  string
	shape Shape
	body  string
	want  []want
}

type want struct {
	sev      finding.Severity
	pointer  string
	contains string
}

func runCases(t *testing.T, r *Rule, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := run(t, r, c.shape, c.body)
			if len(got) != len(c.want) {
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(c.want), summary(got))
			}
			for i, w := range c.want {
				g := got[i]
				if g.Rule != r.ID || g.Severity != w.sev || g.Pointer != w.pointer || !strings.Contains(g.Message, w.contains) {
					t.Errorf("finding %d = %s %s %s: %q\nwant %s %s containing %q", i, g.Rule, g.Severity, g.Pointer, g.Message, w.sev, w.pointer, w.contains)
				}
			}
		})
	}
}
