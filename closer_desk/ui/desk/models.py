"""Qt models of the call's desk and the reports: plain rows, replaced whole inside a reset.

Models hold rows computed off the GUI thread; they never read the agenda themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from closer_desk.core.desk import PipelineItem, PipelineKind, ScriptStep
from closer_desk.core.model import Appointment, Outcome, Status, Temperature
from closer_desk.core.reports import Report
from closer_desk.ui.common.table import PlainTableModel

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()

#: Sort by the raw value (numbers, ISO times) rather than the shown text.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def _babel_locale() -> str:
    name = QLocale().name()  # "fr_FR"; "C" when unset
    return name if "_" in name else "en_US"


def amount_text(amount: Decimal) -> str:
    """An amount with two decimals in the user's conventions (``1 234,50`` in French), exact:
    no float on the way."""
    from babel.numbers import format_decimal

    return str(format_decimal(amount, format="#,##0.00", locale=_babel_locale()))


def money_text(amount: Decimal, currency: str) -> str:
    """An amount followed by its ISO currency code (never converted)."""
    return f"{amount_text(amount)} {currency}"


def percent_text(value: Decimal | None, places: int = 1) -> str:
    """A ratio as a percentage in the user's conventions, or a dash when there is nothing to
    divide."""
    if value is None:
        return "–"
    from babel.numbers import format_decimal

    pattern = "0." + "0" * places if places else "0"
    return f"{format_decimal(value * 100, format=pattern, locale=_babel_locale())} %"


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


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One table row of the report: a company (or the total) in one currency."""

    company: str
    held: int
    no_shows: int
    won: int
    lost: int
    follow_ups: int
    conversion: Decimal | None
    currency: str
    revenue: Decimal | None
    commission: Decimal | None
    total: bool = False
    first: bool = True


def report_rows(report: Report) -> list[ReportRow]:
    """Rows for the report table: per company, one row per currency it earned in (counts on
    the first), then the totals, one row per currency. Nothing is converted."""
    rows: list[ReportRow] = []
    groups = [(g, False) for g in report.by_company()] + [(report.total(), True)]
    for group, is_total in groups:
        t = group.tally
        money = group.money or (None,)
        for n, m in enumerate(money):
            first = n == 0
            rows.append(
                ReportRow(
                    company=group.key if first else "",
                    held=t.calls_held if first else -1,
                    no_shows=t.no_shows if first else -1,
                    won=t.won if first else -1,
                    lost=t.lost if first else -1,
                    follow_ups=t.follow_ups if first else -1,
                    conversion=t.conversion if first else None,
                    currency=m.currency if m else "",
                    revenue=m.revenue if m else None,
                    commission=m.commission if m else None,
                    total=is_total,
                    first=first,
                )
            )
    return rows


class ReportTableModel(PlainTableModel[ReportRow]):
    """The month's results per company and currency."""

    COLUMNS = 10

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Company"),
            self.tr("Calls held"),
            self.tr("No-shows"),
            self.tr("Won"),
            self.tr("Lost"),
            self.tr("Follow-ups"),
            self.tr("Conversion"),
            self.tr("Currency"),
            self.tr("Revenue"),
            self.tr("Commission"),
        )

    def _value(self, row: ReportRow, col: int) -> Any:
        return (
            row.company,
            row.held,
            row.no_shows,
            row.won,
            row.lost,
            row.follow_ups,
            row.conversion,
            row.currency,
            row.revenue,
            row.commission,
        )[col]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_of(index)
        if row is None:
            return None
        col = index.column()
        value = self._value(row, col)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0 and row.total:
                return self.tr("Total") if row.first else ""
            if col in (1, 2, 3, 4, 5):
                return "" if value < 0 else str(value)
            if col == 6:
                return percent_text(value) if row.first else ""
            if col in (8, 9):
                return "" if value is None else amount_text(value)
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row.total:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == SORT_ROLE:
            return float(value) if isinstance(value, Decimal) else value
        return None


class PipelineModel(PlainTableModel[tuple[PipelineItem, str]]):
    """Prospects waiting for their next call: why, who, their last call."""

    COLUMNS = 5
    PROSPECT_ID_ROLE = Qt.ItemDataRole.UserRole + 2

    def set_items(self, items: Sequence[tuple[PipelineItem, str]]) -> None:
        """Replace the rows: each item with its last call's time as text (closer's zone)."""
        self.set_rows(items)

    def item(self, row: int) -> PipelineItem:
        """The item of a row."""
        return self._rows[row][0]

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Waiting"),
            self.tr("Prospect"),
            self.tr("Temperature"),
            self.tr("Last call"),
            "",
        )

    def kind_text(self, kind: PipelineKind) -> str:
        """Why the prospect is waiting, in words."""
        return {
            PipelineKind.FOLLOW_UP_DUE: self.tr("Follow-up due"),
            PipelineKind.NO_SHOW: self.tr("No-show to reschedule"),
            PipelineKind.HOT_NO_CALL: self.tr("Hot, no call booked"),
        }[kind]

    def temperature_text(self, temperature: Temperature) -> str:
        """Hot, warm or cold in words."""
        return {
            Temperature.HOT: self.tr("Hot"),
            Temperature.WARM: self.tr("Warm"),
            Temperature.COLD: self.tr("Cold"),
        }[temperature]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_of(index)
        if row is None:
            return None
        item, when = row
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return self.kind_text(item.kind)
            if col == 1:
                org = item.prospect.organisation
                return f"{item.prospect.name} ({org})" if org else item.prospect.name
            if col == 2:
                return self.temperature_text(item.prospect.temperature)
            if col == 3:
                return when or "–"
            return ""
        if role == self.PROSPECT_ID_ROLE:
            return item.prospect.id
        return None
