"""Running the command line in-process, and telling whether it changed the agenda.

Every in-process command runs on an injected clock (the suite's fixed "now" unless a test
passes its own), so that no test depends on the day it runs."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import pytest

from closer_desk import cli
from tests.helpers.factories import FakeClock


def main(argv: Sequence[str], clock: Callable[[], datetime] | None = None) -> int:
    """``closer_desk.cli.main`` on ``clock`` (default: the suite's fixed now)."""
    return cli.main(argv, clock=clock or FakeClock())


def run(
    capsys: pytest.CaptureFixture[str], *argv: str, clock: Callable[[], datetime] | None = None
) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``closer-desk ARGV`` (on ``clock``)."""
    try:
        code = main(list(argv), clock)
    except SystemExit as exit_:  # argparse's own usage errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def dump(path: Path) -> list[str]:
    """Every table's rows (and the schema) as SQL text: equal dumps, unchanged agenda."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
