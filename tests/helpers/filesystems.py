"""Real files that refuse writes: a small tmpfs filled to the last byte, a read-only file or
folder, an agenda whose lock another program holds. No mock: SQLite must meet the real ENOSPC,
EROFS or SQLITE_BUSY.

A tmpfs and a read-only bind mount need ``mount`` as root (CI runs as root on Debian); a test
that needs one is skipped, with the reason, where the machine does not allow it. As another
user, a read-only file or folder is a plain ``chmod`` (root ignores permission bits, so a
mount is the only way to refuse root a write).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

_IS_ROOT = getattr(os, "geteuid", lambda: -1)() == 0


def _mount(*args: str) -> None:
    tool = shutil.which("mount")
    if not _IS_ROOT or tool is None:
        pytest.skip("a real full or read-only filesystem needs `mount` as root")
    done = subprocess.run([tool, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"mount is not permitted here: {done.stderr.strip()}")


def _umount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


@contextlib.contextmanager
def small_disk(where: Path, size_kib: int = 4096) -> Iterator[Path]:
    """A tmpfs of ``size_kib`` mounted at ``where`` (created), unmounted afterwards."""
    where.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs", str(where))
    try:
        yield where
    finally:
        _umount(where)


def fill(disk: Path) -> Path:
    """Write a ballast file until the disk has not one byte left; returns it (unlink to free)."""
    ballast = disk / "ballast"
    with ballast.open("wb", buffering=0) as handle:
        for size in (1 << 16, 1 << 12, 1 << 9, 1):
            chunk = b"\0" * size
            try:
                while True:
                    handle.write(chunk)
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise
    assert shutil.disk_usage(disk).free == 0
    return ballast


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[Path]:
    """``path`` (a file or a folder) refuses every write while inside, even to root."""
    if not _IS_ROOT:
        mode = stat.S_IMODE(path.stat().st_mode)
        os.chmod(path, mode & ~0o222)
        try:
            yield path
        finally:
            os.chmod(path, mode)
        return
    _mount("--bind", str(path), str(path))
    try:
        _mount("-o", "remount,bind,ro", str(path))
        yield path
    finally:
        _umount(path)


@contextlib.contextmanager
def held_by_another_program(path: Path, *, exclusive: bool = False) -> Iterator[None]:
    """A second connection holds ``path``'s write lock (``BEGIN IMMEDIATE``: readers go on)
    or, ``exclusive``, the whole file, until the block ends."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        if exclusive:
            other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE" if exclusive else "BEGIN IMMEDIATE")
        yield
        other.execute("ROLLBACK")
    finally:
        other.close()


def listing(folder: Path) -> list[str]:
    """The names in ``folder`` and below (what a command may have left behind)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
