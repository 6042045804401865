"""Fixtures for the desk's rooms (in their own folder, so they never clash with another
room's conftest): a task manager drained after each test, and a demo agenda."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from closer_desk.core import demo
from closer_desk.store import Agenda, open_agenda
from closer_desk.store.demo import load_demo
from closer_desk.ui.common.tasks import TaskManager
from tests.helpers.factories import FakeClock


@pytest.fixture
def tasks(qtbot) -> Iterator[TaskManager]:
    """The worker every room uses; waited for so no job outlives the test."""
    manager = TaskManager()
    yield manager
    manager.wait()
    qtbot.waitUntil(lambda: not manager.is_busy())


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Demo data around Monday 2 March 2026, written once per module."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    with open_agenda(path, clock=FakeClock()) as agenda:
        load_demo(agenda, demo.build(date(2026, 3, 2)))
    return path


@pytest.fixture
def demo_agenda(demo_file: Path, tmp_path: Path) -> Iterator[Agenda]:
    """A private copy of the demo agenda (tests may write to it)."""
    copy = tmp_path / "demo.sqlite3"
    with open_agenda(demo_file, clock=FakeClock()) as source, source.engine.connect() as conn:
        conn.exec_driver_sql(f"VACUUM INTO '{copy}'")
    with open_agenda(copy, clock=FakeClock()) as agenda:
        yield agenda
