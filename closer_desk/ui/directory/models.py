"""Table models of plain rows for the companies, prospects and closers rooms (on the one table
model of ``ui.common.table``): rows are core dataclasses, replaced whole inside a model reset;
sorting and filtering belong to a ``QSortFilterProxyModel`` over them."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from closer_desk.core import parse
from closer_desk.core.model import Closer, Company, Prospect, Temperature, WeeklyHours
from closer_desk.core.phonezone import display_phone
from closer_desk.ui.common.table import SORT_ROLE, Column, Index, RowsModel

Row = TypeVar("Row", Company, Prospect, Closer)


class RowTableModel(RowsModel[Row]):
    """Directory rows, each with the full text of a cell in its tooltip (the room caps the
    columns' width)."""

    context = "DirectoryTable"

    def row_of_id(self, row_id: int) -> int:
        """The line showing ``row_id``, or -1."""
        return next((i for i, r in enumerate(self.rows()) if r.id == row_id), -1)

    def extra_data(self, row: Row, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.columns[column].shown(row)
        return self.decoration(row, column, role)

    def decoration(self, row: Row, column: int, role: int) -> object:
        """Colours and icons (subclasses)."""
        return None


def _rate(c: Company) -> str:
    # "15 %", "12,5 %" in French: the locale's decimal sign, no trailing zeros.
    return f"{QLocale().toString(float(c.commission_rate * 100), 'g', 6)} %"


def _hours(hours: WeeklyHours | None) -> str:
    return parse.format_weekly_hours(hours) if hours else ""


def _kind(c: Company) -> str:
    return (
        QCoreApplication.translate("DirectoryTable", "Video")
        if c.default_kind.value == "video"
        else QCoreApplication.translate("DirectoryTable", "Phone")
    )


def _temperature(p: Prospect) -> str:
    names = {
        Temperature.HOT: QCoreApplication.translate("DirectoryTable", "Hot"),
        Temperature.WARM: QCoreApplication.translate("DirectoryTable", "Warm"),
        Temperature.COLD: QCoreApplication.translate("DirectoryTable", "Cold"),
    }
    return names[p.temperature]


_TEMPERATURE_ORDER = {Temperature.HOT: 0, Temperature.WARM: 1, Temperature.COLD: 2}


class CompanyTableModel(RowTableModel[Company]):
    """Client companies: colour swatch on the name, commission, defaults, zone."""

    columns = (
        Column(QT_TRANSLATE_NOOP("DirectoryTable", "Name"), lambda c: c.name),
        Column(
            QT_TRANSLATE_NOOP("DirectoryTable", "Commission"), _rate, lambda c: c.commission_rate
        ),
        Column(QT_TRANSLATE_NOOP("DirectoryTable", "Call"), _kind),
        Column(
            QT_TRANSLATE_NOOP("DirectoryTable", "Length"),
            lambda c: f"{c.default_minutes} min",
            lambda c: c.default_minutes,
        ),
        Column(QT_TRANSLATE_NOOP("DirectoryTable", "Zone"), lambda c: c.zone),
        Column(QT_TRANSLATE_NOOP("DirectoryTable", "Country"), lambda c: c.country),
        Column(QT_TRANSLATE_NOOP("DirectoryTable", "Hours"), lambda c: _hours(c.hours)),
    )

    def decoration(self, row: Company, column: int, role: int) -> object:
        if column == 0 and role == Qt.ItemDataRole.DecorationRole:
            return QColor(row.color)
        return None


class ProspectTableModel(RowTableModel[Prospect]):
    """Prospects. The private client file is never a column: it shows only in the editor."""

    columns = (
        Column(QT_TRANSLATE_NOOP("DirectoryTable", "Name"), lambda p: p.name),
        Column(QT_TRANSLATE_NOOP("DirectoryTable", "Organisation"), lambda p: p.organisation),
        Column(
            QT_TRANSLATE_NOOP("DirectoryTable", "Temperature"),
            _temperature,
            lambda p: _TEMPERATURE_ORDER[p.temperature],
        ),
        Column(
            QT_TRANSLATE_NOOP("DirectoryTable", "Phone"),
            lambda p: display_phone(p.phone) if p.phone else "",
        ),
        Column(QT_TRANSLATE_NOOP("DirectoryTable", "E-mail"), lambda p: p.email),
        Column(QT_TRANSLATE_NOOP("DirectoryTable", "Zone"), lambda p: p.zone),
        Column(
            QT_TRANSLATE_NOOP("DirectoryTable", "Country"),
            lambda p: "-".join(x for x in (p.country, p.subdivision) if x),
        ),
        Column(QT_TRANSLATE_NOOP("DirectoryTable", "Language"), lambda p: p.language),
    )


class CloserTableModel(RowTableModel[Closer]):
    """The closers of this agenda (an assistant books for several)."""

    columns = (
        Column(QT_TRANSLATE_NOOP("DirectoryTable", "Name"), lambda c: c.name),
        Column(QT_TRANSLATE_NOOP("DirectoryTable", "E-mail"), lambda c: c.email),
        Column(QT_TRANSLATE_NOOP("DirectoryTable", "Zone"), lambda c: c.zone),
        Column(QT_TRANSLATE_NOOP("DirectoryTable", "Hours"), lambda c: _hours(c.hours)),
    )


class DirectoryFilterProxy(QSortFilterProxyModel):
    """Sorts on ``SORT_ROLE`` and keeps the rows where any column contains the filter text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setDynamicSortFilter(True)

    def set_filter_text(self, text: str) -> None:
        """Keep only rows containing ``text`` (in any column)."""
        self.setFilterFixedString(text.strip())

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if type(a) is not type(b):
            return str(a) < str(b)
        return bool(a < b)
