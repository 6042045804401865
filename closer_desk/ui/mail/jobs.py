"""What the mail side of the window asks of the agenda: functions of the ``Agenda`` that the
door runs on the worker (sending included: no network on the GUI thread).

Each write is one transaction with the message it queues (``Agenda.batch``); the sending that
follows is the outbox's own (``store.sending``), so a send that fails leaves the message
queued or failed, never the call half-changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from closer_desk.core.errors import NotFoundError
from closer_desk.core.mail.state import (
    INVITE_KINDS,
    InviteState,
    InviteStatus,
    MailKind,
    MessageState,
)
from closer_desk.core.model import Status

if TYPE_CHECKING:
    from closer_desk.core.mail.account import MailAccount
    from closer_desk.store import Agenda
    from closer_desk.store.mail_accounts import AccountSetup as AccountSetup
    from closer_desk.store.outbox import OutboxMessage
    from closer_desk.store.replies import ReplyOutcome
    from closer_desk.store.sending import SendReport

#: Seconds the window waits for a mail server at each step: the worker it sends on also
#: reads the agenda for every room, which wait meanwhile (the CLI waits 30).
TIMEOUT = 10.0

#: Messages that may be in the prospect's hands (or are on their way there).
_GONE_OR_GOING = frozenset(
    {
        MessageState.QUEUED,
        MessageState.COMMITTING,
        MessageState.SENT,
        MessageState.UNCONFIRMED,
    }
)


def send_invite(agenda: Agenda, appointment_id: int) -> SendReport:
    """Queue the call's invite as it stands (REQUEST, an update, or CANCEL when cancelled)
    and send it now."""
    from closer_desk.store.outbox import queue_invite
    from closer_desk.store.sending import send_outbox

    queued = queue_invite(agenda, appointment_id)
    return send_outbox(agenda, only=frozenset({queued.id}), timeout=TIMEOUT)


def send_due(agenda: Agenda) -> SendReport:
    """Send what is due (the window's timer, and "Send now" without a selection)."""
    from closer_desk.store.sending import send_outbox

    return send_outbox(agenda, timeout=TIMEOUT)


def send_these(agenda: Agenda, outbox_ids: frozenset[int]) -> SendReport:
    """Queue these messages again when they failed, then send them now."""
    from closer_desk.store.outbox import retry
    from closer_desk.store.sending import send_outbox

    retry(agenda, outbox_ids)
    return send_outbox(agenda, only=outbox_ids, timeout=TIMEOUT)


def needs_update(agenda: Agenda, appointment_id: int) -> bool:
    """Whether the prospect holds an invite older than the call: one was sent, and nothing
    sent or on its way announces the call as it is now (its SEQUENCE, or its cancellation)."""
    from closer_desk.store.outbox import messages

    call = agenda.appointment(appointment_id)
    mine = [
        m
        for m in messages(agenda, appointment_id=appointment_id)
        if m.kind in INVITE_KINDS and m.state in _GONE_OR_GOING
    ]
    if not any(m.state != MessageState.QUEUED for m in mine):
        return False  # the prospect never got one: nothing to update
    cancelled = call.status == Status.CANCELLED
    return not any(
        m.sequence >= call.sequence and (m.kind == MailKind.CANCEL) == cancelled for m in mine
    )


def invite_status(agenda: Agenda, appointment_id: int) -> InviteStatus:
    """The invite state of one call (the badge)."""
    from closer_desk.store.invites import invite_states

    return invite_states(agenda, [appointment_id])[appointment_id]


def invite_marks(agenda: Agenda, appointment_ids: list[int]) -> dict[int, InviteState]:
    """The invite state of the calls on screen that have one (the grid's dots)."""
    from closer_desk.store.invites import invite_states

    states = invite_states(agenda, appointment_ids)
    return {i: s.state for i, s in states.items() if s.state != InviteState.NOT_SENT}


def answer_counter(agenda: Agenda, appointment_id: int, *, accept: bool) -> SendReport:
    """Accept (the call moves, an update goes) or decline (a DECLINECOUNTER goes) the new
    time the prospect proposed; the answer is sent now."""
    from closer_desk.store.outbox import queue_invite
    from closer_desk.store.replies import answer_counter as answer
    from closer_desk.store.sending import send_outbox

    with agenda.batch():
        call = answer(agenda, appointment_id, accept=accept)
        queued = queue_invite(agenda, call.id, kind=None if accept else MailKind.DECLINE_COUNTER)
    return send_outbox(agenda, only=frozenset({queued.id}), timeout=TIMEOUT)


@dataclass(frozen=True)
class OutboxPage:
    """What the Outbox room shows: the messages, and each call's prospect and start."""

    messages: tuple[OutboxMessage, ...]
    calls: dict[int, tuple[str, datetime]]


def outbox_page(agenda: Agenda) -> OutboxPage:
    """The outbox, newest first, with the prospect and the start of each call."""
    from closer_desk.store.outbox import messages

    found = tuple(messages(agenda))
    names = {p.id: p.name for p in agenda.prospects()}
    calls = {}
    for call_id in {m.appointment_id for m in found if m.appointment_id is not None}:
        try:
            call = agenda.appointment(call_id)
        except NotFoundError:  # a call deleted since: its messages stay, nameless
            continue
        calls[call_id] = (names.get(call.prospect_id, ""), call.start)
    return OutboxPage(found, calls)


def read_replies(agenda: Agenda, paths: Sequence[str]) -> list[ReplyOutcome]:
    """Record the answers in dropped or opened ``.eml``/``.ics`` files."""
    from closer_desk.store.replies import read_reply_files

    return read_reply_files(agenda, paths)


@dataclass(frozen=True)
class AccountForm:
    """A mail account as typed in the window (``password`` None: keep the one stored)."""

    address: str
    smtp: str
    security: str
    username: str
    password: str | None
    imap: str


def load_account(agenda: Agenda, closer_id: int) -> MailAccount | None:
    """The closer's mail account, or None before one is set up."""
    from closer_desk.store.mail_accounts import mail_account

    try:
        return mail_account(agenda, closer_id)
    except NotFoundError:
        return None


def save_account(agenda: Agenda, closer_id: int, form: AccountForm) -> AccountSetup:
    """Save the account; the password goes to the system keyring (never to the agenda)."""
    from closer_desk.store.mail_accounts import set_account

    return set_account(
        agenda,
        closer_id,
        address=form.address,
        smtp=form.smtp,
        security=form.security,
        username=form.username,
        imap=form.imap,
        password=form.password,
    )


def save_and_test(agenda: Agenda, closer_id: int, form: AccountForm, to: str) -> AccountSetup:
    """Save the account as typed, then send a test message to ``to`` through it (raises
    ``MailError`` with the reason when it does not get through; the account stays saved)."""
    from closer_desk.store.sending import send_check

    setup = save_account(agenda, closer_id, form)
    send_check(agenda, setup.account, to, timeout=TIMEOUT)
    return setup
