"""The editor of a closer's identity: name, e-mail, home zone (hours live in the availability
dialog, ``closer_desk.ui.directory.availability``)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from closer_desk.core import parse
from closer_desk.core.model import Closer
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.zonepicker import Clock, ZonePicker
from closer_desk.ui.directory.form import EditDialog, Job, require_name


class CloserDialog(EditDialog[Closer]):
    """Add a closer (``closer`` None) or edit one.

    Signals:
        saved(object): the saved ``Closer``.
    """

    def __init__(
        self,
        source: AgendaSource,
        closer: Closer | None = None,
        *,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(source, parent)
        self._closer = closer
        self.setWindowTitle(self.tr("Edit closer") if closer else self.tr("New closer"))
        self.name = QLineEdit(closer.name if closer else "", self)
        self.email = QLineEdit(closer.email if closer else "", self)
        self.email.setPlaceholderText("name@example.com")
        self.zone = ZonePicker(clock, self)
        self.zone.set_zone(closer.zone if closer else "")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.add_field(form, "name", self.tr("&Name"), self.name)
        self.add_field(form, "email", self.tr("&E-mail"), self.email)
        self.add_field(form, "zone", self.tr("&Home time zone"), self.zone)
        self.finish_layout(form)
        self.resize(520, self.sizeHint().height())

    def build_job(self) -> Job[Closer]:
        """Read the form (the zone here, the rest in the store)."""
        self.precheck(
            [
                lambda: require_name(self.name.text()),
                lambda: parse.parse_email(self.email.text()),
                self.zone.zone,
            ]
        )
        zone = self.zone.zone()
        name, email = self.name.text(), self.email.text()
        if self._closer is None:
            return lambda agenda: agenda.add_closer(name, zone, email=email)
        closer_id = self._closer.id
        return lambda agenda: agenda.edit_closer(closer_id, name=name, email=email, zone=zone)
