"""Fixtures of the mail tests: real servers on 127.0.0.1 (tests/helpers/mail.py) and an
agenda whose closer has a mail account and whose prospects have addresses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from closer_desk.store import Agenda
from closer_desk.store.mail_accounts import set_account
from tests.helpers.mail import DOVECOT, USER, Dovecot, SmtpServer, Tls, make_tls

GABRIEL = "gabriel@example.ca"
OMAR = "omar@example.ae"


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Tls:
    """A CA and a server certificate for 127.0.0.1, made for this run."""
    return make_tls(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def trust(tls: Tls, monkeypatch: pytest.MonkeyPatch) -> Tls:
    """The test CA is what the system trusts (``ssl.create_default_context`` reads
    ``SSL_CERT_FILE``; so do the CLI processes a test starts)."""
    monkeypatch.setenv("SSL_CERT_FILE", str(tls.ca))
    return tls


@pytest.fixture
def relay() -> Iterator[SmtpServer]:
    """A local relay: no TLS, no login (``--security none``)."""
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def smtp(trust: Tls) -> Iterator[SmtpServer]:
    """A submission server: STARTTLS required, then AUTH (``USER``, ``PASSWORD``)."""
    from tests.helpers.mail import PASSWORD

    server = SmtpServer(tls=trust, users={USER: PASSWORD}).start()
    yield server
    server.stop()


@pytest.fixture
def dovecot(trust: Tls) -> Iterator[Dovecot]:
    """Dovecot on a free port, STARTTLS on the test certificate, one user."""
    if not Path(DOVECOT).exists():
        pytest.skip("dovecot-imapd is not installed (packaging/sysdeps.sh test installs it)")
    server = Dovecot(tls=trust).start()
    yield server
    server.stop()


@pytest.fixture
def keyring_plaintext(monkeypatch: pytest.MonkeyPatch) -> None:
    """keyrings.alt's plaintext file as the system keyring (not safe)."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")


@pytest.fixture
def mail_agenda(agenda: Agenda) -> Agenda:
    """The suite's small agenda with addresses for Gabriel (French, Toronto) and Omar."""
    agenda.edit_prospect("Gabriel", email=GABRIEL)
    agenda.edit_prospect("Omar", email=OMAR)
    return agenda


def relay_account(agenda: Agenda, server: SmtpServer) -> None:
    """Camille sends through ``server`` without a login."""
    set_account(
        agenda,
        "Camille",
        address="camille@example.com",
        smtp=f"127.0.0.1:{server.port}",
        security="none",
    )


def setup_argv(
    db: object, *, smtp: str = "smtp.example.com", closer: str = "Camille", **options: str
) -> list[str]:
    """``closer-desk --db DB mail setup`` for Camille from camille@example.com through
    ``smtp``, with ``--OPTION VALUE`` for each of ``options`` (``password_stdin=""`` gives
    the flag alone)."""
    argv = ["--db", str(db), "mail", "setup", "--closer", closer]
    argv += ["--from", "camille@example.com", "--smtp", smtp]
    for name, value in options.items():
        argv += [f"--{name.replace('_', '-')}", *([value] if value else [])]
    return argv
