"""Windows display names ("(UTC-05:00) Eastern Time (US & Canada)") to IANA zones.

Outlook and Exchange sometimes write the display name of a Windows zone as the TZID, without
a VTIMEZONE. Microsoft publishes no table of display names, so none is typed here: the name
is matched against maintained CLDR data, the ``windowsZones`` mapping as icalendar ships it
(Windows zone ids to IANA) and babel's zone names and exemplar cities, among the zones whose
standard offset is the one the display name states. A name nothing matches is not guessed.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

_DISPLAY = re.compile(r"\(\s*(?:UTC|GMT)\s*(?:([+-])\s*(\d{1,2})(?:[:.]?(\d{2}))?)?\s*\)\s*(.*)")
_PARENS = re.compile(r"\s*\([^)]*\)")
_WORD = re.compile(r"[a-z]+")
# Words that say nothing about which zone is meant, and the abbreviations Windows ids use.
_NOISE = frozenset({"time", "standard", "and", "the", "us", "of", "utc", "gmt", "zone"})
_ABBREVIATIONS = {"w": "west", "e": "east", "n": "north", "s": "south", "se": "southeast"}


def _fold(text: str) -> str:
    """Lower case without accents: ``Bogotá`` and ``Bogota`` are the same city."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().strip()


def _standard_offset(name: str) -> int | None:
    zone = ZoneInfo(name)
    for month in (1, 7):
        moment = datetime(2026, month, 15, 12, tzinfo=UTC).astimezone(zone)
        if not moment.dst():
            offset = moment.utcoffset()
            return None if offset is None else int(offset.total_seconds())
    return None


@lru_cache(maxsize=1)
def _by_offset() -> dict[int, tuple[str, ...]]:
    """Zones named Area/City by standard offset, the CLDR golden zones first."""
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    golden = set(WINDOWS_TO_OLSON.values())
    found: dict[int, list[str]] = {}
    for name in available_timezones():
        if "/" not in name or name.startswith(("Etc/", "SystemV/", "posix/", "right/")):
            continue
        offset = _standard_offset(name)
        if offset is not None:
            found.setdefault(offset, []).append(name)
    return {
        offset: tuple(sorted(names, key=lambda n: (n not in golden, n)))
        for offset, names in found.items()
    }


def _words(text: str) -> set[str]:
    words = {_ABBREVIATIONS.get(w, w) for w in _WORD.findall(_fold(text))}
    return words - _NOISE


def _alike(a: str, b: str) -> bool:
    # "Hawaii" and "Hawaiian", "East" and "Eastern": one is the start of the other.
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def _by_windows_words(rest: str, offset: int) -> str | None:
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    wanted = _words(rest)
    best: tuple[int, int, str] | None = None
    for windows_id, iana in sorted(WINDOWS_TO_OLSON.items()):
        if _standard_offset_or_none(iana) != offset:
            continue
        words = _words(windows_id)
        score = sum(1 for w in wanted if any(_alike(w, x) for x in words))
        if score and (best is None or (score, -len(words)) > (best[0], best[1])):
            best = (score, -len(words), iana)
    return best[2] if best else None


@lru_cache(maxsize=1024)
def _standard_offset_or_none(name: str) -> int | None:
    try:
        return _standard_offset(name)
    except (ValueError, OSError, KeyError):
        return None


@lru_cache(maxsize=256)
def zone_for_display_name(text: str) -> str | None:
    """The IANA zone a Windows display name means, or None when it is not one or nothing in
    the CLDR data matches it."""
    match = _DISPLAY.fullmatch(text.strip())
    if match is None:
        return None
    sign, hours, minutes, rest = match.groups()
    offset = 0
    if sign:
        offset = (1 if sign == "+" else -1) * (int(hours) * 3600 + int(minutes or 0) * 60)
    if offset == 0 and "coordinated universal time" in _fold(rest):
        return "UTC"
    from babel.dates import get_timezone_location, get_timezone_name
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    candidates = _by_offset().get(offset, ())
    golden = set(WINDOWS_TO_OLSON.values())
    for part in re.split(r"[,/;]", rest):
        base = _PARENS.sub("", part).strip()
        if not base:
            continue
        for windows_id in (base.replace(" Time", " Standard Time"), base + " Standard Time"):
            iana = WINDOWS_TO_OLSON.get(windows_id)
            if iana and _standard_offset_or_none(iana) == offset:
                return iana
        folded = _fold(base)
        for name in candidates:
            if _fold(get_timezone_location(name, locale="en", return_city=True)) == folded:
                return name
        for name in candidates:
            if name in golden:
                generic = get_timezone_name(name, locale="en", zone_variant="generic")
                if _fold(generic) in (folded, folded + " time"):
                    return name
    return _by_windows_words(rest, offset)
