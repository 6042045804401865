"""The Month and Work week views: their keys (M, X) beside D, W and L in the View menu, the
days they show, paging by month, a day opened from the month."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt

from closer_desk.core.calendar_views import View
from closer_desk.ui.shell.mainwindow import MainWindow
from tests.helpers.factories import at
from tests.ui.agenda.conftest import open_window
from tests.ui.conftest import settle


@pytest.fixture
def window(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, agenda: Any
) -> MainWindow:
    agenda.book(company="Acme", prospect="Gabriel", start=at("2026-03-04 10:00", "Europe/Paris"))
    agenda.book(company="Érable", prospect="Omar", start=at("2026-03-20 15:30", "Europe/Paris"))
    agenda.book(company="Acme", prospect="Haruto", start=at("2026-04-08 09:00", "Europe/Paris"))
    return open_window(qtbot, source, clock, settings, prompts, rooms=False)


def test_the_view_menu_has_month_and_work_week_with_their_keys(window: MainWindow) -> None:
    shown = [(a.text(), a.shortcut().toString()) for a in window.menu("view").actions()][:5]
    assert shown == [
        ("&Day", "D"),
        ("W&ork week", "X"),
        ("&Week", "W"),
        ("&Month", "M"),
        ("&List", "L"),
    ]


def test_keys_switch_to_the_month_and_the_work_week(qtbot: Any, window: MainWindow) -> None:
    room = window.agenda
    room.grid.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_X)
    settle(qtbot, window.source.tasks)
    assert room.view == View.WORK_WEEK and window.work_week_action.isChecked()
    assert room.grid.days == [date(2026, 3, d) for d in range(2, 7)]  # Monday to Friday
    assert "Week of" in window.heading.text()
    qtbot.keyClick(window, Qt.Key.Key_M)
    settle(qtbot, window.source.tasks)
    assert room.view == View.MONTH and room.views.currentWidget() is room.month
    assert window.month_action.isChecked() and "March 2026" in window.heading.text()
    month = room.month
    assert month.days[0] == date(2026, 2, 23) and len(month.days) == 42
    assert [e.prospect_name for e in month.by_day[date(2026, 3, 20)]] == ["Omar Haddad"]
    # The grid of March ends with its last week: the 8th of April is not in it.
    assert month.days[-1] == date(2026, 4, 5) and date(2026, 4, 8) not in month.by_day


def test_the_month_pages_by_month_and_opens_a_day(qtbot: Any, window: MainWindow) -> None:
    room = window.agenda
    window.set_view(View.MONTH)
    settle(qtbot, window.source.tasks)
    # The toolbar's ◀ ▶ page by the view.
    forward = next(a for a in window.navigation.actions() if a.text() == "▶")
    forward.trigger()
    settle(qtbot, window.source.tasks)
    assert room.day == date(2026, 4, 2) and "April 2026" in window.heading.text()
    assert [e.prospect_name for e in room.month.by_day[date(2026, 4, 8)]] == ["Haruto Sato"]
    room.month.resize(900, 600)
    room.month.repaint()
    # A click on the day's number opens that day.
    number = next(r for r, d in room.month.day_rects if d == date(2026, 4, 8))
    qtbot.mouseClick(room.month, Qt.MouseButton.LeftButton, pos=number.center().toPoint())
    settle(qtbot, window.source.tasks)
    assert room.view == View.DAY and room.day == date(2026, 4, 8)
    assert window.day_action.isChecked() and not window.month_action.isChecked()


def test_a_call_is_picked_and_opened_from_the_month(qtbot: Any, window: MainWindow) -> None:
    room = window.agenda
    window.set_view(View.MONTH)
    settle(qtbot, window.source.tasks)
    room.month.repaint()
    line, entry = next((r, e) for r, e in room.month.call_rects if e.prospect_name == "Omar Haddad")
    with qtbot.waitSignal(room.month.selected):
        qtbot.mouseClick(room.month, Qt.MouseButton.LeftButton, pos=line.center().toPoint())
    assert room.selected_id == entry.appointment.id
    assert room.details.title.text() == "Omar Haddad"
    assert "Omar Haddad" in room.month.tooltip_at(QPointF(line.center()))
    qtbot.mouseDClick(room.month, Qt.MouseButton.LeftButton, pos=line.center().toPoint())
    assert room.editor is not None and room.editor.appointment == entry.appointment
    room.editor.reject()


def test_the_work_week_and_month_follow_the_week_start(qtbot: Any, window: MainWindow) -> None:
    room = window.agenda
    room.set_week_start(6)  # a locale whose weeks start on Sunday
    room.set_date(date(2026, 3, 8))
    window.set_view(View.WORK_WEEK)
    settle(qtbot, window.source.tasks)
    assert room.grid.days == [date(2026, 3, d) for d in range(9, 14)]
    window.set_view(View.WEEK)
    assert room.grid.days[0] == date(2026, 3, 8)
    window.set_view(View.MONTH)
    assert room.month.days[0] == date(2026, 3, 1)
