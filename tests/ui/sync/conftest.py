"""Fixtures of the window's sync tests: the real Radicale of the sync tests, the assistant's
agenda on "another machine", a keyring in memory, and the whole window on the test agenda."""

from __future__ import annotations

from typing import Any

import pytest

from closer_desk.ui.shell.mainwindow import MainWindow
from closer_desk.ui.shell.rooms_wiring import RoomsWiring
from closer_desk.ui.sync.area import SyncArea
from tests.sync.conftest import assistant_agenda, radicale, radicale_accounts
from tests.sync.test_secrets import safe_keyring

__all__ = ["assistant_agenda", "radicale", "radicale_accounts", "safe_keyring"]


@pytest.fixture
def wiring(qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any) -> RoomsWiring:
    """The window as ``app.py`` builds it, its sync sending a change at once (not 3 s later)
    and retrying at once while offline."""
    window = MainWindow(source, clock, settings, prompts=prompts)
    qtbot.addWidget(window)
    built = RoomsWiring(window, source, clock)
    built.sync.scheduler.soon.setInterval(0)
    built.sync.scheduler.retry_ms = 50
    window.resize(1024, 700)
    window.show()
    return built


@pytest.fixture
def area(wiring: RoomsWiring) -> SyncArea:
    return wiring.sync
