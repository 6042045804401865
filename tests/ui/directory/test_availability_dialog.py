"""The availability dialog: weekly hours, overrides, travel and rules, saved through the store."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from closer_desk.core.model import DailyInterval, DateOverride, TravelPeriod
from closer_desk.core.parse import parse_intervals
from closer_desk.store import Agenda
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.directory.availability import AvailabilityDialog
from tests.helpers.factories import FakeClock
from tests.ui.conftest import save_and_wait

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support"),
    pytest.mark.usefixtures("british_clock_locale"),
]


def _dialog(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> AvailabilityDialog:
    dialog = AvailabilityDialog(source, agenda.closer(), clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_models_pass_the_model_tester(
    qtmodeltester: ModelTester, qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    agenda.set_override(agenda.closer().id, date(2026, 3, 9), ())
    agenda.add_travel(agenda.closer().id, date(2026, 4, 1), date(2026, 4, 10), "America/Montreal")
    dialog = _dialog(qtbot, agenda, source, clock)
    qtmodeltester.check(dialog.overrides_model)
    qtmodeltester.check(dialog.travels_model)
    assert dialog.overrides_model.index(0, 1).data() == "Day off"


def test_shows_the_closers_week(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    dialog = _dialog(qtbot, agenda, source, clock)
    assert [e.text() for e in dialog.day_edits] == ["09:00-18:00"] * 5 + ["", ""]
    assert dialog.total.text() == "45 h 00 a week"


def test_overlapping_hours_are_joined_as_on_the_command_line(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    dialog = _dialog(qtbot, agenda, source, clock)
    dialog.day_edits[2].setText("09:00-12:00, 11:30-13:00, 14:00-18:00")
    save_and_wait(qtbot, dialog)
    assert agenda.closer().hours.on(2) == parse_intervals("09:00-13:00,14:00-18:00")


def test_bad_clock_is_refused_under_its_day(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    dialog = _dialog(qtbot, agenda, source, clock)
    dialog.day_edits[0].setText("9h-25h")
    dialog.accept()
    assert dialog.error_text("hours_0") == "Expected a time of day as HH:MM."
    assert dialog.saved_row is None


def test_everything_is_saved_through_the_agenda(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    closer_id = agenda.closer().id
    agenda.set_override(closer_id, date(2026, 3, 20), ())  # removed in the dialog
    dialog = _dialog(qtbot, agenda, source, clock)
    dialog.day_edits[0].setText("09:00-12:00, 14:00-18:00")
    dialog.day_edits[4].setText("")
    dialog.day_edits[5].setText("10:00-13:00")
    dialog.buffer_before.setValue(10)
    dialog.buffer_after.setValue(15)
    dialog.min_notice.setValue(240)
    dialog.daily_cap.setValue(6)

    dialog.overrides_view.selectRow(0)
    dialog.remove_override()
    dialog.override_date.setDate(QDate(2026, 3, 12))
    dialog.override_hours.setText("08:00-10:00")
    dialog.add_override()
    dialog.override_date.setDate(QDate(2026, 3, 13))
    dialog.add_override()  # empty hours: a day off

    dialog.travel_first.setDate(QDate(2026, 4, 6))
    dialog.travel_last.setDate(QDate(2026, 4, 10))
    dialog.travel_zone.set_zone("Eastern Standard Time")
    dialog.add_travel()

    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    closer = agenda.closer(closer_id)
    assert closer.hours.on(0) == (DailyInterval(540, 720), DailyInterval(840, 1080))
    assert closer.hours.on(4) == () and closer.hours.on(5) == (DailyInterval(600, 780),)
    assert (closer.buffer_before, closer.buffer_after, closer.min_notice, closer.daily_cap) == (
        10,
        15,
        240,
        6,
    )
    assert closer.overrides == (
        DateOverride(date(2026, 3, 12), (DailyInterval(480, 600),)),
        DateOverride(date(2026, 3, 13), ()),
    )
    assert closer.travels == (
        TravelPeriod(date(2026, 4, 6), date(2026, 4, 10), "America/New_York"),
    )


def test_bad_travel_is_refused_inline(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    dialog = _dialog(qtbot, agenda, source, clock)
    dialog.travel_first.setDate(QDate(2026, 4, 10))
    dialog.travel_last.setDate(QDate(2026, 4, 6))
    dialog.travel_zone.set_zone("Asia/Tokyo")
    dialog.add_travel()
    assert dialog.error_text("last_day") == "Ends before it starts."
    dialog.travel_last.setDate(QDate(2026, 4, 12))
    dialog.travel_zone.set_zone("Tokyo")
    dialog.add_travel()
    assert "Unknown time zone" in dialog.error_text("travel_zone")
    assert dialog.travels_model.rowCount() == 0
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    assert agenda.closer().travels == ()


def test_override_hours_are_checked(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    dialog = _dialog(qtbot, agenda, source, clock)
    dialog.override_hours.setText("14:00-10:00")
    dialog.add_override()
    assert dialog.error_text("override_hours") == "Ends before it starts."
    assert dialog.overrides_model.rowCount() == 0


def test_copy_monday_fills_the_working_week(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    dialog = _dialog(qtbot, agenda, source, clock)
    dialog.day_edits[0].setText("08:30-12:00, 13:30-17:00")
    dialog.copy_monday_button.click()
    assert [e.text() for e in dialog.day_edits[1:5]] == ["08:30-12:00, 13:30-17:00"] * 4
    assert dialog.day_edits[5].text() == ""
    assert dialog.total.text() == "35 h 00 a week"
