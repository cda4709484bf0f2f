package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/emlint/emlint/internal/describe"
	"github.com/emlint/emlint/internal/filter"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/internal/load"
)

// runDescribe says in plain words what each policy and request body does,
// for the people who review and govern access.
func runDescribe(args []string, env Env) int {
	var fl lintFlags
	fs := flag.NewFlagSet("emlint describe", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	format := fs.String("format", "text", "output `format`: text, markdown (a table and a Mermaid chart per body, for a pull request or a step summary) or json")
	fl.configFlags(fs)
	fs.StringVar(&fl.api, "api", "", "read every body as this API `version`: beta or v1.0 (default: detect, as lint does)")
	fs.StringVar(&fl.kind, "kind", "", "read every body as this `kind`: policy or request (default: detect)")
	base := fs.String("base", "", "describe what changed since git `revision` REV (each file as `git show REV:path` has it), widening changes first")
	failOnWidening := fs.Bool("fail-on-widening", false, "with --base: exit 1 when a change widens access (approval removed, longer expiry, wider scope...)")
	fs.Usage = func() {
		fmt.Fprint(env.Stderr, "Usage: emlint describe [--format text|markdown|json] [--api A] [--kind K] [--base REV [--fail-on-widening]] PATH ...\n\n"+
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
	if *failOnWidening && *base == "" {
		return trouble(env, "--fail-on-widening needs --base REV: the revision to compare with")
	}
	opts, err := fl.options()
	if err != nil {
		return trouble(env, "%v", err)
	}
	opts.ShapeFor, opts.Standards = cfg.ShapeFor, cfg.Standards
	inputs, _ := included(load.Files(paths, load.Options{Stdin: env.Stdin}), cfg)
	results := lint.LintAll(inputs, opts)
	status := ExitOK
	var all []describe.Facts
	var diffs []describe.BodyDiff
	var git *gitRevision
	if *base != "" {
		if git, err = newGitRevision(*base); err != nil {
			return trouble(env, "--base %s: %v", *base, err)
		}
	}
	for i, res := range results {
		data, err := inputs[i].Read()
		if err != nil || res.Status == lint.Failed {
			fmt.Fprintf(env.Stderr, "emlint: %s\n", res.Reason)
			status = ExitTrouble
			continue
		}
		res.Findings = filter.Findings(res.Findings, filter.Settings{Config: cfg})
		now := describe.File(data, res)
		if git == nil {
			all = append(all, now...)
			continue
		}
		var before []describe.Facts
		if old, ok, err := git.file(inputs[i].Name); err != nil {
			fmt.Fprintf(env.Stderr, "emlint: %s: %v\n", inputs[i].Name, err)
			status = ExitTrouble
			continue
		} else if ok {
			before = describe.File(old, lint.Lint(inputs[i].Name, old, opts))
		}
		diffs = append(diffs, pairBodies(before, now, *base)...)
	}
	if git != nil {
		writeDiff := map[string]func(io.Writer, []describe.BodyDiff) error{"text": describe.DiffText, "markdown": describe.DiffMarkdown, "md": describe.DiffMarkdown, "json": describe.DiffJSON}[*format]
		if err := writeDiff(env.Stdout, diffs); err != nil {
			return trouble(env, "writing the description: %v", err)
		}
		for _, d := range diffs {
			if *failOnWidening && d.Widening() && status == ExitOK {
				status = ExitFindings
			}
		}
		return status
	}
	if err := write(env.Stdout, all); err != nil {
		return trouble(env, "writing the description: %v", err)
	}
	return status
}

// pairBodies pairs a file's bodies at the base revision with its bodies
// now, in file order, and says what changed in each.
func pairBodies(before, now []describe.Facts, base string) []describe.BodyDiff {
	var out []describe.BodyDiff
	for i := 0; i < max(len(before), len(now)); i++ {
		var b, a *describe.Facts
		if i < len(before) {
			b = &before[i]
		}
		if i < len(now) {
			a = &now[i]
		}
		ref := a
		if ref == nil {
			ref = b
		}
		out = append(out, describe.BodyDiff{File: ref.File, Line: ref.Line, API: ref.API, Kind: ref.Kind, Base: base, Changes: describe.Diff(b, a)})
	}
	return out
}

// gitRevision reads files as a git revision has them.
type gitRevision struct {
	rev, top string
}

func newGitRevision(rev string) (*gitRevision, error) {
	out, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		return nil, fmt.Errorf("not in a git repository: run emlint describe --base from inside the repository")
	}
	if err := exec.Command("git", "rev-parse", "--verify", "--quiet", rev+"^{commit}").Run(); err != nil {
		return nil, fmt.Errorf("no such revision in this repository (fetch it, or check its name)")
	}
	return &gitRevision{rev: rev, top: strings.TrimSpace(string(out))}, nil
}

// file returns a file's content at the revision; ok is false when the
// file is new since.
func (g *gitRevision) file(name string) ([]byte, bool, error) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return nil, false, err
	}
	if resolved, err := filepath.EvalSymlinks(abs); err == nil {
		abs = resolved
	}
	top := g.top
	if resolved, err := filepath.EvalSymlinks(top); err == nil {
		top = resolved
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return nil, false, fmt.Errorf("outside the git repository")
	}
	cmd := exec.Command("git", "-C", top, "cat-file", "-e", g.rev+":"+filepath.ToSlash(rel))
	if cmd.Run() != nil {
		return nil, false, nil // new since the revision
	}
	out, err := exec.Command("git", "-C", top, "show", g.rev+":"+filepath.ToSlash(rel)).Output()
	if err != nil {
		return nil, false, fmt.Errorf("git show %s:%s: %v", g.rev, filepath.ToSlash(rel), err)
	}
	return out, true, nil
}
