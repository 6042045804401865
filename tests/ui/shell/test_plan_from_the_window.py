"""The planner from the window: Ctrl+2 over a selected call plans from that call, and what
the planner books is told in the status bar and undone with Ctrl+Z like every change."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from closer_desk.core.model import Status
from closer_desk.ui.planner.room import Planner
from closer_desk.ui.shell.mainwindow import MainWindow
from tests.helpers.factories import at
from tests.ui.conftest import settle

pytestmark = pytest.mark.usefixtures("british_clock_locale")


def _planner(window: MainWindow) -> Planner:
    planner = window.room("planner")
    assert isinstance(planner, Planner)
    return planner


def test_ctrl_2_over_a_selected_call_reschedules_it(
    qtbot: Any, window: MainWindow, booked: Any, agenda: Any
) -> None:
    omar = booked[1]  # Tuesday 14:00, Érable, 30 minutes
    window.agenda.select(omar.id)
    window.focus_agenda()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_room() == "planner"
    planner = _planner(window)
    qtbot.waitUntil(lambda: planner.search is not None, timeout=10_000)
    assert planner.prospect_box.currentData() == omar.prospect_id
    assert planner.company_box.currentData()[0] == omar.company_id
    assert planner.minutes_box.value() == 30
    assert planner.moving is not None and planner.moving.id == omar.id
    assert planner.book_button.text() == "Move here"
    assert "Rescheduling the call of" in planner.status.text()
    # Its own time is free for it: 14:00 on Tuesday is offered again.
    starts = [s.start for s in planner.model.slots]
    assert omar.start in starts
    planner.view.selectRow(starts.index(omar.start) + 4)
    target = planner.selected_slot()
    assert target is not None
    with qtbot.waitSignal(planner.booked, timeout=10_000):
        planner.book_button.click()
    moved = agenda.appointment(omar.id)
    assert moved.start == target.start and moved.id == omar.id  # the same call, moved
    assert agenda.count_appointments() == 2
    assert moved.sequence == omar.sequence + 1
    settle(qtbot, window.source.tasks)
    assert "Moved the call with Omar Haddad (Érable)" in window.statusBar().currentMessage()
    assert window.status_undo.isVisible()
    assert window.undo_action.text() == "&Undo Reschedule call"
    window.status_undo.click()
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(omar.id).start == omar.start


def test_ctrl_2_without_a_selection_opens_the_planner_as_it_was(
    qtbot: Any, window: MainWindow
) -> None:
    window.agenda.select(None)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    planner = _planner(window)
    settle(qtbot, window.source.tasks)
    assert planner.moving is None and planner.search is None


def test_a_held_call_is_followed_up_not_moved(
    qtbot: Any, window: MainWindow, booked: Any, agenda: Any, clock: Any
) -> None:
    clock.now = booked[0].end
    agenda.set_outcome(booked[0].id, "follow-up")
    settle(qtbot, window.source.tasks)
    window.agenda.reload()
    settle(qtbot, window.source.tasks)
    window.agenda.select(booked[0].id)
    window.show_room("agenda")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    planner = _planner(window)
    qtbot.waitUntil(lambda: planner.search is not None, timeout=10_000)
    assert planner.moving is None
    assert planner.next_after == (booked[0].prospect_id, booked[0].id)


def test_a_booking_in_the_planner_is_undone_with_ctrl_z(
    qtbot: Any, window: MainWindow, agenda: Any
) -> None:
    window.show_room("planner")
    planner = _planner(window)
    qtbot.waitUntil(lambda: planner.prospect_box.count() == 3)
    planner.prospect_box.setCurrentIndex(planner.prospect_box.findText("Haruto Sato"))
    planner.select_company(agenda.company("Acme").id)
    with qtbot.waitSignal(planner.slots_found, timeout=10_000):
        planner.find_free_slots()
    with qtbot.waitSignal(planner.booked, timeout=10_000) as done:
        planner.book_selected()
    call = done.args[0].call
    settle(qtbot, window.source.tasks)
    message = window.statusBar().currentMessage()
    assert message.startswith("Booked a call with Haruto Sato (Acme) on ")
    assert agenda.appointment(call.id).status == Status.PLANNED
    assert window.undo_action.text() == "&Undo Book from the planner"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window.source.tasks)
    assert agenda.count_appointments() == 2  # the two calls of the fixture, no more
    assert call.start not in [
        e.appointment.start
        for e in agenda.entries(
            at("2026-03-01 00:00", "Europe/Paris"), at("2026-04-01 00:00", "Europe/Paris")
        )
    ]
