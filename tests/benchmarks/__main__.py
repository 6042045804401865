"""``make bench``: run every ``tests/benchmarks/bench_*.py`` module's ``run()`` and print one table.

Each ``run()`` returns rows with keys name, value, unit, budget, ratio, ok. The exit status is 1
when any row is over its budget.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).resolve().parent
    wanted = set(sys.argv[1:])
    rows = []
    for path in sorted(here.glob("bench_*.py")):
        if wanted and path.stem not in wanted:
            continue
        module = importlib.import_module(f"tests.benchmarks.{path.stem}")
        rows.extend(module.run())
    print(f"{'benchmark':<58} {'value':>12} {'budget':>16} {'ratio':>7}  ok")
    for row in rows:
        value = f"{row['value']:.3f} {row['unit']}"
        print(f"{row['name']:<58} {value:>12} {row['budget']!s:>16} {row['ratio']:>7.2f}  {'yes' if row['ok'] else 'NO'}")
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
