"""``mail``, ``outbox``, ``replies`` and ``counter``: invites by e-mail and the answers.

Also ``announcing``, which ``book``, ``move``, ``cancel``, ``rebook`` and ``invite`` use for
``--send``: the change and its message are queued in one transaction, then sent at once.
``smtplib``, ``imaplib``, ``email`` and ``keyring`` are imported inside the functions: this
module is loaded by every command.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from typing import Any

from closer_desk.cli._common import agenda_from, iso, path_arg, print_json, print_table
from closer_desk.cli.mail_words import UNSAFE as _UNSAFE
from closer_desk.cli.mail_words import mail_reason


def invite_json(status: Any) -> dict[str, Any]:
    """``{"state", "sent", "answer"}`` of a call's invite (``agenda --json``), plus the
    failure's reason and a proposed new time when there is one."""
    out: dict[str, Any] = {
        "state": status.state.value,
        "sent": iso(status.sent) if status.sent else None,
        "answer": status.answer.value,
    }
    if status.reason:
        out["reason"] = status.reason
    if status.proposed:
        out["proposed"] = {"start": iso(status.proposed[0]), "end": iso(status.proposed[1])}
    return out


def add_send_option(parser: argparse.ArgumentParser) -> None:
    """``--send``: queue the prospect's invite (or update, or cancellation) and send it."""
    parser.add_argument(
        "--send",
        action="store_true",
        help="e-mail the invite (update, cancellation) to the prospect, in the same transaction",
    )


class Announcer:
    """Collects the messages queued inside ``announcing`` and sends them afterwards."""

    def __init__(self, args: argparse.Namespace, agenda: Any) -> None:
        self._args = args
        self._agenda = agenda
        self.queued: list[int] = []

    def __call__(self, appointment: Any, kind: Any = None) -> None:
        """Queue the invite of ``appointment`` (inside the transaction of the change)."""
        if not getattr(self._args, "send", False):
            return
        from closer_desk.store.outbox import queue_invite

        self.queued.append(queue_invite(self._agenda, appointment.id, kind=kind).id)

    def send(self) -> int:
        """Send what was queued now; print one line per message. The exit status: 1 when a
        message failed for good, 0 otherwise (queued for a retry included)."""
        if not self.queued:
            return 0
        return deliver(
            self._agenda, frozenset(self.queued), json=getattr(self._args, "json", False)
        )


@contextlib.contextmanager
def announcing(
    args: argparse.Namespace, agenda: Any, *, one_transaction: bool = False
) -> Iterator[Announcer]:
    """With ``--send``, one transaction for the change and the message that announces it:
    either the call changes and its message is queued, or neither (no mail account, no
    address: nothing is booked). Call ``.send()`` on the result after reporting the change.
    ``one_transaction`` makes the block one transaction without ``--send`` too."""
    announcer = Announcer(args, agenda)
    if not getattr(args, "send", False) and not one_transaction:
        yield announcer
        return
    with agenda.batch():
        yield announcer


def deliver(agenda: Any, ids: frozenset[int] | None, *, json: bool = False) -> int:
    """Send (``ids``: only these) and print the outcome, on stderr under ``--json``."""
    from closer_desk.store.sending import Result, send_outbox

    report = send_outbox(agenda, only=ids)
    out = sys.stderr if json else sys.stdout
    if report.busy:
        print("another closer-desk is sending this agenda's outbox; it will send these", file=out)
        return 0
    failed = False
    for d in report.deliveries:
        m = d.message
        what = f"{m.kind.value} #{m.id} to {m.recipient}"
        if d.result == Result.SENT:
            print(f"sent {what}", file=out)
        elif d.result in (Result.RETRY, Result.WAITING):
            print(f"queued {what}: {mail_reason(d.code or '', d.detail)}; will retry", file=out)
        elif d.result == Result.UNCONFIRMED:
            print(f"unconfirmed {what}: {mail_reason(d.code or '', d.detail)}", file=out)
        else:
            failed = True
            print(f"failed {what}: {mail_reason(d.code or '', d.detail)}", file=out)
    return 1 if failed else 0


# -- mail ---------------------------------------------------------------------------------
def _read_password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n") or None
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"password for {args.user}: ") or None
    return None


def _setup(args: argparse.Namespace) -> int:
    from closer_desk.core.mail.account import PASSWORD_ENV
    from closer_desk.store import secrets
    from closer_desk.store.mail_accounts import set_account

    with agenda_from(args) as agenda:
        closer = agenda.closer(args.closer)
        password = None
        if args.user:
            check = secrets.check_keyring()
            if check.safe:
                password = _read_password(args)
            elif args.password_stdin:
                sys.stdin.readline()  # read and dropped: it is never stored unsafely
        setup = set_account(
            agenda,
            closer.id,
            address=args.from_,
            smtp=args.smtp,
            security=args.security,
            username=args.user or "",
            imap=args.imap or "",
            password=password,
        )
    a = setup.account
    print(
        f"mail account of {closer.name}: {a.address} via {a.smtp_host}:{a.smtp_port} "
        f"({a.security.value})"
        + (f", answers from {a.imap_host}:{a.imap_port}" if a.imap_host else "")
    )
    saved = setup.saved
    if saved is None:
        print("no login: the server takes mail without a password")
    elif saved.where == secrets.Where.KEYRING:
        print(f"password in the system keyring ({saved.check.backend})")
    else:
        why = _UNSAFE.get(saved.check.unsafe or "", "")
        name = saved.check.backend or "the keyring"
        reason = f"{name} is not safe: {why}" if why else f"{name} is not safe"
        if saved.check.detail:
            reason += f" ({saved.check.detail})"
        print(
            f"password not stored: {reason}; it is read from {PASSWORD_ENV} each time mail is "
            "sent or fetched"
        )
    return 0


def _test(args: argparse.Namespace) -> int:
    from closer_desk.store.mail_accounts import mail_account
    from closer_desk.store.sending import send_check

    with agenda_from(args) as agenda:
        account = mail_account(agenda, agenda.closer(args.closer).id)
        msgid = send_check(agenda, account, args.to)
    print(f"test message sent from {account.address} to {args.to} ({msgid})")
    return 0


def _accounts(args: argparse.Namespace) -> int:
    from closer_desk.store.mail_accounts import mail_accounts_all, reminder_hours

    with agenda_from(args) as agenda:
        names = {c.id: c.name for c in agenda.closers()}
        accounts = mail_accounts_all(agenda)
        reminders = {agenda.company(k).name: v for k, v in reminder_hours(agenda).items()}
    rows = [
        {
            "closer": names.get(a.closer_id, a.closer_id),
            "from": a.address,
            "smtp": f"{a.smtp_host}:{a.smtp_port}",
            "security": a.security.value,
            "user": a.username or None,
            "password": a.password or None,
            "imap": f"{a.imap_host}:{a.imap_port}" if a.imap_host else None,
        }
        for a in accounts
    ]
    if args.json:
        print_json({"accounts": rows, "reminder_hours": reminders})
        return 0
    print_table(
        ("CLOSER", "FROM", "SMTP", "SECURITY", "USER", "PASSWORD", "IMAP"),
        (
            [r[k] for k in ("closer", "from", "smtp", "security", "user", "password", "imap")]
            for r in rows
        ),
    )
    for company, hours in sorted(reminders.items()):
        print(f"reminders for {company}: {hours} h before the call")
    return 0


def _reminder(args: argparse.Namespace) -> int:
    from closer_desk.store.mail_accounts import set_reminder_hours

    with agenda_from(args) as agenda:
        company = agenda.company(args.company)
        hours = set_reminder_hours(agenda, company.id, None if args.off else args.hours)
    if hours is None:
        print(f"no e-mail reminders for {company.name}'s calls")
    else:
        print(f"prospects of {company.name} get an e-mail reminder {hours} h before the call")
    return 0


# -- outbox -------------------------------------------------------------------------------
def _message_json(m: Any) -> dict[str, Any]:
    return {
        "id": m.id,
        "call": m.appointment_id,
        "kind": m.kind.value,
        "sequence": m.sequence,
        "to": m.recipient,
        "message_id": m.message_id,
        "state": m.state.value,
        "attempts": m.attempts,
        "next_attempt": iso(m.next_attempt) if m.state.value == "queued" else None,
        "reason": m.last_error or None,
        "queued": iso(m.queued),
        "sent": iso(m.sent) if m.sent else None,
    }


def _outbox(args: argparse.Namespace) -> int:
    from closer_desk.store.outbox import messages

    with agenda_from(args) as agenda:
        found = messages(agenda)
    if args.json:
        print_json([_message_json(m) for m in found])
        return 0
    print_table(
        ("ID", "CALL", "KIND", "TO", "STATE", "TRIES", "WHEN (UTC)", "REASON"),
        (
            (
                m.id,
                f"#{m.appointment_id}" if m.appointment_id else "-",
                m.kind.value,
                m.recipient,
                m.state.value,
                m.attempts,
                f"{(m.sent or m.next_attempt):%Y-%m-%d %H:%M}",
                m.last_error,
            )
            for m in found
        ),
    )
    return 0


def _outbox_send(args: argparse.Namespace) -> int:
    with agenda_from(args) as agenda:
        return deliver(agenda, frozenset(args.ids) if args.ids else None)


def _outbox_retry(args: argparse.Namespace) -> int:
    from closer_desk.store.outbox import retry

    with agenda_from(args) as agenda:
        count = retry(agenda, frozenset(args.ids) if args.ids else None)
        print(f"{count} message(s) queued again")
        if args.ids and count:
            return deliver(agenda, frozenset(args.ids))
    return 0


def _outbox_show(args: argparse.Namespace) -> int:
    from closer_desk.store.outbox import message_bytes

    with agenda_from(args) as agenda:
        data = message_bytes(agenda, args.id)
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    return 0


# -- replies ------------------------------------------------------------------------------
_VERDICTS = {
    "recorded": "recorded",
    "already": "already read",
    "not_ours": "ignored: not one of our calls (UID {detail})",
    "old_sequence": "ignored: answers an older version of the call (SEQUENCE {detail})",
    "wrong_sender": "ignored: sent by {detail}, not by the invited attendee",
    "not_attendee": "ignored: {detail} is not the prospect who was invited",
    "unsupported": "ignored: METHOD {detail} is not an answer",
    "no_answer": "no answer in it: {detail}",
    "cancelled": "ignored: the call is cancelled",
}


#: Why a message held no answer.
_PROBLEMS = {
    "too_large": "larger than an answer can be",
    "no_calendar": "no calendar part",
    "unreadable": "its calendar cannot be read",
}


def _verdict_words(o: Any) -> str:
    detail = _PROBLEMS.get(o.detail, o.detail) if o.verdict.value == "no_answer" else o.detail
    return _VERDICTS[o.verdict.value].format(detail=detail)


def _answer_words(o: Any) -> str:
    a = o.answer
    if a is None:
        return ""
    if a.method == "COUNTER" and a.start is not None:
        return f"proposes {iso(a.start)} – {iso(a.end)}"
    return str(a.partstat.value)


def _replies(args: argparse.Namespace) -> int:
    from closer_desk.core.mail.account import MailError
    from closer_desk.store.mail_accounts import mail_account, mail_accounts_all
    from closer_desk.store.replies import fetch_replies, read_reply_files

    if not args.fetch and not args.files:
        print("closer-desk: give --fetch and/or FILE ...", file=sys.stderr)
        return 2
    problems = 0
    with agenda_from(args) as agenda:
        outcomes = read_reply_files(agenda, args.files) if args.files else []
        if args.fetch:
            accounts = (
                [mail_account(agenda, agenda.closer(args.closer).id)]
                if args.closer
                else [a for a in mail_accounts_all(agenda) if a.imap_host]
            )
            if not accounts:
                print(
                    "closer-desk: no mail account has an inbox (mail setup --imap)", file=sys.stderr
                )
                return 2
            for account in accounts:
                try:
                    outcomes += fetch_replies(agenda, account)
                except MailError as error:
                    problems += 1
                    print(
                        f"closer-desk: {account.address}: {mail_reason(error.code, error.detail)}",
                        file=sys.stderr,
                    )
                except Exception as error:  # imaplib.IMAP4.error, OSError, ssl.SSLError
                    if not isinstance(error, OSError) and type(error).__module__ not in (
                        "imaplib",
                        "ssl",
                    ):
                        raise
                    problems += 1
                    print(
                        f"closer-desk: {account.address}: inbox not read ({error})", file=sys.stderr
                    )
    if args.json:
        print_json(
            [
                {
                    "source": o.source,
                    "verdict": o.verdict.value,
                    "call": o.appointment_id,
                    "method": o.answer.method if o.answer else None,
                    "answer": o.answer.partstat.value if o.answer else None,
                    "proposed": {"start": iso(o.answer.start), "end": iso(o.answer.end)}
                    if o.answer and o.answer.start and o.answer.end
                    else None,
                    "detail": o.detail or None,
                    "message": _verdict_words(o),
                }
                for o in outcomes
            ]
        )
    else:
        print_table(
            ("SOURCE", "CALL", "ANSWER", "WHAT WAS DONE"),
            (
                (
                    o.source,
                    f"#{o.appointment_id}" if o.appointment_id else "-",
                    _answer_words(o),
                    _verdict_words(o),
                )
                for o in outcomes
            ),
        )
    return 1 if problems else 0


def _counter(args: argparse.Namespace) -> int:
    from closer_desk.core.mail.state import MailKind
    from closer_desk.store.replies import answer_counter

    accept = args.choice == "accept"
    with agenda_from(args) as agenda:
        with announcing(args, agenda, one_transaction=True) as announce:
            call = answer_counter(agenda, args.id, accept=accept, force=args.force)
            if accept:
                announce(call)
                said = f"moved #{call.id} to the proposed {iso(call.start)}"
            else:
                announce(call, MailKind.DECLINE_COUNTER)
                said = f"kept #{call.id} at its time; the proposed time is declined"
        print(said)
        return announce.send()


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``mail``, ``outbox``, ``replies`` and ``counter`` to the command tree."""
    mail = sub.add_parser("mail", help="closers' mail accounts (invites by e-mail)")
    verbs = mail.add_subparsers(dest="action", metavar="ACTION", parser_class=type(mail))
    p = verbs.add_parser("setup", help="set a closer's mail account")
    p.add_argument("--closer", required=True, help="closer id or name")
    p.add_argument("--from", dest="from_", required=True, help="address invites are sent from")
    p.add_argument("--smtp", required=True, help="outgoing server HOST[:PORT]")
    p.add_argument("--security", choices=("starttls", "ssl", "none"), default="starttls")
    p.add_argument("--user", help="login (none: a relay that needs no password)")
    p.add_argument("--imap", help="inbox server HOST[:PORT] the answers arrive in")
    p.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    p.set_defaults(func=_setup)
    p = verbs.add_parser("test", help="send a test message through a closer's account")
    p.add_argument("--closer", required=True)
    p.add_argument("--to", required=True, help="address to send the test message to")
    p.set_defaults(func=_test)
    p = verbs.add_parser("list", help="the mail accounts and the reminders")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_accounts)
    p = verbs.add_parser("reminder", help="e-mail reminders to a company's prospects")
    p.add_argument("--company", required=True)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--hours", help="so many hours before the call (1 to 168)")
    group.add_argument("--off", action="store_true", help="no reminders (the default)")
    p.set_defaults(func=_reminder)
    mail.set_defaults(func=_accounts, json=False)

    box = sub.add_parser("outbox", help="queued, sent and failed messages, with reasons")
    box.add_argument("--json", action="store_true")
    box.set_defaults(func=_outbox)
    verbs = box.add_subparsers(dest="action", metavar="ACTION", parser_class=type(box))
    p = verbs.add_parser("send", help="send or retry what is queued")
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="only these messages")
    p.set_defaults(func=_outbox_send)
    p = verbs.add_parser("retry", help="queue failed messages again (and send the ones named)")
    p.add_argument("ids", nargs="*", type=int, metavar="ID")
    p.set_defaults(func=_outbox_retry)
    p = verbs.add_parser("show", help="print a message as it is sent")
    p.add_argument("id", type=int)
    p.set_defaults(func=_outbox_show)

    p = sub.add_parser("replies", help="read the prospects' answers (IMAP and/or files)")
    p.add_argument("--fetch", action="store_true", help="read the closers' inboxes")
    p.add_argument("--closer", help="only this closer's inbox")
    p.add_argument("files", nargs="*", type=path_arg, metavar="FILE", help=".eml or .ics files")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_replies)

    p = sub.add_parser("counter", help="accept or decline a new time a prospect proposed")
    p.add_argument("id", type=int, help="the call")
    p.add_argument("choice", choices=("accept", "decline"))
    p.add_argument("--force", action="store_true", help="accept even over another call")
    add_send_option(p)
    p.set_defaults(func=_counter)
