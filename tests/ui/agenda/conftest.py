"""Fixtures of the agenda views' tests: a team of three closers in three zones, and the whole
window as ``app.py`` assembles it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest

from closer_desk.core.model import Appointment, Closer, WeeklyHours
from closer_desk.ui.agenda.editor import AppointmentEditor
from closer_desk.ui.shell.mainwindow import MainWindow
from closer_desk.ui.shell.rooms_wiring import RoomsWiring
from tests.helpers.factories import at
from tests.ui.conftest import settle


@dataclass(frozen=True)
class Team:
    """Camille in Paris (the agenda's first closer), Sophie in Toronto, James in London, and
    one call of each on Wednesday 4 March 2026."""

    camille: Closer
    sophie: Closer
    james: Closer
    camille_call: Appointment
    sophie_call: Appointment
    james_call: Appointment


@pytest.fixture
def team(agenda: Any) -> Team:
    camille = agenda.closer()
    sophie = agenda.add_closer(
        "Sophie Tremblay", "America/Toronto", hours=WeeklyHours.uniform(9 * 60, 17 * 60)
    )
    james = agenda.add_closer("James Carter", "Europe/London")
    return Team(
        camille,
        sophie,
        james,
        agenda.book(
            company="Acme", prospect="Gabriel", start=at("2026-03-04 10:00", "Europe/Paris")
        ),
        agenda.book(
            closer=sophie.id,
            company="Érable",
            prospect="Omar",
            start=at("2026-03-04 10:00", "America/Toronto"),
            minutes=30,
        ),
        agenda.book(
            closer=james.id,
            company="Acme",
            prospect="Haruto",
            start=at("2026-03-04 09:00", "Europe/London"),
        ),
    )


def open_window(
    qtbot: Any,
    source: Any,
    clock: Any,
    settings: Any,
    prompts: Any,
    size: tuple[int, int] = (1400, 900),
    *,
    rooms: bool = True,
) -> MainWindow:
    """The main window (with its rooms and the call's desk when ``rooms``), shown and
    settled."""
    win = MainWindow(source, clock, settings, prompts=prompts)
    qtbot.addWidget(win)
    if rooms:
        RoomsWiring(win, source, clock, None)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, source.tasks)
    return win


@pytest.fixture
def editor(qtbot: Any, source: Any, agenda: Any, clock: Any) -> AppointmentEditor:
    source.load_directory()
    settle(qtbot, source.tasks)
    # As opened after a call with Acme was booked (the company last used is chosen).
    dialog = AppointmentEditor(
        source,
        source.directory,
        agenda.closer(),
        clock,
        start=datetime(2026, 3, 3, 15, 0),
        company_id=agenda.company("Acme").id,
    )
    qtbot.addWidget(dialog)
    settle(qtbot, source.tasks)
    return dialog
