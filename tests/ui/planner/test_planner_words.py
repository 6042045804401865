"""The planner in the window's words: the proposal's languages by their names, and its dates
written as the rest of the window writes them (the date field and the day over the strip)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from closer_desk.ui.common import i18n
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.planner.room import Planner
from tests.ui.planner.test_planner import _search

pytestmark = pytest.mark.usefixtures("british_clock_locale")


def test_the_proposals_languages_are_named_not_coded(qtbot: Any, planner: Planner) -> None:
    box = planner.language_box
    texts = {box.itemData(i): box.itemText(i) for i in range(box.count())}
    assert texts == {"fr": "Français", "en": "English"}
    _search(qtbot, planner, "Gabriel", "Érable", date(2026, 3, 9), days=5)
    assert box.currentData() == "fr" and box.currentText() == "Français"


def test_the_planners_dates_are_written_as_the_windows(qtbot: Any, source: AgendaSource) -> None:
    i18n.set_formats(week_start=6)
    try:
        room = Planner(source)
        qtbot.addWidget(room)
        qtbot.waitUntil(lambda: room.prospect_box.count() == 3, timeout=5000)
        _search(qtbot, room, "Gabriel", "Érable", date(2026, 3, 9), days=5)
        assert room.from_box.text() == i18n.format_day_month_year(date(2026, 3, 9))
        calendar = room.from_box.calendarWidget()
        assert calendar is not None and calendar.firstDayOfWeek() == i18n.qt_week_start()
        shown = room.strip.content.title
        assert shown in {
            i18n.format_date(d, long=True) for d in (date(2026, 3, 9), date(2026, 3, 10))
        }
    finally:
        i18n.set_formats()
