"""Where a mail password goes: the system keyring when it is safe (gnome-keyring's Secret
Service on a D-Bus session of its own), nowhere when it is not (keyrings.alt's plaintext
file, no keyring at all, a keyring that fails): then CLOSER_DESK_MAIL_PASSWORD is read at send
time. Never in the agenda file, never in what the CLI prints."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from closer_desk.store import Agenda, secrets
from closer_desk.store.mail_accounts import account_password, mail_account
from tests.helpers.cli import run
from tests.helpers.mail import has_secret_service_tools, secret_service
from tests.mail.conftest import setup_argv

SECRET = "pa55-🔑-word"


def _setup(capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(SECRET + "\n"))
    return run(capsys, *setup_argv(db, user="camille", password_stdin=""))


def _nowhere_in_the_file(db: Path) -> None:
    for path in db.parent.glob(db.name + "*"):
        assert SECRET.encode() not in path.read_bytes(), path


@pytest.mark.parametrize(
    ("backend", "why"),
    [
        ("keyrings.alt.file.PlaintextKeyring", "it keeps passwords in a plain file"),
        ("keyring.backends.null.Keyring", "there is no keyring on this system"),
        ("keyring.backends.fail.Keyring", "there is no keyring on this system"),
    ],
)
def test_an_unsafe_keyring_stores_nothing_and_the_environment_is_read_at_send_time(
    agenda: Agenda,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    backend: str,
    why: str,
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", backend)
    code, out, err = _setup(capsys, agenda.path, monkeypatch)
    assert code == 0, err
    assert why in out and "read from CLOSER_DESK_MAIL_PASSWORD" in out
    assert SECRET not in out + err
    account = mail_account(agenda, "Camille")
    assert account.password == "env"
    monkeypatch.delenv("CLOSER_DESK_MAIL_PASSWORD", raising=False)
    assert account_password(account) is None
    monkeypatch.setenv("CLOSER_DESK_MAIL_PASSWORD", "from-env")
    assert account_password(account) == "from-env"
    _nowhere_in_the_file(agenda.path)
    # Nor in the plaintext keyring's own file (it would be written under XDG_DATA_HOME).
    for path in Path(tmp_path).parent.rglob("*.cfg"):
        assert SECRET not in path.read_text(errors="replace")


def test_the_default_keyring_of_a_headless_machine_is_not_taken_for_safe() -> None:
    # No D-Bus session here: keyring falls back to keyrings.alt's plaintext file (or none).
    check = secrets.check_keyring()
    assert not check.safe
    assert check.unsafe in (secrets.Unsafe.PLAINTEXT, secrets.Unsafe.NO_KEYRING)


def test_a_safe_keyring_that_refuses_is_said_and_nothing_is_stored(
    agenda: Agenda,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # The Secret Service backend with no D-Bus session to reach: a failing keyring.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    code, out, err = _setup(capsys, agenda.path, monkeypatch)
    assert code == 0, err
    assert "password not stored" in out and "CLOSER_DESK_MAIL_PASSWORD" in out
    assert mail_account(agenda, "Camille").password == "env"
    _nowhere_in_the_file(agenda.path)


@pytest.mark.skipif(not has_secret_service_tools(), reason="gnome-keyring/dbus-daemon missing")
def test_a_safe_keyring_holds_the_password_and_only_the_keyring_does(
    agenda: Agenda,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    with secret_service(tmp_path / "session") as env:
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)  # detected, as for a user
        check = secrets.check_keyring()
        assert check.safe and "SecretService" in check.backend
        code, out, err = _setup(capsys, agenda.path, monkeypatch)
        assert code == 0, err
        assert "password in the system keyring" in out and SECRET not in out + err
        account = mail_account(agenda, "Camille")
        assert account.password == "keyring"
        monkeypatch.setenv("CLOSER_DESK_MAIL_PASSWORD", "ignored-when-the-keyring-has-it")
        assert account_password(account) == SECRET
        _nowhere_in_the_file(agenda.path)
        # Set up again without a password: the one in the keyring is kept.
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        code, out, _ = run(capsys, *setup_argv(agenda.path, user="camille"))
        assert code == 0 and "password in the system keyring" in out
        assert account_password(mail_account(agenda, "Camille")) == SECRET
        secrets.forget_secret("mail", account.secret_account)
        monkeypatch.delenv("CLOSER_DESK_MAIL_PASSWORD")
        assert account_password(account) is None
