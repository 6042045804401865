"""The Pipeline room: hot prospects with no call booked, follow-ups due, no-shows to
reschedule, each one click ("Plan") from the planner."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core.model import Changes
from closer_desk.core.pipeline import PipelineItem, PipelineKind
from closer_desk.store.pipeline import load_pipeline
from closer_desk.ui.common.guard import AliveRunner
from closer_desk.ui.common.tasks import TaskManager
from closer_desk.ui.desk.widgets import local_text
from closer_desk.ui.reports.models import PipelineModel


def load_rows(agenda: Any) -> list[tuple[PipelineItem, str]]:
    """The pipeline with each last call's time on the closer's clock (runs on the worker)."""
    items = load_pipeline(agenda)
    closers = agenda.closers()
    zone = closers[0].zone if closers else "UTC"
    return [(i, local_text(i.last_call.start, zone) if i.last_call else "") for i in items]


class PipelineRoom(AliveRunner, QWidget):
    """Prospects waiting for their next call.

    Attributes:
        model: the rows shown.

    Signals:
        plan_call(int): plan a call with prospect ``int`` (the lead connects the planner).
        plan_next(int, int): also emitted for a follow-up or a no-show: prospect id and the
            call the new one should link to with ``previous_id``.
        loaded(): the list was refreshed.
    """

    plan_call = Signal(int)
    plan_next = Signal(int, int)
    loaded = Signal()

    def __init__(self, agenda: Any, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._agenda = agenda
        self._tasks = tasks
        self.model = PipelineModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
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
        """Re-read the list after calls or prospects changed elsewhere (a booking takes a
        prospect off it, a hotter temperature puts one on)."""
        if changes.appointments or changes.prospects:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        """Re-read the list each time the room comes into view (outcomes change it)."""
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Re-read the pipeline off the GUI thread."""
        agenda = self._agenda
        self._run(lambda: load_rows(agenda), self._show, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(
            self.tr("The pipeline could not be read (%1).").replace("%1", type(error).__name__)
        )

    def _show(self, rows: list[tuple[PipelineItem, str]]) -> None:
        self.model.set_items(rows)
        for row in range(len(rows)):
            button = QPushButton(self.tr("Plan"), self.view)
            button.setObjectName(f"plan_{row}")
            button.clicked.connect(lambda _checked=False, r=row: self.plan_row(r))
            self.view.setIndexWidget(self.model.index(row, 4), button)
        self.summary.setText(self.tr("Waiting for a call: %1").replace("%1", str(len(rows))))
        self.empty_label.setVisible(not rows)
        self.view.setVisible(bool(rows))
        self.loaded.emit()

    def plan_row(self, row: int) -> None:
        """Ask the planner for a call with the prospect of ``row``."""
        if 0 <= row < self.model.rowCount():
            item = self.model.item(row)
            self.plan_call.emit(item.prospect.id)
            if item.kind != PipelineKind.HOT_NO_CALL and item.last_call is not None:
                self.plan_next.emit(item.prospect.id, item.last_call.id)

    def plan_button(self, row: int) -> QPushButton:
        """The "Plan" button of a row (tests click it)."""
        widget = self.view.indexWidget(self.model.index(row, 4))
        assert isinstance(widget, QPushButton)
        return widget
