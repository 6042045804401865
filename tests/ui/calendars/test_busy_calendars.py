"""A closer's busy calendars in the window: listed with their file, events, blocks and last
import; imported again in place; removed through the door (its Changes redraw the views)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from closer_desk.core.model import Changes
from closer_desk.store import Agenda
from closer_desk.store.calendar_import import import_file
from closer_desk.ui.calendars.busy_calendars import BusyCalendarsDialog
from closer_desk.ui.common.source import AgendaSource
from tests.helpers.ics import lone_events_file
from tests.ui.calendars.test_import_report import LONG, _blocks
from tests.ui.conftest import AnsweringPrompts

_file = lone_events_file


def _two_calendars(agenda: Agenda, tmp_path: Path) -> Path:
    """Two busy calendars of the closer: Work (a, b) and home.ics (c); returns Work's file."""
    work = _file(tmp_path, "work.ics", "a", "b")
    import_file(agenda, work, busy=True, source="Work")
    import_file(agenda, _file(tmp_path, "home.ics", "c"), busy=True)
    return work


def _opened(qtbot: QtBot, source: AgendaSource, prompts: AnsweringPrompts) -> BusyCalendarsDialog:
    dialog = BusyCalendarsDialog(source, prompts=prompts)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.listed, timeout=LONG):
        pass
    return dialog


def test_the_list_shows_each_calendar_with_file_events_blocks_and_last_import(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, tmp_path: Path, prompts: AnsweringPrompts
) -> None:
    _two_calendars(agenda, tmp_path)
    dialog = _opened(qtbot, source, prompts)
    model = dialog.model
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert rows == [["home.ics", "home.ics", "1", "1"], ["Work", "work.ics", "2", "2"]]
    # when it was last imported, on the closer's clock (08:00 UTC is 09:00 in Paris)
    assert "9:00" in model.index(1, 4).data()
    assert dialog.closer_box.currentText() == "Camille Durand"
    assert not dialog.reimport_button.isEnabled()  # nothing selected yet


def test_import_again_replaces_the_calendar_in_place(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, tmp_path: Path, prompts: AnsweringPrompts
) -> None:
    _two_calendars(agenda, tmp_path)
    dialog = _opened(qtbot, source, prompts)
    _file(tmp_path, "work.ics", "a", "d")  # b deleted from the calendar, d added
    dialog.select("Work")
    with qtbot.waitSignal(dialog.listed, timeout=LONG):
        importer = dialog.reimport()
        assert importer is not None
    assert importer.report is not None
    assert (importer.report.source, importer.report.added, importer.report.removed) == (
        "Work",
        1,
        1,
    )
    assert sorted(uid for uid, _ in _blocks(agenda)) == ["a", "c", "d"]
    assert [r.source for r in dialog.model.rows()] == ["home.ics", "Work"]


def test_remove_goes_through_the_door_and_redraws(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, tmp_path: Path, prompts: AnsweringPrompts
) -> None:
    _two_calendars(agenda, tmp_path)
    dialog = _opened(qtbot, source, prompts)
    dialog.select("Work")
    prompts.confirms.append(False)
    dialog.remove()  # answered no: nothing happens
    assert len(_blocks(agenda)) == 3
    with (
        qtbot.waitSignal(source.changed, timeout=LONG) as announced,
        qtbot.waitSignal(dialog.listed, timeout=LONG),
    ):
        dialog.remove()
    assert announced.args[0] == Changes(busy=frozenset({agenda.closer().id}))
    assert prompts.asked[-1] == "Remove the calendar “Work” and its 2 busy blocks?"
    assert dialog.status.text() == "Calendar “Work” removed: 2 busy blocks freed."
    assert [uid for uid, _ in _blocks(agenda)] == ["c"]
    assert [r.source for r in dialog.model.rows()] == ["home.ics"]


def test_a_calendar_whose_file_is_gone_says_so(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, tmp_path: Path, prompts: AnsweringPrompts
) -> None:
    path = _file(tmp_path, "gone.ics", "a")
    import_file(agenda, path, busy=True)
    path.unlink()
    dialog = _opened(qtbot, source, prompts)
    dialog.select("gone.ics")
    assert dialog.reimport() is None
    assert "is not there any more" in dialog.status.text()
    assert len(_blocks(agenda)) == 1
