#!/usr/bin/env bash
# Batch throughput and peak memory for 10^4, 10^5 and 10^6 generated requests with --jobs 1 and 2,
# and, in the same run, the ratio of a warm engine to a fresh Z3 solver per request.
# Usage: Benchmarks/batch-bench.sh [max-exponent]   (default 6; 5 stops at 10^5)
set -euo pipefail
cd "$(dirname "$0")/.."
max=${1:-6}
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
swift build -c release --scratch-path .build-release >/dev/null
ecca=.build-release/release/ecca
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
letter=Samples/instruments/is-informed-letter-orion.xml
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(swift --version 2>&1 | head -1)"
printf "%-10s %-5s %12s %14s %12s\n" requests jobs seconds requests/s "peak RSS MB"
for exponent in $(seq 4 "$max"); do
  count=$((10 ** exponent))
  $ecca sample-requests --count "$count" --seed 1 -o "$work/in.ndjson"
  for jobs in 1 2; do
    /usr/bin/time -f "%e %M" -o "$work/time" $ecca batch --jobs "$jobs" --timeout-ms 0 --instrument "$letter" \
      "$work/in.ndjson" -o "$work/out-$jobs.ndjson" 2>"$work/summary" || true
    read -r seconds kilobytes < <(tail -n 1 "$work/time")
    printf "%-10s %-5s %12s %14.0f %12.1f\n" "$count" "$jobs" "$seconds" "$(echo "$count / $seconds" | bc -l)" "$(echo "$kilobytes / 1024" | bc -l)"
  done
  cmp -s "$work/out-1.ndjson" "$work/out-2.ndjson" || { echo "outputs differ between --jobs 1 and 2" >&2; exit 1; }
done
tail -n 1 "$work/summary"
echo
echo "fresh-solver baseline (same process, same generated requests):"
swift build -c release --package-path Benchmarks --scratch-path .build-release-bench >/dev/null
.build-release-bench/release/FreshSolverBaseline Regulations "$letter" 20000 300
