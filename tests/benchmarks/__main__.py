"""``make bench``: run every ``tests/benchmarks/bench_*.py`` and print one table.

Each module exposes ``run() -> list[dict]``; a row has ``name``, ``value``, ``unit``,
``budget`` (same unit, or None), ``ratio`` (value over a floor measured in the same run, or
None) and ``ok``; optionally ``cpu`` (CPU time in the same unit, for a shared machine).
``python -m tests.benchmarks store`` runs only the modules whose name contains ``store``.
The exit status is 1 when a budget is missed.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from pathlib import Path


def _modules(filters: list[str]) -> list[str]:
    here = Path(__file__).parent
    names = sorted(p.stem for p in here.glob("bench_*.py"))
    if filters:
        names = [n for n in names if any(f in n for f in filters)]
    return [f"{__package__}.{n}" for n in names]


def _fmt(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3g}" if value < 1000 else f"{value:.0f}"
    return str(value)


def main(argv: list[str]) -> int:
    """Run the benchmarks, print the table, return the exit status."""
    rows: list[dict[str, object]] = []
    failed = False
    for name in _modules(argv):
        print(f"running {name} ...", file=sys.stderr, flush=True)
        try:
            module = importlib.import_module(name)
            for row in module.run():
                rows.append({"module": name.rsplit(".", 1)[-1], **row})
        except Exception:  # one broken benchmark must not hide the others' numbers
            traceback.print_exc()
            rows.append({"module": name.rsplit(".", 1)[-1], "name": "(crashed)", "ok": False})
    headers = ("module", "name", "value", "unit", "budget", "ratio", "ok", "cpu")
    table = [[_fmt(r.get(h)) for h in headers] for r in rows]
    table = [[h.upper() for h in headers], *table]
    widths = [max(len(line[i]) for line in table) for i in range(len(headers))]
    for n, line in enumerate(table):
        print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    for r in rows:
        if r.get("ok") is False:
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
