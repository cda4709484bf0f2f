package lsp

import (
	"bytes"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/emlint/emlint/internal/config"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/load"
	"github.com/emlint/emlint/internal/position"
)

// ignoreEntry is an `ignore:` entry as the "Ignore this finding" action
// writes it, and as it reads entries back to check its edit.
type ignoreEntry struct {
	Path    string   `yaml:"path"`
	Pointer string   `yaml:"pointer,omitempty"`
	Rules   []string `yaml:"rules"`
	Reason  string   `yaml:"reason"`
}

// ignoreAction offers to silence a finding with an `ignore:` entry in the
// configuration that applies to the document: Options.Config, else the
// .emlint.yaml or .emlint.yml found upward from the document's directory,
// else a new .emlint.yaml in the workspace folder that holds the document,
// or in its directory. ok is false when there is no entry to offer: an
// untitled buffer, a pointer no pattern matches exactly, a configuration
// whose YAML it cannot extend, or a missing one the client cannot create.
func (s *server) ignoreAction(d *document, f finding.Finding) (a codeAction, ok bool) {
	if d.path == "" {
		return a, false // an untitled buffer: there is no path to ignore it by
	}
	pattern, exact := pointerPattern(f.Pointer)
	if !exact && f.Pointer != "" {
		return a, false
	}
	cfgPath, found := s.opts.Config, true
	if cfgPath == "" {
		cfgPath, found = config.Find(filepath.Dir(d.path))
	}
	if !found {
		cfgPath = filepath.Join(s.newConfigDir(d.path), config.FileName)
	}
	text, err := os.ReadFile(cfgPath)
	missing := errors.Is(err, fs.ErrNotExist)
	if (err != nil && !missing) || (missing && !s.canCreate) {
		return a, false
	}
	// The path the LintFunc got, which config matches the entry's against.
	rel, err := filepath.Rel(filepath.Dir(cfgPath), lintName(d))
	if err != nil {
		return a, false
	}
	entry := ignoreEntry{Path: globEscaper.Replace(filepath.ToSlash(rel)), Pointer: pattern, Rules: []string{f.Rule}, Reason: "TODO: why"}
	at, insert, ok := insertIgnore(text, entry)
	if !ok {
		return a, false
	}
	pos := lspPos(position.NewLines(text), at)
	edit := textEdit{Range: lspRange{Start: pos, End: pos}, NewText: insert}
	uri := fileURI(cfgPath)
	we := &workspaceEdit{Changes: map[string][]textEdit{uri: {edit}}}
	if missing {
		// ignoreIfExists: should the file appear meanwhile, the entry is
		// added to it rather than the file emptied (Neovim truncates a file
		// that a plain create names).
		we = &workspaceEdit{DocumentChanges: []any{
			createFile{Kind: "create", URI: uri, Options: createFileOptions{IgnoreIfExists: true}},
			textDocumentEdit{TextDocument: versionedTextDocumentIdentifier{URI: uri}, Edits: []textEdit{edit}},
		}}
	}
	title := "Ignore this finding in " + filepath.Base(cfgPath) + " (emlint " + f.Rule + ")"
	if !exact {
		title = "Ignore this rule in the whole file in " + filepath.Base(cfgPath) + " (emlint " + f.Rule + ")"
	}
	return codeAction{Title: title, Kind: "quickfix", Edit: we}, true
}

// pointerPattern returns the `pointer:` pattern that matches ptr and no
// other pointer. A finding's pointer is escaped as RFC 6901 says (~0, ~1),
// and config unescapes a pattern's tokens the same way, so the pointer is
// its own pattern, except where config's syntax has no exact pattern
// (exact false): a token that is exactly `*` or `**` is a wildcard, with
// no escape, and no pattern matches the root "" alone (the entry omits its
// pointer then, and so ignores the rule in the whole file).
func pointerPattern(ptr string) (pattern string, exact bool) {
	if ptr == "" {
		return "", false
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		if tok == "*" || tok == "**" {
			return "", false
		}
	}
	return ptr, true
}

// globEscaper makes a path a glob (doublestar's syntax, which config uses)
// that matches that path alone.
var globEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`, `]`, `\]`, `{`, `\{`, `}`, `\}`)

// newConfigDir is where a new .emlint.yaml goes for the document at path:
// the innermost workspace folder that holds it, else its directory.
func (s *server) newConfigDir(path string) string {
	dir := ""
	for _, root := range s.roots {
		if load.Inside(path, root) && len(root) > len(dir) {
			dir = root
		}
	}
	if dir == "" {
		return filepath.Dir(path)
	}
	return dir
}

// fileURI is the file:// URI of an absolute path.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x is file:///C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// insertIgnore finds where in a configuration file's text to add an
// `ignore:` entry and what to insert there: at the end of the top-level
// `ignore:` list, at its indentation, or, without one, a new `ignore:`
// section at the end of the file. The rest of the file is kept as it is,
// comments and all. ok is false when the text is not YAML, or not a block
// mapping, or `ignore:` is written in a way this does not extend (a flow
// list, `ignore: null`): it offers only an edit that reads back as the
// configuration with the entry added.
func insertIgnore(text []byte, e ignoreEntry) (at int, insert string, ok bool) {
	var doc yaml.Node
	if yaml.Unmarshal(text, &doc) != nil {
		return 0, "", false
	}
	nl := "\n"
	if bytes.Contains(text, []byte("\r\n")) {
		nl = "\r\n"
	}
	lines := strings.Split(string(text), "\n")
	starts := make([]int, len(lines)+1) // starts[i]: offset of line i+1; starts[len(lines)] = len(text)+1
	for i, l := range lines {
		starts[i+1] = starts[i] + len(l) + 1
	}

	var ignore, list, next *yaml.Node // the key, its value, the top-level key after it
	if len(doc.Content) > 0 && doc.Content[0].Kind != yaml.ScalarNode {
		root := doc.Content[0]
		if root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 {
			return 0, "", false
		}
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == "ignore" {
				ignore, list = root.Content[i], root.Content[i+1]
				if i+2 < len(root.Content) {
					next = root.Content[i+2]
				}
			}
		}
	}

	if ignore == nil {
		at = len(text)
		if at > 0 && text[at-1] != '\n' {
			insert = nl
		}
		if len(bytes.TrimSpace(text)) > 0 {
			insert += nl // a blank line before the new section
		}
		insert += "ignore:" + nl + ignoreItem(e, 2, 4, nl)
	} else {
		dash, key := 2, 4 // `ignore:` with no value yet: emlint init's indentation
		switch {
		case list.Kind == yaml.SequenceNode && list.Style&yaml.FlowStyle == 0 && len(list.Content) > 0:
			last := list.Content[len(list.Content)-1]
			dash, key = list.Column-1, max(last.Column-1, list.Column+1)
		case list.Kind == yaml.ScalarNode && list.ShortTag() == "!!null" && list.Value == "":
		default:
			return 0, "", false
		}
		// The list ends at its last line that is not blank or a comment
		// before the next top-level key: comments after it may introduce
		// that key.
		end := len(lines)
		if next != nil {
			end = next.Line - 1
		}
		last := ignore.Line
		for l := end; l > ignore.Line; l-- {
			if t := strings.TrimSpace(lines[l-1]); t != "" && !strings.HasPrefix(t, "#") {
				last = l
				break
			}
		}
		at = min(starts[last], len(text))
		if at == len(text) && at > 0 && text[at-1] != '\n' {
			insert = nl // the list's last line is the file's, without a line end
		}
		insert += ignoreItem(e, dash, key, nl)
	}

	// Read the result back, to offer nothing rather than a broken file.
	newText := string(text[:at]) + insert + string(text[at:])
	before, _ := ignoresIn(text)
	after, ok := ignoresIn([]byte(newText))
	if !ok || len(after) != len(before)+1 || !reflect.DeepEqual(after[len(after)-1], e) {
		return 0, "", false
	}
	return at, insert, true
}

// ignoreItem writes an entry as a block list item, its dash at column dash
// and its keys at column key (0-based), in double-quoted YAML strings (Go's
// quoting is a subset of YAML's double-quoted escapes).
func ignoreItem(e ignoreEntry, dash, key int, nl string) string {
	pad := strings.Repeat(" ", key)
	s := strings.Repeat(" ", dash) + "-" + strings.Repeat(" ", key-dash-1) + "path: " + strconv.Quote(e.Path) + nl
	if e.Pointer != "" {
		s += pad + "pointer: " + strconv.Quote(e.Pointer) + nl
	}
	var rules []string
	for _, r := range e.Rules {
		rules = append(rules, strconv.Quote(r))
	}
	s += pad + "rules: [" + strings.Join(rules, ", ") + "]" + nl
	return s + pad + "reason: " + strconv.Quote(e.Reason) + nl
}

// ignoresIn reads the `ignore:` entries of a configuration's text.
func ignoresIn(text []byte) ([]ignoreEntry, bool) {
	var c struct {
		Ignore []ignoreEntry `yaml:"ignore"`
	}
	err := yaml.Unmarshal(text, &c)
	return c.Ignore, err == nil
}
