"""Commission per won deal: rate, per-deal override, rounding, currencies kept apart."""

from __future__ import annotations

from decimal import Decimal

import pytest

from closer_desk.core.commission import commission, rate_for, to_cents
from closer_desk.core.model import Appointment, Company, Outcome, Status
from closer_desk.core.reports import Money
from tests.helpers.factories import at

ACME = Company(id=1, name="Acme", commission_rate=Decimal("0.15"))


def call(**fields: object) -> Appointment:
    base: dict[str, object] = {
        "id": 7,
        "closer_id": 1,
        "company_id": 1,
        "prospect_id": 1,
        "start": at("2026-03-03 15:00", "Europe/Paris"),
        "minutes": 45,
        "status": Status.DONE,
        "outcome": Outcome.WON,
        "deal_value": Decimal("2000.00"),
        "currency": "EUR",
    }
    base.update(fields)
    return Appointment(**base)  # type: ignore[arg-type]


def test_company_rate_applies_without_override():
    earned = commission(call(), ACME)
    assert earned is not None
    assert (earned.amount, earned.rate, earned.overridden) == (
        Decimal("300.00"),
        Decimal("0.15"),
        False,
    )
    assert earned.currency == "EUR"


def test_per_deal_override_wins_over_company_rate():
    earned = commission(call(commission_rate=Decimal("0.2")), ACME)
    assert earned is not None
    assert (earned.amount, earned.overridden) == (Decimal("400.00"), True)
    assert rate_for(call(commission_rate=Decimal("0")), ACME) == Decimal("0")


def test_amount_rounds_half_up_to_the_cent():
    assert to_cents(Decimal("1.005")) == Decimal("1.01")
    earned = commission(call(deal_value=Decimal("333.33")), ACME)
    assert earned is not None and earned.amount == Decimal("50.00")  # 49.9995


@pytest.mark.parametrize(
    "fields",
    [
        {"outcome": Outcome.LOST, "deal_value": None, "currency": ""},
        {"outcome": Outcome.FOLLOW_UP, "deal_value": None, "currency": ""},
        {"status": Status.NO_SHOW, "outcome": None, "deal_value": None, "currency": ""},
    ],
)
def test_only_won_deals_earn(fields):
    assert commission(call(**fields), ACME) is None


def test_wrong_company_is_refused():
    with pytest.raises(ValueError):
        commission(call(company_id=2), ACME)


def test_money_in_two_currencies_is_never_added():
    with pytest.raises(ValueError):
        Money("EUR", 1, Decimal("10"), Decimal("1")) + Money("USD", 1, Decimal("10"), Decimal("1"))


def test_rate_frozen_when_won_beats_the_companys_current_rate():
    renegotiated = Company(id=1, name="Acme", commission_rate=Decimal("0.10"))
    frozen = call(company_rate=Decimal("0.15"))
    earned = commission(frozen, renegotiated)
    assert earned is not None and (earned.rate, earned.amount, earned.overridden) == (
        Decimal("0.15"),
        Decimal("300.00"),
        False,
    )
    both = commission(call(company_rate=Decimal("0.15"), commission_rate=Decimal("0.05")), ACME)
    assert both is not None and both.amount == Decimal("100.00")
