#!/usr/bin/env python3
"""Runs trafilatura over every .html file in a folder, one process, default settings.

Used by Scripts/compare-extraction-speed.sh. Each page is read as bytes and given to
`trafilatura.extract` unchanged (trafilatura detects the encoding itself), as a user of the
library would call it. Extracted texts go to the JSONL file given with --out (one
{"id", "articleBody"} line per page, for a quality check with the eval scorer); the time spent in
the extraction loop alone (without interpreter start-up and imports) is printed to stdout as
one JSON object.

Usage: trafilatura_bench.py PAGES_DIR [--out FILE.jsonl]
Written by the Byline team; MIT licence, like the project.
"""
import argparse
import json
import sys
import time
from pathlib import Path

import trafilatura


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", type=Path)
    ap.add_argument("--out", type=Path)
    a = ap.parse_args()
    files = sorted(p for p in a.pages.iterdir() if p.suffix.lower() in (".html", ".htm"))
    if not files:
        sys.exit(f"no .html files in {a.pages}")
    out = a.out.open("w", encoding="utf8") if a.out else None
    total_bytes = 0
    start = time.perf_counter()
    for p in files:
        data = p.read_bytes()
        total_bytes += len(data)
        text = trafilatura.extract(data) or ""
        if out:
            out.write(json.dumps({"id": p.stem, "articleBody": text}, ensure_ascii=False) + "\n")
    loop = time.perf_counter() - start
    if out:
        out.close()
    print(json.dumps({"pages": len(files), "bytes": total_bytes, "loop_seconds": loop,
                      "trafilatura": trafilatura.__version__}))


if __name__ == "__main__":
    main()
