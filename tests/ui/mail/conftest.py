"""The mail tests' real servers (aiosmtpd on 127.0.0.1, from tests/mail/conftest.py) for the
window's tests, and a window whose closer sends through the local relay."""

from __future__ import annotations

from typing import Any

import pytest

from tests.mail import conftest as mail_fixtures
from tests.mail.conftest import relay_account
from tests.ui.conftest import settle

# The mail tests' servers and agenda, for the window's tests.
tls = mail_fixtures.tls
trust = mail_fixtures.trust
relay = mail_fixtures.relay
smtp = mail_fixtures.smtp
keyring_plaintext = mail_fixtures.keyring_plaintext
mail_agenda = mail_fixtures.mail_agenda


class Answers:
    """Answers "Send the update to the prospect?" from a queue and counts the questions."""

    def __init__(self) -> None:
        self.queue: list[tuple[bool, bool]] = []
        self.asked = 0

    def __call__(self, _parent: Any) -> tuple[bool, bool]:
        self.asked += 1
        return self.queue.pop(0)


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def window(
    qtbot: Any,
    mail_agenda: Any,
    relay: Any,
    tasks: Any,
    clock: Any,
    settings: Any,
    prompts: Any,
    answers: Answers,
) -> Any:
    """The whole window on an agenda whose closer sends through ``relay``."""
    from closer_desk.ui.common.source import AgendaSource
    from closer_desk.ui.shell.mainwindow import MainWindow
    from closer_desk.ui.shell.rooms_wiring import RoomsWiring

    relay_account(mail_agenda, relay)
    source = AgendaSource(mail_agenda, tasks)
    win = MainWindow(source, clock, settings, prompts=prompts)
    qtbot.addWidget(win)
    wiring = RoomsWiring(win, source, clock, mail_agenda.path)
    wiring.mail.actions.ask = answers
    win.resize(1024, 700)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, tasks)
    return win
