"""The Outbox room: every message the agenda sends (queued, sent, failed with the server's
words), Retry and Send now; answers saved from the mail program are dropped here (or opened
with File → Read replies…)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from closer_desk.core.mail.state import MessageState
from closer_desk.core.model import Changes
from closer_desk.ui.common import i18n
from closer_desk.ui.common.room import ShowCall, Staleness
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.table import Column, RowsModel, table_view
from closer_desk.ui.mail import jobs
from closer_desk.ui.mail.actions import MailActions
from closer_desk.ui.mail.words import kind_text, message_state_text, stored_reason

if TYPE_CHECKING:  # the store's outbox loads what building a message needs
    from closer_desk.store.outbox import OutboxMessage

#: One line of the room: the message, its prospect's name, and the zone times are shown in.
OutboxRow = tuple["OutboxMessage", str, str]
#: Messages Retry puts back in the queue.
RETRIABLE = frozenset({MessageState.FAILED, MessageState.UNCONFIRMED, MessageState.EXPIRED})
_REPLY_SUFFIXES = (".eml", ".ics")


def _when(row: OutboxRow) -> str:
    message, _, zone = row
    instant = message.sent or (
        message.next_attempt if message.state == MessageState.QUEUED else None
    )
    return i18n.call_time(instant, zone) if instant is not None else ""


def _call_text(page: jobs.OutboxPage, call_id: int | None, zone: str) -> str:
    """``Gabriel Tremblay, Tue 3 Mar 15:00`` (the start in the closer's zone)."""
    if call_id is None or call_id not in page.calls:
        return ""
    name, start = page.calls[call_id]
    return f"{name}, {i18n.call_time(start, zone)}"


class OutboxModel(RowsModel[OutboxRow]):
    """The outbox's messages, newest first."""

    context = "Outbox"
    columns = (
        Column(QT_TRANSLATE_NOOP("Outbox", "Call"), lambda r: r[1], None),
        Column(QT_TRANSLATE_NOOP("Outbox", "Message"), lambda r: kind_text(r[0].kind)),
        Column(QT_TRANSLATE_NOOP("Outbox", "To"), lambda r: r[0].recipient),
        Column(QT_TRANSLATE_NOOP("Outbox", "State"), lambda r: message_state_text(r[0].state)),
        Column(
            QT_TRANSLATE_NOOP("Outbox", "Tries"),
            lambda r: str(r[0].attempts),
            lambda r: r[0].attempts,
        ),
        Column(QT_TRANSLATE_NOOP("Outbox", "Sent / next try"), _when, lambda r: _when(r)),
        Column(
            QT_TRANSLATE_NOOP("Outbox", "Reason"),
            lambda r: stored_reason(r[0].last_error) if r[0].last_error else "",
        ),
    )

    def extra_data(self, row: OutboxRow, column: int, role: int) -> object:
        """Failed messages in red."""
        if role == Qt.ItemDataRole.ForegroundRole and row[0].state in RETRIABLE:
            return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.ToolTipRole and row[0].last_error:
            return stored_reason(row[0].last_error)
        return None


class OutboxRoom(QWidget):
    """The outbox.

    Attributes:
        model: the messages shown.

    Signals:
        requested(ShowCall): show the call of a message (double click).
        loaded(): the list was read again.
    """

    requested = Signal(object)
    loaded = Signal()

    def __init__(
        self,
        source: AgendaSource,
        actions: MailActions,
        zone: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._actions = actions
        self._zone = zone
        self.setAcceptDrops(True)
        self.model = OutboxModel(self)
        self.view = table_view(self.model, self, stretch=6)
        # One line a message: the whole reason of the selected one is shown under the table.
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.doubleClicked.connect(self._show_call)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.hint = QLabel(
            self.tr("Drop the prospects' answers (.eml, .ics) here, or use File → Read replies…"),
            self,
        )
        self.hint.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("&Retry"), self)
        self.send_button = QPushButton(self.tr("&Send now"), self)
        self.retry_button.clicked.connect(self.retry_selected)
        self.send_button.clicked.connect(self.send_now)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.retry_button)
        top.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.hint)
        self._staleness = Staleness(self, self.refresh)
        self._update_buttons()

    # -- Room ------------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        """Read again after a message or an answer changed (or calls: a prospect's name)."""
        if changes.unknown or changes.invites or changes.prospects:
            self._staleness.concerned()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        """Read the outbox each time the room comes into view (the timer sends meanwhile)."""
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Read the outbox (worker)."""
        self._source.query(self, jobs.outbox_page, self._show)

    def _show(self, page: jobs.OutboxPage) -> None:
        zone = self._zone()
        rows = [(m, _call_text(page, m.appointment_id, zone), zone) for m in page.messages]
        self.model.set_rows(rows)
        waiting = sum(
            m.state in (MessageState.QUEUED, MessageState.COMMITTING) for m in page.messages
        )
        failed = sum(m.state in RETRIABLE for m in page.messages)
        self.summary.setText(
            self.tr("%n message(s) waiting", "", waiting) + " · " + self.tr("%n failed", "", failed)
        )
        self._update_buttons()
        self.loaded.emit()

    # -- actions -----------------------------------------------------------------------------
    def selected(self) -> OutboxMessage | None:
        """The message selected, if any."""
        rows = self.view.selectionModel().selectedRows()
        row = self.model.row_of(rows[0]) if rows else None
        return row[0] if row is not None else None

    def select_row(self, row: int) -> None:
        """Select a line (tests, keyboard)."""
        self.view.selectRow(row)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        reason = stored_reason(chosen.last_error) if chosen and chosen.last_error else ""
        self.detail.setText(reason)
        self.detail.setVisible(bool(reason))
        self.retry_button.setEnabled(
            any(m.state in RETRIABLE for m, _, _ in self.model.rows())
            if chosen is None
            else chosen.state in RETRIABLE
        )

    def retry_selected(self) -> None:
        """Queue the selected failed message again and send it now (every failed one
        without a selection)."""
        chosen = self.selected()
        if chosen is not None:
            ids = frozenset({chosen.id}) if chosen.state in RETRIABLE else frozenset()
        else:
            ids = frozenset(m.id for m, _, _ in self.model.rows() if m.state == MessageState.FAILED)
        if ids:
            self._actions.send_these(ids)

    def send_now(self) -> None:
        """Send the selected queued message now, or everything due."""
        chosen = self.selected()
        if chosen is not None and chosen.state == MessageState.QUEUED:
            self._actions.send_these(frozenset({chosen.id}))
        else:
            self._actions.send_due()

    def _show_call(self, index: QModelIndex) -> None:
        row = self.model.row_of(index)
        if row is not None and row[0].appointment_id is not None:
            self.requested.emit(ShowCall(row[0].appointment_id))

    # -- dropped answers ---------------------------------------------------------------------
    @staticmethod
    def _reply_paths(event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [
            url.toLocalFile()
            for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(_REPLY_SUFFIXES)
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt's name
        """Take ``.eml`` and ``.ics`` files."""
        if self._reply_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt's name
        """Read the answers in the dropped files."""
        paths = self._reply_paths(event)
        if paths:
            event.acceptProposedAction()
            self._actions.read_replies(paths)
