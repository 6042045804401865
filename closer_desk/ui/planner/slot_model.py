"""The free slots of a search as a table: plain rows, replaced whole (after Vorta's table
models). Sort through a ``QSortFilterProxyModel`` on ``SORT_ROLE``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from closer_desk.core import tz
from closer_desk.core.slot_flags import SlotFlag
from closer_desk.core.slots import Slot
from closer_desk.ui.common import i18n
from closer_desk.ui.common.table import ROW_ROLE, SORT_ROLE, Column, RowsModel

#: Role giving the row's ``Slot`` (sort on ``SORT_ROLE``: epoch seconds, or the flag count).
SLOT_ROLE = ROW_ROLE
__all__ = ["HEADERS", "SLOT_ROLE", "SORT_ROLE", "SlotTableModel", "flag_words"]


_CONTEXT = "SlotTableModel"
HEADERS = (
    QT_TRANSLATE_NOOP("SlotTableModel", "Prospect's time"),
    QT_TRANSLATE_NOOP("SlotTableModel", "Your time"),
    QT_TRANSLATE_NOOP("SlotTableModel", "To know"),
)
_FLAG_WORDS = {
    SlotFlag.PROSPECT_HOLIDAY: QT_TRANSLATE_NOOP("SlotTableModel", "public holiday"),
    SlotFlag.CLOSER_HOLIDAY: QT_TRANSLATE_NOOP("SlotTableModel", "your public holiday"),
    SlotFlag.PROSPECT_WEEKEND: QT_TRANSLATE_NOOP("SlotTableModel", "their weekend"),
    SlotFlag.DST_SHIFT: QT_TRANSLATE_NOOP("SlotTableModel", "clocks out of step this week"),
    SlotFlag.EARLY_FOR_CLOSER: QT_TRANSLATE_NOOP("SlotTableModel", "early for you"),
    SlotFlag.LATE_FOR_CLOSER: QT_TRANSLATE_NOOP("SlotTableModel", "late for you"),
    SlotFlag.EARLY_FOR_PROSPECT: QT_TRANSLATE_NOOP("SlotTableModel", "early for them"),
    SlotFlag.LATE_FOR_PROSPECT: QT_TRANSLATE_NOOP("SlotTableModel", "late for them"),
    SlotFlag.OUTSIDE_CLOSER_HOURS: QT_TRANSLATE_NOOP("SlotTableModel", "outside your hours"),
    SlotFlag.OUTSIDE_PROSPECT_HOURS: QT_TRANSLATE_NOOP("SlotTableModel", "outside their hours"),
}
#: Outside a party's hours and early (or late) for them: said in one go.
_OUTSIDE_WORDS = {
    (SlotFlag.OUTSIDE_CLOSER_HOURS, SlotFlag.EARLY_FOR_CLOSER): QT_TRANSLATE_NOOP(
        "SlotTableModel", "before your hours"
    ),
    (SlotFlag.OUTSIDE_CLOSER_HOURS, SlotFlag.LATE_FOR_CLOSER): QT_TRANSLATE_NOOP(
        "SlotTableModel", "after your hours"
    ),
    (SlotFlag.OUTSIDE_PROSPECT_HOURS, SlotFlag.EARLY_FOR_PROSPECT): QT_TRANSLATE_NOOP(
        "SlotTableModel", "before their hours"
    ),
    (SlotFlag.OUTSIDE_PROSPECT_HOURS, SlotFlag.LATE_FOR_PROSPECT): QT_TRANSLATE_NOOP(
        "SlotTableModel", "after their hours"
    ),
}


def flag_words(flags: frozenset[SlotFlag]) -> str:
    """The flags of a slot in the user's language, in a stable order ("before your hours"
    rather than "early for you, outside your hours")."""
    words: dict[SlotFlag, object] = {f: _FLAG_WORDS[f] for f in SlotFlag if f in flags}
    for (outside, edge), text in _OUTSIDE_WORDS.items():
        if outside in flags and edge in flags:
            words[edge] = text
            words.pop(outside, None)
    return ", ".join(QCoreApplication.translate(_CONTEXT, str(w)) for w in words.values())


def _when(local: datetime) -> str:
    """``Tue 10 Mar 10:00 (UTC-04:00)`` with day and month names in the user's locale."""
    offset = local.utcoffset()
    assert offset is not None
    day = i18n.format_day_month(local.date())
    return f"{day} {i18n.format_time(local)} (UTC{tz.format_offset(offset)})"


class SlotTableModel(RowsModel[Slot]):
    """Free slots, one per row: the prospect's time, the closer's time, the flags.

    Attributes:
        slots: the rows (core ``Slot`` objects), in search order.
    """

    context = _CONTEXT
    columns = (
        Column(HEADERS[0], lambda s: _when(s.prospect_start), lambda s: int(s.start.timestamp())),
        Column(HEADERS[1], lambda s: _when(s.closer_start), lambda s: int(s.start.timestamp())),
        Column(HEADERS[2], lambda s: flag_words(s.flags), lambda s: len(s.flags)),
    )

    @property
    def slots(self) -> list[Slot]:
        return list(self.rows())

    def set_slots(self, slots: Sequence[Slot]) -> None:
        """Replace every row."""
        self.set_rows(slots)

    def slot_at(self, row: int) -> Slot:
        """The slot of a row."""
        return self.row_at(row)

    def extra_data(self, row: Slot, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.prospect_zone} / {row.closer_zone}"
        return None
