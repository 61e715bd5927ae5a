"""Reads the markdown output of `swift package benchmark --format markdown` (ordo-one/benchmark).

    tables = parse(text)   # {benchmark name: {metric: {"p0": ms, "p50": ms, "p100": ms, ...}}}

Metrics are keyed by their name without the unit ("Time (wall clock)", "Memory (resident
peak)"); times are converted to milliseconds, memory stays in the table's unit (M = MB).
Used by Scripts/compare-*-speed.sh.
"""
import re

_TO_MS = {"ns": 1e-6, "us": 1e-3, "μs": 1e-3, "ms": 1.0, "s": 1000.0}


def parse(text):
    tables, name, columns = {}, None, []
    for line in text.splitlines():
        if line.startswith("### "):
            name, columns = line[4:].strip(), []
            continue
        if not (name and line.startswith("|")):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] == "Metric":
            columns = cells[1:]
            continue
        if not columns or cells[0].startswith(":"):
            continue
        m = re.match(r"(.*?) \(([^()]*)\)\s*\*?$", cells[0])
        metric, unit = (m.group(1), m.group(2)) if m else (cells[0].rstrip(" *"), "")
        scale = _TO_MS.get(unit, 1.0) if metric.startswith("Time") else 1.0
        row = {}
        for col, val in zip(columns, cells[1:]):
            try:
                row[col] = float(val.replace(",", "")) * (1.0 if col == "Samples" else scale)
            except ValueError:
                pass
        row["unit"] = "ms" if metric.startswith("Time") else unit
        tables.setdefault(name, {})[metric] = row
    return tables
