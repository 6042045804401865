"""First run: an empty agenda greets the user, asks for the closer, loads the demo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTime

from closer_desk.store import open_agenda
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.shell.mainwindow import MainWindow
from tests.ui.conftest import settle


@pytest.fixture
def empty(tmp_path: Path, clock: Any) -> Any:
    with open_agenda(tmp_path / "empty.sqlite3", clock=clock) as agenda:
        yield agenda


@pytest.fixture
def window(
    qtbot: Any, empty: Any, tasks: Any, clock: Any, settings: Any, prompts: Any
) -> MainWindow:
    win = MainWindow(
        AgendaSource(empty, tasks), clock, settings, prompts=prompts, system_zone="America/Montreal"
    )
    qtbot.addWidget(win)
    win.show()
    settle(qtbot, tasks)
    return win


def test_empty_agenda_asks_for_the_closer_then_offers_a_first_company(
    qtbot: Any, window: MainWindow, empty: Any
) -> None:
    welcome = window.welcome
    assert window.current_room() == "welcome"
    assert welcome.closer_box.isVisibleTo(window) and not welcome.add_company.isEnabled()
    assert welcome.zone.currentText() == "America/Montreal"
    welcome.save_closer.click()
    assert "name" in welcome.problem.text()
    welcome.name.setText("Inès Caron")
    welcome.start.setTime(QTime(8, 30))
    welcome.end.setTime(QTime(17, 0))
    welcome.days[4].setChecked(False)
    welcome.save_closer.click()
    settle(qtbot, window.source.tasks)
    closer = empty.closer()
    assert (closer.name, closer.zone) == ("Inès Caron", "America/Montreal")
    assert closer.hours.on(0)[0].start == 8 * 60 + 30 and closer.hours.on(4) == ()
    assert window.current_room() == "welcome" and not welcome.closer_box.isVisibleTo(window)
    assert welcome.add_company.isEnabled()
    window.add_company("Maple Leads")
    settle(qtbot, window.source.tasks)
    assert window.current_room() == "agenda"
    assert window.sidebar.companies.item(0).text() == "Maple Leads"


def test_load_demo_data_fills_the_week(qtbot: Any, window: MainWindow, empty: Any) -> None:
    window.welcome.demo.click()
    settle(qtbot, window.source.tasks)
    assert window.current_room() == "agenda"
    assert empty.count_appointments() > 100
    assert len(window.agenda.grid.blocks) >= 8
    assert window.sidebar.companies.count() == 4
