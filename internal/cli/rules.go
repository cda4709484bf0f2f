package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/internal/validate"
	"github.com/emlint/emlint/rules"
)

// runRules lists the checks: the semantic rules, then the ids that schema
// validation and file reading report under.
func runRules(args []string, env Env) int {
	if len(args) > 0 {
		fmt.Fprintf(env.Stderr, "emlint rules: unexpected argument %q\n", args[0])
		return ExitTrouble
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tSHAPES\tDOC")
	for _, r := range rules.All {
		var shapes []string
		for _, s := range r.Shapes {
			shapes = append(shapes, s.String())
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, strings.Join(shapes, ","), r.Doc)
	}
	for _, r := range validate.RuleDocs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, "error", "all", r.Doc)
	}
	for _, r := range []struct{ id, sev, doc string }{
		{lint.RuleSyntax, "error", "The file is not valid JSON"},
		{lint.RuleDuplicateKey, "error", "A property named twice in one object"},
		{lint.RuleBOM, "info", "The file starts with a UTF-8 byte order mark"},
	} {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.id, r.sev, "all", r.doc)
	}
	if err := tw.Flush(); err != nil {
		return ExitTrouble
	}
	return ExitOK
}
