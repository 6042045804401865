"""Which time zones a phone number may ring in (a suggestion for the prospect's zone).

A fixed line usually pins one zone (+1 514 is Montréal, so America/Toronto); a mobile number in
a country spanning several zones (Australia, Russia, the US) gives several candidates, and the
user picks one. Nothing here guesses a single answer when the number does not say.
"""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from phonenumbers import timezone as phone_timezone

from closer_desk.core import tz
from closer_desk.core.errors import UnknownZoneError

# What phonenumbers answers when it knows nothing: never offered as a suggestion.
_UNKNOWN = "Etc/Unknown"


@dataclass(frozen=True, slots=True)
class PhoneZones:
    """What a phone number says about where the prospect is.

    Attributes:
        country: ISO 3166-1 alpha-2 code of the number's region ("" when unknown).
        zones: candidate IANA zones, most specific first; empty when the number is not valid.
    """

    country: str
    zones: tuple[str, ...]


def zones_for_phone(text: str, country: str = "") -> PhoneZones:
    """The country and candidate zones of ``text`` (national formats read with ``country``).

    Returns empty candidates for an empty, unparsable or invalid number rather than raising:
    this only feeds a suggestion, the number itself is validated by ``parse.parse_phone``.
    """
    raw = text.strip()
    if not raw:
        return PhoneZones("", ())
    try:
        number = phonenumbers.parse(raw, country.strip().upper() or None)
    except phonenumbers.NumberParseException:
        return PhoneZones("", ())
    if not phonenumbers.is_valid_number(number):
        return PhoneZones("", ())
    region = phonenumbers.region_code_for_number(number) or ""
    zones: list[str] = []
    for name in phone_timezone.time_zones_for_number(number):
        if name == _UNKNOWN:
            continue
        try:
            canonical = tz.canonical_zone_name(name)
        except UnknownZoneError:  # a zone phonenumbers knows but this tzdata does not: skip it
            continue
        if canonical not in zones:
            zones.append(canonical)
    return PhoneZones(region if region != "001" else "", tuple(zones))


def display_phone(text: str) -> str:
    """A stored E.164 number in its international written form (``+1 514-555-0123``); text
    that does not parse is returned unchanged."""
    try:
        number = phonenumbers.parse(text.strip(), None)
    except phonenumbers.NumberParseException:
        return text
    if not phonenumbers.is_valid_number(number):
        return text
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
