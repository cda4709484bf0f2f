package config_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/catalog"
	"github.com/emlint/emlint/internal/config"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/schemas"
)

func load(t *testing.T, src string) *config.Config {
	t.Helper()
	p := filepath.Join(t.TempDir(), ".emlint.yaml")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(p, catalog.IDs())
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	return c
}

// The template loads, and as written changes nothing.
func TestInitTemplateLoads(t *testing.T) {
	c := load(t, config.InitTemplate())
	if c.FailLevel != 0 && c.FailLevel != finding.Error {
		t.Errorf("FailLevel = %v, want the default", c.FailLevel)
	}
	for _, e := range catalog.All() {
		if sev, on := c.Severity(e.ID, e.Severity); !on || sev != e.Severity {
			t.Errorf("%s: %v, %v; want its default %v", e.ID, sev, on, e.Severity)
		}
	}
	if !c.Included(filepath.Join(c.Dir, "node_modules", "x.json")) {
		t.Errorf("the template excludes a file")
	}
	if api, kind := c.ShapeFor(filepath.Join(c.Dir, "policies", "beta", "a.json")); api != "" || kind != "" {
		t.Errorf("the template sets a shape: %q %q", api, kind)
	}
}

// Every line is a comment, blank, or a valid setting on its own; and every
// section of the schema is in the template.
func TestInitTemplateLines(t *testing.T) {
	sections := map[string]bool{}
	for i, line := range strings.Split(config.InitTemplate(), "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if line != trimmed {
			t.Errorf("line %d %q: a setting that is not commented out is indented", i+1, line)
		}
		load(t, line+"\n")
		key, _, _ := strings.Cut(line, ":")
		sections[key] = true
	}
	for _, s := range []string{"fail-level", "rules", "files", "include", "exclude", "ignore"} {
		if !sections[s] {
			t.Errorf("the template has no %s section", s)
		}
	}
}

var commentedSetting = regexp.MustCompile(`^(\s+)# `)

// The commented-out examples, once uncommented, are valid and do what the
// comments say.
func TestInitTemplateExamples(t *testing.T) {
	var lines []string
	for _, l := range strings.Split(config.InitTemplate(), "\n") {
		lines = append(lines, commentedSetting.ReplaceAllString(l, "$1"))
	}
	src := strings.Join(lines, "\n")
	if src == config.InitTemplate() {
		t.Fatal("no commented-out examples")
	}
	c := load(t, src)
	if _, on := c.Severity("json-bom", finding.Info); on {
		t.Errorf("json-bom is on")
	}
	if sev, _ := c.Severity("stages-without-approval", finding.Warning); sev != finding.Error {
		t.Errorf("stages-without-approval is %v", sev)
	}
	if api, kind := c.ShapeFor(filepath.Join(c.Dir, "policies", "beta", "finance", "a.json")); api != schemas.Beta || kind != schemas.Policy {
		t.Errorf("ShapeFor(policies/beta/...) = %q %q", api, kind)
	}
	if api, kind := c.ShapeFor(filepath.Join(c.Dir, "requests", "r.json")); api != "" || kind != schemas.Request {
		t.Errorf("ShapeFor(requests/...) = %q %q", api, kind)
	}
	if c.Included(filepath.Join(c.Dir, "node_modules", "x", "package.json")) || c.Included(filepath.Join(c.Dir, "README.md")) {
		t.Errorf("include/exclude examples do not apply")
	}
	if !c.Included(filepath.Join(c.Dir, "policies", "a.json")) {
		t.Errorf("policies/a.json is excluded")
	}
	f := finding.Finding{File: filepath.Join(c.Dir, "legacy", "p.json"), Rule: "beta-approval-mode", Pointer: "/requestApprovalSettings/approvalStages/1"}
	if !c.Ignored(f) {
		t.Errorf("the ignore example does not ignore %+v", f)
	}
	if len(c.UnusedIgnores()) != 0 {
		t.Errorf("unused: %+v", c.UnusedIgnores())
	}
	if got := c.Standards(filepath.Join(c.Dir, "policies", "p.json")); len(got) != 2 || !got[0].ExternalOnly || got[1].DisplayName == nil {
		t.Errorf("the standards examples: %+v", got)
	}
}
