"""The mail side's words in the user's language: invite states, message states and kinds,
why a message did not go, what became of an answer read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from closer_desk.core.errors import NotFoundError, ValidationError
from closer_desk.core.mail.account import MailError
from closer_desk.core.mail.state import InviteState, MailKind, MessageState
from closer_desk.ui.common.prompts import describe

if TYPE_CHECKING:
    from closer_desk.store.replies import ReplyOutcome
    from closer_desk.store.sending import SendReport


class MailCounts(QObject):
    """The sentences with a count, in Qt's plural forms (``lupdate`` marks plurals only in
    ``self.tr``)."""

    def sent(self, n: int) -> str:
        """How many messages went."""
        return self.tr("%n message(s) sent.", "", n)

    def waiting(self, n: int) -> str:
        """How many wait for a retry."""
        return self.tr("%n message(s) wait for a retry", "", n)

    def failed(self, n: int) -> str:
        """How many failed."""
        return self.tr("%n message(s) failed", "", n)

    def recorded(self, n: int) -> str:
        """How many answers were recorded."""
        return self.tr("%n answer(s) recorded.", "", n)

    def ignored(self, n: int) -> str:
        """How many answers were ignored."""
        return self.tr("%n ignored", "", n)


def invite_state_text(state: InviteState) -> str:
    """The badge's word for a call's invite."""
    return {
        InviteState.NOT_SENT: QCoreApplication.translate("Mail", "Invite not sent"),
        InviteState.QUEUED: QCoreApplication.translate("Mail", "Invite queued"),
        InviteState.SENT: QCoreApplication.translate("Mail", "Invite sent"),
        InviteState.FAILED: QCoreApplication.translate("Mail", "Invite failed"),
        InviteState.ACCEPTED: QCoreApplication.translate("Mail", "Accepted"),
        InviteState.DECLINED: QCoreApplication.translate("Mail", "Declined"),
        InviteState.TENTATIVE: QCoreApplication.translate("Mail", "Tentative"),
        InviteState.COUNTER: QCoreApplication.translate("Mail", "New time proposed"),
    }[state]


def message_state_text(state: MessageState) -> str:
    """The Outbox room's word for where a message is."""
    return {
        MessageState.QUEUED: QCoreApplication.translate("Mail", "Queued"),
        MessageState.COMMITTING: QCoreApplication.translate("Mail", "Sending"),
        MessageState.SENT: QCoreApplication.translate("Mail", "Sent"),
        MessageState.UNCONFIRMED: QCoreApplication.translate("Mail", "Unconfirmed"),
        MessageState.FAILED: QCoreApplication.translate("Mail", "Failed"),
        MessageState.SUPERSEDED: QCoreApplication.translate("Mail", "Replaced"),
        MessageState.EXPIRED: QCoreApplication.translate("Mail", "Expired"),
    }[state]


def kind_text(kind: MailKind) -> str:
    """What a message announces."""
    return {
        MailKind.INVITE: QCoreApplication.translate("Mail", "Invite"),
        MailKind.UPDATE: QCoreApplication.translate("Mail", "Update"),
        MailKind.CANCEL: QCoreApplication.translate("Mail", "Cancellation"),
        MailKind.REMINDER: QCoreApplication.translate("Mail", "Reminder"),
        MailKind.DECLINE_COUNTER: QCoreApplication.translate("Mail", "New time declined"),
    }[kind]


def reason_text(code: str, detail: str = "") -> str:
    """Why a message or a test did not go, with the server's own words after it."""
    words = {
        "connection": QCoreApplication.translate("Mail", "server unreachable"),
        "temporary": QCoreApplication.translate("Mail", "the server said to try later"),
        "refused": QCoreApplication.translate("Mail", "refused by the server"),
        "auth": QCoreApplication.translate(
            "Mail", "login refused: check the user and the password"
        ),
        "no_password": QCoreApplication.translate(
            "Mail", "no password: neither the system keyring nor CLOSER_DESK_MAIL_PASSWORD has it"
        ),
        "tls": QCoreApplication.translate("Mail", "the secure connection failed"),
        "unconfirmed": QCoreApplication.translate(
            "Mail", "the connection ended before the server answered"
        ),
        "expired": QCoreApplication.translate("Mail", "the call is past"),
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
        return QCoreApplication.translate(
            "Mail", "This closer has no mail account: set one up in Closers → Mail account…."
        )
    if isinstance(error, ValidationError) and error.code == "no_email":
        return QCoreApplication.translate("Mail", "The prospect has no e-mail address.")
    if isinstance(error, ValidationError) and error.field in ("from", "to"):
        return QCoreApplication.translate("Mail", "This is not a valid e-mail address.")
    if isinstance(error, ValidationError) and error.field == "user":
        return QCoreApplication.translate(
            "Mail", "The user is too long or holds control characters."
        )
    if isinstance(error, ValidationError) and error.field in ("smtp", "imap"):
        return QCoreApplication.translate("Mail", "Write the server as host or host:port.")
    return describe(error)


def report_text(report: SendReport) -> str:
    """One line for a run of the outbox: what went, what waits, what failed and why."""
    from closer_desk.store.sending import Result

    if report.busy:
        return QCoreApplication.translate(
            "Mail", "Another closer-desk is sending this agenda's messages; they go from there."
        )
    sent = [d for d in report.deliveries if d.result == Result.SENT]
    later = [d for d in report.deliveries if d.result in (Result.RETRY, Result.WAITING)]
    failed = [d for d in report.deliveries if d.result in (Result.FAILED, Result.UNCONFIRMED)]
    count_sent, count_later, count_failed = len(sent), len(later), len(failed)
    counts = MailCounts()
    parts = []
    if sent:
        parts.append(counts.sent(count_sent))
    if later:
        first = later[0]
        parts.append(
            counts.waiting(count_later) + f": {reason_text(first.code or '', first.detail)}."
        )
    if failed:
        first = failed[0]
        parts.append(
            counts.failed(count_failed) + f": {reason_text(first.code or '', first.detail)}."
        )
    return " ".join(parts) or QCoreApplication.translate("Mail", "Nothing to send.")


def replies_text(outcomes: Sequence[ReplyOutcome]) -> str:
    """One line for the answers read from files: how many were recorded, why others not."""
    from closer_desk.store.replies import Verdict

    recorded = [o for o in outcomes if o.verdict == Verdict.RECORDED]
    others = [o for o in outcomes if o.verdict != Verdict.RECORDED]
    count_recorded, count_others = len(recorded), len(others)
    counts = MailCounts()
    parts = [counts.recorded(count_recorded)]
    if others:
        why = {
            Verdict.ALREADY: QCoreApplication.translate("Mail", "already read"),
            Verdict.NOT_OURS: QCoreApplication.translate("Mail", "not about one of our calls"),
            Verdict.OLD_SEQUENCE: QCoreApplication.translate(
                "Mail", "it answers an older version of the call"
            ),
            Verdict.WRONG_SENDER: QCoreApplication.translate(
                "Mail", "not sent by the invited prospect"
            ),
            Verdict.NOT_ATTENDEE: QCoreApplication.translate(
                "Mail", "not from the prospect who was invited"
            ),
            Verdict.UNSUPPORTED: QCoreApplication.translate("Mail", "not an answer to an invite"),
            Verdict.NO_ANSWER: QCoreApplication.translate("Mail", "no answer in it"),
            Verdict.CANCELLED: QCoreApplication.translate("Mail", "the call is cancelled"),
        }[others[0].verdict]
        parts.append(counts.ignored(count_others) + f" ({others[0].source}: {why}).")
    return " ".join(parts)
