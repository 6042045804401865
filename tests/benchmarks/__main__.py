"""``make bench``: run every ``tests/benchmarks/bench_*.py`` module's ``run()`` and print one
table of name, value, budget, ratio against its floor, and ok."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def main() -> int:
    rows = []
    for path in sorted(Path(__file__).parent.glob("bench_*.py")):
        module = importlib.import_module(f"tests.benchmarks.{path.stem}")
        rows.extend(module.run())
    headers = ("BENCHMARK", "VALUE", "UNIT", "BUDGET", "RATIO", "OK")
    cells = [headers] + [
        (
            r["name"],
            str(r["value"]),
            r["unit"],
            str(r["budget"]),
            str(r["ratio"]),
            "yes" if r["ok"] else "NO",
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
