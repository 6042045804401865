"""The prospect's answers: checked against our calls, recorded, and read from IMAP.

An answer is recorded only when its UID is one of our calls, its SEQUENCE is not older than
the call's, and it comes from that call's attendee: the ATTENDEE is the prospect we invited
and the e-mail's From is that attendee (or the ATTENDEE's SENT-BY). A bare ``.ics`` file has
no From: the closer chose to read it, so the ATTENDEE check alone applies. Everything else is
ignored and said why. A COUNTER (a proposed new time) waits for the closer to accept it (the
call moves, and an update goes with ``--send``) or decline it (a DECLINECOUNTER goes).
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import insert, select, update

from closer_desk.core.errors import NotFoundError, ValidationError
from closer_desk.core.mail.account import MailAccount, MailError, MailErrorCode, Security
from closer_desk.core.mail.answers import Answer, Problem, read_answers
from closer_desk.core.mail.state import PartStat
from closer_desk.core.model import Appointment, Status
from closer_desk.store import rows as R
from closer_desk.store.invites import note_invites
from closer_desk.store.mail_accounts import account_password, imap_seen, set_imap_seen
from closer_desk.store.schema import appointments, invite_answers, prospects

if TYPE_CHECKING:
    import imaplib

    from closer_desk.store.agenda import Agenda


class Verdict(enum.StrEnum):
    """What became of one answer."""

    RECORDED = "recorded"
    ALREADY = "already"  # the same message was read before
    NOT_OURS = "not_ours"  # no call of ours has that UID
    OLD_SEQUENCE = "old_sequence"  # it answers an older version of the call
    WRONG_SENDER = "wrong_sender"  # From is not the attendee
    NOT_ATTENDEE = "not_attendee"  # the ATTENDEE is not the prospect we invited
    UNSUPPORTED = "unsupported"  # a METHOD other than REPLY or COUNTER
    NO_ANSWER = "no_answer"  # the message or file held no readable answer
    CANCELLED = "cancelled"  # the call is cancelled: nothing to answer


@dataclass(frozen=True, slots=True)
class ReplyOutcome:
    """One answer (or one message without any) and what was done with it.

    Attributes:
        source: the file name, or ``imap:<closer>:<uid>``.
        verdict: recorded, or why not.
        appointment_id: the call it is about, when it is ours.
        answer: the answer read (None when the message held none).
        detail: what the verdict is about (the old SEQUENCE, the sender, the problem).
    """

    source: str
    verdict: Verdict
    appointment_id: int | None = None
    answer: Answer | None = None
    detail: str = ""


def _verdict(answer: Answer, call: Appointment | None, invited: str) -> tuple[Verdict, str]:
    if answer.method not in ("REPLY", "COUNTER"):
        return Verdict.UNSUPPORTED, answer.method or "(none)"
    if call is None:
        return Verdict.NOT_OURS, answer.uid
    if call.status == Status.CANCELLED:
        return Verdict.CANCELLED, str(call.id)
    if answer.sequence < call.sequence:
        return Verdict.OLD_SEQUENCE, f"{answer.sequence} < {call.sequence}"
    if not invited or answer.attendee != invited:
        return Verdict.NOT_ATTENDEE, answer.attendee
    if answer.sender and answer.sender not in (answer.attendee, answer.sent_by):
        return Verdict.WRONG_SENDER, answer.sender
    if answer.method == "COUNTER" and (answer.start is None or answer.end is None):
        return Verdict.NO_ANSWER, "COUNTER without a proposed time"
    return Verdict.RECORDED, ""


def apply_answers(agenda: Agenda, data: bytes, *, source: str, key: str = "") -> list[ReplyOutcome]:
    """Read the answers in one e-mail or ``.ics`` file and record those that pass the
    checks (one transaction). ``key`` identifies a message without a Message-ID."""
    reading = read_answers(data, fallback_id=key or hashlib.sha256(data).hexdigest()[:32])
    if not reading.answers:
        return [
            ReplyOutcome(
                source, Verdict.NO_ANSWER, detail=(reading.problem or Problem.NO_CALENDAR).value
            )
        ]
    outcomes = []
    now = R.to_epoch(agenda.now())
    with agenda.engine.begin() as conn:
        for answer in reading.answers:
            row = conn.execute(
                select(appointments, prospects.c.email.label("prospect_email"))
                .join(prospects, prospects.c.id == appointments.c.prospect_id)
                .where(appointments.c.uid == answer.uid)
            ).first()
            call = R.appointment_from_row(row) if row is not None else None
            invited = str(row.prospect_email).lower() if row is not None else ""
            verdict, detail = _verdict(answer, call, invited)
            if verdict != Verdict.RECORDED or call is None:
                outcomes.append(
                    ReplyOutcome(source, verdict, call.id if call else None, answer, detail)
                )
                continue
            known = conn.execute(
                select(invite_answers.c.id).where(
                    invite_answers.c.appointment_id == call.id,
                    invite_answers.c.message_key == answer.message_id,
                    invite_answers.c.method == answer.method,
                )
            ).first()
            if known:
                outcomes.append(ReplyOutcome(source, Verdict.ALREADY, call.id, answer))
                continue
            counter = answer.method == "COUNTER"
            if counter:
                # A newer proposal replaces an open one.
                conn.execute(
                    update(invite_answers)
                    .where(
                        invite_answers.c.appointment_id == call.id,
                        invite_answers.c.counter_state == "open",
                    )
                    .values(counter_state="replaced")
                )
            conn.execute(
                insert(invite_answers).values(
                    appointment_id=call.id,
                    method=answer.method,
                    partstat=answer.partstat.value,
                    sequence=answer.sequence,
                    attendee=answer.attendee,
                    message_key=answer.message_id,
                    received_utc=R.to_epoch(answer.received) if answer.received else now,
                    proposed_start_utc=R.to_epoch(answer.start)
                    if counter and answer.start
                    else None,
                    proposed_end_utc=R.to_epoch(answer.end) if counter and answer.end else None,
                    comment=answer.comment,
                    counter_state="open" if counter else "",
                )
            )
            outcomes.append(ReplyOutcome(source, Verdict.RECORDED, call.id, answer))
    note_invites(agenda, (o.appointment_id for o in outcomes if o.verdict == Verdict.RECORDED))
    return outcomes


@dataclass(frozen=True, slots=True)
class Counter:
    """An open proposed new time for a call.

    Attributes:
        id: the answer's id (``counter ID accept|decline`` takes the call's id).
        appointment_id: the call.
        start, end: the proposed time (aware, UTC).
        comment: what the prospect wrote with it.
    """

    id: int
    appointment_id: int
    start: datetime
    end: datetime
    comment: str


def open_counter(agenda: Agenda, appointment_id: int) -> Counter:
    """The open proposed new time of a call (``NotFoundError("new time", id)`` if none)."""
    with agenda.engine.connect() as conn:
        row = conn.execute(
            select(invite_answers)
            .where(
                invite_answers.c.appointment_id == int(appointment_id),
                invite_answers.c.counter_state == "open",
            )
            .order_by(invite_answers.c.id.desc())
        ).first()
    if row is None:
        raise NotFoundError("new time", appointment_id)
    return Counter(
        row.id,
        row.appointment_id,
        R.from_epoch(row.proposed_start_utc),
        R.from_epoch(row.proposed_end_utc),
        row.comment,
    )


def close_counter(agenda: Agenda, counter: Counter, *, accepted: bool) -> None:
    """Mark a proposed new time accepted or declined (inside the batch that moves the call
    or queues the DECLINECOUNTER)."""
    with agenda.engine.begin() as conn:
        conn.execute(
            update(invite_answers)
            .where(invite_answers.c.id == counter.id)
            .values(counter_state="accepted" if accepted else "declined")
        )
    note_invites(agenda, [counter.appointment_id])


def answer_counter(
    agenda: Agenda, appointment_id: int, *, accept: bool, force: bool = False
) -> Appointment:
    """Accept the open proposed new time of a call (it moves there, in the zone it was agreed
    in; ``force`` over another call) or decline it (it keeps its time). Returns the call. Run
    it inside ``Agenda.batch()`` with the message that tells the prospect (an update, or a
    DECLINECOUNTER): both are written, or neither."""
    from closer_desk.core import tz

    counter = open_counter(agenda, appointment_id)
    with agenda.batch():
        current = agenda.appointment(counter.appointment_id)
        if accept:
            minutes = max(1, int((counter.end - counter.start).total_seconds() // 60))
            start = tz.convert(counter.start, current.zone)
            current = agenda.move(current.id, start, minutes=minutes, force=force)
        close_counter(agenda, counter, accepted=accept)
    return current


def answers_of(agenda: Agenda, appointment_id: int) -> list[tuple[str, PartStat, int]]:
    """(method, answer, SEQUENCE) of every answer recorded for a call, oldest first."""
    with agenda.engine.connect() as conn:
        rows = conn.execute(
            select(invite_answers.c.method, invite_answers.c.partstat, invite_answers.c.sequence)
            .where(invite_answers.c.appointment_id == int(appointment_id))
            .order_by(invite_answers.c.id)
        ).all()
    return [(r.method, PartStat(r.partstat), r.sequence) for r in rows]


# -- IMAP ---------------------------------------------------------------------------------
#: Larger messages are not fetched (a reply is a few kilobytes).
MAX_FETCH = 2 * 1024 * 1024


def _imap(account: MailAccount, timeout: float) -> imaplib.IMAP4:
    import imaplib
    import ssl

    context = ssl.create_default_context()
    if account.security == Security.SSL:
        box: imaplib.IMAP4 = imaplib.IMAP4_SSL(
            account.imap_host, account.imap_port, ssl_context=context, timeout=timeout
        )
    else:
        box = imaplib.IMAP4(account.imap_host, account.imap_port, timeout=timeout)
        if account.security == Security.STARTTLS:
            box.starttls(ssl_context=context)
    return box


def fetch_replies(
    agenda: Agenda, account: MailAccount, *, timeout: float = 30.0
) -> list[ReplyOutcome]:
    """Read the messages that arrived in the account's INBOX since the last fetch and
    record the answers among them. Messages are only read (``BODY.PEEK``): their flags are
    left as they were. Raises the ``imaplib``/``OSError`` of a failing step."""
    import imaplib

    if not account.imap_host:
        raise ValidationError("imap", "missing", account.address)
    box = _imap(account, timeout)
    outcomes: list[ReplyOutcome] = []
    try:
        if account.username:
            password = account_password(account)
            if password is None:
                raise MailError(MailErrorCode.NO_PASSWORD, account.username)
            box.login(account.username, password)
        status, data = box.select("INBOX", readonly=True)
        if status != "OK":
            raise imaplib.IMAP4.error(f"SELECT INBOX: {data!r}")
        validity = _untagged(box, "UIDVALIDITY")
        seen = imap_seen(agenda, account.closer_id)
        seen_validity, _, seen_uid = seen.partition(":")
        last = int(seen_uid) if seen_validity == validity and seen_uid.isdigit() else 0
        status, found = box.uid("SEARCH", f"UID {last + 1}:*")
        uids = sorted(int(u) for u in (found[0] or b"").split() if int(u) > last)
        for uid in uids:
            outcomes += _fetch_one(agenda, box, account, uid)
            set_imap_seen(agenda, account.closer_id, f"{validity}:{uid}")
    finally:
        with contextlib.suppress(imaplib.IMAP4.error, OSError):
            box.logout()
    return outcomes


def _untagged(box: imaplib.IMAP4, name: str) -> str:
    _, values = box.response(name)
    first = values[0] if values else b""
    return first.decode() if isinstance(first, bytes) else str(first or "")


def _fetch_one(
    agenda: Agenda, box: imaplib.IMAP4, account: MailAccount, uid: int
) -> list[ReplyOutcome]:
    source = f"imap:{account.address}:{uid}"
    _, sizes = box.uid("FETCH", str(uid), "(RFC822.SIZE)")
    text = sizes[0].decode() if sizes and isinstance(sizes[0], bytes) else ""
    size = int(text.rsplit("RFC822.SIZE", 1)[-1].strip(" )") or 0) if "RFC822.SIZE" in text else 0
    if size > MAX_FETCH:
        return [ReplyOutcome(source, Verdict.NO_ANSWER, detail=Problem.TOO_LARGE.value)]
    _, parts = box.uid("FETCH", str(uid), "(BODY.PEEK[])")
    data = next((p[1] for p in parts if isinstance(p, tuple) and len(p) > 1), b"")
    return apply_answers(agenda, bytes(data), source=source, key=f"imap-{uid}")


def read_reply_files(agenda: Agenda, paths: Iterable[str]) -> list[ReplyOutcome]:
    """Record the answers in dropped ``.eml``/``.ics`` files (one transaction each)."""
    from pathlib import Path

    outcomes = []
    for name in paths:
        path = Path(name)
        with path.open("rb") as handle:
            data = handle.read(MAX_FETCH + 1)
        outcomes += apply_answers(agenda, data, source=path.name)
    return outcomes
