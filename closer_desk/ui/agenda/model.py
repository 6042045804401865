"""The calls in view as a table model of plain ``AgendaEntry`` rows (for the List view)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from closer_desk.core import tz
from closer_desk.core.model import AgendaEntry
from closer_desk.ui.common import i18n
from closer_desk.ui.common.call_words import kind_text, status_text
from closer_desk.ui.common.table import ROW_ROLE, SORT_ROLE, Column, RowsModel

#: The role holding the row's ``AgendaEntry``.
ENTRY_ROLE = ROW_ROLE
#: The role the search filters on: the prospect's and the company's names.
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3

WHEN, PROSPECT_TIME, PROSPECT, COMPANY, KIND, STATUS, MINUTES = range(7)


class AgendaModel(RowsModel[AgendaEntry]):
    """Rows of ``AgendaEntry``, shown in the closer's zone and the prospect's.

    Attributes:
        zone: the zone the "When" column is written in (the closer's).
    """

    context = "AgendaModel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.zone = "UTC"
        self.columns = (
            Column(
                QT_TRANSLATE_NOOP("AgendaModel", "When"),
                self._when,
                lambda e: e.appointment.start_utc.timestamp(),
            ),
            Column(
                QT_TRANSLATE_NOOP("AgendaModel", "Prospect's time"),
                _their_time,
                lambda e: e.appointment.start_utc.timestamp(),
            ),
            Column(QT_TRANSLATE_NOOP("AgendaModel", "Prospect"), lambda e: e.prospect_name),
            Column(QT_TRANSLATE_NOOP("AgendaModel", "Company"), lambda e: e.company_name),
            Column(
                QT_TRANSLATE_NOOP("AgendaModel", "Kind"), lambda e: kind_text(e.appointment.kind)
            ),
            Column(
                QT_TRANSLATE_NOOP("AgendaModel", "Status"),
                lambda e: status_text(e.appointment.status),
            ),
            Column(
                QT_TRANSLATE_NOOP("AgendaModel", "Minutes"),
                lambda e: str(e.appointment.minutes),
                lambda e: e.appointment.minutes,
            ),
        )

    def set_entries(self, entries: Sequence[AgendaEntry], zone: str) -> None:
        """Replace every row (a new range or a reload)."""
        self.zone = zone
        self.set_rows(entries)

    def row_of_call(self, appointment_id: int) -> int:
        """The line of a call, or -1."""
        return next(
            (i for i, e in enumerate(self.rows()) if e.appointment.id == appointment_id), -1
        )

    def _when(self, entry: AgendaEntry) -> str:
        local = tz.convert(entry.appointment.start, self.zone)
        return f"{i18n.format_day_month(local.date())} {i18n.format_time(local)}"

    def extra_data(self, row: AgendaEntry, column: int, role: int) -> object:
        if role == SEARCH_ROLE:
            return f"{row.prospect_name} {row.company_name}".lower()
        if role == Qt.ItemDataRole.DecorationRole and column == COMPANY:
            return QColor(row.company_color)
        if role == Qt.ItemDataRole.ToolTipRole and column == PROSPECT:
            return row.prospect_name
        return None


def _their_time(entry: AgendaEntry) -> str:
    local = tz.convert(entry.appointment.start, entry.prospect_zone)
    return f"{i18n.format_time(local)} {i18n.city(entry.prospect_zone)}"


class AgendaFilter(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE`` and keeps rows whose prospect or company contains the search."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_search(self, text: str) -> None:
        """Filter on ``text`` (empty shows everything)."""
        self.setFilterFixedString(text.strip().lower())
