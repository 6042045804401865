"""Invites through a real SMTP server (aiosmtpd on 127.0.0.1): what arrives, parsed back with
``email`` and read by icalendar and libical; and the faults the outbox must survive."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from closer_desk.core.mail.state import InviteState, MessageState
from closer_desk.store import Agenda
from closer_desk.store.invites import invite_states
from closer_desk.store.mail_accounts import set_account
from closer_desk.store.outbox import message_by_id, messages, queue_invite
from closer_desk.store.sending import Result, send_outbox
from tests.helpers.factories import at
from tests.helpers.mail import PASSWORD, USER, SmtpServer, free_port
from tests.interop.test_invite_interop import _has_libical, libical
from tests.mail.conftest import GABRIEL, relay_account

START = at("2026-03-03 15:00", "Europe/Paris")


def _parts(server: SmtpServer, n: int = -1) -> dict[str, object]:
    message = server.accepted[n].message
    tree = [part.get_content_type() for part in message.walk()]
    calendar = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    attachment = next(p for p in message.walk() if p.get_content_type() == "application/ics")
    plain = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return {
        "message": message,
        "tree": tree,
        "calendar": calendar,
        "ics": calendar.get_content().encode(),
        "attachment": attachment,
        "plain": plain.get_content(),
    }


def test_a_booked_call_reaches_the_prospect_with_accept_decline_structure(
    mail_agenda: Agenda, relay: SmtpServer
) -> None:
    relay_account(mail_agenda, relay)
    call = mail_agenda.book(company="Acme", prospect="Gabriel", start=START)
    queued = queue_invite(mail_agenda, call.id)
    report = send_outbox(mail_agenda)
    assert [d.result for d in report.deliveries] == [Result.SENT]

    [received] = relay.accepted
    assert received.mail_from == "camille@example.com"
    assert received.rcpt_tos == [GABRIEL]
    got = _parts(relay)
    message = got["message"]
    assert got["tree"] == [
        "multipart/mixed",
        "multipart/alternative",
        "text/plain",
        "text/calendar",
        "application/ics",
    ]
    assert message["Message-ID"] == queued.message_id
    assert message["To"].addresses[0].addr_spec == GABRIEL
    assert message["Subject"].startswith("Invitation : Appel avec Acme")  # Gabriel reads French
    assert got["calendar"].get_param("method") == "REQUEST"
    assert got["attachment"].get_filename() == "invite.ics"
    assert got["attachment"].get_content() == got["ics"]
    # The time in both zones, in the prospect's language.
    assert "09:00–09:45, votre heure (America/Toronto)" in got["plain"]
    assert "15:00–15:45 (Europe/Paris)" in got["plain"]

    calendar = Calendar.from_ical(got["ics"])
    assert calendar["METHOD"] == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == call.uid
    assert int(event["SEQUENCE"]) == call.sequence
    assert str(event["ORGANIZER"]) == "mailto:camille@example.com"
    assert "SENT-BY" not in event["ORGANIZER"].params
    attendee = event["ATTENDEE"]
    assert str(attendee) == f"mailto:{GABRIEL}"
    assert attendee.params["RSVP"] == "TRUE"
    assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"

    status = invite_states(mail_agenda, [call.id])[call.id]
    assert status.state == InviteState.SENT and status.sent == mail_agenda.now()


def test_an_update_and_a_cancellation_keep_the_uid_with_a_higher_sequence(
    mail_agenda: Agenda, relay: SmtpServer, tmp_path: Path
) -> None:
    relay_account(mail_agenda, relay)
    call = mail_agenda.book(company="Acme", prospect="Gabriel", start=START)
    queue_invite(mail_agenda, call.id)
    moved = mail_agenda.move(call.id, START + timedelta(hours=2))
    queue_invite(mail_agenda, call.id)  # supersedes the first: it never went
    send_outbox(mail_agenda)
    cancelled = mail_agenda.cancel(call.id)
    queue_invite(mail_agenda, call.id)
    send_outbox(mail_agenda)

    assert [r.message["Subject"].split(" :")[0] for r in relay.accepted] == [
        "Invitation",  # the first one sent: the moved time, as an invite
        "Annulé",
    ]
    [first] = Calendar.from_ical(_parts(relay, 0)["ics"]).walk("VEVENT")
    cancel_calendar = Calendar.from_ical(_parts(relay, 1)["ics"])
    [cancel] = cancel_calendar.walk("VEVENT")
    assert cancel_calendar["METHOD"] == "CANCEL"
    assert _parts(relay, 1)["calendar"].get_param("method") == "CANCEL"
    assert str(cancel["STATUS"]) == "CANCELLED"
    assert str(first["UID"]) == str(cancel["UID"]) == call.uid
    assert int(first["SEQUENCE"]) == moved.sequence < int(cancel["SEQUENCE"]) == cancelled.sequence
    states = [m.state for m in messages(mail_agenda, states=frozenset(MessageState))]
    assert states == [MessageState.SENT, MessageState.SENT, MessageState.SUPERSEDED]

    if _has_libical():
        files = []
        for n in range(len(relay.accepted)):
            path = tmp_path / f"received-{n}.ics"
            path.write_bytes(_parts(relay, n)["ics"])
            files.append(path)
        facts = libical(files)
        assert [f["method"] for f in facts] == ["REQUEST", "CANCEL"]
        assert all(f["parsed"] and f["errors"] == [] for f in facts)
        assert [f["events"][0]["sequence"] for f in facts] == [moved.sequence, cancelled.sequence]
        assert [f["events"][0]["attendees"] for f in facts] == [1, 1]


def test_starttls_and_login_with_the_password_from_a_safe_keyring_or_the_environment(
    mail_agenda: Agenda, smtp: SmtpServer, keyring_plaintext: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # keyrings.alt's plaintext file is not safe: nothing is stored, the environment is read.
    setup = set_account(
        mail_agenda,
        "Camille",
        address=USER,
        smtp=f"127.0.0.1:{smtp.port}",
        security="starttls",
        username=USER,
        password=PASSWORD,
    )
    assert setup.account.password == "env"
    call = mail_agenda.book(company="Acme", prospect="Gabriel", start=START)
    queue_invite(mail_agenda, call.id)

    monkeypatch.delenv("CLOSER_DESK_MAIL_PASSWORD", raising=False)
    report = send_outbox(mail_agenda)
    assert [(d.result, d.code) for d in report.deliveries] == [(Result.WAITING, "no_password")]
    assert smtp.accepted == []

    monkeypatch.setenv("CLOSER_DESK_MAIL_PASSWORD", PASSWORD)
    report = send_outbox(mail_agenda)
    assert [d.result for d in report.deliveries] == [Result.SENT]
    assert smtp.accepted[0].auth == USER


def test_server_down_then_back_the_message_waits_and_goes_once(mail_agenda: Agenda, clock) -> None:
    port = free_port()
    set_account(
        mail_agenda, "Camille", address="c@example.com", smtp=f"127.0.0.1:{port}", security="none"
    )
    call = mail_agenda.book(company="Acme", prospect="Gabriel", start=START)
    queued = queue_invite(mail_agenda, call.id)

    report = send_outbox(mail_agenda, timeout=5)
    assert [(d.result, d.code) for d in report.deliveries] == [(Result.RETRY, "connection")]
    waiting = message_by_id(mail_agenda, queued.id)
    assert waiting.state == MessageState.QUEUED and waiting.attempts == 1
    assert waiting.next_attempt == clock.now + timedelta(minutes=1)
    assert invite_states(mail_agenda, [call.id])[call.id].state == InviteState.QUEUED
    assert send_outbox(mail_agenda).deliveries == ()  # not due yet: back-off

    clock.now += timedelta(minutes=1)
    assert [d.code for d in send_outbox(mail_agenda, timeout=5).deliveries] == ["connection"]
    assert message_by_id(mail_agenda, queued.id).next_attempt == clock.now + timedelta(minutes=2)

    server = SmtpServer().start(port=port)
    try:
        clock.now += timedelta(minutes=2)
        assert [d.result for d in send_outbox(mail_agenda).deliveries] == [Result.SENT]
        assert send_outbox(mail_agenda).deliveries == ()
        assert server.ids() == [queued.message_id]
    finally:
        server.stop()


@pytest.mark.parametrize("answer", ["421 4.3.2 Service shutting down", "451 4.3.0 Try later"])
def test_a_4xx_answer_is_retried_with_the_same_message(
    mail_agenda: Agenda, relay: SmtpServer, clock, answer: str
) -> None:
    relay_account(mail_agenda, relay)
    answers = iter([answer, "250 OK"])
    relay.answer = lambda _data: next(answers)
    call = mail_agenda.book(company="Acme", prospect="Gabriel", start=START)
    queued = queue_invite(mail_agenda, call.id)

    [first] = send_outbox(mail_agenda).deliveries
    assert (first.result, first.code) == (Result.RETRY, "temporary")
    assert first.detail == answer
    assert message_by_id(mail_agenda, queued.id).last_error == f"temporary: {answer}"
    clock.now += timedelta(minutes=1)
    [second] = send_outbox(mail_agenda).deliveries
    assert second.result == Result.SENT
    first_try, second_try = (r.data for r in relay.seen)
    assert first_try == second_try  # the same bytes, the same Message-ID
    assert relay.ids() == [queued.message_id]


def test_a_550_answer_fails_the_message_with_the_reason_and_others_still_go(
    mail_agenda: Agenda, relay: SmtpServer
) -> None:
    relay_account(mail_agenda, relay)
    relay.answer = lambda data: "550 5.1.1 Mailbox unavailable" if b"gabriel@" in data else "250 OK"
    refused = mail_agenda.book(company="Acme", prospect="Gabriel", start=START)
    fine = mail_agenda.book(company="Acme", prospect="Omar", start=START + timedelta(hours=1))
    first, second = queue_invite(mail_agenda, refused.id), queue_invite(mail_agenda, fine.id)

    results = {d.message.id: (d.result, d.detail) for d in send_outbox(mail_agenda).deliveries}
    assert results == {
        first.id: (Result.FAILED, "550 5.1.1 Mailbox unavailable"),
        second.id: (Result.SENT, ""),
    }
    status = invite_states(mail_agenda, [refused.id])[refused.id]
    assert status.state == InviteState.FAILED
    assert status.reason == "refused: 550 5.1.1 Mailbox unavailable"
    assert send_outbox(mail_agenda).deliveries == ()  # failed stays failed


def test_a_wrong_password_fails_and_leaves_the_keyring_entry_alone(
    mail_agenda: Agenda, smtp: SmtpServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The safe branch needs a real Secret Service: gnome-keyring on a D-Bus of its own."""
    from tests.helpers.mail import has_secret_service_tools, secret_service

    if not has_secret_service_tools():
        pytest.skip("gnome-keyring/dbus-daemon missing (packaging/sysdeps.sh test installs them)")
    from closer_desk.store import secrets

    with secret_service(tmp_path / "session") as env:
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
        setup = set_account(
            mail_agenda,
            "Camille",
            address=USER,
            smtp=f"127.0.0.1:{smtp.port}",
            username=USER,
            password="not-the-password",
        )
        assert setup.account.password == "keyring"
        assert setup.saved is not None and setup.saved.check.safe
        call = mail_agenda.book(company="Acme", prospect="Gabriel", start=START)
        queue_invite(mail_agenda, call.id)
        [delivery] = send_outbox(mail_agenda).deliveries
        assert (delivery.result, delivery.code) == (Result.FAILED, "auth"), delivery.detail
        assert delivery.detail.startswith("535")
        assert smtp.accepted == []
        key = setup.account.secret_account
        assert secrets.load_secret("mail", key, where="keyring", env="") == "not-the-password"

        # The closer fixes it; the failed message goes on a retry.
        set_account(
            mail_agenda,
            "Camille",
            address=USER,
            smtp=f"127.0.0.1:{smtp.port}",
            username=USER,
            password=PASSWORD,
        )
        from closer_desk.store.outbox import retry

        assert retry(mail_agenda) == 1
        assert [d.result for d in send_outbox(mail_agenda).deliveries] == [Result.SENT]
        assert secrets.load_secret("mail", key, where="keyring", env="") == PASSWORD


def test_one_sender_at_a_time_per_agenda(mail_agenda: Agenda, relay: SmtpServer) -> None:
    from closer_desk.store.sending import sender_lock

    relay_account(mail_agenda, relay)
    call = mail_agenda.book(company="Acme", prospect="Gabriel", start=START)
    queue_invite(mail_agenda, call.id)
    with sender_lock(mail_agenda.path) as held:
        assert held
        report = send_outbox(mail_agenda)  # another sender (the window, the timer) holds it
        assert report.busy and report.deliveries == ()
    assert [d.result for d in send_outbox(mail_agenda).deliveries] == [Result.SENT]
