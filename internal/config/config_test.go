package config

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/internal/validate/checker"
	"github.com/emlint/emlint/schemas"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// testRules are the rule ids the tests load configs with.
var testRules = []string{
	"beta-approval-mode", "json-bom", "escalation-time-window", "readonly-in-body",
	"schema-enum", "schema-required", "id-format", "stages-without-approval",
}

// writeConfig writes src as dir/.emlint.yaml and returns its path.
func writeConfig(t *testing.T, dir, src string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, ".emlint.yaml")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func mustLoad(t *testing.T, src string) *Config {
	t.Helper()
	c, err := Load(writeConfig(t, t.TempDir(), src), testRules)
	if err != nil {
		t.Fatalf("Load:\n%s\nerror: %v", src, err)
	}
	return c
}

// loadIn writes src in dir and loads it.
func loadIn(t *testing.T, dir, src string) *Config {
	t.Helper()
	c, err := Load(writeConfig(t, dir, src), testRules)
	if err != nil {
		t.Fatalf("Load:\n%s\nerror: %v", src, err)
	}
	return c
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		want      string // a fragment of the message
	}{
		// YAML syntax: the line of the problem, column 1.
		{"yaml bad indentation", "rules:\n  json-bom: off\n schema-enum: warning\n", 3, 1, "invalid YAML: did not find expected key: check the indentation"},
		{"yaml tab", "fail-level: error\nrules:\n\tjson-bom: off\n", 3, 1, "indent with spaces, not tabs"},
		{"yaml tab on line 1", "\tfail-level: error\n", 1, 1, "indent with spaces, not tabs"},
		{"yaml unquoted star", "fail-level: error\ninclude: [**/*.json]\n", 2, 1, "quote a pattern that starts with `*`"},
		{"yaml unclosed quote", "fail-level: \"error\nrules:\n  json-bom: off\n", 1, 1, "never closed"},
		{"yaml unclosed flow", "fail-level: error\nrules: {json-bom: off\ninclude: []\n", 2, 1, "invalid YAML"},
		{"yaml list after mapping", "fail-level: error\n- x\n", 2, 1, "invalid YAML"},
		{"yaml colon in value", "fail-level: error\nignore:\n  - path: a: b\n", 3, 1, "quote values that contain"},
		{"yaml unknown anchor", "fail-level: error\nrules: *nope\n", 2, 1, "unknown anchor"},
		{"second document", "fail-level: error\n---\nrules:\n  json-bom: off\n", 2, 1, "a second YAML document starts here"},
		{"duplicate top-level key", "rules:\n  json-bom: off\nfail-level: error\nrules:\n  schema-enum: warning\n", 4, 1, "duplicate key `rules` (first at line 1): keep one"},
		{"duplicate nested key", "rules:\n  json-bom: off\n  json-bom: error\n", 3, 3, "duplicate key `json-bom` (first at line 2)"},
		{"duplicate key in entry", "ignore:\n  - path: a\n    path: b\n", 3, 5, "duplicate key `path`"},
		{"merge key", "base: &b {fail-level: error}\n<<: *b\n", 2, 1, "merge keys (<<) are not supported"},

		// Structure, from the JSON Schema.
		{"root is a list", "- rules\n- files\n", 1, 1, "the file must be a mapping (key: value), not a list: write sections such as `rules:`"},
		{"root is a string", "hello\n", 1, 1, "the file must be a mapping (key: value), not a string"},
		{"unknown top-level key", "fail-level: error\nfailLevel: warning\n", 2, 1, "unknown key `failLevel`: did you mean `fail-level`?"},
		{"unknown key, no suggestion", "fail-level: error\nverbose: true\n", 2, 1, "unknown key `verbose`: remove it, or use one of `exclude`, `fail-level`, `files`, `ignore`, `include`, `policies`, `rules` or `standards`"},
		{"unknown key: rule", "rule:\n  json-bom: off\n", 1, 1, "did you mean `rules`?"},
		{"unknown key in files entry", "files:\n  - path: a\n    api: beta\n    knd: policy\n", 4, 5, "unknown key `knd` in files[0]: did you mean `kind`?"},
		{"unknown key in ignore entry", "ignore:\n  - path: a\n    rule: [json-bom]\n", 3, 5, "unknown key `rule` in ignore[0]: did you mean `rules`?"},
		{"unknown key in ignore entry, no suggestion", "ignore:\n  - path: a\n    until: 2025-01-01\n", 3, 5, "unknown key `until` in ignore[0]: remove it, or use one of `path`, `pointer`, `reason` or `rules`"},
		{"fail-level bad enum", "fail-level: erorr\n", 1, 13, "`fail-level` is `erorr`: did you mean `error`?"},
		{"fail-level synonym", "fail-level: warn\n", 1, 13, "`fail-level` is `warn`: did you mean `warning`?"},
		{"fail-level unknown", "fail-level: critical\n", 1, 13, "`fail-level` is `critical`: use `error`, `warning` or `info`"},
		{"fail-level list", "fail-level: [error]\n", 1, 13, "`fail-level` must be `error`, `warning` or `info`, not a list"},
		{"rule severity typo", "rules:\n  json-bom: of\n", 2, 13, "`rules.json-bom` is `of`: did you mean `off`?"},
		{"rule severity false", "rules:\n  json-bom: false\n", 2, 13, "`rules.json-bom` is `false`: did you mean `off`?"},
		{"rule severity unknown", "rules:\n  json-bom: fatal\n", 2, 13, "use `off`, `error`, `warning` or `info`"},
		{"rules as a list", "rules:\n  - json-bom: off\n", 2, 3, "`rules` must be a mapping (key: value), not a list: write one `rule-id: severity` per line, such as `json-bom: off`, without `- `"},
		{"rules as a string", "rules: json-bom\n", 1, 8, "`rules` must be a mapping (key: value), not a string"},
		{"files as a mapping", "files:\n  path: a\n  api: beta\n", 2, 3, "`files` must be a list, not a mapping (key: value): start each entry with `- `"},
		{"files entry as a string", "files:\n  - a.json\n", 2, 5, "`files[0]` must be a mapping (key: value), not a string: write `path:` and `api:`, `kind:` or both"},
		{"files entry without path", "files:\n  - api: beta\n", 2, 5, "`files[0]` lacks `path` (a glob of the files this entry applies to"},
		{"files entry without api or kind", "files:\n  - path: a\n  - path: b\n    kind: policy\n", 2, 5, "`files[0]` sets neither `api` nor `kind`: add one or both (api: beta or v1.0; kind: policy or request)"},
		{"api v1", "files:\n  - path: a\n    api: v1\n", 3, 10, "`files[0].api` is `v1`: did you mean `v1.0`?"},
		{"api number", "files:\n  - path: a\n    api: 1.0\n", 3, 10, "`files[0].api` is `1.0`: did you mean `v1.0`?"},
		{"api casing", "files:\n  - path: a\n    api: Beta\n", 3, 10, "did you mean `beta`?"},
		{"kind plural", "files:\n  - path: a\n    kind: policies\n", 3, 11, "`files[0].kind` is `policies`: did you mean `policy`?"},
		{"include as a string", "include: \"**/*.json\"\n", 1, 10, "`include` must be a list, not a string: write it as a list, e.g. include: [\"**/*.json\"]"},
		{"exclude item a number", "exclude:\n  - 42\n", 2, 5, "`exclude[0]` must be a string, not a number: put it in quotes: \"42\""},
		{"ignore entry without path", "ignore:\n  - pointer: /x\n", 2, 5, "`ignore[0]` lacks `path`"},
		{"ignore rules as a string", "ignore:\n  - path: a\n    rules: json-bom\n", 3, 12, "`ignore[0].rules` must be a list, not a string: write it as a list, e.g. rules: [\"json-bom\"]"},
		{"ignore reason a number", "ignore:\n  - path: a\n    reason: 3\n", 3, 13, "put it in quotes"},
		{"second error is not the first reported", "files:\n  - path: a\n    api: betta\nfail-level: warnin\n", 3, 10, "did you mean `beta`?"},

		// Rule ids.
		{"unknown rule", "rules:\n  json-bom: off\n  escalaton-time-window: off\n", 3, 3, "unknown rule `escalaton-time-window`: did you mean `escalation-time-window`?"},
		{"unknown rule, no suggestion", "rules:\n  no-such-thing: off\n", 2, 3, "unknown rule `no-such-thing`: `emlint rules` lists the rule ids"},
		{"unknown rule in ignore", "ignore:\n  - path: a\n    rules: [json-bom, beta-aproval-mode]\n", 3, 23, "unknown rule `beta-aproval-mode`: did you mean `beta-approval-mode`?"},
		{"unknown rule in ignore, block list", "ignore:\n  - path: a\n    rules:\n      - readonly-in-bdy\n", 4, 9, "did you mean `readonly-in-body`?"},

		// Globs and pointer patterns.
		{"invalid glob in include", "include:\n  - \"policies/[a\"\n", 2, 5, "invalid glob \"policies/[a\": close every `[` and `{`"},
		{"invalid glob in exclude", "exclude: [\"{a,b\"]\n", 1, 11, "invalid glob \"{a,b\""},
		{"invalid glob in files", "files:\n  - path: \"a/[\"\n    api: beta\n", 2, 11, "invalid glob"},
		{"invalid glob in ignore", "ignore:\n  - path: \"legacy/{x\"\n", 2, 11, "invalid glob"},
		{"absolute glob", "exclude: [\"/abs/**\"]\n", 1, 11, "starts with `/`: patterns are relative to the config file's directory"},
		{"empty glob", "include: [\"\"]\n", 1, 11, "empty glob"},
		{"pointer without slash", "ignore:\n  - path: a\n    pointer: requestApprovalSettings\n", 3, 14, "pointer pattern \"requestApprovalSettings\" must start with `/`"},
		{"empty pointer", "ignore:\n  - path: a\n    pointer: \"\"\n", 3, 14, "the pointer pattern is empty: omit `pointer`"},
		{"pointer bad escape", "ignore:\n  - path: a\n    pointer: /a~2b\n", 3, 14, "has a `~` that is not ~0 or ~1"},
		{"pointer trailing tilde", "ignore:\n  - path: a\n    pointer: /a~\n", 3, 14, "has a `~` that is not ~0 or ~1"},
		{"standard without a check", "standards:\n  - name: guests\n", 2, 5, "standard \"guests\" checks nothing"},
		{"standard bad name", "standards:\n  - name: Guest Expiry\n    expiry-required: true\n", 2, 11, "use lower-case letters, digits and dashes"},
		{"standard twice", "standards:\n  - name: a\n    expiry-required: true\n  - name: a\n    approval-required: true\n", 4, 11, "a second standard named \"a\""},
		{"standard bad duration", "standards:\n  - name: a\n    max-duration: 180 days\n", 3, 19, "max-duration \"180 days\" is not an ISO 8601 duration"},
		{"standard bad interval", "standards:\n  - name: a\n    max-review-interval: P0D\n", 3, 26, "max-review-interval \"P0D\""},
		{"standard too many stages", "standards:\n  - name: a\n    min-stages: 4\n", 3, 17, "Graph allows 1 to 3 approval stages"},
		{"standard approver type", "standards:\n  - name: a\n    approver-types: [singleUser, groupMember]\n", 3, 34, "did you mean \"groupMembers\"?"},
		{"standard bad regexp", "standards:\n  - name: a\n    display-name: \"AP-(\"\n", 3, 19, "is not a regular expression"},
		{"standard unknown check", "standards:\n  - name: a\n    max-durations: P1D\n", 3, 5, "did you mean `max-duration`?"},
		{"standard bad severity", "standards:\n  - name: a\n    expiry-required: true\n    severity: fatal\n", 4, 15, "severity"},
		{"standard bad glob", "standards:\n  - name: a\n    expiry-required: true\n    path: [\"/abs\"]\n", 4, 12, "starts with `/`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, t.TempDir(), tt.src)
			c, err := Load(path, testRules)
			if err == nil {
				t.Fatalf("Load(%q) = %+v, want an error", tt.src, c)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Load(%q) error %v is a %T, want *Error", tt.src, err, err)
			}
			if e.File != path || e.Line != tt.line || e.Col != tt.col || !strings.Contains(e.Msg, tt.want) {
				t.Errorf("Load(%q):\n got %s\nwant %s:%d:%d: ...%s...", tt.src, e, path, tt.line, tt.col, tt.want)
			}
			if want := path + ":"; !strings.HasPrefix(e.Error(), want) {
				t.Errorf("Error() = %q, want the file:line:col: prefix", e.Error())
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	e := &Error{File: ".emlint.yaml", Line: 3, Col: 7, Msg: "unknown key `x`"}
	if got, want := e.Error(), ".emlint.yaml:3:7: unknown key `x`"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), ".emlint.yaml"), testRules)
	if err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Load of a missing file: %v, want an os.ErrNotExist error", err)
	}
	var e *Error
	if errors.As(err, &e) {
		t.Errorf("a missing file is not a mistake in the file: got *Error %v", e)
	}
}

func TestRuleIDsNil(t *testing.T) {
	// Without a list of rule ids, rule names are not checked.
	p := writeConfig(t, t.TempDir(), "rules:\n  anything-goes: off\n")
	c, err := Load(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, on := c.Severity("anything-goes", finding.Error); on {
		t.Errorf("anything-goes is on")
	}
}

func TestEmptyIsDefault(t *testing.T) {
	for _, src := range []string{"", "\n\n", "# just a comment\n# and another\n", "~\n", "---\n", "null\n", "fail-level: error\n---\n"} {
		c := mustLoad(t, src)
		if c.Path == "" || c.Dir == "" {
			t.Errorf("%q: Path %q, Dir %q: want both set", src, c.Path, c.Dir)
		}
		if sev, on := c.Severity("json-bom", finding.Info); !on || sev != finding.Info {
			t.Errorf("%q: Severity(json-bom) = %v, %v; want info, true", src, sev, on)
		}
		if !c.Included(filepath.Join(c.Dir, "any/where.json")) {
			t.Errorf("%q: a file is not included", src)
		}
		if c.Ignored(finding.Finding{File: "a.json", Rule: "json-bom"}) {
			t.Errorf("%q: a finding is ignored", src)
		}
		if api, kind := c.ShapeFor("a.json"); api != "" || kind != "" {
			t.Errorf("%q: ShapeFor = %q, %q", src, api, kind)
		}
		if len(c.UnusedIgnores()) != 0 {
			t.Errorf("%q: unused ignores", src)
		}
	}
}

func TestEmptySectionsAreDefaults(t *testing.T) {
	c := mustLoad(t, "fail-level:\nrules:\nfiles:\ninclude:\nexclude:\nignore:\n")
	if c.FailLevel != 0 {
		t.Errorf("FailLevel = %v, want 0 (default)", c.FailLevel)
	}
	if !c.Included(filepath.Join(c.Dir, "x.json")) {
		t.Errorf("empty include excluded a file")
	}
	// An empty include list is no restriction either.
	c = mustLoad(t, "include: []\n")
	if !c.Included(filepath.Join(c.Dir, "x.json")) {
		t.Errorf("include: [] excluded a file")
	}
}

func TestDefault(t *testing.T) {
	c := Default()
	if c.Path != "" || c.Dir != "" || c.FailLevel != 0 {
		t.Errorf("Default() = %+v", c)
	}
	if sev, on := c.Severity("json-bom", finding.Warning); !on || sev != finding.Warning {
		t.Errorf("Severity = %v, %v", sev, on)
	}
	if !c.Included("a.json") || !c.Included("/abs/b.json") {
		t.Errorf("Default excludes a file")
	}
	if c.Ignored(finding.Finding{File: "a.json", Rule: "r"}) || len(c.UnusedIgnores()) != 0 {
		t.Errorf("Default ignores")
	}
}

func TestFailLevel(t *testing.T) {
	for src, want := range map[string]finding.Severity{
		"fail-level: error\n":   finding.Error,
		"fail-level: warning\n": finding.Warning,
		"fail-level: info\n":    finding.Info,
		"rules: {}\n":           0,
	} {
		if got := mustLoad(t, src).FailLevel; got != want {
			t.Errorf("%q: FailLevel = %v, want %v", src, got, want)
		}
	}
}

func TestSeverity(t *testing.T) {
	c := mustLoad(t, `
rules:
  escalation-time-window: off
  readonly-in-body: error
  json-bom: warning
  schema-enum: info
`)
	tests := []struct {
		rule string
		def  finding.Severity
		want finding.Severity
		on   bool
	}{
		{"escalation-time-window", finding.Error, 0, false},
		{"readonly-in-body", finding.Warning, finding.Error, true},
		{"json-bom", finding.Info, finding.Warning, true},
		{"schema-enum", finding.Error, finding.Info, true},
		{"id-format", finding.Error, finding.Error, true}, // not configured: default
		{"stages-without-approval", finding.Warning, finding.Warning, true},
	}
	for _, tt := range tests {
		sev, on := c.Severity(tt.rule, tt.def)
		if sev != tt.want || on != tt.on {
			t.Errorf("Severity(%s, %v) = %v, %v; want %v, %v", tt.rule, tt.def, sev, on, tt.want, tt.on)
		}
	}
}

func TestShapeFor(t *testing.T) {
	c := mustLoad(t, `
files:
  - path: "policies/beta/**/*.json"
    api: beta
    kind: policy
  - path: "policies/**"
    api: v1.0
    kind: policy
  - path: requests
    kind: request
  - path: "**/*.beta.json"
    api: beta
  - path: "./mixed/*.json"
    api: v1.0
`)
	tests := []struct {
		path string
		api  schemas.API
		kind schemas.Kind
	}{
		{"policies/beta/a.json", schemas.Beta, schemas.Policy},       // ** matches no directory
		{"policies/beta/x/y/a.json", schemas.Beta, schemas.Policy},   // ... and several
		{"policies/a.json", schemas.V1, schemas.Policy},              // first match wins
		{"policies/beta/a.txt", schemas.V1, schemas.Policy},          // *.json does not match: the next entry does
		{"requests/r1.json", "", schemas.Request},                    // a directory pattern matches what is below it
		{"requests/sub/r1.beta.json", schemas.Beta, schemas.Request}, // api and kind from different entries
		{"other/x.beta.json", schemas.Beta, ""},                      // only api
		{"mixed/x.json", schemas.V1, ""},                             // "./" is ignored
		{"mixed/deeper/x.json", "", ""},                              // * stays in one directory
		{"elsewhere/x.json", "", ""},                                 // nothing matches
		{"Policies/a.json", "", ""},                                  // case-sensitive
	}
	for _, tt := range tests {
		api, kind := c.ShapeFor(filepath.Join(c.Dir, filepath.FromSlash(tt.path)))
		if api != tt.api || kind != tt.kind {
			t.Errorf("ShapeFor(%s) = %q, %q; want %q, %q", tt.path, api, kind, tt.api, tt.kind)
		}
	}
}

func TestIncluded(t *testing.T) {
	tests := []struct {
		name string
		src  string
		in   []string
		out  []string
	}{
		{"include only", `include: ["policies/**/*.json", "requests/*.json"]`,
			[]string{"policies/a.json", "policies/x/y/a.json", "requests/r.json"},
			[]string{"requests/x/r.json", "a.json", "policies/a.txt"}},
		{"exclude only", `exclude: ["node_modules/**", "fixtures/broken", "**/*.draft.json"]`,
			[]string{"a.json", "fixtures/ok/a.json", "node_modules.json"},
			[]string{"node_modules/x/package.json", "fixtures/broken/a.json", "fixtures/broken/deep/b.json", "x/y.draft.json"}},
		{"both", "include: [\"**/*.json\"]\nexclude: [\"vendor/**\"]",
			[]string{"a.json", "x/b.json"},
			[]string{"vendor/a.json", "a.yaml"}},
		{"dot-slash", `exclude: ["./build"]`,
			[]string{"a.json"},
			[]string{"build/a.json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustLoad(t, tt.src+"\n")
			for _, p := range tt.in {
				if !c.Included(filepath.Join(c.Dir, filepath.FromSlash(p))) {
					t.Errorf("%s is excluded, want included", p)
				}
			}
			for _, p := range tt.out {
				if c.Included(filepath.Join(c.Dir, filepath.FromSlash(p))) {
					t.Errorf("%s is included, want excluded", p)
				}
			}
		})
	}
}

func TestIgnored(t *testing.T) {
	c := mustLoad(t, `
ignore:
  - path: "legacy/**"
    pointer: "/requestApprovalSettings/approvalStages/*"
    rules: [beta-approval-mode]
    reason: "migrating in Q3"
  - path: "generated/*.json"
  - path: "**/*.json"
    pointer: "/**/id"
    rules: [id-format, schema-required]
  - path: "odd.json"
    pointer: "/a~1b/~0c"
`)
	tests := []struct {
		file, rule, ptr string
		want            bool
	}{
		{"legacy/p.json", "beta-approval-mode", "/requestApprovalSettings/approvalStages/0", true},
		{"legacy/sub/p.json", "beta-approval-mode", "/requestApprovalSettings/approvalStages/2", true},
		{"legacy/p.json", "schema-enum", "/requestApprovalSettings/approvalStages/0", false},          // rule not listed
		{"legacy/p.json", "beta-approval-mode", "/requestApprovalSettings/approvalStages", false},     // * needs a token
		{"legacy/p.json", "beta-approval-mode", "/requestApprovalSettings/approvalStages/0/x", false}, // * is one token
		{"current/p.json", "beta-approval-mode", "/requestApprovalSettings/approvalStages/0", false},  // path
		{"generated/a.json", "json-bom", "", true},                                                    // no pointer, no rules: everything
		{"generated/a.json", "schema-enum", "/deep/er/x", true},
		{"generated/sub/a.json", "schema-enum", "/x", false},
		{"a.json", "id-format", "/id", true}, // ** matches zero tokens
		{"x/a.json", "id-format", "/accessPackage/id", true},
		{"x/a.json", "schema-required", "/requestApprovalSettings/approvalStages/0/primaryApprovers/1/id", true},
		{"x/a.json", "id-format", "/accessPackage/identity", false},
		{"x/a.json", "id-format", "/accessPackage/id/x", false},
		{"odd.json", "r", "/a~1b/~0c", true}, // escapes: the pattern's tokens are unescaped like the pointer's
		{"odd.json", "r", "/a/b/~0c", false},
	}
	for _, tt := range tests {
		f := finding.Finding{File: filepath.Join(c.Dir, filepath.FromSlash(tt.file)), Rule: tt.rule, Pointer: tt.ptr}
		if got := c.Ignored(f); got != tt.want {
			t.Errorf("Ignored(%s %s %s) = %v, want %v", tt.file, tt.rule, tt.ptr, got, tt.want)
		}
	}
}

func TestPointerPatterns(t *testing.T) {
	tests := []struct {
		pattern, ptr string
		want         bool
	}{
		{"/**", "", true}, // the root: zero tokens
		{"/**", "/a", true},
		{"/**", "/a/b/c", true},
		{"/*", "", false},
		{"/*", "/a", true},
		{"/*", "/a/b", false},
		{"/a/**", "/a", true},
		{"/a/**", "/a/b/c", true},
		{"/a/**", "/b", false},
		{"/**/b", "/b", true},
		{"/**/b", "/a/x/b", true},
		{"/**/b", "/a/b/c", false},
		{"/a/**/c", "/a/c", true},
		{"/a/**/c", "/a/b/b/c", true},
		{"/a/**/**/c", "/a/c", true},
		{"/a/**/c/**/e", "/a/x/c/y/z/e", true},
		{"/a/**/c/**/e", "/a/x/c/y/z/f", false},
		{"/*/stages/*", "/requestApprovalSettings/stages/0", true},
		{"/a*", "/ab", false}, // only a whole token is a wildcard
		{"/a*", "/a*", true},
		{"/a", "/a", true},
		{"/a", "/A", false},
		{"/", "/", true}, // the member named ""
		{"/", "", false},
		{"/a~1b", "/a~1b", true},
		{"/a~0b", "/a~0b", true},
		{"/x/0", "/x/0", true},
	}
	for _, tt := range tests {
		pat, msg := compilePointer(tt.pattern)
		if msg != "" {
			t.Fatalf("compilePointer(%q): %s", tt.pattern, msg)
		}
		var toks []string
		if tt.ptr != "" {
			toks = strings.Split(tt.ptr[1:], "/")
			for i, s := range toks {
				toks[i] = strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
			}
		}
		if got := matchPointer(pat, toks); got != tt.want {
			t.Errorf("pattern %q vs pointer %q = %v, want %v", tt.pattern, tt.ptr, got, tt.want)
		}
	}
}

func TestUnusedIgnores(t *testing.T) {
	c := mustLoad(t, `ignore:
  - path: "a.json"
    rules: [json-bom]
  - path: "b.json"
    pointer: /x
    rules: [schema-enum]
    reason: gone
  - path: "**"
    pointer: /id
  - {path: c.json}
`)
	all := c.UnusedIgnores()
	if len(all) != 4 {
		t.Fatalf("before any finding: %d unused, want 4", len(all))
	}
	findings := []finding.Finding{
		{File: filepath.Join(c.Dir, "a.json"), Rule: "json-bom"},
		{File: filepath.Join(c.Dir, "z.json"), Rule: "id-format", Pointer: "/id"},
		{File: filepath.Join(c.Dir, "b.json"), Rule: "schema-enum", Pointer: "/y"}, // matches nothing
	}
	var wg sync.WaitGroup // Ignored is called from the lint workers
	for range 8 {
		for _, f := range findings {
			wg.Go(func() { c.Ignored(f) })
		}
	}
	wg.Wait()
	got := c.UnusedIgnores()
	want := []Ignore{
		{Path: "b.json", Pointer: "/x", Rules: []string{"schema-enum"}, Reason: "gone", Line: 4, Col: 5},
		{Path: "c.json", Line: 10, Col: 5},
	}
	if !reflect.DeepEqual(got, want) {
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(want)
		t.Errorf("UnusedIgnores =\n%s\nwant\n%s", gj, wj)
	}
	// The result is a copy.
	got[0].Rules[0] = "changed"
	if c.UnusedIgnores()[0].Rules[0] != "schema-enum" {
		t.Errorf("UnusedIgnores shares its slices with the config")
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "repo", "policies", "beta", "nested")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	repoCfg := writeConfig(t, filepath.Join(root, "repo"), "fail-level: error\n")

	if p, ok := Find(deep); !ok || p != repoCfg {
		t.Errorf("Find(%s) = %q, %v; want %q", deep, p, ok, repoCfg)
	}
	// A nearer .emlint.yml wins over a farther .emlint.yaml.
	yml := filepath.Join(root, "repo", "policies", ".emlint.yml")
	if err := os.WriteFile(yml, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if p, ok := Find(deep); !ok || p != yml {
		t.Errorf("Find = %q, %v; want the nearer %q", p, ok, yml)
	}
	// In one directory .emlint.yaml is preferred over .emlint.yml.
	yaml := writeConfig(t, filepath.Join(root, "repo", "policies"), "")
	if p, ok := Find(deep); !ok || p != yaml {
		t.Errorf("Find = %q, %v; want %q", p, ok, yaml)
	}
	// A directory named .emlint.yaml is not a config file.
	if err := os.Mkdir(filepath.Join(deep, ".emlint.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if p, ok := Find(deep); !ok || p != yaml {
		t.Errorf("Find skipped nothing: %q, %v; want %q", p, ok, yaml)
	}
	// A relative start directory works from the working directory.
	t.Chdir(filepath.Join(root, "repo", "policies", "beta"))
	if p, ok := Find("nested"); !ok || p != yaml {
		t.Errorf("Find(nested) = %q, %v; want %q", p, ok, yaml)
	}
	if p, ok := Find(""); !ok || p != yaml {
		t.Errorf("Find(\"\") = %q, %v; want %q", p, ok, yaml)
	}
	// Nothing under root: whatever Find returns lies above it.
	other := filepath.Join(root, "other")
	if err := os.Mkdir(other, 0o755); err != nil {
		t.Fatal(err)
	}
	if p, ok := Find(other); ok && strings.HasPrefix(p, root) {
		t.Errorf("Find(%s) = %q, want nothing under %s", other, p, root)
	}
}

// Paths are relative to the config file's directory, whatever the working
// directory, and may be given relative or absolute.
func TestPathsRelativeToConfigDir(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	c := loadIn(t, repo, `
files:
  - path: "policies/beta/**"
    api: beta
exclude: ["fixtures/**"]
ignore:
  - path: "policies/legacy.json"
    rules: [json-bom]
`)
	if c.Dir != repo {
		t.Errorf("Dir = %q, want %q", c.Dir, repo)
	}
	for _, dir := range []string{filepath.Join(repo, "policies"), filepath.Join(repo, "policies", "beta"), root} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}

	t.Chdir(filepath.Join(repo, "policies"))
	if api, _ := c.ShapeFor("beta/a.json"); api != schemas.Beta {
		t.Errorf("from policies/: ShapeFor(beta/a.json) = %q, want beta", api)
	}
	if api, _ := c.ShapeFor("a.json"); api != "" {
		t.Errorf("from policies/: ShapeFor(a.json) = %q, want none", api)
	}
	if c.Included("../fixtures/x.json") {
		t.Errorf("from policies/: ../fixtures/x.json is included")
	}
	if !c.Ignored(finding.Finding{File: "legacy.json", Rule: "json-bom"}) {
		t.Errorf("from policies/: legacy.json is not ignored")
	}

	t.Chdir(root)
	if api, _ := c.ShapeFor(filepath.Join("repo", "policies", "beta", "a.json")); api != schemas.Beta {
		t.Errorf("from above: ShapeFor = %q, want beta", api)
	}
	if c.Included(filepath.Join("repo", "fixtures", "x.json")) {
		t.Errorf("from above: repo/fixtures/x.json is included")
	}
	if !c.Included(filepath.Join("fixtures", "x.json")) {
		t.Errorf("from above: fixtures/x.json (outside the repo) is excluded")
	}
	// Absolute paths, from anywhere.
	if api, _ := c.ShapeFor(filepath.Join(repo, "policies", "beta", "x", "a.json")); api != schemas.Beta {
		t.Errorf("absolute: ShapeFor = %q, want beta", api)
	}
	// A relative config path: Dir is still absolute.
	t.Chdir(repo)
	c2, err := Load(".emlint.yaml", testRules)
	if err != nil {
		t.Fatal(err)
	}
	if c2.Dir != repo || c2.Path != ".emlint.yaml" {
		t.Errorf("Dir, Path = %q, %q; want %q, .emlint.yaml", c2.Dir, c2.Path, repo)
	}
	t.Chdir(root)
	if api, _ := c2.ShapeFor(filepath.Join("repo", "policies", "beta", "a.json")); api != schemas.Beta {
		t.Errorf("after chdir: ShapeFor = %q, want beta", api)
	}
}

func TestAliases(t *testing.T) {
	c := mustLoad(t, `
exclude: &skip ["vendor/**"]
include: ["**/*.json"]
ignore:
  - path: "a.json"
    rules: &r [json-bom]
  - path: "b.json"
    rules: *r
`)
	if c.Included(filepath.Join(c.Dir, "vendor", "x.json")) {
		t.Errorf("vendor/x.json included")
	}
	if !c.Ignored(finding.Finding{File: filepath.Join(c.Dir, "b.json"), Rule: "json-bom"}) {
		t.Errorf("alias rules not applied")
	}
}

func TestSchema(t *testing.T) {
	// The schema is valid 2020-12 (the library checks it against the
	// meta-schema), and the generated validator agrees with the library.
	sch := referenceSchema(t)
	var doc map[string]any
	if err := json.Unmarshal(Schema(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["$id"] != schemaURL {
		t.Errorf("$id = %v, want %s", doc["$id"], schemaURL)
	}
	// additionalProperties is false on every object with fixed properties.
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case map[string]any:
			if _, ok := x["properties"]; ok && x["additionalProperties"] != false {
				t.Errorf("%s: additionalProperties is %v, want false", path, x["additionalProperties"])
			}
			for k, c := range x {
				walk(path+"/"+k, c)
			}
		case []any:
			for _, c := range x {
				walk(path+"/[]", c)
			}
		}
	}
	walk("#", doc)
	for _, body := range []string{
		`{}`, `{"api": "v1.0"}`, `{"api": "v2"}`, `{"rules": []}`, `{"rules": {"json-bom": "loud"}}`,
		`{"ignore": [{"path": "a.json"}]}`, `{"ignore": [{"rules": ["x"]}]}`, `{"ignore": "a.json"}`, `{"include": "**/*.json"}`,
		`{"overrides": [{"files": ["a/**"]}]}`, `{"overrides": [{"files": ["a/**"], "api": "beta"}]}`, `{"fail-level": null}`,
		`{"fail-level": "warning", "unknown": 1}`, `{"shapes": [{"path": "x", "api": 1}]}`, `[]`, `"x"`, `{"policies": [1, "a"]}`,
	} {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		parsed, err := jsonparse.Parse([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		c := checker.New(body, parsed.Nodes, false)
		validateConfig(c)
		if want := sch.Validate(v) == nil; want != (len(c.Out) == 0) {
			t.Errorf("%s: the library says valid=%v, the generated validator found %+v", body, want, c.Out)
		}
	}
}

func referenceSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(Schema())))
	if err != nil {
		t.Fatal(err)
	}
	comp := jsonschema.NewCompiler()
	if err := comp.AddResource(schemaURL, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := comp.Compile(schemaURL)
	if err != nil {
		t.Fatalf("config.schema.json: %v", err)
	}
	return sch
}

// A standard applies to the files its path globs match, or every file;
// its rule id standard/<name> is known to rules:, ignore: and the rest.
func TestStandardsConfig(t *testing.T) {
	c := mustLoad(t, `standards:
  - name: guest-expiry
    path: ["policies/**", "legacy/*.json"]
    external-only: true
    max-duration: P180D
    severity: warning
  - name: named
    display-name: "^AP-"
ignore:
  - path: old.json
    rules: [standard/named]
rules:
  standard/guest-expiry: info
`)
	got := func(path string) []string {
		var names []string
		for _, s := range c.Standards(filepath.Join(c.Dir, path)) {
			names = append(names, s.Name+"/"+s.Severity.String())
		}
		return names
	}
	if g := got("policies/a/p.json"); !reflect.DeepEqual(g, []string{"guest-expiry/warning", "named/error"}) {
		t.Errorf("policies/a/p.json: %v", g)
	}
	if g := got("requests/r.json"); !reflect.DeepEqual(g, []string{"named/error"}) {
		t.Errorf("requests/r.json: %v", g)
	}
	s := c.Standards(filepath.Join(c.Dir, "policies/p.json"))[0]
	if !s.ExternalOnly || s.MaxDuration != 180 || s.MaxDurationText != "P180D" {
		t.Errorf("guest-expiry: %+v", s)
	}
}
