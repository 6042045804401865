"""What a sync reads of the agenda: the flags equal a sweep over every live call, and an
incremental sync compares only the calls marked as changed, reads only their statuses and
sweeps only overlapping calls."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select, update

from closer_desk.core.model import ACTIVE_STATUSES, Status
from closer_desk.core.sync.overlaps import Span, overlap_flags
from closer_desk.store import Agenda, open_agenda
from closer_desk.store import rows as R
from closer_desk.store.schema import appointments
from closer_desk.store.sync import api
from closer_desk.store.sync import flags as F
from closer_desk.store.sync import local as L
from tests.helpers.caldav_servers import Server
from tests.helpers.factories import NOW, FakeClock, make_agenda
from tests.helpers.fuzzing import examples

_STATUSES = tuple(s.value for s in Status)
_CALL = st.tuples(
    st.integers(0, 40),  # start, in quarter hours
    st.integers(1, 8),  # length, in quarter hours
    st.sampled_from(_STATUSES),
    st.integers(0, 5),  # booked, in days before NOW
)


def _insert(agenda: Agenda, calls: list[tuple[int, int, str, int]], first: int = 0) -> None:
    rows = []
    for n, (start, length, status, booked) in enumerate(calls, start=first):
        begin = NOW + timedelta(minutes=15 * start)
        lo = R.to_epoch(begin)
        rows.append(
            {
                "closer_id": 1,
                "company_id": 1,
                "prospect_id": 1,
                "kind": "video",
                "minutes": length * 15,
                "start_utc": lo,
                "end_utc": lo + length * 900,
                "status": status,
                "uid": f"call-{n}@test",
                "created_utc": R.to_epoch(NOW) - booked * 86400,
                "updated_utc": R.to_epoch(NOW),
                **R.wall_columns(begin),
            }
        )
    with agenda.engine.begin() as conn:
        if rows:
            conn.execute(insert(appointments), rows)


def _stored_and_swept(path: Path) -> tuple[list[Any], list[Any]]:
    """The flags stored, and those of a sweep over every live call of the file."""
    db = sqlite3.connect(path)
    live = db.execute(
        "SELECT id, start_utc, end_utc, created_utc, uid FROM appointments"
        f" WHERE status IN ({', '.join('?' * len(ACTIVE_STATUSES))})",
        sorted(ACTIVE_STATUSES),
    ).fetchall()
    stored = db.execute(
        "SELECT appointment_id, flag, other_id FROM sync_flags ORDER BY appointment_id"
    ).fetchall()
    db.close()
    return stored, [(f.key, f.flag.value, f.other) for f in overlap_flags(Span(*r) for r in live)]


def test_flags_are_those_of_a_sweep_over_every_live_call(tmp_path: Path) -> None:
    path = tmp_path / "agenda.sqlite3"
    make_agenda(path, FakeClock()).close()

    @settings(max_examples=examples(60), deadline=None)
    @given(st.lists(_CALL, max_size=14))
    def check(calls: list[tuple[int, int, str, int]]) -> None:
        agenda = open_agenda(path, clock=FakeClock(), daily_backup=False)
        try:
            with agenda.engine.begin() as conn:
                conn.execute(delete(appointments))
            _insert(agenda, calls)
            with agenda.engine.begin() as conn:
                count = F.refresh_flags(conn, 1)
        finally:
            agenda.close()
        stored, expected = _stored_and_swept(path)
        assert stored == expected
        assert count == len(expected)

    check()


def test_flags_refreshed_around_the_changed_calls_are_those_of_a_whole_sweep(
    tmp_path: Path,
) -> None:
    path = tmp_path / "agenda.sqlite3"
    make_agenda(path, FakeClock()).close()
    _CHANGE = st.tuples(st.integers(0, 13), _CALL)

    @settings(max_examples=examples(80), deadline=None)
    @given(st.lists(_CALL, max_size=14), st.lists(_CHANGE, max_size=5), st.lists(_CALL, max_size=3))
    def check(
        calls: list[tuple[int, int, str, int]],
        changes: list[tuple[int, tuple[int, int, str, int]]],
        added: list[tuple[int, int, str, int]],
    ) -> None:
        agenda = open_agenda(path, clock=FakeClock(), daily_backup=False)
        try:
            with agenda.engine.begin() as conn:
                conn.execute(delete(appointments))
            _insert(agenda, calls)
            with agenda.engine.begin() as conn:
                F.refresh_flags(conn, 1)
                ids = sorted(conn.execute(select(appointments.c.id)).scalars())
                changed: set[int] = set()
                for n, (start, length, status, _booked) in changes:
                    if not ids:
                        break
                    key = ids[n % len(ids)]
                    begin = NOW + timedelta(minutes=15 * start)
                    lo = R.to_epoch(begin)
                    conn.execute(
                        update(appointments)
                        .where(appointments.c.id == key)
                        .values(
                            start_utc=lo,
                            end_utc=lo + length * 900,
                            status=status,
                            **R.wall_columns(begin),
                        )
                    )
                    changed.add(key)
            _insert(agenda, added, first=len(calls))
            with agenda.engine.begin() as conn:
                changed |= set(
                    conn.execute(
                        select(appointments.c.id).where(appointments.c.id.not_in(ids))
                    ).scalars()
                )
                count = F.refresh_flags(conn, 1, changed)
        finally:
            agenda.close()
        stored, expected = _stored_and_swept(path)
        assert stored == expected
        assert count == len(expected)

    check()


def test_an_incremental_sync_reads_back_only_what_it_pushed(
    radicale: Server, closer_agenda: Agenda, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 40 one-hour calls, the first two booked over each other.
    calls = [(0, 4, "planned", 1), (2, 4, "planned", 2)]
    calls += [(8 + 4 * n, 4, "planned", 1) for n in range(38)]
    _insert(closer_agenda, calls)
    api.set_up(closer_agenda, "Camille", radicale.calendar("camille", "calls"))
    [first] = api.sync(closer_agenda)
    assert (first.pushed, first.overlaps) == (40, 2)
    assert (first.compared, first.full_compare) == (40, True)

    full_reads: list[int] = []
    swept: list[int] = []
    read_all, sweep = L.statuses, F.overlap_flags

    def counted_statuses(conn: Any, calendar_id: int) -> dict[str, L.ItemStatus]:
        found = read_all(conn, calendar_id)
        full_reads.append(len(found))
        return found

    def counted_sweep(spans: Any) -> list[Any]:
        given_ = list(spans)
        swept.append(len(given_))
        return sweep(given_)

    monkeypatch.setattr(L, "statuses", counted_statuses)
    monkeypatch.setattr(F, "overlap_flags", counted_sweep)
    last = closer_agenda.appointment(40)
    closer_agenda.move(last.id, last.start + timedelta(hours=2), force=True)
    [again] = api.sync(closer_agenda)

    assert (again.pushed, again.pulled, again.overlaps, again.rebook) == (1, 0, 2, 1)
    assert (again.compared, again.full_compare) == (1, False)  # the moved call alone
    assert full_reads == []  # the status table is never read whole
    # Only the moved call and the two calls flagged before (over each other) reach the sweep.
    assert swept == [3]
