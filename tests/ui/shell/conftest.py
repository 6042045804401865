"""Fixtures of the whole-window tests: two calls on the Tuesday of the test week, and the
window as ``app.py`` assembles it."""

from __future__ import annotations

from typing import Any

import pytest

from closer_desk.ui.shell.mainwindow import MainWindow
from closer_desk.ui.shell.rooms_wiring import RoomsWiring
from tests.helpers.factories import at
from tests.ui.conftest import settle


@pytest.fixture
def booked(agenda: Any) -> Any:
    """Two calls on Tuesday 3 March 2026 (Paris): 10:00 Acme/Gabriel, 14:00 Érable/Omar."""
    first = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-03 10:00", "Europe/Paris"), minutes=45
    )
    second = agenda.book(
        company="Érable", prospect="Omar", start=at("2026-03-03 14:00", "Europe/Paris"), minutes=30
    )
    return first, second


@pytest.fixture
def window(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, booked: Any, agenda: Any
) -> MainWindow:
    """The whole window (every room wired, as ``app.py`` does), shown and active, on the two
    calls of ``booked`` (modules that need another window define their own)."""
    win = MainWindow(source, clock, settings, prompts=prompts)
    qtbot.addWidget(win)
    RoomsWiring(win, source, clock, agenda.path)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    settle(qtbot, source.tasks)
    return win


@pytest.fixture
def bare_window(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, booked: Any
) -> MainWindow:
    """The window alone (no rooms wired), shown, on the two calls of ``booked``."""
    win = MainWindow(source, clock, settings, prompts=prompts)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, source.tasks)
    return win
