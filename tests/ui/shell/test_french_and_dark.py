"""French words where the window missed them (the editor's overlap warning, plurals, city
names) and the dark theme where it stayed light (the today header)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QPalette

from closer_desk.core import booking_checks as checks
from closer_desk.store.calendar_import import ImportReport
from closer_desk.ui.agenda.editor import warning_text
from closer_desk.ui.agenda.model import AgendaModel
from closer_desk.ui.calendars.importing import ImportDialog
from closer_desk.ui.common import i18n, palette
from closer_desk.ui.common.source import AgendaSource
from tests.helpers.factories import at


def _overlap(count: int) -> checks.BookingWarning:
    return checks.BookingWarning(checks.CONFLICT, appointments=tuple(range(1, count + 1)))


def test_the_overlap_warning_is_french_and_its_plural_right(french: Any) -> None:
    assert warning_text(_overlap(2), "Gabriel") == "Chevauche 2 autres de vos appels."
    assert warning_text(_overlap(1), "Gabriel") == "Chevauche 1 autre de vos appels."


def test_the_overlap_warning_in_english_has_its_plural_too() -> None:
    assert warning_text(_overlap(1), "Gabriel") == "Overlaps 1 other call of yours."
    assert warning_text(_overlap(3), "Gabriel") == "Overlaps 3 other calls of yours."


def test_the_import_report_counts_one_plural_at_a_time(
    qtbot: Any, french: Any, source: AgendaSource
) -> None:
    dialog = ImportDialog(source)
    qtbot.addWidget(dialog)
    dialog._on_finished(ImportReport(busy=True, closer="Camille", source="Pro", events=1, added=1))
    assert dialog.status.text() == (
        "1 événement lu pour Camille (temps occupé, calendrier « Pro ») : 1 ajouté, 0 modifié, "
        "0 inchangé, 0 supprimé, 0 annulé."
    )
    dialog._on_finished(
        ImportReport(busy=True, closer="Camille", source="Pro", events=3, added=2, updated=1)
    )
    assert dialog.status.text().startswith(
        "3 événements lus pour Camille (temps occupé, calendrier « Pro ») : 2 ajoutés, 1 modifié,"
    )


def test_zone_cities_in_the_windows_language(french: Any, agenda: Any) -> None:
    assert i18n.city("Europe/London") == "Londres"
    assert i18n.city("America/New_York") == "New York"
    call = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-03 10:00", "Europe/Paris")
    )
    agenda.edit_prospect(call.prospect_id, zone="Europe/London")
    [entry] = agenda.entries(
        at("2026-03-03 00:00", "Europe/Paris"), at("2026-03-04 00:00", "Europe/Paris")
    )
    model = AgendaModel()
    model.set_entries([entry], "Europe/Paris")
    assert model.index(0, 1).data() == "09:00 Londres"


def test_the_cities_stay_english_in_english() -> None:
    assert i18n.city("Europe/London") == "London"
    assert i18n.city("America/Argentina/Buenos_Aires") == "Buenos Aires"


def test_the_today_header_reads_on_a_dark_theme(qapp: Any) -> None:
    dark = palette.dark_palette()
    colors = palette.grid_colors(dark, True)
    highlight = dark.color(QPalette.ColorRole.Highlight)
    assert palette.contrast(highlight, colors.alt_background) < 4.5  # the theme's own blue
    assert palette.contrast(colors.today, colors.alt_background) >= 4.5
    light = palette.grid_colors(qapp.style().standardPalette(), False)
    assert palette.contrast(light.today, light.alt_background) >= 4.5
