"""The window tells a full disk, a lock or a read-only agenda apart from damage: it says so
(in the user's language), offers no backup (restoring one would lose the latest work), and
keeps what the agenda holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt

from closer_desk.core.errors import AgendaStorageError, StorageProblem
from closer_desk.core.model import Status
from closer_desk.store import durability
from closer_desk.ui.common.prompts import describe
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.shell.backups_dialog import BackupsDialog
from closer_desk.ui.shell.mainwindow import MainWindow
from tests.helpers.cli import dump
from tests.helpers.factories import FakeClock, at, make_agenda
from tests.helpers.filesystems import fill, small_disk
from tests.ui.conftest import settle


@pytest.fixture
def full_disk_window(
    qtbot: Any, tmp_path: Path, tasks: Any, settings: Any, prompts: Any
) -> Iterator[tuple[MainWindow, Any, Any]]:
    with small_disk(tmp_path / "disk") as where:
        agenda = make_agenda(where / "agenda.sqlite3", FakeClock())
        call = agenda.book(
            company="Acme", prospect="Omar", start=at("2026-03-03 10:00", "Europe/Paris")
        )
        window = MainWindow(AgendaSource(agenda, tasks), FakeClock(), settings, prompts=prompts)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        settle(qtbot, tasks)
        fill(where)
        yield window, agenda, call
        tasks.wait()
        agenda.close()


def test_a_write_on_a_full_disk_says_the_disk_is_full(
    qtbot: Any, full_disk_window: tuple[MainWindow, Any, Any], prompts: Any
) -> None:
    window, agenda, call = full_disk_window
    damaged: list[BaseException] = []
    window.on_damaged = damaged.append
    window.agenda.select(call.id)
    prompts.confirms = [True]
    qtbot.keyClick(window, Qt.Key.Key_Delete)
    settle(qtbot, window.source.tasks)
    assert prompts.informed == [
        "The disk holding the agenda is full: nothing was saved. "
        "Free some space and try again (the agenda is not damaged)."
    ]
    assert damaged == []  # no backup offered
    assert agenda.appointment(call.id).status == Status.PLANNED


def test_the_window_opens_on_a_full_disk(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from closer_desk import app

    shown: list[Any] = []
    dialogs: list[str] = []
    for kind in ("critical", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text: dialogs.append(text))

    def run(*_args: Any) -> int:
        shown.extend(w for w in QApplication.topLevelWidgets() if w.isVisible())
        for window in shown:  # what the window reads first, read to the end
            qtbot.waitUntil(lambda w=window: not w.source.tasks.is_busy(), timeout=10000)
        return 0

    monkeypatch.setattr(QApplication, "exec", run)
    with small_disk(tmp_path / "disk") as where:
        path = where / "agenda.sqlite3"
        make_agenda(path, FakeClock()).close()
        fill(where)
        assert app.main(["--db", str(path)]) == 0
        assert dialogs == []
        assert [type(w).__name__ for w in shown] == ["MainWindow"]
        # The agenda was read (with its index in memory: no room for a -shm).
        assert [c.name for c in shown[0].source.directory.closers] == ["Camille Durand"]
        # Gone, with its timers and worker, before the disk is.
        for widget in shown:
            widget.close()
            widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_restore_on_a_full_disk_says_the_disk_is_full(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    with small_disk(tmp_path / "disk") as where:
        path = where / "agenda.sqlite3"
        make_agenda(path, FakeClock()).close()
        durability.backup_now(path, FakeClock().now.date())
        before = dump(path)
        ballast = fill(where)
        dialog = BackupsDialog(path, lambda: None, lambda: None, confirm=lambda *_: True)
        qtbot.addWidget(dialog)
        dialog.backups.setCurrentRow(0)
        assert not dialog.restore_selected()
        ballast.unlink()
        assert dump(path) == before
    assert warned == [
        "Not restored: The disk holding the agenda is full: nothing was saved. "
        "Free some space and try again (the agenda is not damaged)."
    ]


@pytest.mark.parametrize(
    ("problem", "words"),
    [
        (StorageProblem.FULL, "est plein"),
        (StorageProblem.IO, "disk I/O error"),
        (StorageProblem.READ_ONLY, "lecture seule"),
        (StorageProblem.READ_ONLY_OLD, "plus ancienne"),
        (StorageProblem.BUSY, "autre programme"),
    ],
)
def test_each_storage_problem_has_its_own_french_sentence(
    french: None, problem: StorageProblem, words: str
) -> None:
    text = describe(AgendaStorageError("/x/agenda.sqlite3", problem, "disk I/O error"))
    assert words in text and "endommagé" not in text.replace("n’est pas endommagé", "")
