#!/usr/bin/env bash
# Integration test for .pre-commit-hooks.yaml: runs both hooks the way a user's
# pre-commit would, with `pre-commit try-repo` on this repository, in a
# throwaway git repository holding a good payload, a bad one, a package.json, a
# UTF-16 PowerShell script with a bad policy, a Terraform file and a script with
# no Graph body.
#
#   bash test/precommit/run.sh
#
# Needs pre-commit (Debian: apt-get install -y pre-commit), git and go. Without
# pre-commit it prints SKIP and exits 0, unless CI is set: then it fails.
# HOME, PRE_COMMIT_HOME and XDG_* point into a temporary directory, removed on
# exit; Go's module and build caches are the user's own (so the golang hook
# builds offline from modules already downloaded), and GOPROXY, GOFLAGS and
# `go env -w` settings keep working.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

if ! command -v pre-commit >/dev/null 2>&1; then
  if [ -n "${CI:-}" ]; then
    echo "FAIL: pre-commit is not installed: apt-get install -y pre-commit" >&2
    exit 1
  fi
  echo "SKIP: pre-commit is not installed (apt-get install -y pre-commit)"
  exit 0
fi
for tool in git go; do
  command -v "$tool" >/dev/null 2>&1 || { echo "FAIL: $tool is not on PATH" >&2; exit 1; }
done

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/emlint-precommit.XXXXXX")
cleanup() {
  chmod -R u+w "$tmp" 2>/dev/null || true # a Go module cache is read-only
  rm -rf "$tmp"
}
trap cleanup EXIT

# Go's own caches and settings stay the user's: read them before HOME moves.
GOMODCACHE=$(go env GOMODCACHE)
GOCACHE=$(go env GOCACHE)
GOENV=$(go env GOENV)
export GOMODCACHE GOCACHE GOENV
# pre-commit's caches and git's global config move into the temporary directory.
export HOME="$tmp/home" PRE_COMMIT_HOME="$tmp/pre-commit-home"
export XDG_CACHE_HOME="$tmp/home/.cache" XDG_CONFIG_HOME="$tmp/home/.config"
mkdir -p "$HOME" "$PRE_COMMIT_HOME"
# A git hook that runs this script must not leak its repository into ours.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_PREFIX
export GIT_AUTHOR_NAME=emlint-test GIT_AUTHOR_EMAIL=emlint-test@example.invalid
export GIT_COMMITTER_NAME=emlint-test GIT_COMMITTER_EMAIL=emlint-test@example.invalid

echo "== pre-commit $(pre-commit --version | awk '{print $2}'), $(go version | awk '{print $3}')"

# The golang hook must use the system go, never download one: that holds when
# no language_version is set and `go` is on PATH.
if grep -Eq '^[[:space:]]*language_version:' "$root/.pre-commit-hooks.yaml"; then
  fail "the hooks set language_version: pre-commit would download that Go"
else
  pass "no language_version in .pre-commit-hooks.yaml"
fi
pc_python=$(head -n 1 "$(command -v pre-commit)" | sed -n 's/^#![[:space:]]*//p')
# shellcheck disable=SC2086 # the interpreter line may be "/usr/bin/env python3"
if default_go=$($pc_python -c 'from pre_commit.languages import golang; print(golang.get_default_version())' 2>/dev/null); then
  if [ "$default_go" = system ]; then
    pass "pre-commit's golang language picks the system go (default version: system)"
  else
    fail "pre-commit's golang language would use Go '$default_go', not the system go"
  fi
else
  echo "note: could not ask pre-commit which Go it picks; skipped that check"
fi

# try-repo builds the hook repository from git: HEAD plus staged files and
# changes to tracked files. Untracked files are left out, so a new file that is
# not yet `git add`ed (say .pre-commit-hooks.yaml itself, or a new package)
# would be missing. Then lint a committed snapshot of the working tree instead.
hook_repo=$root
toplevel=$(git -C "$root" rev-parse --show-toplevel 2>/dev/null || true)
if [ "$toplevel" != "$root" ] || [ -n "$(git -C "$root" ls-files --others --exclude-standard -- . | head -n 1)" ]; then
  hook_repo="$tmp/hook-repo"
  mkdir -p "$hook_repo"
  if [ "$toplevel" = "$root" ]; then
    git -C "$root" ls-files -z --cached --others --exclude-standard |
      while IFS= read -r -d '' f; do
        if [ -e "$root/$f" ] || [ -L "$root/$f" ]; then printf '%s\0' "$f"; fi
      done |
      tar -C "$root" --null -T - -cf - | tar -C "$hook_repo" -xf -
  else
    tar -C "$root" --exclude=.git -cf - . | tar -C "$hook_repo" -xf -
  fi
  git -C "$hook_repo" init -q
  git -C "$hook_repo" add -A
  git -C "$hook_repo" commit -q --no-gpg-sign -m "snapshot of $root"
  echo "== hook repo: a committed snapshot of the working tree (it has untracked files, which try-repo would leave out)"
else
  echo "== hook repo: $root"
fi

# The user's repository.
proj="$tmp/project"
mkdir -p "$proj"
git -C "$proj" init -q
cat >"$proj/good.json" <<'EOF'
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
cat >"$proj/bad.json" <<'EOF'
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
cat >"$proj/package.json" <<'EOF'
{
  "name": "access-packages",
  "version": "1.0.0",
  "private": true,
  "scripts": { "deploy": "node deploy.js" }
}
EOF
# A deployment script saved by Windows PowerShell (UTF-16 LE with a byte
# order mark, CRLF), whose policy has one mistake; a Terraform file whose
# policy is right; and a script with no Graph body at all.
# shellcheck disable=SC2016 # PowerShell text: its $variables are PowerShell's
printf '%s\r\n' \
  '# Creates the policy' \
  '$p = @{' \
  '  displayName = "Direct reports"; description = "Managers approve"' \
  '  allowedTargetScope = "allMemberUser"' \
  '  accessPackage = @{ id = $apId }' \
  '  expiration = @{ type = "noExpiration" }' \
  '}' \
  'New-MgEntitlementManagementAssignmentPolicy -BodyParameter $p' |
  iconv -f UTF-8 -t UTF-16LE | { printf '\xff\xfe'; cat; } >"$proj/deploy.ps1"
cat >"$proj/policy.tf" <<'EOF'
resource "msgraph_resource" "policy" {
  url           = "identityGovernance/entitlementManagement/assignmentPolicies"
  update_method = "PUT"
  body = {
    displayName        = "Audit"
    description        = "Audit team"
    allowedTargetScope = "allMemberUsers"
    accessPackage      = { id = var.access_package_id }
    expiration         = { type = "noExpiration" }
    requestorSettings = {
      enableTargetsToSelfAddAccess        = true
      enableOnBehalfRequestorsToAddAccess = false
    }
    requestApprovalSettings = {
      isApprovalRequiredForAdd    = false
      isApprovalRequiredForUpdate = false
      stages                      = []
    }
  }
}
EOF
cat >"$proj/build.ps1" <<'EOF'
$settings = @{ Configuration = "Release"; Verbosity = "minimal" }
dotnet build @settings
EOF
git -C "$proj" add good.json bad.json package.json deploy.ps1 policy.tf build.ps1

# The findings in bad.json and deploy.ps1, as emlint's text format prints them.
want_finding='^(bad\.json:10:15: error: .*\[approval-required-needs-stages\]|deploy\.ps1:4:24: error: .*\[schema-enum\])$'
finding_line='^[^[:space:]]+:[0-9]+:[0-9]+: (error|warning|info): '

# try_repo NAME HOOK [ARGS...]: runs pre-commit try-repo in the project; sets
# $status and $log.
try_repo() {
  local name=$1
  shift
  log="$tmp/$name.log"
  status=0
  (cd "$proj" && pre-commit try-repo --color never "$hook_repo" "$@") >"$log" 2>&1 || status=$?
  echo "-- $name: pre-commit try-repo ... $* -> exit $status"
  # pre-commit's output after the config it prints (all of it if it stopped earlier)
  if [ "$(grep -Ec '^=+$' "$log")" -ge 3 ]; then
    awk 'n >= 3 { print "   | " $0 } /^=+$/ { n++ }' "$log"
  else
    sed 's/^/   | /' "$log"
  fi
}

expect_status() { # WANT WHAT
  if [ "$status" -eq "$1" ]; then pass "$2: exit $1"; else fail "$2: exit $status, want $1"; fi
}
expect_bad_finding() { # WHAT
  if grep -Eq '^bad\.json:10:15: error: .*\[approval-required-needs-stages\]$' "$log"; then
    pass "$1: bad.json:10:15 [approval-required-needs-stages] reported"
  else
    fail "$1: no 'bad.json:10:15: error: ... [approval-required-needs-stages]' in the output"
  fi
  if grep -Eq '^deploy\.ps1:4:24: error: .*\[schema-enum\]$' "$log"; then
    pass "$1: deploy.ps1:4:24 [schema-enum] reported (a UTF-16 script, at the script's own line)"
  else
    fail "$1: no 'deploy.ps1:4:24: error: ... [schema-enum]' in the output"
  fi
  local others
  others=$(grep -E "$finding_line" "$log" | grep -Ev "$want_finding" || true)
  if [ -z "$others" ]; then
    pass "$1: no finding for good.json, package.json, policy.tf or build.ps1"
  else
    fail "$1: unexpected findings:"$'\n'"$others"
  fi
}
expect_hook_result() { # RESULT WHAT: the hook's line in pre-commit's summary says Passed or Failed
  if grep -Eq "^emlint[^.]*\.+$1\$" "$log"; then
    pass "$2: pre-commit reports the hook $1"
  else
    fail "$2: pre-commit does not report the hook $1"
  fi
}

echo "== hook emlint (language: golang)"
try_repo golang-all-files emlint --all-files
expect_status 1 "emlint --all-files, bad.json staged"
expect_hook_result Failed "emlint --all-files, bad.json staged"
expect_bad_finding "emlint --all-files"

try_repo golang-staged emlint
expect_status 1 "emlint on the staged files, bad.json staged"
expect_bad_finding "emlint on the staged files"

# Only the good payload and package.json: bad.json is unstaged and moved away.
git -C "$proj" rm -q --cached bad.json deploy.ps1
mv "$proj/bad.json" "$tmp/bad.json"
mv "$proj/deploy.ps1" "$tmp/deploy.ps1"

try_repo golang-good-staged emlint
expect_status 0 "emlint on the staged good.json and package.json"
expect_hook_result Passed "emlint on the staged good.json and package.json"

try_repo golang-good-all-files emlint --all-files
expect_status 0 "emlint --all-files, good.json and package.json"
expect_hook_result Passed "emlint --all-files, good.json and package.json"

echo "== hook emlint-system (language: system, emlint on PATH)"
mkdir -p "$tmp/bin"
(cd "$root" && go build -o "$tmp/bin/emlint" ./cmd/emlint)
mv "$tmp/bad.json" "$proj/bad.json"
mv "$tmp/deploy.ps1" "$proj/deploy.ps1"
git -C "$proj" add bad.json deploy.ps1
PATH="$tmp/bin:$PATH"
try_repo system-all-files emlint-system --all-files
expect_status 1 "emlint-system --all-files, bad.json staged"
expect_bad_finding "emlint-system --all-files"

git -C "$proj" rm -q --cached bad.json deploy.ps1
rm "$proj/bad.json" "$proj/deploy.ps1"
try_repo system-good emlint-system --all-files
expect_status 0 "emlint-system --all-files, good.json and package.json"
expect_hook_result Passed "emlint-system --all-files, good.json and package.json"

echo "precommit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
