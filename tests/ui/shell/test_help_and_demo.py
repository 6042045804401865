"""The Help menu (about, the keyboard shortcuts from the actions, where the data lives) and
"Load demo data" on an agenda that holds the closer's own calls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from closer_desk import __version__
from closer_desk.store import open_agenda
from closer_desk.ui.shell.help import AboutDialog, DataDialog, ShortcutsDialog
from closer_desk.ui.shell.mainwindow import MainWindow
from closer_desk.ui.shell.rooms_wiring import RoomsWiring
from tests.ui.conftest import settle


@pytest.fixture
def opened() -> list[Path]:
    return []


@pytest.fixture(autouse=True)
def _folders_opened_into_a_list(
    window: MainWindow, agenda: Any, settings: Any, opened: list[Path]
) -> None:
    """The Help menu as the window has it, but "opening" the folder into ``opened``: nothing
    starts a file manager here."""
    from closer_desk.ui.shell import help as help_menu

    wiring = window.findChild(RoomsWiring)
    assert wiring is not None
    window.menu("help").clear()
    wiring.help_actions = help_menu.install_help(
        window, agenda.path, settings, opener=lambda p: opened.append(p) or True
    )


def _help(window: MainWindow, name: str) -> Any:
    wiring = window.findChild(RoomsWiring)
    assert wiring is not None
    wiring.help_actions[name].trigger()
    return window.help_dialog


def test_the_help_menu_is_not_empty(window: MainWindow) -> None:
    texts = [a.text() for a in window.menu("help").actions()]
    assert texts == ["&About closer_desk", "&Keyboard shortcuts", "&Where my data lives"]


def test_about_gives_the_version_the_licence_and_opens_the_data_folder(
    window: MainWindow, agenda: Any, opened: list[Path]
) -> None:
    dialog = _help(window, "about")
    assert isinstance(dialog, AboutDialog) and dialog.isVisible()
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(__version__ in t for t in labels)
    assert "MIT licence" in labels
    assert str(agenda.path) in labels
    dialog.open_button.click()
    assert opened == [agenda.path.parent]


def test_where_my_data_lives_names_the_agenda_backups_and_preferences(
    window: MainWindow, agenda: Any, settings: Any
) -> None:
    dialog = _help(window, "data")
    assert isinstance(dialog, DataDialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert str(agenda.path) in labels
    assert str(agenda.path.parent / "backups") in labels
    assert settings.fileName() in labels
    assert any("keyring" in t for t in labels)
    # The shared calendars' and subscriptions' passwords too, and where they are read from
    # when no safe keyring keeps them.
    assert "Shared calendar and subscription passwords:" in labels
    assert any("keyring" in t and "CLOSER_DESK_SYNC_PASSWORD" in t for t in labels)


def test_the_shortcuts_list_is_made_from_the_actions(window: MainWindow) -> None:
    window.show_room("reports")  # bare keys are lent away from the agenda: still listed
    dialog = _help(window, "shortcuts")
    assert isinstance(dialog, ShortcutsDialog)
    rows = {
        (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
        for r in range(dialog.table.rowCount())
    }
    for expected in (
        ("New call", "Ctrl+N"),
        ("Day", "D"),
        ("Find", "Ctrl+F"),
        ("Undo", "Ctrl+Z"),
        ("Redo", "Ctrl+Y or Ctrl+Shift+Z"),
        ("Planner", "Ctrl+2"),
        ("Preferences", "Ctrl+,"),
        ("Import calendar", "Ctrl+I"),
        ("Keyboard shortcuts", "F1 or Ctrl+/"),
    ):
        assert expected in rows
    # A shortcut added later is listed too: the list is the actions'.
    window.add_room("extra", "Extra room", lambda: QLabel("x"), "Ctrl+9")
    again = _help(window, "shortcuts")
    assert any(again.table.item(r, 1).text() == "Extra room" for r in range(again.table.rowCount()))


def test_demo_on_a_full_agenda_says_why_and_offers_a_new_agenda(
    qtbot: Any, window: MainWindow, prompts: Any, tmp_path: Path, agenda: Any
) -> None:
    new = tmp_path / "elsewhere" / "demo.sqlite3"
    new.parent.mkdir()
    started: list[Path] = []
    window.choose_new_agenda = lambda _parent, current: new
    window.open_agenda_window = lambda path: started.append(path) or True
    before = agenda.count_appointments()
    prompts.confirms.append(True)
    window.demo_action.trigger()
    settle(qtbot, window.source.tasks)
    assert prompts.asked and "already holds your own calls" in prompts.asked[0]
    assert "Invalid value" not in " ".join(prompts.asked + prompts.informed)
    settle(qtbot, window.source.tasks)
    qtbot.waitUntil(lambda: started == [new], timeout=20_000)
    assert agenda.count_appointments() == before  # nothing mixed into this agenda
    with open_agenda(new) as demo_agenda:
        assert demo_agenda.count_appointments() > 100
    assert str(new) in window.status.text()


def test_declining_the_offer_changes_nothing(
    qtbot: Any, window: MainWindow, prompts: Any, agenda: Any
) -> None:
    asked: list[object] = []
    window.choose_new_agenda = lambda _parent, current: asked.append(current)  # type: ignore[assignment]
    prompts.confirms.append(False)
    window.load_demo()
    settle(qtbot, window.source.tasks)
    assert prompts.asked and asked == [] and prompts.informed == []


def test_an_existing_file_is_never_filled(
    qtbot: Any, window: MainWindow, prompts: Any, agenda: Any
) -> None:
    window.choose_new_agenda = lambda _parent, current: agenda.path
    window.open_agenda_window = lambda path: pytest.fail("no window")  # type: ignore[assignment]
    prompts.confirms.append(True)
    window.load_demo()
    settle(qtbot, window.source.tasks)
    assert prompts.informed and "exists already" in prompts.informed[0]
