#!/usr/bin/env bash
# Speed of Byline's dates stage beside dateparser's search_dates, in words per second, over the
# same texts: the TimeBank+AQUAINT documents of the dates evaluation set, read at run time from
# $BYLINE_EVAL_DATA/dates/tbaq.jsonl (default /work/shared/eval/data; never copied here).
#
# Method
# - Words: the text split on spaces and newlines, empty pieces dropped, the same count on both
#   sides (the Swift benchmark prints its count; this script checks it against its own).
# - dateparser: a virtual environment in .venv-bench/ (git-ignored) with `pip install dateparser`.
#   `dateparser.search.search_dates(text, languages=["en"], settings={"RELATIVE_BASE": dct})`
#   on each document, one warm-up document first (dateparser loads its language data lazily);
#   wall time of a whole pass with time.perf_counter, best of $PASSES passes (default 3).
#   Giving the language is dateparser's fastest mode (without it, language detection runs
#   first and it is slower still).
# - Byline: the release-build benchmark "dates: tbaq texts" in Benchmarks/ (run with
#   `swift package benchmark`): the documents are tokenized once before timing and each
#   iteration runs only the dates stage over every document. Tokenization is left out because
#   in Byline it is one shared stage that every analysis stage reads (dateparser tokenizes
#   inside search_dates, so its time includes that); the whole pipeline's speed is in the
#   evaluation runner's docs_per_s.
#   The best (p0) wall-clock time of an iteration is used, as for dateparser: the machine this
#   runs on is shared, and the best pass is the one least disturbed by other work on both sides
#   (the median is printed too).
# - Ratio: Byline words/s ÷ dateparser words/s (the target is ≥ 100×).
#
# Usage: Scripts/compare-dates-speed.sh [max-docs-for-dateparser]   (default: all 256)
# Needs network access once for pip. Builds the Benchmarks package in release mode.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_DIR=${BYLINE_EVAL_DATA:-/work/shared/eval/data}
DATA="$DATA_DIR/dates/tbaq.jsonl"
MAX_DOCS=${1:-0}
PASSES=${PASSES:-3}
[ -f "$DATA" ] || { echo "no $DATA (set BYLINE_EVAL_DATA)" >&2; exit 1; }

if [ ! -x .venv-bench/bin/python ]; then
  python3 -m venv .venv-bench
fi
.venv-bench/bin/python -c "import dateparser" 2>/dev/null || .venv-bench/bin/pip install --quiet dateparser

echo "== dateparser (search_dates, languages=[en]) =="
DP=$(.venv-bench/bin/python - "$DATA" "$MAX_DOCS" "$PASSES" <<'PY'
import json, re, sys, time, datetime
import dateparser
from dateparser.search import search_dates
path, max_docs, passes = sys.argv[1], int(sys.argv[2]), max(1, int(sys.argv[3]))
docs = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
if max_docs > 0:
    docs = docs[:max_docs]
def words(t):
    return sum(1 for w in re.split(r"[ \n]", t) if w)
def base(d):
    try:
        return datetime.datetime.fromisoformat(d.get("dct", "")[:10])
    except ValueError:
        return None
search_dates(docs[0]["text"][:2000], languages=["en"])  # warm-up: loads the language data
n_words = sum(words(d["text"]) for d in docs)
dt = float("inf")
for _ in range(passes):
    found = 0
    t0 = time.perf_counter()
    for d in docs:
        settings = {"RELATIVE_BASE": base(d)} if base(d) else {}
        r = search_dates(d["text"], languages=["en"], settings=settings)
        found += len(r or [])
    dt = min(dt, time.perf_counter() - t0)
print(f"{len(docs)} {n_words} {dt:.6f} {found}")
PY
)
read -r DP_DOCS DP_WORDS DP_SECS DP_FOUND <<<"$DP"
DP_WPS=$(python3 -c "print(f'{$DP_WORDS/$DP_SECS:.0f}')")
echo "docs $DP_DOCS, words $DP_WORDS, best of $PASSES passes: seconds $DP_SECS, dates found $DP_FOUND, words/s $DP_WPS"

echo "== Byline dates stage (Benchmarks/, release build) =="
BENCH=$(cd Benchmarks && BYLINE_EVAL_DATA="$DATA_DIR" swift package --disable-sandbox benchmark --filter '^dates:.*' --no-progress 2>&1)
# The benchmark's name carries its corpus size: "dates: tbaq texts (256 docs, 61418 words)".
BL_WORDS=$(printf '%s\n' "$BENCH" | sed -n 's/.*dates: tbaq texts ([0-9]* docs, \([0-9]*\) words).*/\1/p' | head -1)
# The p0 (best) and p50 columns of the "Time (wall clock) (μs)" row of the results table.
column() {
  printf '%s\n' "$BENCH" | grep -m1 'Time (wall clock)' | tr '│|' '  ' \
    | awk -v want="$1" '{for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) { n++; if (n == want) { print $i; exit } } }'
}
BL_US=$(column 1)
BL_P50=$(column 3)
if [ -z "$BL_WORDS" ] || [ -z "$BL_US" ]; then
  printf '%s\n' "$BENCH" | tail -40
  echo "could not read the benchmark output" >&2
  exit 1
fi
BL_WPS=$(python3 -c "print(f'{$BL_WORDS/($BL_US/1e6):.0f}')")
echo "words $BL_WORDS, best pass seconds $(python3 -c "print($BL_US/1e6)"), words/s $BL_WPS (median pass: $(python3 -c "print(f'{$BL_WORDS/($BL_P50/1e6):.0f}')") words/s)"
printf '%s\n' "$BENCH" | grep -m1 'Time (wall clock)' || true

if [ "$MAX_DOCS" = 0 ] && [ "$BL_WORDS" != "$DP_WORDS" ]; then
  echo "warning: word counts differ (Byline $BL_WORDS, dateparser $DP_WORDS)" >&2
fi

echo "== ratio =="
python3 -c "print(f'Byline dates stage / dateparser: {$BL_WPS/$DP_WPS:.0f}x (target >= 100x)')"
