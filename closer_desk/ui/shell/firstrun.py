"""The welcome shown on an empty agenda: demo data, a first company, the closer's zone and hours."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core import tz
from closer_desk.core.errors import CloserDeskError
from closer_desk.core.model import DailyInterval, WeeklyHours
from closer_desk.ui.common import i18n
from closer_desk.ui.common.fields import zone_box


class WelcomePanel(QWidget):
    """First run.

    Signals:
        demo_requested(): fill the agenda with sample data.
        add_company_requested(): start with one's own first company.
        closer_entered(str, str, object): name, home zone and ``WeeklyHours`` of the closer.
    """

    demo_requested = Signal()
    add_company_requested = Signal()
    closer_entered = Signal(str, str, object)

    def __init__(self, system_zone: str = "UTC", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to closer_desk"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Your agenda is empty. Start with sample calls to look around, or with your own first client company."  # noqa: E501
            ),
            self,
        )
        intro.setWordWrap(True)

        self.closer_box = QGroupBox(self.tr("About you"), self)
        self.name = QLineEdit(self.closer_box)
        self.zone = zone_box(self.closer_box, system_zone)
        self.start = QTimeEdit(QTime(9, 0), self.closer_box)
        self.end = QTimeEdit(QTime(18, 0), self.closer_box)
        for field in (self.start, self.end):
            i18n.follow_formats(field)
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.start)
        hours_row.addWidget(QLabel("–", self.closer_box))
        hours_row.addWidget(self.end)
        hours_row.addStretch(1)
        days_row = QHBoxLayout()
        self.days: list[QCheckBox] = []
        names = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        for i, name in enumerate(names):
            box = QCheckBox(name, self.closer_box)
            box.setChecked(i < 5)
            self.days.append(box)
            days_row.addWidget(box)
        self.save_closer = QPushButton(self.tr("Save"), self.closer_box)
        self.problem = QLabel(self.closer_box)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        form = QFormLayout(self.closer_box)
        form.addRow(self.tr("Your name:"), self.name)
        form.addRow(self.tr("Home time zone:"), self.zone)
        form.addRow(self.tr("Working hours:"), hours_row)
        form.addRow(self.tr("Working days:"), days_row)
        form.addRow(self.problem)
        form.addRow(self.save_closer)

        self.demo = QPushButton(self.tr("Load demo data"), self)
        self.add_company = QPushButton(self.tr("Add your first company"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo)
        buttons.addWidget(self.add_company)

        inner = QWidget(self)
        inner.setMaximumWidth(640)
        column = QVBoxLayout(inner)
        column.addWidget(title)
        column.addWidget(intro)
        column.addWidget(self.closer_box)
        column.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(inner, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self.demo.clicked.connect(self.demo_requested)
        self.add_company.clicked.connect(self.add_company_requested)
        self.save_closer.clicked.connect(self._save)

    def ask_for_closer(self, needed: bool) -> None:
        """Show the closer form (no closer yet) or hide it."""
        self.closer_box.setVisible(needed)
        self.add_company.setEnabled(not needed)

    def hours(self) -> WeeklyHours:
        """The weekly hours as entered."""
        start = self.start.time().hour() * 60 + self.start.time().minute()
        end = self.end.time().hour() * 60 + self.end.time().minute()
        interval = (DailyInterval(start, end),)
        return WeeklyHours(tuple(interval if box.isChecked() else () for box in self.days))

    def _save(self) -> None:
        name = " ".join(self.name.text().split())
        problem = ""
        if not name:
            problem = self.tr("Please enter your name.")
        else:
            try:
                zone = tz.canonical_zone_name(self.zone.currentText())
            except CloserDeskError:
                problem = self.tr("Unknown time zone.")
        if not problem and self.end.time() <= self.start.time():
            problem = self.tr("Your day must end after it starts.")
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.problem.hide()
        self.closer_entered.emit(name, zone, self.hours())
