"""Edit → Preferences…: kept in QSettings (a temp file here), in force at once: colours without
an environment variable or a restart, the clock, the first day of the week everywhere, the
default reminder; the language at the next start, as the dialog says."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from closer_desk.ui.common import i18n, palette, preferences
from closer_desk.ui.common.i18n import HourCycle
from closer_desk.ui.common.preferences import Preferences, Theme
from closer_desk.ui.shell.mainwindow import MainWindow
from closer_desk.ui.shell.preferences_dialog import PreferencesDialog
from tests.ui.conftest import settle


@pytest.fixture(autouse=True)
def _defaults_back(qapp: Any) -> Iterator[None]:
    """Whatever a test chose, the next one starts from the defaults."""
    yield
    preferences.apply(Preferences(), qapp)


def _open(qtbot: Any, window: MainWindow) -> PreferencesDialog:
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.preferences_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _choose(box: Any, data: object) -> None:
    box.setCurrentIndex(box.findData(data))


def test_edit_menu_has_preferences_with_ctrl_comma(window: MainWindow) -> None:
    texts = [a.text() for a in window.menu("edit").actions()]
    assert "Pre&ferences…" in texts
    assert window.preferences_action.shortcut().toString() == "Ctrl+,"


def test_dark_then_light_then_system_without_restart(
    qtbot: Any, window: MainWindow, settings: QSettings, qapp: Any
) -> None:
    system = qapp.palette().color(QPalette.ColorRole.Base)
    dialog = _open(qtbot, window)
    _choose(dialog.theme, "dark")
    dialog.buttons.button(dialog.buttons.StandardButton.Apply).click()
    QApplication.processEvents()  # (Qt posts the palette change to each widget)
    assert palette.is_dark()
    assert qapp.palette().color(QPalette.ColorRole.Base).lightness() < 64
    assert window.agenda.grid.palette().color(QPalette.ColorRole.Base).lightness() < 64
    reports = window.room("reports")
    assert reports.chart.backgroundBrush().color().lightness() < 64  # the chart follows
    assert settings.value(preferences.THEME_KEY) == "dark"
    _choose(dialog.theme, "light")
    dialog.buttons.button(dialog.buttons.StandardButton.Apply).click()
    QApplication.processEvents()  # (Qt posts the palette change to each widget)
    assert not palette.is_dark()
    assert reports.chart.backgroundBrush().color().lightness() > 192
    _choose(dialog.theme, "system")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert qapp.palette().color(QPalette.ColorRole.Base) == system
    assert preferences.load(settings).theme == Theme.SYSTEM


def test_the_clock_and_the_week_start_apply_everywhere_at_once(
    qtbot: Any, window: MainWindow, clock: Any, settings: QSettings
) -> None:
    assert window.agenda.grid.days[0] == date(2026, 3, 2)  # Monday: the default
    assert i18n.format_time(datetime(2026, 3, 2, 15, 0)) == "3:00\u202fPM"  # en_US
    dialog = _open(qtbot, window)
    _choose(dialog.clock, "24h")
    _choose(dialog.week_start, 6)  # Sunday
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    settle(qtbot, window.source.tasks)
    assert i18n.format_time(datetime(2026, 3, 2, 15, 0)) == "15:00"
    assert window.agenda.grid.days[0] == date(2026, 3, 1)  # the week starts on Sunday
    assert window.sidebar.calendar.firstDayOfWeek() == Qt.DayOfWeek.Sunday
    assert window.room("planner").from_box.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Sunday
    # The editor opened after the change picks its day on a calendar starting on Sunday too.
    from closer_desk.ui.agenda.wall_time import WallTimeEdit

    edit = WallTimeEdit()
    qtbot.addWidget(edit)
    assert edit.calendar.firstDayOfWeek() == Qt.DayOfWeek.Sunday
    kept = preferences.load(settings)
    assert (kept.clock, kept.week_start) == (HourCycle.H24, 6)


def test_by_default_the_month_calendar_starts_the_week_like_the_grid(
    window: MainWindow,
) -> None:
    # en_US starts its weeks on Sunday; the grid's week is Monday's: one first day for both.
    assert window.sidebar.calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert window.agenda.grid.days[0].weekday() == 0


def test_the_default_reminder_is_the_new_calls(
    qtbot: Any, window: MainWindow, settings: QSettings
) -> None:
    dialog = _open(qtbot, window)
    dialog.reminder.setValue(30)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert preferences.default_reminder() == 30
    assert int(settings.value(preferences.REMINDER_KEY)) == 30
    editor = window.agenda.new_call()
    assert editor is not None and editor.reminder.value() == 30
    editor.reject()


def test_the_language_applies_at_the_next_start_and_says_so(
    qtbot: Any, window: MainWindow, settings: QSettings
) -> None:
    dialog = _open(qtbot, window)
    assert "next time" in dialog.language_note.text()
    _choose(dialog.language, "fr")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert settings.value(i18n.LANGUAGE_KEY) == "fr"
    assert i18n.chosen_language(settings) == "fr"
    assert "next time" in window.status.text()
    assert window.menuBar().actions()[0].text() == "&File"  # not before the restart


def test_each_companys_call_length_is_shown_and_changed_in_companies(
    qtbot: Any, window: MainWindow
) -> None:
    dialog = _open(qtbot, window)
    rows = {
        dialog.lengths.item(r, 0).text(): dialog.lengths.item(r, 1).text()
        for r in range(dialog.lengths.rowCount())
    }
    assert rows == {"Acme": "45 min", "Érable": "30 min"}
    dialog.companies_button.click()
    assert not dialog.isVisible()
    assert window.current_room() == "companies"


def test_nonsense_in_the_settings_file_is_the_default(tmp_path: Any) -> None:
    settings = QSettings(str(tmp_path / "odd.ini"), QSettings.Format.IniFormat)
    for key, value in (
        (preferences.THEME_KEY, "purple"),
        (preferences.CLOCK_KEY, "36h"),
        (preferences.WEEK_START_KEY, "Tuesday"),
        (preferences.REMINDER_KEY, "-5"),
        (i18n.LANGUAGE_KEY, "tlh"),
    ):
        settings.setValue(key, value)
    assert preferences.load(settings) == Preferences()


def test_the_preferences_come_back_at_the_next_start(tmp_path: Any) -> None:
    settings = QSettings(str(tmp_path / "kept.ini"), QSettings.Format.IniFormat)
    chosen = Preferences(Theme.DARK, HourCycle.H12, 6, 0, "fr")
    preferences.save(settings, chosen)
    again = QSettings(str(tmp_path / "kept.ini"), QSettings.Format.IniFormat)
    assert preferences.load(again) == chosen
    QApplication.processEvents()
