#!/usr/bin/env bash
# The GitHub Action's first step (action.yml): build emlint from the action's
# own checkout into $RUNNER_TEMP. action.yml runs it with working-directory set
# to the action's directory. Needs Go on PATH (actions/setup-go).
set -euo pipefail

: "${RUNNER_TEMP:?RUNNER_TEMP is not set: run this from action.yml}"
if ! command -v go >/dev/null 2>&1; then
  echo "::error title=emlint::Go is not on PATH: add a step with actions/setup-go (go-version-file pointing at a go.mod, or go-version: stable) before emlint"
  exit 2
fi

out="$RUNNER_TEMP/emlint"
if [ "${RUNNER_OS:-}" = Windows ]; then
  out="$out.exe"
fi

# A go.work in the caller's workspace has nothing to do with this build.
export GOWORK=off
go version
go build -trimpath -o "$out" ./cmd/emlint
# emlint-schema beside it: emlint runs it for standards with a schema: file.
go build -trimpath -o "$(dirname "$out")/emlint-schema$([ "${RUNNER_OS:-}" = Windows ] && echo .exe)" ./cmd/emlint-schema
"$out" version
