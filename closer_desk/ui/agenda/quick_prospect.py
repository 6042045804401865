"""A new prospect added from the call editor, without leaving it (``QuickProspectDialog``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from closer_desk.core import parse
from closer_desk.core.errors import CloserDeskError, ValidationError
from closer_desk.ui.common.prompts import describe
from closer_desk.ui.common.zonepicker import ZonePicker


class QuickProspectDialog(QDialog):
    """A prospect's name, country and zone, to add them without leaving the editor (the
    country gives their public holidays and weekend; the rest is in the Prospects room).

    Attributes:
        chosen_zone, chosen_country: what was entered, once accepted (checked).
    """

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New prospect"))
        self.name = QLineEdit(self)
        self.country = QLineEdit(self)
        self.country.setPlaceholderText(self.tr("e.g. CA (for public holidays and the weekend)"))
        self.zone = ZonePicker(clock, self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.chosen_zone = ""
        self.chosen_country = ""
        form = QFormLayout(self)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Country:"), self.country)
        form.addRow(self.tr("Time zone:"), self.zone)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(520)

    def accept(self) -> None:
        """Close only with a name, a known country (or none) and a known zone."""
        try:
            if not self.name.text().strip():
                raise ValidationError("name", "empty", "")
            country = parse.parse_country(self.country.text()) if self.country.text() else ""
            zone = self.zone.zone()
        except CloserDeskError as error:
            self.error.setText(describe(error))
            self.error.show()
            return
        self.chosen_zone, self.chosen_country = zone, country
        super().accept()
