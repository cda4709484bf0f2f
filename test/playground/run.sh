#!/usr/bin/env bash
# The playground page, end to end: builds the site as its README says
# (go run ./scripts/playground OUT_DIR), then
#   0. tests the link format's reader and writer (playground/test);
#   1. runs the site's emlint.wasm under Node on every bundled example and
#      compares its findings with the CLI's (compare.mjs);
#   2. serves the site on 127.0.0.1 and opens links in headless Chromium,
#      checking the findings the page shows against the CLI (check-page.mjs),
#      and clicks findings and fixes (interact.mjs, over the DevTools
#      protocol: cdp.mjs);
#   3. prints the size of what the page loads and the time from load to
#      the first findings in real time (measure.mjs; numbers for
#      docs/performance.md, not asserted: these machines are noisy).
# Needs Go, Node 20+ with npm, and Chromium (CHROMIUM, default chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."

chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
  echo "chromium is missing: apt-get install chromium (or set CHROMIUM)"; exit 1
fi
tmp=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

echo "-- go run ./scripts/playground (sizes: raw and gzip)"
go run ./scripts/playground "$tmp/site"
go build -o "$tmp/emlint" ./cmd/emlint
go build -o "$tmp/playground" ./scripts/playground

echo "-- the link format (playground/test, node --test)"
node --test playground/test/

echo "-- the site's emlint.wasm under Node vs the CLI, every bundled example"
node test/playground/compare.mjs "$tmp/site" "$tmp/emlint" testdata/examples

echo "-- the page in headless Chromium vs the CLI"
"$tmp/playground" -serve 127.0.0.1:0 -no-build "$tmp/site" >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do
  url=$(sed -n 's/^serving .* on \(http:[^ ]*\)$/\1/p' "$tmp/serve.log")
  [ -n "$url" ] && break
  sleep 0.1
done
if [ -z "$url" ]; then echo "the server did not start:"; cat "$tmp/serve.log"; exit 1; fi
node test/playground/check-page.mjs "$url" "$tmp/emlint" "$chromium" testdata/examples

echo "-- clicks in headless Chromium: a finding selects its span, the fixes give what lint --fix writes"
node --experimental-websocket test/playground/interact.mjs "$url" "$tmp/emlint" "$chromium" testdata/examples

echo "-- load to first findings, in real time (MEASURE loads; not asserted)"
body=$(basenc --base64url -w0 <testdata/examples/emlint/v1.0/policy/invalid-approval-without-stages.json | tr -d =)
node --experimental-websocket test/playground/measure.mjs "$chromium" "${url}#body=${body}&lang=json" "${MEASURE:-3}"
