"""A big file read whole in a worker process (``isolate_from``, the window's choice) gives what
this process gives, refuses with the same line, and is killed on Cancel."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from closer_desk.core.ics.importing import IcsRejected, ImportCancelled, read_calendar_file
from tests.helpers import hostile
from tests.helpers.ics import ICS_DIR, options


def test_a_file_read_in_a_worker_process_is_read_the_same(tmp_path: Path) -> None:
    path = tmp_path / "far.ics"
    path.write_bytes(hostile.far_years())
    here = read_calendar_file(path, options())
    there = read_calendar_file(path, replace(options(), isolate_from=0))
    assert there == here and there.skipped


def test_a_refusal_comes_back_from_the_worker_with_its_line() -> None:
    with pytest.raises(IcsRejected) as refused:
        read_calendar_file(ICS_DIR / "broken_structure.ics", replace(options(), isolate_from=0))
    assert (refused.value.line, refused.value.code) == (9, "unbalanced")


def test_cancel_kills_the_worker_process(tmp_path: Path) -> None:
    path = tmp_path / "zone.ics"
    path.write_bytes(hostile.many_transitions(20_000))
    with pytest.raises(ImportCancelled):
        read_calendar_file(path, replace(options(), isolate_from=0), cancelled=lambda: True)
