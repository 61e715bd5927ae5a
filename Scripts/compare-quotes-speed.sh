#!/usr/bin/env bash
# Compares the speed of Byline's quotes stage with spaCy + textacy's `direct_quotations` on the
# same texts (the PolNeAR dev articles from the evaluation data, read at run time, never copied).
#
#   Scripts/compare-quotes-speed.sh [--bench] [--repeats N]
#
# - textacy: spaCy 2.2.4 + en_core_web_sm 2.2.5 + textacy 0.10.1 in the git-ignored
#   .venv-spacy/ (Python 3.8, pinned wheels, created by Scripts/spacy2-venv.sh when missing).
#   After the model is loaded (tagger and parser; ner is not needed; load time printed apart),
#   each repeat parses every text with `nlp(text)` and then runs `textacy.extract.direct_quotations` over the parsed docs:
#   words/s of parse + quotations, and of the quotations step alone (given parsed docs).
# - Byline: `byline analyze --jobs 1` (release build) over the same texts as JSONL: words/s of
#   the WHOLE pipeline (tokenizer, entities, places, dates, quotes, sources), with start-up
#   (lexicon and model loading, timed on a one-word input) subtracted and printed apart.
#   With --bench also the quotes stage alone from the `quotes:` benchmark in Benchmarks/
#   (`swift package benchmark`, a separate release build; its input documents are already run
#   through the stages before quotes, as textacy's input is a parsed Doc).
# Words are whitespace-separated words of the input texts, the same count on both sides.
# Both sides are single-threaded (--jobs 1; BLAS/OpenMP threads 1). Each side runs N times
# (default 3); best and median are printed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${BYLINE_EVAL_DATA:-$ROOT/../shared/eval/data}
GOLD="$DATA/quotes/polnear_dev.jsonl"
BENCH=0
REPEATS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --bench) BENCH=1 ;;
    --repeats) REPEATS=$2; shift ;;
    *) echo "usage: $0 [--bench] [--repeats N]" >&2; exit 2 ;;
  esac
  shift
done
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -f "$GOLD" ] || { echo "no evaluation texts at $GOLD (set BYLINE_EVAL_DATA)" >&2; exit 2; }
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

# The texts as Byline input records.
python3 - "$GOLD" "$WORK/input.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as out:
    for n, line in enumerate(f):
        d = json.loads(line)
        out.write(json.dumps({"id": d.get("id", str(n)), "text": d["text"]}) + "\n")
EOF
WORDS=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].split()) for l in open(sys.argv[1])))' "$WORK/input.jsonl")
DOCS=$(wc -l <"$WORK/input.jsonl")
echo "texts: $DOCS docs, $WORDS words (polnear_dev)"

# --- spaCy + textacy -------------------------------------------------------------------------
PY=$("$ROOT/Scripts/spacy2-venv.sh")
"$PY" - "$WORK/input.jsonl" "$REPEATS" <<'EOF'
import json, statistics, sys, time
t = time.perf_counter()
import spacy, textacy, textacy.extract, en_core_web_sm
imports = time.perf_counter() - t
texts = [json.loads(l)["text"] for l in open(sys.argv[1])]
words = sum(len(t.split()) for t in texts)
t = time.perf_counter()
# direct_quotations reads POS tags, dependencies and sentences, not entities: the ner component
# is left out, the cheapest pipeline textacy can use. (The mirror package's distribution name is
# not en_core_web_sm, so spacy.load("en_core_web_sm") does not find it: load from the module.)
nlp = en_core_web_sm.load(disable=["ner"])
load = time.perf_counter() - t
print(f"spaCy {spacy.__version__}, {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']} "
      f"({'+'.join(nlp.pipe_names)}), textacy {textacy.__version__}; "
      f"imports {imports:.2f} s, model load {load:.2f} s (not in the rates)")
both, alone, parse, quotes = [], [], [], 0
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    docs = [nlp(t) for t in texts]
    t1 = time.perf_counter()
    quotes = sum(len(list(textacy.extract.direct_quotations(d))) for d in docs)
    t2 = time.perf_counter()
    both.append(words / (t2 - t0)); alone.append(words / (t2 - t1)); parse.append(words / (t1 - t0))
def fmt(rates): return f"best {max(rates):,.0f}, median {statistics.median(rates):,.0f} words/s"
print(f"textacy parse + direct_quotations: {fmt(both)} ({quotes} quotes)")
print(f"textacy spaCy parse alone:         {fmt(parse)}")
print(f"textacy direct_quotations alone:   {fmt(alone)}")
with open(sys.argv[1] + ".textacy", "w") as f:
    json.dump({"both": max(both), "alone": max(alone), "both_median": statistics.median(both),
               "alone_median": statistics.median(alone)}, f)
EOF

# --- Byline ----------------------------------------------------------------------------------
BYLINE="$ROOT/.build/release/byline"
[ -x "$BYLINE" ] || (cd "$ROOT" && swift build -c release --product byline >&2)
echo '{"id": "start-up", "text": "Hello."}' >"$WORK/one.jsonl"
python3 - "$BYLINE" "$ROOT/Lexicons" "$WORK" "$REPEATS" "$WORDS" <<'EOF'
import statistics, subprocess, sys, time
byline, lex, work, repeats, words = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
def run(inp):
    t = time.perf_counter()
    subprocess.run([byline, "analyze", inp, "--format", "jsonl", "--jobs", "1", "--lexicons", lex],
                   stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t
starts = [run(f"{work}/one.jsonl") for _ in range(repeats)]
fulls = [run(f"{work}/input.jsonl") for _ in range(repeats)]
start = min(starts)
rates = [words / (f - start) for f in fulls]
raw = [words / f for f in fulls]
print(f"byline start-up (one-word input): best {min(starts):.2f} s, median {statistics.median(starts):.2f} s")
print(f"byline whole pipeline (--jobs 1), start-up excluded: best {max(rates):,.0f}, median {statistics.median(rates):,.0f} words/s"
      f" (with start-up: best {max(raw):,.0f} words/s)")
import json
t = json.load(open(f"{work}/input.jsonl.textacy"))
print(f"ratio byline whole pipeline / textacy (spaCy parse + direct_quotations): best {max(rates) / t['both']:,.0f}x, "
      f"median {statistics.median(rates) / t['both_median']:,.0f}x")
EOF

if [ "$BENCH" = 1 ]; then
  # The quotes stage alone: wall clock of one pass over the corpus, p0 (best) and p50 (median)
  # of the benchmark's iterations, each run REPEATS times.
  "$ROOT/Scripts/run-benchmarks.sh" '^quotes:.*' "$REPEATS" "$WORK"
  python3 - "$WORK" "$REPEATS" "$WORDS" "$ROOT/Scripts" <<'EOF'
import json, statistics, sys
work, repeats, words = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sys.path.insert(0, sys.argv[4])
import bench_table
p0, p50 = [], []
for r in range(1, repeats + 1):
    text = open(f"{work}/bench{r}.txt").read()
    for name, metrics in bench_table.parse(text).items():
        if name.startswith("quotes:") and "Time (wall clock)" in metrics:
            p0.append(metrics["Time (wall clock)"]["p0"]); p50.append(metrics["Time (wall clock)"]["p50"])
            break
    else:
        print("benchmark output without a quotes wall-clock table:\n" + text[-2000:], file=sys.stderr)
if p0:
    best = words / (min(p0) / 1000)
    med = words / (statistics.median(p50) / 1000)
    print(f"byline quotes stage alone (benchmark, {repeats} runs): best {best:,.0f} words/s (p0 {min(p0):.2f} ms), "
          f"median {med:,.0f} words/s (median of the runs' p50 {statistics.median(p50):.2f} ms)")
    t = json.load(open(f"{work}/input.jsonl.textacy"))
    print(f"ratio quotes stage / textacy (spaCy parse + direct_quotations): best {best / t['both']:,.0f}x, "
          f"median {med / t['both_median']:,.0f}x  (issue target: >= 100x)")
    print(f"ratio quotes stage / textacy direct_quotations alone on parsed docs: best {best / t['alone']:,.1f}x, "
          f"median {med / t['alone_median']:,.1f}x")
EOF
fi
exit 0
