// Package cli is emlint's command line: it parses flags, runs the linter and
// picks the exit status. cmd/emlint only calls Main.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/internal/load"
	"github.com/emlint/emlint/internal/report"
	"github.com/emlint/emlint/schemas"
	"github.com/mattn/go-isatty"
)

// Exit statuses.
const (
	ExitOK       = 0 // no error-level finding
	ExitFindings = 1 // at least one error-level finding
	ExitTrouble  = 2 // emlint could not do its job: bad flag, missing or unreadable path
)

// Version is set at build time with -ldflags "-X ...cli.Version=v1.2.3";
// otherwise the module version from the build info is used.
var Version = ""

const usage = `emlint checks Microsoft Graph entitlement-management request bodies
(access package assignment policies and assignment requests, beta and v1.0)
against Graph's own type definitions and semantic rules, offline.

Usage:
  emlint lint [flags] [PATH ...]   lint files and directories (default: .); - reads stdin
  emlint rules [--format F]        list every rule (text, json or markdown)
  emlint explain RULE              print a rule's help: why, an example, the evidence
  emlint schema --api A --kind K   print the embedded JSON Schema of a shape, for editors
  emlint version                   print the version
  emlint help                      show this help

Run 'emlint lint -h' for the lint flags.

Exit status: 0 no error-level finding, 1 error-level findings, 2 emlint could
not do its job (bad flag, missing or unreadable path).
`

// Env is what the process gives the command line.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

// Main runs emlint with args (without the program name) and returns the
// exit status.
func Main(args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage)
		return ExitTrouble
	}
	switch args[0] {
	case "lint":
		return runLint(args[1:], env)
	case "rules":
		return runRules(args[1:], env)
	case "explain":
		return runExplain(args[1:], env)
	case "schema":
		return runSchema(args[1:], env)
	case "version", "--version":
		fmt.Fprintln(env.Stdout, "emlint", version())
		return ExitOK
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, usage)
		return ExitOK
	}
	fmt.Fprintf(env.Stderr, "emlint: unknown command %q: run 'emlint help'\n", args[0])
	return ExitTrouble
}

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

type lintFlags struct {
	api, kind, format, color, stdinFilename, output, failLevel string
	verbose                                                    bool
}

func runLint(args []string, env Env) int {
	var fl lintFlags
	fs := flag.NewFlagSet("emlint lint", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.StringVar(&fl.api, "api", "", "lint every body as this API version: `beta` (legacy beta shape) or v1.0 (default: detect)")
	fs.StringVar(&fl.kind, "kind", "", "lint every body as this kind: `policy` or request (default: detect; also lints files that do not look like payloads)")
	fs.StringVar(&fl.format, "format", "text", "output `format`: "+strings.Join(report.Formats, ", "))
	fs.StringVar(&fl.color, "color", "auto", "colour the text output: `when` auto (a terminal without NO_COLOR), always or never")
	fs.StringVar(&fl.stdinFilename, "stdin-filename", "", "`name` to print for standard input")
	fs.BoolVar(&fl.verbose, "verbose", false, "also list skipped files and how each file's shape was detected")
	fs.StringVar(&fl.output, "output", "", "write the report to `file` instead of standard output")
	fs.StringVar(&fl.failLevel, "fail-level", "", "the lowest `severity` that makes the exit status 1: error (default), warning or info")
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
		fmt.Fprintf(env.Stderr, "emlint: %v\n", err)
		return ExitTrouble
	}
	failLevel := finding.Error
	if fl.failLevel != "" {
		if failLevel, err = finding.ParseSeverity(fl.failLevel); err != nil {
			fmt.Fprintf(env.Stderr, "emlint: --fail-level: %v\n", err)
			return ExitTrouble
		}
	}
	out := env.Stdout
	if fl.output != "" {
		f, err := os.Create(fl.output)
		if err != nil {
			fmt.Fprintf(env.Stderr, "emlint: --output: %v\n", err)
			return ExitTrouble
		}
		defer f.Close()
		out = f
	}
	useColor, err := colorWanted(fl.color, Env{Stdout: out, Getenv: env.Getenv})
	if err != nil {
		fmt.Fprintf(env.Stderr, "emlint: %v\n", err)
		return ExitTrouble
	}
	reporter, err := report.New(fl.format, useColor)
	if err != nil {
		fmt.Fprintf(env.Stderr, "emlint: %v\n", err)
		return ExitTrouble
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}

	files := lint.LintAll(load.Files(paths, load.Options{Stdin: env.Stdin, StdinFilename: fl.stdinFilename}), opts)

	if err := reporter.Report(out, files); err != nil {
		fmt.Fprintf(env.Stderr, "emlint: writing the report: %v\n", err)
		return ExitTrouble
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
		}
		for _, x := range f.Findings {
			if x.Severity >= failLevel && status == ExitOK {
				status = ExitFindings
			}
		}
	}
	if fl.format == "text" {
		fmt.Fprintln(env.Stderr, report.Summary(files))
	}
	return status
}

// parseInterleaved accepts flags after paths too (emlint lint a.json --api
// beta), as users of other linters expect.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return paths, nil
		}
		paths = append(paths, args[0])
		args = args[1:]
	}
}

func (fl *lintFlags) options() (lint.Options, error) {
	var opts lint.Options
	switch fl.api {
	case "":
	case "beta", "v1.0":
		opts.API = schemas.API(fl.api)
	case "v1":
		opts.API = schemas.V1
	default:
		return opts, fmt.Errorf("--api %q: use beta or v1.0", fl.api)
	}
	switch fl.kind {
	case "":
	case "policy", "request":
		opts.Kind = schemas.Kind(fl.kind)
	default:
		return opts, fmt.Errorf("--kind %q: use policy or request", fl.kind)
	}
	return opts, nil
}

func colorWanted(when string, env Env) (bool, error) {
	switch when {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		if env.Getenv("NO_COLOR") != "" {
			return false, nil
		}
		f, ok := env.Stdout.(*os.File)
		return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())), nil
	}
	return false, fmt.Errorf("--color %q: use auto, always or never", when)
}
