"""``sync setup``, ``sync``, ``sync status``, ``sync resolve`` and ``subscribe`` from two
terminals, one agenda each, through one Radicale."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from closer_desk.store import Agenda, open_agenda
from closer_desk.store.sync import api
from tests.helpers.caldav_servers import USERS, Server, free_port, start_files
from tests.helpers.cli import dump, run
from tests.helpers.factories import FakeClock
from tests.sync.conftest import dominiques_calendar
from tests.sync.test_secrets import MemoryKeyring, safe_keyring

__all__ = ["safe_keyring"]


def _both(radicale: Server, capsys: pytest.CaptureFixture[str], *dbs: str) -> str:
    url = radicale.calendar("camille", "calls")
    for db in dbs:
        code, out, err = run(
            capsys, "--db", db, "sync", "setup", "--closer", "Camille", "--url", url
        )
        assert code == 0, err
        assert "shared with" in out and "read and write" in out
    return url


def test_book_on_one_terminal_see_it_on_the_other(
    radicale: Server,
    closer_agenda: Agenda,
    assistant_agenda: Agenda,
    capsys: pytest.CaptureFixture[str],
) -> None:
    mine, theirs = str(closer_agenda.path), str(assistant_agenda.path)
    _both(radicale, capsys, mine, theirs)
    code, out, err = run(
        capsys, "--db", theirs, "book", "--company", "Acme", "--prospect", "Gabriel",
        "--start", "2026-03-10 10:00", "--tz", "America/Toronto", "--json",
    )  # fmt: skip
    assert code == 0, err
    booked = json.loads(out)
    code, out, err = run(capsys, "--db", theirs, "sync", "--json")
    assert code == 0, err
    [report] = json.loads(out)
    assert (report["pushed"], report["pulled"], report["merged"], report["conflicts"]) == (
        1,
        0,
        0,
        0,
    )
    code, out, err = run(capsys, "--db", mine, "sync")
    assert code == 0, err
    assert out.startswith("Camille Durand: 0 pushed, 1 pulled, 0 merged, 0 conflicts")
    code, out, _ = run(capsys, "--db", mine, "agenda", "--from", "2026-03-09", "--json")
    [seen] = json.loads(out)
    assert seen["uid"] == booked["uid"] and seen["start"]["utc"] == booked["start"]["utc"]
    assert seen["agreed_zone"] == "America/Toronto" and seen["prospect"] == "Gabriel Tremblay"
    code, out, _ = run(capsys, "--db", mine, "sync", "status", "--json")
    [state] = json.loads(out)
    assert state["pending"] == 0 and state["conflicts"] == [] and state["can_write"] is True
    assert state["last_sync"] is not None and state["user"] is None


def test_a_conflict_is_reported_until_resolved(
    radicale: Server,
    closer_agenda: Agenda,
    assistant_agenda: Agenda,
    capsys: pytest.CaptureFixture[str],
) -> None:
    mine, theirs = str(closer_agenda.path), str(assistant_agenda.path)
    _both(radicale, capsys, mine, theirs)
    run(capsys, "--db", theirs, "book", "--company", "Acme", "--prospect", "Omar",
        "--start", "2026-03-10 10:00")  # fmt: skip
    run(capsys, "--db", theirs, "sync")
    run(capsys, "--db", mine, "sync")
    run(capsys, "--db", mine, "move", "1", "--start", "2026-03-11 10:00")
    run(capsys, "--db", theirs, "move", "1", "--start", "2026-03-12 10:00")
    run(capsys, "--db", theirs, "sync")
    code, out, _ = run(capsys, "--db", mine, "sync")
    assert code == 0
    assert "1 conflicts" in out and "conflict on call #1 (time changed on both sides)" in out
    assert "sync resolve 1 --keep mine|theirs" in out
    code, out, _ = run(capsys, "--db", mine, "sync", "status", "--json")
    assert json.loads(out)[0]["conflicts"][0]["fields"] == ["start"]
    code, out, _ = run(capsys, "--db", mine, "sync", "resolve", "1", "--keep", "theirs")
    assert code == 0 and "kept theirs" in out
    code, out, _ = run(capsys, "--db", mine, "agenda", "--from", "2026-03-09", "--json")
    assert json.loads(out)[0]["start"]["closer"].startswith("2026-03-12T10:00")
    code, out, _ = run(capsys, "--db", mine, "sync", "--json")
    assert json.loads(out)[0]["conflicts"] == 0
    code, out, err = run(capsys, "--db", mine, "sync", "resolve", "1", "--keep", "mine")
    assert code == 2 and "no conflict" in err


def test_errors_are_one_line_and_change_nothing(
    radicale_accounts: Server,
    closer_agenda: Agenda,
    assistant_agenda: Agenda,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = str(assistant_agenda.path)
    before = dump(Path(db))
    code, _, err = run(capsys, "--db", db, "sync")
    assert code == 2 and "no closer has a shared calendar yet" in err
    code, _, err = run(capsys, "--db", db, "sync", "setup", "--closer", "Camille",
                       "--url", "http://calendar.example.com/c/")  # fmt: skip
    assert code == 2 and "https://" in err
    code, _, err = run(capsys, "--db", db, "sync", "setup", "--closer", "Camille",
                       "--url", f"http://127.0.0.1:{free_port()}/c/", "--timeout", "2")  # fmt: skip
    assert code == 1 and "cannot be reached" in err
    url = radicale_accounts.calendar("dominique", "calls")
    monkeypatch.delenv(api.ENV_PASSWORD, raising=False)
    code, _, err = run(capsys, "--db", db, "sync", "setup", "--closer", "Camille", "--url", url,
                       "--user", "assistant")  # fmt: skip
    assert code == 2 and api.ENV_PASSWORD in err
    assert len(err.strip().splitlines()) == 1
    assert dump(Path(db)) == before

    monkeypatch.setenv(api.ENV_PASSWORD, USERS["dominique"])
    run(capsys, "--db", str(closer_agenda.path), "sync", "setup", "--closer", "Camille",
        "--url", url, "--user", "dominique")  # fmt: skip
    monkeypatch.setenv(api.ENV_PASSWORD, USERS["assistant"])
    code, out, err = run(capsys, "--db", db, "sync", "setup", "--closer", "Camille", "--url", url,
                         "--user", "assistant")  # fmt: skip
    assert code == 0 and "read only" in out
    before = dump(Path(db))
    code, _, err = run(capsys, "--db", db, "book", "--company", "Acme", "--prospect", "Omar",
                       "--start", "2026-03-10 10:00")  # fmt: skip
    assert code == 1 and "read-only" in err
    assert dump(Path(db)) == before


def test_subscribe(
    tmp_path: Path, closer_agenda: Agenda, capsys: pytest.CaptureFixture[str]
) -> None:
    files = start_files(tmp_path / "files")
    try:
        (files.storage / "cal.ics").write_text(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:x@y\r\n"
            "DTSTAMP:20260301T000000Z\r\nDTSTART:20260310T090000Z\r\nDTEND:20260310T100000Z\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        code, out, err = run(capsys, "--db", str(closer_agenda.path), "subscribe",
                             files.url + "cal.ics", "--closer", "Camille", "--name", "Google",
                             "--json")  # fmt: skip
        assert code == 0, err
        assert json.loads(out)["added"] == 1
        code, out, _ = run(capsys, "--db", str(closer_agenda.path), "subscribe",
                           files.url + "missing.ics", "--closer", "Camille")  # fmt: skip
        assert code == 1 and "no calendar at that address" in _
    finally:
        files.stop()


@pytest.mark.parametrize(
    "address",
    ["file:///tmp/work.ics", "/tmp/work.ics", "work.ics", "ftp://example.com/work.ics",
     "webcal://example.com/work.ics", "http://example.com/work.ics"],
)  # fmt: skip
def test_an_address_without_https_is_refused_with_the_reason(
    address: str, closer_agenda: Agenda, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(closer_agenda.path)
    before = dump(Path(db))
    code, out, err = run(capsys, "--db", db, "subscribe", address, "--closer", "Camille")
    assert (code, out) == (2, "")
    assert err == (
        f"closer-desk: {address!r} must start with https:// (http:// only to this machine)\n"
    )
    assert dump(Path(db)) == before


def test_subscribe_with_a_login_from_the_environment_keeps_no_copy_of_it(
    radicale_accounts: Server,
    closer_agenda: Agenda,
    assistant_agenda: Agenda,
    safe_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Read from the variable at each refresh, not copied into the keyring, where it would
    # outlive a change of the variable.
    from closer_desk.store.sync.subscriptions import refresh_for

    theirs = dominiques_calendar(closer_agenda, radicale_accounts, monkeypatch, "2026-03-10 12:00")
    assistant_agenda.close()
    monkeypatch.setenv(api.ENV_PASSWORD, USERS["assistant"])
    code, out, err = run(capsys, "--db", str(assistant_agenda.path), "subscribe", theirs,
                         "--closer", "Camille", "--user", "assistant", "--json")  # fmt: skip
    assert code == 0, err
    assert (json.loads(out)["added"], json.loads(out)["password_in"]) == (1, None)
    assert not any(account.startswith("assistant@") for _, account in safe_keyring.held)
    with open_agenda(assistant_agenda.path, clock=FakeClock()) as again:
        [refreshed] = refresh_for(again, again.closer("Camille").id)
    assert (refreshed.error, refreshed.events) == ("", 1)
