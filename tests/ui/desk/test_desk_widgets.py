"""The call's desk: ticking the script persists, notes and the file save, outcome buttons
record outcomes and a follow-up or a no-show asks for the planner; it reads again what a write
concerning its call changed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from closer_desk.core.model import Changes, Outcome, OutcomeChoice, Status
from closer_desk.store.desk import ticks
from closer_desk.ui.common.room import PlanCall
from closer_desk.ui.desk.widgets import CallDeskWidget, WonDialog
from tests.helpers.factories import at
from tests.ui.conftest import hosted

SCRIPT = "1. Rappeler le contexte\n2. Reformuler le besoin\n3. Proposer l'offre"


@pytest.fixture
def call(agenda):
    """This morning's call (the clock says 09:00 in Paris): it was held, outcomes can be
    recorded."""
    agenda.edit_company("Acme", script=SCRIPT)
    agenda.edit_prospect("Gabriel", need="Un CRM partagé", blockages="Le prix", temperature="hot")
    return agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-02 08:00", "Europe/Paris")
    )


@pytest.fixture
def desk(qtbot, source, call, clock):
    widget = hosted(source, CallDeskWidget(source, clock))
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.loaded):
        widget.set_appointment(call.id)
    return widget


def test_shows_script_file_and_history(desk, call, qtmodeltester):
    assert [s.text for s in desk.script_model.steps()] == [
        "Rappeler le contexte",
        "Reformuler le besoin",
        "Proposer l'offre",
    ]
    assert desk.file_edits["need"].toPlainText() == "Un CRM partagé"
    assert desk.temperature_box.currentData() == "hot"
    assert desk.history_model.rowCount() == 1
    assert "Acme" in desk.title.text() and "Gabriel Tremblay" in desk.title.text()
    assert desk.findChild(type(desk.title), "private_badge").text().startswith("Private")
    qtmodeltester.check(desk.script_model)
    qtmodeltester.check(desk.history_model)


def test_ticking_a_step_persists(qtbot, desk, agenda, call):
    index = desk.script_model.index(1, 0)
    with qtbot.waitSignal(desk.tick_saved):
        assert desk.script_model.setData(
            index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
        )
    assert ticks(agenda, call.id) == {1: "Reformuler le besoin"}
    with qtbot.waitSignal(desk.loaded):
        desk.refresh()
    assert [s.ticked for s in desk.script_model.steps()] == [False, True, False]
    with qtbot.waitSignal(desk.tick_saved):
        desk.script_model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert ticks(agenda, call.id) == {}


def test_notes_are_saved_after_typing(qtbot, desk, agenda, call):
    with qtbot.waitSignal(desk.notes_saved, timeout=5000):
        qtbot.keyClicks(desk.notes_edit, "Signe vendredi")
    assert agenda.appointment(call.id).notes == "Signe vendredi"


def test_prospect_file_is_saved(qtbot, desk, agenda):
    desk.file_edits["motivations"].setPlainText("Gagner du temps")
    desk.temperature_box.setCurrentIndex(desk.temperature_box.findData("warm"))
    with qtbot.waitSignals([desk.file_saved, desk.loaded], order="strict", timeout=5000):
        desk.temperature_box.activated.emit(desk.temperature_box.currentIndex())
    prospect = agenda.prospect("Gabriel")
    assert (prospect.motivations, prospect.temperature.value, prospect.need) == (
        "Gagner du temps",
        "warm",
        "Un CRM partagé",
    )


def test_no_show_button_records_a_no_show(qtbot, desk, agenda, call):
    asked: list[PlanCall] = []
    desk.requested.connect(asked.append)
    with qtbot.waitSignals([desk.outcome_recorded, desk.requested, desk.loaded], order="strict"):
        desk.outcome_buttons[OutcomeChoice.NO_SHOW].click()
    assert agenda.appointment(call.id).status == Status.NO_SHOW
    assert asked == [PlanCall(call.prospect_id, call.id)]
    assert "No-show" in desk.outcome_label.text()


def test_won_button_asks_value_and_currency(qtbot, desk, agenda, call, monkeypatch):
    monkeypatch.setattr(
        WonDialog, "ask", classmethod(lambda cls, *a: (Decimal("4500.00"), "CAD", None))
    )
    with qtbot.waitSignals([desk.outcome_recorded, desk.loaded], order="strict"):
        desk.outcome_buttons[OutcomeChoice.WON].click()
    won = agenda.appointment(call.id)
    assert (won.outcome, won.deal_value, won.currency) == (Outcome.WON, Decimal("4500.00"), "CAD")
    assert "675.00" in desk.outcome_label.text()  # 15 % of 4500


def test_lost_button_asks_the_reason(qtbot, desk, agenda, call, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Budget", True))
    with qtbot.waitSignals([desk.outcome_recorded, desk.loaded], order="strict"):
        desk.outcome_buttons[OutcomeChoice.LOST].click()
    lost = agenda.appointment(call.id)
    assert (lost.outcome, lost.lost_reason) == (Outcome.LOST, "Budget")


def test_follow_up_asks_the_planner_for_the_prospect(qtbot, desk, agenda, call):
    asked: list[PlanCall] = []
    desk.requested.connect(asked.append)
    with qtbot.waitSignals([desk.outcome_recorded, desk.requested, desk.loaded], order="strict"):
        desk.outcome_buttons[OutcomeChoice.FOLLOW_UP].click()
    assert asked == [PlanCall(call.prospect_id, call.id)]
    assert agenda.appointment(call.id).outcome == Outcome.FOLLOW_UP


def test_won_dialog_refuses_bad_input(qtbot):
    dialog = WonDialog("EUR", Decimal("0.15"))
    qtbot.addWidget(dialog)
    dialog.value_edit.setText("beaucoup")
    dialog.accept()
    assert dialog.result_values is None and dialog.error_label.text()
    dialog.value_edit.setText("1200,50")
    dialog.rate_edit.setText("20")
    dialog.accept()
    assert dialog.result_values == (Decimal("1200.50"), "EUR", Decimal("0.2000"))


def test_no_call_disables_the_desk(qtbot, desk):
    desk.set_appointment(None)
    assert not desk.isEnabled() and desk.script_model.rowCount() == 0


def test_switching_call_saves_notes_at_once(qtbot, desk, agenda, call):
    other = agenda.book(
        company="Acme", prospect="Omar", start=at("2026-03-04 15:00", "Europe/Paris")
    )
    desk.notes_edit.setPlainText("Budget validé")
    with qtbot.waitSignals([desk.notes_saved, desk.loaded], order="strict"):
        desk.set_appointment(other.id)
    assert agenda.appointment(call.id).notes == "Budget validé"
    assert desk.notes_edit.toPlainText() == ""


def test_saves_are_announced_and_changes_elsewhere_reload(qtbot, desk, source, agenda, call):
    seen: list[Changes] = []
    source.changed.connect(seen.append)
    with qtbot.waitSignals([desk.outcome_recorded, desk.loaded], order="strict"):
        desk.outcome_buttons[OutcomeChoice.NO_SHOW].click()
    assert seen == [
        Changes(
            appointments=frozenset({call.id}),
            call_closers=frozenset({call.closer_id}),
            call_prospects=frozenset({call.prospect_id}),
        )
    ]
    # Notes are written here only: saving them reads nothing back.
    with qtbot.assertNotEmitted(desk.loaded, wait=50):
        desk.on_changes(Changes(notes=frozenset({call.id})))
    # the prospect's file edited in another room: the desk re-reads it
    agenda.edit_prospect("Gabriel", need="Deux CRM")
    with qtbot.waitSignal(desk.loaded):
        desk.on_changes(Changes(prospects=frozenset({call.prospect_id})))
    assert desk.file_edits["need"].toPlainText() == "Deux CRM"
    # another call of the same prospect (the planner booked the next one): its history
    with qtbot.waitSignal(desk.loaded):
        desk.on_changes(
            Changes(
                appointments=frozenset({call.id + 100}),
                call_prospects=frozenset({call.prospect_id}),
            )
        )
    # a change to a call of someone else does not
    with qtbot.assertNotEmitted(desk.loaded, wait=50):
        desk.on_changes(
            Changes(
                appointments=frozenset({call.id + 100}),
                call_prospects=frozenset({call.prospect_id + 100}),
            )
        )


@pytest.fixture
def tomorrow(agenda):
    """A call still to come: the clock says Monday 09:00, it is on Tuesday."""
    return agenda.book(
        company="Acme", prospect="Omar", start=at("2026-03-03 15:00", "Europe/Paris")
    )


@pytest.fixture
def desk_on_tomorrow(qtbot, source, clock, tomorrow):
    widget = hosted(source, CallDeskWidget(source, clock))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded):
        widget.set_appointment(tomorrow.id)
    return widget


def test_an_outcome_before_the_call_is_refused_in_the_desk(
    qtbot, agenda, tomorrow, desk_on_tomorrow
):
    widget = desk_on_tomorrow
    for key in (OutcomeChoice.NO_SHOW, OutcomeChoice.FOLLOW_UP):
        # The buttons are greyed (below); asked anyway, the agenda refuses and it is said.
        widget.ask_outcome(key)
        qtbot.waitUntil(lambda: "Not saved" in widget.outcome_label.text())
        assert "has not happened yet" in widget.outcome_label.text()
        assert agenda.appointment(tomorrow.id) == tomorrow


NOT_YET = "This call has not happened yet: record how it went once it has started."


def test_outcome_buttons_wait_for_the_call_to_start(qtbot, clock, tomorrow, desk_on_tomorrow):
    widget = desk_on_tomorrow
    buttons = widget.outcome_buttons.values()
    assert not any(b.isEnabled() for b in buttons)
    assert {b.toolTip() for b in buttons} == {NOT_YET}
    clock.now = tomorrow.start
    widget.refresh()
    qtbot.waitUntil(lambda: all(b.isEnabled() for b in buttons))
    assert {b.toolTip() for b in buttons} == {""}


def test_a_refusal_goes_with_the_call_it_was_about(qtbot, call, desk_on_tomorrow):
    widget = desk_on_tomorrow
    widget.ask_outcome(OutcomeChoice.NO_SHOW)
    qtbot.waitUntil(lambda: "Not saved" in widget.outcome_label.text())
    widget.set_appointment(call.id)  # said at once, not once the other call is read
    assert widget.outcome_label.text() == ""
    with qtbot.waitSignal(widget.loaded):
        pass
    assert "Not saved" not in widget.outcome_label.text()
