#!/usr/bin/env bash
# Compares the speed of Byline's entity tagger with spaCy's en_core_web_sm NER on the same
# texts: the CoNLL-2003 testa documents of the evaluation data (ner/conll_testa.jsonl, read at
# run time, never copied).
#
#   Scripts/compare-ner-speed.sh [--bench] [--repeats N] [--no-f1]
#
# - spaCy 2.2.4 + en_core_web_sm 2.2.5 in the git-ignored .venv-spacy/ (Python 3.8, pinned
#   wheels, created by Scripts/spacy2-venv.sh when missing), one process, n_process=1, BLAS and
#   OpenMP threads 1. Printed: model load time (apart from the rates); words/s of
#   `nlp.pipe` with the whole model (tagger, parser, ner), of `nlp.pipe` with tagger and parser
#   disabled, and of the ner component alone over docs tokenized beforehand (what Byline's
#   tagger benchmark measures), all with batch_size=32; peak RSS in fresh processes. With F1
#   (default) also spaCy's entities scored by the evaluation's scorer, OntoNotes labels mapped to CoNLL ones (PERSON→PER, ORG→ORG,
#   GPE/LOC/FAC→LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE→MISC, numbers and dates dropped).
# - Byline: `byline analyze --jobs 1` over the same texts (the whole pipeline, start-up timed
#   on a one-word input and subtracted; peak RSS from /usr/bin/time). With --bench, from the
#   release benchmarks in Benchmarks/: the tagger alone over the tokenized texts (`entities:`),
#   its load from disk (`entities load:`), and the geoparser (`places:`, mentions/s).
# Words are whitespace-separated words of the texts (CoNLL tokens; the texts are pre-tokenized),
# the same count on both sides. Each side runs N times (default 3); best and median printed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${BYLINE_EVAL_DATA:-$ROOT/../shared/eval/data}
GOLD="$DATA/ner/conll_testa.jsonl"
SCORER="$DATA/../score_ner.py"
BENCH=0
REPEATS=3
F1=1
while [ $# -gt 0 ]; do
  case "$1" in
    --bench) BENCH=1 ;;
    --repeats) REPEATS=$2; shift ;;
    --no-f1) F1=0 ;;
    *) echo "usage: $0 [--bench] [--repeats N] [--no-f1]" >&2; exit 2 ;;
  esac
  shift
done
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -f "$GOLD" ] || { echo "no evaluation texts at $GOLD (set BYLINE_EVAL_DATA)" >&2; exit 2; }
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

python3 - "$GOLD" "$WORK/input.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as out:
    for line in f:
        d = json.loads(line)
        out.write(json.dumps({"id": d["id"], "text": d["text"]}) + "\n")
EOF
WORDS=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].split()) for l in open(sys.argv[1])))' "$WORK/input.jsonl")
DOCS=$(wc -l <"$WORK/input.jsonl")
echo "texts: $DOCS docs, $WORDS words (conll_testa)"

# --- spaCy -----------------------------------------------------------------------------------
PY=$("$ROOT/Scripts/spacy2-venv.sh")
"$PY" - "$WORK/input.jsonl" "$REPEATS" "$WORK/spacy.jsonl" <<'EOF'
import json, statistics, sys, time
import spacy, en_core_web_sm
texts_path, repeats, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
records = [json.loads(l) for l in open(texts_path)]
texts = [r["text"] for r in records]
words = sum(len(t.split()) for t in texts)
loads = []
for _ in range(repeats):  # in-process reloads: the first pays the file cache, later ones not
    t = time.perf_counter()
    nlp = en_core_web_sm.load()
    loads.append(time.perf_counter() - t)
t = time.perf_counter()
ner_only = en_core_web_sm.load(disable=["tagger", "parser"])
load_ner = time.perf_counter() - t
print(f"spaCy {spacy.__version__}, {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']} "
      f"({'+'.join(nlp.pipe_names)}); model load: first {loads[0]:.2f} s, best {min(loads):.2f} s "
      f"(ner-only load {load_ner:.2f} s); not in the rates")
def fmt(rates): return f"best {max(rates):,.0f}, median {statistics.median(rates):,.0f} words/s"
full, ner, comp = [], [], []
ents = None
component = nlp.get_pipe("ner")
for _ in range(repeats):
    t = time.perf_counter()
    found = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts, n_process=1, batch_size=32)]
    full.append(words / (time.perf_counter() - t))
    ents = ents or found
    t = time.perf_counter()
    for d in ner_only.pipe(texts, n_process=1, batch_size=32): pass
    ner.append(words / (time.perf_counter() - t))
    tokenized = [nlp.make_doc(t) for t in texts]
    t = time.perf_counter()
    for d in component.pipe(tokenized, batch_size=32): pass
    comp.append(words / (time.perf_counter() - t))
print(f"spaCy nlp.pipe, whole model:            {fmt(full)}")
print(f"spaCy nlp.pipe, ner only (tagger/parser disabled): {fmt(ner)}")
print(f"spaCy ner component over tokenized docs: {fmt(comp)}")
MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
       "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}
with open(out, "w") as f:
    for r, es in zip(records, ents):
        f.write(json.dumps({"id": r["id"], "entities": [
            {"start": s, "end": e, "type": MAP[l]} for s, e, l in es if l in MAP]}) + "\n")
with open(texts_path + ".spacy", "w") as f:
    json.dump({"comp": max(comp), "comp_median": statistics.median(comp), "ner": max(ner),
               "ner_median": statistics.median(ner)}, f)
EOF
# Peak RSS, each in a fresh process: load, then stream every text through nlp.pipe, keeping
# only the entity offsets (the rate run above keeps extra models and docs alive).
# spaCy 2's nlp.pipe batches 1000 texts by default (here: the whole corpus in one batch, over
# 1 GB); the rates above use batch_size=32, shown here beside the default.
for run in ":32" "tagger,parser:32" ":1000"; do
  "$PY" - "$WORK/input.jsonl" "${run%%:*}" "${run##*:}" <<'EOF'
import json, resource, sys
import en_core_web_sm
texts = [json.loads(l)["text"] for l in open(sys.argv[1])]
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
nlp = en_core_web_sm.load(disable=[p for p in sys.argv[2].split(",") if p])
loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
n = sum(len(d.ents) for d in nlp.pipe(texts, n_process=1, batch_size=int(sys.argv[3])))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # ru_maxrss is in KiB on Linux
print(f"spaCy peak RSS, {'+'.join(nlp.pipe_names)}, batch_size {sys.argv[3]}: {peak:.0f} MiB (Python + imports {base:.0f} MiB, "
      f"after loading {loaded:.0f} MiB; {n} entities)")
EOF
done
if [ "$F1" = 1 ] && [ -f "$SCORER" ]; then
  echo "spaCy en_core_web_sm NER on conll_testa, labels mapped to CoNLL (evaluation scorer):"
  python3 "$SCORER" "$GOLD" "$WORK/spacy.jsonl" | sed 's/^/  /'
fi

# --- Byline ----------------------------------------------------------------------------------
BYLINE="$ROOT/.build/release/byline"
[ -x "$BYLINE" ] || (cd "$ROOT" && swift build -c release --product byline >&2)
echo '{"id": "start-up", "text": "Hello."}' >"$WORK/one.jsonl"
python3 - "$BYLINE" "$ROOT/Lexicons" "$WORK" "$REPEATS" "$WORDS" <<'EOF'
import re, statistics, subprocess, sys, time
byline, lex, work, repeats, words = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
def run(inp):
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", byline, "analyze", inp, "--format", "jsonl", "--jobs", "1",
                        "--lexicons", lex], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    wall = time.perf_counter() - t
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    return wall, int(m.group(1)) / 1024 if m else float("nan")
starts = [run(f"{work}/one.jsonl") for _ in range(repeats)]
fulls = [run(f"{work}/input.jsonl") for _ in range(repeats)]
start = min(s for s, _ in starts)
rates = [words / (f - start) for f, _ in fulls]
print(f"byline start-up (lexicons + model + gazetteer, one-word input): best {start:.2f} s, "
      f"median {statistics.median(s for s, _ in starts):.2f} s; peak RSS {min(m for _, m in starts):.0f} MiB")
print(f"byline analyze whole pipeline (--jobs 1), start-up excluded: best {max(rates):,.0f}, "
      f"median {statistics.median(rates):,.0f} words/s; peak RSS {max(m for _, m in fulls):.0f} MiB")
EOF

if [ "$BENCH" = 1 ]; then
  "$ROOT/Scripts/run-benchmarks.sh" '^(entities|places).*' "$REPEATS" "$WORK"
  python3 - "$WORK" "$REPEATS" "$WORDS" "$ROOT/Scripts" <<'EOF'
import json, re, statistics, sys
work, repeats, words = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sys.path.insert(0, sys.argv[4])
import bench_table
# Per benchmark: p0 of every run (best) and p50 of every run (median of them), wall clock in ms;
# the peak resident memory of the benchmark process (all corpora loaded, an upper bound).
runs = {}
for r in range(1, repeats + 1):
    text = open(f"{work}/bench{r}.txt").read()
    tables = bench_table.parse(text)
    if not tables:
        print("no benchmark tables in the output:\n" + text[-2000:], file=sys.stderr)
    for name, m in tables.items():
        if "Time (wall clock)" in m:
            e = runs.setdefault(name, {"p0": [], "p50": [], "rss": []})
            e["p0"].append(m["Time (wall clock)"]["p0"]); e["p50"].append(m["Time (wall clock)"]["p50"])
            if "Memory (resident peak)" in m:
                e["rss"].append(m["Memory (resident peak)"]["p100"])
spacy = json.load(open(f"{work}/input.jsonl.spacy"))
for name, e in runs.items():
    best, med = min(e["p0"]), statistics.median(e["p50"])
    line = f"byline bench {name}: best {best:.2f} ms, median {med:.2f} ms"
    if name.startswith("entities:"):
        rb, rm = words / (best / 1000), words / (med / 1000)
        line += (f"\n  -> best {rb:,.0f}, median {rm:,.0f} words/s; vs spaCy ner component over tokenized docs "
                 f"{rb / spacy['comp']:.1f}x (best) / {rm / spacy['comp_median']:.1f}x (median), "
                 f"vs spaCy ner-only nlp.pipe {rb / spacy['ner']:.1f}x / {rm / spacy['ner_median']:.1f}x")
    mm = re.search(r"(\d+) place mentions", name)
    if name.startswith("places:") and mm:
        n = int(mm.group(1))
        line += f"\n  -> best {n / (best / 1000):,.0f}, median {n / (med / 1000):,.0f} place mentions/s"
    if e["rss"]:
        line += f"; benchmark process peak RSS {max(e['rss']):.0f} MB"
    print(line)
EOF
fi
exit 0
