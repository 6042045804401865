"""Reminders in the window: no system tray needed, snooze 5, 10 or 15 minutes, dismiss, open;
the clock is the injected one (nothing here waits for real time)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from closer_desk.ui.shell.mainwindow import MainWindow
from closer_desk.ui.shell.reminder_banner import ReminderBanner
from closer_desk.ui.shell.reminders import ReminderScheduler
from closer_desk.ui.shell.rooms_wiring import RoomsWiring
from tests.helpers.factories import at
from tests.ui.conftest import settle

pytestmark = pytest.mark.usefixtures("british_clock_locale")


@pytest.fixture
def call(agenda: Any) -> Any:
    """Monday 2 March 2026, 10:00 in Paris (09:00 UTC), 45 minutes, reminder 15 minutes before."""
    return agenda.book(
        company="Acme",
        prospect="Gabriel",
        start=at("2026-03-02 10:00", "Europe/Paris"),
        minutes=45,
        reminder_minutes=15,
    )


@pytest.fixture
def wired(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, agenda: Any, call: Any
) -> RoomsWiring:
    window = MainWindow(source, clock, settings, prompts=prompts)
    qtbot.addWidget(window)
    wiring = RoomsWiring(window, source, clock, agenda.path)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    wiring.start_reminders()
    settle(qtbot, source.tasks)
    return wiring


def _parts(wiring: RoomsWiring) -> tuple[ReminderScheduler, ReminderBanner]:
    assert wiring.reminders is not None and wiring.banner is not None
    return wiring.reminders[0], wiring.banner


def test_a_reminder_shows_in_the_window_without_a_tray(
    qtbot: Any, wired: RoomsWiring, clock: Any, call: Any
) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen: no tray at all
    scheduler, banner = _parts(wired)
    focused = QApplication.focusWidget()
    assert not banner.isVisible()
    clock.now = at("2026-03-02 09:44", "Europe/Paris")
    assert scheduler.check() == []
    clock.now += timedelta(minutes=1)
    scheduler.check()
    assert banner.isVisible() and wired.window.isAncestorOf(banner)
    [line] = banner.lines()
    assert line.title.text() == "Call with Gabriel Tremblay in 15 min"
    assert line.message.text() == "Acme at 10:00 — 04:00 their time (Toronto)"
    assert QApplication.focusWidget() is focused  # non-modal: the keyboard stays where it was
    assert QApplication.activeModalWidget() is None


def test_snooze_reminds_again_after_the_minutes_chosen(
    qtbot: Any, wired: RoomsWiring, clock: Any
) -> None:
    scheduler, banner = _parts(wired)
    clock.now = at("2026-03-02 09:45", "Europe/Paris")
    scheduler.check()
    [line] = banner.lines()
    assert [a.text() for a in line.snooze_menu.actions()] == ["5 min", "10 min", "15 min"]
    line.snooze_menu.actions()[1].trigger()  # 10 minutes
    assert banner.lines() == [] and not banner.isVisible()
    clock.now += timedelta(minutes=9, seconds=59)
    assert scheduler.check() == []
    clock.now += timedelta(seconds=1)
    with qtbot.waitSignal(scheduler.reminder_due):
        scheduler.check()
    [again] = banner.lines()
    assert again.title.text() == "Call with Gabriel Tremblay in 5 min"


def test_a_snooze_past_the_start_still_reminds_while_the_call_is_on(
    qtbot: Any, wired: RoomsWiring, clock: Any
) -> None:
    scheduler, banner = _parts(wired)
    clock.now = at("2026-03-02 09:55", "Europe/Paris")
    scheduler.check()
    banner.snooze(banner.lines()[0], 15)
    clock.now = at("2026-03-02 10:10", "Europe/Paris")
    scheduler.check()
    [line] = banner.lines()
    assert line.title.text() == "Call with Gabriel Tremblay: it has started"
    banner.snooze(line, 15)
    clock.now = at("2026-03-02 10:45", "Europe/Paris")  # the call is over
    assert scheduler.check() == [] and banner.lines() == []


def test_dismiss_puts_it_away_for_good(qtbot: Any, wired: RoomsWiring, clock: Any) -> None:
    scheduler, banner = _parts(wired)
    clock.now = at("2026-03-02 09:45", "Europe/Paris")
    scheduler.check()
    banner.lines()[0].dismiss_button.click()
    assert not banner.isVisible()
    clock.now += timedelta(minutes=10)
    assert scheduler.check() == [] and banner.lines() == []


def test_open_shows_the_call_in_the_agenda(
    qtbot: Any, wired: RoomsWiring, clock: Any, call: Any
) -> None:
    scheduler, banner = _parts(wired)
    wired.window.show_room("reports")
    clock.now = at("2026-03-02 09:45", "Europe/Paris")
    scheduler.check()
    banner.lines()[0].open_button.click()
    assert wired.window.current_room() == "agenda"
    qtbot.waitUntil(lambda: wired.window.agenda.selected_entry() is not None)
    assert wired.window.agenda.selected_id == call.id
    assert not banner.isVisible()


def test_a_cancelled_call_takes_its_reminder_away(
    qtbot: Any, wired: RoomsWiring, clock: Any, call: Any
) -> None:
    scheduler, banner = _parts(wired)
    clock.now = at("2026-03-02 09:45", "Europe/Paris")
    scheduler.check()
    with qtbot.waitSignal(scheduler.reloaded):
        wired.source.write(None, lambda agenda: agenda.cancel(call.id))
    assert banner.lines() == []
