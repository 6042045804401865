"""The e-mails a prospect receives: invites, updates, cancellations and reminders.

The invite's shape is what RFC 6047 asks and what Thunderbird sends, which Gmail and Outlook
show with their Accept/Decline buttons::

    multipart/mixed
      multipart/alternative
        text/plain; charset=utf-8        the call in words, the time in both zones
        text/calendar; method=REQUEST    the iTIP object, METHOD matching the parameter
      application/ics; name=invite.ics   the same object as an attachment

Built with the standard library's ``email`` package (policy SMTP: CRLF line ends). Every text a
user typed reaches a header only through ``header_text`` (control characters, CR and LF
removed) and an address only through ``mail_address``, so no name can add a header; the
library itself refuses a CR or LF in a header value as a second guard. Only the call's public
facts go in, through ``core.ics.invite``: never the private notes, the client file or money.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from closer_desk.core import parse, tz
from closer_desk.core.errors import ValidationError
from closer_desk.core.ics.invite import (
    CallParties,
    calendar_of,
    description,
    event_for,
    summary,
)
from closer_desk.core.mail.state import MailKind
from closer_desk.core.model import Appointment

#: The MIME policy of every message: RFC 5322 with CRLF, lines folded at 78.
SMTP_POLICY = policy.SMTP


#: The iTIP METHOD of each kind that carries a calendar object.
METHODS = {
    MailKind.INVITE: "REQUEST",
    MailKind.UPDATE: "REQUEST",
    MailKind.CANCEL: "CANCEL",
    MailKind.DECLINE_COUNTER: "DECLINECOUNTER",
}


@dataclass(frozen=True, slots=True)
class Sender:
    """The mailbox a message is sent from: the closer's, or an assistant's sending for them
    (then the invite's ORGANIZER carries ``SENT-BY``)."""

    address: str
    name: str = ""


_SPACES = re.compile(r"\s+")


def plain_text(text: str, limit: int = 200) -> str:
    """``text`` on one line without control or format characters (each becomes a space)."""
    kept = "".join(
        " " if unicodedata.category(ch)[0] in ("C", "Z") and ch != " " else ch for ch in text
    )
    return _SPACES.sub(" ", kept).strip()[:limit]


def header_text(text: str, limit: int = 200) -> str:
    """``text`` fit for a header: control and format characters (CR, LF, NUL, bidi
    overrides, line and paragraph separators) become spaces, runs of space one space, cut to
    ``limit`` characters; and no RFC 2047 encoded word.

    The encoded words matter: ``email`` decodes ``=?utf-8?q?Evil=0D=0ABcc...?=`` typed as a
    name and, on the Python versions we support, writes the decoded CR LF into the header
    (a new ``Bcc:``). ``=?`` is written ``= ?``: no encoded word can start.
    """
    return plain_text(text, limit).replace("=?", "= ?")


def mail_address(text: str, field: str = "email") -> str:
    """A bare ``local@domain`` address fit for SMTP and a header (ASCII local part, domain
    in its ASCII form), or ``ValidationError`` (``bad_email``, or ``empty`` when none)."""
    address = parse.parse_email(text, field)
    if not address:
        raise ValidationError(field, "empty", text)
    if any(unicodedata.category(ch)[0] in ("C", "Z") for ch in address) or len(address) > 254:
        raise ValidationError(field, "bad_email", text)
    local, _, domain = address.rpartition("@")
    try:
        # An international domain travels as its ASCII (punycode) form, which every server
        # takes; an international local part would need SMTPUTF8, which many lack.
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise ValidationError(field, "bad_email", text) from None
    if not local or len(local) > 64 or not local.isascii():
        raise ValidationError(field, "bad_email", text)
    return f"{local}@{ascii_domain}"


def _mailbox(address: str, name: str) -> Address:
    local, _, domain = address.rpartition("@")
    return Address(display_name=header_text(name), username=local, domain=domain)


def message_id(token: str, address: str) -> str:
    """``<token@domain>``: stable for a message's whole life (the outbox stores it), on the
    sender's domain (RFC 5322 3.6.4)."""
    domain = address.rpartition("@")[2].lower()
    if not re.fullmatch(r"[a-z0-9.-]{1,253}", domain):
        domain = "closer-desk.invalid"
    return f"<{re.sub(r'[^A-Za-z0-9.-]', '', token)}@{domain}>"


def organizer_parties(parties: CallParties, sender: Sender) -> CallParties:
    """The parties as a message shows them: names on one line without control characters
    (in the calendar object too: a NUL or a line separator there breaks the prospect's
    calendar), and the closer's address filled from the sender when the closer has none
    (the ORGANIZER must be a mailbox that receives the answers)."""
    closer = replace(
        parties.closer,
        name=plain_text(parties.closer.name),
        email=parties.closer.email or sender.address,
    )
    return CallParties(
        closer,
        replace(parties.company, name=plain_text(parties.company.name)),
        replace(parties.prospect, name=plain_text(parties.prospect.name)),
    )


def sent_by(parties: CallParties, sender: Sender) -> str:
    """The assistant's address when the sender is not the closer, else ``""``."""
    closer = organizer_parties(parties, sender).closer.email
    return "" if closer.casefold() == sender.address.casefold() else sender.address


def calendar_bytes(
    appointment: Appointment,
    parties: CallParties,
    *,
    kind: MailKind,
    sender: Sender,
    now: datetime,
) -> bytes:
    """The iTIP object of an invite, update, cancellation or DECLINECOUNTER: the call's
    VEVENT (``core.ics.invite.event_for``), ORGANIZER with ``SENT-BY`` when an assistant
    sends, METHOD matching ``kind``."""
    method = METHODS[kind]
    parties = organizer_parties(parties, sender)
    event = event_for(appointment, parties, now=now)
    if kind == MailKind.CANCEL:
        event["STATUS"] = "CANCELLED"
    if assistant := sent_by(parties, sender):
        event["ORGANIZER"].params["SENT-BY"] = f"mailto:{assistant}"
    return bytes(calendar_of([event], method).to_ical())


_WORDS = {
    "en": {
        MailKind.INVITE: "Invitation: {title} @ {when}",
        MailKind.UPDATE: "Updated invitation: {title} @ {when}",
        MailKind.CANCEL: "Cancelled: {title} @ {when}",
        MailKind.DECLINE_COUNTER: "New time declined: {title} @ {when}",
        MailKind.REMINDER: "Reminder: {title} @ {when}",
        "answer": "Accept or decline with your calendar's buttons, or open invite.ics.",
        "cancelled": "Your calendar removes the call when you open this message.",
        "declined": "The call stays at the time above.",
        "starts_in": "The call starts in {hours} hours.",
        "starts_in_one": "The call starts in one hour.",
        "test": "closer_desk test message",
        "test_body": "This message was sent by closer_desk to check the mail account {account}.",
    },
    "fr": {
        MailKind.INVITE: "Invitation : {title} @ {when}",
        MailKind.UPDATE: "Invitation mise à jour : {title} @ {when}",
        MailKind.CANCEL: "Annulé : {title} @ {when}",
        MailKind.DECLINE_COUNTER: "Nouvel horaire refusé : {title} @ {when}",
        MailKind.REMINDER: "Rappel : {title} @ {when}",
        "answer": "Acceptez ou refusez avec les boutons de votre agenda, ou ouvrez invite.ics.",
        "cancelled": "Votre agenda retire l'appel à l'ouverture de ce message.",
        "declined": "L'appel reste à l'horaire ci-dessus.",
        "starts_in": "L'appel commence dans {hours} heures.",
        "starts_in_one": "L'appel commence dans une heure.",
        "test": "Message de test de closer_desk",
        "test_body": "Ce message a été envoyé par closer_desk pour vérifier le compte {account}.",
    },
}


def _words(language: str) -> dict[object, str]:
    return _WORDS.get(language.lower()[:2], _WORDS["en"])  # type: ignore[return-value]


def _subject(kind: MailKind, appointment: Appointment, parties: CallParties) -> str:
    words = _words(parties.prospect.language)
    start = tz.convert(appointment.start, parties.prospect.zone)
    when = f"{start:%Y-%m-%d %H:%M} ({parties.prospect.zone})"
    return header_text(words[kind].format(title=summary(appointment, parties), when=when), 300)


def _envelope(
    *, sender: Sender, to: str, to_name: str, subject: str, now: datetime, msgid: str
) -> EmailMessage:
    tz.require_aware(now)
    message = EmailMessage(policy=SMTP_POLICY)
    message["From"] = _mailbox(sender.address, sender.name)
    message["To"] = _mailbox(mail_address(to), to_name)
    message["Subject"] = header_text(subject, 300)
    message["Date"] = format_datetime(now.astimezone(UTC))
    message["Message-ID"] = msgid
    message["MIME-Version"] = "1.0"
    return message


def _text(appointment: Appointment, parties: CallParties, closing: str) -> str:
    # description() already holds the time in both zones and the link or number.
    return f"{description(appointment, parties)}\n\n{closing}\n"


def invite_message(
    appointment: Appointment,
    parties: CallParties,
    *,
    kind: MailKind,
    sender: Sender,
    now: datetime,
    msgid: str,
) -> bytes:
    """The whole RFC 5322 message of an invite, update, cancellation or DECLINECOUNTER, to
    the prospect, in the prospect's language. ``msgid`` is the outbox's stable Message-ID."""
    method = METHODS[kind]
    parties = organizer_parties(parties, sender)
    words = _words(parties.prospect.language)
    ics = calendar_bytes(appointment, parties, kind=kind, sender=sender, now=now)
    closing = {
        MailKind.CANCEL: words["cancelled"],
        MailKind.DECLINE_COUNTER: words["declined"],
    }.get(kind, words["answer"])
    message = _envelope(
        sender=sender,
        to=parties.prospect.email,
        to_name=parties.prospect.name,
        subject=_subject(kind, appointment, parties),
        now=now,
        msgid=msgid,
    )
    if sent_by(parties, sender):
        # A plain "Reply" reaches the closer, as the calendar's answer does (ORGANIZER).
        message["Reply-To"] = _mailbox(parties.closer.email, parties.closer.name)
    alternative = EmailMessage(policy=SMTP_POLICY)
    alternative.make_alternative()
    alternative.attach(_part(_text(appointment, parties, closing)))
    alternative.attach(_part(ics.decode(), subtype="calendar", params={"method": method}))
    message.make_mixed()
    message.attach(alternative)
    # As Thunderbird attaches it: application/ics named invite.ics, for clients that do not
    # read the alternative part.
    message.attach(
        _part(
            ics,
            maintype="application",
            subtype="ics",
            filename="invite.ics",
            params={"name": "invite.ics"},
        )
    )
    return message.as_bytes(policy=SMTP_POLICY)


def _part(content: str | bytes, **options: object) -> EmailMessage:
    part = EmailMessage(policy=SMTP_POLICY)
    part.set_content(content, **options)  # type: ignore[arg-type]
    del part["MIME-Version"]  # only the message itself carries it (RFC 2045 4)
    return part


def reminder_message(
    appointment: Appointment,
    parties: CallParties,
    *,
    sender: Sender,
    now: datetime,
    msgid: str,
) -> bytes:
    """A plain-text reminder to the prospect before the call, in their language and zone
    (no calendar object: the invite already placed the call in their calendar)."""
    parties = organizer_parties(parties, sender)
    words = _words(parties.prospect.language)
    hours = max(1, round((appointment.start_utc - now).total_seconds() / 3600))
    closing = words["starts_in_one"] if hours == 1 else words["starts_in"].format(hours=hours)
    message = _envelope(
        sender=sender,
        to=parties.prospect.email,
        to_name=parties.prospect.name,
        subject=_subject(MailKind.REMINDER, appointment, parties),
        now=now,
        msgid=msgid,
    )
    # Sent by a timer, not by a person: vacation responders must not answer it (RFC 3834).
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(_text(appointment, parties, closing))
    return message.as_bytes(policy=SMTP_POLICY)


def account_check_message(
    *, sender: Sender, to: str, now: datetime, msgid: str, language: str = "en"
) -> bytes:
    """A short message that checks an account end to end."""
    words = _words(language)
    message = _envelope(
        sender=sender, to=to, to_name="", subject=words["test"], now=now, msgid=msgid
    )
    message.set_content(words["test_body"].format(account=sender.address) + "\n")
    return message.as_bytes(policy=SMTP_POLICY)
