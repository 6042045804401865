"""``make bench``: run every ``tests/benchmarks/bench_*.py`` module's ``run()`` and print one
table. Each row: name, value, unit, budget, ratio (against a floor measured in the same run),
ok. Exit status 1 when a budget is missed."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path
from typing import Any


def main() -> int:
    rows: list[dict[str, Any]] = []
    here = Path(__file__).parent
    for info in sorted(pkgutil.iter_modules([str(here)]), key=lambda m: m.name):
        if info.name.startswith("bench_"):
            module = importlib.import_module(f"tests.benchmarks.{info.name}")
            rows.extend(module.run())
    headers = ("name", "value", "unit", "budget", "ratio", "ok")
    cells = [headers, *[tuple(_cell(r.get(h)) for h in headers) for r in rows]]
    widths = [max(len(c[i]) for c in cells) for i in range(len(headers))]
    for n, line in enumerate(cells):
        print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    return 0 if all(r.get("ok", True) for r in rows) else 1


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3g}"
    return "" if value is None else str(value)


if __name__ == "__main__":
    sys.exit(main())
