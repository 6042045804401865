"""The invite e-mail as built, without a server: structure, headers no name can inject into,
SENT-BY for an assistant, the prospect's language, and nothing private in any part."""

from __future__ import annotations

import email
from dataclasses import replace
from decimal import Decimal
from email import policy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from closer_desk.core.errors import ValidationError
from closer_desk.core.ics.invite import CallParties
from closer_desk.core.mail.message import (
    Sender,
    header_text,
    invite_message,
    mail_address,
    message_id,
    reminder_message,
)
from closer_desk.core.mail.state import MailKind
from closer_desk.core.model import Appointment, Closer, Company, Prospect, Status
from tests.helpers.factories import NOW, at
from tests.helpers.fuzzing import examples

CLOSER = Closer(1, "Camille Durand", "Europe/Paris", email="camille@example.com")
COMPANY = Company(1, "Acme", default_video_url="https://meet.example.com/acme")
PROSPECT = Prospect(
    1,
    "Gabriel Tremblay",
    "America/Toronto",
    email="gabriel@example.ca",
    language="fr",
    need="SECRET-NEED",
    motivations="SECRET-MOTIVE",
    blockages="SECRET-BLOCK",
    notes="SECRET-PROSPECT-NOTE",
)
CALL = Appointment(
    7,
    1,
    1,
    1,
    at("2026-03-03 15:00", "Europe/Paris"),
    45,
    url="https://meet.example.com/acme",
    uid="call-7@closer-desk",
    sequence=2,
    notes="SECRET-CALL-NOTE",
    deal_value=Decimal("48213.77"),
    currency="CAD",
)
PARTIES = CallParties(CLOSER, COMPANY, PROSPECT)
SECRETS = ("SECRET", "48213", "48 213", "CAD")
CAMILLE = Sender("camille@example.com", "Camille Durand")


def _build(
    call: Appointment = CALL,
    parties: CallParties = PARTIES,
    kind: MailKind = MailKind.INVITE,
    sender: Sender = CAMILLE,
) -> email.message.EmailMessage:
    raw = invite_message(call, parties, kind=kind, sender=sender, now=NOW, msgid="<m1@example.com>")
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(parsed, email.message.EmailMessage)
    return parsed


def _calendar(message: email.message.EmailMessage) -> Calendar:
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    return Calendar.from_ical(part.get_content())


def test_nothing_private_and_no_money_in_any_part() -> None:
    for kind in (MailKind.INVITE, MailKind.UPDATE, MailKind.CANCEL, MailKind.DECLINE_COUNTER):
        message = _build(kind=kind)
        texts = [str(message)]
        texts += [
            p.get_content() if p.get_content_maintype() == "text" else p.get_content().decode()
            for p in message.walk()
            if not p.is_multipart()
        ]
        for text in texts:
            for secret in SECRETS:
                assert secret not in text, (kind, secret)
    reminder = reminder_message(
        CALL, PARTIES, sender=Sender("camille@example.com"), now=NOW, msgid="<r@example.com>"
    ).decode()
    assert not any(secret in reminder for secret in SECRETS)


def test_an_assistant_sends_for_the_closer_with_sent_by_and_reply_to() -> None:
    message = _build(sender=Sender("lea.assistant@example.com", "Léa"))
    assert message["From"].addresses[0].addr_spec == "lea.assistant@example.com"
    assert message["Reply-To"].addresses[0].addr_spec == "camille@example.com"
    [event] = _calendar(message).walk("VEVENT")
    assert str(event["ORGANIZER"]) == "mailto:camille@example.com"
    assert event["ORGANIZER"].params["SENT-BY"] == "mailto:lea.assistant@example.com"


def test_a_closer_without_an_address_organises_with_the_account_s() -> None:
    parties = replace(PARTIES, closer=replace(CLOSER, email=""))
    [event] = _calendar(_build(parties=parties, sender=Sender("c@example.org"))).walk("VEVENT")
    assert str(event["ORGANIZER"]) == "mailto:c@example.org"
    assert "SENT-BY" not in event["ORGANIZER"].params


def test_words_follow_the_prospect_s_language_and_show_both_zones() -> None:
    english = replace(PARTIES, prospect=replace(PROSPECT, language="en"))
    message = _build(parties=english, kind=MailKind.UPDATE)
    assert str(message["Subject"]).startswith("Updated invitation: Call with Acme")
    plain = next(p for p in message.walk() if p.get_content_type() == "text/plain").get_content()
    assert "09:00–09:45, your time (America/Toronto)" in plain
    assert "For Camille Durand: Tuesday, 3 March 2026, 15:00–15:45 (Europe/Paris)" in plain
    cancelled = _build(call=replace(CALL, status=Status.CANCELLED), kind=MailKind.CANCEL)
    assert str(cancelled["Subject"]).startswith("Annulé : ")


HOSTILE = [
    "Evil\r\nBcc: victim@example.net",
    "Evil\nSubject: spoofed",
    "Evil\rX-Injected: 1",
    "Evil\x00\x07\x1b[31m\u2028\u2029\u202eReversed\x85Next",
    "=?utf-8?q?Evil=0D=0ABcc=3A_x=40y?=",
    "x" * 5000,
]


@pytest.mark.parametrize("name", HOSTILE)
def test_no_name_can_add_a_header(name: str) -> None:
    parties = CallParties(
        replace(CLOSER, name=name),
        replace(COMPANY, name=name),
        replace(PROSPECT, name=name),
    )
    raw = invite_message(
        CALL,
        parties,
        kind=MailKind.INVITE,
        sender=Sender("camille@example.com", name),
        now=NOW,
        msgid="<m1@example.com>",
    )
    head = raw.split(b"\r\n\r\n", 1)[0]
    names = [line.split(b":", 1)[0] for line in head.split(b"\r\n") if line[:1] not in b" \t"]
    assert names == [
        b"From",
        b"To",
        b"Subject",
        b"Date",
        b"Message-ID",
        b"MIME-Version",
        b"Content-Type",
    ]
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert parsed["To"].addresses[0].addr_spec == "gabriel@example.ca"
    assert "\n" not in str(parsed["Subject"]) and "\r" not in str(parsed["Subject"])
    # The calendar object keeps one ORGANIZER and one ATTENDEE whatever the name.
    [event] = _calendar(parsed).walk("VEVENT")
    assert not isinstance(event["ATTENDEE"], list)


@given(st.text(max_size=300))
@settings(max_examples=examples(200))
def test_header_text_never_holds_a_line_break_or_control_character(text: str) -> None:
    cleaned = header_text(text)
    assert all(ch.isprintable() for ch in cleaned)
    assert len(cleaned) <= 200


@pytest.mark.parametrize(
    "address",
    [
        "a@b",
        "a b@example.com",
        "a\r\n@example.com",
        "a\x00b@example.com",
        "é@example.com",
        "<a@example.com>",
        "a@example.com, b@example.com",
        "",
    ],
)
def test_an_address_that_could_break_a_header_or_smtp_is_refused(address: str) -> None:
    with pytest.raises(ValidationError):
        mail_address(address)


def test_an_international_domain_travels_in_ascii() -> None:
    expected = "exemple-été.ca".encode("idna").decode()
    assert expected.startswith("xn--")
    assert mail_address("gabriel@exemple-été.ca") == f"gabriel@{expected}"


def test_a_message_id_stays_on_the_sender_s_domain_and_holds_no_odd_characters() -> None:
    assert message_id("abc.123", "Camille@Example.COM") == "<abc.123@example.com>"
    assert message_id("a<b>\r\nc", "x@bad domain") == "<abc@closer-desk.invalid>"
