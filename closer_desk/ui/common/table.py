"""The one table shape of the window: plain rows in declared columns, replaced whole inside a
reset (Vorta's archive table model), and the one way a table view is set up.

A model declares its ``columns`` (a header, what a cell shows, how it sorts) and, for other
roles (a colour, a font, an alignment), ``extra_data``. Sorting and filtering belong to a
``QSortFilterProxyModel`` on ``SORT_ROLE``. Models never read the agenda: rooms hand them rows
read through the door.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()

RowT = TypeVar("RowT")

#: The role a proxy sorts on (numbers as numbers, text case- and accent-blind).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The role holding the whole row.
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


def text_sort_key(text: str) -> str:
    """Case- and accent-blind key: "Érable" sorts with the E's, whatever the system locale."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Column(Generic[RowT]):
    """One column: its header (source text, translated in the model's ``context``), what a
    cell shows and, when the text would sort wrong, the key it sorts on."""

    header: object  # the source text; QT_TRANSLATE_NOOP is typed as returning object
    shown: Callable[[RowT], str]
    sort_key: Callable[[RowT], object] | None = None


class RowsModel(QAbstractTableModel, Generic[RowT]):
    """Plain rows, one per line, in the columns the subclass declares.

    Attributes:
        context: the translation context of the headers.
        columns: the columns, in order.
    """

    context = "RowsModel"
    columns: Sequence[Column[RowT]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[RowT, ...] = ()

    def set_rows(self, rows: Sequence[RowT]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple[RowT, ...]:
        """The rows shown, in model order."""
        return self._rows

    def row_at(self, row: int) -> RowT:
        """The row shown on line ``row``."""
        return self._rows[row]

    def row_of(self, index: Index) -> RowT | None:
        """The row of a valid index, None otherwise."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def extra_data(self, row: RowT, column: int, role: int) -> object:
        """Roles other than the text, the sort key and the row (subclasses)."""
        return None

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return QCoreApplication.translate(self.context, str(self.columns[section].header))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_of(index)
        if row is None or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.shown(row)
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key else text_sort_key(column.shown(row))
        if role == ROW_ROLE:
            return row
        extra = self.extra_data(row, index.column(), role)
        if extra is None and role == Qt.ItemDataRole.ToolTipRole:
            # A cell cut short by a narrow column still says all it holds.
            return column.shown(row) or None
        return extra


def table_view(
    model: QAbstractItemModel,
    parent: QWidget,
    *,
    stretch: int | None = None,
    sort_by: int | None = None,
    resize: QHeaderView.ResizeMode = QHeaderView.ResizeMode.ResizeToContents,
    alternating: bool = False,
) -> QTableView:
    """A read-only table of whole rows, one selected at a time, without row numbers: columns
    sized by ``resize``, the ``stretch`` one (else the last) taking the rest of the width, and
    sorted on ``sort_by`` when given (through the model's proxy)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(alternating)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(resize)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if sort_by is not None:
        view.setSortingEnabled(True)
        view.sortByColumn(sort_by, Qt.SortOrder.AscendingOrder)
    return view
