"""The sync's part of the window: the Calendar menu's "Shared calendars…", "Sync now" and
"Sync conflicts…", the state in the status bar, the flag under the selected call, and the
background sync. Built by the shell (``ui.shell.rooms_wiring``), which hands it the pieces of
the window it lives in; it knows no room."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

from closer_desk.core.model import Changes
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.sync.flag_note import SyncFlagNote
from closer_desk.ui.sync.scheduler import SyncScheduler, SyncState
from closer_desk.ui.sync.status import SyncStatus

if TYPE_CHECKING:
    from closer_desk.ui.sync.conflicts import ConflictDialog
    from closer_desk.ui.sync.setup_dialog import SyncSetupDialog


class SyncArea(QObject):
    """Everything of the sync in one window.

    Attributes:
        scheduler: when the window syncs, and the state.
        status: the state in the status bar.
        note: the flag of the selected call, for the details pane.
        setup_dialog, conflict_dialog: the dialogs while open, else None.
    """

    def __init__(
        self,
        source: AgendaSource,
        clock: Callable[[], datetime],
        settings: QSettings | None,
        window: QWidget,
        *,
        zone: Callable[[], str] = lambda: "UTC",
        scheduler: SyncScheduler | None = None,
    ) -> None:
        super().__init__(window)
        self.source = source
        self.window = window
        self.zone = zone
        self.scheduler = scheduler or SyncScheduler(source, settings, self)
        self.status = SyncStatus(clock, parent=window)
        self.note = SyncFlagNote(source)
        self.setup_dialog: SyncSetupDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.scheduler.state_changed.connect(self._on_state)
        self.scheduler.conflicts_found.connect(lambda _n: self.open_conflicts())
        self.status.conflicts.clicked.connect(lambda _c=False: self.open_conflicts())

    def install(self, menu: QMenu, status_bar: QStatusBar) -> None:
        """Add the actions to ``menu`` and the state to ``status_bar``."""
        menu.addSeparator()
        self.setup_action = menu.addAction(self.tr("&Shared calendars…"))
        self.setup_action.triggered.connect(lambda _c=False: self.open_setup())
        self.sync_action = menu.addAction(self.tr("S&ync now"))
        self.sync_action.triggered.connect(lambda _c=False: self.scheduler.sync_now())
        self.conflicts_action = menu.addAction(self.tr("Sync &conflicts…"))
        self.conflicts_action.triggered.connect(lambda _c=False: self.open_conflicts())
        self._on_state(self.scheduler.state)
        status_bar.addPermanentWidget(self.status)

    def on_changes(self, changes: Changes) -> None:
        """Every write the door announces: the scheduler sends the window's own soon after."""
        self.scheduler.on_changes(changes)

    def _on_state(self, state: SyncState) -> None:
        self.status.zone = self.zone()
        self.status.show_state(state)
        if hasattr(self, "sync_action"):
            self.sync_action.setEnabled(state.synced and not state.running)
            self.conflicts_action.setEnabled(bool(state.conflicts))

    # -- dialogs ----------------------------------------------------------------------------
    def open_setup(self, closer_id: int | None = None) -> SyncSetupDialog:
        """The shared calendars dialog (on the given closer, else the first)."""
        from closer_desk.ui.sync.setup_dialog import SyncSetupDialog

        if self.setup_dialog is None:
            dialog = SyncSetupDialog(self.source, self.window)
            dialog.account_saved.connect(lambda _id: self.scheduler.reload(then_sync=True))
            dialog.finished.connect(lambda _r: self._closed_setup(dialog))
            self.setup_dialog = dialog
        if closer_id is not None:
            self.setup_dialog.choose_closer(closer_id)
        self.setup_dialog.show()
        self.setup_dialog.raise_()
        return self.setup_dialog

    def _closed_setup(self, dialog: SyncSetupDialog) -> None:
        if self.setup_dialog is dialog:
            self.setup_dialog = None
        dialog.deleteLater()

    def open_conflicts(self) -> ConflictDialog:
        """The conflict dialog (brought forward, and read again, if it is open)."""
        from closer_desk.ui.sync.conflicts import ConflictDialog

        if self.conflict_dialog is None:
            dialog = ConflictDialog(self.source, self.window)
            dialog.resolved.connect(lambda _id: self._resolved())
            dialog.finished.connect(lambda _r: self._closed_conflicts(dialog))
            self.conflict_dialog = dialog
        else:
            self.conflict_dialog.load()
        self.conflict_dialog.show()
        self.conflict_dialog.raise_()
        return self.conflict_dialog

    def _resolved(self) -> None:
        # "Mine" is sent by the next sync: soon, not at the next tick.
        self.scheduler.reload()
        self.scheduler.sync_soon()

    def _closed_conflicts(self, dialog: ConflictDialog) -> None:
        if self.conflict_dialog is dialog:
            self.conflict_dialog = None
        dialog.deleteLater()
