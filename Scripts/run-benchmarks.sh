#!/usr/bin/env bash
# Runs the release-build benchmarks in Benchmarks/ whose names match FILTER, REPEATS times,
# writing OUTDIR/bench1.txt, bench2.txt, … (markdown tables, read by Scripts/bench_table.py).
# A failing run leaves its file with the error text; the readers skip what they cannot parse.
#
#   Scripts/run-benchmarks.sh FILTER REPEATS OUTDIR
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FILTER="$1" REPEATS="$2" OUT="$3"
for r in $(seq "$REPEATS"); do
  (cd "$ROOT/Benchmarks" && swift package --allow-writing-to-directory .benchmarkBaselines benchmark \
    --filter "$FILTER" --format markdown --no-progress 2>&1) >"$OUT/bench$r.txt" || true
done
