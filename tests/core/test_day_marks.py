"""Public holidays for the agenda's days: the closer's country from their zone (and travel),
the prospect's country and region, in the window's language."""

from __future__ import annotations

from datetime import date

from closer_desk.core.day_marks import (
    DayHolidays,
    day_holidays,
    holiday,
    holiday_language,
)
from closer_desk.core.model import Closer, TravelPeriod
from closer_desk.core.tz import zone_country

PARIS = Closer(1, "Camille Durand", "Europe/Paris")
EASTER_MONDAY = date(2026, 4, 6)
GOOD_FRIDAY = date(2026, 4, 3)


def test_a_zone_belongs_to_its_country() -> None:
    assert zone_country("Europe/Paris") == "FR"
    assert zone_country("America/Toronto") == "CA"
    assert zone_country("Asia/Kolkata") == "IN"
    assert zone_country("UTC") == "" and zone_country("Etc/GMT+3") == ""
    assert zone_country("Not/AZone") == ""


def test_names_come_in_the_window_language_when_the_package_has_it() -> None:
    assert holiday_language("FR", "en") == "en_US"
    assert holiday_language("FR", "fr") == "fr"
    assert holiday_language("JP", "fr") == ""  # Japanese calendar: no French names
    assert holiday("FR", "", EASTER_MONDAY, "en") == "Easter Monday"
    assert holiday("FR", "", EASTER_MONDAY, "fr") == "Lundi de Pâques"
    assert holiday("", "", EASTER_MONDAY) == "" and holiday("ZZ", "", EASTER_MONDAY) == ""


def test_the_closers_holidays_and_the_prospects_are_told_apart() -> None:
    days = [date(2026, 4, d) for d in range(1, 8)]
    marks = day_holidays(days, PARIS, "CA", "QC", "en")
    assert marks[EASTER_MONDAY] == DayHolidays("Easter Monday", "FR", "", "CA")
    # Good Friday is a holiday in Québec, not in France: the prospect's alone.
    assert marks[GOOD_FRIDAY] == DayHolidays("", "FR", "Good Friday", "CA")
    assert date(2026, 4, 2) not in marks


def test_the_same_day_off_on_both_sides_is_marked_once() -> None:
    marks = day_holidays([EASTER_MONDAY], PARIS, "FR", "", "en")
    assert marks[EASTER_MONDAY] == DayHolidays("Easter Monday", "FR", "", "FR")


def test_a_travelling_closer_has_the_holidays_of_where_they_are() -> None:
    away = Closer(
        1,
        "Camille Durand",
        "Europe/Paris",
        travels=(TravelPeriod(date(2026, 6, 29), date(2026, 7, 3), "America/Toronto"),),
    )
    canada_day = date(2026, 7, 1)
    assert day_holidays([canada_day], away, language="en")[canada_day].closer == "Canada Day"
    assert canada_day not in day_holidays([canada_day], PARIS, language="en")
    assert day_holidays([canada_day], None) == {}
