package config

// InitTemplate returns the commented starting file `emlint init` writes.
// As written it configures nothing (it behaves like no file at all); each
// section's examples are commented out at the section's indentation, so
// deleting the "# " in front of an example line gives valid settings.
func InitTemplate() string { return initTemplate }

const initTemplate = `# emlint configuration.
#
# emlint uses the .emlint.yaml (or .emlint.yml) of the current directory or
# of the nearest directory above it. Every section is optional, and this
# file, as written, changes nothing: uncomment the examples you need.
#
# Paths are globs relative to the directory of this file, with forward
# slashes: * matches within one directory, ** across any number of
# directories, and a pattern that matches a directory matches every file
# below it. Quote patterns that start with * ("**/*.json"): unquoted, YAML
# reads * as an alias.

# The lowest severity that makes emlint exit with status 1: error (the
# default), warning or info.
fail-level: error

# Change a rule's severity, or turn it off: off, error, warning or info.
# ` + "`emlint rules`" + ` lists the rule ids and their default severities.
rules:
  # json-bom: off
  # stages-without-approval: error

# Which shape the files under a path are, instead of detecting it from their
# properties: api is beta or v1.0, kind is policy or request; set either or
# both. For each of api and kind, the first entry that matches and sets it
# wins.
files:
  # - path: "policies/beta/**/*.json"
  #   api: beta
  #   kind: policy
  # - path: "requests/**/*.json"
  #   kind: request

# Which files to lint. When include is set, a file must match one of its
# patterns; a file that matches an exclude pattern is not linted.
include:
  # - "**/*.json"
exclude:
  # - "node_modules/**"
  # - "fixtures/broken/**"

# Policy files that requests are checked against in every run (required
# answers, justification, package...), even when only requests are linted,
# as in a pre-commit hook that passes only the changed files.
policies:
  # - "policies/**/*.json"

# Findings to silence. An entry matches a finding when the file matches path,
# the finding's JSON Pointer matches pointer, and its rule is one of rules.
# In pointer, * matches one token and ** any number of tokens; omit pointer
# for anywhere in the file, and rules for every rule. reason is free text.
# ` + "`emlint lint --report-unused-ignores`" + ` lists entries that no longer match.
ignore:
  # - path: "legacy/**"
  #   pointer: "/requestApprovalSettings/approvalStages/*"
  #   rules: [beta-approval-mode]
  #   reason: "migrating in Q3"

# Your team's own standards for policies, beyond what Graph accepts. Each
# entry has a name (its findings are standard/<name>), optionally path (a
# glob or a list), severity (default error) and external-only (only policies
# open to users outside the directory), and one or more checks:
# max-duration, expiry-required, approval-required, min-stages,
# justification-required, access-review-required, max-review-interval,
# approver-types, display-name, schema (a JSON Schema file of your own).
standards:
  # - name: guest-access
  #   external-only: true
  #   max-duration: P180D
  #   approval-required: true
  #   access-review-required: true
  # - name: naming
  #   path: "policies/**"
  #   display-name: "^AP-"
  #   severity: warning
`
