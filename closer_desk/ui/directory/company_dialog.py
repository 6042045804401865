"""The editor of a client company: colour, commission, call defaults, closing script, hours."""

from __future__ import annotations

from decimal import Decimal
from typing import TypedDict

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from closer_desk.core import parse
from closer_desk.core.model import CallKind, Company
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.zonepicker import Clock, ZonePicker
from closer_desk.ui.directory.form import EditDialog, Job, require_name


class _Fields(TypedDict):
    """What the form gives the store besides the name and hours (checked there)."""

    color: str
    commission_rate: str
    default_kind: str
    default_minutes: int
    default_video_url: str
    script: str
    zone: str
    country: str


def _percent(rate: Decimal) -> str:
    """0.1500 as "15", 0.1250 as "12.5"."""
    return f"{rate * 100:f}".rstrip("0").rstrip(".") or "0"


class ColorField(QWidget):
    """A swatch button opening the colour dialog, and the ``#rrggbb`` it stands for.

    Attributes:
        hex_edit: the colour as text (typed or picked).
    """

    def __init__(self, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QPushButton(self)
        self.button.setToolTip(self.tr("Pick a colour"))
        self.button.setAccessibleName(self.tr("Pick a colour"))
        self.button.setFixedWidth(40)
        self.hex_edit = QLineEdit(color, self)
        self.hex_edit.setMaxLength(7)
        self.hex_edit.setPlaceholderText("#3b82f6")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.hex_edit, 1)
        self.setFocusProxy(self.hex_edit)
        self.button.clicked.connect(self._pick)
        self.hex_edit.textChanged.connect(self._paint_swatch)
        self._paint_swatch(color)

    def text(self) -> str:
        """The colour as typed."""
        return self.hex_edit.text()

    def _paint_swatch(self, text: str) -> None:
        color = QColor(text)
        pixmap = QPixmap(18, 18)
        pixmap.fill(color if color.isValid() else QColor(Qt.GlobalColor.transparent))
        self.button.setIcon(QIcon(pixmap))

    def _pick(self) -> None:
        current = QColor(self.hex_edit.text())
        chosen = QColorDialog.getColor(current if current.isValid() else QColor("#3b82f6"), self)
        if chosen.isValid():
            self.hex_edit.setText(chosen.name())


class CompanyDialog(EditDialog[Company]):
    """Add a company (``company`` None) or edit one.

    Signals:
        saved(object): the saved ``Company``.
    """

    def __init__(
        self,
        source: AgendaSource,
        company: Company | None = None,
        *,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(source, parent)
        self._company = company
        c = company or Company(id=0, name="")
        self.setWindowTitle(self.tr("Edit company") if company else self.tr("New company"))

        self.name = QLineEdit(c.name, self)
        self.color = ColorField(c.color, self)
        self.rate = QLineEdit(f"{_percent(c.commission_rate)} %", self)
        self.rate.setPlaceholderText(self.tr("e.g. 15 %"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Video call"), CallKind.VIDEO.value)
        self.kind.addItem(self.tr("Phone call"), CallKind.PHONE.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(c.default_kind.value)))
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 24 * 60)  # the store's own bounds: nothing clamped on save
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(c.default_minutes)
        self.url = QLineEdit(c.default_video_url, self)
        self.url.setPlaceholderText("https://meet.example.com/…")
        self.script = QPlainTextEdit(c.script, self)
        self.script.setPlaceholderText(self.tr("The call guide, one step per line"))
        self.script.setTabChangesFocus(True)
        self.zone = ZonePicker(clock, self)
        self.zone.set_zone(c.zone)
        self.country = QLineEdit(c.country, self)
        self.country.setPlaceholderText(self.tr("e.g. FR"))
        self.hours = QLineEdit(parse.format_weekly_hours(c.hours) if c.hours else "", self)
        self.hours.setPlaceholderText(self.tr("e.g. mon-fri 09:00-17:00 (empty: no limit)"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.add_field(form, "name", self.tr("&Name"), self.name)
        self.add_field(form, "color", self.tr("Co&lour"), self.color)
        self.add_field(form, "commission_rate", self.tr("&Commission"), self.rate)
        self.add_field(form, "default_kind", self.tr("Default &call"), self.kind)
        self.add_field(form, "default_minutes", self.tr("Default &length"), self.minutes)
        self.add_field(form, "default_video_url", self.tr("Video &link"), self.url)
        self.add_field(form, "zone", self.tr("&Time zone"), self.zone)
        self.add_field(form, "country", self.tr("C&ountry"), self.country)
        self.add_field(form, "hours", self.tr("&Hours for its calls"), self.hours)
        self.add_field(form, "script", self.tr("Closing &script"), self.script)
        self.alias("rate", "commission_rate")
        self.alias("url", "default_video_url")
        self.finish_layout(form)
        self.resize(560, self.sizeHint().height())

    def build_job(self) -> Job[Company]:
        """Read the form; zone and hours are parsed here, the rest by the store."""
        self.precheck(
            [
                lambda: require_name(self.name.text()),
                lambda: parse.parse_color(self.color.text()),
                lambda: parse.parse_rate(self.rate.text(), "commission_rate"),
                lambda: parse.parse_video_url(self.url.text(), "default_video_url"),
                self.zone.zone,
                lambda: parse.parse_country(self.country.text()),
                lambda: self.hours.text().strip() and parse.parse_weekly_hours(self.hours.text()),
            ]
        )
        hours = parse.parse_weekly_hours(self.hours.text()) if self.hours.text().strip() else None
        fields: _Fields = {
            "color": self.color.text(),
            "commission_rate": self.rate.text(),
            "default_kind": str(self.kind.currentData()),
            "default_minutes": self.minutes.value(),
            "default_video_url": self.url.text(),
            "script": self.script.toPlainText(),
            "zone": self.zone.zone(),
            "country": self.country.text(),
        }
        name = self.name.text()
        if self._company is None:
            return lambda agenda: agenda.add_company(name, hours=hours, **fields)
        company_id = self._company.id
        return lambda agenda: agenda.edit_company(company_id, hours=hours, name=name, **fields)
