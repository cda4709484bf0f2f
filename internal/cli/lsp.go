package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

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
	configs := configCache{loaded: map[string]loadedConfig{}}
	if *configPath != "" {
		if _, err := config.Load(*configPath, catalog.IDs()); err != nil {
			fmt.Fprintf(env.Stderr, "emlint lsp: %v\n", err)
			return ExitTrouble
		}
		abs, err := filepath.Abs(*configPath) // the server edits it, and its directory anchors the entries' paths
		if err != nil {
			fmt.Fprintf(env.Stderr, "emlint lsp: %v\n", err)
			return ExitTrouble
		}
		configs.fixed = abs
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
	// A rule's help is what `emlint explain RULE` prints; "" for an id it
	// does not know (a team standard's).
	help := func(rule string) string {
		var out strings.Builder
		if runExplain([]string{rule}, Env{Stdout: &out, Stderr: io.Discard}) != ExitOK {
			return ""
		}
		return out.String()
	}
	err := lsp.Options{Version: version(), Help: help, Config: configs.fixed}.Serve(context.Background(), env.Stdin, env.Stdout, lintFn, env.Stderr)
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

// configCache loads each configuration file once, and again when it
// changes on disk: a saved "Ignore this finding" edit, or any other, takes
// effect at the next lint, without restarting the server. A configuration
// with a mistake is reported on stderr (the client's log) and replaced by
// the defaults, so that the editor still gets diagnostics.
type configCache struct {
	mu     sync.Mutex
	loaded map[string]loadedConfig // by file
	fixed  string                  // --config, absolute: the configuration of every document
}

type loadedConfig struct {
	cfg  *config.Config
	mod  time.Time
	size int64
}

func (c *configCache) forFile(path string, env Env) *config.Config {
	file := c.fixed
	if file == "" {
		if path == "" {
			return config.Default()
		}
		found, ok := config.Find(filepath.Dir(path))
		if !ok {
			return config.Default()
		}
		file = found
	}
	st, err := os.Stat(file)
	if err != nil {
		fmt.Fprintf(env.Stderr, "emlint lsp: %v (using the defaults)\n", err)
		return config.Default()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if l, ok := c.loaded[file]; ok && l.mod.Equal(st.ModTime()) && l.size == st.Size() {
		return l.cfg
	}
	cfg, err := config.Load(file, catalog.IDs())
	if err != nil {
		fmt.Fprintf(env.Stderr, "emlint lsp: %v (using the defaults)\n", err)
		cfg = config.Default()
	}
	c.loaded[file] = loadedConfig{cfg: cfg, mod: st.ModTime(), size: st.Size()}
	return cfg
}
