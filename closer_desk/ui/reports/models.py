"""Qt models of the reports and the pipeline: plain rows, replaced whole inside a reset.

Models hold rows computed off the GUI thread; they never read the agenda themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from closer_desk.core.model import Temperature
from closer_desk.core.pipeline import PipelineItem, PipelineKind
from closer_desk.core.reports import Report
from closer_desk.ui.common.i18n import amount_text, percent_text
from closer_desk.ui.common.table import PlainTableModel

_Index = QModelIndex | QPersistentModelIndex

#: Sort by the raw value (numbers, ISO times) rather than the shown text.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


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
