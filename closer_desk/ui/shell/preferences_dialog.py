"""Edit → Preferences…: colours, clock, first day of the week, default reminder, language, and
each company's default call length (shown here, changed in the company's own dialog: it is a
field of the company, since each client has its own length of call).

The dialog only edits a ``Preferences`` value; the window keeps it and puts it in force
(``MainWindow.apply_preferences``), so that OK and Apply change the window at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core.model import Company
from closer_desk.ui.common.i18n import LANGUAGES, HourCycle, language_name
from closer_desk.ui.common.preferences import MAX_REMINDER, Preferences, Theme


class PreferencesDialog(QDialog):
    """The closer's preferences.

    Attributes:
        theme, clock, week_start, reminder, language: the fields.
        lengths: each company's default call length (read only here).
        companies_button: opens the Companies room, where a company's length is changed.

    Signals:
        applied(object): OK or Apply with these ``Preferences``.
        companies_requested(): the closer wants to change a company's call length.
    """

    applied = Signal(object)
    companies_requested = Signal()

    def __init__(
        self,
        preferences: Preferences,
        companies: Sequence[Company],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        locale = QLocale()

        self.theme = QComboBox(self)
        for theme, text in (
            (Theme.SYSTEM, self.tr("As the system")),
            (Theme.LIGHT, self.tr("Light")),
            (Theme.DARK, self.tr("Dark")),
        ):
            self.theme.addItem(text, theme.value)
        self.clock = QComboBox(self)
        sample = locale.toString(QTime(15, 0), QLocale.FormatType.ShortFormat)
        for value, text in (
            (HourCycle.LOCALE, self.tr("As the language writes it (%1)").replace("%1", sample)),
            (HourCycle.H24, self.tr("24 hours (15:00)")),
            (HourCycle.H12, self.tr("12 hours (3:00 PM)")),
        ):
            self.clock.addItem(text, value.value)
        self.week_start = QComboBox(self)
        for weekday in (0, 6, 5):  # Monday, Sunday, Saturday: where weeks start
            self.week_start.addItem(
                locale.dayName(weekday + 1, QLocale.FormatType.LongFormat).capitalize(), weekday
            )
        self.reminder = QSpinBox(self)
        self.reminder.setRange(0, MAX_REMINDER)
        self.reminder.setSingleStep(5)
        self.reminder.setSuffix(self.tr(" min before"))
        self.reminder.setSpecialValueText(self.tr("No reminder"))
        self.language = QComboBox(self)
        self.language.addItem(self.tr("As the system"), "")
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.language_note = QLabel(
            self.tr("The language changes the next time closer_desk starts."), self
        )
        self.language_note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Colours:"), self.theme)
        form.addRow(self.tr("&Times:"), self.clock)
        form.addRow(self.tr("&Weeks start on:"), self.week_start)
        form.addRow(self.tr("&New calls remind:"), self.reminder)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", self.language_note)

        lengths_box = QGroupBox(self.tr("Default call length per company"), self)
        self.lengths = QTableWidget(len(companies), 2, lengths_box)
        self.lengths.setHorizontalHeaderLabels([self.tr("Company"), self.tr("Length")])
        self.lengths.verticalHeader().setVisible(False)
        self.lengths.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.lengths.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, company in enumerate(companies):
            self.lengths.setItem(row, 0, QTableWidgetItem(company.name))
            minutes = QTableWidgetItem(self.tr("%n min", "", company.default_minutes))
            minutes.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.lengths.setItem(row, 1, minutes)
        hint = QLabel(
            self.tr(
                "Each company has its own: the planner and new calls start from it. Change it "
                "in the company's dialog."
            ),
            lengths_box,
        )
        hint.setWordWrap(True)
        self.companies_button = QPushButton(self.tr("Change in Companies…"), lengths_box)
        self.companies_button.clicked.connect(self._to_companies)
        box = QVBoxLayout(lengths_box)
        box.addWidget(self.lengths, 1)
        box.addWidget(hint)
        box.addWidget(self.companies_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.buttons.clicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(lengths_box, 1)
        layout.addWidget(self.buttons)
        self.show_preferences(preferences)
        self.resize(520, 520)

    def show_preferences(self, preferences: Preferences) -> None:
        """Fill the fields from ``preferences``."""
        for box, value in (
            (self.theme, preferences.theme.value),
            (self.clock, preferences.clock.value),
            (self.week_start, preferences.week_start),
            (self.language, preferences.language),
        ):
            box.setCurrentIndex(max(0, box.findData(value)))
        self.reminder.setValue(preferences.reminder_minutes)

    def preferences(self) -> Preferences:
        """The preferences as the fields say."""
        return Preferences(
            theme=Theme(self.theme.currentData()),
            clock=HourCycle(self.clock.currentData()),
            week_start=int(self.week_start.currentData()),
            reminder_minutes=self.reminder.value(),
            language=str(self.language.currentData()),
        )

    def apply(self) -> None:
        """Put the preferences in force, the dialog staying open."""
        self.applied.emit(self.preferences())

    def _clicked(self, button: QAbstractButton) -> None:
        if self.buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.ApplyRole:
            self.apply()

    def _ok(self) -> None:
        self.apply()
        self.accept()

    def _to_companies(self) -> None:
        self._ok()
        self.companies_requested.emit()
