"""The agenda file's connection: SQL text on sqlite3 until the engine is built, then on the
engine's own connections; transactions, batches, the lock and errors alike on both."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from closer_desk.core.errors import AgendaStorageError, StorageProblem, ValidationError
from closer_desk.store import Agenda, open_agenda
from closer_desk.store.connection import AgendaFile
from closer_desk.store.rows import APPOINTMENT_COLUMNS
from tests.helpers.factories import FakeClock, at, make_agenda

_START = at("2026-03-04 10:00", "Europe/Paris")


@pytest.fixture
def fresh(tmp_path: Path, clock: FakeClock) -> Agenda:
    """An agenda opened anew, its engine not built (``make_agenda`` closed first)."""
    path = tmp_path / "fresh.sqlite3"
    make_agenda(path, clock).close()
    opened = open_agenda(path, clock=clock)
    assert not opened.file.has_engine
    return opened


def _count(agenda: Agenda) -> int:
    return agenda.count_appointments()


def _other_count(path: Path) -> int:
    other = sqlite3.connect(path)
    try:
        return int(other.execute("SELECT count(*) FROM appointments").fetchone()[0])
    finally:
        other.close()


def test_an_agenda_at_head_opens_and_books_without_the_engine(fresh: Agenda) -> None:
    fresh.book(company="Acme", prospect="Omar", start=_START)
    assert fresh.entries(_START, at("2026-03-05 10:00", "Europe/Paris"))[0].prospect_name == (
        "Omar Haddad"
    )
    assert not fresh.file.has_engine
    fresh.close()


def test_a_batch_on_the_plain_connection_is_one_transaction(fresh: Agenda) -> None:
    with pytest.raises(RuntimeError), fresh.batch():
        fresh.book(company="Acme", prospect="Omar", start=_START)
        assert _count(fresh) == 1  # seen inside the batch
        raise RuntimeError("the rest of the command failed")
    assert _count(fresh) == 0
    with fresh.batch():
        fresh.book(company="Acme", prospect="Omar", start=_START)
        assert _other_count(fresh.path) == 0  # not committed before the batch ends
    assert _other_count(fresh.path) == 1
    fresh.close()


def test_a_call_that_fails_inside_a_batch_undoes_only_itself(fresh: Agenda) -> None:
    with fresh.batch():
        fresh.book(company="Acme", prospect="Omar", start=_START)
        with pytest.raises(ValidationError):
            fresh.book(company="Acme", prospect="Omar", start=_START, minutes=-5, force=True)
    assert _count(fresh) == 1
    fresh.close()


def test_a_write_holds_the_lock_from_its_start(fresh: Agenda) -> None:
    with fresh.file.writing() as db:
        # BEGIN IMMEDIATE, not pysqlite's BEGIN at the first INSERT: a check made before the
        # write already sees the file as it will be written, and another writer waits.
        assert db.in_transaction
        other = sqlite3.connect(fresh.path, timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()
    fresh.close()


@pytest.mark.parametrize("fails", [False, True])
def test_the_engine_built_inside_a_plain_batch_joins_it(fresh: Agenda, fails: bool) -> None:
    from sqlalchemy import text

    with pytest.raises(RuntimeError) if fails else _nothing(), fresh.batch():
        fresh.book(company="Acme", prospect="Omar", start=_START)
        # A module written with SQLAlchemy Core, inside the command's transaction.
        with fresh.engine.begin() as conn:
            conn.execute(text("INSERT INTO settings (key, value) VALUES ('probe', '1')"))
        fresh.book(company="Acme", prospect="Haruto", start=at("2026-03-05 10:00", "Europe/Paris"))
        assert _other_count(fresh.path) == 0
        if fails:
            raise RuntimeError("the rest of the command failed")
    assert fresh.file.has_engine
    assert _count(fresh) == (0 if fails else 2)
    with fresh.engine.connect() as conn:
        probe = conn.execute(text("SELECT value FROM settings WHERE key = 'probe'")).scalar()
    assert probe == (None if fails else "1")
    fresh.close()


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *_exc: object) -> None:
        return None


def test_once_the_engine_is_built_the_text_runs_on_its_connections(fresh: Agenda) -> None:
    seen: list[str] = []
    from sqlalchemy import event

    event.listen(fresh.engine, "commit", lambda _conn: seen.append("commit"))
    fresh.book(company="Acme", prospect="Omar", start=_START)
    assert seen == ["commit"]  # through the engine: undo's journal and batches see it
    assert fresh.file._plain is None  # the plain connection was closed, never two of ours
    fresh.close()


def test_threads_take_turns_on_the_plain_connection(fresh: Agenda) -> None:
    inside, release = threading.Event(), threading.Event()
    order: list[str] = []

    def hold() -> None:
        with fresh.file.reading():
            inside.set()
            assert release.wait(10)
            order.append("first")

    worker = threading.Thread(target=hold)
    worker.start()
    assert inside.wait(10)
    release.set()
    assert _count(fresh) == 0
    order.append("second")
    worker.join(10)
    assert order == ["first", "second"]
    fresh.close()


def test_errors_on_the_plain_connection_say_what_they_mean(fresh: Agenda) -> None:
    with pytest.raises(ValidationError) as bad_text:
        fresh.add_company("Bad \udcff name")
    assert bad_text.value.code == "not_utf8"
    fresh.close()
    # Opened read-only (a file this user cannot write): a write says so, nothing else.
    read_only = AgendaFile(fresh.path, read_only=True)
    with pytest.raises(AgendaStorageError) as refused, read_only.writing() as db:
        db.execute("INSERT INTO companies (name) VALUES ('Nope')")
    assert refused.value.problem in (StorageProblem.READ_ONLY, StorageProblem.READ_ONLY_OLD)
    read_only.close()


def test_closing_releases_the_file_and_a_later_call_reopens(fresh: Agenda) -> None:
    fresh.close()
    assert fresh.count_appointments() == 0
    fresh.close()


class _Reading:
    """A row that notes which of its columns are read."""

    def __init__(self, values: dict[str, object]) -> None:
        self._values = values
        self.read: set[str] = set()

    def __getattr__(self, name: str) -> object:
        self.read.add(name)
        return self._values[name]


def test_the_text_reads_the_columns_the_schema_has(agenda: Agenda) -> None:
    from closer_desk.store import rows as R
    from closer_desk.store import schema

    # The statements of store.entry_sql select these by name from the head schema.
    assert set(APPOINTMENT_COLUMNS) <= set(schema.appointments.c.keys())
    with agenda.file.writing() as db:
        db.execute(
            "INSERT INTO busy_blocks (closer_id, uid, start_utc, end_utc) VALUES (1, 'u', 0, 60)"
        )
    # What store.rows reads from each ``SELECT *`` row of the facade is a column of its table
    # in the schema (and so in the head migration: tests/store/test_migrations.py).
    readers = {
        "closers": lambda row: R.closer_from_row(row, None, (), ()),
        "companies": lambda row: R.company_from_row(row, None),
        "prospects": lambda row: R.prospect_from_row(row, None),
        "busy_blocks": R.busy_from_row,
    }
    with agenda.file.reading() as db:
        for table, read in readers.items():
            cursor = db.execute(f"SELECT * FROM {table} LIMIT 1")
            names = [d[0] for d in cursor.description]
            row = _Reading(dict(zip(names, cursor.fetchone(), strict=True)))
            read(row)
            assert row.read <= set(schema.metadata.tables[table].c.keys()), table
