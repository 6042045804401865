"""The Pipeline room: hot prospects with no call booked, follow-ups due, no-shows to
reschedule, each one click ("Plan") from the planner."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core.model import Changes
from closer_desk.core.pipeline import PipelineKind
from closer_desk.store.pipeline import load_pipeline
from closer_desk.ui.common import i18n
from closer_desk.ui.common.room import PlanCall
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.table import table_view
from closer_desk.ui.reports.models import PipelineModel, PipelineRow

if TYPE_CHECKING:
    from closer_desk.store import Agenda


def load_rows(agenda: Agenda) -> list[PipelineRow]:
    """The pipeline with each last call's time on the closer's clock (runs on the worker)."""
    items = load_pipeline(agenda)
    closers = agenda.closers()
    zone = closers[0].zone if closers else "UTC"
    return [(i, i18n.call_time(i.last_call.start, zone) if i.last_call else "") for i in items]


class PipelineRoom(QWidget):
    """Prospects waiting for their next call.

    Attributes:
        model: the rows shown.

    Signals:
        requested(PlanCall): plan a call with a prospect (for a follow-up or a no-show, one
            that continues their last call).
        loaded(): the list was refreshed.
    """

    requested = Signal(object)
    loaded = Signal()

    def __init__(self, source: AgendaSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.model = PipelineModel(self)
        self.view = table_view(self.model, self, stretch=1)
        self.view.setWordWrap(False)  # a cell cut short says all of it in its tooltip
        # The Plan buttons' column holds no text: sized on them (``_show``), not on its cells.
        self.view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Fixed)
        self.view.doubleClicked.connect(lambda index: self.plan_row(index.row()))
        self.empty_label = QLabel(self.tr("Nobody is waiting for a call."), self)
        self.summary = QLabel(self)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        self.empty_label.hide()

    def on_changes(self, changes: Changes) -> None:
        """Read the list again, if it is in view, after calls or prospects changed (a booking
        takes a prospect off it, a hotter temperature puts one on); out of view, the next
        showing reads it anyway."""
        concerned = changes.unknown or changes.appointments or changes.prospects
        if concerned and self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        """Re-read the list each time the room comes into view (outcomes change it)."""
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Re-read the pipeline off the GUI thread."""
        self._source.query(self, load_rows, self._show, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(
            self.tr("The pipeline could not be read (%1).").replace("%1", type(error).__name__)
        )

    def _show(self, rows: list[PipelineRow]) -> None:
        self.model.set_rows(rows)
        for row in range(len(rows)):
            button = QPushButton(self.tr("Plan"), self.view)
            button.setObjectName(f"plan_{row}")
            button.clicked.connect(lambda _checked=False, r=row: self.plan_row(r))
            self.view.setIndexWidget(self.model.index(row, 4), button)
            # The column holds no text: as wide as its button, in every language.
            self.view.setColumnWidth(4, button.sizeHint().width() + 8)
        self.summary.setText(self.tr("%n prospect(s) waiting for a call", "", len(rows)))
        self.empty_label.setVisible(not rows)
        self.view.setVisible(bool(rows))
        self.loaded.emit()

    def plan_row(self, row: int) -> None:
        """Ask the planner for a call with the prospect of ``row``."""
        if 0 <= row < self.model.rowCount():
            item = self.model.item(row)
            last = item.last_call
            # A follow-up or a no-show: the next call continues it. A hot prospect: a new one.
            continued = (
                last.id if last is not None and item.kind != PipelineKind.HOT_NO_CALL else None
            )
            self.requested.emit(PlanCall(item.prospect.id, continued))

    def plan_button(self, row: int) -> QPushButton:
        """The "Plan" button of a row (tests click it)."""
        widget = self.view.indexWidget(self.model.index(row, 4))
        assert isinstance(widget, QPushButton)
        return widget
