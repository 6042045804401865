"""Where each call's invite stands (not sent, queued, sent, failed, the prospect's answer),
from the outbox and the answers recorded: what ``agenda --json`` and the window's badge show.

Kept apart from ``store.outbox`` so that a listing does not load what building a message
needs (``email``, icalendar, babel): two queries, no more imports than the agenda's own.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select

from closer_desk.core.mail.state import (
    INVITE_KINDS,
    InviteStatus,
    MessageState,
    PartStat,
    invite_status,
)
from closer_desk.core.model import Changes
from closer_desk.store import rows as R
from closer_desk.store.schema import appointments, invite_answers, outbox

if TYPE_CHECKING:
    from closer_desk.store.agenda import Agenda

_INVITE_KIND_VALUES = tuple(INVITE_KINDS)


def invite_states(agenda: Agenda, appointment_ids: list[int]) -> dict[int, InviteStatus]:
    """The invite state of each call: its last invite message and the newest answer to its
    current SEQUENCE. Two queries for the whole list."""
    ids = sorted(set(appointment_ids))
    if not ids:
        return {}
    with agenda.engine.connect() as conn:
        last = (
            select(func.max(outbox.c.id))
            .where(
                outbox.c.appointment_id.in_(ids),
                outbox.c.kind.in_(_INVITE_KIND_VALUES),
                outbox.c.state != MessageState.SUPERSEDED.value,
            )
            .group_by(outbox.c.appointment_id)
        )
        messages_by_call = {
            r.appointment_id: r
            for r in conn.execute(
                select(
                    outbox.c.id,
                    outbox.c.appointment_id,
                    outbox.c.state,
                    outbox.c.last_error,
                    outbox.c.sent_utc,
                ).where(outbox.c.id.in_(last))
            ).all()
        }
        sent_at: dict[int, int] = {
            int(call): int(stamp)
            for call, stamp in conn.execute(
                select(outbox.c.appointment_id, func.max(outbox.c.sent_utc))
                .where(
                    outbox.c.appointment_id.in_(ids),
                    outbox.c.kind.in_(_INVITE_KIND_VALUES),
                    outbox.c.sent_utc.is_not(None),
                )
                .group_by(outbox.c.appointment_id)
            )
        }
        answers = conn.execute(
            select(
                invite_answers.c.appointment_id,
                invite_answers.c.method,
                invite_answers.c.partstat,
                invite_answers.c.counter_state,
                invite_answers.c.proposed_start_utc,
                invite_answers.c.proposed_end_utc,
            )
            .join(appointments, appointments.c.id == invite_answers.c.appointment_id)
            .where(
                invite_answers.c.appointment_id.in_(ids),
                invite_answers.c.sequence >= appointments.c.sequence,
                or_(invite_answers.c.method == "REPLY", invite_answers.c.counter_state == "open"),
            )
            .order_by(invite_answers.c.id)
        ).all()
    answer: dict[int, PartStat] = {}
    counter: dict[int, tuple[datetime, datetime]] = {}
    for a in answers:
        if a.method == "REPLY":
            answer[a.appointment_id] = PartStat(a.partstat)
            counter.pop(a.appointment_id, None)
        else:
            counter[a.appointment_id] = (
                R.from_epoch(a.proposed_start_utc),
                R.from_epoch(a.proposed_end_utc),
            )
    out = {}
    for call in ids:
        row = messages_by_call.get(call)
        sent = sent_at.get(call)
        out[call] = invite_status(
            MessageState(row.state) if row is not None else None,
            sent=R.from_epoch(sent) if sent is not None else None,
            reason=row.last_error if row is not None else "",
            answer=answer.get(call),
            counter=counter.get(call),
            message_id=row.id if row is not None else None,
        )
    return out


def note_invites(agenda: Agenda, appointment_ids: Iterable[int | None]) -> None:
    """Tell the window which calls' invites changed (``Changes.invites``)."""
    ids = frozenset(i for i in appointment_ids if i is not None)
    if ids:
        agenda.note_changes(Changes(invites=ids))
