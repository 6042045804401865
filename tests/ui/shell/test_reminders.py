"""Reminders: due once at the right time with an injected clock, never for cancelled calls,
and a click on the notification opens the call."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from closer_desk.core.model import Changes
from closer_desk.store import Agenda
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.tasks import TaskManager
from closer_desk.ui.shell.reminders import MAX_SLEEP, ReminderScheduler, ReminderTray
from tests.helpers.factories import FakeClock, at

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support"),
    pytest.mark.usefixtures("british_clock_locale"),
]


def _book(agenda: Agenda, when: str, prospect: str = "Gabriel Tremblay", reminder: int = 15) -> int:
    return agenda.book(
        company="Acme", prospect=prospect, start=at(when, "Europe/Paris"), reminder_minutes=reminder
    ).id


def _scheduler(
    qtbot: QtBot, agenda: Agenda, tasks: TaskManager, clock: FakeClock
) -> ReminderScheduler:
    scheduler = ReminderScheduler(AgendaSource(agenda, tasks), clock=clock)
    with qtbot.waitSignal(scheduler.reloaded):
        scheduler.reload()
    return scheduler


def test_due_exactly_at_start_minus_reminder_and_only_once(
    qtbot: QtBot, agenda: Agenda, tasks: TaskManager, clock: FakeClock
) -> None:
    first = _book(agenda, "2026-03-02 10:00")  # 09:00 UTC, reminder at 08:45 UTC
    _book(agenda, "2026-03-02 11:00", "Omar Haddad", reminder=30)  # reminder at 09:30 UTC
    scheduler = _scheduler(qtbot, agenda, tasks, clock)  # now 08:00 UTC
    assert scheduler.due(clock.now) == []
    assert scheduler.next_due(clock.now) == clock.now + timedelta(minutes=45)
    # The timer sleeps at most MAX_SLEEP, then re-arms to the due time (the clock is
    # injected: nothing here waits).
    assert scheduler.timer.isActive()
    assert scheduler.wake_at == clock.now + MAX_SLEEP
    clock.now += MAX_SLEEP
    assert scheduler.check() == []
    assert scheduler.wake_at == at("2026-03-02 09:45", "Europe/Paris")
    assert scheduler.timer.interval() == 15 * 60_000

    clock.now += timedelta(minutes=14, seconds=59)
    assert scheduler.check() == []
    clock.now += timedelta(seconds=1)
    with qtbot.waitSignal(scheduler.reminder_due) as due:
        scheduler.timer.timeout.emit()
    assert due.args[0].appointment_id == first
    assert scheduler.check() == []  # never twice
    assert scheduler.next_due(clock.now) == clock.now + timedelta(minutes=45)


def test_cancelled_and_reminderless_calls_never_notify(
    qtbot: QtBot, agenda: Agenda, tasks: TaskManager, clock: FakeClock
) -> None:
    cancelled = _book(agenda, "2026-03-02 10:00")
    agenda.cancel(cancelled)
    _book(agenda, "2026-03-02 11:00", "Omar Haddad", reminder=0)
    scheduler = _scheduler(qtbot, agenda, tasks, clock)
    clock.now += timedelta(hours=2, minutes=30)
    assert scheduler.check() == []
    assert scheduler.next_due(clock.now) is None


def test_a_call_cancelled_after_loading_does_not_notify_once_reloaded(
    qtbot: QtBot, agenda: Agenda, tasks: TaskManager, clock: FakeClock
) -> None:
    call = _book(agenda, "2026-03-02 10:00")
    scheduler = _scheduler(qtbot, agenda, tasks, clock)
    agenda.cancel(call)
    with qtbot.waitSignal(scheduler.reloaded):
        scheduler.reload()  # what the window does after each change
    clock.now += timedelta(minutes=50)
    with qtbot.assertNotEmitted(scheduler.reminder_due):
        scheduler.check()


def test_opening_late_still_reminds_until_the_call_starts(
    qtbot: QtBot, agenda: Agenda, tasks: TaskManager, clock: FakeClock
) -> None:
    _book(agenda, "2026-03-02 09:05")  # 08:05 UTC, reminder was due at 07:50
    _book(agenda, "2026-03-02 08:20", "Omar Haddad")  # 07:20 UTC: under way at 08:00, no reminder
    scheduler = ReminderScheduler(AgendaSource(agenda, tasks), clock=clock)
    with qtbot.waitSignal(scheduler.reminder_due) as due:
        scheduler.reload()
    assert due.args[0].prospect_name == "Gabriel Tremblay"
    assert scheduler.check() == []


def test_notification_names_the_prospects_local_time_and_opens_the_call(
    qtbot: QtBot, agenda: Agenda, tasks: TaskManager, clock: FakeClock
) -> None:
    call = _book(agenda, "2026-03-02 15:00", "Haruto Sato")  # 23:00 in Tokyo
    scheduler = _scheduler(qtbot, agenda, tasks, clock)
    tray = ReminderTray(scheduler)
    clock.now = at("2026-03-02 14:45", "Europe/Paris")
    with qtbot.waitSignal(tray.notified) as notified:
        scheduler.check()
    appointment_id, title, message = notified.args
    assert appointment_id == call
    assert title == "Call with Haruto Sato in 15 min"
    assert message == "Acme at 15:00 — 23:00 their time (Tokyo)"
    with qtbot.waitSignal(tray.open_appointment) as opened:
        tray.message_clicked()
    assert opened.args == [call]
    if tray.tray is not None:  # under a desktop session, the real tray relays the click too
        with qtbot.waitSignal(tray.open_appointment):
            tray.tray.messageClicked.emit()


def test_changes_to_calls_reload_the_scheduler(
    qtbot: QtBot, agenda: Agenda, tasks: TaskManager, clock: FakeClock
) -> None:
    call = _book(agenda, "2026-03-02 10:00")
    scheduler = _scheduler(qtbot, agenda, tasks, clock)
    agenda.cancel(call)
    with qtbot.assertNotEmitted(scheduler.reloaded):
        scheduler.on_changes(Changes(companies=frozenset({1})))
    with qtbot.waitSignal(scheduler.reloaded):
        scheduler.on_changes(
            Changes(appointments=frozenset({call}), call_closers=frozenset({agenda.closer().id}))
        )
    assert scheduler.next_due(clock.now) is None
