"""The import dialog's report (skipped events with line, UID and reason; warnings; counts in
plurals, in English and French), Cancel in every stage of an import (nothing stored, the
window says so), and hostile files ending with a clear result."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from pytestqt.qtbot import QtBot

from closer_desk.store import Agenda
from closer_desk.store.busy import busy_calendars
from closer_desk.store.calendar_import import READING, WRITING
from closer_desk.ui.calendars.importing import ISOLATE_FROM, ImportDialog
from closer_desk.ui.common.source import AgendaSource
from tests.helpers import hostile
from tests.helpers.ics import ICS_DIR
from tests.ui.calendars.test_import_and_invites import WIDE, _many

LONG = 30_000  # a bound for a stuck import, not a speed budget


def _blocks(agenda: Agenda) -> list[tuple[str, datetime]]:
    return [(b.uid, b.start) for b in agenda.busy_blocks(agenda.closer().id, *WIDE)]


def _dialog(qtbot: QtBot, source: AgendaSource) -> ImportDialog:
    dialog = ImportDialog(source)
    qtbot.addWidget(dialog)
    return dialog


def _imported(qtbot: QtBot, dialog: ImportDialog, path: Path, **kwargs: Any) -> None:
    dialog.start(path, busy=True, **kwargs)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=LONG)


def test_the_report_lists_the_skipped_event_with_line_uid_and_reason(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource
) -> None:
    dialog = _dialog(qtbot, source)
    _imported(qtbot, dialog, ICS_DIR / "broken_impossible_date.ics")
    assert dialog.report is not None and dialog.report.added == 1
    assert "1 added" in dialog.status.text() and "Camille Durand" in dialog.status.text()
    assert dialog.skipped_title.text() == "1 event skipped:"
    model = dialog.skipped
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells == ["11", "bad@example.com", "impossible or malformed date “20260230T090000Z”"]
    assert model.rowCount() == 1 and not dialog.skipped_view.isHidden()


def test_warnings_are_shown_and_a_clean_file_shows_no_list(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource
) -> None:
    dialog = _dialog(qtbot, source)
    _imported(qtbot, dialog, ICS_DIR / "not_utf8_windows_1252.ics")
    assert "read as Windows-1252" in dialog.notes.text() and not dialog.notes.isHidden()
    assert dialog.skipped_view.isHidden()
    _imported(qtbot, dialog, ICS_DIR / "rrule_empty.ics")
    assert dialog.notes.text() == (
        "Line 7: an empty RRULE, read as a single event (empty-rrule@example.com)."
    )


def test_free_events_are_told_apart_from_the_skipped_ones(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, tmp_path: Path
) -> None:
    from tests.cli.test_busy_cli import FREE_AND_BROKEN

    path = tmp_path / "google.ics"
    path.write_text(FREE_AND_BROKEN, newline="")
    dialog = _dialog(qtbot, source)
    _imported(qtbot, dialog, path)
    assert "1 event marked free: it blocks no time." in dialog.notes.text()
    assert dialog.skipped_title.text() == "1 event skipped:"
    assert [dialog.skipped.index(r, 1).data() for r in range(dialog.skipped.rowCount())] == [
        "broken@google"
    ]


def test_the_report_in_french_with_plurals(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, tmp_path: Path, french: list[Any]
) -> None:
    dialog = _dialog(qtbot, source)
    _imported(qtbot, dialog, _many(tmp_path, 2), name="Travail")
    text = dialog.status.text()
    assert "2 événements lus pour Camille Durand" in text and "« Travail »" in text
    assert "2 ajoutés" in text and "0 supprimé" in text
    _imported(qtbot, dialog, ICS_DIR / "broken_impossible_date.ics")
    assert dialog.skipped_title.text() == "1 événement ignoré :"
    assert dialog.skipped.index(0, 2).data().startswith("date impossible")
    _imported(qtbot, dialog, ICS_DIR / "broken_structure.ics")
    assert dialog.status.text().startswith("Calendrier refusé, rien n’a été importé : ligne 9")


class _Canceller(QObject):
    """Presses Cancel on the GUI thread while the worker waits (a blocking queued call): the
    import is cancelled exactly in the stage the worker announced."""

    def __init__(self, dialog: ImportDialog, when: Callable[..., bool]) -> None:
        super().__init__()
        self.dialog, self.when, self.pressed = dialog, when, 0

    @Slot(str)
    def on_stage(self, stage: str) -> None:
        self._maybe(stage)

    @Slot(int, int)
    def on_progress(self, done: int, total: int) -> None:
        self._maybe(done, total)

    def _maybe(self, *args: object) -> None:
        if not self.pressed and self.when(*args):
            self.pressed += 1
            self.dialog.cancel()


STAGES = {
    # the stage announced, the file, the signal followed
    "reading a huge VTIMEZONE": (
        lambda stage: stage == READING,
        lambda tmp: _hostile(tmp, hostile.many_transitions(20_000)),
        "staged",
    ),
    "parsing in process": (
        lambda done, total: done < total,
        lambda tmp: _many(tmp, 400),
        "progressed",
    ),
    "parsing in the pool": (
        lambda done, total: done < total,
        lambda tmp: _many(tmp, 3000),
        "progressed",
    ),
    "writing": (lambda stage: stage == WRITING, lambda tmp: _many(tmp, 400), "staged"),
}


def _hostile(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "hostile.ics"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("stage", list(STAGES))
def test_cancel_in_every_stage_stores_nothing_and_says_so(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, tmp_path: Path, stage: str
) -> None:
    dialog = _dialog(qtbot, source)
    _imported(qtbot, dialog, _many(tmp_path, 2), name="Work")
    before, calendars = _blocks(agenda), busy_calendars(agenda)
    when, make, signal = STAGES[stage]
    canceller = _Canceller(dialog, when)
    slot = canceller.on_stage if signal == "staged" else canceller.on_progress
    relayed = getattr(dialog.relay, signal)
    relayed.connect(slot, Qt.ConnectionType.BlockingQueuedConnection)
    announced: list[object] = []
    source.changed.connect(announced.append)
    try:
        with qtbot.waitSignal(dialog.stopped, timeout=LONG):
            dialog.start(make(tmp_path), busy=True, name="Work")
        qtbot.waitUntil(lambda: not dialog.is_running(), timeout=LONG)
    finally:
        # Never leave the worker waiting on this thread: the dialog's teardown waits for the
        # worker, and a blocking call still queued would hold both for ever.
        relayed.disconnect(slot)
        QCoreApplication.processEvents()
    assert canceller.pressed == 1
    assert dialog.report is None and announced == []
    assert dialog.status.text() == (
        "Import cancelled: nothing was imported, the agenda is unchanged."
    )
    assert _blocks(agenda) == before and busy_calendars(agenda) == calendars
    assert dialog.cancel_button.text() == "Close" and dialog.import_button.isEnabled()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("unclosed_events", "Calendar refused, nothing imported: line 4: BEGIN and END"),
        ("minutely_vtimezone", "2 events skipped:"),
        ("years_1_and_9999", "8 events skipped:"),
    ],
)
def test_hostile_files_end_with_a_clear_result(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, tmp_path: Path, name: str, expected: str
) -> None:
    data = {
        "unclosed_events": lambda: hostile.unclosed_events(20_000),
        "minutely_vtimezone": lambda: hostile.frequent_vtimezone("MINUTELY", 2),
        "years_1_and_9999": hostile.far_years,
    }[name]()
    dialog = _dialog(qtbot, source)
    _imported(qtbot, dialog, _hostile(tmp_path, data))
    shown = dialog.status.text() + "\n" + dialog.skipped_title.text()
    assert expected in shown
    if dialog.report is None:
        assert _blocks(agenda) == [] and "\n" not in dialog.status.text()


def test_a_big_file_is_read_in_a_worker_process_not_beside_the_gui(
    qtbot: QtBot,
    agenda: Agenda,
    source: AgendaSource,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from closer_desk.core.ics import importing

    def here(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed in the window's process: its long scans stall the GUI")

    # the worker processes come from a server that imported the parser before this patch
    monkeypatch.setattr(importing, "parse_calendar", here)
    dialog = _dialog(qtbot, source)
    _imported(qtbot, dialog, _hostile(tmp_path, hostile.rdate_flood(2 * ISOLATE_FROM)))
    assert dialog.report is not None, dialog.status.text()
    assert (dialog.report.added, dialog.skipped.index(0, 2).data()) == (
        1,
        "it repeats more than 20000 times within the import's horizon",
    )
