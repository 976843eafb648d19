#!/usr/bin/env bash
# Fuzzes ecca's readers of untrusted input and its condition evaluator with libFuzzer (issue 8).
#
# Usage: scripts/fuzz.sh [seconds-per-target] [target...]
#   targets: FuzzRulesReader FuzzRequestXML FuzzRequestJSON FuzzConditionEvaluator (default: all)
#
# Builds Fuzz/ with -sanitize=fuzzer,address into .build-fuzz, seeds each target with a copy of
# Regulations/ and Samples/ in a temporary folder, runs each for the given time (default 60 s),
# and prints the executions per target and any crash, hang or out-of-memory. Inputs that fail are
# kept in .build-fuzz/findings/ (replay one: .build-fuzz/release/TARGET FILE). Exits 1 on a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(FuzzRulesReader FuzzRequestXML FuzzRequestJSON FuzzConditionEvaluator)
fi

echo "fuzz: building Fuzz/ (-sanitize=fuzzer,address, release)"
swift build --package-path Fuzz --scratch-path .build-fuzz -c release \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 | grep -vE "Cannot export local symbol" | tail -3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
findings=.build-fuzz/findings
mkdir -p "$findings"

seed() {
  local target=$1 corpus=$2
  mkdir -p "$corpus"
  case $target in
    FuzzRulesReader) cp Regulations/*.xml Samples/instruments/*.xml "$corpus"/ ;;
    FuzzRequestXML) cp Samples/requests/*.xml "$corpus"/ ;;
    FuzzRequestJSON) cp Samples/requests/*.json "$corpus"/ ;;
    FuzzConditionEvaluator) cp Samples/requests/* "$corpus"/ ;;
    *) echo "fuzz: unknown target $target" >&2; exit 2 ;;
  esac
}

# Swift's enums keep object pointers with tag bits set, which LeakSanitizer cannot follow: its
# reports are false positives here, so leak checking is off. Memory is bounded by -rss_limit_mb.
export ASAN_OPTIONS=detect_leaks=0
export ECCA_ROOT=$PWD
failed=0
printf "%-24s %12s %10s %8s  %s\n" target executions "exec/s" corpus result
for target in "${targets[@]}"; do
  corpus=$work/$target
  seed "$target" "$corpus"
  log=$work/$target.log
  set +e
  .build-fuzz/release/"$target" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$findings/$target-" "$corpus" >"$log" 2>&1
  status=$?
  set -e
  executions=$(awk '/stat::number_of_executed_units/ {print $2}' "$log" | tail -1)
  rate=$(awk '/stat::average_exec_per_sec/ {print $2}' "$log" | tail -1)
  units=$(find "$corpus" -type f | wc -l)
  if [ "$status" -eq 0 ]; then
    result="ok"
  else
    failed=1
    artifact=$(grep -oE "Test unit written to [^ ]+" "$log" | tail -1 | sed 's/Test unit written to //')
    result="FOUND (exit $status): ${artifact:-see log}"
  fi
  printf "%-24s %12s %10s %8s  %s\n" "$target" "${executions:-?}" "${rate:-?}" "$units" "$result"
  if [ "$status" -ne 0 ]; then
    cp "$log" "$findings/$target.log"
    grep -E "ERROR:|Fatal error|invariant broken|deadly signal|timeout|out-of-memory" "$log" | head -5 | sed 's/^/    /'
  fi
done
exit $failed
