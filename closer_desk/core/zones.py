"""Suggesting a prospect's zone from what is known of them: a phone number or a city.

Windows zone names are mapped in ``core.tz``; this module only suggests IANA names, several
when a country spans several zones.
"""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
from phonenumbers import timezone as phone_zones

from closer_desk.core.errors import ValidationError
from closer_desk.core.parse import fold
from closer_desk.core.tz import all_zone_names

#: Major cities, keyed by their English and French names (accents and case ignored).
_CITIES: dict[str, str] = {
    "montreal": "America/Toronto",
    "quebec": "America/Toronto",
    "ottawa": "America/Toronto",
    "toronto": "America/Toronto",
    "vancouver": "America/Vancouver",
    "calgary": "America/Edmonton",
    "new york": "America/New_York",
    "washington": "America/New_York",
    "boston": "America/New_York",
    "miami": "America/New_York",
    "atlanta": "America/New_York",
    "chicago": "America/Chicago",
    "houston": "America/Chicago",
    "dallas": "America/Chicago",
    "denver": "America/Denver",
    "phoenix": "America/Phoenix",
    "los angeles": "America/Los_Angeles",
    "san francisco": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "mexico": "America/Mexico_City",
    "mexico city": "America/Mexico_City",
    "bogota": "America/Bogota",
    "lima": "America/Lima",
    "sao paulo": "America/Sao_Paulo",
    "rio de janeiro": "America/Sao_Paulo",
    "buenos aires": "America/Argentina/Buenos_Aires",
    "santiago": "America/Santiago",
    "london": "Europe/London",
    "londres": "Europe/London",
    "dublin": "Europe/Dublin",
    "paris": "Europe/Paris",
    "lyon": "Europe/Paris",
    "marseille": "Europe/Paris",
    "brussels": "Europe/Brussels",
    "bruxelles": "Europe/Brussels",
    "geneva": "Europe/Zurich",
    "geneve": "Europe/Zurich",
    "zurich": "Europe/Zurich",
    "luxembourg": "Europe/Luxembourg",
    "berlin": "Europe/Berlin",
    "munich": "Europe/Berlin",
    "vienna": "Europe/Vienna",
    "vienne": "Europe/Vienna",
    "rome": "Europe/Rome",
    "milan": "Europe/Rome",
    "madrid": "Europe/Madrid",
    "barcelona": "Europe/Madrid",
    "barcelone": "Europe/Madrid",
    "lisbon": "Europe/Lisbon",
    "lisbonne": "Europe/Lisbon",
    "amsterdam": "Europe/Amsterdam",
    "copenhagen": "Europe/Copenhagen",
    "copenhague": "Europe/Copenhagen",
    "stockholm": "Europe/Stockholm",
    "warsaw": "Europe/Warsaw",
    "varsovie": "Europe/Warsaw",
    "athens": "Europe/Athens",
    "athenes": "Europe/Athens",
    "istanbul": "Europe/Istanbul",
    "moscow": "Europe/Moscow",
    "moscou": "Europe/Moscow",
    "casablanca": "Africa/Casablanca",
    "rabat": "Africa/Casablanca",
    "algiers": "Africa/Algiers",
    "alger": "Africa/Algiers",
    "tunis": "Africa/Tunis",
    "dakar": "Africa/Dakar",
    "abidjan": "Africa/Abidjan",
    "cairo": "Africa/Cairo",
    "le caire": "Africa/Cairo",
    "johannesburg": "Africa/Johannesburg",
    "lagos": "Africa/Lagos",
    "nairobi": "Africa/Nairobi",
    "dubai": "Asia/Dubai",
    "dubaï": "Asia/Dubai",
    "abu dhabi": "Asia/Dubai",
    "riyadh": "Asia/Riyadh",
    "riyad": "Asia/Riyadh",
    "doha": "Asia/Qatar",
    "tel aviv": "Asia/Jerusalem",
    "jerusalem": "Asia/Jerusalem",
    "beirut": "Asia/Beirut",
    "beyrouth": "Asia/Beirut",
    "tehran": "Asia/Tehran",
    "teheran": "Asia/Tehran",
    "mumbai": "Asia/Kolkata",
    "bombay": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
    "kathmandu": "Asia/Kathmandu",
    "katmandou": "Asia/Kathmandu",
    "singapore": "Asia/Singapore",
    "singapour": "Asia/Singapore",
    "hong kong": "Asia/Hong_Kong",
    "beijing": "Asia/Shanghai",
    "pekin": "Asia/Shanghai",
    "shanghai": "Asia/Shanghai",
    "tokyo": "Asia/Tokyo",
    "seoul": "Asia/Seoul",
    "bangkok": "Asia/Bangkok",
    "jakarta": "Asia/Jakarta",
    "manila": "Asia/Manila",
    "manille": "Asia/Manila",
    "sydney": "Australia/Sydney",
    "melbourne": "Australia/Melbourne",
    "brisbane": "Australia/Brisbane",
    "perth": "Australia/Perth",
    "auckland": "Pacific/Auckland",
    "wellington": "Pacific/Auckland",
    "noumea": "Pacific/Noumea",
    "papeete": "Pacific/Tahiti",
    "apia": "Pacific/Apia",
}


def _key(text: str) -> str:
    """Case, accents, underscores, hyphens and extra spaces ignored."""
    return fold(text.replace("_", " ").replace("-", " "))


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for name, zone_key in _CITIES.items():
        zones = table.setdefault(_key(name), [])
        if zone_key not in zones:
            zones.append(zone_key)
    curated = set(table)
    # The city part of every IANA name ("America/Argentina/Buenos_Aires" -> "buenos aires"),
    # unless the curated table already answers for that city (America/Montreal is only a
    # link to America/Toronto).
    for zone_key in sorted(all_zone_names()):
        if "/" in zone_key and not zone_key.startswith(("Etc/", "SystemV/", "US/", "Canada/")):
            city = _key(zone_key.rsplit("/", 1)[1])
            if city not in curated and zone_key not in table.setdefault(city, []):
                table[city].append(zone_key)
    return {k: tuple(v) for k, v in table.items()}


def zones_for_city(city: str) -> tuple[str, ...]:
    """IANA zones for a city typed in English or French ("Montréal", "Londres", "Le Caire",
    "Pékin"); a unique prefix of a known city also matches. Empty when nothing fits."""
    key = _key(city)
    if not key:
        raise ValidationError("city", "empty", city)
    table = _table()
    if key in table:
        return table[key]
    found: list[str] = []
    for name in sorted(table):
        if name.startswith(key):
            found.extend(z for z in table[name] if z not in found)
    return tuple(found)


def zones_for_phone(number: str, country: str = "") -> tuple[str, ...]:
    """IANA zones where a phone number can ring (several in countries with several zones).

    Raises ``ValidationError`` for a number that cannot be parsed.
    """
    try:
        parsed = phonenumbers.parse(number.strip(), country.upper() or None)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError("phone", "bad_phone", number) from exc
    if not phonenumbers.is_possible_number(parsed):
        raise ValidationError("phone", "bad_phone", number)
    zones = [z for z in phone_zones.time_zones_for_number(parsed) if z in all_zone_names()]
    return tuple(zones)


#: City names shown in proposals when the zone's own city is not the one a reader expects.
_DISPLAY_CITIES: dict[str, dict[str, str]] = {
    "America/Montreal": {"fr": "Montréal", "en": "Montréal"},
}


def zone_place_name(zone_key: str, language: str) -> str:
    """The place that names a zone in words ("Montréal", "Londres", "New York")."""
    if zone_key in _DISPLAY_CITIES:
        names = _DISPLAY_CITIES[zone_key]
        return names.get(language, names["en"])
    try:
        from babel.dates import get_timezone_location

        city = get_timezone_location(zone_key, locale=language, return_city=True)
    except Exception:  # babel knows no such locale or zone: fall back on the IANA name
        city = ""
    return str(city) or zone_key.rsplit("/", 1)[-1].replace("_", " ")


#: Regions whose people name their clock after a city other than the zone's own: a Quebecer
#: on America/Toronto reads "heure de Montréal", not "heure de Toronto".
_REGION_PLACES: dict[tuple[str, str, str], str] = {
    ("CA", "QC", "America/Toronto"): "Montréal",
    ("CA", "NB", "America/Moncton"): "Moncton",
}


def prospect_place_name(country: str, subdivision: str, zone_key: str, language: str) -> str:
    """How a prospect names their own clock: their region's city when it differs from the
    zone's (Québec on America/Toronto), else the zone's place name."""
    key = (country.upper(), subdivision.upper(), zone_key)
    if key in _REGION_PLACES:
        return _REGION_PLACES[key]
    return zone_place_name(zone_key, language)
