#!/usr/bin/env bash
# Measures article-extraction speed of `byline extract` against trafilatura on the same pages,
# in the same run: pages/s, MB/s and peak memory (max RSS from /usr/bin/time -v) of each, and
# the ratio. Both run single-process, single-threaded: `byline extract --jobs 1` (release build)
# and `trafilatura.extract` with default settings (Scripts/trafilatura_bench.py).
#
# Usage: Scripts/compare-extraction-speed.sh [PAGES_DIR] [ROUNDS]
#   PAGES_DIR  folder of .html pages (default: ../shared/eval/data/extraction/html)
#   ROUNDS     runs of each tool, taking turns; the fastest (by wall time) is reported (default 3)
# Needs python3 with venv and pip (network for the first `pip install`), /usr/bin/time and a
# Swift toolchain. trafilatura goes into .venv-bench/ (git-ignored); Byline is built with
# `swift build -c release --product byline --static-swift-stdlib` (as Scripts/run-examples.sh).
# Pages/s come from wall-clock time of the whole process (start-up included for both); the
# machine's other load affects both alike, so compare the ratio, and the CPU-time columns
# (user+sys), which load changes less. Written by the Byline team; MIT licence.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES="${1:-../shared/eval/data/extraction/html}"
ROUNDS="${2:-3}"
[ -d "$PAGES" ] || { echo "no such folder: $PAGES" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

if [ ! -x .venv-bench/bin/python ]; then
  python3 -m venv .venv-bench
fi
if ! .venv-bench/bin/python -c "import trafilatura" 2>/dev/null; then
  .venv-bench/bin/pip install --quiet trafilatura lxml_html_clean
fi
# Always the shipped build (static Swift runtime, as Scripts/run-examples.sh builds it);
# incremental when nothing changed.
swift build -c release --product byline --static-swift-stdlib >&2

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
PAGE_COUNT=$(find "$PAGES" -maxdepth 1 -type f \( -name '*.html' -o -name '*.htm' \) | wc -l)
BYTES=$(find "$PAGES" -maxdepth 1 -type f \( -name '*.html' -o -name '*.htm' \) -printf '%s\n' | awk '{s+=$1} END {print s}')

# once NAME ROUND COMMAND...: one timed run under /usr/bin/time -v; keeps it when fastest so far.
once() {
  local name="$1" r="$2"; shift 2
  /usr/bin/time -v -o "$TMP/$name.$r.time" "$@" > "$TMP/$name.$r.out"
  local wall best
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$TMP/$name.$r.time")
  best=$(cat "$TMP/$name.best" 2>/dev/null || true)
  if [ -z "$best" ] || awk "BEGIN {exit !($wall < $best)}"; then
    echo "$wall" > "$TMP/$name.best"; cp "$TMP/$name.$r.time" "$TMP/$name.time"; cp "$TMP/$name.$r.out" "$TMP/$name.out"
  fi
}

# The tools take turns, round by round, so that both meet the same spells of machine load
# (on shared virtual machines these come and go within seconds).
CORES=$(nproc 2>/dev/null || echo 1)
for r in $(seq 1 "$ROUNDS"); do
  once byline "$r" .build/release/byline extract "$PAGES" --jobs 1
  # For reference only: the same single process using every core (trafilatura has no such
  # mode; the headline ratio is the one-thread figure).
  once bylineall "$r" .build/release/byline extract "$PAGES" --jobs "$CORES"
  once trafilatura "$r" .venv-bench/bin/python Scripts/trafilatura_bench.py "$PAGES"
done

stat() {  # stat NAME FIELD → wall / cpu / rss_mb
  awk -F': ' -v f="$2" '
    /Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; wall=s}
    /User time/ {u=$2} /System time/ {sy=$2} /Maximum resident/ {rss=$2/1024}
    END {if (f=="wall") print wall; else if (f=="cpu") print u+sy; else print rss}' "$TMP/$1.time"
}
BW=$(stat byline wall); BC=$(stat byline cpu); BR=$(stat byline rss)
AW=$(stat bylineall wall); AC=$(stat bylineall cpu); AR=$(stat bylineall rss)
TW=$(stat trafilatura wall); TC=$(stat trafilatura cpu); TR=$(stat trafilatura rss)
TLOOP=$(.venv-bench/bin/python -c "import json,sys; print(json.load(open(sys.argv[1]))['loop_seconds'])" "$TMP/trafilatura.out")
TVER=$(.venv-bench/bin/python -c "import json,sys; print(json.load(open(sys.argv[1]))['trafilatura'])" "$TMP/trafilatura.out")
BOUT=$(wc -l < "$TMP/byline.out")

awk -v n="$PAGE_COUNT" -v bytes="$BYTES" -v bw="$BW" -v bc="$BC" -v br="$BR" -v tw="$TW" -v tc="$TC" \
  -v tr="$TR" -v tl="$TLOOP" -v tver="$TVER" -v bout="$BOUT" -v rounds="$ROUNDS" \
  -v aw="$AW" -v ac="$AC" -v ar="$AR" -v cores="$CORES" 'BEGIN {
  mb = bytes / 1e6
  printf "pages: %d (%.1f MB), best of %d runs each; byline wrote %d records\n", n, mb, rounds, bout
  printf "%-22s %9s %9s %8s %8s %12s %12s\n", "tool", "wall_s", "cpu_s", "pages/s", "MB/s", "pages/cpu_s", "peak_RSS_MB"
  printf "%-22s %9.2f %9.2f %8.1f %8.2f %12.1f %12.1f\n", "byline extract -j1", bw, bc, n/bw, mb/bw, n/bc, br
  printf "%-22s %9.2f %9.2f %8.1f %8.2f %12.1f %12.1f\n", "byline extract -j" cores, aw, ac, n/aw, mb/aw, n/ac, ar
  printf "%-22s %9.2f %9.2f %8.1f %8.2f %12.1f %12.1f\n", "trafilatura " tver, tw, tc, n/tw, mb/tw, n/tc, tr
  printf "trafilatura extraction loop alone (no start-up): %.2f s = %.1f pages/s\n", tl, n/tl
  printf "ratio byline -j1 / trafilatura: %.1fx pages/s (wall), %.1fx pages/s (CPU time), %.1fx vs trafilatura loop alone\n", tw/bw, tc/bc, tl/bw
  printf "ratio byline -j%d / trafilatura (one process, %d threads): %.1fx pages/s (wall)\n", cores, cores, tw/aw
}'
