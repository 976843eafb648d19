#!/usr/bin/env bash
# Batch time against an earlier revision, side by side: builds BASE (a commit, tag or branch) in
# release mode in a temporary worktree, has BASE's binary generate the requests (so that both
# binaries read them), and runs both alternately on them, each with its own Regulations/ and sample
# letter, one job. Prints every run's wall and user time, the medians and their ratio, and whether
# the two gave the same verdict counts. A fix that makes each request dearer shows up here, where
# absolute times on a shared machine would hide it (a change to request trimming once made every
# batch 45% slower unseen).
#
# Usage: Benchmarks/batch-compare.sh BASE [COUNT] [RUNS]   (defaults: 100000 requests, 3 runs each)
set -euo pipefail

BASE="${1:?usage: Benchmarks/batch-compare.sh BASE [COUNT] [RUNS]}"
COUNT="${2:-100000}"
RUNS="${3:-3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ecca-batch-compare.XXXXXX")"
cleanup() { git -C "$ROOT" worktree remove --force "$WORK/base" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }

echo "== building HEAD and $BASE (release)"
(cd "$ROOT" && swift build -c release --scratch-path .build-release --product ecca >/dev/null 2>&1)
git -C "$ROOT" worktree add -q --detach "$WORK/base" "$BASE"
(cd "$WORK/base" && swift build -c release --scratch-path .build-release --product ecca >/dev/null 2>&1)

head_bin="$ROOT/.build-release/release/ecca"
base_bin="$WORK/base/.build-release/release/ecca"
letter=Samples/instruments/is-informed-letter-orion.xml
ECCA_REGULATIONS="$WORK/base/Regulations" "$base_bin" sample-requests --count "$COUNT" --seed 7 -o "$WORK/requests.ndjson"

run() {  # name binary root
    ECCA_REGULATIONS="$3/Regulations" /usr/bin/time -f "%e %U" -o "$WORK/time" "$2" batch --jobs 1 --instrument "$3/$letter" \
        "$WORK/requests.ndjson" -o "$WORK/out-$1.ndjson" 2>"$WORK/summary-$1" >/dev/null || true
    read -r wall user < <(tail -n 1 "$WORK/time")  # a non-clear verdict exits 1, which time notes first
    echo "$1 $wall $user" >> "$WORK/times"
    printf "%-5s wall %6s s  user %6s s\n" "$1" "$wall" "$user"
}
echo "== $COUNT requests (seed 7), one job, the sample letter loaded, $RUNS runs each, alternating"
for _ in $(seq "$RUNS"); do
    run base "$base_bin" "$WORK/base"
    run head "$head_bin" "$ROOT"
done
median() { awk -v name="$1" '$1 == name { print $2 }' "$WORK/times" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
base_median=$(median base)
head_median=$(median head)
echo "median wall: $BASE $base_median s, HEAD $head_median s; HEAD/$BASE = $(echo "$head_median / $base_median" | bc -l | cut -c1-5)"
if [ "$(grep '^batch:' "$WORK/summary-base")" = "$(grep '^batch:' "$WORK/summary-head")" ]; then
    echo "verdict counts: the same ($(grep '^batch:' "$WORK/summary-head" | sed 's/^batch: //'))"
else
    echo "verdict counts differ (the law changed between them, or a defect):"
    grep '^batch:' "$WORK/summary-base" "$WORK/summary-head"
fi
