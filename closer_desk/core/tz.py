"""Time zones: lookup, localisation of wall times, conversion.

Zones come from the stdlib ``zoneinfo`` backed by the pinned ``tzdata`` package, so the rules
are the same on every OS. Windows names ("Romance Standard Time") and display names
("(UTC+01:00) Brussels, Copenhagen, Madrid, Paris", through ``windows_zones``) are mapped to
IANA names here and nowhere else.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from closer_desk.core.errors import (
    AmbiguousTimeError,
    NaiveDatetimeError,
    NonExistentTimeError,
    UnknownZoneError,
)

Choice = Literal["earlier", "later"]


@lru_cache(maxsize=1)
def all_zone_names() -> frozenset[str]:
    """Every IANA zone name the bundled tz database knows."""
    # The pinned tzdata package lists its zones in one file. available_timezones() reads it
    # too, then opens every file under the system's zoneinfo directories: about as long as
    # starting the interpreter, paid by every command that names a zone.
    try:
        import os

        import tzdata

        with open(os.path.join(os.path.dirname(tzdata.__file__), "zones"), encoding="utf-8") as f:
            listed = frozenset(f.read().split())
    except (ImportError, OSError):  # pragma: no cover - a bundle without the list
        listed = frozenset()
    return listed or frozenset(available_timezones())


@lru_cache(maxsize=512)
def _zone_cached(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def canonical_zone_name(name: str) -> str:
    """Return the IANA name for ``name``, mapping Windows names; raise ``UnknownZoneError``."""
    cleaned = name.strip().strip('"')
    # IANA first: "UTC" is both an IANA name and a Windows one (mapped to Etc/UTC).
    if cleaned in all_zone_names():
        return cleaned
    if cleaned.upper() in ("UTC", "Z", "GMT"):
        return "UTC"
    # Imported late: icalendar takes ~0.1 s to import and only Windows names need its table.
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    if cleaned in WINDOWS_TO_OLSON:
        return WINDOWS_TO_OLSON[cleaned]
    if cleaned.startswith("("):  # a Windows display name: "(UTC-05:00) Eastern Time (US...)"
        from closer_desk.core.windows_zones import zone_for_display_name

        found = zone_for_display_name(cleaned)
        if found is not None:
            return found
    # Users type "europe/paris" or "Europe/paris": accept a case-insensitive exact match.
    lowered = cleaned.lower()
    for zone in all_zone_names():
        if zone.lower() == lowered:
            return zone
    raise UnknownZoneError(name)


def zone(name: str) -> ZoneInfo:
    """Return the ``ZoneInfo`` for an IANA or Windows zone name."""
    canonical = canonical_zone_name(name)
    try:
        return _zone_cached(canonical)
    except (ZoneInfoNotFoundError, ValueError) as exc:  # pragma: no cover - tzdata is pinned
        raise UnknownZoneError(name) from exc


def zone_name(dt: datetime) -> str:
    """The IANA name of an aware datetime's zone (``UTC`` for fixed offsets)."""
    require_aware(dt)
    tz = dt.tzinfo
    if isinstance(tz, ZoneInfo):
        return tz.key
    return "UTC"


def require_aware(dt: datetime) -> datetime:
    """Return ``dt`` if it is aware; raise ``NaiveDatetimeError`` otherwise."""
    if dt.tzinfo is None or dt.tzinfo.utcoffset(dt) is None:
        raise NaiveDatetimeError(f"naive datetime {dt!r}")
    return dt


def to_utc(dt: datetime) -> datetime:
    """Convert an aware datetime to UTC."""
    return require_aware(dt).astimezone(UTC)


def localize(wall: datetime, zone_key: str, choose: Choice | None = None) -> datetime:
    """Attach ``zone_key`` to the naive wall time ``wall``, refusing to guess.

    A wall time in a spring-forward gap raises ``NonExistentTimeError`` and one in a fall-back
    overlap raises ``AmbiguousTimeError``, both carrying the two possible instants, unless
    ``choose`` says which instant the user means.
    """
    if wall.tzinfo is not None:
        raise ValueError("localize() takes a naive wall time")
    tz = zone(zone_key)
    first = wall.replace(tzinfo=tz, fold=0)
    second = wall.replace(tzinfo=tz, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first
    a, b = sorted((first.astimezone(UTC), second.astimezone(UTC)))
    earlier, later = a.astimezone(tz), b.astimezone(tz)
    round_trip = first.astimezone(UTC).astimezone(tz)
    in_gap = round_trip.replace(tzinfo=None) != wall
    if choose is None:
        error = NonExistentTimeError if in_gap else AmbiguousTimeError
        raise error(wall, tz.key, earlier, later)
    return earlier if choose == "earlier" else later


def convert(instant: datetime, zone_key: str) -> datetime:
    """The same instant seen in another zone."""
    return require_aware(instant).astimezone(zone(zone_key))


def utc_offset(instant: datetime, zone_key: str) -> timedelta:
    """The UTC offset of ``zone_key`` at ``instant``."""
    offset = convert(instant, zone_key).utcoffset()
    assert offset is not None
    return offset


def day_bounds(day: date, zone_key: str) -> tuple[datetime, datetime]:
    """The first and last instants of a local calendar day (23, 24 or 25 hours long).

    Midnight itself can fall in a gap (America/Sao_Paulo until 2019, Pacific/Apia skipping a
    whole day); the day then starts at the first instant that exists.
    """
    tz = zone(zone_key)

    def start_of(d: date) -> datetime:
        wall = datetime(d.year, d.month, d.day)
        try:
            return localize(wall, tz.key)
        except NonExistentTimeError as exc:
            return exc.later.astimezone(tz)
        except AmbiguousTimeError as exc:
            return exc.earlier

    return start_of(day), start_of(day + timedelta(days=1))


def format_offset(offset: timedelta) -> str:
    """``+05:45``-style text for an offset."""
    total = int(offset.total_seconds()) // 60
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


@lru_cache(maxsize=1)
def _zone_countries() -> dict[str, str]:
    """IANA zone -> ISO country code, from the tz database's own ``zone.tab``."""
    table: dict[str, str] = {}
    text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            table[parts[2]] = parts[0]
    return table


def zone_country(zone: str) -> str:
    """The ISO code of the country a zone belongs to (``Europe/Paris`` -> ``FR``), or "" for
    zones of no country (``UTC``, ``Etc/GMT+3``) and names the table does not hold."""
    return _zone_countries().get(zone, "")
