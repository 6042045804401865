"""The Planner room: slots found off the GUI thread, booked, and proposed on the clipboard."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication

from closer_desk.core.model import Status
from closer_desk.core.slot_flags import SlotFlag
from closer_desk.core.slots import Slot
from closer_desk.store import Agenda
from closer_desk.ui.planner.room import Planner
from closer_desk.ui.planner.slot_model import SLOT_ROLE, SORT_ROLE, SlotTableModel
from tests.helpers.factories import at

# The slots are written on the locale's clock: 24 h here, as in most of the closers' countries.
pytestmark = pytest.mark.usefixtures("british_clock_locale")


def _search(
    qtbot: Any, room: Planner, prospect: str, company: str | None, first: date, days: int = 3
) -> None:
    room.prospect_box.setCurrentIndex(
        room.prospect_box.findText(prospect, Qt.MatchFlag.MatchStartsWith)
    )
    room.company_box.setCurrentIndex(room.company_box.findText(company) if company else 0)
    room.from_box.setDate(QDate(first.year, first.month, first.day))
    room.days_box.setValue(days)
    with qtbot.waitSignal(room.slots_found, timeout=5000):
        qtbot.mouseClick(room.find_button, Qt.MouseButton.LeftButton)


def _slots() -> list[Slot]:
    start = at("2026-03-10 10:00", "America/Toronto")
    return [
        Slot(
            start + timedelta(minutes=15 * n),
            start + timedelta(minutes=15 * n + 30),
            "Europe/Paris",
            "America/Toronto",
            flags,
        )
        for n, flags in enumerate(
            (frozenset(), frozenset({SlotFlag.DST_SHIFT, SlotFlag.EARLY_FOR_PROSPECT}), frozenset())
        )
    ]


def test_slot_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = SlotTableModel()
    model.set_slots(_slots())
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 3
    assert model.index(0, 0).data().endswith("10 Mar 10:00 (UTC-04:00)")
    assert model.index(0, 1).data().endswith("10 Mar 15:00 (UTC+01:00)")
    assert model.index(1, 2).data() == "clocks out of step this week, early for them"
    assert model.index(1, 2).data(SORT_ROLE) == 2
    assert model.index(2, 0).data(SLOT_ROLE) == _slots()[2]
    model.set_slots([])
    qtmodeltester.check(model)


def test_find_lists_slots_and_paints_the_strip(qtbot: Any, planner: Planner) -> None:
    _search(qtbot, planner, "Omar", "Acme", date(2026, 3, 3))
    assert planner.model.rowCount() > 0
    assert planner.minutes_box.value() == 45  # Acme's default length
    assert planner.search is not None and planner.search.company is not None
    first = planner.selected_slot()
    assert first is not None and first == planner.model.slot_at(0)
    labels = [row.label for row in planner.strip.content.rows]
    assert labels == ["Paris · Camille Durand", "Dubai · Omar Haddad"]
    assert planner.strip.content.free and planner.strip.content.selected is not None
    assert not planner.strip.grab().isNull()
    assert planner.book_button.isEnabled()


def test_book_a_slot_emits_the_new_appointment(
    qtbot: Any, planner: Planner, agenda: Agenda
) -> None:
    _search(qtbot, planner, "Omar", "Acme", date(2026, 3, 3))
    planner.view.selectRow(2)
    chosen = planner.selected_slot()
    assert chosen is not None
    booked_ids: list[int] = []
    planner.slot_booked.connect(booked_ids.append)
    with qtbot.waitSignals(
        [planner.slot_booked, planner.slots_found], order="strict", timeout=5000
    ):
        qtbot.mouseClick(planner.book_button, Qt.MouseButton.LeftButton)
    booked = agenda.appointment(booked_ids[0])
    assert (
        booked.start_utc == chosen.start
        and booked.minutes == 45
        and booked.status == Status.PLANNED
    )
    assert booked.zone == "Asia/Dubai"  # agreed on the prospect's clock
    assert chosen.start not in [s.start for s in planner.model.slots]


def test_without_a_company_a_slot_cannot_be_booked(qtbot: Any, planner: Planner) -> None:
    _search(qtbot, planner, "Haruto", None, date(2026, 3, 3))
    assert planner.model.rowCount() > 0
    assert not planner.book_button.isEnabled()


def test_copy_proposal_in_the_prospects_language(qtbot: Any, planner: Planner) -> None:
    _search(qtbot, planner, "Gabriel", "Érable", date(2026, 3, 9), days=5)
    assert planner.language_box.currentData() == "fr"
    with qtbot.waitSignal(planner.proposal_copied, timeout=2000):
        qtbot.mouseClick(planner.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert text.startswith("Bonjour,") and "heure de Montréal" in text and text.count("\n- ") == 3
    planner.language_box.setCurrentIndex(planner.language_box.findData("en"))
    planner.copy_proposal()
    assert "Montréal time" in QGuiApplication.clipboard().text()


def test_a_refused_search_says_why(qtbot: Any, planner: Planner) -> None:
    planner.prospect_box.setCurrentIndex(0)
    with qtbot.waitSignal(planner.failed, timeout=5000) as blocker:
        planner.prospect_box.setItemData(0, 999)
        planner.find_free_slots()
    assert "999" in blocker.args[0]
    assert planner.find_button.isEnabled()
