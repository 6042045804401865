"""Qt models of the call's desk: the closing script as a checklist, the prospect's calls.

Models hold rows computed off the GUI thread; they never read the agenda themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from closer_desk.core.model import Appointment, Outcome, Status
from closer_desk.core.script import ScriptStep
from closer_desk.ui.common.i18n import money_text
from closer_desk.ui.common.table import Column, Index, RowsModel

_NO_INDEX = QModelIndex()


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

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._steps)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
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

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        ticked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
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


def result_text(a: Appointment) -> str:
    """What came of a call (or where it is), in words."""
    if a.outcome == Outcome.WON:
        return QCoreApplication.translate("HistoryModel", "Won")
    if a.outcome == Outcome.LOST:
        return (
            QCoreApplication.translate("HistoryModel", "Lost: %1").replace("%1", a.lost_reason)
            if a.lost_reason
            else QCoreApplication.translate("HistoryModel", "Lost")
        )
    if a.outcome == Outcome.FOLLOW_UP:
        return QCoreApplication.translate("HistoryModel", "Follow-up")
    return {
        Status.PLANNED: QCoreApplication.translate("HistoryModel", "Planned"),
        Status.CONFIRMED: QCoreApplication.translate("HistoryModel", "Confirmed"),
        Status.DONE: QCoreApplication.translate("HistoryModel", "Held"),
        Status.NO_SHOW: QCoreApplication.translate("HistoryModel", "No-show"),
        Status.CANCELLED: QCoreApplication.translate("HistoryModel", "Cancelled"),
    }[a.status]


def _deal(row: HistoryRow) -> str:
    a = row.appointment
    return money_text(a.deal_value, a.currency) if a.deal_value is not None else ""


class HistoryModel(RowsModel[HistoryRow]):
    """The prospect's calls and what came of each, oldest first (this call in bold)."""

    context = "HistoryModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("HistoryModel", "When"),
            lambda r: r.when,
            lambda r: r.appointment.start_utc.timestamp(),
        ),
        Column(QT_TRANSLATE_NOOP("HistoryModel", "Company"), lambda r: r.company),
        Column(QT_TRANSLATE_NOOP("HistoryModel", "Result"), lambda r: result_text(r.appointment)),
        Column(QT_TRANSLATE_NOOP("HistoryModel", "Deal"), _deal),
    )

    def extra_data(self, row: HistoryRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.FontRole and row.current:
            font = QFont()
            font.setBold(True)
            return font
        return None
