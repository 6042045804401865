"""kill -9 during a send: on restart the outbox sends what the server did not accept, and
nothing twice.

The sender runs in its own process (tests/mail/send_child.py) against a real aiosmtpd in this
one; the server holds one message at a known point while the test kills the sender:

- at RCPT (the server has not accepted it): the restarted sender sends it again, once;
- after the whole DATA, with the server's "250" not yet read (the server has it): the message
  is left ``unconfirmed`` and never sent again on a normal retry.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from closer_desk.core.mail.state import MessageState
from closer_desk.store import Agenda
from closer_desk.store.outbox import message_by_id, queue_invite
from tests.helpers.factories import at
from tests.helpers.mail import SmtpServer
from tests.mail.conftest import GABRIEL, OMAR, relay_account

ROOT = Path(__file__).resolve().parents[2]
START = at("2026-03-03 15:00", "Europe/Paris")
HARUTO = "haruto@example.jp"


def _sender(db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.mail.send_child", str(db)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _three_invites(agenda: Agenda, server: SmtpServer) -> list[int]:
    relay_account(agenda, server)
    agenda.edit_prospect("Haruto", email=HARUTO)
    ids = []
    for n, who in enumerate(("Gabriel", "Omar", "Haruto")):
        call = agenda.book(company="Acme", prospect=who, start=START + timedelta(hours=n))
        ids.append(queue_invite(agenda, call.id).id)
    return ids


def _kill_when(event: threading.Event, child: subprocess.Popen[str]) -> None:
    assert event.wait(60), child.stderr.read() if child.stderr else ""
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    for stream in (child.stdout, child.stderr):
        if stream is not None:
            stream.close()


def _finish(db: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "tests.mail.send_child", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.slow
def test_killed_before_the_server_accepted_the_message_goes_again_once(
    mail_agenda: Agenda, relay: SmtpServer, tmp_path: Path
) -> None:
    first, second, third = _three_invites(mail_agenda, relay)
    relay.stall_rcpt = threading.Event()
    relay.stall_if = lambda address: address == OMAR
    child = _sender(mail_agenda.path)
    _kill_when(relay.stalling, child)
    assert message_by_id(mail_agenda, second).state == MessageState.QUEUED
    relay.stall_rcpt.set()
    relay.stall_rcpt = None

    out = _finish(mail_agenda.path)
    assert f"sent invite #{second} to {OMAR}" in out and f"#{third}" in out
    assert [r.rcpt_tos for r in relay.accepted] == [[GABRIEL], [OMAR], [HARUTO]]
    ids = relay.ids()
    assert len(ids) == len(set(ids)) == 3
    assert {message_by_id(mail_agenda, i).state for i in (first, second, third)} == {
        MessageState.SENT
    }


@pytest.mark.slow
def test_killed_after_the_server_took_the_whole_message_it_is_never_sent_twice(
    mail_agenda: Agenda, relay: SmtpServer
) -> None:
    _first, second, third = _three_invites(mail_agenda, relay)
    second_id = message_by_id(mail_agenda, second).message_id
    relay.hold = threading.Event()
    relay.hold_if = lambda data: second_id.encode() in data
    child = _sender(mail_agenda.path)
    _kill_when(relay.holding, child)
    assert message_by_id(mail_agenda, second).state == MessageState.COMMITTING
    relay.hold.set()
    relay.hold = None

    _finish(mail_agenda.path)
    _finish(mail_agenda.path)  # and a normal retry after that
    ids = relay.ids()
    assert len(ids) == len(set(ids)) == 3  # the held one counted once: the server has it
    unconfirmed = message_by_id(mail_agenda, second)
    assert unconfirmed.state == MessageState.UNCONFIRMED
    assert "not sent again" in unconfirmed.last_error
    assert message_by_id(mail_agenda, third).state == MessageState.SENT
