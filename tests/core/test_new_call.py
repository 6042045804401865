"""The time a new call starts at, and the currency its deal is signed in, chosen without Qt."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

from closer_desk.core.commission import deal_currency
from closer_desk.core.model import Appointment, Outcome, Status
from closer_desk.core.new_call import default_start
from tests.helpers.factories import at


def test_today_the_next_full_hour_not_before_nine() -> None:
    today = date(2026, 3, 3)
    assert default_start(today, datetime(2026, 3, 3, 7, 40)) == datetime(2026, 3, 3, 9)
    assert default_start(today, datetime(2026, 3, 3, 14, 5)) == datetime(2026, 3, 3, 15)


def test_late_evening_stays_on_the_day() -> None:
    # 23:30: the next full hour is tomorrow; the call stays on the day asked for.
    assert default_start(date(2026, 3, 3), datetime(2026, 3, 3, 23, 30)) == datetime(2026, 3, 3, 23)


def test_another_day_at_ten() -> None:
    assert default_start(date(2026, 3, 9), at("2026-03-03 23:30", "Europe/Paris")) == datetime(
        2026, 3, 9, 10
    )


def _call(day: str, outcome: Outcome | None = None, currency: str = "") -> Appointment:
    return Appointment(
        id=1,
        closer_id=1,
        company_id=1,
        prospect_id=1,
        start=at(day, "Europe/Paris"),
        minutes=30,
        status=Status.DONE if outcome else Status.PLANNED,
        outcome=outcome,
        deal_value=Decimal(100) if outcome == Outcome.WON else None,
        currency=currency,
    )


def test_the_latest_won_deal_gives_the_currency() -> None:
    won_cad = _call("2026-01-10 10:00", Outcome.WON, "CAD")
    won_usd = replace(_call("2026-02-10 10:00", Outcome.WON, "USD"), id=2)
    lost = replace(_call("2026-03-01 10:00", Outcome.LOST), id=3)
    assert deal_currency("FR", [won_usd, won_cad, lost]) == "USD"


def test_else_the_companys_country_else_the_fallback() -> None:
    assert deal_currency("ca") == "CAD"
    assert deal_currency("JP") == "JPY"
    assert deal_currency("") == "EUR"
    assert deal_currency("", fallback="GBP") == "GBP"


def test_a_new_call_starts_where_the_closers_calls_leave_room() -> None:
    day = date(2026, 3, 9)
    taken = [
        (datetime(2026, 3, 9, 10, 0), datetime(2026, 3, 9, 10, 45)),
        (datetime(2026, 3, 9, 11, 0), datetime(2026, 3, 9, 11, 30)),
    ]
    now = datetime(2026, 3, 3, 8, 0)
    # 10:00 is taken, 10:45 leaves only a quarter hour before 11:00: 11:30.
    assert default_start(day, now, taken, minutes=30) == datetime(2026, 3, 9, 11, 30)
    assert default_start(day, now, taken, minutes=15) == datetime(2026, 3, 9, 10, 45)
    # Nothing free to the end of the day: the usual time (the editor names the overlap).
    full = [(datetime(2026, 3, 9, 9, 0), datetime(2026, 3, 10, 0, 0))]
    assert default_start(day, now, full) == datetime(2026, 3, 9, 10, 0)
