"""Sending the outbox over SMTP, with retries, and never the same message twice.

What is guaranteed, exactly:

- A message is sent again on its own (``send_outbox``) only when the server cannot have
  accepted it: it was refused with a 4xx, the connection failed, or the sender died before
  the end-of-data mark (``<CRLF>.<CRLF>``) went to the server. An SMTP server delivers nothing
  of a transaction whose data was not ended (RFC 5321 4.1.1.4), so such a retry never makes
  a second copy.
- Just before that mark is written, the message is recorded ``committing`` in the agenda
  (with ``PRAGMA synchronous = FULL``: that write survives a crash of the process and a power
  cut). A sender that dies after it — between the server's acceptance and the outbox update —
  leaves the message ``unconfirmed``: it is never sent again on a normal retry, only when the
  user names it (``closer-desk outbox retry ID``); even then it keeps its Message-ID, by which
  mail clients recognise a copy.
- One sender at a time per agenda file (an OS lock beside it, released by the system when a
  process dies): two ``outbox send`` runs, or the window and the timer, never pick up the same
  message. A message left ``committing`` is seen only by a later holder of that lock, so its
  sender is known to be dead.

Back-off after a connection failure or a 4xx: one minute, doubling, at most an hour. A 5xx,
a refused login or a certificate the system does not trust stops the message as ``failed``
with the server's words. ``smtplib`` and ``ssl`` are imported inside the functions.
"""

from __future__ import annotations

import contextlib
import enum
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, or_, select, update

from closer_desk.core.mail.account import MailAccount, MailError, MailErrorCode, Security
from closer_desk.core.mail.message import header_text
from closer_desk.core.mail.state import MailKind, MessageState, next_attempt
from closer_desk.store import rows as R
from closer_desk.store.invites import note_invites
from closer_desk.store.mail_accounts import account_password, mail_accounts_all
from closer_desk.store.outbox import (
    OutboxMessage,
    due,
    message_bytes,
    queue_reminders,
)
from closer_desk.store.schema import appointments, outbox

if TYPE_CHECKING:
    import smtplib

    from closer_desk.store.agenda import Agenda

#: Seconds to wait for the server at each step.
TIMEOUT = 30.0
#: The EHLO name: Thunderbird's default, which tells the server nothing about this machine.
EHLO_NAME = "[127.0.0.1]"


class Result(enum.StrEnum):
    """What became of one message in a run."""

    SENT = "sent"
    RETRY = "retry"
    FAILED = "failed"
    UNCONFIRMED = "unconfirmed"
    WAITING = "waiting"  # not tried: no password, or the connection was lost before it


@dataclass(frozen=True, slots=True)
class Delivery:
    """One message's outcome: ``reason`` holds ``code: the server's words``."""

    message: OutboxMessage
    result: Result
    code: MailErrorCode | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class SendReport:
    """What a run of the outbox did.

    Attributes:
        deliveries: one per message tried (or left waiting), in order.
        busy: another process is sending this agenda's outbox; this run did nothing.
        recovered: messages a sender that died left after their end of data (now
            ``unconfirmed``).
        reminders: how many reminders this run queued.
        expired: messages whose call started (reminder) or ended (invite) before they went.
    """

    deliveries: tuple[Delivery, ...] = ()
    busy: bool = False
    recovered: int = 0
    reminders: int = 0
    expired: int = 0
    notes: tuple[str, ...] = field(default=())


def _short(text: object) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return header_text(str(text), 300)


# -- the lock ------------------------------------------------------------------------------
@contextlib.contextmanager
def sender_lock(agenda_path: Path | None) -> Iterator[bool]:
    """Hold the agenda's sender lock (``agenda.sqlite3.outbox-lock``); yields False when
    another process holds it. The system releases it when the holder dies (kill -9)."""
    if agenda_path is None:
        yield True
        return
    lock_path = Path(f"{agenda_path}.outbox-lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            _lock(fd)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _lock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


# -- state changes ------------------------------------------------------------------------
def _set(agenda: Agenda, outbox_id: int, *, durable: bool = False, **values: Any) -> None:
    with agenda.engine.connect() as conn:
        if durable:
            conn.exec_driver_sql("PRAGMA synchronous = FULL")
        try:
            conn.execute(update(outbox).where(outbox.c.id == outbox_id).values(**values))
            conn.commit()
        finally:
            if durable:
                conn.exec_driver_sql("PRAGMA synchronous = NORMAL")


def _claim(agenda: Agenda, message: OutboxMessage) -> bool:
    """Still queued (not superseded, retried or sent since it was read)? No write: the
    sender lock already makes this process the only one sending, and a message a dead
    sender left ``queued`` is simply sent again (the server never accepted it)."""
    with agenda.engine.connect() as conn:
        state = conn.execute(select(outbox.c.state).where(outbox.c.id == message.id)).scalar()
    return state == MessageState.QUEUED.value


def _recover(agenda: Agenda) -> int:
    """Messages a dead sender left after their end of data (the caller holds the lock, so
    their sender is gone): the server may have them, they are not sent again."""
    with agenda.engine.begin() as conn:
        note_invites(agenda, _calls(conn, outbox.c.state == MessageState.COMMITTING.value))
        unconfirmed = conn.execute(
            update(outbox)
            .where(outbox.c.state == MessageState.COMMITTING.value)
            .values(
                state=MessageState.UNCONFIRMED.value,
                last_error="unconfirmed: the sender stopped after the whole message went to"
                " the server, before its answer was recorded; not sent again",
            )
        ).rowcount
    return int(unconfirmed)


def _calls(conn: Any, condition: Any) -> list[int | None]:
    """The calls of the messages a state change is about to touch (for ``Changes``)."""
    return list(conn.execute(select(outbox.c.appointment_id).where(condition)).scalars())


def _expire(agenda: Agenda) -> int:
    """Queued reminders of calls that started, and invites of calls that ended."""
    now = R.to_epoch(agenda.now())
    over = (
        select(appointments.c.id)
        .where(
            or_(
                and_(
                    outbox.c.kind == MailKind.REMINDER.value,
                    appointments.c.start_utc <= now,
                ),
                appointments.c.end_utc <= now,
            )
        )
        .where(appointments.c.id == outbox.c.appointment_id)
    )
    with agenda.engine.begin() as conn:
        note_invites(
            agenda, _calls(conn, and_(outbox.c.state == MessageState.QUEUED.value, over.exists()))
        )
        result = conn.execute(
            update(outbox)
            .where(outbox.c.state == MessageState.QUEUED.value, over.exists())
            .values(state=MessageState.EXPIRED.value, last_error="expired: the call is past")
        )
    return int(result.rowcount)


# -- SMTP -----------------------------------------------------------------------------------
def _classify(error: BaseException) -> tuple[MailErrorCode, str]:
    import smtplib
    import ssl

    if isinstance(error, smtplib.SMTPAuthenticationError):
        code = MailErrorCode.TEMPORARY if 400 <= error.smtp_code < 500 else MailErrorCode.AUTH
        return code, f"{error.smtp_code} {_short(error.smtp_error)}"
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return MailErrorCode.AUTH, _short(error)
    if isinstance(error, smtplib.SMTPResponseException):
        code = MailErrorCode.TEMPORARY if 400 <= error.smtp_code < 500 else MailErrorCode.REFUSED
        return code, f"{error.smtp_code} {_short(error.smtp_error)}"
    if isinstance(error, ssl.SSLError | ssl.CertificateError):
        return MailErrorCode.TLS, _short(error)
    if isinstance(error, smtplib.SMTPServerDisconnected | OSError):
        return MailErrorCode.CONNECTION, _short(error) or type(error).__name__
    if isinstance(error, MailError):
        return error.code, error.detail
    raise error


def _answer(code: int, text: bytes) -> tuple[MailErrorCode, str]:
    kind = MailErrorCode.TEMPORARY if 400 <= code < 500 else MailErrorCode.REFUSED
    return kind, f"{code} {_short(text)}"


def connect(account: MailAccount, *, timeout: float = TIMEOUT) -> smtplib.SMTP:
    """An SMTP session logged in to ``account``'s server (TLS as the account says,
    certificates checked against the system's trust store, ``SSL_CERT_FILE`` honoured).

    Raises the ``smtplib``/``ssl``/``OSError`` of the failing step, or ``MailError`` for a
    missing password or a server without STARTTLS.
    """
    import smtplib
    import socket
    import ssl

    context = ssl.create_default_context()
    if account.security == Security.SSL:
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            account.smtp_host,
            account.smtp_port,
            local_hostname=EHLO_NAME,
            timeout=timeout,
            context=context,
        )
    else:
        smtp = smtplib.SMTP(
            account.smtp_host, account.smtp_port, local_hostname=EHLO_NAME, timeout=timeout
        )
    try:
        # The end-of-data mark goes in a write of its own (after the durable mark): without
        # NODELAY, Nagle's algorithm holds it for the server's delayed ACK, 40 ms a message.
        if smtp.sock is not None:
            smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        smtp.ehlo()
        if account.security == Security.STARTTLS:
            if not smtp.has_extn("starttls"):
                raise MailError(MailErrorCode.TLS, "the server does not offer STARTTLS")
            smtp.starttls(context=context)
            smtp.ehlo()
        if account.username:
            password = account_password(account)
            if password is None:
                raise MailError(MailErrorCode.NO_PASSWORD, account.username)
            smtp.login(account.username, password)
    except BaseException:
        smtp.close()
        raise
    return smtp


_EOL = re.compile(rb"\r\n|\r|\n")


def _wire(data: bytes, eight_bit: bool) -> bytes:
    """The DATA body: CRLF line ends, leading dots doubled (RFC 5321 4.5.2), re-encoded to
    7 bit when the server does not take 8BITMIME; without the end-of-data mark."""
    if not eight_bit and not data.isascii():
        from email import policy
        from email.parser import BytesParser

        parsed = BytesParser(policy=policy.SMTP).parsebytes(data)
        data = parsed.as_bytes(policy=policy.SMTP.clone(cte_type="7bit"))
    body = _EOL.sub(b"\r\n", data)
    if not body.endswith(b"\r\n"):
        body += b"\r\n"
    return re.sub(rb"(?m)^\.", b"..", body)


def _transmit(
    agenda: Agenda, smtp: smtplib.SMTP, account: MailAccount, message: OutboxMessage
) -> Delivery:
    """One message over an open session; the state is written at each step."""
    import smtplib

    data = message_bytes(agenda, message.id)
    eight_bit = smtp.has_extn("8bitmime")
    options = ["BODY=8BITMIME"] if eight_bit and not data.isascii() else []
    code, text = smtp.mail(account.address, options)
    if code != 250:
        smtp.rset()
        return _later(agenda, message, *_answer(code, text))
    code, text = smtp.rcpt(message.recipient)
    if code not in (250, 251):
        smtp.rset()
        return _later(agenda, message, *_answer(code, text))
    code, text = smtp.docmd("DATA")
    if code != 354:
        smtp.rset()
        return _later(agenda, message, *_answer(code, text))
    smtp.send(_wire(data, eight_bit))
    # The point after which the server may hold the message: recorded before it is passed.
    _set(
        agenda,
        message.id,
        durable=True,
        state=MessageState.COMMITTING.value,
        attempts=message.attempts + 1,
    )
    try:
        smtp.send(b".\r\n")
        code, text = smtp.getreply()
    except smtplib.SMTPServerDisconnected as error:
        _set(
            agenda,
            message.id,
            state=MessageState.UNCONFIRMED.value,
            last_error="unconfirmed: the connection ended before the server answered"
            f" ({_short(error)})",
        )
        return Delivery(message, Result.UNCONFIRMED, MailErrorCode.UNCONFIRMED, _short(error))
    if code == 250:
        _set(
            agenda,
            message.id,
            state=MessageState.SENT.value,
            sent_utc=R.to_epoch(agenda.now()),
            last_error="",
        )
        return Delivery(message, Result.SENT)
    return _later(agenda, message, *_answer(code, text))


def _later(agenda: Agenda, message: OutboxMessage, code: MailErrorCode, detail: str) -> Delivery:
    """Record a message that did not go: queued for a retry, or failed."""
    reason = f"{code.value}: {detail}"
    if code in (MailErrorCode.CONNECTION, MailErrorCode.TEMPORARY):
        attempts = message.attempts + 1
        _set(
            agenda,
            message.id,
            state=MessageState.QUEUED.value,
            attempts=attempts,
            next_attempt_utc=R.to_epoch(next_attempt(attempts, agenda.now())),
            last_error=reason,
        )
        return Delivery(message, Result.RETRY, code, detail)
    _set(
        agenda,
        message.id,
        state=MessageState.FAILED.value,
        attempts=message.attempts + 1,
        last_error=reason,
    )
    return Delivery(message, Result.FAILED, code, detail)


def _send_account(
    agenda: Agenda, account: MailAccount, batch: list[OutboxMessage], timeout: float
) -> list[Delivery]:
    import smtplib

    try:
        smtp = connect(account, timeout=timeout)
    except Exception as error:
        code, detail = _classify(error)
        if code == MailErrorCode.NO_PASSWORD:
            # A set-up matter, not the server's answer: the messages wait for the password.
            for message in batch:
                _set(agenda, message.id, last_error=f"{code.value}: {detail}")
            return [Delivery(m, Result.WAITING, code, detail) for m in batch]
        out = []
        for message in batch:
            if _claim(agenda, message):
                out.append(_later(agenda, message, code, detail))
        return out
    out = []
    try:
        for n, message in enumerate(batch):
            if not _claim(agenda, message):
                continue
            try:
                out.append(_transmit(agenda, smtp, account, message))
            except (smtplib.SMTPException, OSError) as error:
                code, detail = _classify(error)
                out.append(_later(agenda, message, code, detail))
                if isinstance(error, smtplib.SMTPServerDisconnected | OSError):
                    # The session is gone: the rest wait for the next run (still queued).
                    out += [
                        Delivery(m, Result.WAITING, code, "not tried: the connection was lost")
                        for m in batch[n + 1 :]
                    ]
                    break
    finally:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            smtp.quit()
        smtp.close()
    return out


def send_outbox(
    agenda: Agenda, *, only: frozenset[int] | None = None, timeout: float = TIMEOUT
) -> SendReport:
    """Send what is due (or the messages ``only`` names): queue the reminders that are due,
    pick up what a dead sender left, then one SMTP session per closer's account.

    Nothing is sent while another process holds the sender lock (``SendReport.busy``).
    """
    with sender_lock(agenda.path) as held:
        if not held:
            return SendReport(busy=True)
        recovered = _recover(agenda)
        reminders = len(queue_reminders(agenda))
        expired = _expire(agenda)
        waiting = due(agenda, only=only)
        accounts = {a.closer_id: a for a in mail_accounts_all(agenda)}
        deliveries: list[Delivery] = []
        for closer_id in sorted({m.closer_id for m in waiting}):
            batch = [m for m in waiting if m.closer_id == closer_id]
            account = accounts.get(closer_id)
            if account is None:
                deliveries += [
                    _later(agenda, m, MailErrorCode.REFUSED, "the closer has no mail account")
                    for m in batch
                    if _claim(agenda, m)
                ]
                continue
            deliveries += _send_account(agenda, account, batch, timeout)
    note_invites(agenda, (d.message.appointment_id for d in deliveries))
    return SendReport(tuple(deliveries), False, recovered, reminders, expired)


def send_check(agenda: Agenda, account: MailAccount, to: str, *, timeout: float = TIMEOUT) -> str:
    """Send a test message to ``to`` through ``account`` now (not through the outbox: it
    checks the account). Returns its Message-ID; raises ``MailError`` with the reason."""
    import smtplib
    import uuid

    from closer_desk.core.mail.message import (
        Sender,
        account_check_message,
        mail_address,
        message_id,
    )

    recipient = mail_address(to, "to")
    msgid = message_id(f"{uuid.uuid4().hex}.check", account.address)
    data = account_check_message(
        sender=Sender(account.address), to=recipient, now=agenda.now(), msgid=msgid
    )
    try:
        smtp = connect(account, timeout=timeout)
        try:
            smtp.sendmail(account.address, [recipient], data)
        finally:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                smtp.quit()
            smtp.close()
    except smtplib.SMTPRecipientsRefused as error:
        code, text = next(iter(error.recipients.values()))
        raise MailError(*_answer(code, text)) from error
    except (smtplib.SMTPException, OSError, MailError) as error:
        raise MailError(*_classify(error)) from error
    return msgid
