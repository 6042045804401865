"""The editor of a prospect: contact, where and when to reach them, and the private client file.

The phone number suggests the zone (and the country when none is set): a Montréal number means
America/Toronto, an Australian mobile could be any of eight zones and the closer picks one.
"""

from __future__ import annotations

from typing import TypedDict

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core import parse
from closer_desk.core.errors import DuplicateError
from closer_desk.core.model import Prospect, Temperature
from closer_desk.core.phonezone import display_phone, zones_for_phone
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.zonepicker import Clock, ZonePicker
from closer_desk.ui.directory.form import EditDialog, Job, require_name


class _Fields(TypedDict):
    """What the form gives the store besides the name, zone and hours (checked there)."""

    organisation: str
    email: str
    country: str
    phone: str
    subdivision: str
    language: str
    temperature: str
    need: str
    motivations: str
    blockages: str
    notes: str


#: Languages offered first; any two-letter code may be typed.
_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "ar", "ja", "zh")


class ZoneSuggestion(QWidget):
    """ "Zone from the number: [candidates ▾] [Use]", hidden when the number says nothing.

    Attributes:
        candidates: the combo box of zones the number may ring in.
        use_button: puts the chosen candidate into the zone field.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(self.tr("Zone from the number:"), self)
        self.candidates = QComboBox(self)
        self.candidates.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.use_button = QPushButton(self.tr("&Use"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.candidates, 1)
        layout.addWidget(self.use_button)
        self.setVisible(False)

    def set_candidates(self, zones: tuple[str, ...]) -> None:
        """Offer ``zones`` (hide when empty)."""
        self.candidates.clear()
        self.candidates.addItems(list(zones))
        if len(zones) > 1:
            self.caption.setText(self.tr("%n possible zone(s) for this number:", "", len(zones)))
        else:
            self.caption.setText(self.tr("Zone from the number:"))
        self.setVisible(bool(zones))

    def zones(self) -> list[str]:
        """The zones offered."""
        return [self.candidates.itemText(i) for i in range(self.candidates.count())]


class ProspectDialog(EditDialog[Prospect]):
    """Add a prospect (``prospect`` None) or edit one.

    Signals:
        saved(object): the saved ``Prospect``.
    """

    def __init__(
        self,
        source: AgendaSource,
        prospect: Prospect | None = None,
        *,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(source, parent)
        self._prospect = prospect
        #: A name the store said is taken: saving it again adds a namesake on purpose.
        self._namesake = ""
        p = prospect or Prospect(id=0, name="", zone="")
        self.setWindowTitle(self.tr("Edit prospect") if prospect else self.tr("New prospect"))

        self.name = QLineEdit(p.name, self)
        self.organisation = QLineEdit(p.organisation, self)
        self.email = QLineEdit(p.email, self)
        self.email.setPlaceholderText("name@example.com")
        self.phone = QLineEdit(display_phone(p.phone) if p.phone else "", self)
        self.phone.setPlaceholderText("+1 514 555 0123")
        self.suggestion = ZoneSuggestion(self)
        self.country = QLineEdit(p.country, self)
        self.country.setPlaceholderText(self.tr("e.g. CA"))
        self.subdivision = QLineEdit(p.subdivision, self)
        self.subdivision.setPlaceholderText(self.tr("e.g. QC (for regional holidays)"))
        self.zone = ZonePicker(clock, self)
        self.zone.set_zone(p.zone)
        self.language = QComboBox(self)
        self.language.setEditable(True)
        self.language.addItems(list(_LANGUAGES))
        self.language.setCurrentText(p.language)
        self.temperature = QComboBox(self)
        self.temperature.addItem(self.tr("Hot"), Temperature.HOT.value)
        self.temperature.addItem(self.tr("Warm"), Temperature.WARM.value)
        self.temperature.addItem(self.tr("Cold"), Temperature.COLD.value)
        self.temperature.setCurrentIndex(max(0, self.temperature.findData(p.temperature.value)))
        self.hours = QLineEdit(parse.format_weekly_hours(p.hours) if p.hours else "", self)
        self.hours.setPlaceholderText(
            self.tr("e.g. mon-fri 09:00-17:00 (empty: usual office hours)")
        )

        contact = QFormLayout()
        contact.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.add_field(contact, "name", self.tr("&Name"), self.name)
        self.add_field(contact, "organisation", self.tr("&Organisation"), self.organisation)
        self.add_field(contact, "email", self.tr("&E-mail"), self.email)
        self.add_field(contact, "phone", self.tr("&Phone"), self.phone)
        contact.addRow("", self.suggestion)
        self.add_field(contact, "country", self.tr("&Country"), self.country)
        self.add_field(contact, "subdivision", self.tr("&Region"), self.subdivision)
        self.add_field(contact, "zone", self.tr("&Time zone"), self.zone)
        self.add_field(contact, "language", self.tr("&Language"), self.language)
        self.add_field(contact, "temperature", self.tr("Tem&perature"), self.temperature)
        self.add_field(contact, "hours", self.tr("&Business hours"), self.hours)

        self.need = self._private_text(p.need, self.tr("What they need to solve"))
        self.motivations = self._private_text(p.motivations, self.tr("Why they would buy now"))
        self.blockages = self._private_text(p.blockages, self.tr("What holds them back"))
        self.notes = self._private_text(p.notes, self.tr("Anything else"))
        self.private_box = QGroupBox(self.tr("Private client file"), self)
        self.private_box.setObjectName("privateClientFile")
        self.private_box.setToolTip(
            self.tr("Stays on this computer: never put in an invite or an export.")
        )
        private = QFormLayout(self.private_box)
        hint = QLabel(self.tr("Stays on this computer: never put in an invite or an export."), self)
        hint.setWordWrap(True)
        font = hint.font()
        font.setItalic(True)
        hint.setFont(font)
        private.addRow(hint)
        self.add_field(private, "need", self.tr("Nee&d"), self.need)
        self.add_field(private, "motivations", self.tr("&Motivations"), self.motivations)
        self.add_field(private, "blockages", self.tr("Bloc&kages"), self.blockages)
        self.add_field(private, "notes", self.tr("No&tes"), self.notes)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(contact)
        left.addStretch(1)
        columns.addLayout(left, 3)
        columns.addWidget(self.private_box, 2)
        self.finish_layout(columns)
        # The notes boxes would ask for 200 px each; they share what the contact column needs.
        self.resize(
            max(900, self.minimumSizeHint().width() + 40), max(520, left.sizeHint().height() + 80)
        )

        self.phone.textChanged.connect(self._suggest_zone)
        self.country.textChanged.connect(lambda _text: self._suggest_zone(self.phone.text()))
        self.suggestion.use_button.clicked.connect(self.use_suggested_zone)
        self._suggest_zone(self.phone.text())

    def _private_text(self, text: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(text, self)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(56)
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        return edit

    # -- zone from the phone number ----------------------------------------------------
    def _suggest_zone(self, phone: str) -> None:
        found = zones_for_phone(phone, self.country.text())
        # Offer only what the number adds: no suggestion when the zone already matches it.
        zones = (
            found.zones
            if self.zone.text().strip() not in found.zones or len(found.zones) > 1
            else ()
        )
        self.suggestion.set_candidates(zones)
        if found.country and not self.country.text().strip():
            self.country.setText(found.country)
        if len(found.zones) == 1 and not self.zone.text().strip():
            self.zone.set_zone(found.zones[0])
            self.suggestion.set_candidates(())

    def use_suggested_zone(self) -> None:
        """Put the selected candidate into the zone field."""
        chosen = self.suggestion.candidates.currentText()
        if chosen:
            self.zone.set_zone(chosen)

    # -- saving ------------------------------------------------------------------------
    def build_job(self) -> Job[Prospect]:
        """Read the form; zone and hours are parsed here, the rest (phone with its country,
        e-mail, language...) by the store, exactly as the CLI's ``prospect add``."""
        self.precheck(
            [
                lambda: require_name(self.name.text()),
                lambda: parse.parse_email(self.email.text()),
                lambda: parse.parse_country(self.country.text()),
                lambda: parse.parse_phone(self.phone.text(), self.country.text().strip()),
                self.zone.zone,
                lambda: parse.parse_language(self.language.currentText()),
                lambda: self.hours.text().strip() and parse.parse_weekly_hours(self.hours.text()),
            ]
        )
        zone = self.zone.zone()
        hours = parse.parse_weekly_hours(self.hours.text()) if self.hours.text().strip() else None
        fields: _Fields = {
            "organisation": self.organisation.text(),
            "email": self.email.text(),
            "country": self.country.text(),
            "phone": self.phone.text(),
            "subdivision": self.subdivision.text(),
            "language": self.language.currentText(),
            "temperature": str(self.temperature.currentData()),
            "need": self.need.toPlainText(),
            "motivations": self.motivations.toPlainText(),
            "blockages": self.blockages.toPlainText(),
            "notes": self.notes.toPlainText(),
        }
        name = self.name.text()
        if self._prospect is None:
            force = bool(self._namesake) and parse.fold(name) == parse.fold(self._namesake)
            return lambda agenda: agenda.add_prospect(
                name, zone, hours=hours, force=force, **fields
            )
        prospect_id = self._prospect.id
        return lambda agenda: agenda.edit_prospect(
            prospect_id, hours=hours, name=name, zone=zone, **fields
        )

    def _on_failed(self, error: BaseException) -> None:
        super()._on_failed(error)
        if isinstance(error, DuplicateError) and self._prospect is None:
            # Two people may share a name (the CLI's --force): say how to add the second.
            self._namesake = self.name.text()
            self.general_error.setText(
                self.tr("Save again to add another prospect with this name.")
            )
            self.general_error.setVisible(True)
