#!/usr/bin/env bash
# Test for the GitHub Action (action.yml, action/*.sh, the problem matcher) and
# the workflows:
#   - action.yml's structure (test/action/runner.py check);
#   - actionlint on .github/workflows/*.yml, and proof that it reads action.yml
#     for `uses: ./`; ACTIONLINT names the binary (else actionlint on PATH;
#     required when CI is set);
#   - shellcheck on the scripts, when shellcheck is installed;
#   - the action's steps run as the runner would (test/action/runner.py run:
#     the same scripts, env and working directories as action.yml says, with
#     GITHUB_OUTPUT, RUNNER_TEMP, GITHUB_WORKSPACE...), over small workspaces,
#     checking annotations, the exit status and the outputs.
# Parts that need emlint flags not landed yet check what the action does
# without them instead, and say PENDING.
#
#   bash test/action/run.sh
#
# Needs go, bash and python3 with PyYAML (Debian: python3-yaml).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runner="$root/test/action/runner.py"
matcher="$root/.github/emlint-problem-matcher.json"

passed=0
failed=0
pending=()
pass() { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
need() { # TOOL HOWTO: fail in CI, skip elsewhere
  if [ -n "${CI:-}" ]; then
    echo "FAIL: $1 is missing: $2" >&2
    exit 1
  fi
  echo "SKIP: $1 is missing: $2"
  exit 0
}

command -v go >/dev/null 2>&1 || need go "install Go"
py=""
for cand in python3 /usr/bin/python3; do
  if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import yaml' >/dev/null 2>&1; then
    py=$cand
    break
  fi
done
[ -n "$py" ] || need "python3 with PyYAML" "apt-get install -y python3-yaml"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/emlint-action.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

echo "== action.yml structure"
if "$py" "$runner" check "$root" >"$tmp/check.log" 2>&1; then
  pass "action.yml: composite, inputs and outputs well formed, no \${{ }} in scripts, every input used"
else
  fail "action.yml:"
  sed 's/^/   | /' "$tmp/check.log"
fi
# The check itself must catch an input interpolated into a script.
mkdir -p "$tmp/injected/action"
cp "$root"/action/*.sh "$tmp/injected/action/"
sed 's|run: bash action/build.sh|run: bash action/build.sh ${{ inputs.args }}|' "$root/action.yml" >"$tmp/injected/action.yml"
if ! grep -q 'inputs.args }}$' "$tmp/injected/action.yml"; then
  fail "could not make the injected copy of action.yml (the build step's run: line changed?)"
elif "$py" "$runner" check "$tmp/injected" >"$tmp/injected.log" 2>&1; then
  fail "the action.yml check accepts \${{ inputs.args }} in a script"
elif grep -q 'script injection' "$tmp/injected.log"; then
  pass "the action.yml check rejects \${{ inputs.args }} in a script"
else
  fail "the action.yml check failed on the injected copy, but not for the injection:"
  sed 's/^/   | /' "$tmp/injected.log"
fi

echo "== actionlint"
actionlint=${ACTIONLINT:-$(command -v actionlint || true)}
if [ -z "$actionlint" ]; then
  how="GOBIN=DIR go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12, then ACTIONLINT=DIR/actionlint"
  if [ -n "${CI:-}" ]; then
    fail "actionlint is missing: $how"
  else
    echo "SKIP actionlint is missing: $how"
  fi
else
  echo "   $("$actionlint" -version | head -n 1), shellcheck: $(command -v shellcheck || echo none)"
  if (cd "$root" && "$actionlint" -no-color .github/workflows/*.yml) >"$tmp/actionlint.log" 2>&1; then
    pass "actionlint: $(cd "$root" && echo .github/workflows/*.yml)"
  else
    fail "actionlint:"
    sed 's/^/   | /' "$tmp/actionlint.log"
  fi
  # actionlint checks a `uses: ./` step's inputs against action.yml: it must
  # have read and understood our action.yml to reject an undeclared input.
  al="$tmp/actionlint-probe"
  mkdir -p "$al/.github/workflows"
  cp "$root/action.yml" "$al/"
  cat >"$al/.github/workflows/probe.yml" <<'EOF'
name: probe
on: push
jobs:
  probe:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - uses: ./
        with:
          paths: .
          no-such-input: x
EOF
  git -C "$al" init -q
  if (cd "$al" && "$actionlint" -no-color .github/workflows/probe.yml) >"$tmp/actionlint-probe.log" 2>&1; then
    fail "actionlint accepted an input that action.yml does not declare"
  elif grep -q 'no-such-input' "$tmp/actionlint-probe.log" && ! grep -qi 'could not parse action metadata' "$tmp/actionlint-probe.log"; then
    pass "actionlint reads action.yml: it rejects an undeclared input of uses: ./"
  else
    fail "actionlint did not check uses: ./ against action.yml:"
    sed 's/^/   | /' "$tmp/actionlint-probe.log"
  fi
fi

if command -v shellcheck >/dev/null 2>&1; then
  echo "== shellcheck"
  if shellcheck -x "$root"/action/*.sh "$root"/test/action/run.sh "$root"/test/precommit/run.sh >"$tmp/shellcheck.log" 2>&1; then
    pass "shellcheck: action/*.sh, test/action/run.sh, test/precommit/run.sh"
  else
    fail "shellcheck:"
    sed 's/^/   | /' "$tmp/shellcheck.log"
  fi
else
  echo "== shellcheck: not installed, skipped (apt-get install -y shellcheck)"
fi

echo "== what this emlint supports"
(cd "$root" && go build -o "$tmp/emlint" ./cmd/emlint)
accepts() { (cd "$tmp" && printf '{}' | "$tmp/emlint" lint --color never "$@" - >/dev/null 2>&1); }
has_github=no has_sarif=no has_fail_level=no
accepts --format github && has_github=yes
accepts --format sarif --output "$tmp/probe.sarif" && has_sarif=yes
accepts --fail-level warning && has_fail_level=yes
echo "   --format github: $has_github, --format sarif --output: $has_sarif, --fail-level: $has_fail_level"

# Workspaces.
ws_main="$tmp/ws-main"     # good.json, bad.json, package.json
ws_warn="$tmp/ws-warn"     # warn.json: one warning, no error
ws_space="$tmp/ws-space"   # "my payloads/bad.json"
ws_script="$tmp/ws-script" # deploy/grant.ps1 (a bad request), infra/policy.tf (a PATCHed policy), build.ps1
mkdir -p "$ws_main" "$ws_warn" "$ws_space/my payloads" "$ws_script/deploy" "$ws_script/infra"
cat >"$ws_main/good.json" <<'EOF'
{
  "requestType": "adminAdd",
  "assignment": {
    "targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9",
    "assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8",
    "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"
  },
  "justification": "Joining the audit project"
}
EOF
cat >"$ws_main/bad.json" <<'EOF'
{
  "displayName": "Direct reports",
  "description": "Approval required, but nobody to approve",
  "accessPackage": { "id": "a914b616-e04e-476b-aa37-91038f0b165b" },
  "allowedTargetScope": "allMemberUsers",
  "expiration": { "type": "afterDuration", "duration": "P30D" },
  "requestApprovalSettings": {
    "isApprovalRequiredForAdd": true,
    "isApprovalRequiredForUpdate": false,
    "stages": []
  }
}
EOF
cat >"$ws_main/package.json" <<'EOF'
{
  "name": "access-packages",
  "version": "1.0.0",
  "private": true
}
EOF
sed 's/"adminAdd"/"AdminAdd"/' "$ws_main/good.json" >"$ws_warn/warn.json"
cp "$ws_main/bad.json" "$ws_space/my payloads/bad.json"

# shellcheck disable=SC2016 # PowerShell text: its $variables are PowerShell's
printf '%s\n' \
  '$request = @{' \
  '  requestType = "adminRemove"' \
  '  assignment = @{ id = $assignment.Id }' \
  '  justification = "Left the audit project"' \
  '  schedule = @{ startDateTime = "next monday" }' \
  '}' \
  'New-MgEntitlementManagementAssignmentRequest -BodyParameter $request' >"$ws_script/deploy/grant.ps1"
cat >"$ws_script/infra/policy.tf" <<'EOF'
resource "msgraph_resource" "policy" {
  url  = "identityGovernance/entitlementManagement/assignmentPolicies"
  body = {
    displayName        = "Audit"
    description        = "Audit team"
    allowedTargetScope = "allMemberUsers"
    accessPackage      = { id = var.access_package_id }
    expiration         = { type = "noExpiration" }
  }
}
EOF
cat >"$ws_script/build.ps1" <<'EOF'
$settings = @{ Configuration = "Release"; Verbosity = "minimal" }
dotnet build @settings
EOF

bad_finding="error bad.json:10:15 approval-required-needs-stages"
warn_finding="warning warn.json:2:18 request-type-casing"

# run_action NAME WORKSPACE [NAME=VALUE...]: runs the action; sets $code, $res, $log, $ann.
run_action() {
  local name=$1 ws=$2
  shift 2
  res="$tmp/results/$name"
  mkdir -p "$res" "$tmp/runner-temp/$name"
  local args=()
  local kv
  for kv in "$@"; do args+=(--input "$kv"); done
  log="$res/log"
  local shown="$*"
  echo "-- $name: ${shown//$'\n'/\\n}"
  if ! "$py" "$runner" run "$root" --workspace "$ws" --temp "$tmp/runner-temp/$name" --result "$res" ${args[@]+"${args[@]}"} >"$log" 2>&1; then
    fail "$name: the test runner failed"
    sed 's/^/   | /' "$log"
    code=none
    : >"$res/outputs"
    : >"$res/annotations"
    return
  fi
  code=$(cat "$res/exit-code")
  "$py" "$runner" annotations "$matcher" "$log" >"$res/annotations"
  # The lint step's log, without the build's (go version, emlint version);
  # the first 30 lines.
  awk '/^##\[step\] Run emlint$/ { on = 1 } on { n++; if (n <= 30) print "   | " $0 }
       END { if (n > 30) printf "   | ... %d more lines\n", n - 30 }' "$log"
}
expect_code() {
  if [ "$code" = "$1" ]; then pass "$2: exit $1"; else fail "$2: exit $code, want $1"; fi
}
expect_outputs() { # WHAT EXIT_CODE SARIF_FILE: the action's outputs and the lint step's GITHUB_OUTPUT
  local want
  want=$(printf 'exit-code=%s\nsarif-file=%s' "$2" "$3")
  if [ "$(cat "$res/outputs")" = "$want" ]; then
    pass "$1: outputs exit-code=$2 sarif-file=$3"
  else
    fail "$1: outputs are:"$'\n'"$(cat "$res/outputs")"$'\n'"want:"$'\n'"$want"
  fi
  if [ "$(cat "$res"/step-2-lint.github_output 2>/dev/null)" = "$want" ]; then
    pass "$1: the lint step's GITHUB_OUTPUT is exactly those two lines"
  else
    fail "$1: the lint step's GITHUB_OUTPUT is:"$'\n'"$(cat "$res"/step-2-lint.github_output 2>/dev/null)"
  fi
}
expect_annotations() { # WHAT WANT...: the annotations with a file, in order, are exactly WANT
  local what=$1 got want
  shift
  got=$(grep -E '^(error|warning|notice) .+:[0-9]+:[0-9]+ [^ ]*$' "$res/annotations" || true)
  want=$(printf '%s\n' "$@" | sed '/^$/d')
  if [ "$got" = "$want" ]; then
    pass "$what: annotations: ${*:-none}"
  else
    fail "$what: annotations are:"$'\n'"${got:-(none)}"$'\n'"want:"$'\n'"${want:-(none)}"
  fi
}
expect_log() { # WHAT ERE
  if grep -Eq -- "$2" "$log"; then pass "$1"; else fail "$1: no line matching $2 in the log"; fi
}
# The annotations come from `--format github`, or, until it lands, from the
# text format and the problem matcher.
expect_annotation_source() { # WHAT
  if [ "$has_github" = yes ]; then
    expect_log "$1: findings printed as ::error/::warning workflow commands" '^::(error|warning|notice) file='
    if grep -q '^::add-matcher::' "$log"; then fail "$1: a problem matcher as well as --format github"; fi
  else
    expect_log "$1: text format, problem matcher added" "^::add-matcher::$matcher\$"
    expect_log "$1: problem matcher removed" '^::remove-matcher owner=emlint::$'
  fi
}

echo "== the action, run as the runner runs it"
run_action defaults "$ws_main"
expect_code 1 "defaults (paths ., format github), bad.json"
expect_outputs "defaults" 1 ""
expect_annotation_source "defaults"
expect_annotations "defaults" "$bad_finding"
[ "$has_github" = yes ] || pending+=("annotations from --format github: checked the text format + problem matcher fallback instead")

run_action good "$ws_main" "paths=good.json
package.json"
expect_code 0 "paths good.json and package.json"
expect_outputs "good" 0 ""
expect_annotations "good"

run_action text "$ws_main" format=text
expect_code 1 "format text"
expect_log "format text: problem matcher added" "^::add-matcher::$matcher\$"
expect_log "format text: the finding in text form" '^bad\.json:10:15: error: .*\[approval-required-needs-stages\]$'
expect_annotations "format text, via the problem matcher" "$bad_finding"

run_action spaces "$ws_space" "paths=  my payloads  "
expect_code 1 "a path with spaces"
expect_annotations "a path with spaces" "error my payloads/bad.json:10:15 approval-required-needs-stages"

run_action scripts "$ws_script"
expect_code 1 "PowerShell and Terraform files, walked from ."
expect_annotations "PowerShell and Terraform files" \
  "notice deploy/grant.ps1:5:3 request-answers-on-remove" \
  "error deploy/grant.ps1:5:33 schema-format" \
  "error infra/policy.tf:1:1 policy-update-method"

run_action warn-default "$ws_warn"
expect_code 0 "a warning, fail-level error (default)"
expect_annotations "a warning, fail-level error" "$warn_finding"

run_action warn-fail-level "$ws_warn" fail-level=warning
if [ "$has_fail_level" = yes ]; then
  expect_code 1 "a warning, fail-level warning"
  expect_outputs "fail-level warning" 1 ""
  expect_annotations "a warning, fail-level warning" "$warn_finding"
else
  expect_code 2 "fail-level warning without --fail-level in emlint"
  expect_outputs "fail-level warning without --fail-level" 2 ""
  expect_log "fail-level warning without --fail-level: says why" "^::error title=emlint::fail-level 'warning'"
  pending+=("fail-level warning failing on a warning (emlint has no --fail-level): checked that the action refuses it instead")
fi

run_action sarif "$ws_main" sarif-file=reports/emlint.sarif
if [ "$has_sarif" = yes ]; then
  expect_code 1 "sarif-file, bad.json"
  expect_outputs "sarif-file" 1 "reports/emlint.sarif"
  expect_annotations "sarif-file: the annotations too" "$bad_finding"
  if "$py" - "$ws_main/reports/emlint.sarif" <<'EOF'; then
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert doc.get("version") == "2.1.0", doc.get("version")
hits = [
    r for run in doc["runs"] for r in run.get("results", [])
    if r.get("ruleId") == "approval-required-needs-stages"
    and any(loc["physicalLocation"]["artifactLocation"]["uri"].endswith("bad.json")
            and loc["physicalLocation"]["region"]["startLine"] == 10
            for loc in r.get("locations", []))
]
assert len(hits) == 1, hits
EOF
    pass "sarif-file: reports/emlint.sarif is SARIF 2.1.0 with the finding at bad.json line 10"
  else
    fail "sarif-file: reports/emlint.sarif is not the SARIF expected"
  fi
else
  expect_code 2 "sarif-file without --format sarif in emlint"
  expect_outputs "sarif-file without --format sarif" 2 ""
  expect_log "sarif-file without --format sarif: says why" '^::error title=emlint::could not write the SARIF file reports/emlint.sarif'
  pending+=("sarif-file writing SARIF (emlint has no --format sarif / --output): checked that the action fails with exit 2 instead")
fi

run_action summary "$ws_main" summary=true
expect_code 1 "summary: the lint's status stands"
expect_annotations "summary: the annotations too" "$bad_finding"
# shellcheck disable=SC2016 # Markdown's backticks, meant literally
if grep -q '^### `bad.json:1`: v1.0 policy' "$res/step-2-lint.step_summary" && grep -q '^```mermaid$' "$res/step-2-lint.step_summary"; then
  pass "summary: the job summary describes bad.json, with a Mermaid chart"
else
  fail "summary: the job summary is:"$'\n'"$(cat "$res/step-2-lint.step_summary" 2>/dev/null)"
fi
run_action no-summary "$ws_main"
if [ ! -s "$res/step-2-lint.step_summary" ]; then
  pass "no summary input: the job summary is left alone"
else
  fail "no summary input: the job summary was written"
fi

run_action config "$ws_main" config=no-such-emlint-config.yml
expect_code 2 "config naming a missing file"
expect_outputs "config naming a missing file" 2 ""

run_action missing "$ws_main" paths=no-such-dir
expect_code 2 "paths naming a missing directory"
expect_outputs "missing path" 2 ""

# Inputs are data: nothing in them may run.
# shellcheck disable=SC2016 # the $( ) and backticks are meant literally
run_action injection "$ws_main" 'paths=$(touch pwned-paths)
`touch pwned-backtick`
"; touch pwned-quote; "' 'args=$(touch pwned-args) ;touch${IFS}pwned-args2' 'config=x"; touch pwned-config; "'
expect_code 2 "inputs with shell syntax"
pwned=$(find "$tmp" "$root" -name 'pwned*' -print 2>/dev/null | head -n 5)
if [ -z "$pwned" ]; then pass "inputs with shell syntax: nothing ran"; else fail "inputs with shell syntax ran: $pwned"; fi

run_action examples "$root" paths=testdata/examples
expect_code 1 "testdata/examples (as .github/workflows/emlint.yml)"
if grep -Eq '^error [^ ]+:[0-9]+:[0-9]+ [a-z0-9-]+$' "$res/annotations"; then
  pass "testdata/examples: error annotations ($(grep -Ec '^(error|warning|notice) .+:[0-9]+:[0-9]+ ' "$res/annotations") with a file in all)"
else
  fail "testdata/examples: no error annotation"
fi
if grep -E '^[a-z]+ [^ ]*/valid-[^ ]*:' "$res/annotations"; then
  fail "testdata/examples: annotations on valid-* examples"
else
  pass "testdata/examples: no annotation on a valid-* example"
fi

for p in ${pending[@]+"${pending[@]}"}; do
  echo "PENDING $p"
done
echo "action: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
