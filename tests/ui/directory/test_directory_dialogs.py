"""The company, prospect and closer editors: what they save, and what they refuse inline."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from closer_desk.core.model import CallKind, Temperature
from closer_desk.store import Agenda
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.directory.closer_dialog import CloserDialog
from closer_desk.ui.directory.company_dialog import CompanyDialog
from closer_desk.ui.directory.prospect_dialog import ProspectDialog
from tests.helpers.factories import FakeClock
from tests.ui.conftest import save_and_wait

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support"),
    pytest.mark.usefixtures("british_clock_locale"),
]


def _company_dialog(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock, name: str | None = None
) -> CompanyDialog:
    dialog = CompanyDialog(source, agenda.company(name) if name else None, clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_new_company_is_saved_with_every_field(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    dialog = _company_dialog(qtbot, agenda, source, clock)
    dialog.name.setText("Nordlys")
    dialog.color.hex_edit.setText("#10B981")
    dialog.rate.setText("17,5 %")
    dialog.kind.setCurrentIndex(dialog.kind.findData("phone"))
    dialog.minutes.setValue(60)
    dialog.url.setText("https://meet.example.com/nordlys")
    dialog.script.setPlainText("1. Rappel du besoin\n2. Offre")
    dialog.zone.set_zone("Europe/Oslo")
    dialog.country.setText("no")
    dialog.hours.setText("mon-thu 08:00-16:00")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.accept()
    company = agenda.company("Nordlys")
    assert saved.args == [company]
    assert (
        company.color,
        company.commission_rate,
        company.default_kind,
        company.default_minutes,
    ) == (
        "#10b981",
        Decimal("0.1750"),
        CallKind.PHONE,
        60,
    )
    assert (company.zone, company.country, company.script) == (
        "Europe/Oslo",
        "NO",
        "1. Rappel du besoin\n2. Offre",
    )
    assert company.hours is not None and company.hours.on(3)[0].start == 8 * 60
    assert not dialog.isVisible()


@pytest.mark.parametrize(
    ("field", "widget", "text", "message"),
    [
        ("default_video_url", "url", "javascript:alert(1)", "Only https:// links"),
        ("color", "color", "red", "#rrggbb"),
        ("commission_rate", "rate", "150 %", "100%"),
        ("zone", "zone", "Mars/Olympus", "Unknown time zone “Mars/Olympus”"),
        ("commission_rate", "rate", "12.345", "two decimals"),
        ("hours", "hours", "mon-fri 18:00-09:00", "Ends before it starts"),
        ("name", "name", "acme", "“acme” already exists"),
        ("name", "name", "Acmé", "“Acmé” already exists"),
    ],
)
def test_company_bad_input_is_refused_inline_and_nothing_saved(
    qtbot: QtBot,
    agenda: Agenda,
    source: AgendaSource,
    clock: FakeClock,
    field: str,
    widget: str,
    text: str,
    message: str,
) -> None:
    before = agenda.companies()
    dialog = _company_dialog(qtbot, agenda, source, clock, "Érable")
    target = getattr(dialog, widget)
    if widget == "zone":
        target.set_zone(text)
    elif widget == "color":
        target.hex_edit.setText(text)
    else:
        target.setText(text)
    save_and_wait(qtbot, dialog)
    assert message in dialog.error_text(field)
    assert dialog.isVisible()
    assert dialog.saved_row is None
    assert agenda.companies() == before
    # Fixing the field and saving again works, and the error goes away.
    if widget == "zone":
        target.set_zone("Europe/Paris")
    elif widget == "color":
        target.hex_edit.setText("#123456")
    elif widget == "name":
        target.setText("Érable")
    else:
        target.setText("" if widget in ("url", "hours") else "12")
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    assert dialog.error_text(field) == ""


def test_prospect_bad_phone_is_refused_with_the_message(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    before = agenda.prospects()
    dialog = ProspectDialog(source, clock=clock)
    qtbot.addWidget(dialog)
    dialog.name.setText("Nadia Benali")
    dialog.zone.set_zone("Africa/Casablanca")
    dialog.phone.setText("+212 12")
    save_and_wait(qtbot, dialog)
    assert "Not a valid phone number" in dialog.error_text("phone")
    assert dialog.saved_row is None
    assert agenda.prospects() == before


def test_prospect_unknown_zone_is_refused_before_the_store(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    dialog = ProspectDialog(source, clock=clock)
    qtbot.addWidget(dialog)
    dialog.name.setText("Nadia Benali")
    dialog.zone.set_zone("Casablanca/Morocco")
    dialog.accept()
    assert "Unknown time zone" in dialog.error_text("zone")
    assert not source.tasks.is_busy()
    assert len(agenda.prospects()) == 3


def test_phone_number_suggests_one_zone_and_the_country(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    dialog = ProspectDialog(source, clock=clock)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.phone, "+1 514 555 0199")
    assert dialog.zone.text() == "America/Toronto"
    assert dialog.country.text() == "CA"
    assert dialog.suggestion.isHidden()


def test_mobile_in_a_multi_zone_country_offers_every_candidate(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    dialog = ProspectDialog(source, clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.phone.setText("+61 412 345 678")
    zones = dialog.suggestion.zones()
    assert {"Australia/Perth", "Australia/Sydney", "Australia/Brisbane"} <= set(zones)
    assert dialog.suggestion.isVisible()
    assert dialog.zone.text() == ""  # several candidates: nothing guessed
    dialog.suggestion.candidates.setCurrentText("Australia/Perth")
    dialog.suggestion.use_button.click()
    assert dialog.zone.zone() == "Australia/Perth"


def test_prospect_with_private_file_is_saved(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    original = agenda.prospect("Omar Haddad")
    dialog = ProspectDialog(source, original, clock=clock)
    qtbot.addWidget(dialog)
    assert dialog.private_box.title().endswith("Private client file")
    dialog.organisation.setText("Haddad Trading")
    dialog.temperature.setCurrentIndex(dialog.temperature.findData("hot"))
    dialog.need.setPlainText("Un CRM arabe-anglais")
    dialog.blockages.setPlainText("Budget validé en avril")
    dialog.hours.setText("sun-thu 09:00-17:00")
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    saved = agenda.prospect(original.id)
    assert (saved.organisation, saved.temperature, saved.need, saved.blockages) == (
        "Haddad Trading",
        Temperature.HOT,
        "Un CRM arabe-anglais",
        "Budget validé en avril",
    )
    assert saved.phone == original.phone and saved.zone == "Asia/Dubai"
    assert saved.hours is not None and saved.hours.on(6) and not saved.hours.on(4)


def test_closer_editor_saves_and_refuses_a_bad_email(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    closer = agenda.closer()
    dialog = CloserDialog(source, closer, clock=clock)
    qtbot.addWidget(dialog)
    dialog.email.setText("camille at example")
    save_and_wait(qtbot, dialog)
    assert "e-mail" in dialog.error_text("email")
    assert agenda.closer().email == "camille@example.com"
    dialog.email.setText("camille@closer.example")
    dialog.zone.set_zone("Romance Standard Time")  # a Windows name, mapped
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    assert (agenda.closer().email, agenda.closer().zone) == (
        "camille@closer.example",
        "Europe/Paris",
    )


def test_every_wrong_field_is_shown_at_once(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    dialog = ProspectDialog(source, clock=clock)
    qtbot.addWidget(dialog)
    dialog.email.setText("bad@")
    dialog.phone.setText("12")
    dialog.zone.set_zone("Nowhere/City")
    dialog.accept()
    assert dialog.error_text("name") == "Cannot be empty."
    assert dialog.error_text("email") == "Not a valid e-mail address."
    assert dialog.error_text("phone").startswith("Not a valid phone number")
    assert dialog.error_text("zone").startswith("Unknown time zone")
    assert dialog.error_text("organisation") == ""
    assert not source.tasks.is_busy()


def test_escape_while_saving_waits_for_the_answer(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    dialog = CloserDialog(source, agenda.closer(), clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.email.setText("camille@else.example")
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
        dialog.reject()  # Escape while the worker saves: ignored
        assert dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Accepted


@pytest.mark.parametrize(
    ("typed", "stored"), [("1", "0.0100"), ("1.5 %", "0.0150"), ("15", "0.15")]
)
def test_the_commission_typed_is_a_percentage_as_on_the_command_line(
    qtbot: QtBot,
    agenda: Agenda,
    source: AgendaSource,
    clock: FakeClock,
    typed: str,
    stored: str,
) -> None:
    dialog = _company_dialog(qtbot, agenda, source, clock, "Acme")
    assert dialog.rate.text() == "15 %"  # what is stored, shown as it is typed
    dialog.rate.setText(typed)
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    assert agenda.company("Acme").commission_rate == Decimal(stored)


def test_a_namesake_prospect_is_added_when_saved_again(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    dialog = ProspectDialog(source, clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("gabriel TREMBLAY")
    dialog.zone.set_zone("Europe/Paris")
    save_and_wait(qtbot, dialog)
    assert "“gabriel TREMBLAY” already exists" in dialog.error_text("name")
    assert "Save again to add another prospect" in dialog.error_text()
    assert len(agenda.prospects()) == 3
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    assert [p.name for p in agenda.prospects("tremblay")] == [
        "Gabriel Tremblay",
        "gabriel TREMBLAY",
    ]
