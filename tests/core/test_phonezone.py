"""Zone suggestions from phone numbers (no Qt)."""

from __future__ import annotations

import pytest

from closer_desk.core.phonezone import display_phone, zones_for_phone


@pytest.mark.parametrize(
    ("number", "country", "zone"),
    [
        ("+1 514 555 0123", "CA", "America/Toronto"),
        ("+971 50 123 4567", "AE", "Asia/Dubai"),
        ("+33 6 12 34 56 78", "FR", "Europe/Paris"),
        ("+1 212 555 0100", "US", "America/New_York"),
    ],
)
def test_fixed_area_gives_one_zone_and_the_country(number: str, country: str, zone: str) -> None:
    assert zones_for_phone(number).zones == (zone,)
    assert zones_for_phone(number).country == country


def test_national_format_is_read_with_the_country() -> None:
    assert zones_for_phone("06 12 34 56 78", "fr").zones == ("Europe/Paris",)
    assert zones_for_phone("06 12 34 56 78").zones == ()


def test_mobile_in_a_multi_zone_country_gives_every_candidate() -> None:
    found = zones_for_phone("+61 412 345 678")
    assert found.country == "AU"
    assert {"Australia/Perth", "Australia/Sydney", "Australia/Brisbane"} <= set(found.zones)
    assert len(found.zones) == len(set(found.zones))


@pytest.mark.parametrize("text", ["", "12", "+1 555", "not a number"])
def test_nothing_is_guessed_from_a_bad_number(text: str) -> None:
    assert zones_for_phone(text).zones == ()


def test_display_in_international_form() -> None:
    assert display_phone("+15145550123") == "+1 514-555-0123"
    assert display_phone("garbage") == "garbage"
