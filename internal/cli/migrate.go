package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/emlint/emlint/internal/extract"
	"github.com/emlint/emlint/internal/load"
	"github.com/emlint/emlint/internal/migrate"
)

// runMigrate turns legacy beta policies and requests into v1.0 bodies:
// printed, as a unified diff, or written in place. Whatever has no v1.0
// counterpart is reported as a note on stderr, never dropped silently.
func runMigrate(args []string, env Env) int {
	fs := flag.NewFlagSet("emlint migrate", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	write := fs.Bool("write", false, "replace each file with its v1.0 body")
	diff := fs.Bool("diff", false, "print a unified diff instead of the v1.0 bodies")
	var shape lintFlags
	fs.StringVar(&shape.kind, "kind", "", "migrate every body as this `kind`: policy or request (default: detect)")
	stdinName := fs.String("stdin-filename", "", "`name` of standard input in notes and diffs")
	fs.Usage = func() {
		fmt.Fprint(env.Stderr, "Usage: emlint migrate [--write] [--diff] [--kind K] PATH ...\n\nFlags:\n")
		fs.PrintDefaults()
	}
	paths, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	if err != nil {
		return ExitTrouble
	}
	forced, err := shape.options()
	if err != nil {
		return trouble(env, "%v", err)
	}
	if len(paths) == 0 {
		return trouble(env, "migrate: name the files or directories to migrate")
	}
	files := load.Files(paths, load.Options{Stdin: env.Stdin, StdinFilename: *stdinName})
	var jsonFiles []load.File
	status := ExitOK
	for _, f := range files {
		switch {
		case f.Err != nil:
			fmt.Fprintf(env.Stderr, "emlint: %v\n", f.Err)
			status = ExitTrouble
		case extract.Supported(f.Name):
			// Bodies inside .http, Markdown, PowerShell and Terraform files
			// are not migrated: a migration rewrites most of a body, which in
			// another syntax is not a token-for-token edit.
			fmt.Fprintf(env.Stderr, "%s: skipped: emlint migrate rewrites JSON files only\n", f.Name)
		default:
			jsonFiles = append(jsonFiles, f)
		}
	}
	for _, f := range jsonFiles {
		res, _, err := migrate.Body(f.Data, forced.Kind)
		switch {
		case errors.Is(err, migrate.ErrNotPayload):
			continue
		case errors.Is(err, migrate.ErrAlreadyV1):
			fmt.Fprintf(env.Stderr, "%s:1:1: info: %v [migrate]\n", f.Name, err)
			continue
		case err != nil:
			fmt.Fprintf(env.Stderr, "%s: error: %v [migrate]\n", f.Name, err)
			status = max(status, ExitFindings)
			continue
		}
		loc := migrate.NewLocator(f.Data)
		for _, n := range res.Notes {
			fmt.Fprintln(env.Stderr, loc.Format(f.Name, n))
		}
		out := res.Output
		if bytes.Contains(f.Data, []byte("\r\n")) {
			out = bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n")) // keep the file's line endings
		}
		if *diff {
			env.Stdout.Write(migrate.UnifiedDiff("a/"+f.Name, "b/"+f.Name, f.Data, out))
		}
		if *write {
			if err := replaceFile(f.Name, out); err != nil {
				fmt.Fprintf(env.Stderr, "emlint: %v\n", err)
				status = ExitTrouble
			}
			continue
		}
		if !*diff {
			if len(jsonFiles) > 1 {
				fmt.Fprintf(env.Stdout, "// %s\n", f.Name)
			}
			env.Stdout.Write(out)
		}
	}
	return status
}

// replaceFile writes data over path through a temporary file in the same
// directory, so a failure never leaves half a file, and keeps the mode.
func replaceFile(path string, data []byte) error {
	if path == "<stdin>" || path == load.Stdin {
		return fmt.Errorf("--write: standard input cannot be written back; drop --write")
	}
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".emlint-migrate-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
