#!/usr/bin/env bash
# Integration test of the Mermaid charts `emlint describe --format markdown`
# writes: every ```mermaid block in the describe goldens
# (testdata/examples/**/*.describe.md.golden) is rendered with the real
# renderer, mermaid-cli's mmdc driving a headless Chromium, and must exit 0
# and give a non-empty SVG. First it proves the renderer rejects a broken
# chart, so that a renderer that accepts anything cannot pass the test.
#
# One line per chart (ok/FAIL, the golden's path, which chart and its line),
# then a summary; the exit status is 1 on any failure, and when no chart is
# found at all (the test must not pass on nothing).
#
# mmdc starts Chromium and loads Mermaid for every call (about 2.5 s), so the
# distinct charts are rendered in one call, as a Markdown file, and each SVG
# it writes is checked; if that call fails, or its SVGs do not match the
# charts one to one, every chart is rendered alone to name the bad ones.
#
# Usage: bash test/mermaid/run.sh [DIR|FILE...]
#   DIR is searched for *.describe.md.golden, FILE is read as is;
#   default: testdata/examples.
# Environment:
#   MMDC          the mmdc binary (default: mmdc on PATH)
#   CHROMIUM      the browser mmdc drives (default: /usr/bin/chromium)
#   MERMAID_JOBS  charts rendered at once in the batch (default: nproc)
#   MERMAID_BATCH 0 renders every chart alone (slower; default 1)
# Without mmdc or Chromium it skips (exit 0), or fails when CI is set or
# MMDC names a binary that is not there.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

need() { # WHAT HOWTO: fail in CI (or when asked for by name), skip elsewhere
  if [ -n "${CI:-}" ] || [ "${2:-}" = required ]; then
    echo "FAIL test/mermaid: $1" >&2
    exit 1
  fi
  echo "SKIP test/mermaid: $1"
  exit 0
}

if [ -n "${MMDC:-}" ]; then
  [ -x "$MMDC" ] || command -v "$MMDC" >/dev/null 2>&1 ||
    need "MMDC=$MMDC is not an executable" required
  mmdc=$MMDC
else
  mmdc=$(command -v mmdc 2>/dev/null) ||
    need "mmdc not found: PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix DIR @mermaid-js/mermaid-cli, then MMDC=DIR/node_modules/.bin/mmdc"
fi
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ -n "${CHROMIUM:-}" ]; then
    need "CHROMIUM=$chromium is not an executable" required
  fi
  need "$chromium not found: apt-get install -y chromium"
fi
jobs=${MERMAID_JOBS:-$(nproc 2>/dev/null || echo 1)}
batch=${MERMAID_BATCH:-1}
to=()
if command -v timeout >/dev/null 2>&1; then to=(timeout); fi

start=$SECONDS
tmp=$(mktemp -d "${TMPDIR:-/tmp}/emlint-mermaid.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
printf '{"executablePath": "%s", "args": ["--no-sandbox"]}\n' "$chromium" >"$tmp/puppeteer.json"

# mmdc_run SECONDS LOG ARGS...: mmdc with the Chromium above, output in LOG.
mmdc_run() {
  local secs=$1 log=$2
  shift 2
  local t=()
  if [ ${#to[@]} -gt 0 ]; then t=("${to[@]}" "$secs"); fi
  "${t[@]}" "$mmdc" -q -p "$tmp/puppeteer.json" "$@" >"$log" 2>&1
}

# svg_problem FILE: why FILE is not a rendered chart, or nothing.
svg_problem() {
  if [ ! -s "$1" ]; then
    echo "no SVG written, or an empty one"
  elif ! grep -q '<svg' "$1"; then
    echo "the output has no <svg"
  elif grep -q 'aria-roledescription="error"' "$1"; then
    echo "the SVG is Mermaid's error diagram"
  fi
}

# The goldens.
[ $# -gt 0 ] || set -- "$root/testdata/examples"
goldens=()
for arg in "$@"; do
  if [ -d "$arg" ]; then
    while IFS= read -r -d '' f; do goldens+=("$f"); done \
      < <(find "$arg" -type f -name '*.describe.md.golden' -print0 | sort -z)
  elif [ -f "$arg" ]; then
    goldens+=("$arg")
  else
    echo "FAIL test/mermaid: $arg: no such file or directory"
    exit 1
  fi
done

# Every fenced mermaid block (``` or ~~~, three or more, maybe indented) to
# charts/N.mmd; index: N TAB golden TAB block TAB line.
mkdir "$tmp/charts"
: >"$tmp/index"
: >"$tmp/unclosed"
if [ ${#goldens[@]} -gt 0 ]; then
  awk -v dir="$tmp/charts" -v index_file="$tmp/index" -v unclosed="$tmp/unclosed" '
    function close_open() {
      if (fence != "") print n >>unclosed
      fence = ""
    }
    FNR == 1 { close_open(); block = 0 }
    fence == "" && match($0, /^ *(```+|~~~+)[ \t]*mermaid([ \t].*)?[ \t]*$/) {
      s = $0; sub(/^ +/, "", s)
      fence = substr(s, 1, 1); flen = 0
      while (substr(s, flen + 1, 1) == fence) flen++
      n++; block++
      out = dir "/" n ".mmd"; printf "" >out
      printf "%d\t%s\t%d\t%d\n", n, FILENAME, block, FNR >>index_file
      next
    }
    fence != "" {
      s = $0; sub(/^ +/, "", s); k = 0
      while (substr(s, k + 1, 1) == fence) k++
      rest = substr(s, k + 1)
      if (k >= flen && rest ~ /^[ \t]*$/) { close(out); fence = ""; next }
      print >>out
    }
    END { close_open() }
  ' "${goldens[@]}"
fi

rel() { case $1 in "$root"/*) echo "${1#"$root"/}" ;; *) echo "$1" ;; esac; }

total=$(wc -l <"$tmp/index")
if [ "$total" -eq 0 ]; then
  echo "FAIL test/mermaid: no \`\`\`mermaid block in ${#goldens[@]} describe golden(s) under: $*"
  echo "     (the goldens are testdata/examples/**/<file>.describe.md.golden; the test must not pass on no charts)"
  exit 1
fi

echo "test/mermaid: $("$mmdc" --version 2>/dev/null || echo 'mmdc, version unknown'), $("$chromium" --version 2>/dev/null | head -n 1)"

# The renderer must reject a broken chart, or a pass below means nothing.
printf 'flowchart LR\n  A -->\n' >"$tmp/broken.mmd"
if mmdc_run 120 "$tmp/broken.log" -i "$tmp/broken.mmd" -o "$tmp/broken.svg"; then
  echo "FAIL mmdc exited 0 on a broken chart (flowchart LR / A -->): it cannot be trusted to check the goldens"
  exit 1
fi
if ! grep -qi 'error' "$tmp/broken.log"; then
  echo "FAIL mmdc failed on the broken chart without saying why:"
  sed 's/^/    /' "$tmp/broken.log"
  exit 1
fi
echo "ok   mmdc rejects a broken chart ($(grep -m1 -i 'error' "$tmp/broken.log"))"

# Distinct charts: the same body in several formats gives the same chart.
# uniq/K.mmd for each; chart N is distinct chart kof[N], or cannot be
# rendered for the reason in bad[N].
declare -A bad=() kof=() seen=()
while read -r n; do bad[$n]="the \`\`\`mermaid block is never closed"; done <"$tmp/unclosed"
mkdir "$tmp/uniq"
distinct=0
while IFS=$'\t' read -r n _; do
  if [ -n "${bad[$n]:-}" ]; then continue; fi
  if ! grep -q '[^[:space:]]' "$tmp/charts/$n.mmd"; then
    bad[$n]="the \`\`\`mermaid block is empty"
    continue
  fi
  h=$(sha256sum <"$tmp/charts/$n.mmd")
  h=${h%% *}
  if [ -z "${seen[$h]:-}" ]; then
    distinct=$((distinct + 1))
    seen[$h]=$distinct
    cp "$tmp/charts/$n.mmd" "$tmp/uniq/$distinct.mmd"
  fi
  kof[$n]=${seen[$h]}
done <"$tmp/index"

# log_excerpt FILE: the first lines of what mmdc said, indented.
log_excerpt() { grep -v '^[[:space:]]*$' "$1" | head -n "${2:-4}" | sed 's/^/    /'; }

# status/K: empty when chart K rendered, else why not; log/K: mmdc's words.
mkdir "$tmp/status" "$tmp/log" "$tmp/svg"
render_alone() {
  local k rc
  for k in $(seq 1 "$distinct"); do
    rc=0
    mmdc_run 120 "$tmp/log/$k" -i "$tmp/uniq/$k.mmd" -o "$tmp/svg/alone-$k.svg" || rc=$?
    if [ "$rc" -eq 0 ]; then
      svg_problem "$tmp/svg/alone-$k.svg" >"$tmp/status/$k"
    elif [ "$rc" -eq 124 ] && [ ${#to[@]} -gt 0 ]; then
      echo "mmdc timed out after 120s" >"$tmp/status/$k"
    else
      echo "mmdc exited $rc" >"$tmp/status/$k"
    fi
  done
}

batch_ok=0
if [ "$batch" != 0 ] && [ "$distinct" -gt 1 ]; then
  # The batch's exit status is trusted below: check that a broken chart
  # among good ones fails it.
  cat >"$tmp/broken.md" <<'EOF'
# A good chart, then a broken one

```mermaid
flowchart LR
  A --> B
```

```mermaid
flowchart LR
  A -->
```
EOF
  mkdir "$tmp/brokenbatch"
  if mmdc_run 120 "$tmp/broken.log" -i "$tmp/broken.md" -o "$tmp/brokenbatch/c.svg"; then
    echo "FAIL mmdc exited 0 on a Markdown file with a broken chart: the batch cannot be trusted"
    exit 1
  fi
  {
    for k in $(seq 1 "$distinct"); do
      printf '```mermaid\n'
      cat "$tmp/uniq/$k.mmd"
      printf '```\n\n'
    done
  } >"$tmp/all.md"
  mkdir "$tmp/batch"
  if mmdc_run $((120 + 30 * distinct)) "$tmp/batch.log" -j "$jobs" -i "$tmp/all.md" -o "$tmp/batch/chart.svg" &&
    [ "$(find "$tmp/batch" -name 'chart-*.svg' | wc -l)" -eq "$distinct" ]; then
    batch_ok=1
    for k in $(seq 1 "$distinct"); do
      svg_problem "$tmp/batch/chart-$k.svg" >"$tmp/status/$k"
      if [ -s "$tmp/status/$k" ]; then batch_ok=0; fi
    done
  fi
  if [ "$batch_ok" = 0 ]; then
    echo "note: rendering the $distinct distinct charts in one call failed, or did not give one good SVG each; rendering each alone to name the bad ones:"
    log_excerpt "$tmp/batch.log" 3
  fi
fi
if [ "$batch_ok" = 0 ]; then
  render_alone
fi

passed=0
failed=0
while IFS=$'\t' read -r n golden block line; do
  where="$(rel "$golden"):$line (chart $block)"
  why=${bad[$n]:-}
  k=${kof[$n]:-}
  if [ -z "$why" ] && [ -s "$tmp/status/$k" ]; then why=$(cat "$tmp/status/$k"); fi
  if [ -n "$why" ]; then
    failed=$((failed + 1))
    echo "FAIL $where: $why"
    if [ -n "$k" ] && [ -s "$tmp/log/$k" ]; then log_excerpt "$tmp/log/$k"; fi
  else
    passed=$((passed + 1))
    echo "ok   $where"
  fi
done <"$tmp/index"

how="in one mmdc call"
if [ "$batch_ok" = 0 ]; then how="one mmdc call each"; fi
echo "test/mermaid: $total chart(s) in ${#goldens[@]} golden(s), $distinct distinct, rendered $how: $passed ok, $failed failed ($((SECONDS - start))s)"
[ "$failed" -eq 0 ]
