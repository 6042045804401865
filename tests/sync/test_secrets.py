"""The password of a CalDAV account: in a safe keyring when there is one, else read from
``CLOSER_DESK_SYNC_PASSWORD``; never in the agenda file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from closer_desk.store import Agenda, secrets
from closer_desk.store.sync import api
from tests.helpers.caldav_servers import USERS, Server
from tests.helpers.cli import dump


class MemoryKeyring:
    """A keyring in memory, taken as safe for the test (as the Secret Service would be). Not
    a ``KeyringBackend`` subclass: keyring would find it and make it every later test's
    system keyring."""

    def __init__(self) -> None:
        self.held: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.held.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.held[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.held.pop((service, username), None)


@pytest.fixture
def safe_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    memory = MemoryKeyring()
    # The keyring the system would give, taken as safe (as the Secret Service would be).
    monkeypatch.setattr(secrets, "_backend", lambda: memory)
    monkeypatch.setattr(secrets, "_SAFE_MODULES", (__name__,))
    yield memory


def test_a_password_goes_to_a_safe_keyring_and_not_to_the_agenda(
    radicale_accounts: Server,
    closer_agenda: Agenda,
    safe_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(api.ENV_PASSWORD, raising=False)
    url = radicale_accounts.calendar("camille", "calls")
    done = api.set_up(closer_agenda, "Camille", url, username="camille", password=USERS["camille"])
    assert done.password_in == "keyring"
    assert list(safe_keyring.held.values()) == [USERS["camille"]]
    assert closer_agenda.path is not None
    assert not any(USERS["camille"] in line for line in dump(closer_agenda.path))
    [report] = api.sync(closer_agenda)  # read back from the keyring
    assert report.stopped is None
    api.forget_account(closer_agenda, closer_agenda.closer("Camille"))
    assert safe_keyring.held == {}


def test_without_a_safe_keyring_the_environment_holds_it(
    radicale_accounts: Server, closer_agenda: Agenda, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not secrets.check_keyring().safe
    monkeypatch.setenv(api.ENV_PASSWORD, USERS["camille"])
    url = radicale_accounts.calendar("camille", "calls")
    done = api.set_up(closer_agenda, "Camille", url, username="camille")
    assert done.password_in == "env"
    api.sync(closer_agenda)
