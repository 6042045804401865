"""Report calculations: months in the closer's zone across DST, conversion with no-shows,
currencies kept apart, the week's booked hours, the CSV."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from decimal import Decimal
from itertools import count

from closer_desk.core.model import Appointment, Closer, Company, Outcome, Status
from closer_desk.core.reports import (
    Month,
    Tally,
    build_report,
    csv_rows,
    csv_text,
    week_load,
)
from closer_desk.core.tz import to_utc
from tests.helpers.factories import at

PARIS = "Europe/Paris"
COMPANIES = {
    1: Company(id=1, name="Acme", commission_rate=Decimal("0.15")),
    2: Company(id=2, name="Érable", commission_rate=Decimal("0.12")),
}
_ids = count(1)


def call(
    when: str,
    zone: str = PARIS,
    *,
    company: int = 1,
    status: Status = Status.DONE,
    outcome: Outcome | None = None,
    value: str | None = None,
    currency: str = "",
    rate: str | None = None,
    minutes: int = 45,
) -> Appointment:
    return Appointment(
        id=next(_ids),
        closer_id=1,
        company_id=company,
        prospect_id=1,
        start=at(when, zone),
        minutes=minutes,
        status=status,
        outcome=outcome,
        deal_value=Decimal(value) if value else None,
        currency=currency,
        commission_rate=Decimal(rate) if rate else None,
    )


def won(when: str, value: str, currency: str = "EUR", **kw: object) -> Appointment:
    return call(when, outcome=Outcome.WON, value=value, currency=currency, **kw)  # type: ignore[arg-type]


def test_month_bounds_span_the_dst_change():
    # Subtracting on the UTC line: same-zone subtraction would give wall-clock time.
    start, end = Month(2026, 3).bounds(PARIS)
    assert (start.hour, end.hour, end.day) == (0, 0, 1)
    # 31 days less the hour lost on 29 March
    assert to_utc(end) - to_utc(start) == timedelta(days=31, hours=-1)
    start, end = Month(2026, 10).bounds(PARIS)
    assert to_utc(end) - to_utc(start) == timedelta(days=31, hours=1)


def test_calls_filed_by_month_in_the_closers_zone_across_dst():
    calls = [
        won("2026-02-28 23:30", "100"),  # February
        won("2026-03-01 00:30", "200"),  # March, though still February in UTC
        won("2026-03-29 03:30", "400"),  # just after the clocks jump forward
        won("2026-03-31 23:30", "800"),  # last half hour of March (CEST)
        won("2026-04-01 00:30", "1600"),  # April, though still March in UTC
        # agreed in Toronto, 31 March 18:30 there = 1 April 00:30 in Paris: April
        won("2026-03-31 18:30", "3200", zone="America/Toronto"),
    ]
    report = build_report(calls, COMPANIES, PARIS, Month(2026, 2).next().back(2))
    by_month = {g.key: g for g in report.by_month()}
    assert by_month["2026-03"].tally.won == 3
    assert by_month["2026-03"].money[0].revenue == Decimal("1400")
    assert by_month["2026-02"].money[0].revenue == Decimal("100")
    assert report.total().tally.won == 4  # April's are outside the months asked for
    april = build_report(calls, COMPANIES, PARIS, [Month(2026, 4)])
    assert april.total().money[0].revenue == Decimal("4800")


def test_a_call_is_counted_once_even_if_listed_twice():
    one = won("2026-03-10 10:00", "100")
    report = build_report([one, one], COMPANIES, PARIS, [Month(2026, 3)])
    assert report.total().tally.won == 1


def test_conversion_leaves_no_shows_out_and_booked_conversion_counts_them():
    calls = [
        won("2026-03-02 10:00", "1000"),
        won("2026-03-03 10:00", "1000"),
        call("2026-03-04 10:00", outcome=Outcome.LOST),
        call("2026-03-05 10:00", outcome=Outcome.FOLLOW_UP),
        call("2026-03-06 10:00", status=Status.NO_SHOW),
        call("2026-03-09 10:00", status=Status.NO_SHOW),
        call("2026-03-10 10:00", status=Status.CANCELLED),
        call("2026-03-11 10:00", status=Status.PLANNED),
    ]
    tally = build_report(calls, COMPANIES, PARIS, [Month(2026, 3)]).total().tally
    assert tally == Tally(calls_held=4, no_shows=2, won=2, lost=1, follow_ups=1)
    assert tally.conversion == Decimal("0.5000")
    assert tally.booked_conversion == Decimal("0.3333")
    assert Tally().conversion is None


def test_currencies_kept_apart_per_company_month_and_total():
    calls = [
        won("2026-03-02 10:00", "1000.00", "EUR"),
        won("2026-03-03 10:00", "2000.00", "USD"),
        won("2026-03-04 10:00", "500.00", "EUR", rate="0.30"),
        won("2026-03-05 10:00", "10000.00", "CAD", company=2),
    ]
    report = build_report(calls, COMPANIES, PARIS, [Month(2026, 3)])
    total = {m.currency: m for m in report.total().money}
    assert set(total) == {"CAD", "EUR", "USD"}
    assert (total["EUR"].revenue, total["EUR"].commission, total["EUR"].deals) == (
        Decimal("1500.00"),
        Decimal("300.00"),
        2,
    )
    assert total["USD"].commission == Decimal("300.00")
    assert total["CAD"].commission == Decimal("1200.00")
    acme, erable = report.by_company()
    assert (acme.key, [m.currency for m in acme.money]) == ("Acme", ["EUR", "USD"])
    assert (erable.key, [m.currency for m in erable.money]) == ("Érable", ["CAD"])
    assert report.currencies() == ("CAD", "EUR", "USD")


def test_week_load_against_planned_hours_across_the_dst_week():
    closer = Closer(id=1, name="Camille", zone=PARIS, planned_week_minutes=35 * 60)
    calls = [
        call("2026-03-23 09:00", minutes=60),  # Monday of the week before (outside)
        call("2026-03-30 00:30", minutes=60),  # Monday 00:30: inside
        call("2026-03-31 10:00", minutes=90, status=Status.NO_SHOW),  # took the slot
        call("2026-04-01 10:00", minutes=60, status=Status.CANCELLED),  # freed
        call("2026-04-05 23:30", minutes=30, status=Status.PLANNED),  # Sunday 23:30: inside
        call("2026-04-06 00:00", minutes=30, status=Status.PLANNED),  # next Monday: outside
    ]
    load = week_load(calls, closer, at("2026-04-02 12:00", PARIS))
    assert (str(load.monday), load.booked_minutes, load.planned_minutes) == (
        "2026-03-30",
        180,
        2100,
    )
    assert load.share == Decimal("0.0857")
    # Without a planned figure the closer's weekly hours count (default 5 x 9 h).
    assert (
        week_load(
            [], Closer(id=1, name="C", zone=PARIS), at("2026-04-02 12:00", PARIS)
        ).planned_minutes
        == 45 * 60
    )


def test_csv_has_a_column_pair_per_currency_and_a_total_per_month():
    calls = [won("2026-03-02 10:00", "1000.00", "EUR"), won("2026-03-03 10:00", "2000.00", "USD")]
    rows = csv_rows(build_report(calls, COMPANIES, PARIS, [Month(2026, 3)]))
    assert rows[0][-4:] == ["revenue_EUR", "commission_EUR", "revenue_USD", "commission_USD"]
    assert rows[1][:2] == ["2026-03", "Acme"]
    assert rows[1][-4:] == ["1000.00", "150.00", "2000.00", "300.00"]
    assert rows[-1][:2] == ["2026-03", "*"]
    parsed = list(
        csv.reader(io.StringIO(csv_text(build_report(calls, COMPANIES, PARIS, [Month(2026, 3)]))))
    )
    assert parsed == rows


def test_csv_defuses_a_company_name_that_looks_like_a_formula():
    companies = {1: Company(id=1, name='=HYPERLINK("x")', commission_rate=Decimal("0.1"))}
    rows = csv_rows(
        build_report([won("2026-03-02 10:00", "1")], companies, PARIS, [Month(2026, 3)])
    )
    assert rows[1][1].startswith("'=")


def test_month_parse_and_navigation():
    assert str(Month.parse("2026-01").previous()) == "2025-12"
    assert str(Month(2026, 12).next()) == "2027-01"
    assert [str(m) for m in Month(2026, 2).back(3)] == ["2025-12", "2026-01", "2026-02"]
    for bad in ("2026-13", "26-01", "2026/01", ""):
        try:
            Month.parse(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_a_cancelled_call_that_kept_its_won_deal_earns_nothing():
    # Older versions let a won call be cancelled with its outcome: its deal is not revenue.
    calls = [
        won("2026-03-10 10:00", "100"),
        won("2026-03-11 10:00", "5000", status=Status.CANCELLED),
        won("2026-03-12 10:00", "7000", status=Status.PLANNED),
    ]
    total = build_report(calls, COMPANIES, PARIS, [Month(2026, 3)]).total()
    assert (total.tally.won, total.tally.calls_held) == (1, 1)
    assert [(m.deals, m.revenue) for m in total.money] == [(1, Decimal("100"))]
