"""Decoding what the import reads from content lines: zones, dates, durations, text.

Shared by the fast path (lone events decoded here) and the series path (checked here, then
parsed by icalendar). Everything here runs inside the worker processes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from closer_desk.core import tz
from closer_desk.core.errors import UnknownZoneError
from closer_desk.core.ics.lines import IcsRejected, Limits, Line, split_content_line

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Context:
    """What every worker needs to know about the file being imported."""

    timezones: dict[str, tuple[int, str]]
    x_wr_timezone: str
    floating_zone: str
    lo: int
    hi: int
    cancel_all: bool
    limits: Limits
    deadline: float


_DT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?")
_DURATION = re.compile(r"([+-]?)P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_USED = frozenset(
    {"DTSTART", "DTEND", "DURATION", "UID", "SUMMARY", "SEQUENCE", "STATUS", "TRANSP", "RRULE"}
)
_MAX_SPAN = 10 * 366 * 86400  # no event blocks more than ten years


def unescape(value: str) -> str:
    """TEXT value unescaped (``\\n``, ``\\,``, ``\\;``, ``\\\\``)."""
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


# -- zones -------------------------------------------------------------------------------
# Workers outlive one import: a zone read from a file's VTIMEZONE is cached under its text.
_ZONES: dict[tuple[str, str], tzinfo] = {}


def zone_by_name(tzid: str) -> tzinfo:
    """IANA or Windows name, also behind the path prefixes some clients add
    (``/mozilla.org/20070129_1/Europe/Paris``, ``/freeassociation.sourceforge.net/...``)."""
    try:
        return tz.zone(tzid)
    except UnknownZoneError:
        parts = [p for p in tzid.split("/") if p]
        for size in (3, 2):
            if len(parts) > size:
                try:
                    return tz.zone("/".join(parts[-size:]))
                except UnknownZoneError:
                    continue
        if tzid.startswith("/") and len(parts) >= 2:
            return tz.zone("/".join(parts[-2:]))
        raise


def is_named(tzid: str) -> bool:
    """True when a TZID resolves by name (IANA, Windows, path-prefixed IANA)."""
    try:
        zone_by_name(tzid)
    except UnknownZoneError:
        return False
    return True


def zone_of(tzid: str, ctx: Context, line: int) -> tzinfo:
    """The zone a TZID names: IANA or Windows by name first, else the file's VTIMEZONE."""
    definition = ctx.timezones.get(tzid)
    key = (tzid, definition[1] if definition else "")
    found = _ZONES.get(key) or _ZONES.get((tzid, ""))
    if found is not None:
        return found
    try:
        found = zone_by_name(tzid)
        key = (tzid, "")
    except UnknownZoneError:
        if definition is None:
            raise IcsRejected(line, "unknown_zone", tzid) from None
        from icalendar import Timezone

        try:
            component = Timezone.from_ical(definition[1])
            assert isinstance(component, Timezone)
            found = component.to_tz()
        except Exception as exc:  # icalendar raises many kinds on a broken VTIMEZONE
            raise IcsRejected(definition[0], "bad_value", f"VTIMEZONE {tzid}: {exc}"[:200]) from exc
    if len(_ZONES) > 1000:
        _ZONES.clear()
    _ZONES[key] = found
    return found


def epoch(instant: datetime) -> int:
    """Seconds since the epoch of an aware datetime."""
    return int((instant - EPOCH).total_seconds())


def day_start(day: date, ctx: Context) -> int:
    """Epoch of the first instant of a local day in the floating zone."""
    return epoch(tz.day_bounds(day, ctx.floating_zone)[0])


def when(
    params: dict[str, str], value: str, ctx: Context, line: int
) -> tuple[int, bool, bool, date]:
    """(epoch, is a date, is floating, the date or datetime) of a DTSTART/DTEND value;
    an impossible date or an unknown zone refuses the file at ``line``."""
    match = _DT.fullmatch(value.strip())
    if match is None:
        raise IcsRejected(line, "bad_date", value[:80])
    y, mo, d, h, mi, s, z = match.groups()
    try:
        if h is None:
            day = date(int(y), int(mo), int(d))
            return day_start(day, ctx), True, False, day
        wall = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s))
    except ValueError:
        raise IcsRejected(line, "bad_date", value[:80]) from None
    if z:
        return epoch(wall.replace(tzinfo=UTC)), False, False, wall
    tzid = params.get("TZID")
    if tzid:
        return (
            epoch(wall.replace(tzinfo=zone_of(tzid, ctx, line)).astimezone(UTC)),
            False,
            False,
            wall,
        )
    floating = wall.replace(tzinfo=tz.zone(ctx.floating_zone)).astimezone(UTC)
    return epoch(floating), False, True, wall


def duration(value: str, line: int) -> int:
    """Seconds of an ISO 8601 DURATION value; refuses a malformed or huge one."""
    match = _DURATION.fullmatch(value.strip())
    if match is None or value.strip() in ("P", "PT", "-P", "+P"):
        raise IcsRejected(line, "bad_value", f"DURATION:{value[:40]}")
    sign, w, d, h, m, s = match.groups()
    seconds = (int(w or 0) * 7 + int(d or 0)) * 86400 + int(h or 0) * 3600
    seconds += int(m or 0) * 60 + int(s or 0)
    if seconds > _MAX_SPAN:
        raise IcsRejected(line, "bad_value", f"DURATION:{value[:40]}")
    return -seconds if sign == "-" else seconds


_HEAD = re.compile(r"([A-Za-z0-9-]+)[;:]")


def scan(lines: list[Line]) -> tuple[dict[str, tuple[dict[str, str], str, int]], list[str]]:
    """The event's own properties (not its alarms'); every line must be a content line.

    Only the properties the import uses are split into parameters and value; the others
    (descriptions, attendees...) are only checked to be content lines, which is what keeps
    this faster than a generic parse.
    """
    props: dict[str, tuple[dict[str, str], str, int]] = {}
    keyed: list[str] = []
    depth = 0
    for number, text in lines[1:-1]:
        head = _HEAD.match(text)
        if head is None:
            raise IcsRejected(number, "bad_line", text[:80])
        name = head.group(1).upper()
        if name == "BEGIN":
            depth += 1
            continue
        if name == "END":
            depth -= 1
            continue
        if depth:
            continue
        if name != "DTSTAMP":
            keyed.append(text)
        if name in _USED and name not in props:
            split = split_content_line(text)
            if split is None:
                raise IcsRejected(number, "bad_line", text[:80])
            props[name] = (split[1], split[2], number)
    return props, keyed


_TZID_PARAM = re.compile(r';TZID=("[^"]*"|[^;:]*)', re.IGNORECASE)


def iana_tzids(line: str) -> str:
    """TZID parameters rewritten to the IANA names they resolve to (Windows names, path
    prefixes), so icalendar uses zoneinfo instead of a slow VTIMEZONE-built zone."""

    def swap(match: re.Match[str]) -> str:
        raw = match.group(1).strip('"')
        try:
            found = zone_by_name(raw)
        except UnknownZoneError:
            return match.group(0)
        key = getattr(found, "key", None)
        return f";TZID={key}" if key else match.group(0)

    return _TZID_PARAM.sub(swap, line) if ";TZID=" in line.upper() else line


def synthetic_uid(keyed: list[str]) -> str:
    """A stable UID for an event without one, from its own lines (DTSTAMP left out)."""
    # An event without a UID still needs a stable key, so re-importing it does not duplicate.
    return hashlib.sha1("\n".join(keyed).encode()).hexdigest()[:24] + "@closer-desk-import"


def sequence_of(props: dict[str, tuple[dict[str, str], str, int]]) -> int:
    """The SEQUENCE (0 when absent); a non-number refuses the file."""
    if "SEQUENCE" not in props:
        return 0
    _, value, number = props["SEQUENCE"]
    try:
        return int(value.strip())
    except ValueError:
        raise IcsRejected(number, "bad_value", f"SEQUENCE:{value[:40]}") from None


def recurrence_key(value: date) -> str:
    """The text key of an instance: UTC ``YYYYMMDDTHHMMSSZ``, or ``YYYYMMDD`` for a date."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


def epoch_of_value(value: date, ctx: Context) -> tuple[int, bool, bool]:
    """(epoch, is a date, is floating) of a parsed DTSTART/DTEND value."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return (
                epoch(value.replace(tzinfo=tz.zone(ctx.floating_zone)).astimezone(UTC)),
                False,
                True,
            )
        return epoch(value.astimezone(UTC)), False, False
    return day_start(value, ctx), True, False
