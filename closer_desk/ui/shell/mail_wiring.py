"""Where mail meets the window (called by ``rooms_wiring``): the invite badge under the
selected call, "Send invite" in the Calendar menu and on the call's right-click, File → Read
replies…, Settings → Mail account…, the Outbox room, the question after a move or a
cancellation, and the outbox sent while the window is open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from closer_desk.core.mail.state import InviteState
from closer_desk.core.model import Changes
from closer_desk.ui.common.room import Room
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.mail.actions import MailActions
from closer_desk.ui.mail.badge import InviteBadge
from closer_desk.ui.shell.mainwindow import MainWindow

#: How long after the first paint the outbox is first sent.
OUTBOX_DELAY_MS = 2_000


class MailWiring(QObject):
    """The mail side of one window.

    Attributes:
        actions: what the window does with mail (send, ask, read answers).
        badge: the selected call's invite, in the details pane.
        send_action: "Send invite" (Calendar menu, right-click on a call).
        ask_action: Settings → "Ask before sending an update" (unticked: remembered).
        account_dialog: the mail account dialog last opened, or None.
        status: the status bar's mail line; ``text`` the whole of its last sentence.
    """

    def __init__(
        self,
        window: MainWindow,
        source: AgendaSource,
        selected_id: Callable[[], int | None],
        listen: Callable[[Room], object],
        after: QAction | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.source = source
        # A line of its own: the window's status line is cleared whenever the worker idles.
        self.status = QLabel(window)
        self.status.setObjectName("mail_status")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        window.statusBar().addPermanentWidget(self.status)
        self.actions = MailActions(source, window.settings, window, self.say)
        self.badge = InviteBadge(source, lambda: window.agenda.zone)
        window.agenda.add_to_details(self.badge)
        listen(self.badge)
        window.agenda.call_shown.connect(self.badge.set_appointment)
        self.badge.send_requested.connect(self.actions.send_invite)
        self.badge.counter_answered.connect(self.actions.answer_counter)
        window.operations.done.connect(self.actions.after_change)
        window.agenda.loaded.connect(self.mark_calls)
        source.changed.connect(self._marks_changed)
        self.account_dialog: QObject | None = None
        self.text = ""

        self.send_action = QAction(QCoreApplication.translate("Mail", "Send &invite"), window)
        self.send_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.send_action.triggered.connect(lambda: self.actions.send_invite(selected_id()))
        window.addAction(self.send_action)
        # Beside the other invite actions, before whatever the shell put after them.
        calendar = window.menu("calendar")
        actions = calendar.actions()
        later = actions[actions.index(after) + 1 :] if after in actions else []
        if later:
            calendar.insertAction(later[0], self.send_action)
        else:
            calendar.addAction(self.send_action)
        window.agenda.add_context_actions([self.send_action])
        replies = QAction(QCoreApplication.translate("Mail", "Read &replies…"), window)
        replies.triggered.connect(lambda: self.actions.open_replies())
        window.menu("file").addAction(replies)
        account = QAction(QCoreApplication.translate("Mail", "&Mail account…"), window)
        account.triggered.connect(lambda: self.edit_account(None))
        window.menu("settings").addAction(account)
        # The way back from "Remember my choice": ticked, the question comes again.
        self.ask_action = QAction(
            QCoreApplication.translate("Mail", "&Ask before sending an update"), window
        )
        self.ask_action.setCheckable(True)
        self.ask_action.toggled.connect(self._ask_again)
        window.menu("settings").addAction(self.ask_action)
        window.menu("settings").aboutToShow.connect(self._show_choice)
        self._show_choice()

    def _show_choice(self) -> None:
        self.ask_action.blockSignals(True)
        self.ask_action.setChecked(self.actions.update_choice() == "ask")
        self.ask_action.blockSignals(False)

    def _ask_again(self, ask: bool) -> None:
        if ask:
            self.actions.forget_update_choice()
        else:
            # Unticked by hand: keep the prospects up to date without asking.
            self.actions.remember_update_choice(send=True)

    def mark_calls(self) -> None:
        """Dot each call on screen whose invite went out with its state's colour (worker)."""
        from PySide6.QtGui import QColor

        from closer_desk.ui.mail import jobs
        from closer_desk.ui.mail.badge import MARKS

        ids = [e.appointment.id for e in self.window.agenda.entries]
        grid = self.window.agenda.grid

        def mark(states: dict[int, InviteState]) -> None:
            grid.set_marks({i: QColor(MARKS[s]) for i, s in states.items() if s in MARKS})

        self.source.query(grid, lambda agenda: jobs.invite_marks(agenda, ids), mark)

    def _marks_changed(self, changes: Changes) -> None:
        # The page's own reload after a call changed marks it again (``loaded``).
        if changes.invites and not changes.appointments:
            self.mark_calls()

    def say(self, text: str) -> None:
        """Show one line about mail in the status bar (cut to fit; whole in the tooltip)."""
        width = max(200, self.window.width() // 2)
        self.status.setText(
            self.status.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)
        )
        self.status.setToolTip(text)
        self.text = text

    def outbox_room(self) -> Room:
        """The Outbox room (built the first time it is opened)."""
        from closer_desk.ui.mail.outbox import OutboxRoom

        return OutboxRoom(self.source, self.actions, lambda: self.window.agenda.zone)

    def edit_account(self, closer_id: int | None) -> QObject | None:
        """Open the mail account of a closer (None: the one whose agenda is shown)."""
        from closer_desk.ui.mail.account import MailAccountDialog

        directory = self.source.directory
        closer = directory.closer(closer_id) if closer_id is not None else self.window.agenda.closer
        if closer is None:
            return None
        dialog = MailAccountDialog(self.source, closer.id, closer.name, closer.email, self.window)
        dialog.finished.connect(dialog.deleteLater)
        self.account_dialog = dialog
        dialog.open()
        return dialog

    def start(self) -> None:
        """Send the outbox now and every minute while the window is open."""
        self.actions.start()
