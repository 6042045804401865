"""Decoding what the import reads from content lines: zones, dates, durations, text.

Shared by the fast path (lone events decoded here) and the series path (checked here, then
parsed by icalendar). Everything here runs inside the worker processes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from functools import lru_cache

from closer_desk.core import timerange, tz
from closer_desk.core.errors import UnknownZoneError
from closer_desk.core.ics.lines import (
    Chunk,
    IcsRejected,
    Limits,
    component_name,
    logical_lines,
    split_content_line,
    tzid_key,
)
from closer_desk.core.ics.vtimezone import ZoneRules, wall_seconds
from closer_desk.core.text import one_line

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

#: A zone an event may be in: a named one, or one its file defines (with its offsets).
Zone = tzinfo | ZoneRules
#: What a file's VTIMEZONE gave: its offsets, or why it cannot be used (line, code, detail).
FileZone = ZoneRules | tuple[int, str, str]


@dataclass(frozen=True, slots=True)
class Context:
    """What every worker needs to know about the file being imported."""

    timezones: dict[str, FileZone]
    x_wr_timezone: str
    floating_zone: str
    lo: int
    hi: int
    cancel_all: bool
    limits: Limits
    deadline: float


_DT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?(Z?)")
_DURATION = re.compile(r"([+-]?)P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_USED = frozenset(
    {
        "DTSTART",
        "DTEND",
        "DURATION",
        "UID",
        "SUMMARY",
        "SEQUENCE",
        "STATUS",
        "TRANSP",
        "RRULE",
        "RDATE",
        "EXDATE",
        "RECURRENCE-ID",
    }
)
_MAX_SPAN = 10 * 366 * 86400  # no event blocks more than ten years


def unescape(value: str) -> str:
    """TEXT value unescaped (``\\n``, ``\\,``, ``\\;``, ``\\\\``)."""
    if "\\" not in value:
        return value
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


# -- zones -------------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def zone_by_name(tzid: str) -> tzinfo:
    """IANA, Windows or Windows display name, also behind the path prefixes some clients add
    (``/mozilla.org/20070129_1/Europe/Paris``, ``/freeassociation.sourceforge.net/...``)."""
    tzid = tzid_key(tzid)
    try:
        return tz.zone(tzid)
    except UnknownZoneError:
        parts = [p for p in tzid.split("/") if p]
        if tzid.startswith("(") or len(parts) < 2:
            raise
        for size in (3, 2):
            if len(parts) > size:
                try:
                    return tz.zone("/".join(parts[-size:]))
                except UnknownZoneError:
                    continue
        if tzid.startswith("/"):
            return tz.zone("/".join(parts[-2:]))
        raise


def is_named(tzid: str) -> bool:
    """True when a TZID resolves by an exact name (IANA, Windows, path-prefixed IANA), so the
    file's VTIMEZONE for it is not needed. A Windows display name is matched by likeness
    only: the file's own definition of it, when there is one, is preferred."""
    if tzid_key(tzid).startswith("("):
        return False
    try:
        zone_by_name(tzid)
    except UnknownZoneError:
        return False
    return True


def zone_of(tzid: str, ctx: Context, line: int) -> Zone:
    """The zone a TZID names: the file's VTIMEZONE for a name ``is_named`` does not resolve,
    else the IANA zone of that name; an unknown or unusable one makes the event unreadable."""
    key = tzid_key(tzid)
    found = ctx.timezones.get(key)
    if found is None:
        try:
            return zone_by_name(key)
        except UnknownZoneError:
            raise IcsRejected(line, "unknown_zone", shown(key, 60)) from None
    if isinstance(found, ZoneRules):
        return found
    raise IcsRejected(line, found[1], found[2])


def utc_of_wall(wall: datetime, zone: Zone) -> int:
    """Epoch seconds of a naive wall time in ``zone``."""
    if isinstance(zone, ZoneRules):
        return zone.to_utc(wall_seconds(wall))
    return epoch(wall.replace(tzinfo=zone).astimezone(UTC))


def shown(text: str, limit: int = 40) -> str:
    """A piece of file text fit for a report: one clean line, cut to ``limit``."""
    text = one_line(text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def epoch(instant: datetime) -> int:
    """Seconds since the epoch of an aware datetime."""
    return int(instant.timestamp())


def day_start(day: date, ctx: Context) -> int:
    """Epoch of the first instant of a local day in the floating zone."""
    return epoch(tz.day_bounds(day, ctx.floating_zone)[0])


def when(
    params: dict[str, str], value: str, ctx: Context, line: int
) -> tuple[int, bool, bool, date]:
    """(epoch, is a date, is floating, the date or naive datetime) of a DTSTART/DTEND value.

    An impossible date, a year outside ``core.timerange`` (before any zone conversion could
    overflow) or an unknown zone makes the event unreadable at ``line``."""
    wall = parse_wall(value, line)
    if not isinstance(wall, datetime):
        return day_start(wall, ctx), True, False, wall
    if value.rstrip().endswith("Z"):
        return epoch(wall.replace(tzinfo=UTC)), False, False, wall
    tzid = params.get("TZID")
    if tzid:
        return utc_of_wall(wall, zone_of(tzid, ctx, line)), False, False, wall
    return epoch(wall.replace(tzinfo=tz.zone(ctx.floating_zone))), False, True, wall


def parse_wall(value: str, line: int) -> date:
    """The date or naive datetime of a DATE or DATE-TIME value (a trailing ``Z`` allowed on
    both: Google writes ``RDATE:20131210Z`` for a date), checked against the supported years."""
    match = _DT.fullmatch(value.strip())
    if match is None:
        raise IcsRejected(line, "bad_date", shown(value))
    y, mo, d, h, mi, s, _ = match.groups()
    try:
        day = date(int(y), int(mo), int(d))
        wall: date = (
            day if h is None else datetime(int(y), int(mo), int(d), int(h), int(mi), int(s))
        )
    except ValueError:
        raise IcsRejected(line, "bad_date", shown(value)) from None
    if not timerange.in_range(day):
        raise IcsRejected(line, "year_out_of_range", y)
    return wall


def duration(value: str, line: int) -> int:
    """Seconds of an ISO 8601 DURATION value; refuses a malformed or huge one."""
    match = _DURATION.fullmatch(value.strip())
    if match is None or value.strip() in ("P", "PT", "-P", "+P"):
        raise IcsRejected(line, "bad_value", "DURATION")
    sign, w, d, h, m, s = match.groups()
    seconds = (int(w or 0) * 7 + int(d or 0)) * 86400 + int(h or 0) * 3600
    seconds += int(m or 0) * 60 + int(s or 0)
    if seconds > _MAX_SPAN:
        raise IcsRejected(line, "bad_value", "DURATION")
    return -seconds if sign == "-" else seconds


_HEAD = re.compile(r"([A-Za-z0-9-]+)[;:]")

#: One property: (parameters, raw value, line).
Prop = tuple[dict[str, str], str, int]
#: An event's properties the import uses, each with every occurrence in the file's order.
Props = dict[str, list[Prop]]


def read_event(chunk: Chunk, limits: Limits) -> tuple[Props, list[str]]:
    """A VEVENT chunk's own properties (not its alarms'), and its lines for a synthetic UID,
    in one pass over its unfolded lines (done by the workers).

    Nesting that does not match refuses the file (``unbalanced``, ``too_deep``); a line that
    is not a content line only makes this event unreadable (``bad_line``, raised once the
    whole chunk's structure is known to be sound). Only the properties the import uses are
    split into parameters and value; the others (descriptions, attendees, CREATED...) are only
    checked to be content lines, which is what keeps this faster than a generic parse, and a
    junk value in one of them never makes the event unreadable.
    """
    props: Props = {}
    keyed: list[str] = []
    stack: list[str] = []
    bad: IcsRejected | None = None
    for number, text in logical_lines(chunk.text, limits, chunk.line):
        head = _HEAD.match(text)
        name = head.group(1).upper() if head is not None else ""
        if name == "BEGIN":
            stack.append(component_name(text[6:]))
            # the chunk sits inside VCALENDAR: its depth counts from 2
            if len(stack) + 1 > limits.max_depth:
                raise IcsRejected(number, "too_deep", str(limits.max_depth))
            continue
        if name == "END":
            if not stack or stack.pop() != component_name(text[4:]):
                raise IcsRejected(number, "unbalanced", component_name(text[4:]))
            continue
        if not stack:
            raise IcsRejected(number, "unbalanced", "VEVENT")
        if head is None:
            bad = bad or IcsRejected(number, "bad_line")
            continue
        if len(stack) > 1:
            continue
        if name != "DTSTAMP":
            keyed.append(text)
        if name in _USED:
            if text[len(name)] == ":":  # no parameters (most lines): nothing to split
                props.setdefault(name, []).append(({}, text[len(name) + 1 :], number))
                continue
            split = split_content_line(text)
            if split is None:
                bad = bad or IcsRejected(number, "bad_line")
                continue
            props.setdefault(name, []).append((split[1], split[2], number))
    if stack:
        raise IcsRejected(chunk.line, "unbalanced", stack[-1])
    if bad is not None:
        raise bad
    return props, keyed


def first(props: Props, name: str) -> Prop | None:
    """The first ``name`` property, or None."""
    found = props.get(name)
    return found[0] if found else None


def text_of(props: Props, name: str, limit: int = 500) -> str:
    """A TEXT property unescaped, on one clean line, cut to ``limit`` (``""`` when absent)."""
    prop = first(props, name)
    return one_line(unescape(prop[1]))[:limit] if prop else ""


def synthetic_uid(keyed: list[str]) -> str:
    """A stable UID for an event without one, from its own lines (DTSTAMP left out)."""
    # An event without a UID still needs a stable key, so re-importing it does not duplicate.
    return hashlib.sha1("\n".join(keyed).encode()).hexdigest()[:24] + "@closer-desk-import"


def sequence_of(props: Props) -> int:
    """The SEQUENCE (0 when absent); a non-number makes the event unreadable."""
    prop = first(props, "SEQUENCE")
    if prop is None:
        return 0
    _, value, number = prop
    try:
        return int(value.strip())
    except ValueError:
        raise IcsRejected(number, "bad_value", "SEQUENCE") from None
