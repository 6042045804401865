"""The call's desk: script ticks and notes taken during a call, and everything the details
pane shows about the call in one read.

Ticks and notes are private: they stay in the agenda file and never go into an invite or an
export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select

from closer_desk.core.errors import ValidationError
from closer_desk.core.model import Appointment, Booking, Changes, Company, Prospect
from closer_desk.core.script import ScriptStep, checklist, script_steps
from closer_desk.store import rows as R
from closer_desk.store.agenda import Agenda
from closer_desk.store.schema import script_ticks


@dataclass(frozen=True, slots=True)
class CallDesk:
    """What the closer has in front of them for one call.

    Attributes:
        appointment: the call.
        company: whose script it is.
        prospect: who is on the line, with their private file.
        script: the company's closing script as steps, with this call's ticks.
        history: every call with this prospect, oldest first (this one included).
    """

    appointment: Appointment
    company: Company
    prospect: Prospect
    script: tuple[ScriptStep, ...]
    history: tuple[Appointment, ...]


def ticks(agenda: Agenda, appointment_id: int) -> dict[int, str]:
    """The ticked steps of a call: position -> the step's text when it was ticked."""
    with agenda.engine.connect() as conn:
        rows = conn.execute(
            select(script_ticks.c.step, script_ticks.c.text).where(
                script_ticks.c.appointment_id == int(appointment_id)
            )
        ).all()
    return {int(r.step): str(r.text) for r in rows}


def call_desk(agenda: Agenda, appointment_id: int) -> CallDesk:
    """The call, its company's script with this call's ticks, the prospect and their calls."""
    appointment = agenda.appointment(appointment_id)
    company = agenda.company(appointment.company_id)
    return CallDesk(
        appointment=appointment,
        company=company,
        prospect=agenda.prospect(appointment.prospect_id),
        script=checklist(company.script, ticks(agenda, appointment.id)),
        history=tuple(agenda.history(appointment.prospect_id)),
    )


def set_tick(
    agenda: Agenda, appointment_id: int, step: int, ticked: bool
) -> tuple[ScriptStep, ...]:
    """Tick (or untick) step ``step`` of the call's script; returns the updated checklist."""
    appointment = agenda.appointment(appointment_id)
    steps = script_steps(agenda.company(appointment.company_id).script)
    if not 0 <= step < len(steps):
        raise ValidationError("step", "out_of_range", step)
    with agenda.engine.begin() as conn:
        conn.execute(
            delete(script_ticks).where(
                script_ticks.c.appointment_id == appointment.id, script_ticks.c.step == step
            )
        )
        if ticked:
            conn.execute(
                insert(script_ticks).values(
                    appointment_id=appointment.id,
                    step=step,
                    text=steps[step],
                    ticked_utc=R.to_epoch(agenda.now()),
                )
            )
    agenda.note_changes(Changes(notes=frozenset({appointment.id})))
    return checklist(agenda.company(appointment.company_id).script, ticks(agenda, appointment.id))


def set_call_notes(agenda: Agenda, appointment_id: int, text: str) -> Appointment:
    """Replace the private notes of a call (taken during it). Does not change the invite."""
    return agenda.update_details(appointment_id, notes=text)


def book_next_call(
    agenda: Agenda,
    previous_id: int,
    start: datetime,
    *,
    minutes: int | None = None,
    force: bool = False,
) -> Appointment:
    """Book the next call after a follow-up or a no-show: same closer, company, prospect and
    kind, linked to the earlier call by ``previous_id`` so the history reads as one thread.
    The earlier call keeps its outcome."""
    previous = agenda.appointment(previous_id)
    return agenda.book_call(Booking.following(previous, start, minutes), force=force)
