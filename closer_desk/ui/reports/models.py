"""Qt models of the reports and the pipeline: plain rows, replaced whole inside a reset.

Models hold rows computed off the GUI thread; they never read the agenda themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from closer_desk.core.model import Temperature
from closer_desk.core.pipeline import PipelineItem, PipelineKind
from closer_desk.core.reports import Report
from closer_desk.ui.common.i18n import amount_text, percent_text
from closer_desk.ui.common.table import Column, RowsModel

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


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


def _count(value: int) -> str:
    return "" if value < 0 else str(value)  # -1: a currency's second row, counts on the first


def _amount(value: Decimal | None) -> str:
    return "" if value is None else amount_text(value)


def _company(row: ReportRow) -> str:
    if row.total:
        return QCoreApplication.translate("ReportTableModel", "Total") if row.first else ""
    return row.company


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


class ReportTableModel(RowsModel[ReportRow]):
    """The month's results per company and currency."""

    context = "ReportTableModel"
    columns = (
        Column(QT_TRANSLATE_NOOP("ReportTableModel", "Company"), _company, lambda r: r.company),
        Column(
            QT_TRANSLATE_NOOP("ReportTableModel", "Calls held"),
            lambda r: _count(r.held),
            lambda r: r.held,
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTableModel", "No-shows"),
            lambda r: _count(r.no_shows),
            lambda r: r.no_shows,
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTableModel", "Won"), lambda r: _count(r.won), lambda r: r.won
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTableModel", "Lost"),
            lambda r: _count(r.lost),
            lambda r: r.lost,
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTableModel", "Follow-ups"),
            lambda r: _count(r.follow_ups),
            lambda r: r.follow_ups,
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTableModel", "Conversion"),
            lambda r: percent_text(r.conversion) if r.first else "",
            lambda r: _number(r.conversion),
        ),
        Column(QT_TRANSLATE_NOOP("ReportTableModel", "Currency"), lambda r: r.currency),
        Column(
            QT_TRANSLATE_NOOP("ReportTableModel", "Revenue"),
            lambda r: _amount(r.revenue),
            lambda r: _number(r.revenue),
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTableModel", "Commission"),
            lambda r: _amount(r.commission),
            lambda r: _number(r.commission),
        ),
    )

    def extra_data(self, row: ReportRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and row.total:
            font = QFont()
            font.setBold(True)
            return font
        return None


#: A prospect waiting for a call, with their last call's time on the closer's clock.
PipelineRow = tuple[PipelineItem, str]


def kind_text(kind: PipelineKind) -> str:
    """Why the prospect is waiting, in words."""
    return {
        PipelineKind.FOLLOW_UP_DUE: QCoreApplication.translate("PipelineModel", "Follow-up due"),
        PipelineKind.NO_SHOW: QCoreApplication.translate("PipelineModel", "No-show to reschedule"),
        PipelineKind.HOT_NO_CALL: QCoreApplication.translate(
            "PipelineModel", "Hot, no call booked"
        ),
    }[kind]


def temperature_text(temperature: Temperature) -> str:
    """Hot, warm or cold in words."""
    return {
        Temperature.HOT: QCoreApplication.translate("PipelineModel", "Hot"),
        Temperature.WARM: QCoreApplication.translate("PipelineModel", "Warm"),
        Temperature.COLD: QCoreApplication.translate("PipelineModel", "Cold"),
    }[temperature]


def _who(row: PipelineRow) -> str:
    prospect = row[0].prospect
    return f"{prospect.name} ({prospect.organisation})" if prospect.organisation else prospect.name


class PipelineModel(RowsModel[PipelineRow]):
    """Prospects waiting for their next call: why, who, their last call (and a Plan button the
    room puts in the last column)."""

    context = "PipelineModel"
    columns = (
        Column(QT_TRANSLATE_NOOP("PipelineModel", "Waiting"), lambda r: kind_text(r[0].kind)),
        Column(QT_TRANSLATE_NOOP("PipelineModel", "Prospect"), _who),
        Column(
            QT_TRANSLATE_NOOP("PipelineModel", "Temperature"),
            lambda r: temperature_text(r[0].prospect.temperature),
        ),
        Column(QT_TRANSLATE_NOOP("PipelineModel", "Last call"), lambda r: r[1] or "–"),
        Column("", lambda r: ""),
    )

    def item(self, row: int) -> PipelineItem:
        """The item of a row."""
        return self.row_at(row)[0]
