"""The free slots of a search as a table: plain rows, replaced whole (after Vorta's table
models). Sort through a ``QSortFilterProxyModel`` on ``SORT_ROLE``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from closer_desk.core import tz
from closer_desk.core.slot_flags import SlotFlag
from closer_desk.core.slots import Slot
from closer_desk.ui.common.table import PlainTableModel

#: Role giving a value to sort on (epoch seconds for times, flag count for flags).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role giving the row's ``Slot``.
SLOT_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


_CONTEXT = "SlotTableModel"
HEADERS = (
    QT_TRANSLATE_NOOP("SlotTableModel", "Prospect's time"),
    QT_TRANSLATE_NOOP("SlotTableModel", "Your time"),
    QT_TRANSLATE_NOOP("SlotTableModel", "To know"),
)
_FLAG_WORDS = {
    SlotFlag.PROSPECT_HOLIDAY: QT_TRANSLATE_NOOP("SlotTableModel", "public holiday"),
    SlotFlag.PROSPECT_WEEKEND: QT_TRANSLATE_NOOP("SlotTableModel", "their weekend"),
    SlotFlag.DST_SHIFT: QT_TRANSLATE_NOOP("SlotTableModel", "clocks out of step this week"),
    SlotFlag.EARLY_FOR_CLOSER: QT_TRANSLATE_NOOP("SlotTableModel", "early for you"),
    SlotFlag.LATE_FOR_CLOSER: QT_TRANSLATE_NOOP("SlotTableModel", "late for you"),
    SlotFlag.EARLY_FOR_PROSPECT: QT_TRANSLATE_NOOP("SlotTableModel", "early for them"),
    SlotFlag.LATE_FOR_PROSPECT: QT_TRANSLATE_NOOP("SlotTableModel", "late for them"),
}


def flag_words(flags: frozenset[SlotFlag]) -> str:
    """The flags of a slot in the user's language, in a stable order."""
    return ", ".join(
        QCoreApplication.translate(_CONTEXT, str(_FLAG_WORDS[f])) for f in SlotFlag if f in flags
    )


def _when(local: datetime) -> str:
    """``Tue 10 Mar 10:00 (UTC-04:00)`` with day and month names in the user's locale."""
    offset = local.utcoffset()
    assert offset is not None
    day = QLocale().toString(QDate(local.year, local.month, local.day), "ddd d MMM")
    return f"{day} {local:%H:%M} (UTC{tz.format_offset(offset)})"


class SlotTableModel(PlainTableModel[Slot]):
    """Free slots, one per row: the prospect's time, the closer's time, the flags.

    Attributes:
        slots: the rows (core ``Slot`` objects), in search order.
    """

    COLUMNS = len(HEADERS)

    @property
    def slots(self) -> list[Slot]:
        return list(self.rows())

    def set_slots(self, slots: Sequence[Slot]) -> None:
        """Replace every row."""
        self.set_rows(slots)

    def slot_at(self, row: int) -> Slot:
        """The slot of a row."""
        return self.rows()[row]

    def headers(self) -> tuple[str, ...]:
        return tuple(QCoreApplication.translate(_CONTEXT, str(h)) for h in HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        slot = self.row_of(index)
        if slot is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return _when(slot.prospect_start)
            if column == 1:
                return _when(slot.closer_start)
            if column == 2:
                return flag_words(slot.flags)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{slot.prospect_zone} / {slot.closer_zone}"
        if role == SORT_ROLE:
            return len(slot.flags) if column == 2 else int(slot.start.timestamp())
        if role == SLOT_ROLE:
            return slot
        return None
