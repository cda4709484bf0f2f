package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/emlint/emlint/internal/catalog"
	"github.com/emlint/emlint/internal/suggest"
)

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
		err = enc.Encode(catalog.All())
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
	for _, r := range catalog.All() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, level(r), strings.Join(r.Shapes, ","), r.Doc)
	}
	return tw.Flush()
}

// RulesMarkdown is the rule table of the README, generated from the same
// values as `emlint rules` so the two cannot disagree (a test checks it).
func RulesMarkdown() string {
	var b strings.Builder
	b.WriteString("| rule | severity | shapes | checks |\n|---|---|---|---|\n")
	for _, r := range catalog.All() {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, level(r), strings.Join(r.Shapes, ", "), strings.ReplaceAll(r.Doc, "|", "\\|"))
	}
	return b.String()
}

// runExplain prints a rule's long help.
func runExplain(args []string, env Env) int {
	if len(args) != 1 {
		fmt.Fprintln(env.Stderr, "usage: emlint explain RULE (see 'emlint rules' for the ids)")
		return ExitTrouble
	}
	e, ok := catalog.ByID(args[0])
	if !ok {
		msg := fmt.Sprintf("emlint explain: no rule %q", args[0])
		if s := suggest.Closest(args[0], catalog.IDs()); s != "" {
			msg += fmt.Sprintf(": did you mean %q?", s)
		} else {
			msg += ": run 'emlint rules' for the list"
		}
		fmt.Fprintln(env.Stderr, msg)
		return ExitTrouble
	}
	fmt.Fprintf(env.Stdout, "%s (%s, default severity %s; applies to %s)\n\n%s\n\n%s\n",
		e.ID, e.Source, level(e), strings.Join(e.Shapes, ", "), e.Doc, strings.TrimSpace(e.Help))
	return ExitOK
}

// level is a rule's default severity, marked when the rule is off unless
// configuration or --enable turns it on.
func level(e catalog.Entry) string {
	if e.Off {
		return e.Level + " (off by default)"
	}
	return e.Level
}
