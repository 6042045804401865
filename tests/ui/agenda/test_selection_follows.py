"""The details follow the selection in every view: a call the view no longer shows (another
month, cancelled, left out by the search) is no longer selected; the days no longer carry
the holidays of its prospect; and a tooltip naming a call goes when the call moves."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from closer_desk.core.calendar_views import View
from closer_desk.ui.shell.mainwindow import MainWindow
from tests.helpers.factories import at
from tests.ui.agenda.conftest import open_window
from tests.ui.conftest import settle


@pytest.fixture
def window(qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any) -> MainWindow:
    return open_window(qtbot, source, clock, settings, prompts, rooms=False)


@pytest.fixture
def call(agenda: Any) -> Any:
    # Gabriel is in Québec: Good Friday (3 April) and National Patriots' Day (18 May) are
    # their holidays, not the closer's in Paris.
    return agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-04-02 16:00", "Europe/Paris")
    )


def in_view(qtbot: Any, window: MainWindow, view: View, call: Any) -> Any:
    """The agenda room on 2 April 2026 in ``view``, ``call`` selected."""
    room = window.agenda
    room.set_date(date(2026, 4, 2))
    window.set_view(view)
    settle(qtbot, window.source.tasks)
    room.select(call.id)
    assert room.details.entry is not None
    return room


def test_a_call_cancelled_in_the_month_leaves_the_details(
    qtbot: Any, window: MainWindow, call: Any
) -> None:
    room = in_view(qtbot, window, View.MONTH, call)
    room.operations.cancel(room.selected_entry().appointment, "Gabriel")
    settle(qtbot, window.source.tasks)
    assert room.details.entry is None
    assert room.selected_id is None and room.month.selected_id is None
    assert not room.month.shows(call.id)  # the month leaves cancelled calls out


def test_the_days_of_another_page_carry_no_holidays_of_a_call_left_behind(
    qtbot: Any, window: MainWindow, call: Any
) -> None:
    room, grid = window.agenda, window.agenda.grid
    room.set_date(date(2026, 4, 2))
    settle(qtbot, window.source.tasks)
    room.select(call.id)
    friday = grid.days.index(date(2026, 4, 3))
    assert grid.holidays[friday] is not None and grid.holidays[friday].prospect_country == "CA"
    room.set_date(date(2026, 5, 18))  # the call is not in this week
    settle(qtbot, window.source.tasks)
    monday = grid.holidays[grid.days.index(date(2026, 5, 18))]
    assert monday is None or not monday.prospect  # no "CA: National Patriots' Day"
    assert room.details.entry is None and room.selected_id is None
    assert grid.tooltip_at(QPoint(int(grid.x_of(0) + 10), 5)) == ""
    window.set_view(View.MONTH)
    settle(qtbot, window.source.tasks)
    assert not any(m.prospect for m in room.month.holidays.values())


def test_a_call_left_out_by_the_search_leaves_the_details(
    qtbot: Any, window: MainWindow, call: Any, agenda: Any
) -> None:
    other = agenda.book(
        company="Érable", prospect="Omar", start=at("2026-04-02 10:00", "Europe/Paris")
    )
    room = in_view(qtbot, window, View.LIST, call)
    room.set_search("Omar")
    assert room.details.entry is None
    assert room.list_view.shows(other.id) and not room.list_view.shows(call.id)


def test_a_tooltip_naming_a_call_goes_when_the_call_moves(
    qtbot: Any, window: MainWindow, call: Any
) -> None:
    room, month = window.agenda, window.agenda.month
    room.set_date(date(2026, 4, 2))
    window.set_view(View.MONTH)
    settle(qtbot, window.source.tasks)
    month.repaint()
    line = next(r for r, e in month.call_rects if e.appointment.id == call.id)
    pos = line.center().toPoint()
    QApplication.sendEvent(month, QHelpEvent(QEvent.Type.ToolTip, pos, month.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    before = QToolTip.text()
    assert "Gabriel" in before
    room.operations.move(call, datetime(2026, 4, 9, 11, 0), call.minutes, "Europe/Paris")
    settle(qtbot, window.source.tasks)
    qtbot.waitUntil(lambda: not QToolTip.isVisible() or QToolTip.text() != before)
    assert month.call_at(line.center()) is None  # the line was the old page's


def test_the_selected_call_of_a_full_day_is_on_show_in_the_month(
    qtbot: Any, window: MainWindow, agenda: Any
) -> None:
    calls = [
        agenda.book(
            company="Acme",
            prospect="Gabriel",
            start=at(f"2026-04-02 {8 + n // 2:02d}:{30 * (n % 2):02d}", "Europe/Paris"),
            minutes=30,
        )
        for n in range(20)
    ]
    room, month = window.agenda, window.agenda.month
    room.set_date(date(2026, 4, 2))
    window.set_view(View.MONTH)
    settle(qtbot, window.source.tasks)
    month.repaint()
    painted = {e.appointment.id for _r, e in month.call_rects}
    assert calls[-1].id not in painted  # the day is full: "+n more"
    room.select(calls[-1].id)
    month.repaint()
    assert calls[-1].id in {e.appointment.id for _r, e in month.call_rects}
    assert room.details.entry is not None
