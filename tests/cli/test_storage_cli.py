"""The command line tells the truth about the file: a full disk, an I/O error, a lock, a
read-only agenda, a typo in ``--db``, bytes that are not text. One line on stderr, the right
exit status, nothing written (the agenda dumps the same before and after), nothing created."""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from closer_desk.cli import build_parser
from closer_desk.cli._common import CREATING_COMMANDS
from closer_desk.store import durability
from tests.helpers.cli import dump, run
from tests.helpers.factories import FakeClock, at, make_agenda
from tests.helpers.filesystems import (
    fill,
    held_by_another_program,
    listing,
    read_only,
    small_disk,
)

ROOT = Path(__file__).resolve().parents[2]
SECRET = "wants a discount, do not tell Acme"


def _filled(path: Path) -> Path:
    with make_agenda(path, FakeClock()) as agenda:
        call = agenda.book(
            company="Acme", prospect="Omar", start=at("2026-03-03 10:00", "Europe/Paris")
        )
        assert call.id == 1
    return path


def _one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("closer-desk: "), err
    assert "Traceback" not in err and " is damaged" not in err and "backup restore" not in err
    assert SECRET not in err and "[SQL" not in err
    return err


def _cli(*argv: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """The real ``closer-desk`` entry point in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "closer_desk", *argv],
        cwd=ROOT,
        capture_output=True,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


WRITES = [
    ("company", "add", "Zed"),
    ("book", "--company", "Acme", "--prospect", "Gabriel", "--start", "2026-03-04 10:00"),
    ("desk", "1", "--notes", SECRET),
    ("prospect", "edit", "Omar", "--notes", SECRET),
]
READS = [
    ("agenda", "--from", "2026-03-02", "--json"),
    ("report", "--month", "2026-03"),
    ("company", "list"),
    ("desk", "1"),
    ("invite", "1"),
]


# -- a full disk -------------------------------------------------------------------------------


@pytest.fixture
def on_full_disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "disk") as where:
        path = _filled(where / "agenda.sqlite3")
        fill(where)
        yield path


@pytest.mark.parametrize("argv", WRITES, ids=lambda a: " ".join(a[:2]))
def test_a_write_on_a_full_disk_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    with small_disk(tmp_path / "disk") as where:
        path = _filled(where / "agenda.sqlite3")
        before = dump(path)
        ballast = fill(where)
        code, _, err = run(capsys, "--db", str(path), *argv)
        assert code == 1
        assert "is full: nothing was written" in _one_line(err)
        ballast.unlink()
        assert dump(path) == before


@pytest.mark.parametrize("argv", READS, ids=lambda a: " ".join(a[:2]))
def test_reads_work_on_a_full_disk(
    on_full_disk: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, "--db", str(on_full_disk), *argv)
    assert code == 0 and out
    # The only word about the disk: today's backup could not be taken.
    assert err == "closer-desk: warning: today's backup was not taken (the disk is full)\n"


def test_the_entry_point_on_a_full_disk(on_full_disk: Path) -> None:
    done = _cli("--db", str(on_full_disk), "company", "add", "Zed")
    assert done.returncode == 1 and b"is full" in done.stderr
    _one_line(done.stderr.decode())
    done = _cli("--db", str(on_full_disk), "company", "list", "--json")
    assert done.returncode == 0
    assert [c["name"] for c in json.loads(done.stdout)] == ["Acme", "Érable"]


def test_an_io_error_is_not_damage_and_writes_nothing(tmp_path: Path) -> None:
    # A limit on file size: SQLite's write fails with EFBIG, which it reports as
    # SQLITE_IOERR_WRITE, on a disk with room to spare.
    path = _filled(tmp_path / "agenda.sqlite3")
    durability.backup_now(path, FakeClock().now.date())
    before = dump(path)

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        # Room for the -shm (32 kB), not for the -wal of 50 kB of notes.
        resource.setrlimit(resource.RLIMIT_FSIZE, (40 * 1024, resource.RLIM_INFINITY))

    done = _cli("--db", str(path), "desk", "1", "--notes", SECRET * 1500, preexec_fn=limited)
    err = done.stderr.decode()
    assert done.returncode == 1
    assert "could not read or write" in _one_line(err) and "nothing was written" in err
    assert dump(path) == before


# -- another program's lock --------------------------------------------------------------------


@pytest.mark.parametrize("argv", WRITES, ids=lambda a: " ".join(a[:2]))
def test_a_lock_held_by_another_program_is_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: tuple[str, ...],
) -> None:
    monkeypatch.setattr(durability, "BUSY_TIMEOUT_MS", 50)
    path = _filled(tmp_path / "agenda.sqlite3")
    durability.backup_now(path, FakeClock().now.date())
    before = dump(path)
    with held_by_another_program(path):
        code, _, err = run(capsys, "--db", str(path), *argv)
    assert (code, err) == (1, "closer-desk: the agenda is busy in another program; try again\n")
    assert dump(path) == before


# -- read-only agendas -------------------------------------------------------------------------


@pytest.fixture(params=["file", "folder"])
def read_only_agenda(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "agenda"
    folder.mkdir()
    path = _filled(folder / "agenda.sqlite3")
    durability.backup_now(path, FakeClock().now.date())
    with read_only(path if request.param == "file" else folder):
        yield path


def test_a_read_only_agenda_is_read_and_refuses_writes_in_one_line(
    read_only_agenda: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    before, names = read_only_agenda.read_bytes(), listing(read_only_agenda.parent)
    for argv in READS:
        code, out, err = run(capsys, "--db", str(read_only_agenda), *argv)
        assert (code, err) == (0, "") and out
    for argv in WRITES:
        code, _, err = run(capsys, "--db", str(read_only_agenda), *argv)
        assert code == 2
        assert "is read-only: nothing was written" in _one_line(err)
    # No -wal, no -shm, no byte changed.
    assert listing(read_only_agenda.parent) == names
    assert read_only_agenda.read_bytes() == before


# -- a typo in --db ----------------------------------------------------------------------------


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> Iterator[str]:
    verbs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not verbs:
        yield " ".join(prefix)
        return
    for name, child in verbs[0].choices.items():
        yield from _commands(child, (*prefix, name))


#: Every command that needs an agenda, run as a user would, on a path that does not exist.
NEEDS_AN_AGENDA = {
    "company edit": ["company", "edit", "Acme", "--rate", "12"],
    "company list": ["company", "list"],
    "prospect edit": ["prospect", "edit", "Omar", "--need", "CRM"],
    "prospect list": ["prospect", "list", "--search", "omar"],
    "closer edit": ["closer", "edit", "Camille", "--email", "c@example.com"],
    "closer list": ["closer", "list"],
    "closer hours": ["closer", "hours", "Camille", "mon-fri 09:00-17:00"],
    "closer override": ["closer", "override", "Camille", "2026-03-10", "off"],
    "closer travel": ["closer", "travel", "Camille", "2026-04-01", "2026-04-07", "--tz", "UTC"],
    "closer rules": ["closer", "rules", "Camille", "--buffer-before", "10"],
    "closer show": ["closer", "show", "Camille"],
    "book": ["book", "--company", "Acme", "--prospect", "Omar", "--start", "2026-03-10 10:00"],
    "move": ["move", "1", "--start", "2026-03-10 11:00"],
    "cancel": ["cancel", "1"],
    "outcome": ["outcome", "1", "no-show"],
    "agenda": ["agenda", "--json"],
    "slots": ["slots", "--prospect", "Omar"],
    "report": ["report", "--month", "2026-03"],
    "rebook": ["rebook", "1", "--start", "2026-03-17 10:00"],
    "pipeline": ["pipeline"],
    "desk": ["desk", "1"],
    "invite": ["invite", "1"],
    "export": ["export", "-o", "{out}/calls.ics"],
    "import": ["import", "{out}/work.ics", "--busy"],
    "backup now": ["backup", "now"],
    "mail setup": [
        *("mail", "setup", "--closer", "Camille", "--from", "c@example.com"),
        *("--smtp", "127.0.0.1:2525", "--security", "none"),
    ],
    "mail test": ["mail", "test", "--closer", "Camille", "--to", "o@example.com"],
    "mail list": ["mail", "list"],
    "mail reminder": ["mail", "reminder", "--company", "Acme", "--hours", "24"],
    "outbox send": ["outbox", "send"],
    "outbox retry": ["outbox", "retry", "1"],
    "outbox show": ["outbox", "show", "1"],
    "replies": ["replies", "{out}/reply.ics"],
    "counter": ["counter", "1", "accept"],
    "sync setup": ["sync", "setup", "--closer", "Camille", "--url", "http://127.0.0.1:9/cal/"],
    "sync status": ["sync", "status"],
    "sync resolve": ["sync", "resolve", "1", "--keep", "mine"],
    "busy list": ["busy", "list"],
    "busy sources": ["busy", "sources"],
    "busy remove": ["busy", "remove", "1"],
    "subscribe": ["subscribe", "http://127.0.0.1:9/cal.ics", "--closer", "Camille"],
}
#: Commands that never open the agenda (or only read its backups folder).
NEED_NO_AGENDA = {
    "convert": (["convert", "2026-03-29 02:30", "--from", "Europe/Paris", "--to", "UTC"], 2),
    "zones": (["zones", "--city", "Montréal"], 0),
    "backup list": (["backup", "list"], 0),
    "backup restore": (["backup", "restore", "agenda-2026-03-01.sqlite3"], 2),
}
CREATING = {
    "demo": ["demo"],
    "company add": ["company", "add", "Acme"],
    "prospect add": ["prospect", "add", "Omar", "--tz", "Asia/Dubai"],
    "closer add": ["closer", "add", "Camille", "--tz", "Europe/Paris"],
}


def test_every_command_is_decided() -> None:
    every = set(_commands(build_parser()))
    decided = set(NEEDS_AN_AGENDA) | set(NEED_NO_AGENDA) | set(CREATING)
    # A new command must say here whether a typo in --db may create an agenda.
    assert every == decided
    assert set(CREATING) == CREATING_COMMANDS


@pytest.fixture
def typo(tmp_path: Path) -> Path:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "work.ics").write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nEND:VCALENDAR\r\n"
    )
    return tmp_path / "typo" / "sub" / "agenda.sqlite3"


@pytest.mark.parametrize("command", sorted(NEEDS_AN_AGENDA))
def test_a_command_on_a_missing_agenda_creates_nothing(
    typo: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    out_dir = typo.parents[2] / "out"
    argv = [a.replace("{out}", str(out_dir)) for a in NEEDS_AN_AGENDA[command]]
    before = listing(typo.parents[2])
    code, out, err = run(capsys, "--db", str(typo), *argv)
    assert (code, out) == (2, "")
    assert f"db '{typo}': there is no agenda there" in _one_line(err)
    assert listing(typo.parents[2]) == before


@pytest.mark.parametrize("command", sorted(NEED_NO_AGENDA))
def test_a_command_that_needs_no_agenda_creates_none(
    typo: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    argv, expected = NEED_NO_AGENDA[command]
    before = listing(typo.parents[2])
    code, _, _ = run(capsys, "--db", str(typo), *argv)
    assert code == expected
    assert listing(typo.parents[2]) == before


@pytest.mark.parametrize("command", sorted(CREATING))
def test_a_command_that_adds_starts_a_new_agenda(
    typo: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code, _, err = run(capsys, "--db", str(typo), *CREATING[command])
    assert (code, err) == (0, "")
    assert typo.is_file()


# -- bytes that are not text -------------------------------------------------------------------


def test_an_argument_that_is_not_utf8_is_bad_input_from_the_entry_point(tmp_path: Path) -> None:
    path = _filled(tmp_path / "agenda.sqlite3")
    before = dump(path)
    for argv in (
        [b"closer", b"add", b"Cam\xff", b"--tz", b"Europe/Paris"],
        [b"desk", b"1", b"--notes", b"caf\xe9"],
    ):
        done = _cli("--db", str(path), *argv)  # type: ignore[arg-type]
        assert done.returncode == 2, done.stderr
        assert b"not valid UTF-8 text" in done.stderr and b"Traceback" not in done.stderr
        assert done.stderr.count(b"\n") == 1
    assert dump(path) == before


@pytest.mark.parametrize(
    "argv",
    [
        ("closer", "add", "Cam\udcff", "--tz", "Europe/Paris"),
        ("prospect", "list", "--search", "\udce9"),
        ("book", "--company", "Acme\udcff", "--prospect", "Omar", "--start", "2026-03-04 10:00"),
        ("agenda", "--tz", "Europe/Par\udcees"),
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_a_surrogate_escape_is_bad_input_in_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    path = _filled(tmp_path / "agenda.sqlite3")
    before = dump(path)
    code, out, err = run(capsys, "--db", str(path), *argv)
    assert (code, out) == (2, "")
    assert "not valid UTF-8 text" in err and err.count("\n") == 1
    assert dump(path) == before


def test_a_file_name_that_is_not_utf8_is_a_file_name(tmp_path: Path) -> None:
    agenda = os.fsencode(tmp_path) + b"/caf\xe9/agenda \xff.sqlite3"
    # Strict UTF-8 on stdout, as in a desktop's en_US.UTF-8 (C locales escape by themselves).
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = _cli(b"--db", agenda, b"closer", b"add", b"Sam", b"--tz", b"UTC", env=env)  # type: ignore[arg-type]
    assert done.returncode == 0, done.stderr
    assert Path(os.fsdecode(agenda)).is_file()
    done = _cli(b"--db", agenda, b"closer", b"list", b"--json", env=env)  # type: ignore[arg-type]
    assert done.returncode == 0 and [c["name"] for c in json.loads(done.stdout)] == ["Sam"]
    done = _cli(b"--db", agenda, b"backup", b"now", env=env)  # type: ignore[arg-type]
    # The name it printed, escaped rather than a crash after the work was done.
    assert done.returncode == 0 and b"agenda \\udcff-" in done.stdout


# -- a newer agenda ----------------------------------------------------------------------------


def test_a_newer_agenda_with_a_pending_log_is_left_byte_identical_by_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.store.test_storage_errors import _newer_with_a_pending_log

    path = tmp_path / "agenda.sqlite3"
    agenda_bytes, log_bytes = _newer_with_a_pending_log(path)
    code, _, err = run(capsys, "--db", str(path), "agenda")
    assert code == 1 and "newer closer_desk" in err and "it was not changed" in err
    assert path.read_bytes() == agenda_bytes
    assert Path(f"{path}-wal").read_bytes() == log_bytes


@pytest.mark.parametrize("argv", [("agenda",), ("company", "add", "Zed")])
def test_a_folder_is_not_an_agenda(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path), *argv)
    assert code == 2 and "is a folder, not a file" in _one_line(err)
    assert listing(tmp_path) == []
