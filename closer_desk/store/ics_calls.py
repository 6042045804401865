"""Gathering what an invite or an export needs: each call with its closer, company and
prospect (core objects; the private fields stay unused by ``core.ics``)."""

from __future__ import annotations

from datetime import datetime

from closer_desk.core.ics.invite import CallParties
from closer_desk.core.model import Appointment
from closer_desk.store.agenda import Agenda


def parties_of(agenda: Agenda, appointment: Appointment) -> CallParties:
    """The closer, company and prospect of one call."""
    return CallParties(
        closer=agenda.closer(appointment.closer_id),
        company=agenda.company(appointment.company_id),
        prospect=agenda.prospect(appointment.prospect_id),
    )


def calls_between(
    agenda: Agenda, start: datetime, end: datetime, *, closer_id: int | None = None
) -> list[tuple[Appointment, CallParties]]:
    """Live calls overlapping ``[start, end)`` with their parties (looked up once each)."""
    closers = {c.id: c for c in agenda.closers()}
    companies = {c.id: c for c in agenda.companies()}
    prospects: dict[int, object] = {}
    out: list[tuple[Appointment, CallParties]] = []
    for appointment in agenda.appointments(
        start, end, closer_id=closer_id, include_cancelled=False
    ):
        if appointment.prospect_id not in prospects:
            prospects[appointment.prospect_id] = agenda.prospect(appointment.prospect_id)
        out.append(
            (
                appointment,
                CallParties(
                    closer=closers[appointment.closer_id],
                    company=companies[appointment.company_id],
                    prospect=prospects[appointment.prospect_id],  # type: ignore[arg-type]
                ),
            )
        )
    return out
