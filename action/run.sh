#!/usr/bin/env bash
# The GitHub Action's lint step (action.yml): runs the emlint that
# action/build.sh put in $RUNNER_TEMP on the workspace (the current
# directory), then, if asked, a second time to write a SARIF file.
#
# Inputs, from action.yml's env (never interpolated into this script):
#   INPUT_PATHS       files and directories, one per line (default .)
#   INPUT_CONFIG      --config FILE, when not empty
#   INPUT_FAIL_LEVEL  --fail-level LEVEL (default error)
#   INPUT_FORMAT      --format FORMAT (default github)
#   INPUT_ARGS        more arguments, split on whitespace; no globbing, no shell
#   INPUT_SARIF_FILE  when not empty, also write SARIF there
#   INPUT_SUMMARY     true: add `emlint describe --format markdown` of the paths to the job summary
#   INPUT_SUMMARY_BASE  with INPUT_SUMMARY, describe what changed since this git revision
# From the runner: RUNNER_TEMP, GITHUB_OUTPUT, GITHUB_ACTION_PATH, RUNNER_OS,
# GITHUB_STEP_SUMMARY.
#
# Writes the step outputs exit-code and sarif-file, and exits with exit-code.
# Written for bash 3.2 too (macOS runners).
set -euo pipefail

: "${RUNNER_TEMP:?RUNNER_TEMP is not set: run this from action.yml}"
: "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set: run this from action.yml}"
: "${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: run this from action.yml}"

emlint="$RUNNER_TEMP/emlint"
if [ "${RUNNER_OS:-}" = Windows ]; then
  emlint="$emlint.exe"
fi

sarif_written=""
finish() {
  echo "exit-code=$1" >>"$GITHUB_OUTPUT"
  echo "sarif-file=$sarif_written" >>"$GITHUB_OUTPUT"
  exit "$1"
}
trouble() {
  echo "::error title=emlint::$1"
  finish 2
}

[ -x "$emlint" ] || trouble "no emlint binary at $emlint: the build step did not run"

# accepts ARGS...: does this emlint take these flags? It lints an empty
# object (not a payload, so skipped) from stdin, away from the workspace and
# any configuration file in it. For flags that are still landing: see below.
probe_dir=$(mktemp -d "$RUNNER_TEMP/emlint-probe.XXXXXX")
trap 'rm -rf "$probe_dir"' EXIT
accepts() {
  (cd "$probe_dir" && printf '{}' | "$emlint" lint --color never "$@" - >/dev/null 2>&1)
}

# Paths: one per line, surrounding blanks trimmed, empty lines ignored.
paths=()
while IFS= read -r line || [ -n "$line" ]; do
  line=${line%$'\r'}
  line="${line#"${line%%[![:space:]]*}"}"
  line="${line%"${line##*[![:space:]]}"}"
  if [ -n "$line" ]; then
    paths+=("$line")
  fi
done <<<"${INPUT_PATHS-.}"
if [ "${#paths[@]}" -eq 0 ]; then
  paths=(.)
fi

# Extra arguments: split on blanks and newlines, never globbed or evaluated.
extra=()
if [ -n "${INPUT_ARGS:-}" ]; then
  read -r -d '' -a extra <<<"$INPUT_ARGS" || true
fi

common=(--color never)
if [ -n "${INPUT_CONFIG:-}" ]; then
  common+=(--config "$INPUT_CONFIG")
fi
fail_level=${INPUT_FAIL_LEVEL:-error}
if accepts --fail-level error; then
  common+=(--fail-level "$fail_level") # emlint itself rejects a bad level
elif [ "$fail_level" != error ]; then
  # `error` is what an emlint without --fail-level does anyway.
  trouble "fail-level '$fail_level': this emlint has no --fail-level flag"
fi
if [ "${#extra[@]}" -gt 0 ]; then
  common+=("${extra[@]}")
fi

format=${INPUT_FORMAT:-github}
if [ "$format" = github ] && ! accepts --format github; then
  # Until --format github lands: the text format, turned into annotations by
  # the problem matcher. Harmless to keep afterwards.
  echo "::notice title=emlint::this emlint has no github format: printing text, annotated by a problem matcher"
  format=text
fi

matcher="$GITHUB_ACTION_PATH/.github/emlint-problem-matcher.json"
if [ "$format" = text ]; then
  echo "::add-matcher::$matcher"
fi

show() {
  printf '%s' "+ emlint lint"
  printf ' %q' "$@"
  printf '\n'
}

show --format "$format" "${common[@]}" "${paths[@]}"
status=0
"$emlint" lint --format "$format" "${common[@]}" "${paths[@]}" || status=$?

if [ "$format" = text ]; then
  echo "::remove-matcher owner=emlint::"
  echo "::remove-matcher owner=emlint-info::"
fi

if [ -n "${INPUT_SARIF_FILE:-}" ] && [ "$status" -lt 2 ]; then
  mkdir -p -- "$(dirname -- "$INPUT_SARIF_FILE")"
  rm -f -- "$INPUT_SARIF_FILE"
  show --format sarif --output "$INPUT_SARIF_FILE" "${common[@]}" "${paths[@]}"
  sarif_status=0
  "$emlint" lint --format sarif --output "$INPUT_SARIF_FILE" "${common[@]}" "${paths[@]}" >/dev/null || sarif_status=$?
  if [ "$sarif_status" -ge 2 ] || [ ! -s "$INPUT_SARIF_FILE" ]; then
    trouble "could not write the SARIF file $INPUT_SARIF_FILE (emlint exited $sarif_status)"
  fi
  sarif_written=$INPUT_SARIF_FILE
  echo "SARIF report: $sarif_written"
fi

if [ "${INPUT_SUMMARY:-false}" = true ] && [ "$status" -lt 2 ]; then
  describe=(describe --format markdown)
  if [ -n "${INPUT_CONFIG:-}" ]; then
    describe+=(--config "$INPUT_CONFIG")
  fi
  if [ -n "${INPUT_SUMMARY_BASE:-}" ]; then
    describe+=(--base "$INPUT_SUMMARY_BASE")
  fi
  printf '+ emlint'
  printf ' %q' "${describe[@]}" "${paths[@]}"
  # shellcheck disable=SC2016 # the variable's name is shown, not its value
  printf ' >> "$GITHUB_STEP_SUMMARY"\n'
  # The summary is for reviewers: when it cannot be written, say so, and
  # let the lint's status stand.
  if ! "$emlint" "${describe[@]}" "${paths[@]}" >>"${GITHUB_STEP_SUMMARY:?GITHUB_STEP_SUMMARY is not set}"; then
    echo "::warning title=emlint::could not write the job summary: see the messages above"
  fi
fi

case "$status" in
  0) echo "emlint: no finding at or above $fail_level" ;;
  1) echo "emlint: findings at or above $fail_level" ;;
  *) echo "emlint: could not run (exit $status): see the messages above" ;;
esac
finish "$status"
