"""Saving a call that overlaps another asks once: "No" keeps the editor open with what was
typed (after a drag: the block goes back), and nothing more is said. The question names the
other call, with its time on the closer's clock, in English and French, singular and plural."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from closer_desk.ui.shell.mainwindow import MainWindow
from tests.helpers.factories import at
from tests.ui.conftest import settle

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def window(bare_window: MainWindow) -> MainWindow:
    return bare_window


def new_call_over_the_first(qtbot: Any, window: MainWindow) -> Any:
    """The editor of a new call at 10:15 on Tuesday (the 10:00 call is there until 10:45)."""
    editor = window.agenda.new_call(datetime(2026, 3, 3, 10, 15))
    assert editor is not None
    editor.company.setCurrentIndex(editor.company.findText("Acme"))
    editor.prospect.setCurrentIndex(editor.prospect.findText("Haruto Sato"))
    editor.minutes.setValue(30)
    editor.reminder.setValue(42)
    settle(qtbot, window.source.tasks)
    return editor


def test_no_to_the_overlap_returns_to_the_editor_with_what_was_typed(
    qtbot: Any, window: MainWindow, agenda: Any, prompts: Any
) -> None:
    editor = new_call_over_the_first(qtbot, window)
    prompts.confirms = [False]
    editor.accept()
    settle(qtbot, window.source.tasks)
    assert len(prompts.asked) == 1 and "overlaps" in prompts.asked[0]
    assert prompts.informed == []  # no second box
    assert editor.isVisible()
    assert (editor.wall(), editor.minutes.value(), editor.reminder.value()) == (
        datetime(2026, 3, 3, 10, 15),
        30,
        42,
    )
    assert editor.current_prospect().name == "Haruto Sato"
    assert editor.buttons.isEnabled()
    assert agenda.count_appointments() == 2 and window.undo_stack.count() == 0
    # Yes, this time: booked, and the editor closes.
    prompts.confirms = [True]
    with qtbot.waitSignal(editor.finished):
        editor.accept()
    settle(qtbot, window.source.tasks)
    assert agenda.count_appointments() == 3
    assert window.undo_stack.undoText() == "New call"


def test_a_refusal_is_said_in_the_editor_once(
    qtbot: Any, window: MainWindow, agenda: Any, prompts: Any
) -> None:
    editor = new_call_over_the_first(qtbot, window)
    editor._set_wall(datetime(2026, 3, 3, 12, 0))  # free: refused for another reason
    with agenda.engine.begin() as conn:  # the prospect is gone meanwhile
        conn.exec_driver_sql("UPDATE prospects SET id = 99 WHERE name = 'Haruto Sato'")
    editor.accept()
    settle(qtbot, window.source.tasks)
    assert prompts.informed == []
    assert editor.isVisible() and "no longer in the agenda" in editor.problems.text()


def test_no_after_a_drag_puts_the_block_back_without_a_second_box(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any, prompts: Any
) -> None:
    grid = window.agenda.grid
    grid.scroll_to_minutes(8 * 60)
    window.agenda.select(booked[1].id)  # its prospect's scale comes in: the columns move
    block = grid.block_of(booked[1].id)
    start = grid.block_rect(block).center().toPoint()
    target = QPoint(start.x(), int(grid.y_of(10 * 60 + 20)))  # onto the 10:00 call
    prompts.confirms = [False]
    qtbot.mousePress(grid.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid.viewport(), QPoint(start.x(), start.y() - 30))
    qtbot.mouseMove(grid.viewport(), target)
    qtbot.mouseRelease(grid.viewport(), Qt.MouseButton.LeftButton, pos=target)
    settle(qtbot, window.source.tasks)
    assert len(prompts.asked) == 1 and prompts.informed == []
    assert grid._ghost is None
    assert agenda.appointment(booked[1].id).start == booked[1].start


def test_the_question_names_the_other_call_on_the_closers_clock(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any, prompts: Any
) -> None:
    # Agreed on Omar's clock in Dubai: 19:00 there is 16:00 for Camille in Paris.
    agenda.book(
        company="Érable",
        prospect="Omar",
        start=at("2026-03-03 19:00", "Asia/Dubai"),
        minutes=30,
    )
    window.source.refresh()
    settle(qtbot, window.source.tasks)
    prompts.confirms = [False]
    window.agenda.operations.move(booked[0], datetime(2026, 3, 3, 15, 45), 45, "Europe/Paris")
    settle(qtbot, window.source.tasks)
    text = prompts.asked[0].replace("\u202f", " ")
    assert "This overlaps another call of the closer: Omar Haddad (Érable) at Tue 3 Mar" in text
    assert "4:00 PM (UTC+01:00)" in text and "7:00 PM" not in text


def test_the_question_in_french_says_one_call_or_several(
    qtbot: Any, french: Any, window: MainWindow, agenda: Any, booked: Any, prompts: Any
) -> None:
    prompts.confirms = [False, False]
    window.agenda.operations.move(booked[1], datetime(2026, 3, 3, 10, 15), 30, "Europe/Paris")
    settle(qtbot, window.source.tasks)
    assert "Cela chevauche un autre appel du closer : Gabriel Tremblay (Acme)" in prompts.asked[0]
    agenda.book(
        company="Acme",
        prospect="Haruto",
        start=at("2026-03-03 10:30", "Europe/Paris"),
        force=True,
    )
    window.source.refresh()
    settle(qtbot, window.source.tasks)
    window.agenda.operations.move(booked[1], datetime(2026, 3, 3, 10, 15), 30, "Europe/Paris")
    settle(qtbot, window.source.tasks)
    assert "Cela chevauche 2 autres appels du closer :" in prompts.asked[1]
    assert "10:00" in prompts.asked[1] and "10:30" in prompts.asked[1]
