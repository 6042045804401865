"""Window tests: a renamed QApplication, a drained worker, an AgendaSource over the test agenda, a
demo agenda, answered prompts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QLocale, QSettings

from closer_desk.core import demo
from closer_desk.store import Agenda, open_agenda
from closer_desk.store.demo import load_demo
from closer_desk.ui.common.i18n import remove_translators
from closer_desk.ui.common.prompts import Prompts
from closer_desk.ui.common.room import Room
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.tasks import TaskManager
from tests.helpers.factories import FakeClock


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["closer_desk_tests"]


@pytest.fixture(scope="session")
def qapp_cls() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication


@pytest.fixture(scope="session", autouse=True)
def _english_plurals(qapp: Any) -> Iterator[None]:
    """English as the app speaks it: its plurals catalogue installed ("1 call", "2 calls")."""
    from closer_desk.ui.common import i18n
    from tests.helpers.packaging import i18n_build

    i18n_build.build(i18n.TRANSLATIONS)
    translators = i18n.install_translators(qapp, "en")
    yield
    i18n.remove_translators(qapp, translators)


@pytest.fixture(scope="session", autouse=True)
def _holidays_loaded() -> None:
    """The holidays' tables loaded once for the suite, so that each window marks its days at
    once, in the order a test expects (the app loads them on its worker after the first
    paint: ``tests/ui/agenda/test_busy_and_holidays.py`` tests that path on its own)."""
    from closer_desk.core.day_marks import load_holidays

    load_holidays()


@pytest.fixture(autouse=True)
def _english(qapp: Any) -> Iterator[None]:
    """Every test starts in English with a test application name (never the real profile)."""
    qapp.setApplicationName("closer_desk_tests")
    qapp.setOrganizationName("closer_desk_tests")
    remove_translators(qapp, [])
    yield
    QLocale.setDefault(QLocale("en_US"))
    # Data a test left on the clipboard (an invite, a proposal) would be freed after the
    # QApplication at exit, which crashes the process once every test has passed.
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().clear()


class AnsweringPrompts(Prompts):
    """Prompts that answer from queues and remember what was asked."""

    def __init__(self) -> None:
        self.confirms: list[bool] = []
        self.instants: list[str] = []
        self.amounts: list[str | None] = []
        self.asked: list[str] = []
        self.informed: list[str] = []
        self.informed_titles: list[str] = []

    def confirm(self, parent: Any, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.confirms.pop(0) if self.confirms else True

    def inform(self, parent: Any, title: str, text: str) -> None:
        self.informed.append(text)
        self.informed_titles.append(title)

    def choose_instant(
        self, parent: Any, text: str, earlier: datetime, later: datetime
    ) -> datetime | None:
        self.asked.append(text)
        pick = self.instants.pop(0) if self.instants else "later"
        return {"earlier": earlier, "later": later}.get(pick)

    def ask_amount(self, parent: Any, title: str, text: str) -> str | None:
        self.asked.append(text)
        return self.amounts.pop(0) if self.amounts else "1000"


@pytest.fixture
def french(qapp: Any) -> Iterator[list[Any]]:
    """The window's catalogues built and installed in French; yields the translators."""
    from closer_desk.ui.common import i18n
    from tests.helpers.packaging import i18n_build

    i18n_build.build(i18n.TRANSLATIONS)
    translators = i18n.install_translators(qapp, "fr")
    yield translators
    i18n.remove_translators(qapp, translators)


@pytest.fixture
def prompts() -> AnsweringPrompts:
    return AnsweringPrompts()


@pytest.fixture
def tasks(qtbot: Any) -> Iterator[TaskManager]:
    """The worker every room uses; drained after each test so no job outlives it."""
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


@pytest.fixture
def source(agenda: Any, tasks: TaskManager) -> AgendaSource:
    return AgendaSource(agenda, tasks)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def british_clock_locale() -> Iterator[None]:
    """Times show as 09:00 whatever locale an earlier test or the machine left behind
    (en_US would show 9:00 AM): ``pytestmark = pytest.mark.usefixtures(...)``."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


def save_and_wait(qtbot: Any, dialog: object) -> None:
    """Press Save and wait until the worker answered (the dialog closed or shows an error)."""
    from closer_desk.ui.directory.form import EditDialog

    assert isinstance(dialog, EditDialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())


RoomT = TypeVar("RoomT", bound=Room)


def hosted(source: AgendaSource, room: RoomT) -> RoomT:
    """``room`` as the window hosts it: it hears every write the door announces."""
    source.changed.connect(room.on_changes)
    return room


def settle(qtbot: Any, tasks: TaskManager) -> None:
    """Wait until every queued database job has run and its callback has been delivered."""
    # A bound for a stuck job, not a speed budget: generous, for a machine under load.
    qtbot.waitUntil(lambda: not tasks.is_busy(), timeout=30_000)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform says these about top-level windows; they are not our warnings.
    for item in items:
        if "tests/ui" in str(item.path).replace("\\", "/"):
            item.add_marker(
                pytest.mark.qt_log_ignore(
                    r"This plugin does not support "
                    r"(propagateSizeHints|raise|grabbing the keyboard)"
                )
            )


def context_click(widget: Any, pos: Any) -> None:
    """A right-click's context menu event at ``pos`` in ``widget`` (QTest's clicks make none)."""
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
