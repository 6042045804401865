"""Everything where a user expects it: the rooms list their rows when first opened, focus
starts on the agenda, bare-key shortcuts leave text fields alone, Escape leaves the search,
the view buttons follow the view."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from closer_desk.ui.agenda.model import ENTRY_ROLE
from closer_desk.ui.agenda.room import View
from closer_desk.ui.shell.mainwindow import MainWindow
from tests.helpers.factories import at
from tests.ui.conftest import settle


@pytest.mark.parametrize(
    ("key", "room", "rows"), [("companies", "Companies", 2), ("prospects", "Prospects", 3)]
)
def test_a_directory_room_lists_its_rows_the_first_time_it_is_opened(
    qtbot: Any, window: MainWindow, key: str, room: str, rows: int
) -> None:
    # A fresh start: nothing was written since the window opened.
    action = next(a for a in window.menu("go").actions() if a.text() == room)
    action.trigger()
    shown = window.room(key)
    qtbot.waitUntil(lambda: shown.model.rowCount() == rows)


def test_the_closers_room_lists_the_closer_on_first_show(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    closers = window.room("closers")
    qtbot.waitUntil(lambda: closers.model.rowCount() == 1)
    assert closers.model.row_at(0).name == "Camille Durand"


def test_focus_starts_on_the_agenda_so_d_switches_to_the_day_view(
    qtbot: Any, window: MainWindow
) -> None:
    focused = QApplication.focusWidget()
    assert focused is not window.sidebar.search
    assert focused is not None and window.agenda.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_D)
    assert window.agenda.view == View.DAY
    assert window.sidebar.search.text() == ""


def test_bare_keys_type_into_a_text_field_instead_of_switching_views(
    qtbot: Any, window: MainWindow
) -> None:
    search = window.sidebar.search
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClicks(search, "dwlt")
    assert search.text() == "dwlt"
    assert window.agenda.view == View.WEEK
    day = window.agenda.day
    qtbot.keyClick(search, Qt.Key.Key_Left)
    qtbot.keyClick(search, Qt.Key.Key_Delete)
    assert search.text() == "dwl"  # Delete erased a letter: no call was cancelled
    assert window.agenda.day == day  # Left moved the cursor, not the agenda


def test_escape_clears_the_search_and_goes_back_to_the_agenda(
    qtbot: Any, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.sidebar.search
    assert search.hasFocus()
    qtbot.keyClicks(search, "omar")
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert window.current_room() == "agenda"
    focused = QApplication.focusWidget()
    assert focused is not None and window.agenda.isAncestorOf(focused)


def test_the_view_buttons_show_the_view_in_front(qtbot: Any, window: MainWindow) -> None:
    window.agenda.set_view(View.LIST)  # the agenda switched by itself (no button pressed)
    settle(qtbot, window.source.tasks)
    assert window.list_action.isChecked() and not window.week_action.isChecked()
    window.agenda.set_view(View.DAY)
    assert window.day_action.isChecked()


def _search(qtbot: Any, window: MainWindow, text: str) -> None:
    window.focus_search()
    with qtbot.waitSignal(window.search_page.searched, timeout=10_000):
        qtbot.keyClicks(window.sidebar.search, text)


def test_the_search_finds_every_call_past_and_future_listed_by_date(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any
) -> None:
    long_ago = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2024-05-06 10:00", "Europe/Paris")
    )
    next_year = agenda.book(
        company="Érable", prospect="Gabriel", start=at("2027-09-14 16:00", "Europe/Paris")
    )
    _search(qtbot, window, "tremblay")
    page = window.search_page
    assert window.current_room() == "search"
    ids = [page.proxy.index(r, 0).data(ENTRY_ROLE).appointment.id for r in range(3)]
    assert ids == [long_ago.id, booked[0].id, next_year.id]
    assert page.proxy.rowCount() == 3
    assert "2024" in page.proxy.index(0, 0).data()  # the year: a search spans years
    assert page.summary.text() == "3 calls match “tremblay”."
    # The past above, the future below: the next call to come is the one selected.
    assert page.view.currentIndex().row() == 1


def test_a_search_that_finds_nothing_says_so(qtbot: Any, window: MainWindow) -> None:
    _search(qtbot, window, "zyx")
    assert window.search_page.proxy.rowCount() == 0
    assert "No call matches “zyx”" in window.search_page.summary.text()


def test_enter_opens_the_call_found_in_the_agenda(
    qtbot: Any, window: MainWindow, agenda: Any
) -> None:
    later = agenda.book(
        company="Acme", prospect="Haruto", start=at("2026-11-20 09:00", "Europe/Paris")
    )
    _search(qtbot, window, "haruto")
    qtbot.keyClick(window.sidebar.search, Qt.Key.Key_Return)
    assert window.current_room() == "agenda"
    qtbot.waitUntil(lambda: window.agenda.selected_id == later.id)
    qtbot.waitUntil(lambda: window.agenda.selected_entry() is not None)
    assert window.agenda.day.isoformat() == "2026-11-20"
    assert window.edit_action is not None and window.agenda.editor is None  # not the editor


def test_down_then_enter_in_the_results_opens_the_call(
    qtbot: Any, window: MainWindow, booked: Any
) -> None:
    _search(qtbot, window, "erable")  # the company Érable: Omar's call
    qtbot.keyClick(window.sidebar.search, Qt.Key.Key_Down)
    assert window.search_page.view.hasFocus()
    qtbot.keyClick(window.search_page.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.agenda.selected_id == booked[1].id)


def test_return_in_the_search_box_never_opens_the_selected_call(
    qtbot: Any, window: MainWindow, booked: Any
) -> None:
    window.agenda.select(booked[0].id)
    window.focus_search()
    qtbot.keyClick(window.sidebar.search, Qt.Key.Key_Return)
    qtbot.keyClick(window.sidebar.search, Qt.Key.Key_PageDown)
    assert window.agenda.editor is None
    assert window.agenda.day.isoformat() == "2026-03-02"
