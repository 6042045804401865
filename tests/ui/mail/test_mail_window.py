"""Invites by e-mail from the window, through a real SMTP server (aiosmtpd on 127.0.0.1): the
mail account and its test message, "Send invite", the update question after a move, the
Outbox room's reasons and Retry, the badge, and a proposed new time read from a file."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from closer_desk.core.errors import NotFoundError
from closer_desk.core.mail.state import InviteState, MessageState
from closer_desk.store.mail_accounts import mail_account
from closer_desk.store.outbox import messages
from closer_desk.store.sending import Result
from closer_desk.ui.mail.account import MailAccountDialog
from closer_desk.ui.mail.badge import MARKS
from closer_desk.ui.mail.outbox import OutboxRoom
from closer_desk.ui.shell.rooms_wiring import RoomsWiring
from tests.helpers.factories import at
from tests.helpers.mail import SmtpServer, has_secret_service_tools, secret_service
from tests.mail.conftest import GABRIEL
from tests.ui.conftest import settle

pytestmark = pytest.mark.usefixtures("british_clock_locale")

START = at("2026-03-03 15:00", "Europe/Paris")
UID = "3f0b3d4c-8a7e-4b6f-9a51-2c1d9e0f7a10@closer-desk"
REPLIES = Path(__file__).parents[2] / "mail" / "replies"
SECRET = "pa55-🔑-word"


def _wiring(window: Any) -> RoomsWiring:
    found = window.findChild(RoomsWiring)
    assert found is not None
    return found


def _calendar(server: SmtpServer, n: int = -1) -> str:
    message = server.accepted[n].message
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    return str(part.get_content())


@pytest.fixture
def call(mail_agenda: Any) -> Any:
    """Gabriel's call on Tuesday 3 March, 15:00 Paris (the UID the stored replies answer)."""
    return mail_agenda.book(company="Acme", prospect="Gabriel", start=START, uid=UID)


def _send_invite(qtbot: Any, window: Any, call_id: int) -> Any:
    mail = _wiring(window).mail
    window.agenda.select(call_id)
    with qtbot.waitSignal(mail.actions.sent, timeout=30_000) as sent:
        mail.send_action.trigger()
    return sent.args[0]


# -- the mail account ----------------------------------------------------------------------
def _account_dialog(qtbot: Any, source: Any, agenda: Any) -> MailAccountDialog:
    closer = agenda.closer("Camille")
    dialog = MailAccountDialog(source, closer.id, closer.name, closer.email)
    qtbot.addWidget(dialog)
    settle(qtbot, source.tasks)
    return dialog


def test_the_test_message_of_a_new_account_reaches_the_server(
    qtbot: Any, source: Any, mail_agenda: Any, relay: SmtpServer
) -> None:
    dialog = _account_dialog(qtbot, source, mail_agenda)
    assert "No mail account yet" in dialog.result_line.text()
    dialog.smtp.setText(f"127.0.0.1:{relay.port}")
    dialog.security.setCurrentIndex(dialog.security.findData("none"))
    dialog.test_to.setText("check@example.org")
    with qtbot.waitSignal(dialog.answered, timeout=30_000) as said:
        dialog.test_button.click()
    assert said.args == ["Test message sent to check@example.org."]
    [received] = relay.accepted
    assert received.rcpt_tos == ["check@example.org"]
    assert received.mail_from == "camille@example.com"
    assert mail_account(mail_agenda, "Camille").smtp_port == relay.port


def test_a_test_message_the_server_refuses_says_why_in_one_line(
    qtbot: Any, source: Any, mail_agenda: Any, relay: SmtpServer
) -> None:
    relay.stop()
    dialog = _account_dialog(qtbot, source, mail_agenda)
    dialog.smtp.setText(f"127.0.0.1:{relay.port}")
    dialog.security.setCurrentIndex(dialog.security.findData("none"))
    with qtbot.waitSignal(dialog.answered, timeout=30_000) as said:
        dialog.test_button.click()
    assert said.args[0].startswith("Test message not sent: server unreachable")
    assert "\n" not in said.args[0]


def test_a_bad_address_is_refused_and_nothing_is_saved(
    qtbot: Any, source: Any, mail_agenda: Any
) -> None:
    dialog = _account_dialog(qtbot, source, mail_agenda)
    dialog.address.setText("not an address\r\nBcc: x@y")
    dialog.smtp.setText("smtp.example.com")
    with qtbot.waitSignal(dialog.answered) as said:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert said.args == ["This is not a valid e-mail address."]
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    dialog.address.setText("camille@example.com")
    for field, value, said_then in (
        (dialog.smtp, "smtp.example.com:99999", "Write the server as host or host:port."),
        (dialog.user, "cam\x00ille", "The user is too long or holds control characters."),
    ):
        dialog.smtp.setText("smtp.example.com")
        field.setText(value)
        with qtbot.waitSignal(dialog.answered) as said:
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert said.args == [said_then]
    with pytest.raises(NotFoundError):
        mail_account(mail_agenda, "Camille")


def _nowhere_in_the_file(path: Path) -> None:
    for found in path.parent.glob(path.name + "*"):
        assert SECRET.encode() not in found.read_bytes(), found


@pytest.mark.usefixtures("keyring_plaintext")
def test_with_an_unsafe_keyring_the_password_is_stored_nowhere(
    qtbot: Any, source: Any, mail_agenda: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _account_dialog(qtbot, source, mail_agenda)
    dialog.smtp.setText("smtp.example.com:587")
    dialog.user.setText("camille")
    dialog.password.setText(SECRET)
    with qtbot.waitSignal(dialog.answered) as said:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert said.args[0].startswith("Saved, without the password")
    assert dialog.password.text() == ""
    assert mail_account(mail_agenda, "Camille").password == "env"
    _nowhere_in_the_file(mail_agenda.path)


@pytest.mark.skipif(not has_secret_service_tools(), reason="gnome-keyring/dbus-daemon missing")
def test_the_password_goes_to_the_keyring_never_to_the_agenda(
    qtbot: Any, source: Any, mail_agenda: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from closer_desk.store import secrets
    from closer_desk.store.mail_accounts import account_password

    with secret_service(tmp_path / "session") as env:
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
        dialog = _account_dialog(qtbot, source, mail_agenda)
        dialog.smtp.setText("smtp.example.com:587")
        dialog.user.setText("camille")
        dialog.password.setText(SECRET)
        with qtbot.waitSignal(dialog.answered, timeout=30_000) as said:
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert said.args == ["Saved; the password is in the system keyring."]
        account = mail_account(mail_agenda, "Camille")
        assert account_password(account) == SECRET
        _nowhere_in_the_file(mail_agenda.path)
        # Opened again: the password is not shown, the keyring is said to keep it.
        again = _account_dialog(qtbot, source, mail_agenda)
        assert again.password.text() == ""
        assert again.password.placeholderText() == "kept in the system keyring"
        secrets.forget_secret("mail", account.secret_account)


def test_the_closers_room_opens_the_selected_closer_s_mail_account(qtbot: Any, window: Any) -> None:
    window.show_room("closers")
    room = window.room("closers")
    room.reload()
    qtbot.waitUntil(lambda: room.proxy.rowCount() > 0)
    room.view.setCurrentIndex(room.proxy.index(0, 0))
    assert room.mail_button.isEnabled()
    room.mail_button.click()
    dialog = _wiring(window).mail.account_dialog
    assert isinstance(dialog, MailAccountDialog)
    settle(qtbot, window.source.tasks)
    assert dialog.smtp.text().startswith("127.0.0.1:")
    dialog.close()


# -- sending invites -------------------------------------------------------------------------
def test_send_invite_delivers_a_request_the_server_receives_and_the_badge_says_sent(
    qtbot: Any, call: Any, window: Any, relay: SmtpServer
) -> None:
    mail = _wiring(window).mail
    window.agenda.select(call.id)
    qtbot.waitUntil(lambda: mail.badge.status is not None)
    assert mail.badge.badge.text() == "Invite not sent"
    report = _send_invite(qtbot, window, call.id)
    assert [d.result for d in report.deliveries] == [Result.SENT]
    [received] = relay.accepted
    assert received.rcpt_tos == [GABRIEL]
    calendar = _calendar(relay)
    assert "METHOD:REQUEST" in calendar and f"UID:{UID}" in calendar
    assert _wiring(window).mail.text == "1 message sent."
    qtbot.waitUntil(lambda: mail.badge.badge.text() == "Invite sent")
    assert mail.badge.status is not None and mail.badge.status.state == InviteState.SENT
    # The block in the grid carries a dot of the same state.
    grid = window.agenda.grid
    qtbot.waitUntil(lambda: call.id in grid.marks)
    assert grid.marks[call.id].name() == MARKS[InviteState.SENT]


def test_a_call_without_a_prospect_address_is_refused_in_one_line(
    qtbot: Any, window: Any, mail_agenda: Any, relay: SmtpServer
) -> None:
    other = mail_agenda.book(company="Acme", prospect="Gabriel", start=START)
    mail_agenda.edit_prospect("Gabriel", email="")
    window.source.refresh()  # written behind the window's back: read again
    settle(qtbot, window.source.tasks)
    mail = _wiring(window).mail
    window.agenda.select(other.id)
    with qtbot.waitSignal(mail.actions.refused) as refused:
        mail.send_action.trigger()
    assert refused.args == ["The prospect has no e-mail address."]
    assert relay.accepted == [] and messages(mail_agenda) == []


def _move(window: Any, mail_agenda: Any, call_id: int, hour: int) -> None:
    before = mail_agenda.appointment(call_id)
    window.operations.move(before, datetime(2026, 3, 3, hour, 0), before.minutes, "Europe/Paris")


def test_a_move_asks_yes_sends_the_update_no_and_remember_sends_none_next_time(
    qtbot: Any, call: Any, window: Any, relay: SmtpServer, mail_agenda: Any, answers: Any
) -> None:
    mail = _wiring(window).mail
    _send_invite(qtbot, window, call.id)
    answers.queue.append((True, False))
    with qtbot.waitSignal(mail.actions.sent, timeout=30_000):
        _move(window, mail_agenda, call.id, 16)
    assert answers.asked == 1 and len(relay.accepted) == 2
    update = _calendar(relay)
    assert "METHOD:REQUEST" in update and "SEQUENCE:1" in update
    assert mail.actions.update_choice() == "ask"

    answers.queue.append((False, True))
    with qtbot.waitSignal(mail.actions.update_skipped) as skipped:
        _move(window, mail_agenda, call.id, 17)
    assert skipped.args == [call.id] and answers.asked == 2
    assert mail.actions.update_choice() == "never"
    window.menu("settings").aboutToShow.emit()

    with qtbot.waitSignal(mail.actions.update_skipped):
        _move(window, mail_agenda, call.id, 18)
    settle(qtbot, window.source.tasks)
    assert answers.asked == 2  # remembered: not asked again
    assert len(relay.accepted) == 2
    assert mail_agenda.appointment(call.id).start == at("2026-03-03 18:00", "Europe/Paris")

    # Settings → "Ask before sending an update" brings the question back.
    assert not mail.ask_action.isChecked()
    mail.ask_action.setChecked(True)
    assert mail.actions.update_choice() == "ask"
    answers.queue.append((True, False))
    with qtbot.waitSignal(mail.actions.sent, timeout=30_000):
        _move(window, mail_agenda, call.id, 19)
    assert answers.asked == 3 and len(relay.accepted) == 3


def test_a_cancel_with_the_choice_remembered_sends_the_cancellation(
    qtbot: Any, call: Any, window: Any, relay: SmtpServer, mail_agenda: Any, answers: Any
) -> None:
    mail = _wiring(window).mail
    _send_invite(qtbot, window, call.id)
    window.settings.setValue("mail/send_updates", "always")
    with qtbot.waitSignal(mail.actions.sent, timeout=30_000):
        window.operations.cancel(mail_agenda.appointment(call.id), "Gabriel")
    assert answers.asked == 0
    assert "METHOD:CANCEL" in _calendar(relay)


def test_a_move_of_a_call_never_invited_asks_nothing(
    qtbot: Any, call: Any, window: Any, relay: SmtpServer, mail_agenda: Any, answers: Any
) -> None:
    _move(window, mail_agenda, call.id, 16)
    settle(qtbot, window.source.tasks)
    qtbot.waitUntil(lambda: mail_agenda.appointment(call.id).sequence == 1)
    settle(qtbot, window.source.tasks)
    assert answers.asked == 0 and relay.accepted == []


# -- the outbox ------------------------------------------------------------------------------
def _outbox(qtbot: Any, window: Any) -> OutboxRoom:
    window.show_room("outbox")
    room = window.room("outbox")
    assert isinstance(room, OutboxRoom)
    settle(qtbot, window.source.tasks)
    return room


def test_a_refused_send_shows_the_reason_in_the_outbox_and_retry_sends_it(
    qtbot: Any, call: Any, window: Any, relay: SmtpServer
) -> None:
    relay.answer = lambda _data: "550 5.1.1 mailbox unavailable"
    report = _send_invite(qtbot, window, call.id)
    assert [d.result for d in report.deliveries] == [Result.FAILED]
    assert _wiring(window).mail.text.startswith("1 message failed: refused by the server (550")
    badge = _wiring(window).mail.badge
    qtbot.waitUntil(lambda: badge.badge.text() == "Invite failed")
    assert "550 5.1.1 mailbox unavailable" in badge.detail.text()

    room = _outbox(qtbot, window)
    [row] = room.model.rows()
    assert (
        row[0].state == MessageState.FAILED and row[1] == "Gabriel Tremblay, Tue 3 Mar 2026 15:00"
    )
    state = room.model.index(0, 3).data()
    reason = room.model.index(0, 6).data()
    assert state == "Failed" and "550 5.1.1 mailbox unavailable" in reason
    assert room.retry_button.isEnabled()

    relay.answer = lambda _data: "250 OK"
    room.select_row(0)
    with qtbot.waitSignal(room.loaded, timeout=30_000):
        room.retry_button.click()
    qtbot.waitUntil(lambda: room.model.rows()[0][0].state == MessageState.SENT)
    assert len(relay.accepted) == 1 and room.model.index(0, 6).data() == ""
    window.show_room("agenda")  # the badge, hidden meanwhile, reads when it is shown
    qtbot.waitUntil(lambda: badge.badge.text() == "Invite sent")


def test_a_server_that_was_down_gets_the_message_from_the_window_s_timer(
    qtbot: Any, call: Any, window: Any, relay: SmtpServer, clock: Any
) -> None:
    port = relay.port
    relay.stop()
    report = _send_invite(qtbot, window, call.id)
    assert [d.result for d in report.deliveries] == [Result.RETRY]
    room = _outbox(qtbot, window)
    assert room.model.index(0, 3).data() == "Queued"
    assert room.model.index(0, 6).data().startswith("server unreachable")
    mail = _wiring(window).mail

    relay.start(port)
    # Not due yet: the timer's run leaves it queued.
    with qtbot.waitSignal(window.source.tasks.busy_changed, check_params_cb=lambda b: not b):
        mail.actions.timer.timeout.emit()
    assert relay.accepted == []
    clock.now = clock.now + timedelta(minutes=2)
    with qtbot.waitSignal(mail.actions.sent, timeout=30_000):
        mail.actions.timer.timeout.emit()
    assert len(relay.accepted) == 1
    qtbot.waitUntil(lambda: room.model.index(0, 3).data() == "Sent")


# -- answers ---------------------------------------------------------------------------------
def test_a_proposed_new_time_read_from_a_file_is_shown_and_accepted(
    qtbot: Any, call: Any, window: Any, relay: SmtpServer, mail_agenda: Any
) -> None:
    mail = _wiring(window).mail
    _send_invite(qtbot, window, call.id)
    with qtbot.waitSignal(mail.actions.replies_read) as read:
        mail.actions.read_replies([str(REPLIES / "outlook_counter.eml")])
    assert _wiring(window).mail.text == "1 answer recorded."
    assert [o.appointment_id for o in read.args[0]] == [call.id]
    badge = mail.badge
    qtbot.waitUntil(lambda: badge.badge.text() == "New time proposed")
    assert badge.detail.text() == "The prospect proposes Wed 4 Mar at 16:00."
    assert badge.accept_button.isVisibleTo(badge)
    with qtbot.waitSignal(mail.actions.sent, timeout=30_000):
        badge.accept_button.click()
    assert mail_agenda.appointment(call.id).start_utc == at("2026-03-04 16:00", "Europe/Paris")
    assert "METHOD:REQUEST" in _calendar(relay) and len(relay.accepted) == 2
    qtbot.waitUntil(lambda: badge.badge.text() == "Invite sent")
    assert not badge.accept_button.isVisibleTo(badge)


def test_an_answer_from_another_sender_is_ignored_and_said_so(
    qtbot: Any, call: Any, window: Any, tmp_path: Path
) -> None:
    mail = _wiring(window).mail
    _send_invite(qtbot, window, call.id)
    forged = (REPLIES / "thunderbird_reply_accepted.eml").read_bytes()
    forged = forged.replace(
        b"From: Gabriel Tremblay <gabriel@example.ca>", b"From: Mallory <mallory@example.net>"
    )
    (tmp_path / "forged.eml").write_bytes(forged)
    with qtbot.waitSignal(mail.actions.replies_read):
        mail.actions.read_replies([str(tmp_path / "forged.eml")])
    assert _wiring(window).mail.text == (
        "0 answers recorded. 1 ignored (forged.eml: not sent by the invited prospect)."
    )


@pytest.mark.usefixtures("keyring_plaintext")
def test_a_login_without_a_password_anywhere_says_where_it_is_looked_for(
    qtbot: Any, source: Any, mail_agenda: Any, smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.helpers.mail import USER

    monkeypatch.delenv("CLOSER_DESK_MAIL_PASSWORD", raising=False)
    dialog = _account_dialog(qtbot, source, mail_agenda)
    dialog.smtp.setText(f"127.0.0.1:{smtp.port}")
    dialog.user.setText(USER)
    with qtbot.waitSignal(dialog.answered, timeout=30_000) as said:
        dialog.test_button.click()
    assert said.args == [
        "Test message not sent: no password: neither the system keyring nor"
        f" CLOSER_DESK_MAIL_PASSWORD has it ({USER})"
    ]
    assert smtp.accepted == []
