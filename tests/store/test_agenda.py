"""The Agenda facade: the time model, conflicts, SEQUENCE, bounded queries, the file itself."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import event, text

from closer_desk.core import demo, tz
from closer_desk.core.errors import (
    AgendaFileError,
    AgendaVersionError,
    ConflictError,
    NaiveDatetimeError,
    NotFoundError,
    ValidationError,
)
from closer_desk.core.model import Outcome, Status
from closer_desk.store import Agenda, open_agenda
from closer_desk.store.db import SCHEMA_HEAD
from closer_desk.store.demo import load_demo
from tests.helpers.factories import FakeClock, at


def sql(agenda: Agenda, statement: str, **params: object) -> list[tuple]:
    with agenda.engine.begin() as conn:
        result = conn.execute(text(statement), params)
        return [tuple(r) for r in result] if result.returns_rows else []


def utc_columns(agenda: Agenda, appointment_id: int) -> tuple[int, int]:
    [(start, end)] = sql(
        agenda, "SELECT start_utc, end_utc FROM appointments WHERE id = :id", id=appointment_id
    )
    return start, end


def epoch(dt: datetime) -> int:
    return int(dt.timestamp())


# -- the time model ------------------------------------------------------------------------------
def test_wall_time_and_zone_are_the_truth(agenda):
    start = at("2026-03-10 10:00", "America/New_York")
    booked = agenda.book(company="Acme", prospect="Gabriel", start=start, minutes=45)
    assert booked.zone == "America/New_York"
    assert booked.start.replace(tzinfo=None) == datetime(2026, 3, 10, 10, 0)
    [(wall, zone, fold)] = sql(agenda, "SELECT wall_start, zone, fold FROM appointments")
    assert (wall, zone, fold) == ("2026-03-10T10:00:00", "America/New_York", 0)
    assert utc_columns(agenda, booked.id) == (epoch(start), epoch(start) + 45 * 60)


def test_second_occurrence_of_a_fall_back_time_keeps_its_fold(agenda, clock):
    second = at("2026-10-25 02:30", "Europe/Paris", choose="later")
    booked = agenda.book(company="Acme", prospect="Omar", start=second, minutes=30)
    assert booked.start.fold == 1
    assert tz.to_utc(booked.start) == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert utc_columns(agenda, booked.id)[0] == epoch(second)


def test_a_fixed_offset_start_is_stored_as_the_same_instant(agenda):
    start = datetime(2026, 3, 10, 10, 0, tzinfo=timezone(timedelta(hours=4)))
    booked = agenda.book(company="Acme", prospect="Omar", start=start, minutes=30)
    assert tz.to_utc(booked.start) == tz.to_utc(start)
    assert utc_columns(agenda, booked.id)[0] == epoch(start)


def test_new_tz_rules_move_future_calls_to_their_agreed_local_time(tmp_path, agenda, clock):
    past = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-02-10 10:00", "America/Toronto")
    )
    future = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-06-10 10:00", "America/Toronto")
    )
    past_cols, future_cols = utc_columns(agenda, past.id), utc_columns(agenda, future.id)
    # Pretend the columns were computed under older rules that put Toronto an hour off, and
    # that the file was last opened with another tz database.
    sql(agenda, "UPDATE appointments SET start_utc = start_utc + 3600, end_utc = end_utc + 3600")
    sql(agenda, "UPDATE settings SET value = '1999z' WHERE key = 'tzdata'")
    path = agenda.path
    agenda.close()

    with open_agenda(path, clock=clock) as reopened:
        assert utc_columns(reopened, future.id) == future_cols
        # A call already over happened when it happened: never rewritten.
        assert utc_columns(reopened, past.id) == (past_cols[0] + 3600, past_cols[1] + 3600)
        moved = reopened.appointment(future.id)
        assert moved.start.replace(tzinfo=None) == datetime(2026, 6, 10, 10, 0)
        assert reopened.entries(moved.start, moved.end)[0].appointment.id == future.id
        import tzdata

        assert sql(reopened, "SELECT value FROM settings WHERE key = 'tzdata'") == [
            (tzdata.IANA_VERSION,)
        ]


def test_recompute_utc_reports_what_moved_and_leaves_good_rows(agenda):
    a = agenda.book(company="Acme", prospect="Omar", start=at("2026-04-01 10:00", "Asia/Dubai"))
    b = agenda.book(company="Acme", prospect="Omar", start=at("2026-04-02 10:00", "Asia/Dubai"))
    sql(
        agenda,
        "UPDATE appointments SET start_utc = start_utc - 60, end_utc = end_utc - 60 WHERE id = :id",
        id=a.id,
    )
    assert agenda.recompute_utc() == 1
    assert utc_columns(agenda, a.id)[0] == epoch(a.start)
    assert utc_columns(agenda, b.id)[0] == epoch(b.start)
    assert agenda.recompute_utc() == 0


def test_naive_datetimes_are_refused(agenda):
    naive = datetime(2026, 3, 3, 15, 0)
    with pytest.raises(NaiveDatetimeError):
        agenda.book(company="Acme", prospect="Gabriel", start=naive)
    with pytest.raises(NaiveDatetimeError):
        agenda.entries(naive, naive + timedelta(days=1))
    with pytest.raises(NaiveDatetimeError):
        agenda.conflicts(1, naive, naive + timedelta(hours=1))
    booked = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-03 15:00", "Europe/Paris")
    )
    with pytest.raises(NaiveDatetimeError):
        agenda.move(booked.id, naive)
    assert agenda.count_appointments() == 1
    assert agenda.appointment(booked.id).start == booked.start


# -- conflicts -----------------------------------------------------------------------------------
def test_a_booking_over_another_call_is_refused_naming_it(agenda):
    first = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-03 15:00", "Europe/Paris"), minutes=45
    )
    with pytest.raises(ConflictError) as info:
        # 09:30 in Toronto is 15:30 in Paris
        agenda.book(
            company="Érable", prospect="Gabriel", start=at("2026-03-03 09:30", "America/Toronto")
        )
    assert [c.id for c in info.value.conflicts] == [first.id]
    assert agenda.count_appointments() == 1


def test_force_books_over_a_call(agenda):
    first = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-03 15:00", "Europe/Paris")
    )
    second = agenda.book(
        company="Acme", prospect="Omar", start=at("2026-03-03 15:15", "Europe/Paris"), force=True
    )
    assert {e.appointment.id for e in agenda.entries(first.start, second.end)} == {
        first.id,
        second.id,
    }
    with pytest.raises(ConflictError):
        agenda.move(second.id, at("2026-03-03 15:10", "Europe/Paris"))
    assert agenda.move(second.id, at("2026-03-03 15:10", "Europe/Paris"), force=True).start == at(
        "2026-03-03 15:10", "Europe/Paris"
    )


def test_back_to_back_calls_do_not_conflict(agenda):
    agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-03 15:00", "Europe/Paris"), minutes=45
    )
    agenda.book(
        company="Acme", prospect="Omar", start=at("2026-03-03 15:45", "Europe/Paris"), minutes=45
    )
    agenda.book(
        company="Acme", prospect="Haruto", start=at("2026-03-03 14:15", "Europe/Paris"), minutes=45
    )
    assert agenda.count_appointments() == 3


@pytest.mark.parametrize("free", ["cancel", "no-show"])
def test_cancelled_and_no_show_calls_free_their_time(agenda, free):
    # Yesterday's call: a no-show is only recorded once the call has started.
    first = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-01 15:00", "Europe/Paris")
    )
    if free == "cancel":
        agenda.cancel(first.id)
    else:
        agenda.set_outcome(first.id, "no-show")
    assert agenda.conflicts(1, first.start, first.end) == []
    again = agenda.book(company="Acme", prospect="Omar", start=first.start)
    # Putting the freed call back would now overlap: refused.
    with pytest.raises(ConflictError) as info:
        # A no-show goes back to planned only when told to forget it (core.lifecycle).
        agenda.set_status(first.id, Status.PLANNED, undo_outcome=free == "no-show")
    assert [c.id for c in info.value.conflicts] == [again.id]


def test_another_closers_calls_are_no_conflict(agenda):
    other = agenda.add_closer("Léo Martin", "America/Toronto")
    start = at("2026-03-03 15:00", "Europe/Paris")
    agenda.book(company="Acme", prospect="Gabriel", start=start)
    agenda.book(company="Acme", prospect="Omar", start=start, closer=other.id)
    assert len(agenda.conflicts(other.id, start, start + timedelta(minutes=45))) == 1


def test_moving_a_call_does_not_conflict_with_itself(agenda):
    booked = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-03 15:00", "Europe/Paris"), minutes=60
    )
    moved = agenda.move(booked.id, at("2026-03-03 15:30", "Europe/Paris"))
    assert moved.start == at("2026-03-03 15:30", "Europe/Paris")


# -- SEQUENCE --------------------------------------------------------------------------------------
def test_sequence_goes_up_with_what_the_prospect_must_hear_about(agenda):
    booked = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-03 15:00", "Europe/Paris")
    )
    assert booked.sequence == 0
    noted = agenda.update_details(booked.id, notes="prefers to be called Gab")
    assert noted.sequence == 0 and noted.notes == "prefers to be called Gab"
    moved = agenda.move(booked.id, at("2026-03-03 16:00", "Europe/Paris"))
    assert moved.sequence == 1
    same = agenda.move(booked.id, at("2026-03-03 16:00", "Europe/Paris"))
    assert same.sequence == 1
    relinked = agenda.update_details(booked.id, url="https://meet.example.com/other")
    assert relinked.sequence == 2
    cancelled = agenda.cancel(booked.id)
    assert cancelled.sequence == 3 and cancelled.status == Status.CANCELLED
    assert cancelled.uid == booked.uid


def test_a_cancelled_call_cannot_be_moved(agenda):
    booked = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-03 15:00", "Europe/Paris")
    )
    agenda.cancel(booked.id)
    with pytest.raises(ValidationError):
        agenda.move(booked.id, at("2026-03-04 15:00", "Europe/Paris"))


def test_outcomes(agenda):
    booked = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-01 15:00", "Europe/Paris")
    )
    won = agenda.set_outcome(booked.id, "won", value="4500", currency="cad")
    assert (won.status, won.outcome, won.deal_value, won.currency) == (
        Status.DONE,
        Outcome.WON,
        Decimal("4500.00"),
        "CAD",
    )
    with pytest.raises(ValidationError):
        agenda.set_outcome(booked.id, "won")
    with pytest.raises(ValidationError):
        agenda.set_outcome(booked.id, "lost", value="10")
    lost = agenda.set_outcome(booked.id, "lost", reason="Budget")
    assert lost.deal_value is None and lost.lost_reason == "Budget"
    with pytest.raises(NotFoundError):
        agenda.set_outcome(999, "lost")


# -- bounded range queries -----------------------------------------------------------------------
def test_a_long_call_starting_before_the_range_is_found(agenda):
    long_call = agenda.book(
        company="Acme",
        prospect="Gabriel",
        start=at("2026-03-03 08:00", "Europe/Paris"),
        minutes=180,
    )
    ended = agenda.book(
        company="Acme",
        prospect="Omar",
        start=at("2026-03-03 07:00", "Europe/Paris"),
        minutes=60,
        force=True,
    )
    found = agenda.entries(
        at("2026-03-03 10:00", "Europe/Paris"), at("2026-03-03 10:30", "Europe/Paris")
    )
    assert [e.appointment.id for e in found] == [long_call.id]
    # [start, end): a call ending when the range starts is not in it, nor one starting at its end
    edge = agenda.entries(
        at("2026-03-03 08:00", "Europe/Paris"), at("2026-03-03 08:01", "Europe/Paris")
    )
    assert [e.appointment.id for e in edge] == [long_call.id]
    assert ended.id not in [e.appointment.id for e in edge]
    assert (
        agenda.entries(
            at("2026-03-03 06:00", "Europe/Paris"), at("2026-03-03 07:00", "Europe/Paris")
        )
        == []
    )


def test_entries_carry_both_parties_and_skip_cancelled_on_request(agenda):
    booked = agenda.book(
        company="Érable", prospect="Haruto", start=at("2026-03-03 09:00", "Europe/Paris")
    )
    cancelled = agenda.book(
        company="Acme", prospect="Omar", start=at("2026-03-03 11:00", "Europe/Paris")
    )
    agenda.cancel(cancelled.id)
    day = tz.day_bounds(booked.start.date(), "Europe/Paris")
    [entry, _] = agenda.entries(*day)
    assert (entry.company_name, entry.prospect_name, entry.prospect_zone) == (
        "Érable",
        "Haruto Sato",
        "Asia/Tokyo",
    )
    assert (entry.closer_name, entry.closer_zone) == ("Camille Durand", "Europe/Paris")
    assert [e.appointment.id for e in agenda.entries(*day, include_cancelled=False)] == [booked.id]
    with pytest.raises(ValidationError):
        agenda.entries(day[1], day[0])


def test_entries_of_some_companies_and_one_closer(agenda):
    acme = agenda.book(
        company="Acme", prospect="Omar", start=at("2026-03-03 10:00", "Europe/Paris")
    )
    erable = agenda.book(
        company="Érable", prospect="Haruto", start=at("2026-03-03 14:00", "Europe/Paris")
    )
    other = agenda.add_closer("Léo Martin", "America/Toronto")
    theirs = agenda.book(
        company="Acme",
        prospect="Gabriel",
        start=at("2026-03-03 10:00", "America/Toronto"),
        closer=other.id,
    )
    day = tz.day_bounds(date(2026, 3, 3), "Europe/Paris")

    def ids(**kwargs) -> list[int]:
        return [e.appointment.id for e in agenda.entries(*day, **kwargs)]

    assert ids() == [acme.id, erable.id, theirs.id]
    assert ids(company_ids=frozenset({acme.company_id})) == [acme.id, theirs.id]
    assert ids(company_ids=frozenset({acme.company_id, erable.company_id})) == ids()
    assert ids(company_ids=frozenset()) == []
    assert ids(closer_id=other.id) == [theirs.id]
    assert ids(closer_id=acme.closer_id, company_ids=frozenset({erable.company_id})) == [erable.id]


def _plans(agenda: Agenda, run) -> list[str]:
    """The query plans of every SELECT on appointments that ``run`` sends, through SQLAlchemy
    or on the driver's cursor (store.entry_sql): read from the driver's trace, which hands each
    statement over with its values written in."""
    statements: list[str] = []

    def seen(statement: str) -> None:
        statement = statement.strip()
        if "FROM appointments" in statement and not statement.startswith(
            ("SELECT max(", "EXPLAIN")
        ):
            statements.append(statement)

    def trace(dbapi_conn, _record, _proxy):
        dbapi_conn.set_trace_callback(seen)

    def untrace(dbapi_conn, _record):
        dbapi_conn.set_trace_callback(None)

    event.listen(agenda.engine, "checkout", trace)
    event.listen(agenda.engine, "checkin", untrace)
    try:
        run()
    finally:
        event.remove(agenda.engine, "checkout", trace)
        event.remove(agenda.engine, "checkin", untrace)
    assert statements
    raw = sqlite3.connect(agenda.path)
    try:
        return [
            " | ".join(row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + s)) for s in statements
        ]
    finally:
        raw.close()


def test_range_and_conflict_queries_search_the_start_index(agenda):
    for day in range(3, 8):
        agenda.book(
            company="Acme", prospect="Gabriel", start=at(f"2026-03-0{day} 15:00", "Europe/Paris")
        )
    start, end = at("2026-03-04 00:00", "Europe/Paris"), at("2026-03-05 00:00", "Europe/Paris")
    [plan] = _plans(agenda, lambda: agenda.entries(start, end))
    assert (
        "SEARCH appointments USING INDEX ix_appointments_start (start_utc>? AND start_utc<?)"
        in plan
    )
    assert "SCAN appointments" not in plan
    # the longest duration, which bounds the range from below, comes from an index too
    assert "COVERING INDEX ix_appointments_minutes" in plan
    [plan] = _plans(agenda, lambda: agenda.conflicts(1, start, end))
    assert (
        "USING INDEX ix_appointments_closer_start (closer_id=? AND start_utc>? AND start_utc<?)"
        in plan
    )


# -- the file ------------------------------------------------------------------------------------
def test_the_file_is_private_in_wal_mode_with_foreign_keys(agenda):
    assert stat.S_IMODE(os.stat(agenda.path).st_mode) == 0o600
    with agenda.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    for suffix in ("-wal", "-shm"):
        side = Path(f"{agenda.path}{suffix}")
        if side.exists():
            assert stat.S_IMODE(os.stat(side).st_mode) & 0o077 == 0
    with pytest.raises(Exception, match="FOREIGN KEY"):
        sql(
            agenda,
            "INSERT INTO weekly_hours (closer_id, weekday, start_min, end_min)"
            " VALUES (999, 0, 0, 60)",
        )


def test_the_file_is_created_under_a_permissive_umask_still_private(tmp_path, clock):
    old = os.umask(0)
    try:
        with open_agenda(tmp_path / "deep" / "new.sqlite3", clock=clock) as opened:
            path = opened.path
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_a_newer_schema_is_refused_and_left_untouched(tmp_path, clock):
    path = tmp_path / "newer.sqlite3"
    with open_agenda(path, clock=clock) as opened:
        opened.add_closer("Camille", "Europe/Paris")
        sql(opened, "UPDATE alembic_version SET version_num = '9999'")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(AgendaVersionError) as info:
        open_agenda(path, clock=clock)
    assert (info.value.found, info.value.known) == ("9999", SCHEMA_HEAD)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


# -- demo data -----------------------------------------------------------------------------------
def test_demo_data_loads_into_an_empty_agenda(tmp_path, clock):
    with open_agenda(tmp_path / "demo.sqlite3", clock=clock) as fresh:
        today = clock().astimezone(tz.zone("Europe/Paris")).date()
        count = load_demo(fresh, demo.build(today))
        [closer] = fresh.closers()
        assert closer.zone == "Europe/Paris"
        companies = fresh.companies()
        assert sorted(c.country for c in companies) == ["AE", "CA", "FR", "US"]
        assert all(Decimal("0.10") <= c.commission_rate <= Decimal("0.20") for c in companies)
        prospects = fresh.prospects()
        assert len(prospects) == 40
        assert len({p.country for p in prospects}) >= 12
        assert len({p.zone for p in prospects}) >= 12
        assert fresh.count_appointments() == count > 100
        now = clock()
        everything = fresh.appointments(now - timedelta(days=120), now + timedelta(days=120))
        assert len(everything) == count
        past = [a for a in everything if a.end_utc <= now]
        future = [a for a in everything if a.start_utc > now]
        assert past and future
        assert {a.outcome for a in past} >= {Outcome.WON, Outcome.LOST, Outcome.FOLLOW_UP}
        assert {a.status for a in past} >= {Status.DONE, Status.NO_SHOW, Status.CANCELLED}
        assert all(a.outcome is None for a in future)
        assert all(a.deal_value and a.currency for a in past if a.outcome == Outcome.WON)
        # Calls were booked without --force conflicts among the live ones.
        live = [
            a for a in everything if a.status in (Status.PLANNED, Status.CONFIRMED, Status.DONE)
        ]
        for a, b in pairwise(live):
            assert a.end_utc <= b.start_utc
        # Some calls were agreed in the prospect's zone, as they are abroad.
        assert len({a.zone for a in everything}) > 1


def test_demo_data_is_refused_in_an_agenda_with_data(agenda, clock):
    before = agenda.count_appointments(), len(agenda.companies()), len(agenda.prospects())
    with pytest.raises(ValidationError) as info:
        load_demo(agenda, demo.build(clock().date()))
    assert info.value.code == "not_empty"
    assert (agenda.count_appointments(), len(agenda.companies()), len(agenda.prospects())) == before


def test_clock_is_injected(tmp_path):
    fixed = FakeClock(datetime(2030, 1, 1, tzinfo=UTC))
    with open_agenda(tmp_path / "c.sqlite3", clock=fixed) as opened:
        assert opened.now() == datetime(2030, 1, 1, tzinfo=UTC)


def test_unknown_choices_are_validation_errors(agenda):
    start = at("2026-03-03 15:00", "Europe/Paris")
    with pytest.raises(ValidationError) as info:
        agenda.book(company="Acme", prospect="Gabriel", start=start, kind="fax")
    assert (info.value.field, info.value.code) == ("kind", "bad_choice")
    booked = agenda.book(company="Acme", prospect="Gabriel", start=start)
    with pytest.raises(ValidationError):
        agenda.set_status(booked.id, "maybe")
    with pytest.raises(ValidationError):
        agenda.add_company("Fax Corp", default_kind="fax")
    with pytest.raises(ValidationError):
        agenda.edit_prospect("Gabriel", temperature="boiling")
    assert agenda.count_appointments() == 1


def test_a_file_that_is_not_an_agenda_is_refused_untouched(tmp_path, clock):
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\n")
    with pytest.raises(AgendaFileError):
        open_agenda(path, clock=clock)
    assert path.read_text() == "shopping list\n"


def test_any_file_name_works(tmp_path, clock):
    path = tmp_path / "100% sure #1" / "agenda?.sqlite3"
    with open_agenda(path, clock=clock) as opened:
        opened.add_closer("Camille", "Europe/Paris")
    with open_agenda(path, clock=clock) as reopened:
        assert [c.name for c in reopened.closers()] == ["Camille"]
    assert path.exists()
