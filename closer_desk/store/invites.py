"""Where each call's invite stands (not sent, queued, sent, failed, the prospect's answer),
from the outbox and the answers recorded: what ``agenda --json`` and the window's badge show.

Kept apart from ``store.outbox`` so that a listing does not load what building a message
needs (``email``, icalendar, babel, SQLAlchemy): SQL text, no more imports than the agenda's
own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from closer_desk.core.mail.state import (
    INVITE_KINDS,
    InviteStatus,
    MessageState,
    PartStat,
    invite_status,
)
from closer_desk.core.model import Changes
from closer_desk.store import rows as R
from closer_desk.store.sql import fetch_named

if TYPE_CHECKING:
    from closer_desk.store.agenda import Agenda

# The calls and the kinds are each bound as one JSON array, however many calls are listed.
_OF_CALLS = "outbox.appointment_id IN (SELECT value FROM json_each(:ids))"
_INVITES = f"{_OF_CALLS} AND outbox.kind IN (SELECT value FROM json_each(:kinds))"
_LAST_MESSAGES = f"""
SELECT id, appointment_id, state, last_error, sent_utc FROM outbox
WHERE id IN (
  SELECT max(outbox.id) FROM outbox WHERE {_INVITES} AND outbox.state != :superseded
  GROUP BY outbox.appointment_id)"""
_LAST_SENT = f"""
SELECT outbox.appointment_id, max(outbox.sent_utc) FROM outbox
WHERE {_INVITES} AND outbox.sent_utc IS NOT NULL
GROUP BY outbox.appointment_id"""
_ANSWERS = """
SELECT a.appointment_id, a.method, a.partstat, a.counter_state, a.proposed_start_utc,
  a.proposed_end_utc
FROM invite_answers AS a JOIN appointments ON appointments.id = a.appointment_id
WHERE a.appointment_id IN (SELECT value FROM json_each(:ids))
  AND a.sequence >= appointments.sequence
  AND (a.method = 'REPLY' OR a.counter_state = 'open')
ORDER BY a.id"""
_KINDS = json.dumps([k.value for k in INVITE_KINDS])


def invite_states(agenda: Agenda, appointment_ids: list[int]) -> dict[int, InviteStatus]:
    """The invite state of each call: its last invite message and the newest answer to its
    current SEQUENCE. Three queries for the whole list."""
    ids = sorted(set(appointment_ids))
    if not ids:
        return {}
    params = {
        "ids": json.dumps(ids),
        "kinds": _KINDS,
        "superseded": MessageState.SUPERSEDED.value,
    }
    with agenda.file.reading() as db:
        messages_by_call = {r.appointment_id: r for r in fetch_named(db, _LAST_MESSAGES, params)}
        sent_at: dict[int, int] = {
            int(call): int(stamp) for call, stamp in db.execute(_LAST_SENT, params)
        }
        answers = fetch_named(db, _ANSWERS, params)
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
