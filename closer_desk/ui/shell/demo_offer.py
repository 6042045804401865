"""Demo data, and where it goes when the agenda already holds the closer's own.

The demo never mixes with real calls (the store refuses an agenda that is not empty); instead
of the bare refusal, the window offers a new agenda file for the demo, filled off the GUI
thread and opened in a window of its own (one window per agenda).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import QFileDialog, QWidget

if TYPE_CHECKING:
    from closer_desk.store import Agenda


def fill_demo(agenda: Agenda) -> int:
    """Fill an empty agenda with the demo around its today; how many calls (worker thread)."""
    from closer_desk.core import demo, tz
    from closer_desk.store.demo import load_demo

    today = tz.convert(agenda.now(), demo.CLOSER["zone"]).date()
    return load_demo(agenda, demo.build(today))


def fill_new_agenda(path: Path) -> Path:
    """Create the agenda file ``path`` with the demo in it (worker thread); returns it."""
    from closer_desk.store import open_agenda

    with open_agenda(path, daily_backup=False) as agenda:
        fill_demo(agenda)
    return path


def refused_as_not_empty(error: BaseException) -> bool:
    """The demo was refused because the agenda holds data already."""
    from closer_desk.core.errors import ValidationError

    return isinstance(error, ValidationError) and error.code == "not_empty"


def choose_new_agenda(parent: QWidget | None, current: Path | None) -> Path | None:
    """Ask where the new agenda goes (beside the current one by default); None if cancelled."""
    folder = current.parent if current is not None else Path.home()
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Demo", "New agenda for the demo"),
        str(folder / "demo.sqlite3"),
        QCoreApplication.translate("Demo", "Agendas (*.sqlite3)"),
    )
    return Path(chosen) if chosen else None


def open_window_on(path: Path) -> bool:
    """Start closer_desk on the agenda ``path``, in its own process and window."""
    frozen = bool(getattr(sys, "frozen", False))  # the PyInstaller bundle is the app itself
    arguments = ["--db", str(path)] if frozen else ["-m", "closer_desk", "--db", str(path)]
    started, _pid = QProcess.startDetached(sys.executable, arguments)
    return bool(started)
