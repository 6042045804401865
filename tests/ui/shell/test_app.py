"""``closer-desk`` with no command: the window opens on the agenda, or a clear error dialog."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from closer_desk import APP_ID, app
from closer_desk.store import open_agenda
from closer_desk.ui.shell.rooms_wiring import RoomsWiring


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    return shown


def test_a_newer_agenda_gets_a_dialog_not_a_traceback(
    qapp: Any, tmp_path: Path, dialogs: list[str]
) -> None:
    path = tmp_path / "newer.sqlite3"
    open_agenda(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    assert app.main(["--db", str(path)]) == 1
    assert "newer version of closer_desk" in dialogs[0] and "0099" in dialogs[0]


def test_an_unreadable_file_gets_a_dialog(qapp: Any, tmp_path: Path, dialogs: list[str]) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    assert app.main(["--db", str(path)]) == 1
    # A file that is not an agenda is reported as damaged, with no backup to offer.
    assert dialogs and "damaged" in dialogs[0] and "no backup" in dialogs[0]


def _run_until_hosted(qtbot: Any, shown: list[Any]) -> Any:
    """An ``exec`` that runs the event loop until the window hosts its other rooms."""

    def run(*_args: Any) -> int:
        shown.extend(w for w in QApplication.topLevelWidgets() if w.isVisible())
        window = next(w for w in shown if type(w).__name__ == "MainWindow")
        qtbot.waitUntil(lambda: window.findChild(RoomsWiring) is not None)
        return 0

    return run


def test_main_builds_and_shows_the_window(
    qapp: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[Any] = []
    monkeypatch.setattr(QApplication, "exec", _run_until_hosted(qtbot, shown))
    assert app.main(["--db", str(tmp_path / "new.sqlite3")]) == 0
    assert QApplication.desktopFileName() == APP_ID
    window = next(w for w in shown if type(w).__name__ == "MainWindow")
    assert {"planner", "companies", "prospects", "closers", "reports", "pipeline"} <= set(
        window._rooms
    )
    assert window.room("companies").isWidgetType()
    wiring = window.findChild(RoomsWiring)
    assert wiring is not None and wiring.restore_action.text() == "&Restore from backup…"
    for widget in shown:
        widget.close()
        widget.deleteLater()


def test_the_first_page_is_painted_before_the_agenda_is_opened(
    qapp: Any, agenda: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def run(*_args: Any) -> int:
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if type(w).__name__ == "MainWindow" and w.isVisible()
        )
        seen["page"] = window.agenda.page
        seen["opened"] = window.source._agenda is not None
        seen["closer"] = window.agenda.closer
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", run)
    assert app.main(["--db", str(agenda.path)]) == 0
    assert seen["page"] is not None and seen["opened"] is False
    assert seen["closer"].name == "Camille Durand"


def test_the_other_rooms_are_hosted_once_the_agenda_is_painted(
    qapp: Any, qtbot: Any, agenda: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The calls come first: the planner, directories, reports, mail and calendar menus (and
    their modules) are built right after the week's first paint, not before it."""
    seen: dict[str, Any] = {}

    def run(*_args: Any) -> int:
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if type(w).__name__ == "MainWindow" and w.isVisible()
        )
        window.agenda.grid.painted.connect(
            lambda: seen.setdefault("hosted at paint", window.findChild(RoomsWiring) is not None)
        )
        qtbot.waitUntil(lambda: window.findChild(RoomsWiring) is not None)
        seen["rooms"] = set(window._rooms)
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", run)
    assert app.main(["--db", str(agenda.path)]) == 0
    assert seen["hosted at paint"] is False
    assert {"planner", "companies", "prospects", "closers", "reports", "pipeline"} <= seen["rooms"]


def test_the_window_fits_a_small_screen(qtbot: Any) -> None:
    """At 1024x700 the whole window is on screen, status bar included (it opened at
    1400x860)."""
    from PySide6.QtWidgets import QWidget

    from closer_desk.app import _fit_screen

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1400, 860)
    screen = window.screen()
    free = screen.availableGeometry()
    _fit_screen(window)
    assert window.width() <= free.width() and window.height() <= free.height()


@pytest.mark.parametrize(
    "argv",
    [[], ["--db", "a.sqlite3"], ["--db=a.sqlite3"], ["--d", "a.sqlite3"], ["x", "--db", "b"]],
)
def test_the_windows_option_reads_as_argparse_reads_it(argv: list[str]) -> None:
    import argparse

    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db", type=Path, default=None)
    assert app._arguments(argv).db == parser.parse_known_args(argv)[0].db
