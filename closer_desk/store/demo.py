"""Filling an empty agenda with ``closer_desk.core.demo`` sample data."""

from __future__ import annotations

from closer_desk.core.demo import DemoData
from closer_desk.core.errors import ValidationError
from closer_desk.core.model import Status
from closer_desk.store.agenda import Agenda


def load_demo(agenda: Agenda, data: DemoData) -> int:
    """Add the sample closer, companies, prospects and calls; return how many calls.

    Refuses an agenda that already holds companies, prospects or calls, so demo data never
    mixes with a user's own.
    """
    # One transaction: a demo interrupted half-way would leave an agenda that is neither
    # empty (so demo refuses it) nor complete.
    with agenda.batch():
        return _load(agenda, data)


def _load(agenda: Agenda, data: DemoData) -> int:
    if not agenda.is_empty():
        raise ValidationError("agenda", "not_empty", str(agenda.path or ""))
    closers = agenda.closers()
    closer = (
        closers[0]
        if closers
        else agenda.add_closer(
            data.closer["name"],
            data.closer["zone"],
            email=data.closer["email"],
            planned_week_minutes=35 * 60,
        )
    )
    for company in data.companies:
        agenda.add_company(
            company.name,
            color=company.color,
            commission_rate=company.rate,
            default_kind=company.kind.value,
            default_minutes=company.minutes,
            default_video_url=company.url,
            zone=company.zone,
            country=company.country,
            script=company.script,
        )
    prospect_ids = [
        agenda.add_prospect(
            p.name,
            p.zone,
            organisation=p.organisation,
            country=p.country,
            subdivision=p.subdivision,
            language=p.language,
            phone=p.phone,
            email=p.email,
            temperature=p.temperature.value,
            need=p.need,
            motivations=p.motivations,
            blockages=p.blockages,
        ).id
        for p in data.prospects
    ]
    for call in data.calls:
        booked = agenda.book(
            company=call.company,
            prospect=prospect_ids[call.prospect_index],
            start=call.start,
            minutes=call.minutes,
            kind=call.kind,
            closer=closer.id,
            notes=call.notes,
            force=True,
        )
        if call.status == Status.CANCELLED:
            agenda.cancel(booked.id)
        elif call.status == Status.NO_SHOW:
            agenda.set_outcome(booked.id, Status.NO_SHOW.value)
        elif call.outcome is not None:
            agenda.set_outcome(
                booked.id,
                call.outcome.value,
                value=call.value,
                currency=call.currency or None,
                reason=call.reason,
            )
        elif call.status != Status.PLANNED:
            agenda.set_status(booked.id, call.status)
    return len(data.calls)
