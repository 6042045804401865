"""Keeping the agenda file whole: integrity checks, daily backups, restore.

A closer's agenda is their income, so the file is checked when it is opened after a crash,
copied once a day with SQLite's online backup API (a consistent snapshot even while another
process writes), and can be put back from any of the last 14 copies. Backups live in a
``backups/`` directory beside the agenda, owner-only like the agenda itself.

Why not a full ``PRAGMA integrity_check`` at every open: on a 100k-appointment agenda (31 MB)
it costs ~0.35 s and ``quick_check`` ~0.10 s, measured on the 2-core reference machine, against
a cold-start budget of 2.5x a bare window's ~0.24 s. So:

- at open, ``quick_check`` runs only when the previous session did not close the file cleanly
  (a ``-wal`` file is left behind: a crash, a kill, or another process using it), which is
  when damage is likely; a cleanly closed file was whole when it was closed;
- the daily backup runs the full ``integrity_check`` on the fresh copy, which reads every page
  of the agenda as it was copied, so slow damage (a bad disk) is found within a day, and a
  damaged copy never replaces a good backup.

Only SQLite finding damage (SQLITE_CORRUPT, SQLITE_NOTADB) is called damage. A full disk, an
I/O error, a read-only file or another program's lock is an ``AgendaStorageError``: the file
is whole and the failed change was rolled back, so restoring a backup would only lose work.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

from closer_desk.core.errors import (
    AgendaCorruptError,
    AgendaStorageError,
    CloserDeskError,
    StorageProblem,
)
from closer_desk.store.fileinfo import default_db_path

#: How many daily backups are kept (the oldest beyond that are deleted).
KEEP_BACKUPS = 14
BACKUP_DIR = "backups"
_PRIVATE_DIR = 0o700
_PRIVATE_FILE = 0o600
#: How long a write (or a backup's read) waits for another program's lock before it gives up
#: (SQLITE_BUSY: "the agenda is busy in another program"). Tests shorten it.
BUSY_TIMEOUT_MS = 10_000
#: Below this much free space, an I/O error is the disk being full: SQLite reports a -shm it
#: cannot grow (it needs 32 kB at a time) as SQLITE_IOERR_SHMSIZE, not SQLITE_FULL.
_NEARLY_FULL = 1 << 20
_DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_READ_ONLY_CODES = frozenset({sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM})
_BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
_OS_PROBLEMS = {
    errno.ENOSPC: StorageProblem.FULL,
    errno.EDQUOT: StorageProblem.FULL,
    errno.EFBIG: StorageProblem.IO,  # a file-size limit, not the disk
    errno.EROFS: StorageProblem.READ_ONLY,
    errno.EACCES: StorageProblem.READ_ONLY,
    errno.EPERM: StorageProblem.READ_ONLY,
    errno.EIO: StorageProblem.IO,
}


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file of an agenda.

    Attributes:
        path: the backup file.
        day: the day it was taken (local date of the machine).
        label: ``""`` for a daily backup, ``"before-0003"`` for one taken before an upgrade.
        size: its size in bytes.
    """

    path: Path
    day: date
    label: str
    size: int


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """Files created inside (SQLite's -wal/-shm, backups) are owner-only whatever the umask.

    SQLite gives -wal/-shm the mode of the database file already; the umask is belt and braces
    for platforms and versions that do not.
    """
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def make_private_dirs(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents owner-only (0700) whatever the umask; returns
    the folders it created, outermost first.

    ``Path.mkdir(parents=True)`` gives the parents it creates the umask's mode (0777 under
    umask 000); folders that already exist are left as they are.
    """
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            break
        missing.append(candidate)
    made = []
    for each in reversed(missing):
        try:
            each.mkdir(mode=_PRIVATE_DIR)
        except FileExistsError:
            continue
        os.chmod(each, _PRIVATE_DIR)
        made.append(each)
    return made


def owner_only(path: Path) -> None:
    """Take group and other permissions off an agenda file of ours (and its -wal/-shm).

    SQLite gives -wal and -shm the mode of the database file, so an agenda once made 0644
    would keep publishing its log; files of another user, or that we cannot write, are left
    alone.
    """
    for each in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            info = each.stat()
        except OSError:
            continue
        if info.st_mode & 0o077 and info.st_uid == getattr(os, "geteuid", lambda: -1)():
            with contextlib.suppress(OSError):
                os.chmod(each, info.st_mode & 0o700)


def writable(path: Path) -> bool:
    """Whether the agenda at ``path`` can be written: the file, and its folder (SQLite
    creates the -wal and -shm beside it)."""
    folder = Path(path).parent
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)


def has_log(path: Path) -> bool:
    """Whether a -wal holds changes not yet copied into the file itself."""
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def sqlite_uri(path: Path | str, *, read_only: bool = False) -> str:
    """The ``file:`` URI SQLite opens ``path`` with; never creates the file.

    Read-only: ``mode=ro``, and ``immutable=1`` when there is no log to read, so that SQLite
    creates no -wal or -shm beside a file it may not change. ``?``, ``#``, ``%`` and bytes
    that are not UTF-8 in the name are escaped.
    """
    location = quote(os.fsencode(Path(path).as_posix()), safe="/:")
    if not read_only:
        return f"file:{location}?mode=rw"
    return f"file:{location}?mode=ro" + ("" if has_log(Path(path)) else "&immutable=1")


def backup_dir(agenda_path: Path) -> Path:
    """The directory holding ``agenda_path``'s backups (``backups/`` beside it)."""
    return Path(agenda_path).parent / BACKUP_DIR


def _pattern(agenda_path: Path) -> re.Pattern[str]:
    stem = re.escape(Path(agenda_path).stem)
    return re.compile(rf"^{stem}-(\d{{4}}-\d{{2}}-\d{{2}})(?:-([a-z0-9_-]+))?\.sqlite3$")


def backup_path(agenda_path: Path, day: date, label: str = "") -> Path:
    """Where the backup of ``agenda_path`` taken on ``day`` goes."""
    suffix = f"-{label}" if label else ""
    return backup_dir(agenda_path) / f"{Path(agenda_path).stem}-{day.isoformat()}{suffix}.sqlite3"


def list_backups(agenda_path: Path) -> list[Backup]:
    """The backups of ``agenda_path``, newest first."""
    folder = backup_dir(agenda_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(agenda_path)
    found = []
    for entry in folder.iterdir():
        if match := pattern.match(entry.name):
            try:
                day = date.fromisoformat(match.group(1))
                size = entry.stat().st_size
            except (ValueError, OSError):
                continue
            found.append(Backup(entry, day, match.group(2) or "", size))
    # Same day: the daily copy is newer than the one taken before that day's upgrade.
    found.sort(key=lambda b: (b.day, b.label == "", b.path.stat().st_mtime_ns), reverse=True)
    return found


def open_reader(
    path: Path | str,
    *,
    check_same_thread: bool = True,
    index_in_memory: bool = False,
    wait: bool = True,
) -> sqlite3.Connection:
    """A connection that reads ``path`` and can never write to it (nor create it).

    Not ``mode=ro`` when the file can be written: a read-only connection cannot run WAL
    recovery after a crash, and with no ``-shm`` file it keeps a private index that never sees
    other processes' commits. A read-write connection with ``query_only`` does both and still
    refuses every write. A file that cannot be written is opened read-only (``sqlite_uri``).
    ``index_in_memory`` keeps the WAL index out of the -shm file, for a disk with no room for
    it (at the price of an exclusive lock while the connection is open). Without ``wait``, a
    file another connection holds exclusively raises at once instead of after the busy timeout
    (a poll on the GUI thread must never block).
    """
    uri = sqlite_uri(path, read_only=not writable(Path(path)))
    timeout = BUSY_TIMEOUT_MS / 1000 if wait else 0
    conn = sqlite3.connect(uri, uri=True, check_same_thread=check_same_thread, timeout=timeout)
    if index_in_memory:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("PRAGMA query_only = ON")
    return conn


def peek_revision(path: Path) -> tuple[str | None, bool] | None:
    """The schema revision stamped in the agenda at ``path`` and whether it holds any table,
    read without changing a byte of the file or of its -wal.

    Run before anything else at open: a file from a newer closer_desk is refused as it is
    (a read-write connection checkpoints a pending -wal into the file when it closes). None
    when SQLite cannot read it: the normal open then says why.
    """
    try:
        conn = sqlite3.connect(sqlite_uri(path, read_only=True), uri=True)
    except sqlite3.Error:
        return None
    try:
        tables = {
            str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if "alembic_version" not in tables:
            return None, bool(tables)
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return (str(row[0]) if row else None), True
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def check(path: Path, *, full: bool = False) -> list[str]:
    """Problems SQLite finds in the file at ``path`` (empty when it is whole).

    ``full`` runs ``integrity_check`` (every page and index), otherwise ``quick_check``
    (pages and records, not index contents: about 3x faster). A file that is not a database
    at all is reported as one problem. A file that cannot be read at all (a full disk, an I/O
    error, a lock) raises ``AgendaStorageError``: that says nothing about its pages.
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        return _check(path, pragma, index_in_memory=False)
    except AgendaStorageError as error:
        if error.problem is not StorageProblem.FULL:
            raise
        return _check(path, pragma, index_in_memory=True)


def _check(path: Path, pragma: str, *, index_in_memory: bool) -> list[str]:
    try:
        conn = open_reader(path, index_in_memory=index_in_memory)
    except sqlite3.Error as error:
        _raise_unless_damage(path, error)
        return [str(error)]
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.Error as error:
        _raise_unless_damage(path, error)
        return [str(error)]
    finally:
        conn.close()
    problems = [str(r[0]) for r in rows]
    return [] if problems == ["ok"] else problems


def holds_an_agenda(path: Path) -> bool:
    """Whether the SQLite file at ``path`` was written by closer_desk (it has the schema's
    version table): restoring any other database in place of the agenda would lose it."""
    try:
        conn = open_reader(path)
    except sqlite3.Error:
        return False
    try:
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()
    return found is not None


def newest_good_backup(agenda_path: Path) -> Path | None:
    """The newest backup that passes ``quick_check`` (each was fully checked when taken)."""
    for backup in list_backups(agenda_path):
        try:
            if not check(backup.path):
                return backup.path
        except AgendaStorageError:
            continue  # unreadable now: not one to advise
    return None


def corrupt_error(agenda_path: Path, problems: list[str]) -> AgendaCorruptError:
    """The error to raise for a damaged agenda, naming the backup to restore."""
    return AgendaCorruptError(
        str(agenda_path), problems[0] if problems else "", _str(newest_good_backup(agenda_path))
    )


def _str(path: Path | None) -> str | None:
    return None if path is None else str(path)


def agenda_error(agenda_path: Path | str | None, error: BaseException) -> CloserDeskError | None:
    """What a SQLite or system ``error`` on the agenda means for its user, or None when it is
    neither damage nor storage (a bug, to be shown as one).

    SQLITE_CORRUPT and SQLITE_NOTADB are damage: ``AgendaCorruptError`` with the newest good
    backup. A full disk, an I/O error, a read-only file and a lock held past the busy timeout
    are ``AgendaStorageError``: the file is whole, the failed change rolled back. A constraint
    (an IntegrityError is a DatabaseError too) is neither. ``error`` may be wrapped (by
    SQLAlchemy, or as the cause of another exception).
    """
    path = Path(agenda_path) if agenda_path is not None else default_db_path()
    cause = _sqlite_cause(error)
    if cause is not None:
        code = getattr(cause, "sqlite_errorcode", None)
        if code is None:
            # Without a code only a bare DatabaseError ("file is not a database") is damage.
            damaged = type(cause) is sqlite3.DatabaseError
            return corrupt_error(path, [str(cause)]) if damaged else None
        return _problem_of_code(path, code & 0xFF, str(cause))
    if isinstance(error, OSError) and (problem := _OS_PROBLEMS.get(error.errno or 0)):
        return AgendaStorageError(str(path), problem, error.strerror or str(error))
    return None


def _sqlite_cause(error: BaseException) -> sqlite3.Error | None:
    cause: BaseException | None = error
    seen = 0
    while cause is not None and not isinstance(cause, sqlite3.Error) and seen < 8:
        cause = getattr(cause, "orig", None) or cause.__cause__
        seen += 1
    return cause if isinstance(cause, sqlite3.Error) else None


def _problem_of_code(path: Path, code: int, detail: str) -> CloserDeskError | None:
    if code in _DAMAGE_CODES:
        return corrupt_error(path, [detail])
    problem = None
    if code == sqlite3.SQLITE_FULL:
        problem = StorageProblem.FULL
    elif code in _READ_ONLY_CODES:
        problem = StorageProblem.READ_ONLY
    elif code in _BUSY_CODES:
        problem = StorageProblem.BUSY
    elif code in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN):
        if disk_full(path):
            problem = StorageProblem.FULL
        elif code == sqlite3.SQLITE_CANTOPEN and path.exists() and not writable(path):
            problem = StorageProblem.READ_ONLY  # no -wal can be made in its folder
        else:
            problem = StorageProblem.IO
    return None if problem is None else AgendaStorageError(str(path), problem, detail)


def _raise_unless_damage(path: Path | str, error: sqlite3.Error) -> None:
    found = agenda_error(path, error)
    if isinstance(found, AgendaStorageError):
        raise found from error


def disk_full(path: Path) -> bool:
    """Whether the disk holding ``path`` has (next to) no space left."""
    try:
        return shutil.disk_usage(Path(path).parent).free < _NEARLY_FULL
    except OSError:
        return False


def needs_check_at_open(agenda_path: Path) -> bool:
    """True when the last session left a ``-wal`` file (it may not have closed cleanly)."""
    return Path(f"{agenda_path}-wal").exists()


def verify_at_open(agenda_path: Path, *, full: bool = False) -> None:
    """Raise ``AgendaCorruptError`` (with the newest good backup) if the file is damaged."""
    if problems := check(agenda_path, full=full):
        raise corrupt_error(agenda_path, problems)


def _private_dir(folder: Path) -> None:
    make_private_dirs(folder)
    os.chmod(folder, _PRIVATE_DIR)


def _copy_with_backup_api(source: Path, target: Path) -> None:
    """Copy ``source`` into the new owner-only file ``target`` through SQLite's backup API."""
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, _PRIVATE_FILE)
    os.close(fd)
    src = open_reader(source)
    try:
        with private_umask():
            dst = sqlite3.connect(target)
            try:
                src.backup(dst, progress=_give_up_when_locked(source), sleep=_BACKUP_SLEEP_S)
                # A backup is a single file: no -wal beside it, so it can be copied or mailed.
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
    finally:
        src.close()


_BACKUP_SLEEP_S = 0.05


def _give_up_when_locked(source: Path) -> Callable[[int, int, int], None]:
    """A backup ``progress`` callback that stops after ``BUSY_TIMEOUT_MS`` of locked steps:
    sqlite3's backup loop would otherwise wait forever on a file another program holds
    exclusively."""
    waited_ms = 0.0

    def progress(status: int, _remaining: int, _total: int) -> None:
        nonlocal waited_ms
        if status not in _BUSY_CODES:
            waited_ms = 0.0
            return
        waited_ms += _BACKUP_SLEEP_S * 1000
        if waited_ms >= BUSY_TIMEOUT_MS:
            raise AgendaStorageError(str(source), StorageProblem.BUSY, "database is locked")

    return progress


def backup_now(agenda_path: Path, day: date, *, label: str = "", keep: int = KEEP_BACKUPS) -> Path:
    """Copy the agenda into today's backup (replacing one taken earlier the same day).

    The copy is fully checked before it replaces anything; a damaged agenda raises
    ``AgendaCorruptError`` and leaves every existing backup in place, and a copy that cannot
    be written (a full disk, a read-only folder) raises ``AgendaStorageError``, leaving no part
    of itself behind. Older backups beyond ``keep`` are deleted. Returns the backup's path.
    """
    agenda_path = Path(agenda_path)
    folder = backup_dir(agenda_path)
    final = backup_path(agenda_path, day, label)
    partial = final.with_name(f".{final.name}.{os.getpid()}.partial")
    try:
        _private_dir(folder)
        partial.unlink(missing_ok=True)
        _copy_with_backup_api(agenda_path, partial)
        if problems := check(partial, full=True):
            raise corrupt_error(agenda_path, problems)
        os.replace(partial, final)
    except (sqlite3.Error, OSError) as error:
        raise (agenda_error(agenda_path, error) or error) from error
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    prune(agenda_path, keep)
    return final


def prune(agenda_path: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete the backups beyond the ``keep`` newest; returns what was deleted."""
    removed = []
    for old in list_backups(agenda_path)[keep:]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def daily_backup(agenda_path: Path, today: date) -> Path | None:
    """Take today's backup unless one exists; returns the new backup or None."""
    if any(b.day == today and not b.label for b in list_backups(agenda_path)):
        return None
    return backup_now(agenda_path, today)


def restore_from_backup(agenda_path: Path, backup: Path, *, now: datetime | None = None) -> Path:
    """Put ``backup`` in place of the agenda; the replaced file is kept aside, never deleted.

    The agenda's ``-wal`` and ``-shm`` go aside with it (SQLite would otherwise replay the old
    log onto the restored file). No process may have the agenda open meanwhile. Returns the
    path where the replaced agenda was kept (or the agenda path when there was none).
    """
    agenda_path, backup = Path(agenda_path), Path(backup)
    if problems := check(backup, full=True):
        raise AgendaCorruptError(str(backup), problems[0], None)
    stamp = (now or datetime.now()).strftime("%Y%m%dT%H%M%S")
    aside = agenda_path.with_name(f"{agenda_path.name}.broken-{stamp}")
    incoming = agenda_path.with_name(f".{agenda_path.name}.restoring")
    kept = agenda_path
    try:
        incoming.unlink(missing_ok=True)
        _copy_with_backup_api(backup, incoming)
        with incoming.open("rb+") as handle:
            os.fsync(handle.fileno())
        if agenda_path.exists():
            os.replace(agenda_path, aside)
            kept = aside
    except (sqlite3.Error, OSError) as error:
        # Nothing was replaced: the copy in the making goes, the agenda stays as it was.
        with contextlib.suppress(OSError):
            incoming.unlink(missing_ok=True)
        raise (agenda_error(agenda_path, error) or error) from error
    for suffix in ("-wal", "-shm"):
        side = Path(f"{agenda_path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{aside}{suffix}"))
    os.replace(incoming, agenda_path)
    owner_only(kept)
    return kept
