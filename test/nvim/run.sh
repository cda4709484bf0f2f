#!/usr/bin/env bash
# Integration test of emlint's language server with a real client: headless
# Neovim opens a bad payload, and the diagnostics it receives must be the
# expected ones, at the columns `emlint lint` prints (the server sends UTF-16
# positions; Neovim turns them into byte columns; check.lua turns those
# into characters). Then the unsaved buffer is fixed and the errors and
# warnings must clear (infos may stay: rules are added often), and the
# server must exit 0 after shutdown. Hovering over the first finding must
# show its rule's help; its code actions must include "Explain rule", which
# must show the help as a message, and "Ignore this finding", whose edit,
# written out, must put an entry in .emlint.yaml (a new file in the JSON
# case, appended to a commented file's list in the PowerShell one) and make
# the finding go. The same again with a PowerShell script,
# whose diagnostics must sit at the script's own lines and columns.
#
# Usage: bash test/nvim/run.sh   (from anywhere; needs go and nvim >= 0.7)
# Without nvim it skips (exit 0), or fails when CI is set.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

if ! command -v nvim >/dev/null 2>&1; then
	if [[ -n "${CI:-}" ]]; then
		echo "test/nvim: nvim not found: install neovim (apt-get install -y neovim)" >&2
		exit 1
	fi
	echo "SKIP test/nvim: nvim not found: install neovim (apt-get install -y neovim)"
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/emlint" ./cmd/emlint
server='["'"$tmp"'/emlint", "lsp"]'
echo "test/nvim: $(nvim --version | head -n 1), server $server"

# An emoji before the first fault, on the same line: the server must count
# it as 2 UTF-16 code units for Neovim to land on the right column.
cat >"$tmp/bad.json" <<'EOF'
{
  "displayName": "Finance 💰 approvers", "allowedTargetScope": "specificDirectoryUser",
  "description": "Finance approvers",
  "durationInDays": 30,
  "accessPackage": {"id": "5f6a2b1c-0d3e-4f5a-9b8c-7d6e5f4a3b2c"},
  "specificAllowedTargets": [{"@odata.type": "microsoft.graph.groupMembers", "groupId": "0b7e4d43-6a8c-4c6e-9a55-3f1e2f6b8c11"}]
}
EOF

# The same body with the three faults fixed, typed into the unsaved buffer.
cat >"$tmp/fixed.json" <<'EOF'
{
  "displayName": "Finance 💰 approvers", "allowedTargetScope": "specificDirectoryUsers",
  "description": "Finance approvers",
  "expiration": {"type": "afterDuration", "duration": "P30D"},
  "accessPackage": {"id": "5f6a2b1c-0d3e-4f5a-9b8c-7d6e5f4a3b2c"},
  "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "0b7e4d43-6a8c-4c6e-9a55-3f1e2f6b8c11"}]
}
EOF

# LINE:COL:SEVERITY:CODE:MESSAGE, with the line and column `emlint lint`
# prints; then what check.lua saw of the hover and the code actions, the
# .emlint.yaml the ignore action created (Neovim's buffer of a new file
# holds one empty line, which the inserted text's last line end leaves at
# the end), and what it saw after the fix and at shutdown.
cat >"$tmp/want.txt" <<'EOF'
2:63:1:schema-enum:`allowedTargetScope` is `"specificDirectoryUser"`: did you mean `"specificDirectoryUsers"`?
4:3:1:cross-version-property:`durationInDays` is beta-only; in v1.0 use `expiration`: {"type": "afterDuration", "duration": "P30D"}
6:46:2:odata-type-prefix:`@odata.type` is `"microsoft.graph.groupMembers"`: write `"#microsoft.graph.groupMembers"`, with the leading `#` OData specifies
hover: schema-enum, with its help
actions: Explain rule schema-enum | Ignore this finding in .emlint.yaml (emlint schema-enum)
explain: schema-enum, its help shown
config| ignore:
config|   - path: "bad.json"
config|     pointer: "/allowedTargetScope"
config|     rules: ["schema-enum"]
config|     reason: "TODO: why"
config|
ignored: schema-enum no longer reported
fixed: no errors or warnings
server exit: code 0, signal 0
EOF

# The same with a PowerShell script (a UTF-8 script with CRLF line ends and
# tabs): the diagnostics sit at the script's own lines and columns.
# shellcheck disable=SC2016 # PowerShell text: its $variables are PowerShell's
printf '%s\r\n' \
	'# Deploys the finance policy' \
	'$policy = @{' \
	'	displayName = "Finance 💰 approvers"; allowedTargetScope = "specificDirectoryUser"' \
	'	description = "Finance approvers"' \
	'	durationInDays = 30' \
	'	accessPackage = @{ id = $accessPackageId }' \
	'	specificAllowedTargets = @( @{ "@odata.type" = "microsoft.graph.groupMembers"; groupId = $groupId } )' \
	'}' \
	'New-MgEntitlementManagementAssignmentPolicy -BodyParameter $policy' >"$tmp/bad.ps1"
sed -e 's/"specificDirectoryUser"/"specificDirectoryUsers"/' \
	-e 's/durationInDays = 30/expiration = @{ type = "afterDuration"; duration = "P30D" }/' \
	-e 's/"microsoft.graph.groupMembers"/"#microsoft.graph.groupMembers"/' "$tmp/bad.ps1" >"$tmp/fixed.ps1"
cat >"$tmp/want-ps1.txt" <<'EOF'
3:60:1:schema-enum:`allowedTargetScope` is `"specificDirectoryUser"`: did you mean `"specificDirectoryUsers"`?
5:2:1:cross-version-property:`durationInDays` is beta-only; in v1.0 use `expiration`: {"type": "afterDuration", "duration": "P30D"}
7:49:2:odata-type-prefix:`@odata.type` is `"microsoft.graph.groupMembers"`: write `"#microsoft.graph.groupMembers"`, with the leading `#` OData specifies
hover: schema-enum, with its help
actions: Explain rule schema-enum | Ignore this finding in .emlint.yaml (emlint schema-enum)
explain: schema-enum, its help shown
config| # emlint settings for the scripts
config| ignore:
config|   - path: "legacy/**"   # old scripts
config|     reason: "rewritten in Q3"
config|   - path: "bad.ps1"
config|     pointer: "/allowedTargetScope"
config|     rules: ["schema-enum"]
config|     reason: "TODO: why"
config|
config| # the fail level
config| fail-level: error
ignored: schema-enum no longer reported
fixed: no errors or warnings
server exit: code 0, signal 0
EOF
cat >"$tmp/config-ps1.yaml" <<'EOF'
# emlint settings for the scripts
ignore:
  - path: "legacy/**"   # old scripts
    reason: "rewritten in Q3"

# the fail level
fail-level: error
EOF

# run_case BAD FIXED WANT [CONFIG]: opens BAD in headless Neovim with the
# server, with CONFIG as .emlint.yaml (none without), types FIXED into the
# buffer, and compares what check.lua saw with WANT.
failed=0
run_case() {
	local bad=$1 fixed=$2 want=$3 config=${4:-} status=0
	rm -f "$tmp/got.txt" "$tmp/.emlint.yaml"
	if [[ -n "$config" ]]; then
		cp "$tmp/$config" "$tmp/.emlint.yaml"
	fi
	(
		cd "$tmp"
		export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache"
		export EMLINT_LSP_CMD="$server" EMLINT_NVIM_OUT="$tmp/got.txt"
		export EMLINT_FIXED_BODY="$tmp/$fixed"
		timeout 60 nvim --headless --clean -u NONE -c "luafile $root/test/nvim/check.lua" "$bad" </dev/null >"$tmp/nvim.out" 2>&1
	) || status=$?

	if [[ $status -eq 0 ]] && diff -u "$tmp/$want" "$tmp/got.txt" >"$tmp/diff.txt" 2>&1; then
		echo "PASS test/nvim $bad: $(grep -c '' "$tmp/$want") lines as expected"
		return
	fi
	failed=1
	{
		echo "FAIL test/nvim $bad: nvim exited with status $status$([[ $status -eq 124 ]] && echo ' (timed out after 60 s)')"
		if [[ -f "$tmp/got.txt" ]]; then
			echo "--- diff of expected and received:"
			diff -u "$tmp/$want" "$tmp/got.txt" || true
		else
			echo "--- check.lua wrote no output; expected:"
			cat "$tmp/$want"
		fi
		echo "--- nvim output:"
		cat "$tmp/nvim.out"
		for log in "$tmp"/cache/nvim/lsp.log "$tmp"/state/nvim/lsp.log; do
			if [[ -f "$log" ]]; then
				echo "--- $log (server stderr goes here):"
				cat "$log"
			fi
		done
	} >&2
}

run_case bad.json fixed.json want.txt
run_case bad.ps1 fixed.ps1 want-ps1.txt config-ps1.yaml
exit "$failed"
