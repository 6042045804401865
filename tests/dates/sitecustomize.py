"""Loaded only by ``make test-dates`` (PYTHONPATH=tests/dates), in every Python process of
the run, children included.

libfaketime 0.9.10 (Debian 12) fakes the wall clock well, but with the monotonic clock left
real (FAKETIME_DONT_FAKE_MONOTONIC=1, needed because lock and condition timeouts wait on the
real monotonic clock) its clock_nanosleep wrapper answers EINVAL to CPython's absolute
monotonic sleep. Sleeping on select() instead keeps durations real; dates stay faked.
"""

from __future__ import annotations

import select
import time

_real_sleep = time.sleep


def _sleep(seconds: float) -> None:
    try:
        _real_sleep(seconds)
    except OSError:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            select.select([], [], [], left)


time.sleep = _sleep
