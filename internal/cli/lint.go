package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/emlint/emlint/internal/baseline"
	"github.com/emlint/emlint/internal/catalog"
	"github.com/emlint/emlint/internal/config"
	"github.com/emlint/emlint/internal/crossfile"
	"github.com/emlint/emlint/internal/extract"
	"github.com/emlint/emlint/internal/filter"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/internal/load"
	"github.com/emlint/emlint/internal/report"
	"github.com/emlint/emlint/internal/suggest"
	"github.com/emlint/emlint/schemas"
)

type lintFlags struct {
	api, kind, format, color, stdinFilename, output, failLevel string
	configPath, baselinePath, writeBaseline                    string
	noConfig, verbose, reportUnusedIgnores, fix                bool
	enable, disable                                            ruleList
}

// ruleList is a repeatable flag of rule ids (also comma-separated).
type ruleList map[string]bool

func (l ruleList) String() string { return "" }
func (l ruleList) Set(v string) error {
	for _, id := range strings.Split(v, ",") {
		if id = strings.TrimSpace(id); id != "" {
			l[id] = true
		}
	}
	return nil
}

// trouble prints why emlint cannot do its job and returns exit status 2.
func trouble(env Env, format string, args ...any) int {
	fmt.Fprintf(env.Stderr, "emlint: "+format+"\n", args...)
	return ExitTrouble
}

func runLint(args []string, env Env) int {
	fl := lintFlags{enable: ruleList{}, disable: ruleList{}}
	fs := flag.NewFlagSet("emlint lint", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.StringVar(&fl.api, "api", "", "lint every body as this API version: `beta` (legacy beta shape) or v1.0 (default: configuration, else detect)")
	fs.StringVar(&fl.kind, "kind", "", "lint every body as this kind: `policy` or request (default: configuration, else detect; also lints files that do not look like payloads)")
	fs.StringVar(&fl.format, "format", "text", "output `format`: "+strings.Join(report.Formats, ", "))
	fs.StringVar(&fl.output, "output", "", "write the report to `file` instead of standard output")
	fs.StringVar(&fl.color, "color", "auto", "colour the text output: `when` auto (a terminal without NO_COLOR), always or never")
	fs.StringVar(&fl.failLevel, "fail-level", "", "the lowest `severity` that makes the exit status 1: error (default), warning or info")
	fs.StringVar(&fl.configPath, "config", "", "read the configuration from `file` (default: .emlint.yaml or .emlint.yml, searched upward from the current directory)")
	fs.BoolVar(&fl.noConfig, "no-config", false, "ignore configuration files")
	fs.Var(fl.enable, "enable", "turn `rule` on for this run (repeatable, or comma-separated)")
	fs.Var(fl.disable, "disable", "turn `rule` off for this run (repeatable, or comma-separated)")
	fs.StringVar(&fl.baselinePath, "baseline", "", "report only findings that are not in the baseline `file`")
	fs.StringVar(&fl.writeBaseline, "write-baseline", "", "record today's findings in `file` and exit 0")
	fs.BoolVar(&fl.reportUnusedIgnores, "report-unused-ignores", false, "warn about configuration ignore entries that matched nothing")
	fs.StringVar(&fl.stdinFilename, "stdin-filename", "", "`name` of standard input, for output, configuration paths and detection")
	fs.BoolVar(&fl.verbose, "verbose", false, "also list skipped files, how each file's shape was detected, and the bodies found in scripts and other containers")
	fs.BoolVar(&fl.fix, "fix", false, "apply the mechanical fixes in place (casing, renames, read-only properties...), keeping each file's formatting; report what remains")
	fs.Usage = func() {
		fmt.Fprint(env.Stderr, "Usage: emlint lint [flags] [PATH ...]\n\nFlags:\n")
		fs.PrintDefaults()
	}
	paths, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	if err != nil {
		return ExitTrouble // the flag package has printed why
	}
	opts, err := fl.options()
	if err != nil {
		return trouble(env, "%v", err)
	}
	for _, l := range []ruleList{fl.enable, fl.disable} {
		for id := range l {
			if err := knownRule(id); err != nil {
				return trouble(env, "%v", err)
			}
		}
	}
	cfg, err := loadConfig(fl)
	if err != nil {
		return trouble(env, "%v", err)
	}
	opts.ShapeFor = cfg.ShapeFor
	failLevel := cmpSeverity(cfg.FailLevel, finding.Error)
	if fl.failLevel != "" {
		if failLevel, err = finding.ParseSeverity(fl.failLevel); err != nil {
			return trouble(env, "--fail-level: %v", err)
		}
	}
	var base *baseline.Baseline
	if fl.baselinePath != "" {
		if base, err = readBaseline(fl.baselinePath); err != nil {
			return trouble(env, "--baseline %s: %v", fl.baselinePath, err)
		}
	}
	out := env.Stdout
	if fl.output != "" {
		f, err := os.Create(fl.output)
		if err != nil {
			return trouble(env, "--output: %v", err)
		}
		defer f.Close()
		out = f
	}
	useColor, err := colorWanted(fl.color, Env{Stdout: out, Getenv: env.Getenv})
	if err != nil {
		return trouble(env, "%v", err)
	}
	reporter, err := report.NewWith(fl.format, report.Options{Color: useColor, Version: version(), Timestamp: time.Now()})
	if err != nil {
		return trouble(env, "%v", err)
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}

	inputs, excluded := included(load.Files(paths, load.Options{Stdin: env.Stdin, StdinFilename: fl.stdinFilename, Lazy: true}), cfg)
	linted := lint.LintAll(inputs, opts)
	context, err := policyContext(cfg, inputs, opts)
	if err != nil {
		return trouble(env, "%v", err)
	}
	// Requests against the policies they name, before the configuration
	// applies; the configured policy files are context, not reported.
	all := append(append([]lint.File{}, linted...), context.files...)
	crossfile.Apply(append(append([]load.File{}, inputs...), context.inputs...), all)
	files := append(all[:len(linted)], excluded...)
	settings := filter.Settings{Config: cfg, Enable: fl.enable, Disable: fl.disable}
	filter.Apply(files, settings)
	if fl.fix {
		for i := range files {
			if files[i].Name == stdinName(fl) {
				continue // standard input cannot be written back
			}
			files[i] = fixFile(env, files[i], opts, settings)
		}
	}

	if fl.writeBaseline != "" {
		return writeBaseline(env, fl.writeBaseline, files)
	}
	if base != nil {
		for i := range files {
			files[i].Findings = base.Filter(files[i].Findings)
		}
	}
	if err := reporter.Report(out, files); err != nil {
		return trouble(env, "writing the report: %v", err)
	}
	status := ExitOK
	for _, f := range files {
		switch {
		case f.Status == lint.Failed:
			fmt.Fprintf(env.Stderr, "emlint: %s\n", f.Reason)
			status = ExitTrouble
		case fl.verbose && f.Status == lint.Skipped:
			fmt.Fprintf(env.Stderr, "emlint: skipped %s: %s\n", f.Name, f.Reason)
		case fl.verbose:
			fmt.Fprintf(env.Stderr, "emlint: linted %s as %s: %s\n", f.Name, schemas.Name(f.API, f.Kind), f.Reason)
			for _, b := range f.Bodies {
				method := b.Method
				if method == "" {
					method = "(method not known)"
				}
				fmt.Fprintf(env.Stderr, "emlint:   %s:%d:%d-%d:%d: %s body, %s via %s\n", f.Name, b.Line, b.Col, b.EndLine, b.EndCol,
					schemas.Name(b.API, b.Kind), method, b.Via)
			}
		}
		for _, x := range f.Findings {
			if x.Severity >= failLevel && status == ExitOK {
				status = ExitFindings
			}
		}
	}
	if fl.reportUnusedIgnores {
		for _, ig := range cfg.UnusedIgnores() {
			fmt.Fprintf(env.Stderr, "%s:%d:%d: warning: this ignore entry (path %q) matched no finding: remove it [unused-ignore]\n",
				cfg.Path, ig.Line, ig.Col, ig.Path)
			if finding.Warning >= failLevel && status == ExitOK {
				status = ExitFindings
			}
		}
	}
	if fl.format == "text" {
		fmt.Fprintln(env.Stderr, report.Summary(files))
	}
	return status
}

// loadConfig finds and reads the configuration the flags ask for.
func loadConfig(fl lintFlags) (*config.Config, error) {
	if fl.noConfig {
		return config.Default(), nil
	}
	path := fl.configPath
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		found, ok := config.Find(wd)
		if !ok {
			return config.Default(), nil
		}
		path = found
	}
	return config.Load(path, catalog.IDs())
}

// included splits files into those the configuration includes and, as
// skipped results, those it excludes.
func included(files []load.File, cfg *config.Config) ([]load.File, []lint.File) {
	var in []load.File
	var out []lint.File
	for _, f := range files {
		if f.Err == nil && !cfg.Included(f.Name) {
			out = append(out, lint.File{Name: f.Name, Status: lint.Skipped, Reason: "excluded by the configuration (" + cfg.Path + ")"})
			continue
		}
		in = append(in, f)
	}
	return in, out
}

func knownRule(id string) error {
	if _, ok := catalog.ByID(id); ok {
		return nil
	}
	if s := suggest.Closest(id, catalog.IDs()); s != "" {
		return fmt.Errorf("no rule %q: did you mean %q?", id, s)
	}
	return fmt.Errorf("no rule %q: run 'emlint rules' for the list", id)
}

func cmpSeverity(s, def finding.Severity) finding.Severity {
	if s == 0 {
		return def
	}
	return s
}

func readBaseline(path string) (*baseline.Baseline, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return baseline.Load(f)
}

func writeBaseline(env Env, path string, files []lint.File) int {
	var all []finding.Finding
	for _, f := range files {
		if f.Status == lint.Failed {
			return trouble(env, "not writing a baseline: %s", f.Reason)
		}
		all = append(all, f.Findings...)
	}
	f, err := os.Create(path)
	if err != nil {
		return trouble(env, "--write-baseline: %v", err)
	}
	if err := baseline.Write(f, all); err != nil {
		f.Close()
		return trouble(env, "--write-baseline: %v", err)
	}
	if err := f.Close(); err != nil {
		return trouble(env, "--write-baseline: %v", err)
	}
	fmt.Fprintf(env.Stderr, "emlint: wrote %d findings to %s; lint with --baseline %s to see only new ones\n", len(all), path, path)
	return ExitOK
}

// runInit writes a commented starting configuration.
func runInit(args []string, env Env) int {
	fs := flag.NewFlagSet("emlint init", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	force := fs.Bool("force", false, "overwrite an existing "+config.FileName)
	if err := fs.Parse(args); err != nil {
		return ExitTrouble
	}
	if fs.NArg() > 0 {
		return trouble(env, "init: unexpected argument %q", fs.Arg(0))
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if *force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(config.FileName, flags, 0o644)
	if errors.Is(err, os.ErrExist) {
		return trouble(env, "init: %s exists: edit it, or run 'emlint init --force' to replace it", config.FileName)
	}
	if err != nil {
		return trouble(env, "init: %v", err)
	}
	if _, err := io.WriteString(f, config.InitTemplate()); err != nil {
		f.Close()
		return trouble(env, "init: %v", err)
	}
	if err := f.Close(); err != nil {
		return trouble(env, "init: %v", err)
	}
	fmt.Fprintf(env.Stdout, "wrote %s: uncomment what you need\n", config.FileName)
	return ExitOK
}

func stdinName(fl lintFlags) string {
	if fl.stdinFilename != "" {
		return fl.stdinFilename
	}
	return "<stdin>"
}

// fixFile applies a file's fixes and lints it again, until no fix is left
// (fixes whose edits overlap wait for the next round). A file with a JSON
// syntax error is never changed. It returns the final result.
func fixFile(env Env, res lint.File, opts lint.Options, settings filter.Settings) lint.File {
	if !hasFix(res) {
		return res
	}
	raw, err := os.ReadFile(res.Name)
	if err != nil {
		return res
	}
	data, enc := extract.Text(res.Name, raw) // fixes edit the text; it is written back as it was encoded
	changed := false
	for round := 0; round < 10 && hasFix(res); round++ {
		for _, f := range res.Findings {
			if f.Rule == lint.RuleSyntax {
				return res
			}
		}
		next, n := lint.ApplyFixes(data, res.Findings)
		if n == 0 {
			break
		}
		data, changed = next, true
		res = lint.Lint(res.Name, data, opts)
		res.Findings = filter.Findings(res.Findings, settings)
	}
	if changed {
		if err := replaceFile(res.Name, load.Encode(data, enc)); err != nil {
			fmt.Fprintf(env.Stderr, "emlint: --fix: %v\n", err)
		}
	}
	return res
}

func hasFix(f lint.File) bool {
	for _, x := range f.Findings {
		if x.Fix != nil && len(x.Fix.Edits) > 0 {
			return true
		}
	}
	return false
}

// policyContext lints the policy files the configuration names (`policies:`)
// that are not among the inputs, for the cross-file checks of requests.
func policyContext(cfg *config.Config, inputs []load.File, opts lint.Options) (struct {
	inputs []load.File
	files  []lint.File
}, error) {
	var ctx struct {
		inputs []load.File
		files  []lint.File
	}
	paths, err := cfg.PolicyFiles()
	if err != nil || len(paths) == 0 {
		return ctx, err
	}
	given := map[string]bool{}
	for _, in := range inputs {
		if abs, err := filepath.Abs(in.Name); err == nil {
			given[abs] = true
		}
	}
	var more []string
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil && !given[abs] {
			more = append(more, p)
		}
	}
	ctx.inputs = load.Files(more, load.Options{Lazy: true})
	ctx.files = lint.LintAll(ctx.inputs, opts)
	return ctx, nil
}
