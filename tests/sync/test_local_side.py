"""The agenda's side of a sync without a server: the flags and the calls a sync reads."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert

from closer_desk.core.model import ACTIVE_STATUSES, Status
from closer_desk.core.sync.overlaps import Span, overlap_flags
from closer_desk.store import open_agenda
from closer_desk.store import rows as R
from closer_desk.store.schema import appointments
from closer_desk.store.sync import local as L
from tests.helpers.factories import NOW, FakeClock, make_agenda
from tests.helpers.fuzzing import examples

_STATUSES = tuple(s.value for s in Status)
_CALL = st.tuples(
    st.integers(0, 40),  # start, in quarter hours
    st.integers(1, 8),  # length, in quarter hours
    st.sampled_from(_STATUSES),
    st.integers(0, 5),  # booked, in days before NOW
)


def _insert(agenda: object, calls: list[tuple[int, int, str, int]]) -> None:
    rows = []
    for n, (start, length, status, booked) in enumerate(calls):
        lo = R.to_epoch(NOW) + start * 900
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
                **R.wall_columns(NOW),
            }
        )
    with agenda.engine.begin() as conn:  # type: ignore[attr-defined]
        if rows:
            conn.execute(insert(appointments), rows)


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
                count = L.refresh_flags(conn, 1)
        finally:
            agenda.close()
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
        expected = [(f.key, f.flag.value, f.other) for f in overlap_flags(Span(*r) for r in live)]
        assert stored == expected
        assert count == len(expected)

    check()
