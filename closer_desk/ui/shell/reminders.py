"""Reminders before calls: a scheduler that knows when each is due, and a tray icon that shows
them as desktop notifications when the desktop has a tray (the window shows each one itself
too, with snooze and dismiss: ``ui.shell.reminder_banner``).

The scheduler's logic is plain and testable without waiting: ``due(now)`` lists the reminders
whose time has come and ``next_due(now)`` the next time one will. A single-shot ``QTimer`` is
re-armed to that time after each check; the clock is injected.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QSystemTrayIcon

from closer_desk.core import tz
from closer_desk.core.model import ACTIVE_STATUSES, AgendaEntry, Changes, Status
from closer_desk.ui.common import i18n
from closer_desk.ui.common.source import AgendaSource

if TYPE_CHECKING:
    from closer_desk.store import Agenda

Clock = Callable[[], datetime]

#: How far ahead the scheduler loads calls; it reloads at least this often.
HORIZON = timedelta(hours=24)
#: The longest the timer sleeps, so a suspended laptop or a changed clock is caught up soon.
MAX_SLEEP = timedelta(minutes=30)


def _system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Reminder:
    """One reminder to show.

    Attributes:
        appointment_id: the call it is about.
        fire_at: when it is due (start minus the call's reminder minutes), UTC.
        start, end: the call's start and end, aware.
        prospect_name, company_name: who and for whom.
        prospect_zone, closer_zone: where each party is.
    """

    appointment_id: int
    fire_at: datetime
    start: datetime
    end: datetime
    prospect_name: str
    company_name: str
    prospect_zone: str
    closer_zone: str

    @property
    def key(self) -> tuple[int, datetime]:
        """What makes a reminder distinct: a moved call gets a new reminder."""
        return (self.appointment_id, self.fire_at)


def reminder_for(entry: AgendaEntry) -> Reminder | None:
    """The reminder of an agenda entry, or None (no reminder set, or the call is not active)."""
    appointment = entry.appointment
    if appointment.status not in ACTIVE_STATUSES or appointment.status == Status.DONE:
        return None
    if appointment.reminder_minutes <= 0:
        return None
    return Reminder(
        appointment_id=appointment.id,
        fire_at=appointment.start_utc - timedelta(minutes=appointment.reminder_minutes),
        start=appointment.start,
        end=appointment.end,
        prospect_name=entry.prospect_name,
        company_name=entry.company_name,
        prospect_zone=entry.prospect_zone,
        closer_zone=entry.closer_zone,
    )


class ReminderScheduler(QObject):
    """Knows the upcoming calls and says when each one's reminder is due, once.

    A reminder is due from ``start - reminder_minutes`` until the call starts: opening the app
    five minutes before a call still reminds, a call already under way does not. Each reminder
    fires once; a cancelled call (or one no longer in the loaded entries) never fires. A
    snoozed one fires once more when its snooze is over, until the call ends.

    Attributes:
        timer: the single-shot timer armed to the next due time.
        wake_at: when the timer is armed to wake (by the injected clock), or None.

    Signals:
        reminder_due(object): a ``Reminder`` whose time has come.
        reloaded(): the upcoming calls were reloaded from the agenda.
    """

    reminder_due = Signal(object)
    reloaded = Signal()

    def __init__(
        self,
        source: AgendaSource | None,
        *,
        closer_id: int | None = None,
        clock: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._closer_id = closer_id
        self._clock = clock or _system_clock
        self._reminders: list[Reminder] = []
        self._fired: set[tuple[int, datetime]] = set()
        #: Snoozed reminders (by key) and when they are due again.
        self._snoozed: dict[tuple[int, datetime], datetime] = {}
        self._loaded_until: datetime | None = None
        self.wake_at: datetime | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.timeout.connect(self.check)

    def now(self) -> datetime:
        """The injected clock's now."""
        return self._clock()

    # -- what is loaded ----------------------------------------------------------------
    def set_closer(self, closer_id: int | None) -> None:
        """Remind for one closer's calls only (None: every closer's), and reload."""
        self._closer_id = closer_id
        self.reload()

    def set_entries(self, entries: Sequence[AgendaEntry]) -> None:
        """Replace the known calls (from a reload, or directly in tests) and re-arm."""
        self._reminders = sorted(
            (r for e in entries if (r := reminder_for(e)) is not None), key=lambda r: r.fire_at
        )
        # A call moved or cancelled since it was snoozed has a new reminder, or none.
        keys = {r.key for r in self._reminders}
        self._snoozed = {k: t for k, t in self._snoozed.items() if k in keys}
        self.arm()

    def reload(self) -> None:
        """Load the calls of the next ``HORIZON`` off the GUI thread (after any change)."""
        if self._source is None:
            return
        closer_id = self._closer_id
        now = self._clock()
        until = now + HORIZON + MAX_SLEEP
        self._loaded_until = now + HORIZON

        def load(agenda: Agenda) -> list[AgendaEntry]:
            # Calls starting within the horizon; cancelled ones are left out by the store.
            return agenda.entries(now, until, closer_id=closer_id, include_cancelled=False)

        self._source.query(self, load, self._on_loaded)

    def on_changes(self, changes: Changes) -> None:
        """Reload after a write that may move, add or cancel one of the reminded calls (connect
        the door's ``changed`` here, so that a cancelled call is forgotten at once)."""
        if changes.calls_of(self._closer_id) or changes.closers:
            self.reload()

    def _on_loaded(self, entries: list[AgendaEntry]) -> None:
        self.set_entries(entries)
        self.reloaded.emit()
        self.check()

    # -- when --------------------------------------------------------------------------
    def _window(self, reminder: Reminder) -> tuple[datetime, datetime]:
        """From when, and until when, a reminder is due."""
        snoozed = self._snoozed.get(reminder.key)
        if snoozed is None:
            return reminder.fire_at, reminder.start
        return snoozed, reminder.end

    def due(self, now: datetime) -> list[Reminder]:
        """Reminders due at ``now`` and not fired yet, earliest first (pure: marks nothing)."""
        waiting = [r for r in self._reminders if r.key not in self._fired]
        return [r for r in waiting if (w := self._window(r))[0] <= now < w[1]]

    def next_due(self, now: datetime) -> datetime | None:
        """The next time a reminder not fired yet becomes due after ``now``, or None."""
        upcoming = [
            w[0]
            for r in self._reminders
            if r.key not in self._fired and (w := self._window(r))[0] > now
        ]
        return min(upcoming, default=None)

    def calls(self) -> frozenset[int]:
        """The calls the scheduler reminds of (those it loaded, cancelled ones left out)."""
        return frozenset(r.appointment_id for r in self._reminders)

    def snooze(self, reminder: Reminder, minutes: int) -> datetime:
        """Remind again in ``minutes`` (still, once the call has started, until it ends);
        returns when."""
        again = self._clock() + timedelta(minutes=minutes)
        self._snoozed[reminder.key] = again
        self._fired.discard(reminder.key)
        self.arm()
        return again

    def check(self) -> list[Reminder]:
        """Fire what is due now (each once), reload when the horizon is near, re-arm."""
        now = self._clock()
        fired = self.due(now)
        for reminder in fired:
            self._fired.add(reminder.key)
            self.reminder_due.emit(reminder)
        if self._loaded_until is not None and now >= self._loaded_until:
            self.reload()
        self.arm()
        return fired

    def arm(self) -> None:
        """Start the timer for the next due reminder (or a periodic check)."""
        now = self._clock()
        wake = now + MAX_SLEEP
        next_time = self.next_due(now)
        if next_time is not None and next_time < wake:
            wake = next_time
        if self.due(now):
            wake = now
        self.wake_at = wake
        self.timer.start(max(0, int((wake - now).total_seconds() * 1000)))


def _clock_text(instant: datetime, zone: str) -> str:
    return i18n.format_time(tz.convert(instant, zone))


class ReminderWords(QObject):
    """A reminder's words (a QObject: Qt's tools find a plural's forms only in ``tr``)."""

    def title(self, reminder: Reminder, now: datetime) -> str:
        """Who, and in how many minutes (or that it has started)."""
        seconds = (reminder.start - now).total_seconds()
        minutes = -int(-seconds // 60)  # rounded up: "in 1 min" until it starts
        if minutes > 0:
            text = self.tr("Call with %1 in %n min", "", minutes)
        else:
            text = self.tr("Call with %1: it has started")
        return text.replace("%1", reminder.prospect_name)

    def message(self, reminder: Reminder) -> str:
        """For whom, when on the closer's clock and on the prospect's."""
        return (
            self.tr("%1 at %2 — %3 their time (%4)")
            .replace("%1", reminder.company_name)
            .replace("%2", _clock_text(reminder.start, reminder.closer_zone))
            .replace("%3", _clock_text(reminder.start, reminder.prospect_zone))
            .replace("%4", i18n.city(reminder.prospect_zone))
        )


def reminder_texts(reminder: Reminder, now: datetime) -> tuple[str, str]:
    """A reminder's title and message in the user's language: who, when on the closer's clock,
    when on the prospect's."""
    words = ReminderWords()
    return words.title(reminder, now), words.message(reminder)


class ReminderTray(QObject):
    """The tray icon and its notifications.

    When the platform has no tray (offscreen, some Wayland desktops) nothing is shown in a
    tray, but ``notified`` is still emitted so the window can show the reminder itself.

    Attributes:
        tray: the ``QSystemTrayIcon``, or None when the platform has no tray.
        last_appointment_id: the call of the last notification (what a click opens).

    Signals:
        open_appointment(int): the user clicked a reminder: show this call's details.
        show_window(): the user clicked the tray icon.
        notified(int, str, str): a reminder was shown (appointment id, title, message).
    """

    open_appointment = Signal(int)
    show_window = Signal()
    notified = Signal(int, str, str)

    def __init__(
        self,
        scheduler: ReminderScheduler,
        *,
        icon: QIcon | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._scheduler = scheduler
        self.last_appointment_id: int | None = None
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            app = QApplication.instance()
            fallback = (
                app.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
                if isinstance(app, QApplication)
                else QIcon()
            )
            self.tray = QSystemTrayIcon(
                icon if icon is not None and not icon.isNull() else fallback, self
            )
            self.tray.setToolTip("closer_desk")
            menu = QMenu()
            menu.addAction(self.tr("Show closer_desk"), self.show_window.emit)
            self._menu = menu
            self.tray.setContextMenu(menu)
            self.tray.messageClicked.connect(self.message_clicked)
            self.tray.activated.connect(self._on_activated)
            self.tray.show()
        scheduler.reminder_due.connect(self.notify)

    def texts(self, reminder: Reminder) -> tuple[str, str]:
        """The notification's title and message: who, when for the closer, when for them."""
        return reminder_texts(reminder, self._scheduler.now())

    def notify(self, reminder: Reminder) -> None:
        """Show ``reminder`` (as a tray message when there is a tray)."""
        title, message = self.texts(reminder)
        self.last_appointment_id = reminder.appointment_id
        if self.tray is not None:
            self.tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 60_000)
        self.notified.emit(reminder.appointment_id, title, message)

    def message_clicked(self) -> None:
        """Open the call of the last notification (Qt does not say which one was clicked)."""
        if self.last_appointment_id is not None:
            self.open_appointment.emit(self.last_appointment_id)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_window.emit()
