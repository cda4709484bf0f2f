package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/emlint/emlint/internal/catalog"
	"github.com/emlint/emlint/internal/config"
	"github.com/emlint/emlint/internal/finding"
)

// TestIgnoreAction applies the "Ignore this finding" edit to the
// configuration on disk, as a client does, and loads the result with
// config.Load: it must load, ignore the finding, and nothing next to it.
func TestIgnoreAction(t *testing.T) {
	const listed = "# the team's settings\n" +
		"fail-level: error\n" +
		"ignore:\n" +
		"  - path: \"legacy/**\"\n" +
		"    reason: old   # until Q3\n" +
		"\n" +
		"  # - path: \"drafts/**\"\n" +
		"# standards: our own rules\n" +
		"standards:\n" +
		"  - name: naming\n" +
		"    display-name: \"^AP-\"\n"
	for _, tc := range []struct {
		name      string
		files     map[string]string // the tree before, by slash path under the workspace
		doc       string            // the document's slash path under the workspace
		config    string            // Options.Config, "" for the lookup
		noCreate  bool              // the client cannot create files
		rule, ptr string
		nearMiss  []string // pointers the entry must not match
		want      string   // the config file's slash path; "" for no action
		wantText  string   // its text after the edit, when the test pins it
		wholeFile bool     // the entry has no pointer: the rule is ignored in the whole file
	}{
		{name: "existing list, comments and a key after it", files: map[string]string{".emlint.yaml": listed},
			doc: "policies/p.json", rule: "standard/naming", ptr: "/displayName", nearMiss: []string{"/description", "/displayName/x", ""},
			want: ".emlint.yaml", wantText: "# the team's settings\n" +
				"fail-level: error\n" +
				"ignore:\n" +
				"  - path: \"legacy/**\"\n" +
				"    reason: old   # until Q3\n" +
				"  - path: \"policies/p.json\"\n" +
				"    pointer: \"/displayName\"\n" +
				"    rules: [\"standard/naming\"]\n" +
				"    reason: \"TODO: why\"\n" +
				"\n" +
				"  # - path: \"drafts/**\"\n" +
				"# standards: our own rules\n" +
				"standards:\n" +
				"  - name: naming\n" +
				"    display-name: \"^AP-\"\n"},
		{name: "no ignore list, no final line end", files: map[string]string{".emlint.yaml": "rules:\n  json-bom: off"},
			doc: "p.json", rule: "schema-enum", ptr: "/allowedTargetScope", nearMiss: []string{"/allowedTargetScopes"},
			want: ".emlint.yaml", wantText: "rules:\n  json-bom: off\n\nignore:\n  - path: \"p.json\"\n    pointer: \"/allowedTargetScope\"\n" +
				"    rules: [\"schema-enum\"]\n    reason: \"TODO: why\"\n"},
		{name: "emlint init's commented file", files: map[string]string{".emlint.yaml": config.InitTemplate()},
			doc: "a/b/p.json", rule: "schema-enum", ptr: "/specificAllowedTargets/0/@odata.type", nearMiss: []string{"/specificAllowedTargets/1/@odata.type"},
			want: ".emlint.yaml"},
		{name: "list at the key's indentation, CRLF", files: map[string]string{".emlint.yml": "ignore:\r\n- path: x\r\n  rules: [json-bom]\r\n"},
			doc: "sub/p.json", rule: "schema-enum", ptr: "/a", nearMiss: []string{"/b"},
			want: ".emlint.yml", wantText: "ignore:\r\n- path: x\r\n  rules: [json-bom]\r\n- path: \"sub/p.json\"\r\n  pointer: \"/a\"\r\n" +
				"  rules: [\"schema-enum\"]\r\n  reason: \"TODO: why\"\r\n"},
		{name: "escaped keys: ~, / and * in them", files: map[string]string{".emlint.yaml": ""},
			doc: "p.json", rule: "schema-enum", ptr: "/a~1b/c~0d/x*y", nearMiss: []string{"/a~1b/c~0d/xzy", "/a/b/c~0d/x*y", "/a~1b/c~1d/x*y"},
			want: ".emlint.yaml"},
		{name: "glob characters in the file name", files: map[string]string{".emlint.yaml": "fail-level: error\n"},
			doc: "we[ir]d {a,b} *?.json", rule: "schema-enum", ptr: "/a", nearMiss: []string{"/b"},
			want: ".emlint.yaml"},
		{name: "missing: created in the workspace folder", doc: "policies/beta/p.json", rule: "schema-enum", ptr: "/a", nearMiss: []string{"/b"},
			want: ".emlint.yaml", wantText: "ignore:\n  - path: \"policies/beta/p.json\"\n    pointer: \"/a\"\n    rules: [\"schema-enum\"]\n    reason: \"TODO: why\"\n"},
		{name: "missing, and the client cannot create it", doc: "p.json", noCreate: true, rule: "schema-enum", ptr: "/a"},
		{name: "--config elsewhere", files: map[string]string{"conf/team.yaml": "ignore:\n"}, config: "conf/team.yaml",
			doc: "policies/p.json", rule: "schema-enum", ptr: "/a", nearMiss: []string{"/b"}, want: "conf/team.yaml"},
		{name: "the root: no pattern matches it alone", files: map[string]string{".emlint.yaml": ""},
			doc: "p.json", rule: "schema-required", ptr: "", want: ".emlint.yaml", wholeFile: true},
		{name: "a key named *: no pattern matches it alone", files: map[string]string{".emlint.yaml": ""},
			doc: "p.json", rule: "schema-enum", ptr: "/a/*"},
		{name: "a flow list is left alone", files: map[string]string{".emlint.yaml": "ignore: []\n"},
			doc: "p.json", rule: "schema-enum", ptr: "/a"},
		{name: "not YAML", files: map[string]string{".emlint.yaml": "ignore: [\n"},
			doc: "p.json", rule: "schema-enum", ptr: "/a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			for name, text := range tc.files {
				write(t, filepath.Join(root, filepath.FromSlash(name)), text)
			}
			docPath := filepath.Join(root, filepath.FromSlash(tc.doc))
			write(t, docPath, "{}") // not read: a document's text is the editor's
			opts := Options{Help: func(string) string { return "help" }}
			if tc.config != "" {
				opts.Config = filepath.Join(root, filepath.FromSlash(tc.config))
			}
			s := &server{opts: opts, docs: map[string]*document{}, roots: []string{root}, canCreate: !tc.noCreate}
			f := finding.Finding{File: docPath, Rule: tc.rule, Pointer: tc.ptr, Severity: finding.Error, Start: 0, End: 2}
			d := &document{uri: fileURI(docPath), path: docPath, languageID: "json", text: []byte("{}"), findings: []finding.Finding{f}}
			s.docs[d.uri] = d

			var ignore *codeAction
			for _, a := range s.codeActions(codeActionParams{TextDocument: textDocumentIdentifier{URI: d.uri}, Range: lspRange{End: lspPosition{Character: 2}}}) {
				if strings.HasPrefix(a.Title, "Ignore") {
					ignore = &a
				}
			}
			if tc.want == "" {
				if ignore != nil {
					t.Fatalf("got %q, want no ignore action", ignore.Title)
				}
				return
			}
			if ignore == nil {
				t.Fatal("no ignore action")
			}
			wantTitle := "Ignore this finding in " + filepath.Base(tc.want) + " (emlint " + tc.rule + ")"
			if tc.wholeFile {
				wantTitle = "Ignore this rule in the whole file in " + filepath.Base(tc.want) + " (emlint " + tc.rule + ")"
			}
			if ignore.Title != wantTitle {
				t.Errorf("title %q, want %q", ignore.Title, wantTitle)
			}
			cfgPath := filepath.Join(root, filepath.FromSlash(tc.want))
			applyEdit(t, ignore.Edit, cfgPath)
			got, err := os.ReadFile(cfgPath)
			if err != nil {
				t.Fatal(err)
			}
			if tc.wantText != "" && string(got) != tc.wantText {
				t.Errorf("the config after the edit:\n%s\nwant\n%s", got, tc.wantText)
			}
			cfg, err := config.Load(cfgPath, catalog.IDs())
			if err != nil {
				t.Fatalf("config.Load after the edit: %v\n%s", err, got)
			}
			if !cfg.Ignored(f) {
				t.Errorf("the entry does not ignore the finding:\n%s", got)
			}
			for _, p := range tc.nearMiss {
				if near := (finding.Finding{File: docPath, Rule: tc.rule, Pointer: p}); cfg.Ignored(near) {
					t.Errorf("the entry also ignores the finding at %q:\n%s", p, got)
				}
			}
			for _, near := range []finding.Finding{
				{File: docPath, Rule: "json-bom", Pointer: tc.ptr},
				{File: filepath.Join(filepath.Dir(docPath), "other.json"), Rule: tc.rule, Pointer: tc.ptr},
				{File: filepath.Join(filepath.Dir(docPath), "weird a.json"), Rule: tc.rule, Pointer: tc.ptr},
			} {
				if cfg.Ignored(near) {
					t.Errorf("the entry also ignores %s at %q in %s:\n%s", near.Rule, near.Pointer, near.File, got)
				}
			}
			if tc.wholeFile && !cfg.Ignored(finding.Finding{File: docPath, Rule: tc.rule, Pointer: "/elsewhere"}) {
				t.Errorf("an entry for the whole file does not ignore the rule elsewhere in it:\n%s", got)
			}
		})
	}
}

// An untitled buffer has no path for an entry: no ignore action.
func TestIgnoreActionUntitled(t *testing.T) {
	s := &server{opts: Options{Help: func(string) string { return "help" }}, docs: map[string]*document{}, roots: []string{t.TempDir()}, canCreate: true}
	d := &document{uri: "untitled:Untitled-1", languageID: "json", text: []byte("{}"),
		findings: []finding.Finding{{Rule: "schema-enum", Pointer: "/a", Severity: finding.Error, End: 2}}}
	s.docs[d.uri] = d
	var titles []string
	for _, a := range s.codeActions(codeActionParams{TextDocument: textDocumentIdentifier{URI: d.uri}, Range: lspRange{End: lspPosition{Character: 2}}}) {
		titles = append(titles, a.Title)
	}
	if want := []string{"Explain rule schema-enum"}; strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Errorf("actions %q, want %q", titles, want)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// applyEdit applies a workspace edit that concerns the file at path alone,
// as a client would.
func applyEdit(t *testing.T, we *workspaceEdit, path string) {
	t.Helper()
	uri := fileURI(path)
	var edits []textEdit
	for u, es := range we.Changes {
		if u != uri {
			t.Fatalf("an edit of %s, want %s", u, uri)
		}
		edits = append(edits, es...)
	}
	for _, c := range we.DocumentChanges {
		switch c := c.(type) {
		case createFile:
			if c.URI != uri || !c.Options.IgnoreIfExists {
				t.Fatalf("create %+v, want %s with ignoreIfExists", c, uri)
			}
			if _, err := os.Stat(path); err == nil {
				t.Fatalf("create %s, which exists", path)
			}
			write(t, path, "")
		case textDocumentEdit:
			if c.TextDocument.URI != uri {
				t.Fatalf("an edit of %s, want %s", c.TextDocument.URI, uri)
			}
			edits = append(edits, c.Edits...)
		default:
			t.Fatalf("unexpected document change %#v", c)
		}
	}
	if len(edits) != 1 {
		t.Fatalf("%d edits, want 1", len(edits))
	}
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	e := edits[0]
	start, end := offsetOf(string(text), e.Range.Start), offsetOf(string(text), e.Range.End)
	write(t, path, string(text[:start])+e.NewText+string(text[end:]))
}

// offsetOf is the byte offset of an LSP position (a line and UTF-16 units).
func offsetOf(text string, p lspPosition) int {
	off := 0
	for i := 0; i < p.Line; i++ {
		j := strings.IndexByte(text[off:], '\n')
		if j < 0 {
			return len(text)
		}
		off += j + 1
	}
	units := 0
	for i, r := range text[off:] {
		if units >= p.Character || r == '\n' || r == '\r' {
			return off + i
		}
		units += len(utf16.Encode([]rune{r}))
	}
	return len(text)
}
