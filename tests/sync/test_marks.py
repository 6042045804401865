"""An incremental sync compares what changed, not the whole calendar: the file's triggers mark
each call whose shared form may have moved (whoever wrote it), a sync compares only those, and
a mark never pushes a call whose hash did not change. Marks that cannot be trusted (emptied,
triggers gone, another calendar at the URL) make the next sync compare everything."""

from __future__ import annotations

import re
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import select

from closer_desk.store import Agenda, db, open_agenda
from closer_desk.store.schema import appointments, sync_calendars
from closer_desk.store.sync import api
from closer_desk.store.sync import flags as F
from closer_desk.store.sync import local as L
from closer_desk.store.sync import marks as M
from closer_desk.store.undo import recording, revert
from tests.helpers.caldav_servers import Server
from tests.helpers.factories import FakeClock, at, make_agenda


def _book(agenda: Agenda, n: int, company: str = "Acme") -> Any:
    return agenda.book(
        company=company,
        prospect="Gabriel",
        start=at("2026-03-10 08:00", "Europe/Paris") + timedelta(hours=n),
        minutes=30,
        force=True,
    )


def _shared(agenda: Agenda, server: Server, count: int) -> list[Any]:
    calls = [_book(agenda, n, "Acme" if n % 2 else "Érable") for n in range(count)]
    api.set_up(agenda, "Camille", server.calendar("camille", "calls"))
    [first] = api.sync(agenda)
    assert (first.pushed, first.full_compare) == (count, True)
    return calls


def _sql(path: Path, *statements: str) -> None:
    """Another program's writes: plain SQL on its own connection."""
    db = sqlite3.connect(path)
    with db:
        for statement in statements:
            db.execute(statement)
    db.close()


def _marks(agenda: Agenda) -> set[str]:
    with agenda.engine.connect() as conn:
        [calendar] = conn.execute(select(sync_calendars.c.id)).scalars().all()
        found = M.marked(conn, calendar)
    assert found is not None
    return found


def _by_uid(agenda: Agenda, uid: str) -> Any:
    with agenda.engine.connect() as conn:
        found = conn.execute(select(appointments.c.id).where(appointments.c.uid == uid)).scalar()
    assert found is not None
    return agenda.entry(found)


def test_a_sync_after_ten_changes_compares_those_ten(
    radicale: Server, closer_agenda: Agenda, assistant_agenda: Agenda
) -> None:
    calls = _shared(closer_agenda, radicale, 30)
    api.set_up(assistant_agenda, "Camille", radicale.calendar("camille", "calls"))
    [pulled] = api.sync(assistant_agenda)
    assert pulled.pulled == 30
    [idle] = api.sync(closer_agenda)
    assert (idle.compared, idle.pushed, idle.full_compare) == (0, 0, False)
    moved = calls[::3]
    for call in moved:
        closer_agenda.move(call.id, call.start + timedelta(minutes=15), force=True)
    assert api.pending(closer_agenda, 1) == 10
    [report] = api.sync(closer_agenda)
    assert (report.compared, report.pushed, report.full_compare) == (10, 10, False)
    assert report.as_dict()["compared"] == 10  # sync --json says it too
    assert _marks(closer_agenda) == set() and api.pending(closer_agenda, 1) == 0
    # Pulled on the other side: applying them marks nothing to push back.
    [there] = api.sync(assistant_agenda)
    assert (there.pulled, there.pushed) == (10, 0)
    assert _marks(assistant_agenda) == set()
    [after] = api.sync(assistant_agenda)
    assert (after.compared, after.pushed, after.pulled) == (0, 0, 0)
    for call in moved:
        mirror = _by_uid(assistant_agenda, call.uid).appointment
        assert mirror.start == call.start + timedelta(minutes=15)


def test_a_call_another_program_changed_with_sql_is_pushed(
    radicale: Server, closer_agenda: Agenda, assistant_agenda: Agenda
) -> None:
    calls = _shared(closer_agenda, radicale, 5)
    _sql(
        closer_agenda.path,
        f"UPDATE appointments SET url = 'https://meet.example.com/sql' WHERE id = {calls[2].id}",
        # A private field moves nothing that travels: not even a comparison.
        f"UPDATE appointments SET notes = 'private' WHERE id = {calls[3].id}",
    )
    [report] = api.sync(closer_agenda)
    assert (report.compared, report.pushed) == (1, 1)
    api.set_up(assistant_agenda, "Camille", radicale.calendar("camille", "calls"))
    api.sync(assistant_agenda)
    assert _by_uid(assistant_agenda, calls[2].uid).appointment.url == "https://meet.example.com/sql"


def test_a_mark_without_a_change_pushes_nothing(radicale: Server, closer_agenda: Agenda) -> None:
    calls = _shared(closer_agenda, radicale, 4)
    # The same values written again: marked, compared, but the hash did not move.
    _sql(closer_agenda.path, f"UPDATE appointments SET url = url WHERE id = {calls[1].id}")
    assert _marks(closer_agenda) == {calls[1].uid}
    assert api.pending(closer_agenda, 1) == 0
    [report] = api.sync(closer_agenda)
    assert (report.compared, report.pushed, report.pulled) == (1, 0, 0)
    assert _marks(closer_agenda) == set()


def test_a_deleted_call_and_a_renamed_company_are_pushed(
    radicale: Server, closer_agenda: Agenda, assistant_agenda: Agenda
) -> None:
    calls = _shared(closer_agenda, radicale, 6)  # three of Acme, three of Érable
    closer_agenda.delete_appointment(calls[0].id)
    _sql(closer_agenda.path, "UPDATE companies SET name = 'Acme Global' WHERE name = 'Acme'")
    [report] = api.sync(closer_agenda)
    assert (report.compared, report.pushed) == (4, 4)
    api.set_up(assistant_agenda, "Camille", radicale.calendar("camille", "calls"))
    api.sync(assistant_agenda)
    assert assistant_agenda.count_appointments() == 5
    renamed = [_by_uid(assistant_agenda, c.uid) for c in calls[1::2]]
    assert {e.company_name for e in renamed} == {"Acme Global"}


def test_the_prospects_public_facts_mark_their_calls_and_private_ones_do_not(
    radicale: Server, closer_agenda: Agenda
) -> None:
    _shared(closer_agenda, radicale, 3)
    closer_agenda.edit_prospect("Gabriel", need="private need")
    assert _marks(closer_agenda) == set()
    closer_agenda.edit_prospect("Gabriel", language="en")
    [report] = api.sync(closer_agenda)
    assert (report.compared, report.pushed) == (3, 3)


@pytest.mark.parametrize("how", ["emptied", "triggers dropped", "another calendar"])
def test_marks_that_cannot_be_trusted_mean_a_full_comparison(
    radicale: Server, closer_agenda: Agenda, how: str
) -> None:
    calls = _shared(closer_agenda, radicale, 5)
    change = f"UPDATE appointments SET phone = '+33 1 23 45 67 89' WHERE id = {calls[4].id}"
    if how == "triggers dropped":  # then changed where no trigger sees it
        _sql(closer_agenda.path, *(f"DROP TRIGGER {t}" for t in M.MARK_TRIGGERS), change)
    else:  # changed, then its mark is lost with the others
        _sql(closer_agenda.path, change)
        if how == "emptied":
            _sql(closer_agenda.path, "DELETE FROM sync_dirty")
        else:
            api.set_up(closer_agenda, "Camille", radicale.calendar("camille", "other"))
    [report] = api.sync(closer_agenda)
    assert (report.compared, report.full_compare) == (5, True)
    assert report.pushed == (5 if how == "another calendar" else 1)
    [again] = api.sync(closer_agenda)
    # Without every trigger no mark is trusted: each sync compares everything.
    assert (again.full_compare, again.pushed) == (how == "triggers dropped", 0)


def test_an_agenda_synced_before_the_upgrade_is_compared_whole_once(
    radicale: Server, tmp_path: Path
) -> None:
    path = tmp_path / "agenda.sqlite3"
    with make_agenda(path, FakeClock()) as agenda:
        calls = _shared(agenda, radicale, 4)
        config = Config()
        config.set_main_option("script_location", str(db._MIGRATIONS))
        with agenda.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0005_busy_sources")
    # The previous closer_desk changes a call (no trigger sees it), then this one opens it.
    _sql(path, f"UPDATE appointments SET minutes = 45 WHERE id = {calls[0].id}")
    with open_agenda(path, clock=FakeClock()) as agenda:
        [report] = api.sync(agenda)
        assert (report.full_compare, report.compared, report.pushed) == (True, 4, 1)
        [again] = api.sync(agenda)
        assert (again.full_compare, again.compared, again.pushed) == (False, 0, 0)


def test_an_undone_move_of_a_synced_call_is_pushed_and_so_is_its_redo(
    radicale: Server, closer_agenda: Agenda, assistant_agenda: Agenda
) -> None:
    [call] = _shared(closer_agenda, radicale, 1)
    api.set_up(assistant_agenda, "Camille", radicale.calendar("camille", "calls"))
    api.sync(assistant_agenda)
    later = call.start + timedelta(hours=3)
    with recording(closer_agenda) as moved:
        closer_agenda.move(call.id, later, force=True)
    assert [r.table for r in moved.revision.rows] == ["appointments"]  # no mark in it
    [pushed] = api.sync(closer_agenda)
    assert (pushed.compared, pushed.pushed) == (1, 1)
    undone = revert(closer_agenda, moved.revision)  # not refused: the marks are not undone
    [back] = api.sync(closer_agenda)
    assert (back.compared, back.pushed) == (1, 1)
    api.sync(assistant_agenda)
    assert _by_uid(assistant_agenda, call.uid).appointment.start == call.start
    revert(closer_agenda, undone)  # the redo
    [redone] = api.sync(closer_agenda)
    assert (redone.compared, redone.pushed) == (1, 1)
    api.sync(assistant_agenda)
    assert _by_uid(assistant_agenda, call.uid).appointment.start == later
    # Undone before any sync: the mark the move made is still there, and is kept.
    with recording(closer_agenda) as again:
        closer_agenda.move(call.id, later + timedelta(hours=1), force=True)
    revert(closer_agenda, again.revision)
    assert _marks(closer_agenda) == {call.uid}
    [report] = api.sync(closer_agenda)
    # Compared, and back where the server has it: nothing to push (the hash is the rule).
    assert (report.compared, report.pushed) == (1, 0)
    assert _marks(closer_agenda) == set()


def test_the_triggers_watch_every_column_the_shared_form_and_the_flags_read(tmp_path: Path) -> None:
    with (
        make_agenda(tmp_path / "agenda.sqlite3", FakeClock()) as agenda,
        agenda.engine.connect() as conn,
    ):
        triggers = dict(
            conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all()
        )
    assert set(M.MARK_TRIGGERS) <= set(triggers)
    read = set(re.findall(r"\ba\.(\w+)", L._LOCAL_CALLS))
    read |= set(re.findall(r"\bb\.(\w+)", F._SPANS_AROUND)) | {"status"}
    watched = re.search(r"UPDATE OF (.*?) ON appointments", triggers["sync_dirty_call_changed"])
    assert watched is not None
    columns = {c.strip() for c in watched.group(1).split(",")}
    # SEQUENCE travels, but never alone: no change of it alone is a change.
    assert read - {"id", "sequence"} <= columns


def test_a_removed_call_leaves_the_flags_of_the_calls_still_over_each_other(
    radicale: Server, closer_agenda: Agenda, clock: FakeClock
) -> None:
    # A chain booked in this order: the first, one over it, a third over the second only.
    start = at("2026-03-10 10:00", "Europe/Paris")
    calls = []
    for n in range(3):
        clock.now += timedelta(minutes=1)  # booked one after the other
        calls.append(
            closer_agenda.book(
                company="Acme",
                prospect="Gabriel",
                start=start + timedelta(minutes=20 * n),
                minutes=30,
                force=True,
            )
        )
    first, second, third = calls
    api.set_up(closer_agenda, "Camille", radicale.calendar("camille", "calls"))
    [report] = api.sync(closer_agenda)
    assert (report.overlaps, report.rebook) == (3, 2)
    closer_agenda.delete_appointment(first.id)  # the second's flag named it
    [after] = api.sync(closer_agenda)
    assert (after.overlaps, after.rebook) == (2, 1)
    assert {(f.appointment_id, f.flag.value) for f in api.flags(closer_agenda)} == {
        (second.id, "overlap"),
        (third.id, "rebook"),
    }
