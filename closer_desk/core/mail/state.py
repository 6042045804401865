"""Where a call's invite stands, and when the outbox tries a message again.

The store keeps the facts (the outbox's messages, the answers received); these functions turn
them into the one state a call shows: not sent, queued, sent, failed, accepted, declined,
tentative, new time proposed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta


class PartStat(enum.StrEnum):
    """An attendee's participation status (RFC 5545 3.2.12), as a prospect answers it."""

    ACCEPTED = "accepted"
    DECLINED = "declined"
    TENTATIVE = "tentative"
    NEEDS_ACTION = "needs-action"
    DELEGATED = "delegated"


class MailKind(enum.StrEnum):
    """What a message announces; the outbox keeps one kind per message."""

    INVITE = "invite"
    UPDATE = "update"
    CANCEL = "cancel"
    REMINDER = "reminder"
    #: RFC 5546 DECLINECOUNTER: the closer keeps the time after a proposed new one.
    DECLINE_COUNTER = "decline-counter"


#: Kinds that carry the call's invite (a reminder or a DECLINECOUNTER leaves its state be).
INVITE_KINDS = (MailKind.INVITE, MailKind.UPDATE, MailKind.CANCEL)


class InviteState(enum.StrEnum):
    """The invite state a call shows (``agenda --json``'s ``invite.state``, the badge)."""

    NOT_SENT = "not-sent"
    QUEUED = "queued"
    SENT = "sent"
    FAILED = "failed"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    TENTATIVE = "tentative"
    COUNTER = "new-time-proposed"


class MessageState(enum.StrEnum):
    """A message's place in the outbox.

    ``committing`` is written just before the end-of-data mark goes to the server: a sender
    that dies before it never let the server accept the message (it is still ``queued`` and
    goes again), one that dies after it may have (kept as ``unconfirmed``, never sent again
    on its own).
    """

    QUEUED = "queued"
    COMMITTING = "committing"
    SENT = "sent"
    UNCONFIRMED = "unconfirmed"
    FAILED = "failed"
    #: A newer message about the same call replaced it before it went out.
    SUPERSEDED = "superseded"
    #: The call started (reminder) or ended (invite) before the message could go.
    EXPIRED = "expired"


#: States in which the outbox will still try the message.
WAITING = frozenset({MessageState.QUEUED, MessageState.COMMITTING})


@dataclass(frozen=True, slots=True)
class InviteStatus:
    """A call's invite, for a listing or a badge.

    Attributes:
        state: the one state shown.
        sent: when the last invite went out (aware), or None.
        answer: the prospect's answer to the current version (needs-action until one).
        reason: why the last message failed (the server's words), ``""`` otherwise.
        proposed: a COUNTER's proposed (start, end), when the state is ``COUNTER``.
        message_id: the outbox id of the last invite message, or None.
    """

    state: InviteState
    sent: datetime | None = None
    answer: PartStat = PartStat.NEEDS_ACTION
    reason: str = ""
    proposed: tuple[datetime, datetime] | None = None
    message_id: int | None = None


_ANSWERED = {
    PartStat.ACCEPTED: InviteState.ACCEPTED,
    PartStat.DECLINED: InviteState.DECLINED,
    PartStat.TENTATIVE: InviteState.TENTATIVE,
}


def invite_status(
    last_state: MessageState | None,
    *,
    sent: datetime | None = None,
    reason: str = "",
    answer: PartStat | None = None,
    counter: tuple[datetime, datetime] | None = None,
    message_id: int | None = None,
) -> InviteStatus:
    """The state of a call from its last invite message (``None``: never queued) and the
    newest answer to the current SEQUENCE (``counter``: an open proposed time)."""
    answered = answer or PartStat.NEEDS_ACTION

    def status(
        state: InviteState, why: str = "", proposed: tuple[datetime, datetime] | None = None
    ) -> InviteStatus:
        return InviteStatus(state, sent, answered, why, proposed, message_id)

    if last_state is None:
        return status(InviteState.NOT_SENT)
    if last_state in WAITING:
        return status(InviteState.QUEUED)
    if last_state in (MessageState.FAILED, MessageState.EXPIRED):
        return status(InviteState.FAILED, reason)
    if counter is not None:
        return status(InviteState.COUNTER, proposed=counter)
    return status(_ANSWERED.get(answered, InviteState.SENT))


#: First retry after a minute, doubling up to an hour between tries.
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=1)


def next_attempt(attempts: int, now: datetime) -> datetime:
    """When to try again after ``attempts`` failed tries (connection refused, 4xx)."""
    delay: timedelta = FIRST_RETRY * (2 ** max(0, min(attempts - 1, 16)))
    return now + min(delay, LONGEST_RETRY)
