"""What a won deal earns the closer: deal value times the deal's rate, in the deal's currency.

Amounts are ``Decimal`` and stay in the currency the deal was signed in: nothing here converts
between currencies, so totals are always kept per currency.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from closer_desk.core.model import Appointment, Company, Outcome

CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Commission:
    """The commission of one won deal.

    Attributes:
        appointment_id: the call the deal was won on.
        company_id: the client company that pays the commission.
        currency: ISO code of the deal (and of the commission).
        deal_value: what the prospect signed for.
        rate: the rate applied (the deal's override, else the company's rate when it was won).
        overridden: True when the deal carried its own rate.
        amount: ``deal_value * rate`` rounded half-up to the cent.
    """

    appointment_id: int
    company_id: int
    currency: str
    deal_value: Decimal
    rate: Decimal
    overridden: bool
    amount: Decimal


def to_cents(amount: Decimal) -> Decimal:
    """``amount`` rounded half-up to the cent (how an invoice rounds)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def rate_for(appointment: Appointment, company: Company) -> Decimal:
    """The rate of a deal: its own override when set, else the company's rate frozen when the
    deal was won, else (a deal recorded without one) the company's current rate."""
    if appointment.commission_rate is not None:
        return appointment.commission_rate
    if appointment.company_rate is not None:
        return appointment.company_rate
    return company.commission_rate


def commission(appointment: Appointment, company: Company) -> Commission | None:
    """The commission of ``appointment`` if it is a won deal with a value, else None.

    Raises ``ValueError`` when ``company`` is not the appointment's company (a caller bug that
    would silently apply the wrong rate).
    """
    if appointment.company_id != company.id:
        raise ValueError(f"appointment {appointment.id} is not a call for company {company.id}")
    if appointment.outcome != Outcome.WON or appointment.deal_value is None:
        return None
    rate = rate_for(appointment, company)
    return Commission(
        appointment_id=appointment.id,
        company_id=company.id,
        currency=appointment.currency,
        deal_value=appointment.deal_value,
        rate=rate,
        overridden=appointment.commission_rate is not None,
        amount=to_cents(appointment.deal_value * rate),
    )


def deal_currency(country: str, history: Iterable[Appointment] = (), fallback: str = "EUR") -> str:
    """The currency a new deal is most likely signed in: that of the prospect's latest won
    deal, else the current currency of the company's ``country`` (ISO 3166 code), else
    ``fallback``."""
    for call in sorted(history, key=lambda c: c.start_utc, reverse=True):
        if call.outcome == Outcome.WON and call.currency:
            return call.currency
    if country:
        from babel.numbers import get_territory_currencies  # only when recording a deal

        found = get_territory_currencies(country.upper())
        if found:
            return str(found[0])
    return fallback
