"""How the window's rooms are put together and talk to each other (called by ``app.py``).

The main window only hosts rooms; this module builds them (lazily: a room is made the first
time it is opened), hands each the one door to the agenda, lets every room hear what the door
announces (``Room.on_changes``), and routes what a room asks for (``Room.requested``: plan a
call, show a call) to the room that answers. No room knows another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget

from closer_desk.core.model import Changes, OutcomeChoice
from closer_desk.ui.calendars.menu import CalendarActions
from closer_desk.ui.common.button_rows import ButtonRows
from closer_desk.ui.common.room import EditMailAccount, PlanCall, Request, Room, ShowCall
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.shell.mail_wiring import OUTBOX_DELAY_MS, MailWiring
from closer_desk.ui.shell.mainwindow import MainWindow

if TYPE_CHECKING:  # imported when first used (the desk and the reminders load the store)
    from closer_desk.ui.desk.widgets import CallDeskWidget
    from closer_desk.ui.planner.room import Booked
    from closer_desk.ui.shell.backups_dialog import BackupsDialog
    from closer_desk.ui.shell.reminder_banner import ReminderBanner
    from closer_desk.ui.shell.reminders import ReminderScheduler, ReminderTray
    from closer_desk.ui.sync.area import SyncArea

REMINDERS_DELAY_MS = 500
#: The sync's part of the window is built, and its first sync started, after the first paint.
SYNC_DELAY_MS = 1500
#: How wide the details pane opens once it holds the call's desk.
DESK_PANE_WIDTH = 480


@dataclass(frozen=True)
class RoomSpec:
    """A room the window hosts: its key, its title in the Go menu, its shortcut, and how to
    build it (the first time it is opened)."""

    key: str
    title: str
    shortcut: str
    build: Callable[[], Room]


class RoomsWiring(QObject):
    """The rooms of one window and the wires between them.

    Attributes:
        window: the ``MainWindow``.
        desk: the call's desk in the details pane (built when a call is first selected).
        invite_row: the "Save invite…" / "Copy invite" buttons under the selected call.
        calendar: the Calendar menu's actions.
        sync: the shared calendars (menu, status bar, flag under the call, background sync).
        reminders: (scheduler, tray) once started, else None.
        banner: the reminders due, shown in the window (once started), else None.
        mail: the mail side (invite badge, Send invite, Outbox room, the update question).
    """

    def __init__(
        self,
        window: MainWindow,
        source: AgendaSource,
        clock: Callable[[], datetime],
        db_path: Path | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.source = source
        self.clock = clock
        self.db_path = db_path
        window.agenda_path = db_path
        self.desk: CallDeskWidget | None = None
        self.reminders: tuple[ReminderScheduler, ReminderTray] | None = None
        self.banner: ReminderBanner | None = None
        self._plan_request: PlanCall | None = None
        self._rooms: dict[str, Room] = {}
        #: Each room's action in the Go menu.
        self.actions: dict[str, QAction] = {}
        for spec in self._specs():
            self.actions[spec.key] = window.add_room(
                spec.key, spec.title, self._hosted(spec), spec.shortcut
            )
        # Ctrl+2 over a selected call plans from that call (after the room is shown).
        self.actions["planner"].triggered.connect(self._plan_selected)
        self.invite_row = self._invite_row()
        window.agenda.add_to_details(self.invite_row)
        window.agenda.call_shown.connect(self._show_desk)
        window.agenda.outcome_wanted.connect(self._desk_outcome)
        # What was typed in the desk is saved before the window (and its worker) goes away.
        window.closing.connect(self._flush_desk)
        window.on_damaged = self.offer_backup
        self._offered = False
        self._build_menu()
        from closer_desk.ui.shell.help import install_help

        self.help_actions = install_help(window, db_path, window.settings)
        self._sync: SyncArea | None = None
        self.mail = MailWiring(
            window, source, self.selected_id, self._listen, self.calendar.actions["copy_invite"]
        )

    # -- rooms ---------------------------------------------------------------------------------
    def _specs(self) -> list[RoomSpec]:
        return [
            RoomSpec(
                "planner", QCoreApplication.translate("Rooms", "Planner"), "Ctrl+2", self._planner
            ),
            RoomSpec(
                "companies",
                QCoreApplication.translate("Rooms", "Companies"),
                "Ctrl+3",
                self._companies,
            ),
            RoomSpec(
                "prospects",
                QCoreApplication.translate("Rooms", "Prospects"),
                "Ctrl+4",
                self._prospects,
            ),
            RoomSpec(
                "closers", QCoreApplication.translate("Rooms", "Closers"), "Ctrl+5", self._closers
            ),
            RoomSpec(
                "reports", QCoreApplication.translate("Rooms", "Reports"), "Ctrl+6", self._reports
            ),
            RoomSpec(
                "pipeline",
                QCoreApplication.translate("Rooms", "Pipeline"),
                "Ctrl+7",
                self._pipeline,
            ),
            RoomSpec(
                "outbox",
                QCoreApplication.translate("Rooms", "Outbox"),
                "Ctrl+8",
                lambda: self.mail.outbox_room(),
            ),
        ]

    # Each room's module is imported when the room is first opened: most of them load the
    # store's SQL, which the first paint of the agenda does without.
    def _planner(self) -> Room:
        from closer_desk.ui.planner.room import Planner

        planner = Planner(self.source)
        planner.booked.connect(self._planner_wrote)
        return planner

    def _companies(self) -> Room:
        from closer_desk.ui.directory.rooms import CompaniesRoom

        return CompaniesRoom(self.source, clock=self.clock)

    def _prospects(self) -> Room:
        from closer_desk.ui.directory.rooms import ProspectsRoom

        return ProspectsRoom(self.source, clock=self.clock)

    def _closers(self) -> Room:
        from closer_desk.ui.directory.rooms import ClosersRoom

        return ClosersRoom(self.source, clock=self.clock)

    def _reports(self) -> Room:
        from closer_desk.ui.reports.room import ReportsRoom

        return ReportsRoom(self.source)

    def _pipeline(self) -> Room:
        from closer_desk.ui.reports.pipeline import PipelineRoom

        return PipelineRoom(self.source)

    def _hosted(self, spec: RoomSpec) -> Callable[[], QWidget]:
        def factory() -> QWidget:
            room = spec.build()
            assert isinstance(room, QWidget)  # every room is a page of the window
            self._rooms[spec.key] = room
            self._listen(room)
            return room

        return factory

    def _listen(self, room: Room) -> None:
        """``room`` hears every write and may ask for what only another room can do."""
        self.source.changed.connect(room.on_changes)
        room.requested.connect(self.answer)

    def built(self, key: str) -> Room | None:
        """A room if it was built already (tests look at it)."""
        return self._rooms.get(key)

    def answer(self, request: Request) -> None:
        """Route what a room asked for to the room that does it."""
        if isinstance(request, PlanCall):
            self.plan_call(request.prospect_id, request.previous_id)
        elif isinstance(request, ShowCall):
            self.window.show_appointment(request.appointment_id)
        elif isinstance(request, EditMailAccount):
            self.mail.edit_account(request.closer_id)

    # -- the desk in the details pane --------------------------------------------------------
    def desk_widget(self) -> CallDeskWidget:
        """The call's desk (built, and put under the call's details, on first use)."""
        if self.desk is None:
            from closer_desk.ui.desk.widgets import CallDeskWidget

            desk = CallDeskWidget(self.source, self.clock)
            desk.setMinimumHeight(640)
            self._listen(desk)
            # The desk has richer outcome buttons (deal value, reason): one set only; and it
            # holds the script, notes and file: the pane takes room from the grid.
            self.window.agenda.host_desk(desk, DESK_PANE_WIDTH)
            self.desk = desk
        return self.desk

    def _show_desk(self, appointment_id: int | None) -> None:
        if appointment_id is None and self.desk is None:
            return
        self.desk_widget().set_appointment(appointment_id)

    def _desk_outcome(self, appointment_id: int, outcome: OutcomeChoice) -> None:
        self.desk_widget().ask_outcome(outcome, appointment_id)

    def _flush_desk(self) -> None:
        if self.desk is not None:
            self.desk.flush()

    # -- planning a call -----------------------------------------------------------------------
    def plan_call(self, prospect_id: int, previous_id: int | None = None) -> None:
        """Open the planner on a prospect; with ``previous_id`` the call booked there continues
        that earlier call. The planner opens once the current event is over (the write that
        asked for it has been announced)."""
        if self._plan_request is None:
            QTimer.singleShot(0, self, self._plan_now)
        self._plan_request = PlanCall(prospect_id, previous_id)

    def _plan_selected(self) -> None:
        """The planner was opened from the agenda over a selected call: plan from it (the
        call is rescheduled, or followed up once held)."""
        from closer_desk.ui.planner.room import Planner

        entry = self.window.agenda.selected_entry()
        if self.window.previous_room != "agenda" or entry is None:
            return
        planner = self.window.room("planner")
        assert isinstance(planner, Planner)
        planner.plan_from_call(entry.appointment.id)

    def _planner_wrote(self, done: Booked) -> None:
        """A booking or a move in the planner (on the door's undo stack, like every change):
        told in the status bar, with the undo in the Edit menu."""
        from closer_desk.ui.planner.room import Planner

        planner = self._rooms.get("planner")
        if isinstance(planner, Planner):
            self.window.notify(planner.confirmation(done))

    def _plan_now(self) -> None:
        from closer_desk.ui.planner.room import Planner

        request, self._plan_request = self._plan_request, None
        if request is None:
            return
        self.window.show_room("planner")
        planner = self.window.room("planner")
        assert isinstance(planner, Planner)
        planner.plan_for(request.prospect_id, request.previous_id)

    # -- invites of the selected call ----------------------------------------------------------
    def selected_id(self) -> int | None:
        """The call selected in the agenda, if any."""
        entry = self.window.agenda.selected_entry()
        return entry.appointment.id if entry is not None else None

    def _invite_row(self) -> QWidget:
        self.calendar = CalendarActions(
            self.window,
            self.source,
            self.clock,
            self.selected_id,
            lambda: self.window.agenda.zone,
            self.window.status.setText,
        )
        row = QWidget()
        # Side by side, or one under the other in a narrow pane (French words are longer).
        layout = ButtonRows(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, slot in (
            (QCoreApplication.translate("Rooms", "Save invite…"), self.calendar.save_invite),
            (QCoreApplication.translate("Rooms", "Copy invite"), self.calendar.copy_invite),
        ):
            button = QPushButton(text, row)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            layout.addWidget(button)
        return row

    def _build_menu(self) -> None:
        window = self.window
        self.calendar.install(window.menu("calendar"))
        if self.db_path is not None:
            menu = window.menu("calendar")
            menu.addSeparator()
            self.restore_action = menu.addAction(
                QCoreApplication.translate("Rooms", "&Restore from backup…")
            )
            self.restore_action.triggered.connect(lambda _checked=False: self.restore_from_backup())
        calendar = self.calendar.actions
        window.agenda.add_context_actions([calendar["save_invite"], calendar["copy_invite"]])

    @property
    def sync(self) -> SyncArea:
        """The shared calendars' part of the window (built after the first paint, by
        ``start_sync_later``, or when first asked for)."""
        if self._sync is None:
            self._sync = self._sync_area()
        return self._sync

    def _sync_area(self) -> SyncArea:
        from closer_desk.ui.sync.area import SyncArea

        window = self.window
        area = SyncArea(
            self.source, self.clock, window.settings, window, zone=lambda: window.agenda.zone
        )
        area.install(window.menu("calendar"), window.statusBar())
        window.agenda.add_to_details(area.note)
        window.agenda.call_shown.connect(area.note.set_appointment)
        area.note.set_appointment(self.selected_id())  # a call chosen before it was built
        self._listen(area.note)
        self.source.changed.connect(area.on_changes)
        return area

    # -- restore -------------------------------------------------------------------------------
    def restore_from_backup(self) -> BackupsDialog:
        """Open the backups dialog; after a restore the agenda is opened again and every view
        and room re-reads it."""
        from closer_desk.ui.shell.backups_dialog import BackupsDialog

        assert self.db_path is not None
        dialog = BackupsDialog(self.db_path, self.release, self.reopen, self.window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def offer_backup(self, error: BaseException) -> bool:
        """The agenda was found damaged when the worker opened it (after the first paint):
        offer its newest good backup once, and read everything again if it was restored."""
        from closer_desk.core.errors import AgendaCorruptError
        from closer_desk.ui.shell import backups_dialog

        if self._offered or not isinstance(error, AgendaCorruptError):
            return False
        self._offered = True
        self.source.tasks.wait()
        restored = backups_dialog.offer_restore(error, self.window)
        if restored:
            self._offered = False
            self.source.publish(Changes.from_outside())
        else:
            self.window.status.setText(
                QCoreApplication.translate("Rooms", "The agenda is damaged: it was not opened.")
            )
        return restored

    def release(self) -> None:
        """Let go of the file (a restore replaces it): wait for the worker, close the
        connections."""
        self.source.release()

    def reopen(self) -> None:
        """Open the (restored) file again: upgraded if it is an older copy, then re-read."""
        from closer_desk.core.errors import CloserDeskError
        from closer_desk.store import open_agenda

        try:
            # Brings an older backup up to the schema; the window's Agenda reconnects by itself.
            open_agenda(self.db_path, daily_backup=False).close()
        except CloserDeskError as error:
            self.window.status.setText(str(error))
        self.source.publish(Changes.from_outside())

    # -- reminders -----------------------------------------------------------------------------
    def start_reminders_later(self) -> None:
        """The reminders, once the first page is on screen (they load the store); the outbox
        is sent a little later, then every minute."""
        QTimer.singleShot(REMINDERS_DELAY_MS, self.window, self.start_reminders)
        QTimer.singleShot(OUTBOX_DELAY_MS, self.window, self.mail.start)

    def start_sync_later(self) -> None:
        """The shared calendars (menu, status bar, background sync), once the first page is on
        screen."""
        QTimer.singleShot(SYNC_DELAY_MS, self.window, lambda: self.sync.scheduler.start())

    def start_reminders(self) -> None:
        """Remind of each call before it starts: in the window (snooze, dismiss), and in the
        desktop's tray when it has one."""
        from closer_desk.ui.shell.reminder_banner import ReminderBanner
        from closer_desk.ui.shell.reminders import ReminderScheduler, ReminderTray

        if self.reminders is not None:
            return
        window = self.window
        scheduler = ReminderScheduler(self.source, clock=self.clock, parent=window)
        tray = ReminderTray(scheduler, parent=window)
        banner = ReminderBanner(scheduler.now, window)
        window.add_notice(banner)
        self.source.changed.connect(scheduler.on_changes)
        scheduler.reminder_due.connect(banner.show_reminder)
        banner.snoozed.connect(scheduler.snooze)
        scheduler.reloaded.connect(lambda: banner.keep_only(scheduler.calls()))
        banner.open_requested.connect(lambda call: self.answer(ShowCall(call)))
        tray.open_appointment.connect(banner.forget)
        tray.open_appointment.connect(lambda call: self.answer(ShowCall(call)))
        tray.show_window.connect(window.showNormal)
        scheduler.reload()
        self.reminders = (scheduler, tray)
        self.banner = banner
