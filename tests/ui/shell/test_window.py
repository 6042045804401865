"""The main window: loading the week, keyboard, drag to move, undo and redo, cancel."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from closer_desk.core.model import Status
from closer_desk.ui.shell.mainwindow import MainWindow
from tests.helpers.factories import at
from tests.ui.conftest import settle


@pytest.fixture
def window(bare_window: MainWindow) -> MainWindow:
    return bare_window


def shown_ids(win: MainWindow) -> set[int]:
    return {b.entry.appointment.id for b in win.agenda.grid.blocks}


def test_opens_on_the_week_of_today_with_its_calls(window: MainWindow, booked: Any) -> None:
    assert window.current_room() == "agenda"
    assert window.agenda.view == "week"
    assert window.agenda.grid.days[0] == date(2026, 3, 2)
    assert shown_ids(window) == {booked[0].id, booked[1].id}
    assert "March" in window.heading.text()
    block = window.agenda.grid.block_of(booked[0].id)
    assert block is not None and block.day_index == 1 and block.start == 10 * 60
    # The prospect's local time is on the block: 10:00 Paris is 04:00 in Toronto.
    assert "4:00" in block.subtitle and "Toronto" in block.subtitle


def test_the_list_view_is_built_when_first_shown_and_hears_its_calls(
    qtbot: Any, window: MainWindow, booked: Any
) -> None:
    """A window opening on the week does not build the List (a table, its model and their
    modules); shown, it lists the calls, and a double-click opens the call's editor."""
    room = window.agenda
    assert room.views.count() == 2 and "closer_desk.ui.agenda.listview" not in {
        type(room.views.widget(i)).__module__ for i in range(room.views.count())
    }
    qtbot.keyClick(window, Qt.Key.Key_L)
    settle(qtbot, window.source.tasks)
    assert room.views.count() == 3 and room.views.currentWidget() is room.list_view
    assert room.list_view.model.rowCount() == 2
    room.list_view.activated.emit(booked[0].id)
    assert room.editor is not None and room.editor.appointment == booked[0]
    room.editor.reject()


def test_keyboard_moves_through_days_weeks_and_views(qtbot: Any, window: MainWindow) -> None:
    room = window.agenda
    window.agenda.grid.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_D)
    assert room.view == "day" and room.grid.days == [date(2026, 3, 2)]
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert room.day == date(2026, 3, 3)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert room.day == date(2026, 3, 1)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert room.day == date(2026, 3, 8)
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert room.day == date(2026, 2, 22)
    qtbot.keyClick(window, Qt.Key.Key_T)
    assert room.day == date(2026, 3, 2)
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert room.view == "week" and len(room.grid.days) == 7
    qtbot.keyClick(window, Qt.Key.Key_L)
    assert room.view == "list" and room.views.currentWidget() is room.list_view
    settle(qtbot, window.source.tasks)
    assert room.list_view.model.rowCount() == 2
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.search.hasFocus()
    # The search lists every call of the prospects and companies that match.
    with qtbot.waitSignal(window.search_page.searched):
        qtbot.keyClicks(window.sidebar.search, "omar")
    assert window.current_room() == "search" and window.search_page.proxy.rowCount() == 1


def test_drag_a_block_to_move_it_then_undo_and_redo(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any
) -> None:
    grid = window.agenda.grid
    block = grid.block_of(booked[0].id)
    assert block is not None
    grid.scroll_to_minutes(8 * 60)
    start = grid.block_rect(block).center().toPoint()
    target = grid.point_at(
        3, 11 * 60 + 20
    )  # Thursday, 1h later: the press was 20 min into the block
    qtbot.mousePress(grid.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid.viewport(), QPoint(target.x(), start.y() + 30))
    qtbot.mouseMove(grid.viewport(), QPoint(target.x(), start.y() + grid.hour_height))
    qtbot.mouseRelease(
        grid.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(target.x(), start.y() + grid.hour_height),
    )
    settle(qtbot, window.source.tasks)
    moved = agenda.appointment(booked[0].id)
    assert moved.start == at("2026-03-05 11:00", "Europe/Paris")
    assert moved.sequence == booked[0].sequence + 1
    assert grid.block_of(booked[0].id).day_index == 3

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(booked[0].id).start == at("2026-03-03 10:00", "Europe/Paris")
    assert grid.block_of(booked[0].id).day_index == 1
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(booked[0].id).start == at("2026-03-05 11:00", "Europe/Paris")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window.source.tasks)
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(booked[0].id).start == at("2026-03-05 11:00", "Europe/Paris")
    assert not window.undo_stack.canRedo()


def test_resize_by_the_lower_edge(qtbot: Any, window: MainWindow, agenda: Any, booked: Any) -> None:
    grid = window.agenda.grid
    grid.scroll_to_minutes(8 * 60)
    rect = grid.block_rect(grid.block_of(booked[1].id))
    edge = QPoint(int(rect.center().x()), int(rect.bottom()) - 2)
    qtbot.mousePress(grid.viewport(), Qt.MouseButton.LeftButton, pos=edge)
    lower = QPoint(edge.x(), edge.y() + grid.hour_height // 2)
    qtbot.mouseMove(grid.viewport(), lower)
    qtbot.mouseRelease(grid.viewport(), Qt.MouseButton.LeftButton, pos=lower)
    settle(qtbot, window.source.tasks)
    resized = agenda.appointment(booked[1].id)
    assert resized.minutes == 60
    assert resized.start == booked[1].start
    assert window.undo_stack.undoText() == "Resize call"


def test_moving_onto_another_call_is_refused_unless_confirmed(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any, prompts: Any
) -> None:
    prompts.confirms = [False]
    window.agenda.operations.move(booked[1], datetime(2026, 3, 3, 10, 15), 30, "Europe/Paris")
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(booked[1].id).start == booked[1].start
    assert "overlaps" in prompts.asked[0]
    assert window.undo_stack.count() == 0


def test_a_drag_into_the_dst_gap_asks_which_time(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any, prompts: Any
) -> None:
    prompts.instants = ["later"]
    window.agenda.operations.move(booked[1], datetime(2026, 3, 29, 2, 30), 30, "Europe/Paris")
    settle(qtbot, window.source.tasks)
    assert "does not exist" in prompts.asked[0]
    moved = agenda.appointment(booked[1].id)
    assert moved.start.utcoffset().total_seconds() == 7200
    assert moved.start.hour == 3 and moved.start.minute == 30


def test_delete_key_cancels_after_confirmation_and_undo_restores(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any, prompts: Any
) -> None:
    window.agenda.select(booked[0].id)
    prompts.confirms = [False]
    qtbot.keyClick(window, Qt.Key.Key_Delete)
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(booked[0].id).status == Status.PLANNED
    prompts.confirms = [True]
    qtbot.keyClick(window, Qt.Key.Key_Delete)
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(booked[0].id).status == Status.CANCELLED
    assert booked[0].id not in shown_ids(window)
    window.undo_action.trigger()
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(booked[0].id).status == Status.PLANNED


def test_delete_for_good_and_undo_books_it_again(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any
) -> None:
    window.agenda.select(booked[0].id)
    qtbot.keyClick(window, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, window.source.tasks)
    assert agenda.count_appointments() == 1
    window.undo_action.trigger()
    settle(qtbot, window.source.tasks)
    again = [
        a
        for a in agenda.appointments(at("2026-03-03 00:00", "UTC"), at("2026-03-04 00:00", "UTC"))
        if a.uid == booked[0].uid
    ]
    assert len(again) == 1 and again[0].start == booked[0].start
    window.redo_action.trigger()
    settle(qtbot, window.source.tasks)
    assert agenda.count_appointments() == 1


def test_double_click_empty_time_opens_the_editor_there(qtbot: Any, window: MainWindow) -> None:
    grid = window.agenda.grid
    grid.scroll_to_minutes(8 * 60)
    qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.point_at(2, 16 * 60 + 5))
    editor = window.agenda.editor
    assert editor is not None and editor.isVisible()
    assert editor.wall() == datetime(2026, 3, 4, 16, 0)
    editor.reject()


def test_new_call_with_ctrl_n_books_and_undo_removes_it(
    qtbot: Any, window: MainWindow, agenda: Any
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = window.agenda.editor
    assert editor is not None
    editor.company.setCurrentIndex(editor.company.findText("Acme"))
    editor.prospect.setCurrentIndex(editor.prospect.findText("Haruto Sato"))
    with qtbot.waitSignal(editor.checked):
        editor._set_wall(datetime(2026, 3, 2, 11, 0))
    editor.accept()
    settle(qtbot, window.source.tasks)
    assert agenda.count_appointments() == 3
    assert window.undo_stack.undoText() == "New call"
    window.undo_action.trigger()
    settle(qtbot, window.source.tasks)
    assert agenda.count_appointments() == 2


def test_a_new_call_late_in_the_evening_opens_on_the_same_day(
    qtbot: Any, window: MainWindow, clock: Any
) -> None:
    # 23:30 in Paris: "the next full hour" is past midnight (the editor once failed to open).
    clock.now = at("2026-03-02 23:30", "Europe/Paris")
    editor = window.agenda.new_call()
    assert editor is not None
    assert editor.wall() == datetime(2026, 3, 2, 23, 0)
    editor.reject()


def test_selecting_a_call_shows_details_and_the_second_scale(
    qtbot: Any, window: MainWindow, booked: Any
) -> None:
    window.agenda.select(booked[1].id)
    assert window.agenda.details.title.text() == "Omar Haddad"
    assert window.agenda.grid.second_zone == "Asia/Dubai"
    window.sidebar.second_zone.setCurrentIndex(window.sidebar.second_zone.findText("Asia/Tokyo"))
    window.sidebar.second_zone.activated.emit(window.sidebar.second_zone.currentIndex())
    assert window.agenda.grid.second_zone == "Asia/Tokyo"


def test_company_filter_hides_its_calls(qtbot: Any, window: MainWindow, booked: Any) -> None:
    items = window.sidebar.companies
    erable = next(items.item(i) for i in range(items.count()) if items.item(i).text() == "Érable")
    erable.setCheckState(Qt.CheckState.Unchecked)
    settle(qtbot, window.source.tasks)
    assert shown_ids(window) == {booked[0].id}


def test_add_room_and_menu_for_the_lead(qtbot: Any, window: MainWindow) -> None:
    planner = QLabel("planner")
    action = window.add_room("planner", "Planner", planner, "Ctrl+2")
    assert action in window.menu("go").actions()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_room() == "planner"
    # Bare keys belong to the agenda: in another room they are left to that room.
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert window.current_room() == "planner"
    assert window.week_action.shortcuts() == []
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_room() == "agenda"
    qtbot.keyClick(window, Qt.Key.Key_D)
    assert window.agenda.view == "day"
    assert window.menu("tools") is window.menu("tools")


def test_rooms_given_as_factories_are_built_when_first_opened(
    qtbot: Any, window: MainWindow
) -> None:
    built: list[QLabel] = []

    def reports() -> QLabel:
        built.append(QLabel("reports"))
        return built[-1]

    window.add_room("reports", "Reports", reports, "Ctrl+6")
    assert built == []
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert len(built) == 1 and window.current_room() == "reports"
    window.show_room("agenda")
    window.show_room("reports")
    assert len(built) == 1


def test_show_appointment_goes_to_its_day(qtbot: Any, window: MainWindow, agenda: Any) -> None:
    later = agenda.book(
        company="Acme", prospect="Haruto", start=at("2026-04-14 09:00", "Europe/Paris")
    )
    window.set_view("day")
    window.show_appointment(later.id)
    settle(qtbot, window.source.tasks)
    assert window.agenda.day == date(2026, 4, 14)
    assert window.agenda.details.title.text() == "Haruto Sato"


def test_other_rooms_writing_refresh_the_views(qtbot: Any, window: MainWindow, agenda: Any) -> None:
    extra = agenda.book(
        company="Acme", prospect="Haruto", start=at("2026-03-04 09:00", "Europe/Paris")
    )
    settle(qtbot, window.source.tasks)
    assert extra.id not in shown_ids(window)  # written behind the window's back
    window.source.refresh()
    settle(qtbot, window.source.tasks)
    assert extra.id in shown_ids(window)


def test_a_drag_onto_the_prospects_call_with_another_closer_asks_first(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any, prompts: Any
) -> None:
    sam = agenda.add_closer("Sam Martin", "America/Toronto")
    agenda.book(
        company="Acme",
        prospect="Omar",
        start=at("2026-03-03 16:00", "Europe/Paris"),
        minutes=30,
        closer=sam.id,
    )
    prompts.confirms = [False]
    window.agenda.operations.move(booked[1], datetime(2026, 3, 3, 16, 15), 30, "Europe/Paris")
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(booked[1].id).start == booked[1].start
    assert "Omar Haddad already has a call at this time with Sam Martin" in prompts.asked[0]
    prompts.confirms = [True]
    window.agenda.operations.move(booked[1], datetime(2026, 3, 3, 16, 15), 30, "Europe/Paris")
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(booked[1].id).start == at("2026-03-03 16:15", "Europe/Paris")


def test_an_outcome_before_the_call_is_refused_and_said(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any, prompts: Any
) -> None:
    window.agenda.operations.set_outcome(booked[0], "no-show")
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(booked[0].id).status == Status.PLANNED
    assert prompts.informed == [
        "This call has not happened yet: record how it went once it has started."
    ]
    assert window.undo_stack.count() == 0


def test_cancelling_a_won_call_asks_to_remove_its_outcome(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any, prompts: Any, clock: Any
) -> None:
    clock.now = booked[0].end
    won = agenda.set_outcome(booked[0].id, "won", value="4500", currency="EUR")
    prompts.confirms = [True, False]  # yes, cancel it; no, keep its outcome
    window.agenda.operations.cancel(won, "Gabriel Tremblay")
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(won.id).outcome is not None
    assert "This call has an outcome" in prompts.asked[1]
    assert window.undo_stack.count() == 0
    prompts.confirms = [True, True]
    window.agenda.operations.cancel(won, "Gabriel Tremblay")
    settle(qtbot, window.source.tasks)
    gone = agenda.appointment(won.id)
    assert (gone.status, gone.outcome, gone.deal_value) == (Status.CANCELLED, None, None)
    window.undo_action.trigger()
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(won.id).deal_value == won.deal_value


def test_a_new_call_opens_beside_the_calls_of_the_day_not_over_them(
    qtbot: Any, window: MainWindow, clock: Any
) -> None:
    # Monday 2 March, 08:00: the next call would start at 10:00 on Tuesday, which Gabriel's
    # call holds until 10:45; the editor opens at 10:45, free.
    clock.now = at("2026-03-02 08:00", "Europe/Paris")
    window.agenda.set_date(date(2026, 3, 3))
    settle(qtbot, window.source.tasks)
    editor = window.agenda.new_call()
    assert editor is not None
    assert editor.wall() == datetime(2026, 3, 3, 10, 45)
    editor.reject()
