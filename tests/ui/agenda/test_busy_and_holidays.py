"""Imported busy time drawn on the grid (hatched, with its calendar's name), and public
holidays in the day headers: the closer's, and the selected prospect's told apart."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint

from closer_desk.core.calendar_views import View
from closer_desk.store.calendar_import import import_file
from closer_desk.ui.shell.mainwindow import MainWindow
from tests.helpers.factories import at
from tests.ui.agenda.conftest import open_window
from tests.ui.conftest import settle

DENTIST = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:dentist-1@test\r\nDTSTAMP:20260301T000000Z\r\n"
    "DTSTART:20260304T090000Z\r\nDTEND:20260304T100000Z\r\nSUMMARY:Dentist\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.fixture
def window(qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any) -> MainWindow:
    return open_window(qtbot, source, clock, settings, prompts, rooms=False)


def test_imported_busy_time_is_drawn_with_its_calendars_name(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    grid = window.agenda.grid
    assert grid.busy == []
    calendar = tmp_path / "google.ics"
    calendar.write_text(DENTIST, newline="")
    # Imported through the door, as the Calendar menu does: the grid reads its page again.
    window.source.write(None, lambda agenda: import_file(agenda, calendar, busy=True))
    settle(qtbot, window.source.tasks)
    assert [(b.day_index, b.start, b.end, b.label) for b in grid.busy] == [
        (2, 10 * 60, 11 * 60, "google.ics")  # 09:00-10:00 UTC is 10:00-11:00 in Paris
    ]
    grid.scroll_to_minutes(9 * 60)
    middle = grid.point_at(2, 10 * 60 + 30)
    text = grid.tooltip_at(middle).replace("\u202f", " ")
    assert text == "Busy 10:00 AM–11:00 AM (imported from google.ics)\nDentist"
    assert grid.block_at(middle) is None
    grid.viewport().repaint()
    # In the Day view too, and not on another day.
    window.set_view(View.DAY)
    settle(qtbot, window.source.tasks)
    assert grid.busy == []  # Monday
    window.agenda.set_date(date(2026, 3, 4))
    settle(qtbot, window.source.tasks)
    assert [b.label for b in grid.busy] == ["google.ics"]


def test_holidays_of_the_closer_and_of_the_selected_prospect_in_the_headers(
    qtbot: Any, window: MainWindow, agenda: Any
) -> None:
    call = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-04-02 16:00", "Europe/Paris")
    )
    room, grid = window.agenda, window.agenda.grid
    room.set_date(date(2026, 4, 2))
    settle(qtbot, window.source.tasks)
    friday = grid.days.index(date(2026, 4, 3))
    assert grid.holidays[friday] is None  # Good Friday is no holiday in France
    height = grid.header_height
    room.select(call.id)  # Gabriel is in Québec: their Good Friday is marked
    marks = grid.holidays[friday]
    assert marks is not None and (marks.closer, marks.prospect) == ("", "Good Friday")
    assert marks.prospect_country == "CA"
    assert grid.header_height == height  # the header keeps its height: the grid stays put
    top = QPoint(int(grid.x_of(friday) + grid.column_width() / 2), 5)
    assert grid.tooltip_at(top) == "CA: Good Friday"
    grid.viewport().repaint()
    # The next week: Easter Monday, a holiday in France (the closer's, from their zone).
    room.step(7)
    settle(qtbot, window.source.tasks)
    monday = grid.holidays[0]
    assert monday is not None and monday.closer == "Easter Monday"
    assert grid.tooltip_at(QPoint(int(grid.x_of(0) + 10), 5)) == "Easter Monday"
    window.set_view(View.MONTH)
    assert room.month.holidays[date(2026, 4, 6)].closer == "Easter Monday"


def test_holiday_names_in_french(
    qtbot: Any, french: Any, source: Any, clock: Any, settings: Any, prompts: Any
) -> None:
    win = open_window(qtbot, source, clock, settings, prompts, rooms=False)
    win.agenda.set_date(date(2026, 4, 6))
    settle(qtbot, source.tasks)
    assert win.agenda.grid.holidays[0].closer == "Lundi de Pâques"


def test_the_holidays_tables_load_on_the_worker_after_the_first_paint(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, monkeypatch: Any
) -> None:
    # As at the app's start: the tables (every country's module, a third of a second) are not
    # loaded yet. The window paints its days unmarked first, then the worker loads them.
    import threading

    from closer_desk.core import day_marks
    from closer_desk.ui.agenda import holiday_marks

    monkeypatch.setattr(day_marks, "_loaded", False)
    loads: list[tuple[bool, int]] = []
    win = MainWindow(source, clock, settings, prompts=prompts)
    qtbot.addWidget(win)
    grid = win.agenda.grid

    def load() -> None:
        loads.append((threading.current_thread() is threading.main_thread(), grid.paint_count))
        day_marks.load_holidays()

    monkeypatch.setattr(holiday_marks, "load_holidays", load)
    settle(qtbot, source.tasks)
    win.agenda.set_date(date(2026, 4, 6))  # Easter Monday, a holiday in France
    settle(qtbot, source.tasks)
    assert loads == []  # nothing painted yet: nothing loaded, the days unmarked
    assert all(marks is None for marks in grid.holidays)
    win.resize(1400, 900)
    win.show()
    qtbot.waitUntil(lambda: bool(loads), timeout=10_000)
    settle(qtbot, source.tasks)
    ((on_gui_thread, paints),) = loads  # once, off the GUI thread, after the first paint
    assert not on_gui_thread and paints >= 1
    assert grid.holidays[0] is not None and grid.holidays[0].closer == "Easter Monday"
    win.agenda.step(7)  # from then on, at once
    assert len(loads) == 1
    win.agenda.step(-7)
    assert grid.holidays[0] is not None and grid.holidays[0].closer == "Easter Monday"


def test_a_failed_load_of_the_holidays_tables_is_tried_again_at_the_next_page(
    qtbot: Any, window: MainWindow, monkeypatch: Any
) -> None:
    from closer_desk.core import day_marks
    from closer_desk.ui.agenda import holiday_marks

    monkeypatch.setattr(day_marks, "_loaded", False)
    tries: list[int] = []

    def load() -> None:
        tries.append(1)
        if len(tries) == 1:
            raise OSError("a package file could not be read")
        day_marks.load_holidays()

    monkeypatch.setattr(holiday_marks, "load_holidays", load)
    failed: list[BaseException] = []
    window.source.failed.connect(failed.append)
    room, grid = window.agenda, window.agenda.grid
    room.set_date(date(2026, 3, 30))
    settle(qtbot, window.source.tasks)
    assert tries == [1] and failed == []  # no error dialog for an ornament
    assert all(marks is None for marks in grid.holidays)
    room.step(7)  # the week of Easter Monday: asked again, and marked
    settle(qtbot, window.source.tasks)
    assert len(tries) == 2
    assert grid.holidays[0] is not None and grid.holidays[0].closer == "Easter Monday"
