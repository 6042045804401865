"""Faults in the middle of a sync: each leaves both sides consistent after the next sync,
with nothing lost. The servers are real (Radicale in this process or as a child process);
``Faults`` answers for them or holds their answer, as a broken network or server would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from closer_desk.core.ics.sync_event import read_object
from closer_desk.core.sync.call import SyncedCall, content_hash
from closer_desk.core.sync.errors import ReadOnlyCalendarError, RemoteError, RemoteProblem
from closer_desk.core.sync.errors import RemoteProblem as P
from closer_desk.store import Agenda, durability
from closer_desk.store.schema import sync_items
from closer_desk.store.sync import api
from closer_desk.store.sync import local as L
from closer_desk.store.sync.remote import Remote
from tests.helpers.caldav_servers import ROOT, Rule, Server, spawn_radicale
from tests.helpers.factories import at


def _book_calls(agenda: Agenda, count: int) -> list[str]:
    return [
        agenda.book(
            company="Acme",
            prospect="Omar",
            start=at(f"2026-03-{10 + n:02d} 10:00", "Europe/Paris"),
            minutes=30,
        ).uid
        for n in range(count)
    ]


def assert_consistent(agenda: Agenda, url: str) -> None:
    """The server holds each call of the agenda once, with the agenda's shared fields, and
    the status table names exactly those objects with their ETags."""
    closer = agenda.closer("Camille")
    with Remote(url) as remote:
        listing = remote.changes("")
        objects = {
            href: (etag, read_object(data))
            for href, etag, data in remote.fetch(sorted(listing.changed))
        }
    with agenda.engine.connect() as conn:
        mine = L.local_calls(conn, closer.id)
        rows = conn.execute(select(sync_items)).all()
    on_server = {
        item.uid: (href, etag, item)
        for href, (etag, item) in objects.items()
        if isinstance(item, SyncedCall)
    }
    assert len(on_server) == len(objects), "an object twice, or one closer_desk cannot read"
    assert set(on_server) == set(mine)
    for uid, (_href, _etag, item) in on_server.items():
        assert content_hash(item) == mine[uid].hash, uid
    assert {(r.uid, r.href, r.etag) for r in rows} == {
        (u, h, e) for u, (h, e, _) in on_server.items()
    }


def _share(server_url: str, *agendas: Agenda) -> None:
    for agenda in agendas:
        api.set_up(agenda, "Camille", server_url)


def test_a_412_race_is_merged_and_both_sides_agree(
    radicale: Server, closer_agenda: Agenda, assistant_agenda: Agenda
) -> None:
    url = radicale.calendar("camille", "calls")
    _share(url, closer_agenda, assistant_agenda)
    [uid] = _book_calls(assistant_agenda, 1)
    api.sync(assistant_agenda)
    api.sync(closer_agenda)
    with closer_agenda.engine.connect() as conn:
        mirror = L.local_calls(conn, closer_agenda.closer("Camille").id)[uid].id
    assistant_call = assistant_agenda.appointment(L_id(assistant_agenda, uid))
    assistant_agenda.move(assistant_call.id, at("2026-03-20 15:00", "Europe/Paris"))

    def the_closer_writes_first() -> None:
        closer_agenda.update_details(mirror, url="https://meet.example.com/raced")
        api.sync(closer_agenda)

    race = radicale.faults.add(Rule(("PUT",), times=1, before=the_closer_writes_first))
    [report] = api.sync(assistant_agenda)
    assert race.fired == 1
    assert report.merged == 1 and report.conflicts == []
    api.sync(closer_agenda)
    for agenda, key in ((assistant_agenda, assistant_call.id), (closer_agenda, mirror)):
        seen = agenda.appointment(key)
        assert seen.start == at("2026-03-20 15:00", "Europe/Paris")
        assert seen.url == "https://meet.example.com/raced"
    assert_consistent(closer_agenda, url)
    assert_consistent(assistant_agenda, url)


def L_id(agenda: Agenda, uid: str) -> int:
    with agenda.engine.connect() as conn:
        return L.local_calls(conn, agenda.closer("Camille").id)[uid].id


def test_a_403_stops_pushing_keeps_the_change_and_refuses_new_bookings(
    radicale: Server, closer_agenda: Agenda, assistant_agenda: Agenda
) -> None:
    url = radicale.calendar("camille", "calls")
    _share(url, closer_agenda, assistant_agenda)
    _book_calls(assistant_agenda, 2)
    radicale.faults.add(Rule(("PUT",), status=403, body=b"read-only"))
    [report] = api.sync(assistant_agenda)
    assert report.stopped == RemoteProblem.FORBIDDEN and report.held == 2
    with pytest.raises(ReadOnlyCalendarError):
        _book_calls(assistant_agenda, 1)
    radicale.faults.clear()
    [after] = api.sync(assistant_agenda)  # the server's privileges say writable again
    assert after.pushed == 2 and after.stopped is None
    api.sync(closer_agenda)
    assert_consistent(assistant_agenda, url)
    assert_consistent(closer_agenda, url)


def test_a_full_server_507_holds_the_rest_until_the_next_sync(
    radicale: Server, closer_agenda: Agenda
) -> None:
    url = radicale.calendar("camille", "calls")
    _share(url, closer_agenda)
    _book_calls(closer_agenda, 3)
    radicale.faults.add(Rule(("PUT",), status=507, after=1))
    [report] = api.sync(closer_agenda)
    assert (report.pushed, report.held, report.stopped) == (1, 2, P.FULL)
    assert api.states(closer_agenda)[0].pending == 2
    radicale.faults.clear()
    [after] = api.sync(closer_agenda)
    assert after.pushed == 2
    assert_consistent(closer_agenda, url)


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        (
            Rule(("REPORT",), status=200, body=b"<?xml version='1.0'?><multistatus><resp"),
            P.BAD_RESPONSE,
        ),
        (Rule(("REPORT",), status=500, body=b"oops", content_type="text/plain"), None),
        (Rule(("REPORT",), delay=3.0), P.TIMEOUT),
    ],
    ids=["garbage-xml", "server-error", "timeout"],
)
def test_a_broken_answer_applies_nothing_of_the_pull(
    radicale: Server,
    closer_agenda: Agenda,
    assistant_agenda: Agenda,
    rule: Rule,
    problem: RemoteProblem | None,
) -> None:
    url = radicale.calendar("camille", "calls")
    _share(url, closer_agenda, assistant_agenda)
    [uid] = _book_calls(assistant_agenda, 1)
    api.sync(assistant_agenda)
    radicale.faults.add(rule)
    try:
        api.sync(closer_agenda, timeout=1.0)
    except RemoteError as error:
        assert problem is None or error.problem == problem
    else:
        assert problem is None  # a 500 on sync-collection: the library lists everything
    radicale.faults.clear()
    if problem is not None:
        assert closer_agenda.count_appointments() == 0
        assert api.accounts(closer_agenda)[0].last_error == problem.value
    api.sync(closer_agenda)
    assert closer_agenda.count_appointments() == 1
    assert api.accounts(closer_agenda)[0].last_error == ""
    assert_consistent(closer_agenda, url)
    assert L_id(closer_agenda, uid)


def test_the_server_killed_mid_sync(tmp_path: Path, closer_agenda: Agenda) -> None:
    storage = tmp_path / "radicale-process"
    server = spawn_radicale(storage, die_after_puts=3)
    url = server.calendar("camille", "calls")
    try:
        _share(url, closer_agenda)
        _book_calls(closer_agenda, 6)
        with pytest.raises(RemoteError) as cut:
            api.sync(closer_agenda)
        assert cut.value.problem in (P.UNREACHABLE, P.BAD_RESPONSE)
        assert server.process.wait(timeout=30) == -signal.SIGKILL
        with closer_agenda.engine.connect() as conn:
            recorded = conn.execute(select(sync_items.c.uid)).all()
        assert len(recorded) == 2  # the third PUT reached the disk, never its answer
    finally:
        server.stop()
    again = spawn_radicale(storage, port=server.port)
    try:
        [report] = api.sync(closer_agenda)
        assert report.pushed == 3  # the third was found on the server and recorded, not copied
        assert_consistent(closer_agenda, url)
    finally:
        again.stop()


def test_closer_desk_killed_mid_sync(
    radicale: Server, tmp_path: Path, closer_agenda: Agenda
) -> None:
    url = radicale.calendar("camille", "calls")
    _share(url, closer_agenda)
    _book_calls(closer_agenda, 6)
    assert closer_agenda.path is not None
    path = closer_agenda.path
    child: dict[str, subprocess.Popen[str]] = {}

    def kill_closer_desk() -> None:
        child["sync"].send_signal(signal.SIGKILL)

    radicale.faults.add(Rule(("PUT",), after=2, times=1, call=kill_closer_desk))
    child["sync"] = subprocess.Popen(
        [sys.executable, "-m", "tests.sync.sync_child", str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child["sync"].wait(timeout=120) == -signal.SIGKILL
    assert child["sync"].stdout is not None
    child["sync"].stdout.close()
    radicale.faults.clear()
    assert durability.check(path, full=True) == []
    [report] = api.sync(closer_agenda)
    # Two were recorded before the kill; the third reached the server, its answer never
    # reached closer_desk: found there (If-None-Match: * says so) and recorded, not copied.
    assert report.pushed == 3
    assert_consistent(closer_agenda, url)
