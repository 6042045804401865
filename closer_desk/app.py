"""The composition root (minimal stand-in, replaced by the UI branch's window).

It exists so that packaging can be built and tested end to end on this branch: a QApplication
with the app id, one window per agenda (``ui.single_instance``), today's and upcoming calls
from the agenda, reloaded when another process writes the file (``ui.external_changes``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

#: Where resources live, in a checkout and in the PyInstaller bundle alike (``_internal/``).
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def _arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="closer-desk", add_help=False)
    parser.add_argument("--db", type=Path, default=None)
    known, _rest = parser.parse_known_args(list(argv))
    return known


def _daily_backup(durability: object, db_path: Path) -> None:
    from closer_desk.core.errors import AgendaCorruptError

    try:
        durability.daily_backup(db_path, datetime.now().astimezone().date())  # type: ignore[attr-defined]
    except (AgendaCorruptError, OSError) as error:
        print(f"closer-desk: daily backup skipped: {error}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window on the agenda given by ``--db``, ``$CLOSER_DESK_DB`` or the default."""
    args = _arguments(sys.argv[1:] if argv is None else argv)
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow, QMessageBox

    from closer_desk import APP_ID, APP_NAME, __version__
    from closer_desk.core.errors import CloserDeskError
    from closer_desk.store import default_db_path, open_agenda
    from closer_desk.ui.external_changes import ExternalChangeWatcher
    from closer_desk.ui.single_instance import bring_forward, claim_or_forward

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / f"{APP_ID}.svg")))

    db_path = args.db or default_db_path()
    window = QMainWindow()
    if not claim_or_forward(db_path, lambda _argv: bring_forward(window), list(argv or [])):
        return 0
    try:
        agenda = open_agenda(db_path, daily_backup=False)
    except (CloserDeskError, OSError) as error:
        from closer_desk.cli.messages import describe

        text = describe(error) if isinstance(error, CloserDeskError) else str(error)
        QMessageBox.critical(None, APP_NAME, text)
        return 1

    calls = QListWidget()
    window.setCentralWidget(calls)
    window.setWindowTitle(f"{APP_NAME} — {db_path.name}")
    window.resize(900, 600)

    def reload() -> None:
        now = datetime.now(UTC)
        calls.clear()
        entries = agenda.entries(now - timedelta(hours=2), now + timedelta(days=7))
        for entry in entries:
            start = entry.appointment.start.astimezone()
            calls.addItem(f"{start:%a %d %b %H:%M}  {entry.company_name} — {entry.prospect_name}")
        if not entries:
            calls.addItem(app.translate("App", "No calls today or in the next seven days."))

    reload()
    watcher = ExternalChangeWatcher(db_path, parent=window)
    watcher.changed.connect(reload)
    watcher.start()
    window.show()
    # The daily backup reads the whole file: once a day, after the first paint, off the GUI
    # thread (SQLite releases the GIL while it copies and checks).
    import threading

    from closer_desk.store import durability

    backup = threading.Thread(
        target=_daily_backup, args=(durability, db_path), name="daily-backup", daemon=False
    )
    backup.start()
    try:
        return int(app.exec())
    finally:
        watcher.stop()
        agenda.close()
