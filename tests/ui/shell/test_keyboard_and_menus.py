"""Calls by the keyboard (Tab and the arrows select, Enter opens, Delete cancels after asking),
Ctrl+drag duplicates (undone like the rest), and the right-click menus on a call and on empty
time; an outcome is offered only once the call has started, and a refusal is said once."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from closer_desk.core.model import OutcomeChoice, Status
from closer_desk.ui.shell.mainwindow import MainWindow
from tests.helpers.factories import at
from tests.ui.conftest import context_click, settle

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def window(bare_window: MainWindow) -> MainWindow:
    return bare_window


def menu_texts(window: MainWindow) -> list[str]:
    menu = window.agenda.context_menu
    assert menu is not None
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def trigger(window: MainWindow, text: str) -> None:
    menu = window.agenda.context_menu
    assert menu is not None
    action = next(a for a in menu.actions() if a.text() == text)
    assert action.isEnabled(), text
    menu.close()
    action.trigger()


def test_tab_and_the_arrows_go_from_call_to_call_in_the_grid(
    qtbot: Any, window: MainWindow, booked: Any, prompts: Any
) -> None:
    grid = window.agenda.grid
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert window.agenda.selected_id == booked[0].id and grid.hasFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert window.agenda.selected_id == booked[1].id
    qtbot.keyClick(grid, Qt.Key.Key_Backtab)
    assert window.agenda.selected_id == booked[0].id
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert window.agenda.selected_id == booked[1].id
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    assert window.agenda.selected_id == booked[0].id
    assert window.agenda.details.title.text() == "Gabriel Tremblay"
    # Enter opens the selected call.
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    editor = window.agenda.editor
    assert editor is not None and editor.isVisible() and editor.appointment == booked[0]
    editor.reject()
    # Delete cancels it, after asking.
    grid.setFocus()
    prompts.confirms = [True]
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    settle(qtbot, window.source.tasks)
    assert "Cancel the call with Gabriel Tremblay?" in prompts.asked[-1]
    assert window.source.directory is not None
    assert window.undo_stack.undoText() == "Cancel call"


def test_tab_goes_from_call_to_call_in_the_list(
    qtbot: Any, window: MainWindow, booked: Any
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_L)
    settle(qtbot, window.source.tasks)
    table = window.agenda.list_view.table
    table.clearFocus()  # (L gave the list the keyboard before its rows came)
    table.setFocus()
    qtbot.waitUntil(lambda: window.agenda.selected_id == booked[0].id)  # the first, on focus
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert window.agenda.selected_id == booked[1].id and table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Backtab)
    assert window.agenda.selected_id == booked[0].id
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.agenda.editor is not None and window.agenda.editor.isVisible()
    window.agenda.editor.reject()
    context_click(table.viewport(), table.visualRect(table.model().index(1, 0)).center())
    assert window.agenda.selected_id == booked[1].id
    assert menu_texts(window)[0] == "&Edit…"
    window.agenda.context_menu.close()


def test_ctrl_drag_duplicates_a_call_and_undo_takes_the_copy_back(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any
) -> None:
    grid = window.agenda.grid
    grid.scroll_to_minutes(8 * 60)
    window.agenda.select(booked[1].id)
    rect = grid.block_rect(grid.block_of(booked[1].id))
    start = rect.center().toPoint()
    target = QPoint(int(grid.x_of(3) + grid.column_width() / 2), start.y())  # Thursday
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.mousePress(grid.viewport(), Qt.MouseButton.LeftButton, ctrl, start)
    qtbot.mouseMove(grid.viewport(), QPoint(start.x() + 20, start.y()))
    qtbot.mouseMove(grid.viewport(), target)
    qtbot.mouseRelease(grid.viewport(), Qt.MouseButton.LeftButton, ctrl, target)
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(booked[1].id).start == booked[1].start  # the original stays
    copies = [
        a
        for a in agenda.appointments(at("2026-03-05 00:00", "UTC"), at("2026-03-06 00:00", "UTC"))
        if a.prospect_id == booked[1].prospect_id
    ]
    assert len(copies) == 1
    copy = copies[0]
    assert (copy.start, copy.minutes, copy.company_id, copy.uid != booked[1].uid) == (
        at("2026-03-05 14:00", "Europe/Paris"),
        booked[1].minutes,
        booked[1].company_id,
        True,
    )
    assert window.undo_stack.undoText() == "Duplicate call"
    window.undo_action.trigger()
    settle(qtbot, window.source.tasks)
    assert agenda.count_appointments() == 2


def test_the_menu_of_a_call_to_come(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any, prompts: Any
) -> None:
    grid = window.agenda.grid
    grid.scroll_to_minutes(8 * 60)
    window.agenda.select(booked[0].id)
    centre = grid.block_rect(grid.block_of(booked[0].id)).center().toPoint()
    context_click(grid.viewport(), centre)
    assert menu_texts(window) == [
        "&Edit…",
        "&Join the video call",
        "&Move to…",
        "D&uplicate…",
        "&Outcome (once the call has started)",
        "&Cancel the call…",
    ]
    outcome = next(a for a in window.agenda.context_menu.actions() if a.menu())
    assert not outcome.isEnabled()  # tomorrow's call: no outcome yet
    trigger(window, "&Move to…")
    editor = window.agenda.editor
    assert editor is not None
    qtbot.waitUntil(editor.when.line.hasFocus)
    assert editor.when.line.selectedText() == "2026-03-03 10:00"
    editor.reject()
    context_click(grid.viewport(), centre)
    trigger(window, "D&uplicate…")
    copy = window.agenda.editor
    assert copy is not None and copy.appointment is None
    assert copy.wall() == datetime(2026, 3, 10, 10, 0)  # a week later
    assert (copy.company.currentText(), copy.current_prospect().name) == (
        "Acme",
        "Gabriel Tremblay",
    )
    copy.reject()
    context_click(grid.viewport(), centre)
    prompts.confirms = [True]
    trigger(window, "&Cancel the call…")
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(booked[0].id).status == Status.CANCELLED


def test_the_menu_of_empty_time_books_a_call_there(qtbot: Any, window: MainWindow) -> None:
    grid = window.agenda.grid
    grid.scroll_to_minutes(8 * 60)
    context_click(grid.viewport(), grid.point_at(2, 16 * 60 + 20))
    assert menu_texts(window) == ["&New call here…"]
    trigger(window, "&New call here…")
    editor = window.agenda.editor
    assert editor is not None and editor.wall() == datetime(2026, 3, 4, 16, 15)
    editor.reject()


def test_an_outcome_from_the_menu_once_the_call_started(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any, clock: Any, prompts: Any
) -> None:
    clock.now = at("2026-03-03 10:50", "Europe/Paris")
    grid = window.agenda.grid
    grid.scroll_to_minutes(8 * 60)
    window.agenda.select(booked[0].id)
    context_click(grid.viewport(), grid.block_rect(grid.block_of(booked[0].id)).center().toPoint())
    outcome = next(a for a in window.agenda.context_menu.actions() if a.menu())
    assert outcome.isEnabled() and outcome.text() == "&Outcome"
    no_show = next(a for a in outcome.menu().actions() if a.text() == "&No-show")
    window.agenda.context_menu.close()
    no_show.trigger()
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(booked[0].id).status == Status.NO_SHOW
    assert window.undo_stack.undoText() == "Record outcome"
    # A call still to come, asked anyway (the menu did not offer it): refused, said once.
    window.agenda.choose_outcome(booked[1].id, OutcomeChoice.NO_SHOW)
    settle(qtbot, window.source.tasks)
    assert prompts.informed == [
        "This call has not happened yet: record how it went once it has started."
    ]
    assert window.status.text() == ""
