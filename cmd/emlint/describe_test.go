package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDescribeGolden describes every bundled example as the api and kind
// of its directory, in text and Markdown, against the golden files beside
// it (<file>.describe.text.golden, <file>.describe.md.golden); -update
// rewrites them. test/mermaid/run.sh renders the Markdown's charts with the
// real renderer.
func TestDescribeGolden(t *testing.T) {
	described := 0
	for _, ex := range examples(t) {
		t.Run(ex.path, func(t *testing.T) {
			shape := []string{"--api", ex.api, "--kind", ex.kind}
			if ex.api == "" {
				shape = nil
			}
			for _, f := range []struct{ format, golden string }{{"text", ".describe.text.golden"}, {"markdown", ".describe.md.golden"}} {
				r := emlint(t, "", append(append([]string{"describe", "--format", f.format}, shape...), ex.path)...)
				if r.code != 0 {
					t.Fatalf("describe --format %s: exit status %d: %s", f.format, r.code, r.stderr)
				}
				compareGolden(t, filepath.Join(repoRoot, ex.path+f.golden), r.stdout)
			}
			js := emlint(t, "", append(append([]string{"describe", "--format", "json"}, shape...), ex.path)...)
			var out struct {
				Bodies []struct {
					File, Kind string
					Policy     *struct{ Scope, Expiry string }
					Request    *struct{ RequestType string }
				}
			}
			if err := json.Unmarshal([]byte(js.stdout), &out); err != nil {
				t.Fatalf("describe --format json does not decode: %v\n%s", err, js.stdout)
			}
			for _, b := range out.Bodies {
				described++
				if b.File != ex.path || (b.Kind == "policy") != (b.Policy != nil) || (b.Kind == "request") != (b.Request != nil) {
					t.Errorf("a body's facts do not match its kind: %+v", b)
				}
			}
			// Our own valid examples are bodies: each is described.
			if strings.HasPrefix(filepath.Base(ex.path), "valid-") && len(out.Bodies) == 0 {
				t.Errorf("a valid example was not described:\n%s", js.stdout)
			}
		})
	}
	if described < 20 {
		t.Errorf("only %d bodies described across the examples", described)
	}
}

// describe --base compares each file with a git revision: widening changes
// first, --fail-on-widening exits 1 on one, a file new since the revision
// is all new, an unchanged one says so.
func TestDescribeBase(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	policy := readExample(t, "testdata/examples/emlint/v1.0/policy/valid-approval-two-stages.json")
	request := readExample(t, "testdata/examples/emlint/v1.0/request/valid-admin-add.json")
	dir := writeFiles(t, map[string]string{"policies/sales.json": policy, "requests/add.json": request})
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "base")
	widened := strings.Replace(strings.Replace(policy, `"P90D"`, `"P365D"`, 1), `"isApprovalRequiredForAdd": true`, `"isApprovalRequiredForAdd": false`, 1)
	if widened == policy {
		t.Fatal("the edit did not apply")
	}
	if err := os.WriteFile(filepath.Join(dir, "policies", "sales.json"), []byte(widened), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "policies", "new.json"), []byte(policy), 0o644); err != nil {
		t.Fatal(err)
	}

	r := emlintIn(t, dir, "describe", "--base", "HEAD", "--fail-on-widening", ".")
	if r.code != 1 {
		t.Errorf("exit status %d, want 1: %s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		"policies/sales.json:1: v1.0 policy, against HEAD\n  WIDENS ACCESS:\n",
		"approval of new requests: 2 stages; the requestor must justify the request -> none: granted without approval (approval removed",
		"access expires: after 90 days -> after 365 days (access lasts longer)",
		"policies/new.json:1: v1.0 policy, against HEAD\n  WIDENS ACCESS:\n    body: none -> a new policy",
		"requests/add.json:1: v1.0 request, against HEAD\n  no change in what the body does",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("missing %q in:\n%s", want, r.stdout)
		}
	}
	if r := emlintIn(t, dir, "describe", "--base", "HEAD", "requests"); r.code != 0 {
		t.Errorf("nothing widens: exit status %d: %s", r.code, r.stderr)
	}
	if r := emlintIn(t, dir, "describe", "--base", "HEAD", "--format", "markdown", "policies/sales.json"); !strings.Contains(r.stdout, "| ⚠️ **widens access**: approval removed") {
		t.Errorf("markdown:\n%s", r.stdout)
	}
	if r := emlintIn(t, dir, "describe", "--base", "no-such-rev", "."); r.code != 2 || !strings.Contains(r.stderr, "no such revision") {
		t.Errorf("an unknown revision: exit status %d: %s", r.code, r.stderr)
	}
	if r := emlintIn(t, dir, "describe", "--fail-on-widening", "."); r.code != 2 {
		t.Errorf("--fail-on-widening without --base: exit status %d", r.code)
	}
}

func readExample(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, path))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Team standards from .emlint.yaml: findings standard/<name> at the value
// that breaks them, in a JSON file and in a PowerShell script alike, with
// the configuration's severities and ignores.
func TestStandardsEndToEnd(t *testing.T) {
	policy := readExample(t, "testdata/examples/emlint/v1.0/policy/valid-approval-two-stages.json")
	script := "$policy = @{\n" +
		"  displayName = 'Contractors'\n" +
		"  accessPackage = @{ id = 'a8a5f1c3-2e4b-4d6f-9a1c-3e5b7d9f1a2c' }\n" +
		"  allowedTargetScope = 'allMemberUsers'\n" +
		"  expiration = @{ type = 'afterDuration'; duration = 'P365D' }\n" +
		"}\n" +
		"New-MgEntitlementManagementAssignmentPolicy -BodyParameter $policy\n"
	dir := writeFiles(t, map[string]string{
		".emlint.yaml": "standards:\n" +
			"  - name: max-year\n    max-duration: P180D\n" +
			"  - name: prefix\n    display-name: \"^AP-\"\n    severity: warning\n" +
			"ignore:\n  - path: old/**\n    rules: [standard/prefix]\n",
		"policies/sales.json": policy,
		"deploy/policy.ps1":   script,
		"old/sales.json":      policy,
	})
	r := emlintIn(t, dir, "lint", "--color", "never", ".")
	for _, want := range []string{
		"deploy/policy.ps1:5:54: error: access lasts 365 days, longer than the P180D the standard allows (team standard `max-year`) [standard/max-year]",
		"deploy/policy.ps1:2:17: warning: the display name \"Contractors\" does not match `^AP-` (team standard `prefix`) [standard/prefix]",
		"policies/sales.json:2:18: warning: the display name \"Sales contractors\" does not match `^AP-` (team standard `prefix`) [standard/prefix]",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("missing %q in:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "old/sales.json") {
		t.Errorf("the ignore entry did not apply:\n%s", r.stdout)
	}
	if r.code != 1 {
		t.Errorf("exit status %d, want 1 (an error-level standard is broken)", r.code)
	}
	if r := emlintIn(t, dir, "lint", "policies"); r.code != 0 {
		t.Errorf("a warning-level standard alone: exit status %d, want 0:\n%s", r.code, r.stdout)
	}
}

// A standard with a schema of the team's own: its violations are findings
// at the value, with the schema's x-emlint-message or description; the
// schema may refer only to files inside the repository.
func TestSchemaStandard(t *testing.T) {
	policy := readExample(t, "testdata/examples/emlint/v1.0/policy/valid-approval-two-stages.json")
	schema := `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {
    "displayName": {"type": "string", "pattern": "^AP-", "x-emlint-message": "start the display name with AP- (naming standard, wiki/naming)"},
    "description": {"$ref": "parts/description.schema.json"}
  },
  "required": ["displayName", "description"]
}`
	dir := writeFiles(t, map[string]string{
		".emlint.yaml":                            "standards:\n  - name: house\n    schema: standards/policy.schema.json\n",
		"standards/policy.schema.json":            schema,
		"standards/parts/description.schema.json": `{"type": "string", "minLength": 100, "description": "a description of at least 100 characters"}`,
		"policies/sales.json":                     policy,
	})
	r := emlintIn(t, dir, "lint", "--color", "never", ".")
	for _, want := range []string{
		"policies/sales.json:2:18: error: start the display name with AP- (naming standard, wiki/naming) (team standard `house`) [standard/house]",
		"policies/sales.json:3:18: error: a description of at least 100 characters (team standard `house`) [standard/house]",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("missing %q in:\n%s%s", want, r.stdout, r.stderr)
		}
	}
	if r.code != 1 {
		t.Errorf("exit status %d, want 1", r.code)
	}
	// The near miss: a policy that meets the schema.
	meets := strings.Replace(strings.Replace(policy, `"Sales contractors"`, `"AP-Sales contractors"`, 1),
		`"Contractors request access; their manager, then the sales lead approve"`,
		`"Contractors request access to the sales tools; their manager, then the sales lead approve, for ninety days at most"`, 1)
	if err := os.WriteFile(filepath.Join(dir, "policies", "sales.json"), []byte(meets), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := emlintIn(t, dir, "lint", "--color", "never", "."); strings.Contains(r.stdout, "standard/house") || r.code != 0 {
		t.Errorf("a policy that meets the schema: exit status %d:\n%s%s", r.code, r.stdout, r.stderr)
	}

	outside := writeFiles(t, map[string]string{".emlint.yaml": "standards:\n  - name: house\n    schema: ../policy.schema.json\n", "p.json": policy})
	if r := emlintIn(t, outside, "lint", "."); r.code != 2 || !strings.Contains(r.stderr, "is outside the directory of the configuration file") {
		t.Errorf("a schema outside the repository: exit status %d: %s", r.code, r.stderr)
	}
	remote := writeFiles(t, map[string]string{".emlint.yaml": "standards:\n  - name: house\n    schema: s.json\n", "p.json": policy,
		"s.json": `{"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "https://example.com/x.json"}`})
	if r := emlintIn(t, remote, "lint", "--color", "never", "."); !strings.Contains(r.stdout, "the standard's schema could not be checked") || !strings.Contains(r.stdout, "refused to load") {
		t.Errorf("a schema that refers to the network:\n%s%s", r.stdout, r.stderr)
	}
}

// emlint lsp --config names the configuration of every document (the VS
// Code extension's emlint.config); a missing file stops it with status 2.
func TestLSPConfigFlag(t *testing.T) {
	if r := emlint(t, "", "lsp", "--config", "no-such-config.yaml"); r.code != 2 || !strings.Contains(r.stderr, "no-such-config.yaml") {
		t.Errorf("exit status %d: %s", r.code, r.stderr)
	}
}
