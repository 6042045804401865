"""The Planner room over the test agenda, its people read."""

from __future__ import annotations

from typing import Any

import pytest

from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.planner.room import Planner


@pytest.fixture
def planner(qtbot: Any, source: AgendaSource) -> Planner:
    room = Planner(source)
    qtbot.addWidget(room)
    qtbot.waitUntil(lambda: room.prospect_box.count() == 3, timeout=5000)
    return room
