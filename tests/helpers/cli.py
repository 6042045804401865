"""Running the command line in-process, and telling whether it changed the agenda."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from closer_desk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``closer-desk ARGV``."""
    try:
        code = main(list(argv))
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
