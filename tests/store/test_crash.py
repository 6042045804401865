"""A writer killed with SIGKILL mid-work leaves a whole agenda holding exactly what committed.

The child (``tests/store/crash_child.py``) prints a line after each commit; the parent reads
those lines (no sleeps), kills the child at a random point, reads what was already printed,
then compares the file with the log.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from closer_desk.store import durability, open_agenda
from tests.helpers.factories import FakeClock, make_agenda

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


def _start(mode: str, path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store.crash_child", mode, str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _kill_after(child: subprocess.Popen[str], is_kill_point: object) -> list[str]:
    """Read the child's lines until ``is_kill_point(line)``, SIGKILL it, return every line."""
    assert child.stdout is not None
    lines = []
    for line in child.stdout:
        lines.append(line.strip())
        if is_kill_point(lines[-1]):  # type: ignore[operator]
            child.send_signal(signal.SIGKILL)
            break
    # Whatever it printed before dying is still in the pipe: those commits happened too.
    lines.extend(line.strip() for line in child.stdout)
    child.stdout.close()
    assert child.wait() == -signal.SIGKILL, lines[-3:]
    return lines


def _whole(path: Path) -> None:
    assert durability.check(path, full=True) == []
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_killed_during_a_burst_of_bookings(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "agenda.sqlite3"
    make_agenda(path, FakeClock()).close()
    kill_at = random.Random(seed).randrange(3, 60)
    lines = _kill_after(_start("bookings", path), lambda line: line == f"commit {kill_at}")

    committed = {int(line.split()[1]) for line in lines if line.startswith("commit ")}
    begun = {int(line.split()[1]) for line in lines if line.startswith("begin ")}
    assert set(range(kill_at + 1)) <= committed
    _whole(path)
    with open_agenda(path, clock=FakeClock()) as agenda:
        found = {
            int(a.uid.split("-")[1]): a
            for a in agenda.appointments(
                FakeClock().now - durability_margin(), FakeClock().now + durability_margin()
            )
        }
    # Every committed call is there, whole; the one in flight may or may not have committed
    # (killed between COMMIT and its log line), nothing else is.
    in_flight = begun - committed
    assert committed <= set(found) <= committed | in_flight
    for n, appointment in found.items():
        assert appointment.minutes == 30 and appointment.uid == f"crash-{n}"


def durability_margin() -> object:
    from datetime import timedelta

    return timedelta(days=3650)


@pytest.mark.parametrize("seed", [1, 2])
def test_killed_during_a_large_single_transaction_write(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "agenda.sqlite3"
    make_agenda(path, FakeClock()).close()
    # Kill points span both batches: in the first, between them, and in the second.
    points = [f"rows A {k}" for k in range(1000, 50_001, 1000)] + ["commit A"]
    points += [f"rows B {k}" for k in range(1000, 50_000, 1000)]
    kill_line = random.Random(seed).choice(points)
    lines = _kill_after(_start("bulk", path), lambda line: line == kill_line)

    _whole(path)
    conn = sqlite3.connect(path)
    counts = dict(
        conn.execute("SELECT source, count(*) FROM busy_blocks GROUP BY source").fetchall()
    )
    conn.close()
    expected = {batch: 50_000 for batch in "AB" if f"commit {batch}" in lines}
    assert counts == expected, (kill_line, lines[-2:])


def test_killed_right_after_starting_the_second_batch(tmp_path: Path) -> None:
    path = tmp_path / "agenda.sqlite3"
    make_agenda(path, FakeClock()).close()
    lines = _kill_after(_start("bulk", path), lambda line: line == "rows B 1000")
    assert "commit A" in lines and "commit B" not in lines
    _whole(path)
    with open_agenda(path, clock=FakeClock()):
        pass
    conn = sqlite3.connect(path)
    counts = dict(
        conn.execute("SELECT source, count(*) FROM busy_blocks GROUP BY source").fetchall()
    )
    conn.close()
    assert counts == {"A": 50_000}
