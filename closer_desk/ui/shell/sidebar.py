"""The sidebar: month calendar, closer switcher, company filters, search, second time scale."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core.model import Closer, Company
from closer_desk.ui.common import i18n
from closer_desk.ui.common.fields import popup_completion, zone_box


def color_icon(color: str, size: int = 12) -> QIcon:
    """A small square of a company's colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class Sidebar(QWidget):
    """Where the closer picks what the agenda shows.

    Signals:
        date_chosen(date): a day was clicked in the month calendar.
        closer_changed(int): another closer was picked (assistants).
        filters_changed(object): the company ids to show (frozenset), or None for all.
        search_changed(str): the search text changed.
        search_left(): Escape in the search box (the text was cleared).
        search_entered(): Enter in the search box.
        search_down(): the Down arrow in the search box (to the results).
        second_zone_changed(str): the zone of the second scale ("" = the selected prospect's).
    """

    date_chosen = Signal(object)
    closer_changed = Signal(int)
    filters_changed = Signal(object)
    search_changed = Signal(str)
    search_left = Signal()
    search_entered = Signal()
    search_down = Signal()
    second_zone_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(240)
        self.setMaximumWidth(340)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search prospects and companies"))
        self.search.setClearButtonEnabled(True)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        i18n.follow_formats(self.calendar)
        # One letter a day: "sam." and "dim." do not fit a narrow sidebar and were cut.
        self.calendar.setHorizontalHeaderFormat(
            QCalendarWidget.HorizontalHeaderFormat.SingleLetterDayNames
        )
        self.closer_label = QLabel(self.tr("Closer"), self)
        self.closer = QComboBox(self)
        self.companies_label = QLabel(self.tr("Companies"), self)
        self.companies = QListWidget(self)
        self.second_label = QLabel(self.tr("Second time scale"), self)
        self.second_zone = zone_box(self, first=[self.tr("Selected prospect's zone")])
        self.second_zone.setCurrentIndex(0)
        self.second_zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        popup_completion(self.second_zone)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.calendar)
        layout.addWidget(self.closer_label)
        layout.addWidget(self.closer)
        layout.addWidget(self.companies_label)
        layout.addWidget(self.companies, 1)
        layout.addWidget(self.second_label)
        layout.addWidget(self.second_zone)

        self.calendar.clicked.connect(lambda d: self.date_chosen.emit(i18n.pydate(d)))
        self.closer.activated.connect(
            lambda i: self.closer_changed.emit(int(self.closer.itemData(i)))
        )
        self.companies.itemChanged.connect(
            lambda _item: self.filters_changed.emit(self.shown_companies())
        )
        self.search.textChanged.connect(self.search_changed)
        self.search.returnPressed.connect(self.search_entered)
        self.search.installEventFilter(self)
        self.second_zone.activated.connect(lambda i: self.second_zone_changed.emit(self.zone_at(i)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        """Escape clears the search and leaves it; Down goes to the results."""
        if watched is self.search and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self.search.clear()
                self.search_left.emit()
                return True
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
                self.search_down.emit()
                return True
        return super().eventFilter(watched, event)

    def set_date(self, day: date) -> None:
        """Show ``day`` selected without telling anyone."""
        self.calendar.blockSignals(True)
        self.calendar.setSelectedDate(i18n.qdate(day))
        self.calendar.blockSignals(False)

    def set_closers(self, closers: Sequence[Closer], current: int | None) -> None:
        """The closers an assistant can switch between (hidden when there is one)."""
        self.closer.clear()
        for closer in closers:
            self.closer.addItem(f"{closer.name} ({closer.zone})", closer.id)
        if current is not None:
            self.closer.setCurrentIndex(max(0, self.closer.findData(current)))
        several = len(closers) > 1
        self.closer.setVisible(several)
        self.closer_label.setVisible(several)

    def set_companies(self, companies: Sequence[Company]) -> None:
        """The companies, each a checkable filter with its colour (all shown at first)."""
        hidden = {
            self.companies.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.companies.count())
            if self.companies.item(i).checkState() == Qt.CheckState.Unchecked
        }
        self.companies.blockSignals(True)
        self.companies.clear()
        for company in companies:
            item = QListWidgetItem(color_icon(company.color), company.name)
            item.setData(Qt.ItemDataRole.UserRole, company.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Unchecked if company.id in hidden else Qt.CheckState.Checked
            )
            self.companies.addItem(item)
        self.companies.blockSignals(False)

    def shown_companies(self) -> frozenset[int] | None:
        """The ids of the checked companies, or None when all are checked."""
        ids = []
        for i in range(self.companies.count()):
            item = self.companies.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return None if len(ids) == self.companies.count() else frozenset(ids)

    def pinned_zone(self) -> str:
        """The pinned second zone, or "" to follow the selected prospect."""
        return self.zone_at(self.second_zone.currentIndex())

    def zone_at(self, index: int) -> str:
        """The zone of an entry of the second-scale list ("" for the selected prospect's)."""
        return "" if index <= 0 else self.second_zone.itemText(index)
