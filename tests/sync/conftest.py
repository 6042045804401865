"""Fixtures of the sync tests: real CalDAV servers on 127.0.0.1 (port 0), storage in a temp
dir, stopped after the test; agendas for a closer and an assistant."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from closer_desk.store import Agenda
from tests.helpers.caldav_servers import USERS, Server, start_radicale, start_xandikos
from tests.helpers.factories import FakeClock, at, make_agenda


def dominiques_calendar(
    agenda: Agenda, server: Server, monkeypatch: pytest.MonkeyPatch, when: str
) -> str:
    """Dominique's calendar on ``server`` (with accounts), holding one call at ``when`` (UTC),
    shared from ``agenda`` with Dominique's own login: what an assistant subscribes to."""
    from closer_desk.store.sync import api

    theirs = server.calendar("dominique", "calls")
    agenda.add_closer("Dominique Roy", "America/Montreal")
    monkeypatch.setenv(api.ENV_PASSWORD, USERS["dominique"])
    api.set_up(agenda, "Dominique", theirs, username="dominique")
    agenda.book(company="Acme", prospect="Omar", closer="Dominique", start=at(when, "UTC"))
    api.sync(agenda)
    monkeypatch.delenv(api.ENV_PASSWORD)
    return theirs


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[Server]:
    """Radicale without authentication: anyone may read and write every calendar."""
    server = start_radicale(tmp_path / "radicale")
    yield server
    server.stop()


@pytest.fixture
def radicale_accounts(tmp_path: Path) -> Iterator[Server]:
    """Radicale with accounts (camille, dominique, assistant) and the rights file."""
    server = start_radicale(tmp_path / "radicale-accounts", accounts=True)
    yield server
    server.stop()


@pytest.fixture
def xandikos(tmp_path: Path) -> Iterator[Server]:
    """Xandikos, one user, calendars under /user/calendars/."""
    server = start_xandikos(tmp_path / "xandikos")
    yield server
    server.stop()


@pytest.fixture
def closer_agenda(tmp_path: Path, clock: FakeClock) -> Iterator[Agenda]:
    """The closer's own agenda (Camille Durand, Acme, Érable, three prospects)."""
    with make_agenda(tmp_path / "closer.sqlite3", clock) as opened:
        yield opened


@pytest.fixture
def assistant_agenda(tmp_path: Path, clock: FakeClock) -> Iterator[Agenda]:
    """The assistant's agenda on another machine: the same people typed in again."""
    with make_agenda(tmp_path / "assistant.sqlite3", clock) as opened:
        yield opened
