"""The calls in view as a table model of plain ``AgendaEntry`` rows (for the List view)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from closer_desk.core import tz
from closer_desk.core.model import AgendaEntry, Status
from closer_desk.ui.common import i18n

_Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3

WHEN, PROSPECT_TIME, PROSPECT, COMPANY, KIND, STATUS, MINUTES = range(7)
_HEADERS = (
    QT_TRANSLATE_NOOP("AgendaModel", "When"),
    QT_TRANSLATE_NOOP("AgendaModel", "Prospect's time"),
    QT_TRANSLATE_NOOP("AgendaModel", "Prospect"),
    QT_TRANSLATE_NOOP("AgendaModel", "Company"),
    QT_TRANSLATE_NOOP("AgendaModel", "Kind"),
    QT_TRANSLATE_NOOP("AgendaModel", "Status"),
    QT_TRANSLATE_NOOP("AgendaModel", "Minutes"),
)


def status_text(status: Status) -> str:
    """A status in the user's language."""
    return {
        Status.PLANNED: QCoreApplication.translate("AgendaModel", "planned"),
        Status.CONFIRMED: QCoreApplication.translate("AgendaModel", "confirmed"),
        Status.DONE: QCoreApplication.translate("AgendaModel", "done"),
        Status.NO_SHOW: QCoreApplication.translate("AgendaModel", "no-show"),
        Status.CANCELLED: QCoreApplication.translate("AgendaModel", "cancelled"),
    }[status]


def outcome_text(outcome: str) -> str:
    """``won``/``lost``/``follow-up`` in the user's language."""
    return {
        "won": QCoreApplication.translate("AgendaModel", "won"),
        "lost": QCoreApplication.translate("AgendaModel", "lost"),
        "follow-up": QCoreApplication.translate("AgendaModel", "follow-up"),
    }.get(outcome, outcome)


def kind_text(kind: str) -> str:
    """``phone``/``video`` in the user's language."""
    if kind == "phone":
        return QCoreApplication.translate("AgendaModel", "phone")
    return QCoreApplication.translate("AgendaModel", "video")


class AgendaModel(QAbstractTableModel):
    """Rows of ``AgendaEntry``, shown in the closer's zone and the prospect's.

    Attributes:
        zone: the zone the "When" column is written in (the closer's).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AgendaEntry] = []
        self.zone = "UTC"

    def set_entries(self, entries: Sequence[AgendaEntry], zone: str) -> None:
        """Replace every row (a new range or a reload)."""
        self.beginResetModel()
        self._rows = list(entries)
        self.zone = zone
        self.endResetModel()

    def entry(self, row: int) -> AgendaEntry:
        """The entry at ``row``."""
        return self._rows[row]

    def row_of(self, appointment_id: int) -> int:
        """The row of an appointment, or -1."""
        return next((i for i, e in enumerate(self._rows) if e.appointment.id == appointment_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_HEADERS)
        ):
            return QCoreApplication.translate("AgendaModel", _HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        entry = self._rows[index.row()]
        a = entry.appointment
        column = index.column()
        if role == ENTRY_ROLE:
            return entry
        if role == SORT_ROLE:
            if column in (WHEN, PROSPECT_TIME):
                return a.start_utc.timestamp()
            if column == MINUTES:
                return a.minutes
            return str(self.data(index, Qt.ItemDataRole.DisplayRole)).lower()
        if role == SEARCH_ROLE:
            return f"{entry.prospect_name} {entry.company_name}".lower()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == WHEN:
                local = tz.convert(a.start, self.zone)
                return f"{i18n.format_day_month(local.date())} {i18n.format_time(local)}"
            if column == PROSPECT_TIME:
                local = tz.convert(a.start, entry.prospect_zone)
                return f"{i18n.format_time(local)} {i18n.city(entry.prospect_zone)}"
            if column == PROSPECT:
                return entry.prospect_name
            if column == COMPANY:
                return entry.company_name
            if column == KIND:
                return kind_text(a.kind.value)
            if column == STATUS:
                return status_text(a.status)
            if column == MINUTES:
                return a.minutes
        if role == Qt.ItemDataRole.DecorationRole and column == COMPANY:
            return QColor(entry.company_color)
        if role == Qt.ItemDataRole.ToolTipRole and column == PROSPECT:
            return entry.prospect_name
        return None


class AgendaFilter(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE`` and keeps rows whose prospect or company contains the search."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_search(self, text: str) -> None:
        """Filter on ``text`` (empty shows everything)."""
        self.setFilterFixedString(text.strip().lower())
