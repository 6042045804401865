"""How the window's rooms are put together and talk to each other (called by ``app.py``).

The main window only hosts rooms; this module builds them (lazily: a room is made the first
time it is opened, with the agenda then open), connects each room's requests to the room that
answers them (the pipeline's and the desk's "plan a call" to the planner) and spreads every
write: the agenda views reload and every other room gets ``on_changes(Changes)``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from closer_desk.core.model import Changes

#: What an outside write (the CLI, an import, an undo) may have changed: everything.
EVERYTHING = Changes(companies=True, prospects=True, closers=True, busy=True)
REMINDERS_DELAY_MS = 500
#: How wide the details pane opens once it holds the call's desk.
DESK_PANE_WIDTH = 480


class RoomsWiring(QObject):
    """The rooms of one window and the wires between them.

    Attributes:
        window: the ``MainWindow``.
        desk: the call's desk in the details pane (built when a call is first selected).
        invite_row: the "Save invite…" / "Copy invite" buttons under the selected call.
        reminders: (scheduler, tray) once started, else None.
    """

    def __init__(
        self,
        window: Any,
        agenda: Callable[[], Any],
        tasks: Any,
        clock: Callable[[], datetime],
        db_path: Path | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.agenda = agenda
        self.tasks = tasks
        self.clock = clock
        self.db_path = db_path
        self.desk: Any = None
        self.reminders: Any = None
        self._publishing = False
        self._plan_request: tuple[int, int | None] | None = None
        self._rooms: dict[str, QWidget] = {}
        self._add_rooms()
        self.invite_row = self._invite_row()
        room = window.agenda
        room.details.set_extra(self.invite_row)
        room.details.shown_changed.connect(self._show_desk)
        window.source.changed.connect(self._on_source_changed)
        window.on_damaged = self.offer_backup
        self._offered = False
        self._build_menu()

    # -- rooms ---------------------------------------------------------------------------------
    def _hosted(self, key: str, build: Callable[[], QWidget]) -> Callable[[], QWidget]:
        def factory() -> QWidget:
            room = build()
            self._rooms[key] = room
            changed = getattr(room, "changed", None)
            if changed is not None:
                changed.connect(lambda changes, r=room: self.publish(changes, r))
            return room

        return factory

    def _add_rooms(self) -> None:
        w = self.window
        w.add_room(
            "planner",
            QCoreApplication.translate("Rooms", "Planner"),
            self._hosted("planner", self._planner),
            "Ctrl+2",
        )
        for n, (key, title, kind) in enumerate(
            (
                ("companies", QCoreApplication.translate("Rooms", "Companies"), "CompaniesRoom"),
                ("prospects", QCoreApplication.translate("Rooms", "Prospects"), "ProspectsRoom"),
                ("closers", QCoreApplication.translate("Rooms", "Closers"), "ClosersRoom"),
            )
        ):
            w.add_room(key, title, self._hosted(key, self._directory(kind)), f"Ctrl+{3 + n}")
        w.add_room(
            "reports",
            QCoreApplication.translate("Rooms", "Reports"),
            self._hosted("reports", self._reports),
            "Ctrl+6",
        )
        w.add_room(
            "pipeline",
            QCoreApplication.translate("Rooms", "Pipeline"),
            self._hosted("pipeline", self._pipeline),
            "Ctrl+7",
        )

    def _planner(self) -> QWidget:
        from closer_desk.ui.planner.room import Planner

        room = Planner(self.agenda(), self.tasks)
        room.slot_booked.connect(
            lambda id_: self.publish(Changes(appointments=frozenset({id_})), room)
        )
        return room

    def _directory(self, kind: str) -> Callable[[], QWidget]:
        def build() -> QWidget:
            from closer_desk.ui.directory import rooms

            room: QWidget = getattr(rooms, kind)(self.agenda(), self.tasks, clock=self.clock)
            return room

        return build

    def _reports(self) -> QWidget:
        from closer_desk.ui.reports.room import ReportsRoom

        return ReportsRoom(self.agenda(), self.tasks)

    def _pipeline(self) -> QWidget:
        from closer_desk.ui.reports.pipeline import PipelineRoom

        room = PipelineRoom(self.agenda(), self.tasks)
        room.plan_call.connect(self.plan_call)
        room.plan_next.connect(self.plan_call)
        return room

    def built(self, key: str) -> QWidget | None:
        """A room if it was built already (tests, and the broadcast, look at it)."""
        return self._rooms.get(key)

    # -- the desk in the details pane --------------------------------------------------------
    def desk_widget(self) -> Any:
        """The call's desk (built, and put under the call's details, on first use)."""
        if self.desk is None:
            from closer_desk.ui.desk.widgets import CallDeskWidget

            desk = CallDeskWidget(self.agenda(), self.tasks)
            desk.setMinimumHeight(640)
            desk.changed.connect(lambda changes: self.publish(changes, desk))
            desk.plan_follow_up.connect(self.plan_call)
            desk.plan_next.connect(self.plan_call)
            details = self.window.agenda.details
            # The desk has richer outcome buttons (deal value, reason): one set only.
            details.outcomes.hide()
            details.set_extra(desk)
            self.desk = desk
            # The pane now holds the script, notes and file: give it room from the grid.
            splitter = details.parentWidget()
            sizes = splitter.sizes()
            if len(sizes) == 2 and sizes[1] < DESK_PANE_WIDTH:
                splitter.setSizes([max(sum(sizes) - DESK_PANE_WIDTH, 0), DESK_PANE_WIDTH])
        return self.desk

    def _show_desk(self, appointment_id: int | None) -> None:
        if appointment_id is None and self.desk is None:
            return
        self.desk_widget().set_appointment(appointment_id)

    # -- planning a call -----------------------------------------------------------------------
    def plan_call(self, prospect_id: int, previous_id: int | None = None) -> None:
        """Open the planner on a prospect; with ``previous_id`` the call booked there continues
        that earlier call. Requests made in one go (a follow-up asks twice) are merged."""
        pending = self._plan_request
        if pending is None:
            QTimer.singleShot(0, self, self._plan_now)
        if pending is None or pending[0] != prospect_id or previous_id is not None:
            self._plan_request = (prospect_id, previous_id)

    def _plan_now(self) -> None:
        request, self._plan_request = self._plan_request, None
        if request is None:
            return
        self.window.show_room("planner")
        planner = self.window.room("planner")
        planner.plan_for(*request)

    # -- spreading changes ---------------------------------------------------------------------
    def publish(self, changes: Changes, origin: object | None = None) -> None:
        """A room wrote: the agenda views reload and every other room hears ``changes``."""
        self._publishing = True
        try:
            self.window.source.refresh()
        finally:
            self._publishing = False
        self._tell_rooms(changes, origin)

    def _on_source_changed(self) -> None:
        # The window's own writes (the editor, a drag, an undo) and other processes' writes.
        if not self._publishing:
            self._tell_rooms(EVERYTHING, None)

    def _tell_rooms(self, changes: Changes, origin: object | None) -> None:
        rooms: list[Any] = [*self._rooms.values(), self.desk]
        for room in rooms:
            if room is not None and room is not origin and hasattr(room, "on_changes"):
                room.on_changes(changes)

    # -- invites of the selected call ----------------------------------------------------------
    def selected_id(self) -> int | None:
        """The call selected in the agenda, if any."""
        entry = self.window.agenda.selected_entry()
        return entry.appointment.id if entry is not None else None

    def _invite_row(self) -> QWidget:
        from closer_desk.ui.calendars.menu import CalendarActions

        self.calendar = CalendarActions(
            self.window, self.agenda, self.selected_id, on_written=self.publish
        )
        row = QWidget()
        layout = QHBoxLayout(row)
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
        add_context_actions(
            window,
            [window.edit_action, calendar["save_invite"], calendar["copy_invite"]],
        )

    # -- restore -------------------------------------------------------------------------------
    def restore_from_backup(self) -> Any:
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
        from closer_desk.ui.shell.backups_dialog import offer_restore

        if self._offered:
            return False
        self._offered = True
        self.tasks.wait()
        restored = offer_restore(error, self.window)  # type: ignore[arg-type]
        if restored:
            self._offered = False
            self.publish(EVERYTHING)
        else:
            self.window.status.setText(
                QCoreApplication.translate("Rooms", "The agenda is damaged: it was not opened.")
            )
        return restored

    def release(self) -> None:
        """Let go of the file (a restore replaces it): wait for the worker, close the
        connections."""
        self.tasks.wait()
        self.agenda().close()

    def reopen(self) -> None:
        """Open the (restored) file again: upgraded if it is an older copy, then re-read."""
        from closer_desk.core.errors import CloserDeskError
        from closer_desk.store import open_agenda

        try:
            # Brings an older backup up to the schema; the window's Agenda reconnects by itself.
            open_agenda(self.db_path, daily_backup=False).close()
        except CloserDeskError as error:
            self.window.status.setText(str(error))
        self.publish(EVERYTHING)

    # -- reminders -----------------------------------------------------------------------------
    def start_reminders_later(self) -> None:
        """The tray reminders, once the first page is on screen (they load the store)."""
        QTimer.singleShot(REMINDERS_DELAY_MS, self.window, self._start_reminders)

    def _start_reminders(self) -> None:
        from closer_desk.ui.shell.reminders import ReminderScheduler, ReminderTray

        window = self.window
        scheduler = ReminderScheduler(self.agenda(), self.tasks, clock=self.clock, parent=window)
        tray = ReminderTray(scheduler, parent=window)
        window.source.changed.connect(scheduler.reload)
        tray.open_appointment.connect(window.show_appointment)
        tray.show_window.connect(window.showNormal)
        scheduler.reload()
        self.reminders = window.reminders = (scheduler, tray)


def add_context_actions(window: Any, actions: list[Any]) -> None:
    """Right-click on a call in the grid or the list offers ``actions`` (it selects first)."""
    for view in (window.agenda.grid.viewport(), window.agenda.list.table.viewport()):
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addActions(actions)
