package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/emlint/emlint/internal/catalog"
	"github.com/emlint/emlint/internal/config"
	"github.com/emlint/emlint/internal/filter"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/internal/lsp"
)

// runLSP serves the Language Server Protocol on standard input and output,
// linting the buffers an editor sends, saved or not, with the
// configuration of each file's directory.
func runLSP(args []string, env Env) int {
	fs := flag.NewFlagSet("emlint lsp", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Bool("stdio", true, "talk over standard input and output (the only transport; clients may pass it)")
	configPath := fs.String("config", "", "read the configuration for every document from `file` (default: the .emlint.yaml or .emlint.yml found upward from each document's directory)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitTrouble
	}
	configs := configCache{byDir: map[string]*config.Config{}}
	if *configPath != "" {
		cfg, err := config.Load(*configPath, catalog.IDs())
		if err != nil {
			fmt.Fprintf(env.Stderr, "emlint lsp: %v\n", err)
			return ExitTrouble
		}
		configs.fixed = cfg
	}
	lintFn := func(path string, text []byte) []finding.Finding {
		cfg := configs.forFile(path, env)
		res := lint.Lint(path, text, lint.Options{ShapeFor: cfg.ShapeFor, Standards: cfg.Standards, SideBySide: true})
		if res.Status == lint.Failed {
			fmt.Fprintf(env.Stderr, "emlint lsp: %s\n", res.Reason)
		}
		if path != "" && !cfg.Included(path) {
			return nil
		}
		return filter.Findings(res.Findings, filter.Settings{Config: cfg})
	}
	help := func(rule string) string {
		if e, ok := catalog.ByID(rule); ok {
			return e.Help
		}
		return ""
	}
	err := lsp.Options{Version: version(), Help: help}.Serve(context.Background(), env.Stdin, env.Stdout, lintFn, env.Stderr)
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, lsp.ErrExitWithoutShutdown):
		return 1 // the protocol's exit status for exit without shutdown
	default:
		fmt.Fprintf(env.Stderr, "emlint lsp: %v\n", err)
		return ExitTrouble
	}
}

// configCache finds and loads the configuration of each directory once.
// A configuration with a mistake is reported on stderr (the client's log)
// and replaced by the defaults, so that the editor still gets diagnostics.
type configCache struct {
	mu    sync.Mutex
	byDir map[string]*config.Config
	fixed *config.Config // --config: the configuration of every document
}

func (c *configCache) forFile(path string, env Env) *config.Config {
	if c.fixed != nil {
		return c.fixed
	}
	if path == "" {
		return config.Default()
	}
	dir := filepath.Dir(path)
	c.mu.Lock()
	defer c.mu.Unlock()
	if cfg, ok := c.byDir[dir]; ok {
		return cfg
	}
	cfg := config.Default()
	if found, ok := config.Find(dir); ok {
		loaded, err := config.Load(found, catalog.IDs())
		if err != nil {
			fmt.Fprintf(env.Stderr, "emlint lsp: %v (using the defaults)\n", err)
		} else {
			cfg = loaded
		}
	}
	c.byDir[dir] = cfg
	return cfg
}
