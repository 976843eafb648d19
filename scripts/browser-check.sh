#!/usr/bin/env bash
# Browser check of the HTML report (docs/reports.md): headless Chromium renders the report of the
# conflict sample to a PNG (to look at) and to its DOM (what a reader's browser builds from the
# file), and the DOM must hold the verdict and both clashing citations.
#
# Usage: scripts/browser-check.sh [ECCA] [OUT_DIR]
#   ECCA     the ecca executable (default: .build/debug/ecca)
#   OUT_DIR  where report.html, report.png and report.dom.html go (default: a new temporary folder)
# Exit status: 0 checked, 1 the check failed, 77 skipped (no Chromium binary).
set -euo pipefail
cd "$(dirname "$0")/.."

ecca="${1:-.build/debug/ecca}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
sample="Samples/requests/weights-to-ai-office-warsaw.json"

browser=""
for candidate in chromium chromium-browser google-chrome-stable google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$(command -v "$candidate")"; break; fi
done
if [ -z "$browser" ]; then
  echo "browser-check: skipped: no chromium binary found (Debian: apt-get install chromium)" >&2
  exit 77
fi

"$ecca" report --format html "$sample" -o "$out/report.html"

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --no-default-browser-check
       --hide-scrollbars --user-data-dir="$profile" --window-size=1280,2400)
timeout 120 "$browser" "${flags[@]}" --screenshot="$out/report.png" "file://$out/report.html" >"$out/chromium.log" 2>&1
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$out/report.html" >"$out/report.dom.html" 2>>"$out/chromium.log"

status=0
for expected in 'class="verdict verdict-conflict"' '>CONFLICT<' 'Art. 92(5)' 'ECCN 4E091'; do
  if ! grep -qF -- "$expected" "$out/report.dom.html"; then
    echo "browser-check: the rendered DOM lacks: $expected" >&2
    status=1
  fi
done
if [ ! -s "$out/report.png" ]; then
  echo "browser-check: no screenshot was written" >&2
  status=1
fi
if [ "$status" -eq 0 ]; then
  echo "browser-check: ok: $out/report.png, $out/report.dom.html"
fi
exit "$status"
