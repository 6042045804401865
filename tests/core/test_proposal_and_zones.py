"""Proposal text in the prospect's language and zone; zone suggestions from phones and cities."""

from __future__ import annotations

from datetime import timedelta

import pytest

from closer_desk.core.errors import ValidationError
from closer_desk.core.proposal import proposal_text, slot_words
from closer_desk.core.slot_flags import SlotFlag
from closer_desk.core.slots import Slot, best_slots
from closer_desk.core.zones import (
    prospect_place_name,
    zone_place_name,
    zones_for_city,
    zones_for_phone,
)
from tests.helpers.factories import at


def _slot(
    text: str,
    zone: str = "America/Montreal",
    minutes: int = 30,
    flags: frozenset[SlotFlag] = frozenset(),
) -> Slot:
    start = at(text, zone)
    return Slot(start, start + timedelta(minutes=minutes), "Europe/Paris", zone, flags)


def test_one_slot_in_french_and_english_on_the_prospects_clock() -> None:
    slot = _slot("2026-03-10 10:00")
    assert slot_words(slot, "fr") == "mardi 10 mars à 10 h 00, heure de Montréal"
    assert slot_words(slot, "en") == "Tuesday 10 March at 10:00, Montréal time"


def test_proposal_lists_the_slots_ready_to_paste() -> None:
    slots = [_slot("2026-03-10 10:00"), _slot("2026-03-11 14:30")]
    text = proposal_text(slots, "fr")
    assert text.splitlines()[0] == "Bonjour,"
    assert "(30 minutes)" in text
    assert "- mardi 10 mars à 10 h 00, heure de Montréal" in text
    assert "- mercredi 11 mars à 14 h 30, heure de Montréal" in text
    english = proposal_text(slots, "en")
    assert "- Wednesday 11 March at 14:30, Montréal time" in english
    assert proposal_text([], "fr") == ""


def test_unknown_language_falls_back_on_english_and_zones_are_named_by_place() -> None:
    assert "at 10:00, Tokyo time" in proposal_text([_slot("2026-03-10 10:00", "Asia/Tokyo")], "xx")
    assert zone_place_name("Europe/London", "fr") == "Londres"
    assert zone_place_name("America/New_York", "en") == "New York"


def test_best_slots_prefers_unflagged_comfortable_times_one_per_day() -> None:
    slots = [
        _slot("2026-03-10 09:00", flags=frozenset({SlotFlag.EARLY_FOR_PROSPECT})),
        _slot("2026-03-10 10:00"),
        _slot("2026-03-10 10:15"),
        _slot("2026-03-11 10:00", flags=frozenset({SlotFlag.DST_SHIFT})),
        _slot("2026-03-12 15:00"),
    ]
    chosen = best_slots(slots, 2)
    assert [f"{s.prospect_start:%d %H:%M}" for s in chosen] == ["10 10:00", "12 15:00"]
    assert len(best_slots(slots, 5)) == 5
    assert best_slots(slots, 0) == []


@pytest.mark.parametrize(
    ("city", "zone"),
    [
        ("Montréal", "America/Toronto"),
        ("montreal", "America/Toronto"),
        ("Londres", "Europe/London"),
        ("Pékin", "Asia/Shanghai"),
        ("Le Caire", "Africa/Cairo"),
        ("New York", "America/New_York"),
        ("sao paulo", "America/Sao_Paulo"),
        ("Katmandou", "Asia/Kathmandu"),
        ("Lord Howe", "Australia/Lord_Howe"),
        ("buenos_aires", "America/Argentina/Buenos_Aires"),
    ],
)
def test_zones_for_city_in_english_or_french(city: str, zone: str) -> None:
    assert zone in zones_for_city(city)


def test_zones_for_city_prefix_and_unknown() -> None:
    assert "America/Los_Angeles" in zones_for_city("Los Ang")
    assert zones_for_city("Atlantis") == ()
    with pytest.raises(ValidationError):
        zones_for_city("  ")


def test_zones_for_phone_gives_several_zones_for_wide_countries() -> None:
    assert zones_for_phone("+33 6 12 34 56 78") == ("Europe/Paris",)
    assert zones_for_phone("+1 514 555 0123") == ("America/Toronto",)
    mobile = zones_for_phone("+61 412 345 678")
    assert {"Australia/Sydney", "Australia/Perth"} <= set(mobile)
    assert zones_for_phone("06 12 34 56 78", "FR") == ("Europe/Paris",)
    with pytest.raises(ValidationError):
        zones_for_phone("not a phone")


def test_a_quebecer_on_toronto_time_reads_montreal() -> None:
    assert prospect_place_name("CA", "QC", "America/Toronto", "fr") == "Montréal"
    assert prospect_place_name("CA", "ON", "America/Toronto", "fr") == "Toronto"
    slot = _slot("2026-03-10 10:00", "America/Toronto")
    assert slot_words(slot, "fr", place="Montréal") == "mardi 10 mars à 10 h 00, heure de Montréal"
