"""A closer's busy calendars as the window lists them (where and when each was last imported),
removed with their origin; Cancel honoured while the file's zones are read and while the
blocks are written (the transaction rolls back)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from closer_desk.core.ics.importing import ImportCancelled, parse_calendar
from closer_desk.store import Agenda
from closer_desk.store.busy import busy_calendars, remove_busy_source
from closer_desk.store.calendar_import import READING, WRITING, import_file
from tests.helpers.factories import NOW
from tests.helpers.hostile import many_transitions
from tests.helpers.ics import calendar, lone_events, options
from tests.store.test_import import WIDE, blocks, write

FREE = "UID:free\nDTSTART:20260305T100000Z\nDTEND:20260305T110000Z\nTRANSP:TRANSPARENT"


def test_a_busy_import_remembers_its_file_when_and_how_manylone_events(
    agenda: Agenda, tmp_path: Path
) -> None:
    work = write(tmp_path, "work.ics", lone_events("a", "b"))
    import_file(agenda, work, busy=True, source="Work")
    import_file(agenda, write(tmp_path, "free.ics", calendar(FREE)), busy=True)
    listed = busy_calendars(agenda)
    assert [(c.source, c.blocks, c.events, c.file) for c in listed] == [
        ("free.ics", 0, 1, str(tmp_path / "free.ics")),
        ("Work", 2, 2, str(work)),
    ]
    assert listed[1].imported == NOW and listed[0].first is None


def test_removing_a_source_forgets_its_origin_even_without_blocks(
    agenda: Agenda, tmp_path: Path
) -> None:
    import_file(agenda, write(tmp_path, "free.ics", calendar(FREE)), busy=True)
    import_file(agenda, write(tmp_path, "w.ics", lone_events("a")), busy=True)
    agenda.take_changes()
    assert remove_busy_source(agenda, "free.ics", closer=agenda.closer().id) == 0
    assert agenda.take_changes().busy == {agenda.closer().id}
    assert remove_busy_source(agenda, "w.ics") == 1
    assert busy_calendars(agenda) == []


def test_a_reimport_in_place_updates_the_origin(agenda: Agenda, tmp_path: Path) -> None:
    path = write(tmp_path, "w.ics", lone_events("a", "b", "c"))
    import_file(agenda, path, busy=True)
    write(tmp_path, "w.ics", lone_events("a"))
    report = import_file(agenda, path, busy=True, source="w.ics")
    assert (report.removed, [c.events for c in busy_calendars(agenda)]) == (2, [1])


def test_cancel_while_writing_rolls_the_whole_import_back(agenda: Agenda, tmp_path: Path) -> None:
    path = write(tmp_path, "w.ics", lone_events("a", "b"))
    stages: list[str] = []
    writing = lambda: stages[-1:] == [WRITING]  # noqa: E731 - true once the write began
    asked = itertools.count()
    # True at the second check of the write: the first bulk insert has run in the transaction.
    with pytest.raises(ImportCancelled):
        import_file(
            agenda,
            path,
            busy=True,
            stage=stages.append,
            cancelled=lambda: writing() and next(asked) >= 1,
        )
    assert stages == [READING, WRITING]
    assert blocks(agenda) == [] and busy_calendars(agenda) == []
    assert len(agenda.busy_blocks(agenda.closer().id, *WIDE)) == 0


def test_cancel_is_heard_while_a_huge_vtimezone_is_read() -> None:
    asked = itertools.count()
    with pytest.raises(ImportCancelled) as raised:
        # after decoding and splitting (two checks), the next check is inside the zone
        parse_calendar(many_transitions(20_000), options(), cancelled=lambda: next(asked) >= 3)
    assert any("vtimezone" in str(entry.path) for entry in raised.traceback)
