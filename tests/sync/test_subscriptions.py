"""Subscriptions: an .ics address or a read-only CalDAV calendar as a closer's busy time,
refreshed by each sync."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from closer_desk.core.sync.errors import RemoteError, SyncRefusedError
from closer_desk.store import Agenda
from closer_desk.store.sync import api
from closer_desk.store.sync.subscriptions import subscribe, subscriptions
from tests.helpers.caldav_servers import USERS, Server, start_files
from tests.helpers.factories import NOW
from tests.sync.conftest import dominiques_calendar
from tests.sync.test_secrets import MemoryKeyring, safe_keyring

__all__ = ["safe_keyring"]


@pytest.fixture
def files(tmp_path: Path) -> Iterator[Server]:
    server = start_files(tmp_path / "files")
    yield server
    server.stop()


def _event(uid: str, start: str, end: str) -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:{start}\r\n"
        f"DTEND:{end}\r\nSUMMARY:Busy\r\nEND:VEVENT\r\n"
    )


def _calendar(*events: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        + "".join(events)
        + "END:VCALENDAR\r\n"
    )


def _busy(agenda: Agenda) -> list[tuple[str, int]]:
    closer = agenda.closer("Camille")
    blocks = agenda.busy_blocks(closer.id, NOW, NOW + timedelta(days=30))
    return [(b.uid, b.start.astimezone(NOW.tzinfo).hour) for b in blocks]


def test_an_ics_address_is_busy_time_refreshed_by_each_sync(
    files: Server, radicale: Server, closer_agenda: Agenda
) -> None:
    (files.storage / "work.ics").write_text(
        _calendar(
            _event("a@google", "20260310T090000Z", "20260310T100000Z"),
            _event("b@google", "20260311T130000Z", "20260311T140000Z"),
        )
    )
    done = subscribe(closer_agenda, files.url + "work.ics", "Camille", label="Work")
    assert (done.events, done.added) == (2, 2)
    assert _busy(closer_agenda) == [("a@google", 9), ("b@google", 13)]
    [held] = subscriptions(closer_agenda)
    assert held.label == "Work" and held.last_count == 2

    (files.storage / "work.ics").write_text(
        _calendar(
            _event("a@google", "20260310T150000Z", "20260310T160000Z"),
            _event("b@google", "20260311T130000Z", "20260311T140000Z"),
            _event("c@google", "20260312T080000Z", "20260312T090000Z"),
        )
    )
    api.set_up(closer_agenda, "Camille", radicale.calendar("camille", "calls"))
    [report] = api.sync(closer_agenda)
    [refreshed] = report.subscriptions
    assert (refreshed.added, refreshed.updated, refreshed.error) == (1, 1, "")
    assert _busy(closer_agenda) == [("a@google", 15), ("b@google", 13), ("c@google", 8)]

    # Gone for a while: the sync still works and says so; the busy time stays as it was.
    (files.storage / "work.ics").unlink()
    [later] = api.sync(closer_agenda)
    assert [s.error for s in later.subscriptions] == ["not_found"]
    assert len(_busy(closer_agenda)) == 3
    assert subscriptions(closer_agenda)[0].last_error == "not_found"


def test_a_calendar_that_cannot_be_read_is_refused_and_nothing_is_kept(
    files: Server, closer_agenda: Agenda
) -> None:
    (files.storage / "broken.ics").write_text(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    from closer_desk.core.ics.importing import IcsRejected

    with pytest.raises(IcsRejected):
        subscribe(closer_agenda, files.url + "broken.ics", "Camille")
    assert subscriptions(closer_agenda) == []
    with pytest.raises(SyncRefusedError):
        subscribe(closer_agenda, "file:///etc/passwd", "Camille")


def test_a_shared_calendar_is_not_also_busy_time(radicale: Server, closer_agenda: Agenda) -> None:
    url = radicale.calendar("camille", "calls")
    api.set_up(closer_agenda, "Camille", url)
    with pytest.raises(SyncRefusedError) as refused:
        subscribe(closer_agenda, url, "Camille")
    assert refused.value.code == "shared_calendar"


def test_a_read_only_caldav_calendar_is_busy_time(
    radicale_accounts: Server,
    closer_agenda: Agenda,
    assistant_agenda: Agenda,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    theirs = dominiques_calendar(closer_agenda, radicale_accounts, monkeypatch, "2026-03-10 12:00")
    monkeypatch.setenv(api.ENV_PASSWORD, USERS["assistant"])
    done = subscribe(assistant_agenda, theirs, "Camille", label="Dominique", username="assistant")
    assert (done.events, done.added) == (1, 1)
    assert [hour for _, hour in _busy(assistant_agenda)] == [12]


def _assistants(ring: MemoryKeyring) -> list[str]:
    return [
        secret for (_, account), secret in ring.held.items() if account.startswith("assistant@")
    ]


def test_a_password_given_at_subscription_is_kept_in_the_keyring_for_the_refreshes(
    radicale_accounts: Server,
    closer_agenda: Agenda,
    assistant_agenda: Agenda,
    safe_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As the window and `subscribe --user` (asked on the terminal) give it: no environment
    # variable. The first read used it; each sync's refresh must find it again.
    from closer_desk.store import undo
    from closer_desk.store.sync.subscriptions import refresh_for, unsubscribe

    theirs = dominiques_calendar(closer_agenda, radicale_accounts, monkeypatch, "2026-03-10 12:00")

    camille = assistant_agenda.closer("Camille").id
    with pytest.raises(RemoteError):  # a wrong password: refused, nothing kept
        subscribe(assistant_agenda, theirs, camille, username="assistant", password="wrong")
    assert subscriptions(assistant_agenda) == [] and _assistants(safe_keyring) == []
    done = subscribe(
        assistant_agenda, theirs, camille, username="assistant", password=USERS["assistant"]
    )
    assert (done.events, done.password_in) == (1, "keyring")
    assert _assistants(safe_keyring) == [USERS["assistant"]]
    [refreshed] = refresh_for(assistant_agenda, camille)
    assert (refreshed.error, refreshed.events) == ("", 1)
    assert not _in_the_file(assistant_agenda, USERS["assistant"])
    # Removed, then put back by the window's undo: the refreshes still find the password.
    [held] = subscriptions(assistant_agenda)
    with undo.recording(assistant_agenda) as removal:
        unsubscribe(assistant_agenda, held.id)
    undo.revert(assistant_agenda, removal.revision)
    [refreshed] = refresh_for(assistant_agenda, camille)
    assert (refreshed.error, refreshed.events) == ("", 1)


def test_without_a_safe_keyring_the_subscription_says_where_the_password_is_read(
    radicale_accounts: Server,
    closer_agenda: Agenda,
    assistant_agenda: Agenda,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from closer_desk.store import secrets

    theirs = dominiques_calendar(closer_agenda, radicale_accounts, monkeypatch, "2026-03-10 12:00")
    monkeypatch.setattr(secrets, "_SAFE_MODULES", ())  # whatever keyring there is: unsafe
    done = subscribe(
        assistant_agenda, theirs, "Camille", username="assistant", password=USERS["assistant"]
    )
    assert (done.events, done.password_in) == (1, "env")
    assert not _in_the_file(assistant_agenda, USERS["assistant"])


def _in_the_file(agenda: Agenda, secret: str) -> bool:
    """Whether ``secret`` is anywhere in the agenda's files (its write-ahead log too)."""
    files = [agenda.path, agenda.path.with_name(agenda.path.name + "-wal")]
    return any(secret.encode() in f.read_bytes() for f in files if f.exists())


def test_unsubscribing_removes_the_subscription_and_its_busy_time_only(
    files: Server, closer_agenda: Agenda
) -> None:
    from closer_desk.core.errors import NotFoundError
    from closer_desk.store.calendar_import import import_file
    from closer_desk.store.sync.subscriptions import unsubscribe

    (files.storage / "work.ics").write_text(
        _calendar(_event("a@google", "20260310T090000Z", "20260310T100000Z"))
    )
    own = files.storage / "dentist.ics"
    own.write_text(_calendar(_event("d@me", "20260312T080000Z", "20260312T090000Z")))
    import_file(closer_agenda, own, busy=True, closer="Camille")  # imported by hand: it stays
    subscribe(closer_agenda, files.url + "work.ics", "Camille", label="Work")
    [held] = subscriptions(closer_agenda)
    closer_agenda.take_changes()
    gone = unsubscribe(closer_agenda, held.id)
    assert gone.label == "Work"
    assert subscriptions(closer_agenda) == []
    assert _busy(closer_agenda) == [("d@me", 8)]
    assert closer_agenda.take_changes().busy == {closer_agenda.closer("Camille").id}
    with pytest.raises(NotFoundError):
        unsubscribe(closer_agenda, held.id)
