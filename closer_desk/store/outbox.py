"""The outbox: every e-mail the agenda sends, kept in the agenda file until it is sent.

A message is queued in the transaction of the change it announces (run both inside
``Agenda.batch()``: the call is booked and its invite queued, or neither). It holds the whole
message, built once with a Message-ID of its own, so every try sends the same bytes. Sending
(``store.sending``) moves it through ``MessageState``; what a call shows comes from
``invite_states``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, insert, select, update

from closer_desk.core.errors import NotFoundError, ValidationError
from closer_desk.core.mail.account import MailAccount
from closer_desk.core.mail.message import (
    Sender,
    invite_message,
    message_id,
    reminder_message,
)
from closer_desk.core.mail.state import INVITE_KINDS, WAITING, MailKind, MessageState, PartStat
from closer_desk.core.model import Status
from closer_desk.store import rows as R
from closer_desk.store.ics_calls import parties_of
from closer_desk.store.invites import invite_states, note_invites
from closer_desk.store.mail_accounts import mail_account, reminder_hours
from closer_desk.store.schema import appointments, outbox

if TYPE_CHECKING:
    from closer_desk.store.agenda import Agenda

_INVITE_KIND_VALUES = tuple(k.value for k in INVITE_KINDS)
# An update is an update only for a prospect who may have the invite: a queued message is
# superseded by the next one, a failed one never arrived.
_MAY_HAVE_ARRIVED = (
    MessageState.COMMITTING,
    MessageState.SENT,
    MessageState.UNCONFIRMED,
)


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    """One message of the outbox (its bytes stay in the agenda; ``message()`` reads them).

    Attributes:
        id: the outbox id (``outbox send``/``retry`` take it).
        closer_id, appointment_id: whose account sends it, and the call it is about.
        kind: invite, update, cancel, reminder or decline-counter.
        sequence: the call's SEQUENCE it announces.
        recipient: the prospect's address.
        message_id: the RFC 5322 Message-ID, the same on every try.
        state: where it is; ``attempts``, ``next_attempt`` and ``last_error`` say how sending
            went (``last_error`` holds the server's words).
        queued, sent: when it was queued and accepted by the server (aware, UTC).
    """

    id: int
    closer_id: int
    appointment_id: int | None
    kind: MailKind
    sequence: int
    recipient: str
    message_id: str
    state: MessageState
    attempts: int
    next_attempt: datetime
    last_error: str
    queued: datetime
    sent: datetime | None


_COLUMNS = [c for c in outbox.c if c.name != "message"]


def _from_row(row: Any) -> OutboxMessage:
    return OutboxMessage(
        id=row.id,
        closer_id=row.closer_id,
        appointment_id=row.appointment_id,
        kind=MailKind(row.kind),
        sequence=row.sequence,
        recipient=row.recipient,
        message_id=row.message_id,
        state=MessageState(row.state),
        attempts=row.attempts,
        next_attempt=R.from_epoch(row.next_attempt_utc),
        last_error=row.last_error,
        queued=R.from_epoch(row.queued_utc),
        sent=R.from_epoch(row.sent_utc) if row.sent_utc is not None else None,
    )


def _kind_for(agenda: Agenda, appointment_id: int, cancelled: bool) -> MailKind:
    if cancelled:
        return MailKind.CANCEL
    with agenda.engine.connect() as conn:
        earlier = conn.execute(
            select(outbox.c.id).where(
                outbox.c.appointment_id == appointment_id,
                outbox.c.kind.in_(_INVITE_KIND_VALUES),
                outbox.c.state.in_([s.value for s in _MAY_HAVE_ARRIVED]),
            )
        ).first()
    return MailKind.UPDATE if earlier else MailKind.INVITE


def queue_invite(
    agenda: Agenda, appointment_id: int, *, kind: MailKind | None = None
) -> OutboxMessage:
    """Queue the invite of a call as it stands now: REQUEST (an update once one was queued
    before), CANCEL for a cancelled call, or ``kind`` when given (``DECLINE_COUNTER``).

    Older messages about the same call that have not started to go out are superseded:
    the prospect gets the newest version only. Raises ``NotFoundError("mail account", ...)``
    when the closer has none and ``ValidationError("prospect", "no_email")`` when the prospect has
    no address: nothing is queued then.
    """
    appointment = agenda.appointment(appointment_id)
    parties = parties_of(agenda, appointment)
    account = mail_account(agenda, appointment.closer_id)
    if not parties.prospect.email:
        raise ValidationError("prospect", "no_email", parties.prospect.name)
    chosen = kind or _kind_for(agenda, appointment.id, appointment.status == Status.CANCELLED)
    return _queue(
        agenda,
        account,
        appointment.id,
        chosen,
        appointment.sequence,
        parties.prospect.email,
        lambda msgid, now: invite_message(
            appointment,
            parties,
            kind=chosen,
            sender=Sender(account.address, parties.closer.name),
            now=now,
            msgid=msgid,
        ),
        supersede=chosen != MailKind.DECLINE_COUNTER,
    )


def _queue(
    agenda: Agenda,
    account: MailAccount,
    appointment_id: int | None,
    kind: MailKind,
    sequence: int,
    recipient: str,
    build: Any,
    *,
    supersede: bool,
    reminder_for: int | None = None,
) -> OutboxMessage:
    now = agenda.now()
    msgid = message_id(f"{uuid.uuid4().hex}.closer-desk", account.address)
    data: bytes = build(msgid, now)
    stamp = R.to_epoch(now)
    with agenda.engine.begin() as conn:
        if supersede and appointment_id is not None:
            conn.execute(
                update(outbox)
                .where(
                    outbox.c.appointment_id == appointment_id,
                    outbox.c.kind.in_(_INVITE_KIND_VALUES),
                    outbox.c.state == MessageState.QUEUED.value,
                )
                .values(state=MessageState.SUPERSEDED.value)
            )
        new_id = R.new_id(
            conn.execute(
                insert(outbox).values(
                    closer_id=account.closer_id,
                    appointment_id=appointment_id,
                    kind=kind.value,
                    sequence=sequence,
                    recipient=recipient,
                    message_id=msgid,
                    message=data,
                    state=MessageState.QUEUED.value,
                    next_attempt_utc=stamp,
                    queued_utc=stamp,
                    reminder_for_utc=reminder_for,
                )
            )
        )
    note_invites(agenda, [appointment_id])
    return message_by_id(agenda, new_id)


def message_by_id(agenda: Agenda, outbox_id: int) -> OutboxMessage:
    """One outbox message (``NotFoundError("message", id)``)."""
    with agenda.engine.connect() as conn:
        row = conn.execute(select(*_COLUMNS).where(outbox.c.id == int(outbox_id))).first()
    if row is None:
        raise NotFoundError("message", outbox_id)
    return _from_row(row)


def message_bytes(agenda: Agenda, outbox_id: int) -> bytes:
    """The whole RFC 5322 message, as it is sent."""
    with agenda.engine.connect() as conn:
        data = conn.execute(select(outbox.c.message).where(outbox.c.id == int(outbox_id))).scalar()
    if data is None:
        raise NotFoundError("message", outbox_id)
    return bytes(data)


def messages(
    agenda: Agenda,
    *,
    states: frozenset[MessageState] | None = None,
    appointment_id: int | None = None,
    limit: int = 500,
) -> list[OutboxMessage]:
    """Outbox messages, newest first (superseded ones only when ``states`` asks for them)."""
    query = select(*_COLUMNS).order_by(outbox.c.id.desc()).limit(limit)
    if states is not None:
        query = query.where(outbox.c.state.in_([s.value for s in states]))
    else:
        query = query.where(outbox.c.state != MessageState.SUPERSEDED.value)
    if appointment_id is not None:
        query = query.where(outbox.c.appointment_id == appointment_id)
    with agenda.engine.connect() as conn:
        return [_from_row(r) for r in conn.execute(query).all()]


def due(agenda: Agenda, *, only: frozenset[int] | None = None) -> list[OutboxMessage]:
    """Queued messages whose next try is now or past, oldest first (``only``: these ids,
    due or not: sending them is what the user asked)."""
    now = R.to_epoch(agenda.now())
    query = select(*_COLUMNS).where(outbox.c.state == MessageState.QUEUED.value)
    if only is not None:
        query = query.where(outbox.c.id.in_(sorted(only)))
    else:
        query = query.where(outbox.c.next_attempt_utc <= now)
    with agenda.engine.connect() as conn:
        return [_from_row(r) for r in conn.execute(query.order_by(outbox.c.id)).all()]


def retry(agenda: Agenda, outbox_ids: frozenset[int] | None = None) -> int:
    """Queue failed (and unconfirmed, when named) messages again, to go at the next send.

    Without ids, every failed message; an unconfirmed one (the server may have accepted it
    before a crash) goes again only when named, since the prospect may then get it twice.
    """
    now = R.to_epoch(agenda.now())
    if outbox_ids is None:
        condition = outbox.c.state == MessageState.FAILED.value
    else:
        condition = and_(
            outbox.c.id.in_(sorted(outbox_ids)),
            outbox.c.state.in_(
                (
                    MessageState.FAILED.value,
                    MessageState.UNCONFIRMED.value,
                    MessageState.EXPIRED.value,
                )
            ),
        )
    with agenda.engine.begin() as conn:
        if outbox_ids:
            known = set(
                conn.execute(select(outbox.c.id).where(outbox.c.id.in_(sorted(outbox_ids))))
                .scalars()
                .all()
            )
            if missing := sorted(set(outbox_ids) - known):
                raise NotFoundError("message", missing[0])
        calls = conn.execute(select(outbox.c.appointment_id).where(condition)).scalars().all()
        result = conn.execute(
            update(outbox)
            .where(condition)
            .values(
                state=MessageState.QUEUED.value, next_attempt_utc=now, attempts=0, last_error=""
            )
        )
    note_invites(agenda, calls)
    return int(result.rowcount)


def queue_reminders(agenda: Agenda) -> list[OutboxMessage]:
    """Queue the reminders that are due now: for the calls of companies that remind, whose
    start is within their hours from now, whose invite was sent and not declined, and that
    have no reminder for that start yet. Bounded by the index on start time."""
    hours = reminder_hours(agenda)
    if not hours:
        return []
    now = agenda.now()
    lo = R.to_epoch(now)
    hi = R.to_epoch(now + timedelta(hours=max(hours.values())))
    with agenda.engine.connect() as conn:
        rows = conn.execute(
            select(appointments.c.id, appointments.c.company_id, appointments.c.start_utc)
            .where(
                appointments.c.start_utc > lo,
                appointments.c.start_utc <= hi,
                appointments.c.company_id.in_(sorted(hours)),
                appointments.c.status.in_((Status.PLANNED.value, Status.CONFIRMED.value)),
            )
            .order_by(appointments.c.start_utc)
        ).all()
        reminded = {
            (r.appointment_id, r.reminder_for_utc)
            for r in conn.execute(
                select(outbox.c.appointment_id, outbox.c.reminder_for_utc).where(
                    outbox.c.kind == MailKind.REMINDER.value,
                    outbox.c.appointment_id.in_([r.id for r in rows]),
                )
            )
        }
    candidates = [
        r
        for r in rows
        if r.start_utc - hours[r.company_id] * 3600 <= lo and (r.id, r.start_utc) not in reminded
    ]
    states = invite_states(agenda, [r.id for r in candidates])
    queued = []
    for row in candidates:
        status = states[row.id]
        if status.sent is None or status.answer == PartStat.DECLINED:
            continue
        appointment = agenda.appointment(row.id)
        parties = parties_of(agenda, appointment)
        account = mail_account(agenda, appointment.closer_id)
        queued.append(
            _queue(
                agenda,
                account,
                appointment.id,
                MailKind.REMINDER,
                appointment.sequence,
                parties.prospect.email,
                lambda msgid, at, a=appointment, p=parties, s=account: reminder_message(
                    a, p, sender=Sender(s.address, p.closer.name), now=at, msgid=msgid
                ),
                supersede=False,
                reminder_for=row.start_utc,
            )
        )
    return queued


def waiting_count(agenda: Agenda) -> int:
    """How many messages still wait to go (queued, or caught mid-send)."""
    with agenda.engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count())
                .select_from(outbox)
                .where(outbox.c.state.in_([s.value for s in WAITING]))
            ).scalar_one()
        )
