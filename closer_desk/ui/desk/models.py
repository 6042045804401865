"""Qt models of the call's desk: the closing script as a checklist, the prospect's calls.

Models hold rows computed off the GUI thread; they never read the agenda themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from closer_desk.core.model import Appointment, Outcome, Status
from closer_desk.core.script import ScriptStep
from closer_desk.ui.common.i18n import money_text
from closer_desk.ui.common.table import PlainTableModel

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()

#: Sort by the raw value (numbers, ISO times) rather than the shown text.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class ScriptModel(QAbstractListModel):
    """The company's closing script as a checklist of one call.

    Signals:
        tick_requested(int, bool): the closer (un)ticked step ``int``; the owner persists it.
    """

    tick_requested = Signal(int, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: tuple[ScriptStep, ...] = ()

    def set_steps(self, steps: Sequence[ScriptStep]) -> None:
        """Replace the checklist."""
        self.beginResetModel()
        self._steps = tuple(steps)
        self.endResetModel()

    def steps(self) -> tuple[ScriptStep, ...]:
        """The steps as shown."""
        return self._steps

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._steps)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._steps):
            return None
        step = self._steps[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{step.index + 1}. {step.text}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if step.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return step.text
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        step = self._steps[index.row()]
        if step.ticked == ticked:
            return True
        # Shown at once; the owner writes it to the agenda and resets with what was stored.
        steps = list(self._steps)
        steps[index.row()] = ScriptStep(step.index, step.text, ticked)
        self._steps = tuple(steps)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.tick_requested.emit(step.index, ticked)
        return True


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One past or future call with the prospect, ready to show."""

    appointment: Appointment
    when: str
    company: str
    current: bool


class HistoryModel(PlainTableModel[HistoryRow]):
    """The prospect's calls and what came of each, oldest first."""

    COLUMNS = 4

    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("Company"), self.tr("Result"), self.tr("Deal"))

    def result_text(self, a: Appointment) -> str:
        """Status or outcome in words."""
        if a.outcome == Outcome.WON:
            return self.tr("Won")
        if a.outcome == Outcome.LOST:
            return (
                self.tr("Lost: %1").replace("%1", a.lost_reason)
                if a.lost_reason
                else self.tr("Lost")
            )
        if a.outcome == Outcome.FOLLOW_UP:
            return self.tr("Follow-up")
        return {
            Status.PLANNED: self.tr("Planned"),
            Status.CONFIRMED: self.tr("Confirmed"),
            Status.DONE: self.tr("Held"),
            Status.NO_SHOW: self.tr("No-show"),
            Status.CANCELLED: self.tr("Cancelled"),
        }[a.status]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_of(index)
        if row is None:
            return None
        a = row.appointment
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.when
            if col == 1:
                return row.company
            if col == 2:
                return self.result_text(a)
            if a.deal_value is not None:
                return money_text(a.deal_value, a.currency)
            return ""
        if role == Qt.ItemDataRole.FontRole and row.current:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == SORT_ROLE:
            return a.start_utc.timestamp() if col == 0 else self.data(index)
        return None
