"""The one table model shape the ui repeats: plain rows, replaced whole inside a reset,
with a fixed list of column headers (Vorta's archive table model).

Subclasses give ``headers()`` (translated in their own context, so the catalogues keep their
contexts) and ``data()``; rows, counts and headers are here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()

RowT = TypeVar("RowT")


class PlainTableModel(QAbstractTableModel, Generic[RowT]):
    """A table of plain rows with horizontal headers.

    Attributes:
        COLUMNS: how many columns the subclass shows (``headers()`` has as many).
    """

    COLUMNS = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[RowT, ...] = ()

    def set_rows(self, rows: Sequence[RowT]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple[RowT, ...]:
        """The rows shown."""
        return self._rows

    def row_of(self, index: _Index) -> RowT | None:
        """The row of a valid index, None otherwise."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def headers(self) -> tuple[str, ...]:
        """The column titles, translated."""
        raise NotImplementedError

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < self.COLUMNS
        ):
            return self.headers()[section]
        return None
