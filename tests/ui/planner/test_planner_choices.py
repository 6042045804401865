"""The planner does what was chosen: Book greyed says why, the proposal is of the slots picked,
a booking says what it booked, and the hours stretch for prospects whose day never meets ours."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from closer_desk.core.proposal import proposal_text
from closer_desk.store import Agenda
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.planner.room import Booked, Planner

pytestmark = pytest.mark.usefixtures("british_clock_locale")


@pytest.fixture
def planner(qtbot: Any, agenda: Agenda, source: AgendaSource) -> Planner:
    agenda.add_prospect("Jack Wilson", "Australia/Sydney", country="AU", subdivision="NSW")
    room = Planner(source)
    qtbot.addWidget(room)
    room.show()
    qtbot.waitUntil(lambda: room.prospect_box.count() == 4, timeout=5000)
    return room


def _search(
    qtbot: Any, room: Planner, prospect: str, company: str | None, first: date, days: int = 3
) -> None:
    room.prospect_box.setCurrentIndex(
        room.prospect_box.findText(prospect, Qt.MatchFlag.MatchStartsWith)
    )
    room.company_box.setCurrentIndex(room.company_box.findText(company) if company else 0)
    room.from_box.setDate(QDate(first.year, first.month, first.day))
    room.days_box.setValue(days)
    with qtbot.waitSignal(room.slots_found, timeout=10_000):
        room.find_button.click()


def test_book_greyed_without_a_company_says_why_beside_it(qtbot: Any, planner: Planner) -> None:
    _search(qtbot, planner, "Haruto", None, date(2026, 3, 3))
    assert planner.model.rowCount() > 0 and not planner.book_button.isEnabled()
    assert planner.book_reason.isVisible()
    assert planner.book_reason.text() == "Pick the company this call is for to book it."
    _search(qtbot, planner, "Haruto", "Acme", date(2026, 3, 3))
    assert planner.book_button.isEnabled() and not planner.book_reason.isVisible()


def test_the_proposal_offers_the_slots_picked(qtbot: Any, planner: Planner) -> None:
    _search(qtbot, planner, "Gabriel", "Érable", date(2026, 3, 9), days=5)
    picked = [planner.model.slot_at(r) for r in (3, 9)]
    selection = planner.view.selectionModel()
    selection.clearSelection()
    for row in (9, 3):
        selection.select(
            planner.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert planner.picked_slots() == picked
    with qtbot.waitSignal(planner.proposal_copied):
        planner.copy_button.click()
    assert QGuiApplication.clipboard().text() == proposal_text(picked, "fr", place="Montréal")
    assert "2 slots copied" in planner.status.text()


def test_without_a_pick_the_proposal_offers_the_best_ones(qtbot: Any, planner: Planner) -> None:
    _search(qtbot, planner, "Gabriel", "Érable", date(2026, 3, 9), days=5)
    assert planner.picked_slots() == []  # the first row is shown, not picked
    planner.copy_proposal()
    assert QGuiApplication.clipboard().text().count("\n- ") == 3


def test_a_booking_says_which_call_it_booked(qtbot: Any, planner: Planner, agenda: Agenda) -> None:
    _search(qtbot, planner, "Omar", "Acme", date(2026, 3, 3))
    planner.view.selectRow(1)
    told: list[Booked] = []
    planner.booked.connect(told.append)
    with qtbot.waitSignals([planner.booked, planner.slots_found], order="strict", timeout=10_000):
        planner.book_button.click()
    done = told[0]
    assert isinstance(done, Booked) and done.before is None
    assert agenda.appointment(done.call.id).prospect_id == done.call.prospect_id
    assert planner.status.text().startswith("Booked a call with Omar Haddad (Acme) on Tue 3 Mar")


def test_sydney_has_no_slot_until_the_hours_stretch(qtbot: Any, planner: Planner) -> None:
    _search(qtbot, planner, "Jack", "Acme", date(2026, 3, 3), days=2)
    assert planner.model.rowCount() == 0
    assert "up to 1 h outside hours" in planner.status.text()
    with qtbot.waitSignal(planner.slots_found, timeout=10_000) as found:
        planner.stretch_box.setChecked(True)
    assert found.args[0] > 0
    assert planner.search is not None and planner.search.stretch == 60
    assert planner.model.index(0, 2).data() == "before your hours, after their hours"
    assert planner.model.index(0, 1).data().endswith("08:00 (UTC+01:00)")  # an hour early
