"""The mail commands as a closer types them, against a real local relay (aiosmtpd):
``mail setup/test/reminder``, ``book|move|cancel|rebook|invite --send``, ``outbox``,
``agenda --json``'s invite; bad input changes nothing."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from closer_desk.store import Agenda
from tests.helpers.cli import dump, run
from tests.helpers.factories import NOW, FakeClock
from tests.helpers.mail import SmtpServer, free_port
from tests.mail.conftest import GABRIEL, setup_argv

pytestmark = pytest.mark.usefixtures("mail_agenda")


@pytest.fixture
def db(mail_agenda: Agenda) -> str:
    return str(mail_agenda.path)


def _setup_relay(capsys: pytest.CaptureFixture[str], db: str, port: int) -> None:
    code, out, err = run(capsys, *setup_argv(db, smtp=f"127.0.0.1:{port}", security="none"))
    assert code == 0, err
    assert "no login" in out


BOOK = ("book", "--company", "Acme", "--prospect", "Gabriel", "--start", "2026-03-03 15:00")


def test_book_send_through_a_local_relay_and_the_agenda_shows_the_invite(
    capsys: pytest.CaptureFixture[str], db: str, relay: SmtpServer
) -> None:
    _setup_relay(capsys, db, relay.port)
    code, out, err = run(capsys, "--db", db, *BOOK, "--send")
    assert code == 0, err
    assert out.splitlines()[1] == f"sent invite #1 to {GABRIEL}"
    assert len(relay.accepted) == 1
    code, out, _ = run(capsys, "--db", db, "agenda", "--from", "2026-03-03", "--json")
    [call] = json.loads(out)
    assert call["invite"] == {
        "state": "sent",
        "sent": "2026-03-02T08:00+00:00",
        "answer": "needs-action",
    }

    code, out, err = run(
        capsys,
        "--db",
        db,
        "move",
        str(call["id"]),
        "--start",
        "2026-03-03 16:00",
        "--send",
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["id"] == call["id"]  # stdout stays one JSON document
    assert f"sent update #2 to {GABRIEL}" in err
    code, out, _ = run(capsys, "--db", db, "cancel", str(call["id"]), "--send")
    assert "sent cancel #3" in out
    code, out, _ = run(capsys, "--db", db, "invite", str(call["id"]), "--send")
    assert code == 0 and "sent cancel #4" in out  # a cancelled call's invite is its CANCEL
    code, out, _ = run(capsys, "--db", db, "outbox", "--json")
    assert [(m["kind"], m["state"], m["sequence"]) for m in json.loads(out)] == [
        ("cancel", "sent", 2),
        ("cancel", "sent", 2),
        ("update", "sent", 1),
        ("invite", "sent", 0),
    ]
    code, out, _ = run(capsys, "--db", db, "outbox", "show", "1")
    assert 'Content-Type: text/calendar; charset="utf-8"; method="REQUEST"' in out
    assert 'filename="invite.ics"' in out


def test_cancelling_a_cancelled_call_says_so_and_sends_nothing(
    capsys: pytest.CaptureFixture[str], db: str, relay: SmtpServer
) -> None:
    _setup_relay(capsys, db, relay.port)
    run(capsys, "--db", db, *BOOK)
    code, out, err = run(capsys, "--db", db, "cancel", "1", "--send")
    assert code == 0 and out.startswith("cancelled #1") and "sent cancel #1" in out, err
    before = dump(Path(db))
    for extra in ((), ("--send",)):
        code, out, err = run(capsys, "--db", db, "cancel", "#1", *extra)
        assert (code, out, err) == (0, "call #1 was already cancelled; nothing changed\n", "")
    code, out, err = run(capsys, "--db", db, "cancel", "1", "--send", "--json")
    assert (code, err) == (0, "") and json.loads(out)["status"] == "cancelled"
    assert dump(Path(db)) == before  # no new SEQUENCE, nothing queued
    assert len(relay.accepted) == 1


def test_without_send_nothing_is_queued_and_the_call_shows_not_sent(
    capsys: pytest.CaptureFixture[str], db: str, relay: SmtpServer
) -> None:
    _setup_relay(capsys, db, relay.port)
    assert run(capsys, "--db", db, *BOOK)[0] == 0
    _, out, _ = run(capsys, "--db", db, "agenda", "--from", "2026-03-03", "--json")
    assert json.loads(out)[0]["invite"] == {
        "state": "not-sent",
        "sent": None,
        "answer": "needs-action",
    }
    assert run(capsys, "--db", db, "outbox")[1].strip() == "(nothing)"
    assert relay.accepted == []


def test_rebook_send_invites_to_the_next_call(
    capsys: pytest.CaptureFixture[str], db: str, relay: SmtpServer
) -> None:
    _setup_relay(capsys, db, relay.port)
    run(capsys, "--db", db, *BOOK)
    run(capsys, "--db", db, "outcome", "1", "follow-up")
    code, out, err = run(capsys, "--db", db, "rebook", "1", "--start", "2026-03-10 15:00", "--send")
    assert code == 0, err
    assert "booked #2 after #1" in out and f"sent invite #1 to {GABRIEL}" in out


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (
            (*BOOK, "--send"),
            "Camille Durand has no mail account: add one with 'closer-desk mail setup",
        ),
        (
            (
                "book",
                "--company",
                "Acme",
                "--prospect",
                "Haruto",
                "--start",
                "2026-03-03 15:00",
                "--send",
            ),
            "prospect 'Haruto Sato': has no e-mail address",
        ),
    ],
)
def test_send_that_cannot_queue_changes_nothing(
    capsys: pytest.CaptureFixture[str], db: str, argv: tuple[str, ...], reason: str
) -> None:
    if "Haruto" in argv:
        run(capsys, *setup_argv(db, smtp="127.0.0.1", security="none"))
    before = dump(Path(db))
    code, out, err = run(capsys, "--db", db, *argv)
    assert code == 2 and out == ""
    assert reason in err and len(err.splitlines()) == 1
    assert dump(Path(db)) == before


@pytest.mark.parametrize(
    ("option", "value", "reason"),
    [
        (
            "--smtp",
            "smtp example.com",
            "smtp 'smtp example.com': expected a server as HOST or HOST:PORT",
        ),
        ("--smtp", "smtp.example.com:99999", "expected a port from 1 to 65535"),
        ("--smtp", "smtp.example.com\r\nRCPT TO:<x@y>", "smtp 'smtp.example.com RCPT TO:"),
        ("--from", "camille", "from 'camille': is not a valid e-mail address"),
        ("--from", "camille@example.com\r\nBcc: x@y", "is not a valid e-mail address"),
        ("--imap", "imap.example.com:0", "expected a port from 1 to 65535"),
        # the error line never carries the control character back
        ("--user", "camille\x00", "user 'camille': is not a usable login name"),
    ],
)
def test_mail_setup_refuses_bad_input_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db: str, option: str, value: str, reason: str
) -> None:
    argv = {"--closer": "Camille", "--from": "c@example.com", "--smtp": "smtp.example.com"}
    argv[option] = value
    before = dump(Path(db))
    code, _, err = run(capsys, "--db", db, "mail", "setup", *[x for kv in argv.items() for x in kv])
    assert code == 2, err
    assert reason in err
    assert dump(Path(db)) == before


def test_a_server_that_is_down_leaves_the_invite_queued_with_the_reason(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    port = free_port()
    _setup_relay(capsys, db, port)
    code, out, err = run(capsys, "--db", db, *BOOK, "--send")
    assert code == 0, err  # booked; the invite waits
    assert "queued invite #1" in out and "server unreachable" in out and "will retry" in out
    code, out, _ = run(capsys, "--db", db, "outbox", "--json")
    [message] = json.loads(out)
    assert message["state"] == "queued" and message["attempts"] == 1
    assert message["reason"].startswith("connection: ")
    assert message["next_attempt"] == "2026-03-02T08:01+00:00"
    server = SmtpServer().start(port=port)
    try:
        later = FakeClock(NOW + timedelta(minutes=5))
        code, out, _ = run(capsys, "--db", db, "outbox", "send", clock=later)
        assert code == 0 and out.strip() == f"sent invite #1 to {GABRIEL}"
        assert len(server.accepted) == 1
    finally:
        server.stop()


def test_a_refused_message_fails_with_the_server_s_words_and_retry_sends_it(
    capsys: pytest.CaptureFixture[str], db: str, relay: SmtpServer
) -> None:
    _setup_relay(capsys, db, relay.port)
    relay.answer = lambda _data: "550 5.1.1 <gabriel@example.ca>: Recipient address rejected"
    code, out, _ = run(capsys, "--db", db, *BOOK, "--send")
    assert code == 1
    assert "failed invite #1 to gabriel@example.ca: refused by the server (550 5.1.1" in out
    code, out, _ = run(capsys, "--db", db, "agenda", "--from", "2026-03-03", "--json")
    invite = json.loads(out)[0]["invite"]
    assert invite["state"] == "failed" and invite["reason"].startswith("refused: 550 5.1.1")
    relay.answer = lambda _data: "250 OK"
    code, out, _ = run(capsys, "--db", db, "outbox", "retry", "1")
    assert code == 0 and "1 message(s) queued again" in out and "sent invite #1" in out


def test_mail_test_sends_a_test_message_or_says_why_not(
    capsys: pytest.CaptureFixture[str], db: str, relay: SmtpServer
) -> None:
    _setup_relay(capsys, db, relay.port)
    code, out, err = run(
        capsys, "--db", db, "mail", "test", "--closer", "Camille", "--to", "me@example.org"
    )
    assert code == 0, err
    assert "test message sent from camille@example.com to me@example.org" in out
    assert relay.accepted[0].rcpt_tos == ["me@example.org"]
    relay.stop()
    code, out, err = run(
        capsys, "--db", db, "mail", "test", "--closer", "Camille", "--to", "me@example.org"
    )
    assert code == 1 and err.startswith("closer-desk: mail not sent: server unreachable")


def test_reminders_go_in_the_prospect_s_language_once_per_call(
    capsys: pytest.CaptureFixture[str], db: str, relay: SmtpServer, mail_agenda: Agenda
) -> None:
    _setup_relay(capsys, db, relay.port)
    code, out, _ = run(capsys, "--db", db, "mail", "reminder", "--company", "Acme", "--hours", "24")
    assert code == 0 and "reminder 24 h before the call" in out
    # 2026-03-03 15:00 Paris is 30 h after the suite's now: the reminder is due in 6 h.
    run(capsys, "--db", db, *BOOK, "--send")
    run(
        capsys,
        "--db",
        db,
        "book",
        "--company",
        "Érable",
        "--prospect",
        "Omar",
        "--start",
        "2026-03-03 11:00",
        "--send",
    )
    assert len(relay.accepted) == 2
    assert run(capsys, "--db", db, "outbox", "send")[1] == ""  # not yet
    at_6 = FakeClock(NOW + timedelta(hours=6, minutes=5))
    code, out, _ = run(capsys, "--db", db, "outbox", "send", clock=at_6)
    assert out.strip() == f"sent reminder #3 to {GABRIEL}"  # Érable sends no reminders
    reminder = relay.accepted[-1].message
    assert str(reminder["Subject"]).startswith("Rappel : Appel avec Acme")
    assert reminder["Auto-Submitted"] == "auto-generated"
    assert "L'appel commence dans 24 heures." in reminder.get_content()
    assert "09:00–09:45, votre heure (America/Toronto)" in reminder.get_content()
    assert run(capsys, "--db", db, "outbox", "send", clock=at_6)[1] == ""  # once
    code, out, _ = run(capsys, "--db", db, "mail", "reminder", "--company", "Acme", "--off")
    assert "no e-mail reminders for Acme's calls" in out
