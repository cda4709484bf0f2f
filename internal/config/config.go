// Package config reads .emlint.yaml, the per-repository settings of emlint:
// the fail level, rule severities, the shape of files by path, which files
// to lint, and findings to ignore.
//
// The file is checked against its own JSON Schema (config.schema.json,
// embedded) and then for what a schema cannot know: rule ids, glob syntax
// and JSON Pointer patterns. Every mistake is an *Error at the line and
// column of the offending key or value.
//
// Globs and paths: patterns are relative to the directory of the config
// file and use forward slashes, with doublestar semantics (`*` within one
// path segment, `**` any number of segments). A pattern that matches a
// directory also matches everything below it, so `exclude: [vendor]` works
// like `exclude: ["vendor/**"]`. A leading "./" is ignored.
package config

import (
	"fmt"
	"github.com/bmatcuk/doublestar/v4"
	"github.com/emlint/emlint/internal/standards"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/emlint/emlint/schemas"
)

// FileName is the name `emlint init` writes; Find also accepts .emlint.yml.
const FileName = ".emlint.yaml"

// names are the file names Find looks for, in order of preference.
var names = []string{FileName, ".emlint.yml"}

// Config is a loaded configuration. Its methods are safe for concurrent use.
type Config struct {
	Dir       string           // directory of the config file (absolute); patterns are relative to it ("" for the default config: the working directory)
	Path      string           // the file as given to Load, "" for none
	FailLevel finding.Severity // 0 = default (error)

	rules     map[string]ruleSetting
	files     []fileEntry
	include   []string
	exclude   []string
	policies  []string
	ignores   []Ignore
	ignPtrs   [][]patToken  // compiled Pointer of ignores[i]; nil: any pointer
	used      []atomic.Bool // used[i]: ignores[i] matched a finding
	standards []standardEntry
}

// standardEntry is a standard and the globs of the files it applies to
// (none: every file).
type standardEntry struct {
	standards.Standard
	paths []string
}

// Standards returns the `standards:` that apply to a file, in file order.
func (c *Config) Standards(path string) []standards.Standard {
	var out []standards.Standard
	rel := c.rel(path)
	for _, s := range c.standards {
		match := len(s.paths) == 0
		for _, p := range s.paths {
			match = match || matchPath(p, rel)
		}
		if match {
			out = append(out, s.Standard)
		}
	}
	return out
}

type ruleSetting struct {
	off bool
	sev finding.Severity
}

type fileEntry struct {
	path string
	api  schemas.API
	kind schemas.Kind
}

// Ignore is one entry of `ignore:`.
type Ignore struct {
	Path    string   // glob of the files it applies to
	Pointer string   // JSON Pointer pattern; "" (omitted) = anywhere in the file
	Rules   []string // rule ids; empty (omitted) = every rule
	Reason  string   // free text
	// Line and Col are where the entry starts in the config file (1-based).
	Line, Col int
}

// Error is a mistake in a config file, at the line and column (1-based) of
// the offending key or value. YAML syntax errors carry the line only, with
// Col 1: the YAML parser does not report a column.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// Find looks for .emlint.yaml, else .emlint.yml, in startDir and then in
// each parent directory up to the filesystem root, and returns the first
// one found (its absolute path). startDir "" is the working directory.
func Find(startDir string) (path string, ok bool) {
	dir, err := filepath.Abs(startDir)
	if err != nil {
		return "", false
	}
	for {
		for _, name := range names {
			p := filepath.Join(dir, name)
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
				return p, true
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Default is the configuration without a file: every rule on at its default
// severity, every file included, nothing ignored.
func Default() *Config { return &Config{} }

// Load reads and checks a config file. ruleIDs are the known rule ids, for
// `rules:` and `ignore[].rules` (nil: not checked). A mistake in the file is
// an *Error; a file that cannot be read is the error from reading it. An
// empty file (or one with comments only) is the default configuration.
func Load(path string, ruleIDs []string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the config file: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("config file %s: %w", path, err)
	}
	c, cerr := parse(path, data, ruleIDs)
	if cerr != nil {
		return nil, cerr
	}
	c.Path, c.Dir = path, filepath.Dir(abs)
	return c, nil
}

// ShapeFor returns the api and kind that `files:` gives path. Each of api
// and kind comes from the first entry whose path matches and that sets it;
// "" when no entry does.
func (c *Config) ShapeFor(path string) (api schemas.API, kind schemas.Kind) {
	if len(c.files) == 0 {
		return "", ""
	}
	rel := c.rel(path)
	for _, f := range c.files {
		if (api != "" || f.api == "") && (kind != "" || f.kind == "") {
			continue // this entry could only set what is already set
		}
		if !matchPath(f.path, rel) {
			continue
		}
		if api == "" {
			api = f.api
		}
		if kind == "" {
			kind = f.kind
		}
		if api != "" && kind != "" {
			break
		}
	}
	return api, kind
}

// PolicyFiles lists the files that the `policies:` globs match, for the
// cross-file checks of requests; none when the key is not set.
func (c *Config) PolicyFiles() ([]string, error) {
	var out []string
	for _, pat := range c.policies {
		matches, err := doublestar.Glob(os.DirFS(c.Dir), pat)
		if err != nil {
			return nil, fmt.Errorf("%s: policies: %q: %v", c.Path, pat, err)
		}
		for _, m := range matches {
			out = append(out, filepath.Join(c.Dir, filepath.FromSlash(m)))
		}
	}
	return out, nil
}

// Included reports whether path is to be linted: it matches one of the
// `include:` patterns (when there are any) and none of `exclude:`.
func (c *Config) Included(path string) bool {
	if len(c.include) == 0 && len(c.exclude) == 0 {
		return true
	}
	rel := c.rel(path)
	if len(c.include) > 0 && !slices.ContainsFunc(c.include, func(p string) bool { return matchPath(p, rel) }) {
		return false
	}
	return !slices.ContainsFunc(c.exclude, func(p string) bool { return matchPath(p, rel) })
}

// Severity returns the severity configured for rule, or def when `rules:`
// does not name it. ok is false when the rule is turned off.
// Configured reports whether the configuration sets a rule's severity
// (turning on a rule that is off by default) or turns it off.
func (c *Config) Configured(rule string) bool {
	_, ok := c.rules[rule]
	return ok
}

func (c *Config) Severity(rule string, def finding.Severity) (sev finding.Severity, ok bool) {
	s, found := c.rules[rule]
	switch {
	case !found:
		return def, true
	case s.off:
		return 0, false
	}
	return s.sev, true
}

// Ignored reports whether an `ignore:` entry matches the finding: its file
// matches the entry's path, its pointer the entry's pointer pattern, and its
// rule is one of the entry's rules. Every matching entry is recorded as used.
func (c *Config) Ignored(f finding.Finding) bool {
	if len(c.ignores) == 0 {
		return false
	}
	rel := c.rel(f.File)
	var toks []string
	if f.Pointer != "" {
		toks = pointer.Split(f.Pointer)
	}
	hit := false
	for i := range c.ignores {
		ig := &c.ignores[i]
		if len(ig.Rules) > 0 && !slices.Contains(ig.Rules, f.Rule) {
			continue
		}
		if c.ignPtrs[i] != nil && !matchPointer(c.ignPtrs[i], toks) {
			continue
		}
		if !matchPath(ig.Path, rel) {
			continue
		}
		c.used[i].Store(true)
		hit = true
	}
	return hit
}

// UnusedIgnores returns the `ignore:` entries that have matched no finding
// so far, in file order, for --report-unused-ignores.
func (c *Config) UnusedIgnores() []Ignore {
	var out []Ignore
	for i := range c.ignores {
		if !c.used[i].Load() {
			out = append(out, cloneIgnore(c.ignores[i]))
		}
	}
	return out
}

func cloneIgnore(ig Ignore) Ignore {
	ig.Rules = slices.Clone(ig.Rules)
	return ig
}

// rel makes a path as the user typed it (relative to the working directory,
// or absolute) relative to the config's directory, with forward slashes.
func (c *Config) rel(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(filepath.Clean(p))
	}
	base := c.Dir
	if base == "" {
		if base, err = os.Getwd(); err != nil {
			return filepath.ToSlash(filepath.Clean(p))
		}
	}
	r, err := filepath.Rel(base, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(r)
}
