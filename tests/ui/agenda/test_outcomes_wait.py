"""The details pane's outcomes wait for the call: greyed, saying why, while it is still to
come (as the call's menu is), live once it has started."""

from __future__ import annotations

from typing import Any

from tests.helpers.factories import at
from tests.ui.agenda.conftest import open_window
from tests.ui.conftest import settle

NOT_YET = "This call has not happened yet: record how it went once it has started."


def test_the_details_outcomes_are_greyed_until_the_call_starts(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, agenda: Any
) -> None:
    later = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-03 10:00", "Europe/Paris")
    )
    win = open_window(qtbot, source, clock, settings, prompts, rooms=False)
    room = win.agenda
    room.select(later.id)
    settle(qtbot, source.tasks)
    outcomes = room.details.outcomes
    assert not outcomes.isEnabled()
    assert outcomes.toolTip() == NOT_YET
    clock.now = later.start
    room.details.refresh_clock()  # what its timer does every 30 s
    assert outcomes.isEnabled()
    assert outcomes.toolTip() == ""
