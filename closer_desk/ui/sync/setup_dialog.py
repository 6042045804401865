"""Shared calendars: a closer's CalDAV calendar (address, user, password to the keyring) with
"Test the connection", and the closer's subscriptions (other calendars kept as busy time).

Every server question runs on the worker: the test through ``source.query`` (it writes
nothing), the set-up, a subscription and its removal through ``source.write``. Each answer is
one line under the form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core.sync.errors import RemoteError, RemoteProblem
from closer_desk.ui.common.source import AgendaSource, Directory
from closer_desk.ui.sync import words
from closer_desk.ui.sync.scheduler import TIMEOUT_S

if TYPE_CHECKING:
    from closer_desk.store import Agenda
    from closer_desk.store.sync.api import Account, SetUp
    from closer_desk.store.sync.subscriptions import Refreshed, Subscription

_ID_ROLE = Qt.ItemDataRole.UserRole


def _closer_view(agenda: Agenda, closer_id: int) -> tuple[Account | None, list[Subscription]]:
    from closer_desk.store.sync import api
    from closer_desk.store.sync.subscriptions import subscriptions

    held = [a for a in api.accounts(agenda) if a.closer_id == closer_id]
    return (held[0] if held else None), subscriptions(agenda, closer_id)


class SubscriptionDialog(QDialog):
    """The address (an https ``.ics`` or a read-only CalDAV calendar), a name, and the login
    when the calendar asks for one (the password goes to the keyring, as the set-up's)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add subscription"))
        form = QFormLayout(self)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://calendar.example.com/me/basic.ics")
        self.url.setMinimumWidth(420)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. My Google calendar"))
        self.user = QLineEdit(self)
        self.user.setPlaceholderText(self.tr("only if the calendar asks for one"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Address:"), self.url)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.refusal = QLabel(self)
        self.refusal.setWordWrap(True)
        self.refusal.hide()
        form.addRow(self.refusal)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        """Close on an address that can be read; else say why here, keeping what was typed."""
        from closer_desk.core.sync.errors import SyncRefusedError
        from closer_desk.store.sync.credentials import check_url

        try:
            check_url(self.url.text())
        except SyncRefusedError as error:
            self.refusal.setText(words.sync_error(error))
            self.refusal.show()
            self.url.setFocus()
            return
        super().accept()


class SyncSetupDialog(QDialog):
    """Set up a closer's shared calendar and subscriptions.

    Attributes:
        closer: which closer.
        url, user, password: the calendar's address and login.
        answer: the one line of the last answer.
        subscriptions: the closer's subscriptions.

    Signals:
        account_saved(int): a closer's calendar was set up (their id): sync now.
    """

    account_saved = Signal(int)

    def __init__(self, source: AgendaSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.setWindowTitle(self.tr("Shared calendars"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)

        calendar = QGroupBox(self.tr("The closer's calendar (CalDAV)"), self)
        form = QFormLayout(calendar)
        self.closer = QComboBox(calendar)
        for c in source.directory.closers:
            self.closer.addItem(c.name, c.id)
        self.url = QLineEdit(calendar)
        self.url.setPlaceholderText("https://dav.example.com/camille/calls/")
        self.user = QLineEdit(calendar)
        self.user.setPlaceholderText(self.tr("none if the server needs no login"))
        self.password = QLineEdit(calendar)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the system keyring"))
        form.addRow(self.tr("Closer:"), self.closer)
        form.addRow(self.tr("Calendar address:"), self.url)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test the connection"), calendar)
        self.save_button = QPushButton(self.tr("Share this closer's calls"), calendar)
        self.forget_button = QPushButton(self.tr("Stop sharing"), calendar)
        for button in (self.test_button, self.save_button, self.forget_button):
            row.addWidget(button)
        row.addStretch(1)
        form.addRow(row)
        layout.addWidget(calendar)

        busy = QGroupBox(self.tr("Subscriptions (busy time)"), self)
        column = QVBoxLayout(busy)
        self.subscriptions = QListWidget(busy)
        self.subscriptions.setMinimumHeight(90)
        column.addWidget(self.subscriptions)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add subscription…"), busy)
        self.remove_button = QPushButton(self.tr("Remove"), busy)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        column.addLayout(row)
        layout.addWidget(busy)

        self.answer = QLabel(self)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.answer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.closer.currentIndexChanged.connect(lambda _i: self.load())
        self.test_button.clicked.connect(lambda _c=False: self.test_connection())
        self.save_button.clicked.connect(lambda _c=False: self.save())
        self.forget_button.clicked.connect(lambda _c=False: self.forget())
        self.add_button.clicked.connect(lambda _c=False: self.ask_subscription())
        self.remove_button.clicked.connect(lambda _c=False: self.remove_subscription())
        self.subscriptions.currentRowChanged.connect(lambda _r: self._enable())
        self._account: Account | None = None
        self._working = False
        # Opened before the door has read the closers (or when one is added): the list follows.
        source.directory_loaded.connect(self._closers_read)
        source.people_loaded.connect(self._closers_read)
        self._enable()
        self.load()

    def _closers_read(self, directory: Directory) -> None:
        chosen = self.closer_id()
        self.closer.blockSignals(True)
        self.closer.clear()
        for c in directory.closers:
            self.closer.addItem(c.name, c.id)
        index = self.closer.findData(chosen) if chosen is not None else 0
        self.closer.setCurrentIndex(max(index, 0))
        self.closer.blockSignals(False)
        if self.closer_id() != chosen:
            self.load()
        self._enable()

    # -- state --------------------------------------------------------------------------------
    def closer_id(self) -> int | None:
        """The chosen closer's id."""
        value = self.closer.currentData()
        return int(value) if value is not None else None

    def choose_closer(self, closer_id: int) -> None:
        """Show that closer's calendar."""
        index = self.closer.findData(closer_id)
        if index >= 0:
            self.closer.setCurrentIndex(index)

    def _enable(self) -> None:
        idle = not self._working and self.closer_id() is not None
        for field in (self.url, self.user, self.password):
            field.setEnabled(not self._working)
        for button in (self.test_button, self.save_button, self.add_button):
            button.setEnabled(idle)
        self.forget_button.setEnabled(idle and self._account is not None)
        self.remove_button.setEnabled(idle and self.subscriptions.currentItem() is not None)

    def _busy(self, text: str) -> None:
        self._working = True
        self._say(text)
        self._enable()

    def _say(self, text: str) -> None:
        # One line: an error from a server can be long; the whole of it is in the tooltip.
        self.answer.setToolTip(text)
        metrics = self.answer.fontMetrics()
        self.answer.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, 540))

    def _answered(self, text: str) -> None:
        self._working = False
        self._say(text)
        self._enable()

    def _failed(self, error: BaseException) -> None:
        self._answered(words.sync_error(error))

    def load(self) -> None:
        """Read the chosen closer's calendar and subscriptions."""
        closer_id = self.closer_id()
        if closer_id is None:
            return

        def shown(view: tuple[Account | None, list[Subscription]]) -> None:
            if closer_id != self.closer_id():
                return  # another closer was chosen meanwhile
            self._account, subs = view
            if self._account is not None:
                self.url.setText(self._account.url)
                self.user.setText(self._account.username)
            else:
                self.url.clear()
                self.user.clear()
            self.password.clear()
            self.subscriptions.clear()
            for sub in subs:
                text = f"{sub.label} — {sub.url}"
                if sub.last_error:
                    text += f" ({words.problem_text(sub.last_error)})"
                item = QListWidgetItem(text, self.subscriptions)
                item.setData(_ID_ROLE, sub.id)
                item.setToolTip(sub.url)
            self._working = False
            self._enable()

        # The form waits for the closer's calendar: what was typed meanwhile would be replaced.
        self._working = True
        self._enable()
        for field in (self.url, self.user, self.password):
            field.setEnabled(False)
        self.source.query(self, lambda agenda: _closer_view(agenda, closer_id), shown, self._failed)

    # -- the calendar ---------------------------------------------------------------------------
    def _login(self) -> tuple[str, str, str | None]:
        return self.url.text().strip(), self.user.text().strip(), self.password.text() or None

    def test_connection(self) -> None:
        """Ask the server whether the address is a calendar this login may write (on the
        worker); the answer in one line."""
        url, user, password = self._login()
        if not url:
            self._answered(self.tr("Enter the calendar's address first."))
            return

        def check(_agenda: Agenda) -> tuple[bool, bool | None]:
            from closer_desk.store.sync import api
            from closer_desk.store.sync.credentials import check_url, password_for

            secret = password_for(user, check_url(url), password) if user else None
            return api.check_connection(url, user, secret, timeout=TIMEOUT_S)

        def answered(found: tuple[bool, bool | None]) -> None:
            is_calendar, can_write = found
            if not is_calendar:
                self._answered(words.sync_error(RemoteError(RemoteProblem.NOT_A_CALENDAR, url)))
            elif can_write is False:
                self._answered(self.tr("Connected: a calendar this account may only read."))
            else:
                self._answered(self.tr("Connected: a calendar this account may read and write."))

        def failed(error: BaseException) -> None:
            if isinstance(error, RemoteError) and error.problem == RemoteProblem.NOT_FOUND:
                # The login was accepted (a wrong one is refused first): set-up makes it.
                self._answered(self.tr("Connected: no calendar there yet; sharing creates it."))
            else:
                self._failed(error)

        self._busy(self.tr("Testing the connection…"))
        self.source.query(self, check, answered, failed)

    def save(self) -> None:
        """Share the chosen closer's calls with the calendar (the password to the keyring)."""
        closer_id = self.closer_id()
        if closer_id is None:
            return
        url, user, password = self._login()

        def set_up(agenda: Agenda) -> SetUp:
            from closer_desk.store.sync import api

            return api.set_up(
                agenda, closer_id, url, username=user, password=password, timeout=TIMEOUT_S
            )

        def done(made: SetUp) -> None:
            account = made.account
            right = {
                True: self.tr("read and write"),
                False: self.tr("read only"),
                None: self.tr("rights not told"),
            }[account.can_write]
            text = self.tr("%1's calls are shared (%2).").replace("%1", account.closer)
            text = text.replace("%2", right)
            if made.password_in == "env":
                text += " " + self.tr("No safe keyring here: the password is read from %1.")
                text = text.replace("%1", "CLOSER_DESK_SYNC_PASSWORD")
            self._answered(text)
            self.account_saved.emit(account.closer_id)
            self.load()

        self._busy(self.tr("Setting up…"))
        self.source.write(self, set_up, done, self._failed)

    def forget(self) -> None:
        """Stop sharing the chosen closer's calls (the calls stay, here and on the server)."""
        closer_id = self.closer_id()
        if closer_id is None:
            return

        def forget(agenda: Agenda) -> None:
            from closer_desk.store.sync import api

            api.forget_account(agenda, agenda.closer(closer_id))

        def done(_none: object) -> None:
            self._answered(self.tr("Not shared any more: the calls stay here and on the server."))
            self.account_saved.emit(closer_id)
            self.load()

        self._busy(self.tr("Stopping…"))
        self.source.write(self, forget, done, self._failed)

    # -- subscriptions ----------------------------------------------------------------------------
    def ask_subscription(self) -> SubscriptionDialog:
        """Ask for an address and a name, then subscribe (opened non-modal: tests fill it)."""
        dialog = SubscriptionDialog(self)
        dialog.accepted.connect(
            lambda: self.subscribe(
                dialog.url.text(),
                dialog.name.text(),
                user=dialog.user.text(),
                password=dialog.password.text(),
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def subscribe(self, url: str, name: str = "", *, user: str = "", password: str = "") -> None:
        """Read ``url`` now as the chosen closer's busy time, and at each sync after (with
        ``user`` and ``password`` when the calendar asks for a login)."""
        closer_id = self.closer_id()
        if closer_id is None or not url.strip():
            return
        user = user.strip()

        def add(agenda: Agenda) -> Refreshed:
            from closer_desk.store.sync.subscriptions import subscribe

            return subscribe(
                agenda,
                url,
                closer_id,
                label=name,
                username=user,
                password=password or None,
                timeout=TIMEOUT_S,
            )

        def done(made: Refreshed) -> None:
            text = self.tr("%1 subscribed; events read as busy time: %n.", "", made.events)
            text = text.replace("%1", made.label)
            if made.password_in == "env":
                keyring = self.tr("No safe keyring here: the password is read from %1.")
                text += " " + keyring.replace("%1", "CLOSER_DESK_SYNC_PASSWORD")
            self._answered(text)
            self.load()

        self._busy(self.tr("Reading the calendar…"))
        self.source.write(self, add, done, self._failed, undo=self.tr("Add subscription"))

    def remove_subscription(self) -> None:
        """Remove the selected subscription and its busy time."""
        item = self.subscriptions.currentItem()
        if item is None:
            return
        subscription_id = int(item.data(_ID_ROLE))

        def remove(agenda: Agenda) -> Any:
            from closer_desk.store.sync.subscriptions import unsubscribe

            return unsubscribe(agenda, subscription_id)

        def done(gone: Subscription) -> None:
            self._answered(self.tr("%1 removed, with its busy time.").replace("%1", gone.label))
            self.load()

        self._busy(self.tr("Removing…"))
        self.source.write(self, remove, done, self._failed, undo=self.tr("Remove subscription"))
