"""The import dialog (progress to the end, cancel writes nothing, one write through the door)
and the invite actions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from closer_desk.core.model import Changes
from closer_desk.store import Agenda
from closer_desk.ui.calendars.importing import ImportDialog
from closer_desk.ui.calendars.invites import ICS_MIME, invite_data, put_on_clipboard
from closer_desk.ui.common.source import AgendaSource
from tests.helpers.factories import at
from tests.helpers.ics import ICS_DIR, calendar

WIDE = (datetime(2025, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))


def _blocks(agenda: Agenda) -> int:
    return len(agenda.busy_blocks(agenda.closer().id, *WIDE))


def _many(tmp_path: Path, count: int) -> Path:
    start = datetime(2026, 3, 2, 8, tzinfo=UTC)
    events = [
        f"UID:u{i}@x\nDTSTART:{start + timedelta(minutes=30 * i):%Y%m%dT%H%M%SZ}\nDURATION:PT30M"
        for i in range(count)
    ]
    path = tmp_path / "many.ics"
    path.write_text(calendar(*events), encoding="utf-8", newline="")
    return path


def test_import_runs_to_the_end_with_progress(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, tmp_path: Path
) -> None:
    dialog = ImportDialog(source)
    qtbot.addWidget(dialog)
    seen: list[tuple[int, int]] = []
    dialog.progress.valueChanged.connect(lambda v: seen.append((v, dialog.progress.maximum())))
    with (
        qtbot.waitSignal(source.changed, timeout=30_000) as announced,
        qtbot.waitSignal(dialog.imported, timeout=30_000) as blocker,
    ):
        dialog.start(_many(tmp_path, 400), busy=True)
    report = blocker.args[0]
    # One write through the door, which says what it changed: the closer's busy time.
    assert announced.args[0] == Changes(busy=frozenset({agenda.closer().id}))
    assert report.added == 400
    qtbot.waitUntil(lambda: not dialog.is_running())
    assert dialog.progress.value() == dialog.progress.maximum()
    # the bar moved with the parsing, up to every event of the file
    assert (400, 400) in seen
    assert [v for v, m in seen if m == 400] == sorted(v for v, m in seen if m == 400)
    assert "400 added" in dialog.status.text()
    assert _blocks(agenda) == 400


def test_cancel_leaves_the_agenda_unchanged(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, tmp_path: Path
) -> None:
    dialog = ImportDialog(source)
    qtbot.addWidget(dialog)
    path = _many(tmp_path, 3000)
    # cancelled straight after the start: the worker stops at its next check, before writing
    dialog.start(path, busy=True)
    dialog.cancel()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=30_000)
    assert dialog.report is None
    assert "cancelled" in dialog.status.text()
    assert _blocks(agenda) == 0


def test_broken_file_is_refused_with_the_line(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource
) -> None:
    dialog = ImportDialog(source)
    qtbot.addWidget(dialog)
    dialog.start(ICS_DIR / "broken_structure.ics", busy=True)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=30_000)
    text = dialog.status.text()
    # one line: where and why, never the file's own text
    assert "line 9:" in text and "nothing imported" in text and "\n" not in text
    assert _blocks(agenda) == 0


def test_an_invite_and_the_clipboard(qtbot: QtBot, agenda: Agenda, tmp_path: Path) -> None:
    call = agenda.book(
        company="Acme", prospect="Omar Haddad", start=at("2026-03-03 15:00", "Europe/Paris")
    )
    data, name = invite_data(agenda, call.id)
    assert b"METHOD:REQUEST" in data and name.startswith(f"invite-{call.id}-")
    put_on_clipboard(data)
    mime = QGuiApplication.clipboard().mimeData()
    assert bytes(mime.data(ICS_MIME).data()) == data
    assert call.uid in mime.text()
