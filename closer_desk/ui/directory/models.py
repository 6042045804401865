"""Table models of plain rows for the companies, prospects and closers rooms (after Vorta's
archive table model): rows are core dataclasses, replaced whole inside a model reset; sorting
and filtering belong to a ``QSortFilterProxyModel`` over them."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from closer_desk.core import parse
from closer_desk.core.model import Closer, Company, Prospect, Temperature
from closer_desk.core.phonezone import display_phone

Row = TypeVar("Row", Company, Prospect, Closer)
_Index = QModelIndex | QPersistentModelIndex

#: The role a proxy sorts on (numbers sort as numbers, text case-insensitively).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The role holding the row's id.
ID_ROLE = Qt.ItemDataRole.UserRole + 2
#: The role holding the whole row (a core dataclass).
ROW_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column: its header (untranslated source text), what it shows and how it sorts."""

    header: object  # the source text; QT_TRANSLATE_NOOP is typed as returning object
    shown: Callable[[Row], str]
    sort_key: Callable[[Row], Any] | None = None


def text_sort_key(text: str) -> str:
    """Case- and accent-blind key: "Érable" sorts with the E's, whatever the system locale."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Plain rows, one per line, in the columns the subclass declares.

    Attributes:
        context: the translation context of the headers.
    """

    context = "DirectoryTable"
    columns: Sequence[Column[Row]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace every row (the room reloads the whole list after a change)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        """The core object shown on line ``row``."""
        return self._rows[row]

    def rows(self) -> list[Row]:
        """Every row, in model order."""
        return list(self._rows)

    def row_of_id(self, row_id: int) -> int:
        """The line showing ``row_id``, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), -1)

    # -- Qt model API ------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.context, str(self.columns[section].header))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.shown(row)
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key else text_sort_key(column.shown(row))
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        return self.extra_data(row, index.column(), role)

    def extra_data(self, row: Row, column: int, role: int) -> Any:
        """Other roles (decoration, colour) for subclasses."""
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _rate(c: Company) -> str:
    # "15 %", "12,5 %" in French: the locale's decimal sign, no trailing zeros.
    return f"{QLocale().toString(float(c.commission_rate * 100), 'g', 6)} %"


def _hours(hours: Any) -> str:
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

    def extra_data(self, row: Company, column: int, role: int) -> Any:
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

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setDynamicSortFilter(True)

    def set_filter_text(self, text: str) -> None:
        """Keep only rows containing ``text`` (in any column)."""
        self.setFilterFixedString(text.strip())

    def lessThan(self, left: _Index, right: _Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if type(a) is not type(b):
            return str(a) < str(b)
        return bool(a < b)
