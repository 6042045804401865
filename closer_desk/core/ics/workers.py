"""Worker processes for the import: parsing on every core, and a hard time limit.

A hostile recurrence rule can keep ``dateutil`` busy for minutes inside one call that no
cooperative check can interrupt; a worker process can be killed. The pool is kept between
imports (starting workers costs more than parsing a small file) and rebuilt after a kill.
Workers come from the ``forkserver`` (a clean single-threaded server, safe while the window's
import runs on a QThread), or ``spawn`` where there is no forkserver.
"""

from __future__ import annotations

import atexit
import multiprocessing
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.pool import Pool
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_lock = threading.Lock()
_pool: Pool | None = None
_size = 0


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    mp = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if mp.get_start_method() == "forkserver":
        # Workers fork from a server that already imported the parser: no per-worker import.
        mp.set_forkserver_preload(["closer_desk.core.ics.importing"])
    return mp


def _get_pool(size: int) -> Pool:
    global _pool, _size
    with _lock:
        if _pool is None or _size != size:
            if _pool is not None:
                _pool.terminate()
                _pool.join()
            _pool = _context().Pool(size)
            _size = size
        return _pool


def shutdown() -> None:
    """Stop the worker processes (at exit, or after a kill)."""
    global _pool
    with _lock:
        if _pool is not None:
            _pool.terminate()
            _pool.join()
            _pool = None


atexit.register(shutdown)


class Deadline(Exception):
    """The time limit passed while workers were busy (they have been killed)."""


class Cancelled(Exception):
    """The caller's cancel flag was raised while workers were busy (they have been killed)."""


def run(
    fn: Callable[[T], R],
    tasks: Sequence[T],
    *,
    size: int,
    deadline: float,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[R]:
    """Yield ``fn(task)`` for each task, in completion order, from ``size`` processes.

    Raises ``Deadline`` once ``time.monotonic()`` passes ``deadline`` and ``Cancelled`` when
    ``cancelled()`` turns true; either way the workers are killed first.
    """
    if not tasks:
        return
    pool = _get_pool(size)
    pending = pool.imap_unordered(fn, tasks)
    clean = False
    try:
        for _ in tasks:
            while True:
                if cancelled is not None and cancelled():
                    raise Cancelled()
                if time.monotonic() > deadline:
                    raise Deadline()
                try:
                    result = pending.next(timeout=0.05)
                except multiprocessing.TimeoutError:
                    continue
                break
            yield result
        clean = True
    finally:
        if not clean:
            # Busy workers cannot be told to stop: kill them; the next import starts fresh ones.
            shutdown()
