"""Properties of the report: months split and add up, roll-ups agree, zones across the world."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from closer_desk.core.model import Appointment, Company, Outcome, Status
from closer_desk.core.reports import Month, build_report
from closer_desk.core.tz import to_utc
from tests.helpers.factories import at
from tests.helpers.fuzzing import examples

COMPANIES = {
    1: Company(id=1, name="Acme", commission_rate=Decimal("0.15")),
    2: Company(id=2, name="Brightpath", commission_rate=Decimal("0.10")),
}
MONTHS = Month(2026, 4).back(4)  # January to April 2026; calls also fall outside them

calls = st.lists(
    st.builds(
        lambda i, minute, company, kind, value, currency, rate: Appointment(
            id=i,
            closer_id=1,
            company_id=company,
            prospect_id=1,
            start=datetime(2025, 12, 31, tzinfo=UTC) + timedelta(minutes=minute),
            minutes=30,
            status=Status.NO_SHOW if kind == "no-show" else Status.DONE,
            outcome=None if kind == "no-show" else Outcome(kind),
            deal_value=Decimal(value) / 100 if kind == "won" else None,
            currency=currency if kind == "won" else "",
            commission_rate=rate,
        ),
        st.integers(1, 10**9),
        st.integers(0, 125 * 24 * 60),
        st.sampled_from((1, 2)),
        st.sampled_from(("won", "lost", "follow-up", "no-show")),
        st.integers(0, 10**9),
        st.sampled_from(("EUR", "USD", "JPY")),
        st.one_of(st.none(), st.sampled_from((Decimal("0.05"), Decimal("0.2")))),
    ),
    max_size=60,
    unique_by=lambda a: a.id,
)


@settings(max_examples=examples(60), deadline=None)
@given(calls, st.sampled_from(("Europe/Paris", "America/New_York", "Australia/Sydney")))
def test_months_add_up_and_roll_ups_agree(appointments, zone):
    whole = build_report(appointments, COMPANIES, zone, MONTHS)
    parts = [build_report(appointments, COMPANIES, zone, [m]) for m in MONTHS]
    assert whole.total().tally == sum(
        (p.total().tally for p in parts), start=type(whole.total().tally)()
    )
    totals: dict[str, Decimal] = {}
    for p in parts:
        for m in p.total().money:
            totals[m.currency] = totals.get(m.currency, Decimal(0)) + m.commission
    assert {m.currency: m.commission for m in whole.total().money} == totals
    by_company: dict[str, Decimal] = {}
    for g in whole.by_company():
        for m in g.money:
            by_company[m.currency] = by_company.get(m.currency, Decimal(0)) + m.revenue
    assert {m.currency: m.revenue for m in whole.total().money} == by_company


@pytest.mark.parametrize(
    ("zone", "month", "hours"),
    [
        ("Europe/Berlin", Month(2026, 3), 31 * 24 - 1),
        ("America/New_York", Month(2026, 11), 30 * 24 + 1),
        ("Australia/Sydney", Month(2026, 4), 30 * 24 + 1),  # southern autumn: clocks go back
        ("America/Bogota", Month(2026, 3), 31 * 24),  # no DST
        ("Pacific/Apia", Month(2011, 12), 30 * 24),  # Samoa skipped 30 December 2011
    ],
)
def test_a_month_lasts_its_real_length_and_keeps_its_first_and_last_calls(zone, month, hours):
    start, end = month.bounds(zone)
    assert to_utc(end) - to_utc(start) == timedelta(hours=hours)
    first = month.first_day()
    nxt = month.next().first_day()
    edge_calls = [
        Appointment(
            id=1,
            closer_id=1,
            company_id=1,
            prospect_id=1,
            minutes=30,
            status=Status.DONE,
            start=at(f"{first} 00:30", zone),
        ),
        Appointment(
            id=2,
            closer_id=1,
            company_id=1,
            prospect_id=1,
            minutes=30,
            status=Status.DONE,
            start=at(f"{nxt} 00:30", zone),
        ),
        Appointment(
            id=3,
            closer_id=1,
            company_id=1,
            prospect_id=1,
            minutes=30,
            status=Status.DONE,
            start=(to_utc(start) - timedelta(minutes=1)).astimezone(start.tzinfo),
        ),
    ]
    report = build_report(edge_calls, COMPANIES, zone, [month])
    assert report.total().tally.calls_held == 1
