"""A time-zone field with search: type "paris", "new york" or "Romance Standard Time".

Every suggestion shows the zone's UTC offset and local time right now, so the closer can check
"is it 17:00 there?" while picking. Windows zone names are accepted and mapped to IANA names by
``core.tz`` (the one place that knows the mapping).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from closer_desk.core import tz
from closer_desk.core.errors import UnknownZoneError
from closer_desk.ui.common import i18n

Clock = Callable[[], datetime]
_Index = QModelIndex | QPersistentModelIndex

#: The role holding the text the completer inserts (the zone name as listed).
ZONE_NAME_ROLE = Qt.ItemDataRole.UserRole + 1
#: The role holding the IANA zone a row stands for.
IANA_ROLE = Qt.ItemDataRole.UserRole + 2


def _system_clock() -> datetime:
    return datetime.now(UTC)


def _normalise(text: str) -> str:
    # People type "new york" for America/New_York and "sao" for Sao_Paulo.
    return text.strip().lower().replace(" ", "_")


def local_time_text(instant: datetime, zone: str) -> str:
    """``UTC+01:00 · 09:42``: the offset and the time of day in ``zone`` at ``instant``."""
    here = tz.convert(instant, zone)
    offset = here.utcoffset()
    assert offset is not None
    return f"UTC{tz.format_offset(offset)} · {i18n.format_time(here)}"


@dataclass(frozen=True, slots=True)
class ZoneRow:
    """One suggestion: the name as typed (IANA or Windows) and its IANA zone."""

    name: str
    zone: str


class ZoneListModel(QAbstractListModel):
    """Every IANA zone and every Windows zone name, with the offset and local time now.

    The offset and time are computed when a row is first shown, not for all 700 zones up
    front: loading every zone's rules would cost a dialog a noticeable fraction of a second.
    """

    def __init__(self, clock: Clock | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock or _system_clock
        known = tz.all_zone_names()
        rows = [ZoneRow(z, z) for z in sorted(known) if "/" in z or z == "UTC"]
        rows += [ZoneRow(w, iana) for w, iana in sorted(WINDOWS_TO_OLSON.items()) if iana in known]
        self._rows: list[ZoneRow] = rows
        self._shown: dict[int, str] = {}
        self._now = self._clock()

    def refresh(self) -> None:
        """Recompute offsets and local times (they change with the clock and with DST)."""
        self._now = self._clock()
        self._shown.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def _text(self, row: int) -> str:
        if row not in self._shown:
            item = self._rows[row]
            info = local_time_text(self._now, item.zone)
            self._shown[row] = (
                f"{item.name}  —  {info}"
                if item.name == item.zone
                else f"{item.name} ({item.zone})  —  {info}"
            )
        return self._shown[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row())
        if role in (Qt.ItemDataRole.EditRole, ZONE_NAME_ROLE):
            return row.name
        if role == IANA_ROLE:
            return row.zone
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.zone
        return None


class ZoneFilterProxy(QSortFilterProxyModel):
    """Keeps the zones whose name contains what was typed (spaces read as underscores)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        """Filter on ``text``."""
        self.beginFilterChange()
        self._needle = _normalise(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        name = str(model.data(model.index(source_row, 0, source_parent), ZONE_NAME_ROLE))
        return self._needle in _normalise(name)


class ZonePicker(QWidget):
    """A zone field with search, its offset and local time shown beside it.

    Attributes:
        line_edit: where the zone is typed.
        info: the offset and local time of the typed zone (or why it is not known).

    Signals:
        zone_changed(str): the IANA name, each time the text names a known zone.
    """

    zone_changed = Signal(str)

    def __init__(self, clock: Clock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock or _system_clock
        self._zones = ZoneListModel(self._clock, self)
        self._proxy = ZoneFilterProxy(self)
        self._proxy.setSourceModel(self._zones)

        self.line_edit = QLineEdit(self)
        self.line_edit.setPlaceholderText(self.tr("Search a city or zone, e.g. Paris"))
        self.line_edit.setClearButtonEnabled(True)
        # The hint whole, in a narrow form too (in French as in English); and the clear button.
        self.line_edit.setMinimumWidth(
            self.line_edit.fontMetrics().horizontalAdvance(self.line_edit.placeholderText()) + 36
        )
        self._completer = QCompleter(self._proxy, self)
        self._completer.setCompletionRole(ZONE_NAME_ROLE)
        # The proxy does the filtering (it understands "new york"); the completer only shows it.
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(12)
        self.line_edit.setCompleter(self._completer)

        self._browse = QToolButton(self)
        self._browse.setText("▾")
        self._browse.setToolTip(self.tr("Show all zones"))
        self._browse.setAccessibleName(self.tr("Show all zones"))
        self.info = QLabel(self)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setMinimumWidth(
            self.info.fontMetrics().horizontalAdvance("UTC+00:00 · 00:00 AM") + 8
        )

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self._browse)
        layout.addWidget(self.info)
        self.setFocusProxy(self.line_edit)

        self.line_edit.textEdited.connect(self._on_edited)
        self.line_edit.textChanged.connect(self._update_info)
        self._browse.clicked.connect(self.show_all)
        self._update_info(self.line_edit.text())

    # -- public API ------------------------------------------------------------------------
    def zone(self) -> str:
        """The IANA name of the typed zone; raises ``UnknownZoneError`` when it names none."""
        return tz.canonical_zone_name(self.line_edit.text())

    def set_zone(self, name: str) -> None:
        """Show ``name`` (IANA or Windows) in the field."""
        self.line_edit.setText(name)

    def text(self) -> str:
        """What is typed, as typed."""
        return self.line_edit.text()

    def suggestions(self) -> list[str]:
        """The names the popup offers for the current text, in order (for tests and a11y)."""
        return [
            str(self._proxy.data(self._proxy.index(r, 0), ZONE_NAME_ROLE))
            for r in range(self._proxy.rowCount())
        ]

    def show_all(self) -> None:
        """Open the list of every zone, times refreshed."""
        self._zones.refresh()
        self._proxy.set_needle("")
        self._completer.setCompletionPrefix("")
        self._open_popup()

    # -- slots ---------------------------------------------------------------------------
    def _on_edited(self, text: str) -> None:
        self._proxy.set_needle(text)
        if text.strip() and self._proxy.rowCount():
            self._open_popup()

    def _open_popup(self) -> None:
        # Wider than the field: "America/Argentina/ComodRivadavia  —  UTC-03:00 · 05:00" must
        # not be cut off in a narrow form.
        metrics = self.line_edit.fontMetrics()
        wanted = metrics.horizontalAdvance(
            "America/Argentina/ComodRivadavia  —  UTC-03:00 · 05:00 AM"
        )
        width = max(self.line_edit.width(), wanted + 40)
        self._completer.complete(QRect(0, 0, width, self.line_edit.height()))

    def _update_info(self, text: str) -> None:
        if not text.strip():
            self.info.setText("")
            return
        try:
            iana = tz.canonical_zone_name(text)
        except UnknownZoneError:
            self.info.setText(self.tr("unknown zone"))
            return
        info = local_time_text(self._clock(), iana)
        self.info.setText(info if iana == text.strip() else f"{iana} · {info}")
        self.info.setToolTip(iana)
        self.zone_changed.emit(iana)
