"""The truth about a file that cannot be written: a full disk, a lock, a read-only file are not
damage, the failed change is not stored, reads keep working; nothing is created or changed
that the user did not ask for (a typo in the path, a newer agenda, the umask)."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from closer_desk.core.errors import (
    AgendaCorruptError,
    AgendaStorageError,
    AgendaVersionError,
    CloserDeskError,
    StorageProblem,
    ValidationError,
)
from closer_desk.store import db, durability, open_agenda
from tests.helpers.cli import dump
from tests.helpers.factories import FakeClock, at, make_agenda
from tests.helpers.filesystems import (
    fill,
    held_by_another_program,
    listing,
    read_only,
    small_disk,
)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _book(agenda, day: int = 3):  # type: ignore[no-untyped-def]
    return agenda.book(
        company="Acme", prospect="Omar", start=at(f"2026-03-{day:02d} 10:00", "Europe/Paris")
    )


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MiB tmpfs holding an agenda (closed cleanly, backed up today)."""
    with small_disk(tmp_path / "disk") as where:
        path = where / "agenda.sqlite3"
        with make_agenda(path, FakeClock()) as agenda:
            _book(agenda)
        yield path


# -- a full disk -------------------------------------------------------------------------------


def test_a_full_disk_is_not_damage_and_reads_still_work(disk: Path, clock: FakeClock) -> None:
    durability.backup_now(disk, clock.now.date())  # today's backup is there: none is tried
    before = dump(disk)
    ballast = fill(disk.parent)
    with open_agenda(disk, clock=clock) as agenda:
        assert agenda.count_appointments() == 1
        assert [c.name for c in agenda.companies()] == ["Acme", "Érable"]
        with pytest.raises(AgendaStorageError) as caught:
            _book(agenda, day=4)
        assert caught.value.problem is StorageProblem.FULL
        assert not caught.value.bad_input
        assert agenda.count_appointments() == 1
    assert not isinstance(caught.value, AgendaCorruptError)
    ballast.unlink()
    assert dump(disk) == before
    with open_agenda(disk, clock=clock) as agenda:
        _book(agenda, day=4)  # with room again, the same write works
        assert agenda.count_appointments() == 2


def test_a_full_disk_skips_the_daily_backup_and_leaves_no_part_of_it(disk: Path) -> None:
    skipped: list[CloserDeskError] = []
    fill(disk.parent)
    before = listing(disk.parent)
    with open_agenda(disk, clock=FakeClock(), on_backup_skipped=skipped.append) as agenda:
        assert agenda.count_appointments() == 1
    assert [getattr(e, "problem", None) for e in skipped] == [StorageProblem.FULL]
    assert listing(disk.parent) == before


def test_a_full_disk_after_a_crash_is_checked_and_read(disk: Path, clock: FakeClock) -> None:
    # A killed session's -wal: the open-time check needs a -shm the disk has no room for.
    Path(f"{disk}-wal").touch(mode=0o600)
    fill(disk.parent)
    with open_agenda(disk, clock=clock, daily_backup=False) as agenda:
        assert agenda.count_appointments() == 1


def test_a_backup_or_a_restore_on_a_full_disk_says_full(disk: Path, clock: FakeClock) -> None:
    good = durability.backup_now(disk, clock.now.date())
    before = dump(disk)
    ballast = fill(disk.parent)
    with pytest.raises(AgendaStorageError) as backing_up:
        durability.backup_now(disk, clock.now.date(), label="manual")
    with pytest.raises(AgendaStorageError) as restoring:
        durability.restore_from_backup(disk, good)
    assert backing_up.value.problem is restoring.value.problem is StorageProblem.FULL
    ballast.unlink()
    assert dump(disk) == before
    assert sorted(p.name for p in durability.backup_dir(disk).iterdir()) == [good.name]
    assert not [p for p in disk.parent.iterdir() if p.name.endswith(".restoring")]


def test_a_new_agenda_on_a_full_disk_leaves_nothing_behind(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as where:
        fill(where)
        before = listing(where)
        with pytest.raises(AgendaStorageError) as caught:
            open_agenda(where / "new" / "agenda.sqlite3", clock=FakeClock())
        assert caught.value.problem is StorageProblem.FULL
        assert listing(where) == before


# -- another program's lock --------------------------------------------------------------------


@pytest.fixture
def impatient(tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An agenda whose writes and backups give up on another's lock after 100 ms."""
    monkeypatch.setattr(durability, "BUSY_TIMEOUT_MS", 100)
    path = tmp_path / "agenda.sqlite3"
    make_agenda(path, clock).close()
    return path


def test_a_lock_held_past_the_busy_timeout_is_busy_not_damage(
    impatient: Path, clock: FakeClock
) -> None:
    path = impatient
    before = dump(path)
    with held_by_another_program(path), open_agenda(path, clock=clock) as agenda:
        assert agenda.companies()  # readers are not held up by a writer
        with pytest.raises(AgendaStorageError) as caught:
            _book(agenda)
    assert caught.value.problem is StorageProblem.BUSY
    assert dump(path) == before


def test_a_backup_gives_up_on_a_file_held_exclusively(impatient: Path, clock: FakeClock) -> None:
    # sqlite3's backup loop would otherwise wait for ever.
    path = impatient
    with held_by_another_program(path, exclusive=True), pytest.raises(AgendaStorageError) as caught:
        durability.backup_now(path, clock.now.date())
    assert caught.value.problem is StorageProblem.BUSY
    assert durability.list_backups(path) == []


# -- read-only files and folders ---------------------------------------------------------------


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_agenda_is_read_and_never_written(
    tmp_path: Path, clock: FakeClock, what: str
) -> None:
    path = tmp_path / "ro" / "agenda.sqlite3"
    path.parent.mkdir()
    with make_agenda(path, clock) as agenda:
        _book(agenda)
    durability.backup_now(path, clock.now.date())
    before, names = path.read_bytes(), listing(tmp_path)
    with read_only(path if what == "file" else path.parent):
        with open_agenda(path, clock=clock) as agenda:
            assert agenda.count_appointments() == 1
            with pytest.raises(AgendaStorageError) as caught:
                _book(agenda, day=4)
        assert caught.value.problem is StorageProblem.READ_ONLY and caught.value.bad_input
        assert listing(tmp_path) == names  # no -wal, no -shm, no backup
        assert path.read_bytes() == before


def test_the_windows_first_page_of_a_read_only_agenda_leaves_nothing_beside_it(
    tmp_path: Path, clock: FakeClock
) -> None:
    from closer_desk.store.first_page import read_first_page

    path = tmp_path / "agenda.sqlite3"
    with make_agenda(path, clock) as agenda:
        _book(agenda)
    names = listing(tmp_path)
    with read_only(path):
        page = read_first_page(path, lambda _closer: (at("2026-03-02 00:00", "UTC"), clock.now))
        assert page is not None and page.closer is not None
        assert listing(tmp_path) == names


def test_a_read_only_agenda_of_an_older_schema_is_refused_as_it_is(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "agenda.sqlite3"
    engine = db.make_engine(path)
    db.upgrade(engine, "0002")
    engine.dispose()
    before, names = path.read_bytes(), listing(tmp_path)
    with read_only(path), pytest.raises(AgendaStorageError) as caught:
        open_agenda(path, clock=clock)
    assert caught.value.problem is StorageProblem.READ_ONLY_OLD
    assert (path.read_bytes(), listing(tmp_path)) == (before, names)


# -- what must not be created or changed -------------------------------------------------------


def test_without_create_a_missing_agenda_is_bad_input_and_nothing_is_made(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        open_agenda(tmp_path / "typo" / "agenda.sqlite3", create=False)
    assert (caught.value.code, caught.value.bad_input) == ("no_agenda", True)
    assert listing(tmp_path) == []


def _newer_with_a_pending_log(path: Path) -> tuple[bytes, bytes]:
    """A file from a newer closer_desk left open by it: its last commits still in the -wal."""
    make_agenda(path, FakeClock()).close()
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    with writer:
        writer.execute("UPDATE alembic_version SET version_num = '9999'")
        writer.execute("CREATE TABLE from_the_future (id INTEGER PRIMARY KEY)")
    # Take the files as they are while it is open (a crash, or the newer app still running).
    state = path.read_bytes(), Path(f"{path}-wal").read_bytes()
    writer.close()
    path.write_bytes(state[0])
    Path(f"{path}-wal").write_bytes(state[1])
    Path(f"{path}-shm").unlink(missing_ok=True)
    return state


def test_a_newer_agenda_with_a_pending_log_is_left_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "agenda.sqlite3"
    agenda_bytes, log_bytes = _newer_with_a_pending_log(path)
    with pytest.raises(AgendaVersionError) as caught:
        open_agenda(path, clock=FakeClock())
    assert caught.value.found == "9999"
    assert path.read_bytes() == agenda_bytes
    assert Path(f"{path}-wal").read_bytes() == log_bytes


def test_under_umask_000_everything_is_owner_only(tmp_path: Path, clock: FakeClock) -> None:
    previous = os.umask(0)
    try:
        path = tmp_path / "new" / "deeper" / "agenda.sqlite3"
        with make_agenda(path, clock) as agenda:
            _book(agenda)
            sides = [Path(f"{path}-wal"), Path(f"{path}-shm")]
            assert [_mode(p) for p in [path, *sides]] == [0o600] * 3
        assert _mode(path.parent) == _mode(path.parent.parent) == 0o700
        made = durability.backup_now(path, clock.now.date())
        assert (_mode(made), _mode(made.parent)) == (0o600, 0o700)

        shared = tmp_path / "shared.sqlite3"
        make_agenda(shared, clock).close()
        os.chmod(shared, 0o644)
        with open_agenda(shared, clock=clock) as agenda:
            _book(agenda)
            sides = [Path(f"{shared}-wal"), Path(f"{shared}-shm")]
            assert [_mode(p) for p in [shared, *sides]] == [0o600] * 3
        kept = durability.restore_from_backup(
            shared, durability.backup_now(shared, clock.now.date())
        )
        assert _mode(kept) == _mode(shared) == 0o600
    finally:
        os.umask(previous)


def test_only_damage_is_damage() -> None:
    path = Path("/nowhere/agenda.sqlite3")

    def coded(code: int, text: str) -> sqlite3.Error:
        error = sqlite3.OperationalError(text)
        error.sqlite_errorcode = code  # type: ignore[attr-defined]
        return error

    assert isinstance(
        durability.agenda_error(path, coded(sqlite3.SQLITE_CORRUPT, "malformed")),
        AgendaCorruptError,
    )
    for code, problem in [
        (sqlite3.SQLITE_FULL, StorageProblem.FULL),
        (sqlite3.SQLITE_BUSY, StorageProblem.BUSY),
        (sqlite3.SQLITE_READONLY, StorageProblem.READ_ONLY),
        (sqlite3.SQLITE_IOERR | (13 << 8), StorageProblem.IO),  # IOERR_FSYNC, disk not full
    ]:
        found = durability.agenda_error(path, coded(code, "x"))
        assert isinstance(found, AgendaStorageError) and found.problem is problem
    assert durability.agenda_error(path, sqlite3.IntegrityError("UNIQUE")) is None


def test_text_sqlite_cannot_take_is_bad_input_and_writes_nothing(agenda) -> None:  # type: ignore[no-untyped-def]
    # A surrogate escape: bytes that were not UTF-8 in an argument or a file name.
    before = agenda.companies()
    with pytest.raises(ValidationError) as caught:
        agenda.add_company("Zed\udcff")
    assert (caught.value.code, caught.value.bad_input) == ("not_utf8", True)
    assert agenda.companies() == before
