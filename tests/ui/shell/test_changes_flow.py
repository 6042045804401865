"""What one write makes the window read again, counted at the door: a drag of one call reads
the agenda's page and that call's desk, and nothing of the planner, reports or pipeline;
a refused move puts the block back without reading anything; the window's own commits do not
come back from the file watcher as outside changes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QObject, QPoint, Qt

from closer_desk.core.model import Changes
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.shell.external_changes import ExternalChangeWatcher
from closer_desk.ui.shell.mainwindow import MainWindow
from closer_desk.ui.shell.rooms_wiring import RoomsWiring
from tests.helpers.factories import at
from tests.ui.conftest import settle

T = TypeVar("T")


class CountingSource(AgendaSource):
    """The door, counting the reads each kind of room asks for, and the agenda's pages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reads: Counter[str] = Counter()
        self.announced: list[Changes] = []
        self.changed.connect(self.announced.append)

    def query(
        self,
        owner: QObject | None,
        op: Callable[[Any], T],
        success: Callable[[T], object],
        failure: Callable[[BaseException], object] | None = None,
    ) -> None:
        self.reads[type(owner).__name__ if owner is not None else "door"] += 1
        super().query(owner, op, success, failure)

    def _fetch(self, key: Any, then: Any) -> None:
        # A page someone waits for; the neighbours' pages read ahead when the window is idle
        # (after a delay, so in a slow run only) are counted apart.
        self.reads["agenda page" if then is not None else "agenda page ahead"] += 1
        super()._fetch(key, then)

    def forget(self) -> None:
        self.reads.clear()
        self.announced.clear()


@pytest.fixture
def counting(agenda: Any, tasks: Any) -> CountingSource:
    return CountingSource(agenda, tasks)


@pytest.fixture
def window(
    qtbot: Any, counting: CountingSource, clock: Any, settings: Any, prompts: Any, booked: Any
) -> MainWindow:
    win = MainWindow(counting, clock, settings, prompts=prompts)
    qtbot.addWidget(win)
    RoomsWiring(win, counting, clock)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, counting.tasks)
    # Every room has been opened once (and has read what it shows), then the agenda again
    # with a call selected: its desk is under the details.
    for room in ("planner", "reports", "pipeline", "companies", "agenda"):
        win.show_room(room)
        settle(qtbot, counting.tasks)
    win.agenda.select(booked[0].id)
    settle(qtbot, counting.tasks)
    return win


def _drag_one_hour_later(qtbot: Any, window: MainWindow, call_id: int) -> None:
    grid = window.agenda.grid
    block = grid.block_of(call_id)
    assert block is not None
    grid.scroll_to_minutes(8 * 60)
    start = grid.block_rect(block).center().toPoint()
    below = QPoint(start.x(), start.y() + grid.hour_height)
    qtbot.mousePress(grid.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid.viewport(), QPoint(start.x(), start.y() + 30))
    qtbot.mouseMove(grid.viewport(), below)
    qtbot.mouseRelease(grid.viewport(), Qt.MouseButton.LeftButton, pos=below)


def test_a_drag_reads_the_agenda_and_that_calls_desk_only(
    qtbot: Any, window: MainWindow, counting: CountingSource, agenda: Any, booked: Any
) -> None:
    wiring = window.findChild(RoomsWiring)
    assert wiring is not None and wiring.desk is not None
    assert wiring.desk.appointment_id() == booked[0].id
    counting.forget()
    with qtbot.waitSignals([window.agenda.loaded, wiring.desk.loaded], timeout=10_000):
        _drag_one_hour_later(qtbot, window, booked[0].id)
    settle(qtbot, counting.tasks)

    assert agenda.appointment(booked[0].id).start == at("2026-03-03 11:00", "Europe/Paris")
    call = agenda.appointment(booked[0].id)
    # The write said what it changed: that call, its closer's agenda, its prospect.
    assert counting.announced == [
        Changes(
            appointments=frozenset({call.id}),
            call_closers=frozenset({call.closer_id}),
            call_prospects=frozenset({call.prospect_id}),
        )
    ]
    # What was read again: the week in view (the move itself is a write) and the desk.
    assert counting.reads["agenda page"] == 1
    assert counting.reads["CallDeskWidget"] == 1
    for room in ("Planner", "ReportsRoom", "PipelineRoom", "CompaniesRoom", "door"):
        assert counting.reads[room] == 0, (room, counting.reads)
    assert window.agenda.grid.block_of(call.id).start == 11 * 60


def test_the_rooms_read_what_the_drag_changed_once_shown(
    qtbot: Any, window: MainWindow, counting: CountingSource, booked: Any
) -> None:
    counting.forget()
    with qtbot.waitSignal(window.agenda.loaded, timeout=10_000):
        _drag_one_hour_later(qtbot, window, booked[0].id)
    settle(qtbot, counting.tasks)
    # The reports are about calls: they read again when shown; the planner's lists of people
    # did not change and are not read again.
    window.show_room("reports")
    settle(qtbot, counting.tasks)
    window.show_room("planner")
    settle(qtbot, counting.tasks)
    assert counting.reads["ReportsRoom"] == 1 and counting.reads["Planner"] == 0


def test_a_refused_move_puts_the_block_back_without_reading(
    qtbot: Any, window: MainWindow, counting: CountingSource, prompts: Any, booked: Any
) -> None:
    prompts.confirms = [False]  # "Do it anyway?" over the other call: no
    grid = window.agenda.grid
    block = grid.block_of(booked[0].id)
    assert block is not None
    grid.scroll_to_minutes(8 * 60)
    start = grid.block_rect(block).center().toPoint()
    onto = QPoint(start.x(), start.y() + 4 * grid.hour_height)  # 14:00, over Omar's call
    counting.forget()
    with qtbot.waitSignal(window.operations.refused, timeout=10_000):
        qtbot.mousePress(grid.viewport(), Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(grid.viewport(), onto)
        qtbot.mouseRelease(grid.viewport(), Qt.MouseButton.LeftButton, pos=onto)
    settle(qtbot, counting.tasks)
    assert prompts.asked and "overlaps" in prompts.asked[0]
    assert grid.block_of(booked[0].id).start == 10 * 60 and grid._ghost is None
    assert counting.announced == [] and counting.reads["agenda page"] == 0


def test_the_windows_own_write_is_not_an_outside_change(
    qtbot: Any, window: MainWindow, counting: CountingSource, agenda: Any, booked: Any
) -> None:
    watcher = ExternalChangeWatcher(agenda.path, parent=window)
    counting.watch_own_writes(watcher)
    outside: list[bool] = []
    watcher.changed.connect(lambda: outside.append(True))
    with qtbot.waitSignal(window.agenda.loaded, timeout=10_000):
        _drag_one_hour_later(qtbot, window, booked[0].id)
    settle(qtbot, counting.tasks)
    watcher.poll()
    assert outside == []
    # Another process's commit is one.
    from closer_desk.store import open_agenda

    with open_agenda(agenda.path, daily_backup=False) as other:
        other.cancel(booked[1].id)
    watcher.poll()
    assert outside == [True]
    watcher.stop()
