package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/emlint/emlint/internal/describe"
	"github.com/emlint/emlint/internal/filter"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/internal/load"
	"github.com/emlint/emlint/schemas"
)

// runDescribe says in plain words what each policy and request body does,
// for the people who review and govern access.
func runDescribe(args []string, env Env) int {
	var fl lintFlags
	fs := flag.NewFlagSet("emlint describe", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	format := fs.String("format", "text", "output `format`: text, markdown (a table and a Mermaid chart per body, for a pull request or a step summary) or json")
	fs.StringVar(&fl.configPath, "config", "", "read the configuration from `file` (default: .emlint.yaml or .emlint.yml, searched upward from the current directory)")
	fs.BoolVar(&fl.noConfig, "no-config", false, "ignore configuration files")
	api := fs.String("api", "", "read every body as this API `version`: beta or v1.0 (default: detect, as lint does)")
	kind := fs.String("kind", "", "read every body as this `kind`: policy or request (default: detect)")
	fs.Usage = func() {
		fmt.Fprint(env.Stderr, "Usage: emlint describe [--format text|markdown|json] [--api A] [--kind K] PATH ...\n\n"+
			"Describes every policy and request body the files hold (JSON, .http, Markdown, PowerShell,\n"+
			"Terraform): who can request, who approves, for how long, how access is reviewed; with the\n"+
			"findings of `emlint lint` counted. It reads the bodies alone: ids stay ids.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	paths, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	if err != nil {
		return ExitTrouble
	}
	var write func(io.Writer, []describe.Facts) error
	switch *format {
	case "text":
		write = describe.Text
	case "markdown", "md":
		write = describe.Markdown
	case "json":
		write = describe.JSON
	default:
		return trouble(env, "--format %q: use text, markdown or json", *format)
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	cfg, err := loadConfig(fl)
	if err != nil {
		return trouble(env, "%v", err)
	}
	status := ExitOK
	var all []describe.Facts
	inputs, _ := included(load.Files(paths, load.Options{Stdin: env.Stdin}), cfg)
	opts := lint.Options{ShapeFor: cfg.ShapeFor, API: schemas.API(*api), Kind: schemas.Kind(*kind)}
	if *api != "" && *api != "beta" && *api != "v1.0" {
		return trouble(env, "--api %q: use beta or v1.0", *api)
	}
	if *kind != "" && *kind != "policy" && *kind != "request" {
		return trouble(env, "--kind %q: use policy or request", *kind)
	}
	results := lint.LintAll(inputs, opts)
	for i, res := range results {
		data, err := inputs[i].Read()
		if err != nil || res.Status == lint.Failed {
			fmt.Fprintf(env.Stderr, "emlint: %s\n", res.Reason)
			status = ExitTrouble
			continue
		}
		res.Findings = filter.Findings(res.Findings, filter.Settings{Config: cfg})
		all = append(all, describe.File(data, res)...)
	}
	if err := write(env.Stdout, all); err != nil {
		return trouble(env, "writing the description: %v", err)
	}
	return status
}
