package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
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
	"github.com/tidwall/gjson"
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
	fl.configFlags(fs)
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
	opts.ShapeFor, opts.Standards = cfg.ShapeFor, cfg.Standards
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
	context, err := policyContext(cfg, inputs, opts)
	if err != nil {
		return trouble(env, "%v", err)
	}
	r := &lintRun{env: env, fl: fl, opts: opts, failLevel: failLevel, notes: &bytes.Buffer{},
		settings: filter.Settings{Config: cfg, Enable: fl.enable, Disable: fl.disable}}
	if fl.writeBaseline == "" {
		r.base = base // a baseline is written from every finding
	}
	streamer, _ := reporter.(report.Streamer)
	if !streamReports || fl.writeBaseline != "" || !inNameOrder(inputs) {
		streamer = nil // the report lists files by name: inputs in another order are written at the end
	}
	// The stream writes to sink: the report, or the spool of the files
	// waiting behind a held one.
	sink := &switchWriter{to: out}
	var stream report.Stream
	if streamer != nil {
		if stream, err = streamer.Start(sink); err != nil {
			return trouble(env, "writing the report: %v", err)
		}
	}

	// A file's results are final when its turn comes, unless the cross-file
	// checks may add to them (lint.File.CrossRef: a policy with an id, or a
	// request naming its policy), which needs every file: such a file is
	// held, as a lint.File, and what the report says about the files after
	// it is spooled, which keeps the report's order and holds no more than
	// the report's own text. Once holdLimit files are held, the rest of the
	// inputs are read again to see whether the run can hold a policy with
	// an id, which every cross-file finding needs: if not, nothing needs
	// holding any more.
	var held []lint.File
	var heldInputs []load.File
	var spooled struct{ report, notes bytes.Buffer }
	var marks [][2]int // marks[k]: where the spooled report and notes after held[k] start
	notes := r.notes
	release := func() { // writes the held files and what is spooled behind each
		sink.to, r.notes = out, notes
		for k, f := range held {
			r.emit(stream, f)
			end := [2]int{spooled.report.Len(), spooled.notes.Len()}
			if k+1 < len(marks) {
				end = marks[k+1]
			}
			if r.werr == nil {
				_, r.werr = out.Write(spooled.report.Bytes()[marks[k][0]:end[0]])
			}
			notes.Write(spooled.notes.Bytes()[marks[k][1]:end[1]])
		}
		held, heldInputs, marks = nil, nil, nil
		spooled.report.Reset()
		spooled.notes.Reset()
	}
	noCrossFile := false
	lint.LintEach(inputs, opts, func(i int, f lint.File) {
		if stream != nil && (noCrossFile || !(f.Status == lint.Linted && f.CrossRef)) {
			r.emit(stream, f)
			return
		}
		held, heldInputs = append(held, f), append(heldInputs, inputs[i])
		if stream == nil {
			return
		}
		marks = append(marks, [2]int{spooled.report.Len(), spooled.notes.Len()})
		sink.to, r.notes = &spooled.report, &spooled.notes
		if len(held) == holdLimit && !mayDefinePolicy(held, context.files, inputs[i+1:]) {
			noCrossFile = true
			release()
		}
	})
	// Requests against the policies they name, before the configuration
	// applies; the configured policy files are context, not reported.
	all := append(held, context.files...)
	if len(held) > 0 {
		crossfile.Apply(append(heldInputs, context.inputs...), all)
	}
	held = all[:len(held)] // all may be a copy
	files := append(held, excluded...)
	if stream != nil {
		release()
		for i := range excluded {
			r.account(&excluded[i]) // skipped: no format lists them, so out of name order is fine
		}
		if r.werr == nil {
			r.werr = stream.End()
		}
	} else {
		for i := range files {
			files[i] = r.finish(files[i])
		}
		if fl.writeBaseline != "" {
			return writeBaseline(env, fl.writeBaseline, files)
		}
		r.werr = reporter.Report(out, files)
		for i := range files {
			r.account(&files[i])
		}
	}
	if r.werr != nil {
		return trouble(env, "writing the report: %v", r.werr)
	}
	env.Stderr.Write(r.notes.Bytes())
	if fl.reportUnusedIgnores {
		for _, ig := range cfg.UnusedIgnores() {
			fmt.Fprintf(env.Stderr, "%s:%d:%d: warning: this ignore entry (path %q) matched no finding: remove it [unused-ignore]\n",
				cfg.Path, ig.Line, ig.Col, ig.Path)
			if finding.Warning >= failLevel && r.status == ExitOK {
				r.status = ExitFindings
			}
		}
	}
	if fl.format == "text" {
		fmt.Fprintln(env.Stderr, r.tally.String())
	}
	return r.status
}

// streamReports lets tests compare a streamed report with a collected one.
var streamReports = true

// lintRun finishes each file's results and counts them for the summary,
// the exit status and the notes on standard error, a file at a time, so
// that a streamed run keeps no file after writing it.
type lintRun struct {
	env       Env
	fl        lintFlags
	opts      lint.Options
	settings  filter.Settings
	base      *baseline.Baseline
	failLevel finding.Severity

	tally  report.Tally
	notes  *bytes.Buffer // what is printed on standard error after the report: failures, and --verbose's lines
	status int
	werr   error // the first error writing the report
}

// spool is what the report and the notes say about the files waiting
// behind a held one.
// holdLimit is how many files a streamed run holds for the cross-file
// checks before it reads the rest of the inputs again to see whether it
// must (see runLint). A held file costs a few hundred bytes; the second
// read costs a tenth of a run's time. So a run holds thousands (a 10,000-
// file corpus with 3,000 requests naming policies holds them all, about
// 1 MB), and reads again only when it would hold more. A variable for the
// tests.
var holdLimit = 4096

// switchWriter writes to one writer, then another.
type switchWriter struct{ to io.Writer }

func (w *switchWriter) Write(p []byte) (int, error) { return w.to.Write(p) }

// finish applies the configuration, --fix and the baseline to a file's
// findings.
func (r *lintRun) finish(f lint.File) lint.File {
	f.Findings = filter.Findings(f.Findings, r.settings)
	if r.fl.fix && f.Name != stdinName(r.fl) { // standard input cannot be written back
		f = fixFile(r.env, f, r.opts, r.settings)
	}
	if r.base != nil {
		f.Findings = r.base.Filter(f.Findings)
	}
	return f
}

// emit finishes a file and writes it to the report.
func (r *lintRun) emit(stream report.Stream, f lint.File) {
	f = r.finish(f)
	if r.werr == nil {
		r.werr = stream.File(&f)
	}
	r.account(&f)
}

// account counts a reported file and notes what it adds to standard error.
func (r *lintRun) account(f *lint.File) {
	r.tally.Add(f)
	switch {
	case f.Status == lint.Failed:
		fmt.Fprintf(r.notes, "emlint: %s\n", f.Reason)
		r.status = ExitTrouble
	case r.fl.verbose && f.Status == lint.Skipped:
		fmt.Fprintf(r.notes, "emlint: skipped %s: %s\n", f.Name, f.Reason)
	case r.fl.verbose:
		fmt.Fprintf(r.notes, "emlint: linted %s as %s: %s\n", f.Name, schemas.Name(f.API, f.Kind), f.Reason)
		for _, b := range f.Bodies {
			method := b.Method
			if method == "" {
				method = "(method not known)"
			}
			fmt.Fprintf(r.notes, "emlint:   %s:%d:%d-%d:%d: %s body, %s via %s\n", f.Name, b.Line, b.Col, b.EndLine, b.EndCol,
				schemas.Name(b.API, b.Kind), method, b.Via)
		}
	}
	for _, x := range f.Findings {
		if x.Severity >= r.failLevel && r.status == ExitOK {
			r.status = ExitFindings
		}
	}
}

// mayDefinePolicy reports whether the run may hold a policy with an id:
// among the files held so far or the configured policy files (as
// crossfile.Apply tells), or among the inputs not linted yet, which are
// read again, side by side, for a body whose root has a string "id" (as
// crossfile.Check reads bodies; their kinds are not known yet, so a request
// with an id is taken for a policy). A file that cannot be read is not: the
// linter reports it failed.
func mayDefinePolicy(held, context []lint.File, rest []load.File) bool {
	for _, f := range append(held[:len(held):len(held)], context...) {
		if f.Status == lint.Linted && f.CrossRef && (f.Kind == schemas.Policy || extract.Supported(f.Name)) {
			return true
		}
	}
	var next atomic.Int64
	var found atomic.Bool
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(rest)) {
		wg.Go(func() {
			for !found.Load() {
				i := int(next.Add(1)) - 1
				if i >= len(rest) {
					return
				}
				data, err := rest[i].Read()
				if err != nil {
					continue
				}
				text, _ := extract.Text(rest[i].Name, data)
				for _, b := range extract.Bodies(rest[i].Name, text) {
					if gjson.GetBytes(bytes.TrimPrefix(b.JSON, []byte("\xEF\xBB\xBF")), "id").Type == gjson.String {
						found.Store(true)
					}
				}
			}
		})
	}
	wg.Wait()
	return found.Load()
}

// inNameOrder reports whether files are in the order of their names, each
// name once: the order every streaming format lists files in.
func inNameOrder(files []load.File) bool {
	for i := 1; i < len(files); i++ {
		if files[i-1].Name >= files[i].Name {
			return false
		}
	}
	return true
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
