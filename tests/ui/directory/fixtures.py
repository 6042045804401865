"""Fixtures shared by the directory, availability and reminder tests (imported by them, so
the window tests' conftest stays the other rooms')."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from closer_desk.ui.common.tasks import TaskManager


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskManager]:
    """The task manager the rooms save and load through; drained after each test."""
    manager = TaskManager()
    yield manager
    manager.wait()
    qtbot.waitUntil(lambda: not manager.is_busy())


def save_and_wait(qtbot: QtBot, dialog: object) -> None:
    """Press Save and wait until the worker answered (the dialog closed or shows an error)."""
    from closer_desk.ui.directory.form import EditDialog

    assert isinstance(dialog, EditDialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())


@pytest.fixture(autouse=True)
def british_clock_locale() -> Iterator[None]:
    """Times show as 09:00 whatever locale an earlier test or the machine left behind
    (en_US would show 9:00 AM). Imported by each directory test module, hence autouse."""
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)
