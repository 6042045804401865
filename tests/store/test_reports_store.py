"""Reports read from the agenda: the month is the closer's, bounded reads, the week's load."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from closer_desk.core.reports import Month
from closer_desk.store.reports import current_month, load_report
from tests.helpers.factories import NOW, at

#: After every call these tests book: an outcome is only recorded once a call has started.
LATER = at("2026-03-05 09:00", "Europe/Paris")


def test_a_dst_month_counts_exactly_its_calls(agenda, clock):
    agenda.edit_closer("Camille", planned_week_minutes=35 * 60)
    for when, value in [
        ("2026-02-28 23:30", "1"),  # February
        ("2026-03-01 00:30", "10"),  # March (still February in UTC)
        ("2026-03-29 03:30", "100"),  # after the spring-forward gap
        ("2026-04-01 00:30", "1000"),  # April (still March in UTC)
    ]:
        call = agenda.book(
            company="Acme", prospect="Gabriel", start=at(when, "Europe/Paris"), force=True
        )
        clock.now = call.end + timedelta(minutes=1)
        agenda.set_outcome(call.id, "won", value=value, currency="EUR")
    clock.now = NOW
    march = load_report(agenda, [Month(2026, 3)])
    total = march.report.total()
    assert total.tally.won == 2
    assert total.money[0].revenue == Decimal("110.00")
    assert total.money[0].commission == Decimal("16.50")
    assert current_month(agenda) == Month(2026, 3)
    # The fixture's clock is Monday 2 March: the 1 March call is the previous week.
    assert (march.week.booked_minutes, march.week.planned_minutes) == (0, 2100)


def test_renegotiating_a_rate_does_not_reprice_deals_already_won(agenda, clock):
    clock.now = LATER
    call = agenda.book(
        company="Acme", prospect="Omar", start=at("2026-03-03 10:00", "Europe/Paris")
    )
    agenda.set_outcome(call.id, "won", value="1000", currency="EUR")
    agenda.edit_company("Acme", commission_rate="10")
    later = agenda.book(
        company="Acme", prospect="Omar", start=at("2026-03-04 10:00", "Europe/Paris")
    )
    agenda.set_outcome(later.id, "won", value="1000", currency="EUR")
    money = load_report(agenda, [Month(2026, 3)]).report.total().money
    assert [(m.currency, m.commission) for m in money] == [("EUR", Decimal("250.00"))]
    # a no-show or a loss recorded afterwards drops the frozen rate with the deal
    agenda.set_outcome(later.id, "lost", reason="Budget")
    assert agenda.appointment(later.id).company_rate is None


def test_undo_of_an_outcome_brings_back_the_deals_rates(agenda, clock):
    clock.now = LATER
    call = agenda.book(
        company="Acme", prospect="Omar", start=at("2026-03-03 10:00", "Europe/Paris")
    )
    from closer_desk.store.undo import recording, revert

    won = agenda.set_outcome(call.id, "won", value="1000", currency="EUR", commission_rate="20")
    with recording(agenda) as lost:
        agenda.set_outcome(call.id, "lost", reason="Changed mind")
    revert(agenda, lost.revision)
    back = agenda.appointment(call.id)
    assert (back.outcome, back.deal_value, back.commission_rate, back.company_rate) == (
        won.outcome,
        Decimal("1000.00"),
        Decimal("0.2000"),
        Decimal("0.1500"),
    )
