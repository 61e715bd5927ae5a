#!/usr/bin/env bash
# Compares the speed of Byline's quotes stage with spaCy + textacy's `direct_quotations` on the
# same texts (the PolNeAR dev articles from the evaluation data, read at run time, never copied).
#
#   Scripts/compare-quotes-speed.sh [--bench]
#
# - textacy: a virtual environment in .venv-bench/ with `pip install spacy textacy` and a small
#   English spaCy model, if one can be installed (`pip install en_core_web_sm`, then
#   `python -m spacy download en_core_web_sm`). textacy's quote rules need a parsed Doc (POS
#   tags and dependencies), so without a model that side is reported as blocked.
# - Byline: `byline analyze --jobs 1` (release build) over the same texts as JSONL: words/s of the
#   WHOLE pipeline (tokenizer, entities, places, dates, quotes, sources), a lower bound for the
#   quotes stage. With --bench also the quotes stage alone, from the `quotes:` benchmark in
#   Benchmarks/ (`swift package benchmark`, a separate release build).
# Words are whitespace-separated words of the input texts, the same count on both sides.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${BYLINE_EVAL_DATA:-$ROOT/../shared/eval/data}
GOLD="$DATA/quotes/polnear_dev.jsonl"
VENV="$ROOT/.venv-bench"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -f "$GOLD" ] || { echo "no evaluation texts at $GOLD (set BYLINE_EVAL_DATA)" >&2; exit 2; }

# The texts as Byline input records, and their word count.
python3 - "$GOLD" "$WORK/input.jsonl" <<'EOF'
import json, sys
words = 0
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as out:
    for n, line in enumerate(f):
        d = json.loads(line)
        words += len(d["text"].split())
        out.write(json.dumps({"id": d.get("id", str(n)), "text": d["text"]}) + "\n")
print(f"texts: {n + 1} docs, {words} words", file=sys.stderr)
EOF
WORDS=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].split()) for l in open(sys.argv[1])))' "$WORK/input.jsonl")

# --- textacy -------------------------------------------------------------------------------
TEXTACY="blocked"
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
if ! "$VENV/bin/python" -c 'import spacy, textacy' 2>/dev/null; then
  "$VENV/bin/pip" install --quiet spacy textacy || echo "pip install spacy textacy failed" >&2
fi
MODEL=""
if "$VENV/bin/python" -c 'import spacy' 2>/dev/null; then
  for m in en_core_web_sm; do
    if "$VENV/bin/python" -c "import $m" 2>/dev/null; then MODEL=$m; break; fi
    echo "trying: pip install $m" >&2
    if "$VENV/bin/pip" install --quiet "$m" 2>"$WORK/pip.err"; then MODEL=$m; break; fi
    tail -1 "$WORK/pip.err" >&2
    echo "trying: python -m spacy download $m" >&2
    if timeout 120 "$VENV/bin/python" -m spacy download "$m" >"$WORK/dl.err" 2>&1; then MODEL=$m; break; fi
    tail -2 "$WORK/dl.err" >&2
  done
fi
if [ -n "$MODEL" ]; then
  TEXTACY=$("$VENV/bin/python" - "$WORK/input.jsonl" "$MODEL" <<'EOF'
import json, sys, time
import spacy
from textacy.extract.triples import direct_quotations
texts = [json.loads(l)["text"] for l in open(sys.argv[1])]
words = sum(len(t.split()) for t in texts)
nlp = spacy.load(sys.argv[2])
t0 = time.perf_counter()
docs = [nlp(t) for t in texts]
t1 = time.perf_counter()
quotes = sum(len(list(direct_quotations(d))) for d in docs)
t2 = time.perf_counter()
print(f"{words / (t2 - t0):.0f} words/s (parse + direct_quotations; direct_quotations alone "
      f"{words / (t2 - t1):.0f} words/s; {quotes} quotes)")
EOF
)
else
  TEXTACY="blocked: no English spaCy model installable here (see the attempts above)"
  # Without a model only spaCy's tokenizer runs (`spacy.blank("en")`): direct_quotations then
  # finds nothing, but the time is a ceiling on textacy's speed with any real model.
  if "$VENV/bin/python" -c 'import spacy, textacy' 2>/dev/null; then
    BLANK=$("$VENV/bin/python" - "$WORK/input.jsonl" <<'PY'
import json, sys, time
import spacy
from textacy.extract.triples import direct_quotations
texts = [json.loads(l)["text"] for l in open(sys.argv[1])]
words = sum(len(t.split()) for t in texts)
nlp = spacy.blank("en")
nlp.add_pipe("sentencizer")
t0 = time.perf_counter()
n = 0
for t in texts:
    try:
        n += len(list(direct_quotations(nlp(t))))
    except Exception:
        pass
print(f"{words / (time.perf_counter() - t0):.0f} words/s ({n} quotes)")
PY
)
    TEXTACY="$TEXTACY; ceiling with spacy.blank('en') + sentencizer (no parser): $BLANK"
  fi
fi

# --- Byline --------------------------------------------------------------------------------
BYLINE="$ROOT/.build/release/byline"
[ -x "$BYLINE" ] || (cd "$ROOT" && swift build -c release --product byline >&2)
START=$(python3 -c 'import time; print(time.perf_counter_ns())')
"$BYLINE" analyze "$WORK/input.jsonl" --format jsonl --jobs 1 --lexicons "$ROOT/Lexicons" >"$WORK/reports.jsonl"
END=$(python3 -c 'import time; print(time.perf_counter_ns())')
PIPE=$(python3 -c "print(f'{$WORDS / (($END - $START) / 1e9):.0f}')")

STAGE=""
if [ "${1:-}" = "--bench" ]; then
  OUT=$(cd "$ROOT/Benchmarks" && swift package --allow-writing-to-package-directory benchmark \
    --filter 'quotes:.*' --format markdown 2>&1 || true)
  echo "$OUT" | grep -E '^\| *(Time|Throughput)|p50|quotes' >&2 || echo "$OUT" | tail -20 >&2
  # Median wall clock in ms of one pass over the corpus.
  MS=$(echo "$OUT" | awk '/Time \(wall clock\)/{f=1} f && /^\|/ && $0 ~ /[0-9]/ {print; exit}' | awk -F'|' '{print $5}' | tr -d ' ')
  if [ -n "$MS" ]; then STAGE=$(python3 -c "print(f'{$WORDS / ($MS / 1000):.0f}')"); fi
fi

echo "words: $WORDS"
echo "textacy direct_quotations: $TEXTACY"
echo "byline whole pipeline (--jobs 1): $PIPE words/s"
[ -n "$STAGE" ] && echo "byline quotes stage alone (benchmark p50): $STAGE words/s"
exit 0
