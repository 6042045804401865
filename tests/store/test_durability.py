"""Integrity checks at open, daily backups with the online backup API, restore."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from closer_desk.core.errors import AgendaCorruptError
from closer_desk.store import durability, open_agenda
from tests.helpers.cli import main as cli_main
from tests.helpers.factories import FakeClock, at, make_agenda

TODAY = date(2026, 3, 2)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _damage(path: Path) -> None:
    """Overwrite a few b-tree pages in the middle of the file with garbage."""
    with path.open("r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\xff" * 4096 * 4)


def _crash_marker(path: Path) -> None:
    # What a killed session leaves behind: a -wal file (empty is a valid, empty log).
    Path(f"{path}-wal").touch(mode=0o600)


@pytest.fixture
def filled(tmp_path: Path, clock: FakeClock) -> Path:
    path = tmp_path / "agenda.sqlite3"
    with make_agenda(path, clock) as agenda:
        for day in range(1, 20):
            agenda.book(
                company="Acme",
                prospect="Omar",
                start=at(f"2026-03-{day:02d} 10:00", "Europe/Paris"),
            )
    return path


def test_reopening_takes_one_owner_only_backup_a_day(filled: Path, clock: FakeClock) -> None:
    with open_agenda(filled, clock=clock):
        pass
    with open_agenda(filled, clock=clock):
        pass
    backups = durability.list_backups(filled)
    assert [b.day for b in backups] == [clock.now.astimezone().date()]
    assert _mode(backups[0].path) == 0o600
    assert _mode(durability.backup_dir(filled)) == 0o700
    copy = sqlite3.connect(backups[0].path)
    assert copy.execute("SELECT count(*) FROM appointments").fetchone() == (19,)
    # A single self-contained file: no log to carry along.
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    copy.close()


def test_a_new_agenda_is_not_backed_up(tmp_path: Path, clock: FakeClock) -> None:
    with open_agenda(tmp_path / "new.sqlite3", clock=clock):
        pass
    assert durability.list_backups(tmp_path / "new.sqlite3") == []


def test_the_last_fourteen_backups_are_kept(filled: Path) -> None:
    for n in range(17):
        durability.backup_now(filled, TODAY + timedelta(days=n))
    days = [b.day for b in durability.list_backups(filled)]
    assert days == [TODAY + timedelta(days=n) for n in range(16, 2, -1)]


def test_backup_while_another_connection_writes_is_consistent(
    filled: Path, clock: FakeClock
) -> None:
    with open_agenda(filled, clock=clock, daily_backup=False) as agenda:
        agenda.book(company="Acme", prospect="Haruto", start=at("2026-04-01 10:00", "Europe/Paris"))
        made = durability.backup_now(filled, TODAY)
    assert durability.check(made, full=True) == []
    copy = sqlite3.connect(made)
    assert copy.execute("SELECT count(*) FROM appointments").fetchone() == (20,)
    copy.close()


def test_damage_is_reported_at_open_with_the_newest_good_backup(
    filled: Path, clock: FakeClock
) -> None:
    good = durability.backup_now(filled, TODAY)
    _damage(filled)
    _crash_marker(filled)
    with pytest.raises(AgendaCorruptError) as caught:
        open_agenda(filled, clock=clock)
    assert caught.value.path == str(filled)
    assert caught.value.backup == str(good)
    assert caught.value.detail


def test_a_file_that_is_not_an_agenda_is_refused_without_backup(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "agenda.sqlite3"
    path.write_bytes(b"this is not a database at all, just text" * 200)
    with pytest.raises(AgendaCorruptError) as caught:
        open_agenda(path, clock=clock)
    assert caught.value.backup is None


def test_a_damaged_agenda_never_replaces_a_good_backup(filled: Path) -> None:
    good = durability.backup_now(filled, TODAY)
    before = good.read_bytes()
    _damage(filled)
    with pytest.raises(AgendaCorruptError):
        durability.backup_now(filled, TODAY)
    assert good.read_bytes() == before
    assert [b.path for b in durability.list_backups(filled)] == [good]
    assert not [p for p in good.parent.iterdir() if p.name.endswith(".partial")]


def test_restore_puts_the_backup_back_and_keeps_the_broken_file(
    filled: Path, clock: FakeClock
) -> None:
    good = durability.backup_now(filled, TODAY)
    _damage(filled)
    _crash_marker(filled)
    broken = filled.read_bytes()
    kept = durability.restore_from_backup(filled, good)
    assert kept != filled and kept.read_bytes() == broken
    assert Path(f"{kept}-wal").exists() and not Path(f"{filled}-wal").exists()
    assert _mode(filled) == 0o600
    with open_agenda(filled, clock=clock) as agenda:
        assert agenda.count_appointments() == 19


def test_restore_refuses_a_damaged_backup(filled: Path) -> None:
    bad = durability.backup_now(filled, TODAY)
    _damage(bad)
    before = filled.read_bytes()
    with pytest.raises(AgendaCorruptError):
        durability.restore_from_backup(filled, bad)
    assert filled.read_bytes() == before


def test_cli_reports_damage_in_one_line_and_restores(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = durability.backup_now(filled, TODAY)
    _damage(filled)
    _crash_marker(filled)
    assert cli_main(["--db", str(filled), "agenda"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "damaged" in err and f"backup restore {good}" in err
    assert cli_main(["--db", str(filled), "backup", "restore", good.name]) == 0
    assert "kept as" in capsys.readouterr().out
    assert (
        cli_main(
            ["--db", str(filled), "agenda", "--from", "2026-03-01", "--to", "2026-03-31", "--json"]
        )
        == 0
    )


def test_cli_backup_now_and_list(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["--db", str(filled), "backup", "now"]) == 0
    made = Path(capsys.readouterr().out.strip())
    assert made.is_file() and _mode(made) == 0o600
    assert cli_main(["--db", str(filled), "backup", "list"]) == 0
    assert str(made) in capsys.readouterr().out
    assert cli_main(["--db", str(filled), "backup", "restore", "no-such-file"]) == 2
    assert cli_main(["--db", str(filled.with_name("missing.sqlite3")), "backup", "now"]) == 2


def test_agenda_wal_shm_and_backups_are_owner_only_whatever_the_umask(
    tmp_path: Path, clock: FakeClock
) -> None:
    previous = os.umask(0o022)
    try:
        path = tmp_path / "agenda.sqlite3"
        with make_agenda(path, clock) as agenda:
            agenda.book(
                company="Acme", prospect="Omar", start=at("2026-03-03 10:00", "Europe/Paris")
            )
            sides = [Path(f"{path}-wal"), Path(f"{path}-shm")]
            assert all(p.exists() for p in sides)
            assert [_mode(p) for p in [path, *sides]] == [0o600] * 3
            made = durability.backup_now(path, TODAY)
        assert _mode(made) == 0o600
    finally:
        os.umask(previous)


def test_demo_data_is_one_transaction(tmp_path: Path, clock: FakeClock) -> None:
    import dataclasses

    from closer_desk.core.demo import build
    from closer_desk.store.demo import load_demo

    path = tmp_path / "demo.sqlite3"
    with open_agenda(path, clock=clock) as agenda:
        calls = load_demo(agenda, build(clock.now.date()))
        assert agenda.count_appointments() == calls > 0
    with open_agenda(tmp_path / "half.sqlite3", clock=clock) as agenda:
        data = build(clock.now.date())
        # A last call that cannot be written, after all the others were.
        broken = dataclasses.replace(data, calls=(*data.calls, None))
        with pytest.raises(AttributeError):
            load_demo(agenda, broken)
        assert agenda.is_empty() and agenda.count_appointments() == 0


def test_a_failed_call_inside_a_batch_undoes_only_itself(agenda, clock: FakeClock) -> None:
    from closer_desk.core.errors import ConflictError

    with agenda.batch():
        first = agenda.book(
            company="Acme", prospect="Omar", start=at("2026-03-03 10:00", "Europe/Paris")
        )
        with pytest.raises(ConflictError):
            agenda.book(
                company="Acme", prospect="Haruto", start=at("2026-03-03 10:15", "Europe/Paris")
            )
        agenda.cancel(first.id)
    assert agenda.count_appointments() == 1
    assert agenda.appointment(first.id).status.value == "cancelled"


def test_odd_file_names_are_checked_and_backed_up(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "my agenda #2 ?100%.sqlite3"
    with make_agenda(path, clock) as agenda:
        agenda.book(company="Acme", prospect="Omar", start=at("2026-03-03 10:00", "Europe/Paris"))
    assert durability.check(path, full=True) == []
    made = durability.backup_now(path, TODAY)
    assert [b.path for b in durability.list_backups(path)] == [made]
    from closer_desk.store.changes import DataVersion

    probe = DataVersion(path)
    first = probe.current()
    with open_agenda(path, clock=clock, daily_backup=False) as agenda:
        agenda.book(company="Acme", prospect="Haruto", start=at("2026-03-04 10:00", "Europe/Paris"))
    assert probe.current() != first
    probe.close()
    # The engine opened that very file (an f-string URL once read "?100%..." as a query).
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(path.name)) == [
        "backups"
    ]
