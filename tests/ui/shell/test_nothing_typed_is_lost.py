"""Nothing typed on the desk is lost: the prospect's file survives selecting another call, and
what is typed when the window closes is written before the worker stops."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from closer_desk.ui.shell.mainwindow import MainWindow
from closer_desk.ui.shell.rooms_wiring import RoomsWiring
from tests.ui.conftest import settle


@pytest.fixture
def window(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, booked: Any, agenda: Any
) -> MainWindow:
    win = MainWindow(source, clock, settings, prompts=prompts)
    qtbot.addWidget(win)
    RoomsWiring(win, source, clock, agenda.path)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, source.tasks)
    return win


def open_desk(qtbot: Any, window: MainWindow, call_id: int) -> Any:
    window.agenda.select(call_id)
    wiring = window.findChild(RoomsWiring)
    assert wiring is not None and wiring.desk is not None
    desk = wiring.desk
    qtbot.waitUntil(lambda: desk.appointment_id() == call_id and desk.desk_data() is not None)
    settle(qtbot, window.source.tasks)
    return desk


def test_the_prospects_file_survives_selecting_another_call(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any
) -> None:
    desk = open_desk(qtbot, window, booked[0].id)
    desk.file_edits["need"].setFocus()
    qtbot.keyClicks(desk.file_edits["need"], "Un CRM commun")
    qtbot.keyClicks(desk.file_edits["blockages"], "Le prix")
    window.agenda.select(booked[1].id)  # at once, before any timer
    settle(qtbot, window.source.tasks)
    gabriel = agenda.prospect(booked[0].prospect_id)
    assert (gabriel.need, gabriel.blockages) == ("Un CRM commun", "Le prix")
    # And it is there when the call is shown again.
    desk = open_desk(qtbot, window, booked[0].id)
    assert desk.file_edits["need"].toPlainText() == "Un CRM commun"


def test_typing_is_not_overwritten_by_the_desks_own_save_coming_back(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any
) -> None:
    desk = open_desk(qtbot, window, booked[0].id)
    edit = desk.file_edits["motivations"]
    qtbot.keyClicks(edit, "Gagner")
    desk.save_file()  # as the timer does after a pause
    qtbot.keyClicks(edit, " du temps")  # typed while the save is on the worker
    settle(qtbot, window.source.tasks)
    assert edit.toPlainText() == "Gagner du temps"
    window.agenda.select(booked[1].id)
    settle(qtbot, window.source.tasks)
    assert agenda.prospect(booked[0].prospect_id).motivations == "Gagner du temps"


def test_what_is_typed_when_the_window_closes_is_saved(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any
) -> None:
    desk = open_desk(qtbot, window, booked[0].id)
    qtbot.keyClicks(desk.file_edits["motivations"], "Gagner du temps")
    qtbot.keyClicks(desk.notes_edit, "Rappeler lundi")
    window.close()
    window.source.tasks.wait()  # what app.main does before closing the agenda
    settle(qtbot, window.source.tasks)
    assert agenda.prospect(booked[0].prospect_id).motivations == "Gagner du temps"
    assert agenda.appointment(booked[0].id).notes == "Rappeler lundi"


def test_the_temperature_chosen_is_saved_at_once(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any
) -> None:
    desk = open_desk(qtbot, window, booked[0].id)
    box = desk.temperature_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)  # a choice the user made: activated
    settle(qtbot, window.source.tasks)
    assert agenda.prospect(booked[0].prospect_id).temperature.value == box.currentData()
    assert window.undo_stack.undoText() == "Prospect's file"
