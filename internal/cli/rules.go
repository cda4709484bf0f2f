package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/internal/validate"
	"github.com/emlint/emlint/rules"
)

// ruleInfo is one line of `emlint rules`: a semantic rule, a schema check
// or a file-reading check.
type ruleInfo struct {
	ID       string   `json:"id"`
	Severity string   `json:"severity"`
	Shapes   []string `json:"shapes"`
	Source   string   `json:"source"` // "rule", "schema" or "file"
	Doc      string   `json:"doc"`
}

func catalog() []ruleInfo {
	var out []ruleInfo
	all := []string{"all"}
	for _, r := range rules.All {
		var shapes []string
		for _, s := range r.Shapes {
			shapes = append(shapes, s.String())
		}
		out = append(out, ruleInfo{r.ID, r.Severity.String(), shapes, "rule", r.Doc})
	}
	for _, r := range validate.RuleDocs {
		out = append(out, ruleInfo{r.ID, finding.Error.String(), all, "schema", r.Doc})
	}
	for _, r := range lint.RuleDocs {
		out = append(out, ruleInfo{r.ID, r.Severity.String(), all, "file", r.Doc})
	}
	return out
}

// runRules lists every check emlint reports under a rule id.
func runRules(args []string, env Env) int {
	fs := flag.NewFlagSet("emlint rules", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	format := fs.String("format", "text", "output `format`: text, json or markdown")
	if err := fs.Parse(args); err != nil {
		return ExitTrouble
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "emlint rules: unexpected argument %q\n", fs.Arg(0))
		return ExitTrouble
	}
	var err error
	switch *format {
	case "text":
		err = rulesText(env.Stdout)
	case "json":
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(catalog())
	case "markdown":
		_, err = io.WriteString(env.Stdout, RulesMarkdown())
	default:
		fmt.Fprintf(env.Stderr, "emlint rules: unknown format %q: use text, json or markdown\n", *format)
		return ExitTrouble
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "emlint rules: %v\n", err)
		return ExitTrouble
	}
	return ExitOK
}

func rulesText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tSHAPES\tDOC")
	for _, r := range catalog() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, strings.Join(r.Shapes, ","), r.Doc)
	}
	return tw.Flush()
}

// RulesMarkdown is the rule table of the README, generated from the same
// values as `emlint rules` so the two cannot disagree (a test checks it).
func RulesMarkdown() string {
	var b strings.Builder
	b.WriteString("| rule | severity | shapes | checks |\n|---|---|---|---|\n")
	for _, r := range catalog() {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, r.Severity, strings.Join(r.Shapes, ", "), strings.ReplaceAll(r.Doc, "|", "\\|"))
	}
	return b.String()
}
