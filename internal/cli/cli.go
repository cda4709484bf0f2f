// Package cli is emlint's command line: it parses flags, runs the linter and
// picks the exit status. cmd/emlint only calls Main.
package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/emlint/emlint/internal/lint"
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
  emlint init                      write a commented .emlint.yaml in the current directory
  emlint lsp                       run the Language Server (stdio) for editors
  emlint migrate [--write|--diff] PATH ...
                                   turn legacy beta policies and requests into v1.0 bodies
  emlint describe [--format text|markdown|json] PATH ...
                                   say what each policy and request does: who can request,
                                   who approves, for how long, how access is reviewed
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
	case "init":
		return runInit(args[1:], env)
	case "lsp":
		return runLSP(args[1:], env)
	case "migrate":
		return runMigrate(args[1:], env)
	case "describe":
		return runDescribe(args[1:], env)
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

// configFlags defines --config and --no-config, which lint and describe
// share.
func (fl *lintFlags) configFlags(fs *flag.FlagSet) {
	fs.StringVar(&fl.configPath, "config", "", "read the configuration from `file` (default: .emlint.yaml or .emlint.yml, searched upward from the current directory)")
	fs.BoolVar(&fl.noConfig, "no-config", false, "ignore configuration files")
}

// options reads --api and --kind (lint, describe, migrate): the shape a
// run forces on every body.
func (fl *lintFlags) options() (lint.Options, error) {
	opts := lint.Options{Explain: fl.verbose}
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
