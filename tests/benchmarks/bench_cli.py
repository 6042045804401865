"""Command-line budgets: each command's whole process, as a user starts it from the shell.

A command is the installed ``closer-desk`` script started in a new process, its output read
through a pipe, timed from the start to the exit. The floor is a bare ``python -c pass`` of
the same interpreter, started in turn with the command (A B A B ...): the ratio is taken pair
by pair and its median printed, so that a shared machine's drifting speed moves both sides.

- ``--version`` and ``--help``: at most 3x the bare interpreter;
- ``agenda --json`` for one week of a 100,000-call agenda: at most 8x;
- ``slots`` for 14 days: at most 10x; ``book`` (its checks and the write): at most 10x;
- a script of 1,000 commands (book, move, cancel) against one agenda: its total time, and no
  command slower than 3x the median command. The slowest of a thousand wall times on a shared
  machine is often one the scheduler left waiting: the same line on the commands' CPU time
  (user + system, the operating system's accounting of each finished child) tells a command
  of ours that does more work (a backup, a rebuild) from a neighbour's burst;
- for reference, without a budget: ``python -c "import sqlalchemy"``, which every command that
  opens the ``Agenda`` pays before its own work.

Commands run with Python's bytecode caches, as an installed closer-desk does (pip and
PyInstaller compile them): ``PYTHONDONTWRITEBYTECODE`` is dropped for them, and the warm-up
runs write the caches. ``CLI_BENCH_SCRIPT=N`` runs a script of N commands instead (while
developing).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

RUNS = 15
WARMUP = 2
SCRIPT_COMMANDS = int(os.environ.get("CLI_BENCH_SCRIPT", "1000"))
_BARE = [sys.executable, "-c", "pass"]
_SQLALCHEMY = [sys.executable, "-c", "import sqlalchemy"]
#: The environment of a command started as an installed closer-desk is: with bytecode caches.
INSTALLED_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def closer_desk_command() -> list[str]:
    """The ``closer-desk`` script beside this interpreter (as installed by pip), else
    ``python -m closer_desk``."""
    script = Path(sys.executable).with_name("closer-desk")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "closer_desk"]


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def whole_process(argv: Sequence[str]) -> tuple[float, str, float]:
    """Wall seconds of one run of ``argv`` from start to exit, what it printed, and its CPU
    seconds (this runner starts one child at a time: the children's total grows by it)."""
    cpu = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(
        argv, stdin=subprocess.DEVNULL, capture_output=True, text=True, env=INSTALLED_ENV
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.strip()}")
    return elapsed, done.stdout, _children_cpu() - cpu


def paired(commands: Iterator[list[str]], runs: int = RUNS) -> tuple[float, float, float]:
    """Median seconds of the command, of the bare interpreter, and of their pair-by-pair
    ratio. ``commands`` gives the argv of each run (a booking needs a new time each run)."""
    for _ in range(WARMUP):
        whole_process(next(commands))
        whole_process(_BARE)
    ours, bare, ratios = [], [], []
    for _ in range(runs):
        a, _out, _cpu = whole_process(next(commands))
        b, _out, _cpu = whole_process(_BARE)
        ours.append(a)
        bare.append(b)
        ratios.append(a / b)
    return statistics.median(ours), statistics.median(bare), statistics.median(ratios)


def _same(argv: list[str]) -> Iterator[list[str]]:
    while True:
        yield argv


def _build(path: Path, first_day: date) -> None:
    # In a child: the runner stays a small process, so starting each command costs the same.
    code = (
        "import sys, datetime; from pathlib import Path;"
        "from tests.benchmarks.bench_store import build;"
        "build(Path(sys.argv[1]), datetime.date.fromisoformat(sys.argv[2])).close()"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run(
        [sys.executable, "-c", code, str(path), first_day.isoformat()],
        check=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )


def _script(cli: list[str], first_day: date, count: int) -> tuple[float, list[float], list[float]]:
    """``count`` commands: book a call, move it, cancel it, on the next day, and again.
    Returns the total wall seconds, and each command's wall and CPU seconds."""
    walls: list[float] = []
    cpus: list[float] = []
    total = time.perf_counter()
    day = first_day
    while len(walls) < count:
        booking = [*cli, "book", "--company", "Company 2", "--prospect", "Prospect 7",
                   "--start", f"{day} 10:00", "--json"]  # fmt: skip
        seconds, out, cpu = whole_process(booking)
        walls.append(seconds)
        cpus.append(cpu)
        call = str(json.loads(out)["id"])
        for verb in (["move", call, "--start", f"{day} 15:30"], ["cancel", call]):
            if len(walls) < count:
                seconds, _out, cpu = whole_process([*cli, *verb])
                walls.append(seconds)
                cpus.append(cpu)
        day += timedelta(days=1)
    return time.perf_counter() - total, walls, cpus


def _row(name: str, value: float, budget: float | None, ratio: float | None, ok: Any) -> dict:
    return {"name": name, "value": value, "unit": "ms", "budget": budget, "ratio": ratio, "ok": ok}


def run() -> list[dict[str, Any]]:
    """Build a 100,000-call agenda, then time the commands against the bare interpreter."""
    today = date.today()
    # Two years of calls behind today and almost two ahead: the week and the slot search
    # below fall among other calls, and the bookings after the last one.
    first_day = today - timedelta(days=730 + today.weekday())
    monday = today + timedelta(days=7 - today.weekday())
    free = (today + timedelta(days=5 * 366)).replace(day=1)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "cli.sqlite3"
        _build(db, first_day)
        cli = [*closer_desk_command(), "--db", str(db)]
        # fmt: off
        week = [*cli, "agenda", "--from", str(monday), "--to", str(monday + timedelta(days=6)),
                "--json"]
        slots = [*cli, "slots", "--prospect", "Prospect 1", "--company", "Company 1",
                 "--from", str(monday), "--days", "14", "--json"]
        # A prospect in Toronto, with the country and region whose holidays flag the slots.
        whole_process([*cli, "prospect", "edit", "Prospect 1", "--country", "CA",
                       "--subdivision", "ON"])
        # fmt: on
        _seconds, listing, _cpu = whole_process(week)  # also takes the day's backup
        calls = len(json.loads(listing))

        def bookings(day: date) -> Iterator[list[str]]:
            while True:
                yield [*cli, "book", "--company", "Company 1", "--prospect", "Prospect 3",
                       "--start", f"{day} 11:00"]  # fmt: skip
                day += timedelta(days=1)

        lines: list[tuple[str, Iterator[list[str]], float | None]] = [
            ("closer-desk --version", _same([*closer_desk_command(), "--version"]), 3.0),
            ("closer-desk --help", _same([*closer_desk_command(), "--help"]), 3.0),
            (f"agenda --json, one week ({calls} calls of 100,000)", _same(week), 8.0),
            ("slots --days 14 --json", _same(slots), 10.0),
            ("book (checks and write)", bookings(free), 10.0),
            # Not a budget: what any command that opens the Agenda pays before its own work.
            ("reference: python -c 'import sqlalchemy'", _same(_SQLALCHEMY), None),
        ]
        rows: list[dict[str, Any]] = []
        floors = []
        for name, commands, budget in lines:
            ours, bare, ratio = paired(commands)
            floors.append(bare)
            if budget is None:
                rows.append(_row(name, ours * 1000, None, ratio, None))
            else:
                rows.append(_row(name, ours * 1000, budget * bare * 1000, ratio, ratio <= budget))
        floor = _row(
            "floor: bare interpreter (python -c pass)",
            1000 * statistics.median(floors),
            None,
            1.0,
            None,
        )
        total, walls, cpus = _script(cli, free + timedelta(days=400), SCRIPT_COMMANDS)
    script = [
        {**_row(f"script of {len(walls)} commands, total", total, None, None, None), "unit": "s"}
    ]
    for what, times in (("", walls), (", CPU", cpus)):
        median, slowest = statistics.median(times), max(times)
        script += [
            _row(f"script: median command{what}", median * 1000, None, 1.0, None),
            _row(
                f"script: slowest command{what}",
                slowest * 1000,
                3 * median * 1000,
                slowest / median,
                slowest <= 3 * median,
            ),
        ]
    return [floor, *rows, *script]


if __name__ == "__main__":
    for row in run():
        print(row)
