"""The prospect's answers, checked and recorded: from dropped .eml/.ics files and from the
closer's inbox on a real Dovecot (the answers put there with IMAP APPEND)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from closer_desk.core.mail.state import InviteState
from closer_desk.store import Agenda
from closer_desk.store.invites import invite_states
from closer_desk.store.mail_accounts import set_account
from closer_desk.store.outbox import messages, queue_invite
from closer_desk.store.replies import Verdict, apply_answers
from closer_desk.store.sending import send_outbox
from tests.helpers.cli import run
from tests.helpers.factories import at
from tests.helpers.mail import PASSWORD, USER, Dovecot, SmtpServer
from tests.mail.conftest import relay_account

REPLIES = Path(__file__).with_name("replies")
UID = "3f0b3d4c-8a7e-4b6f-9a51-2c1d9e0f7a10@closer-desk"
START = at("2026-03-03 15:00", "Europe/Paris")


def _reply(name: str) -> bytes:
    return (REPLIES / name).read_bytes()


@pytest.fixture
def invited(mail_agenda: Agenda, relay: SmtpServer) -> int:
    """Gabriel's call (the UID the stored replies answer), its invite sent."""
    relay_account(mail_agenda, relay)
    call = mail_agenda.book(company="Acme", prospect="Gabriel", start=START, uid=UID)
    queue_invite(mail_agenda, call.id)
    send_outbox(mail_agenda)
    return call.id


@pytest.mark.parametrize(
    ("name", "state"),
    [
        ("thunderbird_reply_accepted.eml", InviteState.ACCEPTED),
        ("gmail_reply_declined.eml", InviteState.DECLINED),
        ("outlook_reply_tentative.eml", InviteState.TENTATIVE),
        ("outlook_counter.eml", InviteState.COUNTER),
    ],
)
def test_an_answer_from_the_attendee_sets_the_call_s_state(
    mail_agenda: Agenda, invited: int, name: str, state: InviteState
) -> None:
    [outcome] = apply_answers(mail_agenda, _reply(name), source=name)
    assert (outcome.verdict, outcome.appointment_id) == (Verdict.RECORDED, invited)
    assert invite_states(mail_agenda, [invited])[invited].state == state
    [again] = apply_answers(mail_agenda, _reply(name), source=name)
    assert again.verdict == Verdict.ALREADY


def test_an_answer_from_another_sender_is_ignored_and_said_so(
    mail_agenda: Agenda, invited: int, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    forged = _reply("thunderbird_reply_accepted.eml").replace(
        b"From: Gabriel Tremblay <gabriel@example.ca>", b"From: Mallory <mallory@example.net>"
    )
    (tmp_path / "forged.eml").write_bytes(forged)
    code, out, _ = run(
        capsys, "--db", str(mail_agenda.path), "replies", str(tmp_path / "forged.eml")
    )
    assert code == 0
    assert "ignored: sent by mallory@example.net, not by the invited attendee" in out
    assert invite_states(mail_agenda, [invited])[invited].state == InviteState.SENT


def test_an_answer_to_an_older_version_of_the_call_is_ignored_and_said_so(
    mail_agenda: Agenda, invited: int, capsys: pytest.CaptureFixture[str]
) -> None:
    mail_agenda.move(invited, START + timedelta(hours=1))
    queue_invite(mail_agenda, invited)
    send_outbox(mail_agenda)
    reply = REPLIES / "outlook_reply_tentative.eml"
    code, out, _ = run(capsys, "--db", str(mail_agenda.path), "replies", "--json", str(reply))
    assert code == 0
    [outcome] = json.loads(out)
    assert outcome["verdict"] == "old_sequence" and outcome["detail"] == "0 < 1"
    assert "older version of the call (SEQUENCE 0 < 1)" in outcome["message"]
    assert invite_states(mail_agenda, [invited])[invited].state == InviteState.SENT


def test_an_answer_that_is_not_about_our_call_or_not_from_our_prospect_is_ignored(
    mail_agenda: Agenda, invited: int
) -> None:
    eml = _reply("gmail_reply_declined.eml")
    ics = eml.split(b"Content-Transfer-Encoding: 7bit\n\n", 1)[1].split(b"\n--", 1)[0]
    other_uid = ics.replace(UID.encode(), b"someone-else@x")
    [outcome] = apply_answers(mail_agenda, other_uid, source="a.ics")
    assert outcome.verdict == Verdict.NOT_OURS
    other_attendee = ics.replace(b"gabriel@example.ca", b"omar@example.ae")
    [outcome] = apply_answers(mail_agenda, other_attendee, source="b.ics")
    assert (outcome.verdict, outcome.detail) == (Verdict.NOT_ATTENDEE, "omar@example.ae")


def test_a_proposed_new_time_accepted_moves_the_call_and_sends_the_update(
    mail_agenda: Agenda, invited: int, relay: SmtpServer, capsys: pytest.CaptureFixture[str]
) -> None:
    apply_answers(mail_agenda, _reply("outlook_counter.eml"), source="counter")
    status = invite_states(mail_agenda, [invited])[invited]
    assert status.proposed == (
        datetime(2026, 3, 4, 15, 0, tzinfo=UTC),
        datetime(2026, 3, 4, 15, 45, tzinfo=UTC),
    )
    db = str(mail_agenda.path)
    code, out, err = run(capsys, "--db", db, "counter", str(invited), "accept", "--send")
    assert code == 0, err
    assert "moved" in out and "sent update" in out
    moved = mail_agenda.appointment(invited)
    assert moved.start_utc == datetime(2026, 3, 4, 15, 0, tzinfo=UTC)
    assert moved.zone == "Europe/Paris" and moved.minutes == 45
    assert invite_states(mail_agenda, [invited])[invited].state == InviteState.SENT
    assert len(relay.accepted) == 2
    code, _, err = run(capsys, "--db", db, "counter", str(invited), "decline")
    assert code == 2 and "no new time" in err


def test_a_proposed_new_time_declined_keeps_the_call_and_says_so_to_the_prospect(
    mail_agenda: Agenda, invited: int, relay: SmtpServer, capsys: pytest.CaptureFixture[str]
) -> None:
    apply_answers(mail_agenda, _reply("outlook_counter.eml"), source="counter")
    code, _out, err = run(
        capsys, "--db", str(mail_agenda.path), "counter", str(invited), "decline", "--send"
    )
    assert code == 0, err
    assert mail_agenda.appointment(invited).start == START
    message = relay.accepted[-1].message
    calendar = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    assert calendar.get_param("method") == "DECLINECOUNTER"
    assert "METHOD:DECLINECOUNTER" in calendar.get_content()
    assert invite_states(mail_agenda, [invited])[invited].state == InviteState.SENT


def test_answers_are_read_from_the_closer_s_inbox_on_dovecot(
    mail_agenda: Agenda,
    smtp: SmtpServer,
    dovecot: Dovecot,
    capsys: pytest.CaptureFixture[str],
    keyring_plaintext: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLOSER_DESK_MAIL_PASSWORD", PASSWORD)
    set_account(
        mail_agenda,
        "Camille",
        address=USER,
        smtp=f"127.0.0.1:{smtp.port}",
        username=USER,
        imap=f"127.0.0.1:{dovecot.port}",
    )
    call = mail_agenda.book(company="Acme", prospect="Gabriel", start=START, uid=UID)
    queue_invite(mail_agenda, call.id)
    send_outbox(mail_agenda)
    dovecot.append(b"From: news@example.org\r\nSubject: not an answer\r\n\r\nhello\r\n")
    dovecot.append(_reply("outlook_reply_tentative.eml"))
    dovecot.append(
        _reply("thunderbird_reply_accepted.eml").replace(
            b"From: Gabriel Tremblay <gabriel@example.ca>", b"From: <mallory@example.net>"
        )
    )
    db = str(mail_agenda.path)
    code, out, err = run(capsys, "--db", db, "replies", "--fetch", "--json")
    assert code == 0, err
    verdicts = [(o["source"].rsplit(":", 1)[1], o["verdict"]) for o in json.loads(out)]
    assert verdicts == [("1", "no_answer"), ("2", "recorded"), ("3", "wrong_sender")]
    assert invite_states(mail_agenda, [call.id])[call.id].state == InviteState.TENTATIVE

    dovecot.append(_reply("gmail_reply_declined.eml"))
    code, out, err = run(capsys, "--db", db, "replies", "--fetch", "--json")
    assert [o["verdict"] for o in json.loads(out)] == ["recorded"]  # only the new one
    code, out, _ = run(capsys, "--db", db, "agenda", "--from", "2026-03-03", "--json")
    [entry] = [e for e in json.loads(out) if e["id"] == call.id]
    assert entry["invite"] == {
        "state": "declined",
        "sent": "2026-03-02T08:00+00:00",
        "answer": "declined",
    }
    assert [m.kind.value for m in messages(mail_agenda)] == ["invite"]
