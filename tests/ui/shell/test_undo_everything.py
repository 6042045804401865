"""One undo stack for the window: every change a user makes is on it (outcomes, desk edits,
planner bookings, imports, companies, prospects, closers), Ctrl+Z always undoes the newest
one, a call keeps its id through a delete and its undo, and an undo that another program made
impossible changes nothing and says why."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from closer_desk.core.model import OutcomeChoice, Status
from closer_desk.store import open_agenda
from closer_desk.ui.calendars.importing import ImportDialog
from closer_desk.ui.desk.widgets import WonDialog
from closer_desk.ui.directory.closer_dialog import CloserDialog
from closer_desk.ui.directory.company_dialog import CompanyDialog
from closer_desk.ui.directory.prospect_dialog import ProspectDialog
from closer_desk.ui.planner.room import Planner
from closer_desk.ui.shell.mainwindow import MainWindow
from closer_desk.ui.shell.rooms_wiring import RoomsWiring
from tests.helpers.factories import at
from tests.ui.conftest import save_and_wait, settle

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

BUSY_ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:dentist-1@test\r\nDTSTAMP:20260301T000000Z\r\n"
    "DTSTART:20260304T090000Z\r\nDTEND:20260304T100000Z\r\nSUMMARY:Dentist\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.fixture
def window(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, booked: Any, agenda: Any
) -> MainWindow:
    # Half past ten on Tuesday 3 March: the 10:00 call has started, the 14:00 one has not.
    clock.now = at("2026-03-03 10:30", "Europe/Paris")
    win = MainWindow(source, clock, settings, prompts=prompts)
    qtbot.addWidget(win)
    RoomsWiring(win, source, clock, agenda.path)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, source.tasks)
    return win


def undo(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window.source.tasks)


def redo(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window.source.tasks)


def desk_on(qtbot: Any, window: MainWindow, call_id: int) -> Any:
    window.agenda.select(call_id)
    wiring = window.findChild(RoomsWiring)
    assert wiring is not None and wiring.desk is not None
    desk = wiring.desk
    qtbot.waitUntil(lambda: desk.desk_data() is not None and desk.appointment_id() == call_id)
    settle(qtbot, window.source.tasks)
    return desk


def test_an_outcome_from_the_desk_is_the_newest_thing_undone(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    held, later = booked
    # Another call moved first (the older change) ...
    window.agenda.operations.move(
        later, at("2026-03-03 16:00", "Europe/Paris").replace(tzinfo=None), 30, "Europe/Paris"
    )
    settle(qtbot, window.source.tasks)
    moved = agenda.appointment(later.id)
    assert moved.start == at("2026-03-03 16:00", "Europe/Paris")
    # ... then a No-show recorded on the desk of the held call.
    desk = desk_on(qtbot, window, held.id)
    desk.outcome_buttons[OutcomeChoice.NO_SHOW].click()
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(held.id).status == Status.NO_SHOW
    assert window.undo_action.text() == "&Undo Outcome: no-show"
    undo(qtbot, window)
    assert agenda.appointment(held.id).status == Status.PLANNED
    assert agenda.appointment(later.id).start == moved.start  # the other call stays moved
    # Won, then Ctrl+Z: the Won goes, nothing else moves.
    monkeypatch.setattr(WonDialog, "ask", classmethod(lambda cls, *a: (4500, "EUR", None)))
    desk = desk_on(qtbot, window, held.id)
    desk.outcome_buttons[OutcomeChoice.WON].click()
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(held.id).deal_value is not None
    window.agenda.select(later.id)  # another call is selected when the user undoes
    undo(qtbot, window)
    assert agenda.appointment(held.id).outcome is None
    assert agenda.appointment(held.id).deal_value is None
    assert agenda.appointment(later.id).start == moved.start
    undo(qtbot, window)
    assert agenda.appointment(later.id).start == later.start  # then the move, and only then


def test_desk_edits_are_one_step_each(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any
) -> None:
    agenda.edit_company("Acme", script="Greet\nAsk the budget")
    window.source.refresh()
    settle(qtbot, window.source.tasks)
    desk = desk_on(qtbot, window, booked[0].id)
    qtbot.keyClicks(desk.notes_edit, "budget")
    desk.save_notes()
    settle(qtbot, window.source.tasks)
    qtbot.keyClicks(desk.notes_edit, " ok")
    desk.save_notes()  # the same field typed on: still one step
    qtbot.keyClicks(desk.file_edits["need"], "Un CRM")
    desk.save_file()
    settle(qtbot, window.source.tasks)
    assert agenda.appointment(booked[0].id).notes == "budget ok"
    desk.script_model.setData(
        desk.script_model.index(1, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    settle(qtbot, window.source.tasks)
    assert [window.undo_stack.text(i) for i in range(window.undo_stack.count())] == [
        "Call notes",
        "Prospect's file",
        "Tick the script",
    ]
    undo(qtbot, window)
    from closer_desk.store.desk import ticks

    assert ticks(agenda, booked[0].id) == {}
    undo(qtbot, window)
    assert agenda.prospect(booked[0].prospect_id).need == ""
    undo(qtbot, window)
    assert agenda.appointment(booked[0].id).notes == ""
    qtbot.waitUntil(lambda: desk.notes_edit.toPlainText() == "")  # the desk shows the undo


def test_a_deleted_call_keeps_its_id_through_undo_and_redo(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any
) -> None:
    call = booked[0]  # not the newest row: SQLite would give its id to a new one
    window.agenda.select(call.id)
    qtbot.keyClick(window, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, window.source.tasks)
    undo(qtbot, window)
    assert agenda.appointment(call.id).uid == call.uid
    window.agenda.operations.move(
        call, at("2026-03-03 12:00", "Europe/Paris").replace(tzinfo=None), 30, "Europe/Paris"
    )
    settle(qtbot, window.source.tasks)
    undo(qtbot, window)  # the move of the call brought back: found by its id
    assert agenda.appointment(call.id).start == call.start
    redo(qtbot, window)
    assert agenda.appointment(call.id).start == at("2026-03-03 12:00", "Europe/Paris")


def move_to_five(qtbot: Any, window: MainWindow, call: Any) -> Any:
    window.agenda.operations.move(
        call, at("2026-03-03 17:00", "Europe/Paris").replace(tzinfo=None), 30, "Europe/Paris"
    )
    settle(qtbot, window.source.tasks)
    return call


def change_elsewhere(agenda: Any, call: Any) -> None:
    with open_agenda(agenda.path, daily_backup=False) as cli:  # the command line, meanwhile
        cli.update_details(call.id, url="https://meet.example.com/new")


def test_an_undo_made_impossible_elsewhere_changes_nothing_and_says_why(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any, prompts: Any
) -> None:
    call = move_to_five(qtbot, window, booked[1])
    change_elsewhere(agenda, call)
    before = agenda.appointment(call.id)
    undo(qtbot, window)
    assert agenda.appointment(call.id) == before
    assert prompts.informed == [
        "Could not undo “Move call”: it was changed since (in another program, perhaps), "
        "so it was left as it is."
    ]
    assert window.undo_stack.canUndo() and window.undo_stack.undoText() == "Move call"
    assert not window.undo_stack.canRedo()
    assert prompts.informed_titles == ["Undo"]


def test_a_redo_made_impossible_elsewhere_is_said_under_redo(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any, prompts: Any
) -> None:
    call = move_to_five(qtbot, window, booked[1])
    undo(qtbot, window)
    change_elsewhere(agenda, call)
    redo(qtbot, window)
    assert prompts.informed == [
        "Could not redo “Move call”: it was changed since (in another program, perhaps), "
        "so it was left as it is."
    ]
    assert prompts.informed_titles == ["Redo"]


def test_new_and_edited_companies_prospects_and_closers_are_undone(
    qtbot: Any, window: MainWindow, agenda: Any, source: Any, clock: Any
) -> None:
    company = CompanyDialog(source, None, clock=clock, parent=window)
    company.name.setText("Nordlys")
    save_and_wait(qtbot, company)
    edited = ProspectDialog(source, agenda.prospect("Gabriel"), clock=clock, parent=window)
    edited.need.setPlainText("Deux CRM")
    edited.temperature.setCurrentIndex(edited.temperature.findData("cold"))
    save_and_wait(qtbot, edited)
    closer = CloserDialog(source, None, clock=clock, parent=window)
    closer.name.setText("Sam Martin")
    closer.zone.set_zone("America/Toronto")
    save_and_wait(qtbot, closer)
    settle(qtbot, source.tasks)
    assert [window.undo_stack.text(i) for i in range(window.undo_stack.count())] == [
        "New company",
        "Edit prospect",
        "New closer",
    ]
    sam = agenda.closer("Sam").id
    undo(qtbot, window)
    assert "Sam Martin" not in [c.name for c in agenda.closers()]
    undo(qtbot, window)
    gabriel = agenda.prospect("Gabriel")
    assert (gabriel.need, gabriel.temperature.value) == ("", "warm")
    undo(qtbot, window)
    assert "Nordlys" not in [c.name for c in agenda.companies()]
    for _ in range(3):
        redo(qtbot, window)
    assert agenda.closer(sam).name == "Sam Martin"  # back with its id
    assert agenda.prospect("Gabriel").need == "Deux CRM"


def test_a_planner_booking_is_undone(qtbot: Any, source: Any, agenda: Any) -> None:
    planner = Planner(source)
    qtbot.addWidget(planner)
    qtbot.waitUntil(lambda: planner.prospect_box.count() == 3, timeout=5000)
    planner.prospect_box.setCurrentIndex(
        planner.prospect_box.findText("Omar", Qt.MatchFlag.MatchStartsWith)
    )
    planner.company_box.setCurrentIndex(planner.company_box.findText("Acme"))
    from PySide6.QtCore import QDate

    planner.from_box.setDate(QDate(2026, 3, 3))
    with qtbot.waitSignal(planner.slots_found, timeout=5000):
        planner.find_button.click()
    with qtbot.waitSignal(planner.slot_booked, timeout=5000) as booked:
        planner.book_button.click()
    settle(qtbot, source.tasks)
    assert source.history.stack.undoText() == "Book from the planner"
    source.history.stack.undo()
    settle(qtbot, source.tasks)
    from closer_desk.core.errors import NotFoundError

    with pytest.raises(NotFoundError):
        agenda.appointment(booked.args[0])


def test_an_import_is_undone_whole(
    qtbot: Any, window: MainWindow, agenda: Any, tmp_path: Path
) -> None:
    ics = tmp_path / "work.ics"
    ics.write_text(BUSY_ICS)
    dialog = ImportDialog(window.source, window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.start(ics, busy=True)
    settle(qtbot, window.source.tasks)
    closer = agenda.closer().id
    week = (at("2026-03-02 00:00", "UTC"), at("2026-03-09 00:00", "UTC"))
    assert len(agenda.busy_blocks(closer, *week)) == 1
    assert window.undo_stack.undoText() == "Import calendar"
    undo(qtbot, window)
    assert agenda.busy_blocks(closer, *week) == []
    redo(qtbot, window)
    assert len(agenda.busy_blocks(closer, *week)) == 1
    assert date(2026, 3, 4) == agenda.busy_blocks(closer, *week)[0].start.date()


def test_every_write_of_the_window_is_named_for_undo() -> None:
    """A write a user makes through a room says what it is called (``undo=``); only the
    undo machinery's own writes are not recorded."""
    import ast

    root = Path(__file__).resolve().parents[3] / "closer_desk" / "ui"
    unnamed = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "write"
                and "source" in ast.unparse(node.func.value)
                and not any(k.arg == "undo" for k in node.keywords)
            ):
                unnamed.append(f"{path.relative_to(root)}:{node.lineno}")
    # The undo machinery's own write; and the exchanges with a server (a sync, a conflict's
    # answer, sharing or not; a mail account, an invite sent, answers read, a new time
    # answered): what the server or the prospect was told is not taken back by putting rows
    # back.
    exchanges = {
        "sync/conflicts.py",
        "sync/scheduler.py",
        "sync/setup_dialog.py",
        "mail/account.py",
        "mail/actions.py",
    }
    assert [u for u in unnamed if u.split(":")[0] not in exchanges] == ["common/history.py:130"]
    assert len([u for u in unnamed if u.startswith("sync/setup_dialog.py")]) == 2
