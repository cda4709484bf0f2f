// Package catalog lists every check emlint reports under a rule id: the
// semantic rules, the schema checks and the file checks, with what
// `emlint rules`, `emlint explain`, the README and SARIF say about them.
package catalog

import (
	"strings"

	"github.com/emlint/emlint/internal/crossfile"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/internal/payload"
	"github.com/emlint/emlint/internal/validate"
	"github.com/emlint/emlint/rules"
)

// Entry describes one rule id.
type Entry struct {
	ID       string           `json:"id"`
	Severity finding.Severity `json:"-"`
	Level    string           `json:"severity"`
	Shapes   []string         `json:"shapes"`
	Source   string           `json:"source"`        // "rule", "schema" or "file"
	Off      bool             `json:"off,omitempty"` // runs only when configuration or --enable turns it on
	Doc      string           `json:"doc"`
	Help     string           `json:"-"`
}

// All returns every entry, semantic rules first.
func All() []Entry {
	var out []Entry
	all := []string{"all"}
	for _, r := range rules.All {
		var shapes []string
		for _, s := range r.Shapes {
			shapes = append(shapes, s.String())
		}
		out = append(out, Entry{ID: r.ID, Severity: r.Severity, Level: r.Severity.String(), Shapes: shapes, Source: "rule", Off: r.Off, Doc: r.Doc, Help: r.Help})
	}
	for _, r := range validate.RuleDocs {
		out = append(out, Entry{ID: r.ID, Severity: finding.Error, Level: finding.Error.String(), Shapes: all, Source: "schema", Doc: r.Doc, Help: validate.Help[r.ID]})
	}
	for _, r := range payload.RuleDocs {
		out = append(out, Entry{ID: r.ID, Severity: r.Severity, Level: r.Severity.String(), Shapes: r.Where, Source: "call site", Doc: r.Doc, Help: r.Help})
	}
	for _, r := range crossfile.RuleDocs {
		sev, _ := finding.ParseSeverity(r.Severity)
		shapes := []string{"beta-request", "v1.0-request"}
		if r.ID == crossfile.RuleDuplicatePolicyID {
			shapes = []string{"beta-policy", "v1.0-policy"}
		}
		out = append(out, Entry{ID: r.ID, Severity: sev, Level: r.Severity, Shapes: shapes, Source: "cross-file", Doc: r.Doc, Help: crossfile.Help(r.ID)})
	}
	for _, r := range lint.RuleDocs {
		out = append(out, Entry{ID: r.ID, Severity: r.Severity, Level: r.Severity.String(), Shapes: all, Source: "file", Doc: r.Doc, Help: r.Help})
	}
	for i := range out {
		out[i].Help = strings.TrimSpace(out[i].Help) + "\n\n" + silencing(out[i].ID)
	}
	return out
}

// silencing says how to silence a rule, the same for every rule.
func silencing(id string) string {
	return "To silence it:\n" +
		"  rules: {" + id + ": off}    in .emlint.yaml: off everywhere (or another severity)\n" +
		"  ignore: [{path: ..., pointer: ..., rules: [" + id + "]}]    in .emlint.yaml: in one place\n" +
		"  emlint lint --disable " + id + "    for one run\n" +
		"  emlint lint --write-baseline FILE, then --baseline FILE    report only new findings"
}

// ByID returns the entry for a rule id.
func ByID(id string) (Entry, bool) {
	for _, e := range All() {
		if e.ID == id {
			return e, true
		}
	}
	return Entry{}, false
}

// IDs returns every rule id, for did-you-mean hints.
func IDs() []string {
	var ids []string
	for _, e := range All() {
		ids = append(ids, e.ID)
	}
	return ids
}
