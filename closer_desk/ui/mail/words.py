"""The mail side's words in the user's language: invite states, message states and kinds,
why a message did not go, what became of an answer read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from closer_desk.core.errors import NotFoundError, ValidationError
from closer_desk.core.mail.account import MailError
from closer_desk.core.mail.state import InviteState, MailKind, MessageState
from closer_desk.ui.common.prompts import describe

if TYPE_CHECKING:
    from closer_desk.store.replies import ReplyOutcome
    from closer_desk.store.sending import SendReport


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Mail", text, "", n)


def invite_state_text(state: InviteState) -> str:
    """The badge's word for a call's invite."""
    return {
        InviteState.NOT_SENT: _tr("Invite not sent"),
        InviteState.QUEUED: _tr("Invite queued"),
        InviteState.SENT: _tr("Invite sent"),
        InviteState.FAILED: _tr("Invite failed"),
        InviteState.ACCEPTED: _tr("Accepted"),
        InviteState.DECLINED: _tr("Declined"),
        InviteState.TENTATIVE: _tr("Tentative"),
        InviteState.COUNTER: _tr("New time proposed"),
    }[state]


def message_state_text(state: MessageState) -> str:
    """The Outbox room's word for where a message is."""
    return {
        MessageState.QUEUED: _tr("Queued"),
        MessageState.COMMITTING: _tr("Sending"),
        MessageState.SENT: _tr("Sent"),
        MessageState.UNCONFIRMED: _tr("Unconfirmed"),
        MessageState.FAILED: _tr("Failed"),
        MessageState.SUPERSEDED: _tr("Replaced"),
        MessageState.EXPIRED: _tr("Expired"),
    }[state]


def kind_text(kind: MailKind) -> str:
    """What a message announces."""
    return {
        MailKind.INVITE: _tr("Invite"),
        MailKind.UPDATE: _tr("Update"),
        MailKind.CANCEL: _tr("Cancellation"),
        MailKind.REMINDER: _tr("Reminder"),
        MailKind.DECLINE_COUNTER: _tr("New time declined"),
    }[kind]


def reason_text(code: str, detail: str = "") -> str:
    """Why a message or a test did not go, with the server's own words after it."""
    words = {
        "connection": _tr("server unreachable"),
        "temporary": _tr("the server said to try later"),
        "refused": _tr("refused by the server"),
        "auth": _tr("login refused: check the user and the password"),
        "no_password": _tr("no password: the system keyring does not have it"),
        "tls": _tr("the secure connection failed"),
        "unconfirmed": _tr("the connection ended before the server answered"),
        "expired": _tr("the call is past"),
    }.get(code, code)
    return f"{words} ({detail})" if detail else words


def stored_reason(reason: str) -> str:
    """A reason as the outbox keeps it (``code: the server's words``), in words."""
    code, _, detail = reason.partition(": ")
    if code == "expired":
        return reason_text(code)
    return reason_text(code, detail)


def describe_mail(error: BaseException) -> str:
    """One sentence for what stops a message before it is queued, or a failed test."""
    if isinstance(error, MailError):
        return reason_text(error.code, error.detail)
    if isinstance(error, NotFoundError) and error.kind == "mail account":
        return _tr("This closer has no mail account: set one up in Closers → Mail account….")
    if isinstance(error, ValidationError) and error.code == "no_email":
        return _tr("The prospect has no e-mail address.")
    if isinstance(error, ValidationError) and error.field in ("from", "to"):
        return _tr("This is not a valid e-mail address.")
    if isinstance(error, ValidationError) and error.field in ("smtp", "imap"):
        return _tr("Write the server as host or host:port.")
    return describe(error)


def report_text(report: SendReport) -> str:
    """One line for a run of the outbox: what went, what waits, what failed and why."""
    from closer_desk.store.sending import Result

    if report.busy:
        return _tr("Another closer-desk is sending this agenda's messages; they go from there.")
    sent = [d for d in report.deliveries if d.result == Result.SENT]
    later = [d for d in report.deliveries if d.result in (Result.RETRY, Result.WAITING)]
    failed = [d for d in report.deliveries if d.result in (Result.FAILED, Result.UNCONFIRMED)]
    parts = []
    if sent:
        parts.append(_tr("%n message(s) sent.", len(sent)))
    if later:
        first = later[0]
        parts.append(
            _tr("%n message(s) wait for a retry", len(later))
            + f": {reason_text(first.code or '', first.detail)}."
        )
    if failed:
        first = failed[0]
        parts.append(
            _tr("%n message(s) failed", len(failed))
            + f": {reason_text(first.code or '', first.detail)}."
        )
    return " ".join(parts) or _tr("Nothing to send.")


def replies_text(outcomes: Sequence[ReplyOutcome]) -> str:
    """One line for the answers read from files: how many were recorded, why others not."""
    from closer_desk.store.replies import Verdict

    recorded = [o for o in outcomes if o.verdict == Verdict.RECORDED]
    others = [o for o in outcomes if o.verdict != Verdict.RECORDED]
    parts = [_tr("%n answer(s) recorded.", len(recorded))]
    if others:
        why = {
            Verdict.ALREADY: _tr("already read"),
            Verdict.NOT_OURS: _tr("not about one of our calls"),
            Verdict.OLD_SEQUENCE: _tr("it answers an older version of the call"),
            Verdict.WRONG_SENDER: _tr("not sent by the invited prospect"),
            Verdict.NOT_ATTENDEE: _tr("not from the prospect who was invited"),
            Verdict.UNSUPPORTED: _tr("not an answer to an invite"),
            Verdict.NO_ANSWER: _tr("no answer in it"),
            Verdict.CANCELLED: _tr("the call is cancelled"),
        }[others[0].verdict]
        parts.append(_tr("%n ignored", len(others)) + f" ({others[0].source}: {why}).")
    return " ".join(parts)
