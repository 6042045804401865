"""A file's own VTIMEZONE, read into offsets over the import horizon, with bounded work.

A TZID that no name resolves (IANA, Windows, a Windows display name) is defined by the file's
VTIMEZONE. icalendar expands such a definition from its first onset to 2038 with no bound: a
600-byte VTIMEZONE whose observances recur every two minutes since 1970 took 148 s and 1.7 GB,
and one that lists 100,000 transitions took a minute. Here only what the import can use is
kept, the transitions within the horizon (and the one in force at its start), and the work is
bounded: observances may recur yearly or monthly only (no real zone changes its offset more
often), a rule may take at most ``Limits.max_zone_steps`` steps to reach the horizon's end,
and listed transitions are read once, in a single pass.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import NamedTuple

from closer_desk.core.ics.lines import IcsRejected, Limits

_NAIVE_EPOCH = datetime(1970, 1, 1)
_WALL = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z?")
_OFFSET = re.compile(r"([+-])(\d{2})(\d{2})(\d{2})?")
_UNTIL = re.compile(r"(UNTIL=)(\d{8}(?:T\d{6})?)(Z?)", re.IGNORECASE)
_FREQ = re.compile(r"(?:^|;)FREQ=([A-Z]+)", re.IGNORECASE)
_MARGIN = 2 * 86400  # a call starting just before the horizon still needs its offset


class ZoneRules(NamedTuple):
    """Offsets of a zone around the horizon: before the first transition, and after each.

    Small tuples of ints: they are sent to the worker processes with every batch."""

    initial: int
    transitions: tuple[int, ...]  # UTC epoch seconds, ascending
    before: tuple[int, ...]  # offset in force just before each transition
    after: tuple[int, ...]  # offset from each transition on

    def to_utc(self, wall: int) -> int:
        """UTC epoch of a wall time (seconds since 1970-01-01 00:00 on the wall clock).

        A wall time that happens twice is the earlier instant, and one in a gap is read with
        the offset before the change (as ``zoneinfo`` does with ``fold=0``)."""
        index = bisect_right(self._thresholds(), wall) - 1
        return wall - (self.after[index] if index >= 0 else self.initial)

    def to_wall(self, utc: int) -> int:
        """Wall-clock epoch seconds of a UTC instant."""
        index = bisect_right(self.transitions, utc) - 1
        return utc + (self.after[index] if index >= 0 else self.initial)

    def _thresholds(self) -> list[int]:
        # Wall times from which each transition's new offset applies (fold=0, see to_utc).
        return [
            t + max(b, a) for t, b, a in zip(self.transitions, self.before, self.after, strict=True)
        ]


def wall_seconds(wall: datetime) -> int:
    """Seconds since 1970-01-01 00:00 of a naive wall time."""
    return int((wall - _NAIVE_EPOCH).total_seconds())


def _offset(value: str, line: int) -> int:
    match = _OFFSET.fullmatch(value.strip())
    if match is None:
        raise IcsRejected(line, "bad_zone", "TZOFFSET")
    sign, hours, minutes, seconds = match.groups()
    total = int(hours) * 3600 + int(minutes) * 60 + int(seconds or 0)
    if total >= 86400 or int(minutes) >= 60:
        raise IcsRejected(line, "bad_zone", "TZOFFSET")
    return -total if sign == "-" else total


def _wall(value: str, line: int) -> datetime:
    match = _WALL.fullmatch(value.strip())
    if match is None:
        raise IcsRejected(line, "bad_zone", "DTSTART")
    try:
        y, mo, d, h, mi, sec = (int(g) for g in match.groups())
        return datetime(y, mo, d, h, mi, sec)
    except ValueError:
        raise IcsRejected(line, "bad_zone", "DTSTART") from None


class _Observance:
    """One STANDARD or DAYLIGHT block as written: (position in the text, raw value) of its
    onset, offsets and recurrences, parsed only when the horizon needs it."""

    __slots__ = ("offset_from", "offset_to", "pos", "rdates", "rrules", "start")

    def __init__(self, pos: int) -> None:
        self.pos = pos
        self.start: tuple[int, str] | None = None
        self.offset_from: tuple[int, str] | None = None
        self.offset_to: tuple[int, str] | None = None
        self.rrules: list[tuple[int, str]] = []
        self.rdates: list[tuple[int, str]] = []


# The lines a VTIMEZONE is read from, found at C speed (one may list 100,000 transitions).
_PARTS = re.compile(
    r"^(?:(BEGIN|END):([A-Za-z0-9-]*)|(DTSTART|TZOFFSETFROM|TZOFFSETTO|RRULE|RDATE)"
    r"(?:;[^:\r\n]*)?:([^\r\n]*))",
    re.M | re.I,
)
_FOLDS = re.compile(r"\r?\n[ \t]")


def _observances(
    text: str, limits: Limits, stop: Callable[[], None]
) -> tuple[list[_Observance], int]:
    """The observances and, when the nesting is broken, the position where (else -1).

    ``stop()`` is called every 4,096 lines (a zone of 100,000 transitions takes a second)."""
    found: list[_Observance] = []
    current: _Observance | None = None
    depth = 0
    for n, part in enumerate(_PARTS.finditer(text)):
        if n % 4096 == 4095:
            stop()
        marker, component, name, value = part.groups()
        if marker is not None:
            kind = component.upper()
            if marker.upper() == "BEGIN":
                depth += 1
                if depth > limits.max_depth - 1:
                    return found, part.start()
                if depth == 2 and kind in ("STANDARD", "DAYLIGHT"):
                    current = _Observance(part.start())
            else:
                depth -= 1
                if depth == 1 and current is not None:
                    found.append(current)
                    current = None
            continue
        if current is None:
            continue
        name = name.upper()
        if name == "DTSTART":
            current.start = (part.start(), value)
        elif name == "TZOFFSETFROM":
            current.offset_from = (part.start(), value)
        elif name == "TZOFFSETTO":
            current.offset_to = (part.start(), value)
        elif name == "RRULE":
            current.rrules.append((part.start(), value))
        else:
            current.rdates.append((part.start(), value))
    return found, (0 if depth != 0 else -1)


class _Collector:
    """Onsets kept for the horizon: those inside it and the last one before it."""

    def __init__(self, lo: int, hi: int) -> None:
        self.lo, self.hi = lo - _MARGIN, hi + _MARGIN
        self.inside: list[tuple[int, int, int]] = []
        self.last_before: tuple[int, int, int] | None = None
        self.first: tuple[int, int, int] | None = None

    def add(self, utc: int, offset_from: int, offset_to: int) -> bool:
        """Keep an onset; False once past the horizon (a rule can stop there)."""
        onset = (utc, offset_from, offset_to)
        if self.first is None or utc < self.first[0]:
            self.first = onset
        if utc < self.lo:
            if self.last_before is None or utc > self.last_before[0]:
                self.last_before = onset
            return True
        if utc > self.hi:
            return False
        self.inside.append(onset)
        return True


def _expand_rule(
    start: datetime,
    offset_from: int,
    offset_to: int,
    value: str,
    line: int,
    collect: _Collector,
    limits: Limits,
) -> None:
    from dateutil.rrule import rrulestr

    freq = _FREQ.search(value)
    if freq is None or freq.group(1).upper() not in ("YEARLY", "MONTHLY"):
        raise IcsRejected(line, "zone_rule", freq.group(1).upper()[:10] if freq else "")

    def wall_until(match: re.Match[str]) -> str:
        # UNTIL is in UTC and DTSTART a wall time: compare them on the wall clock.
        stamp = match.group(2) if "T" in match.group(2) else match.group(2) + "T235959"
        until = datetime.strptime(stamp, "%Y%m%dT%H%M%S")
        if match.group(3):
            until += timedelta(seconds=offset_from)
        return f"{match.group(1)}{until:%Y%m%dT%H%M%S}"

    try:
        rule = rrulestr(_UNTIL.sub(wall_until, value.strip()), dtstart=start)
    except (ValueError, TypeError, KeyError, OverflowError):
        raise IcsRejected(line, "bad_zone", "RRULE") from None
    steps = 0
    try:
        for instant in rule:
            steps += 1
            if steps > limits.max_zone_steps:
                raise IcsRejected(line, "zone_rule", str(limits.max_zone_steps))
            if not collect.add(wall_seconds(instant) - offset_from, offset_from, offset_to):
                break
    except (ValueError, OverflowError):
        raise IcsRejected(line, "bad_zone", "RRULE") from None


def compile_zone(
    first_line: int,
    text: str,
    lo: int,
    hi: int,
    limits: Limits,
    stop: Callable[[], None] = lambda: None,
) -> ZoneRules:
    """The offsets a VTIMEZONE (its text, from ``first_line`` of the file) gives over
    ``[lo, hi]`` (UTC epoch seconds); ``IcsRejected`` (line, ``bad_zone`` or ``zone_rule``)
    when it cannot be used.

    An observance that only states one onset (no RRULE or RDATE) far outside the horizon is
    compared as text and not parsed, but for the last one before the horizon (its offset is
    the one in force when the horizon starts) and the very first (the offset before it)."""
    if "\n " in text or "\n\t" in text:
        text = _FOLDS.sub("", text)  # rare in a VTIMEZONE; line numbers may then run short

    def line_of(pos: int) -> int:
        return first_line + text.count("\n", 0, pos)

    observances, broken = _observances(text, limits, stop)
    if broken >= 0:
        raise IcsRejected(line_of(broken), "bad_zone", "BEGIN/END")
    collect = _Collector(lo, hi)
    # Wall stamps bounding what can matter (offsets are under a day).
    low = f"{_NAIVE_EPOCH + timedelta(seconds=collect.lo - 86400):%Y%m%dT%H%M%S}"
    high = f"{_NAIVE_EPOCH + timedelta(seconds=collect.hi + 86400):%Y%m%dT%H%M%S}"
    last_before: _Observance | None = None
    earliest: _Observance | None = None
    wanted: list[_Observance] = []
    for n, obs in enumerate(observances):
        if n % 4096 == 4095:
            stop()
        if obs.start is None or obs.offset_to is None:
            raise IcsRejected(line_of(obs.pos), "bad_zone", "DTSTART/TZOFFSETTO")
        stamp = obs.start[1].strip()[:15]
        if obs.rrules or obs.rdates or low <= stamp <= high:
            wanted.append(obs)
            continue
        if earliest is None or stamp < earliest.start[1].strip()[:15]:  # type: ignore[index]
            earliest = obs
        if stamp < low and (last_before is None or stamp > last_before.start[1].strip()[:15]):  # type: ignore[index]
            last_before = obs
    # Positions stand for lines below (counting line ends is done once, for an error).
    try:
        for obs in (*wanted, *(o for o in (last_before, earliest) if o is not None)):
            assert obs.start is not None and obs.offset_to is not None
            start = _wall(obs.start[1], obs.start[0])
            offset_to = _offset(obs.offset_to[1], obs.offset_to[0])
            offset_from = (
                _offset(obs.offset_from[1], obs.offset_from[0])
                if obs.offset_from is not None
                else offset_to
            )
            collect.add(wall_seconds(start) - offset_from, offset_from, offset_to)
            for pos, value in obs.rdates:
                for item in value.split(","):
                    onset = _wall(item.split("/", 1)[0], pos)
                    collect.add(wall_seconds(onset) - offset_from, offset_from, offset_to)
            for pos, value in obs.rrules:
                _expand_rule(start, offset_from, offset_to, value, pos, collect, limits)
    except IcsRejected as error:
        raise IcsRejected(line_of(error.line), error.code, error.detail) from None
    if collect.first is None:
        raise IcsRejected(first_line, "bad_zone", "STANDARD/DAYLIGHT")
    onsets = sorted(set(collect.inside))
    if collect.last_before is not None:
        onsets.insert(0, collect.last_before)
    return ZoneRules(
        initial=collect.first[1],
        transitions=tuple(o[0] for o in onsets),
        before=tuple(o[1] for o in onsets),
        after=tuple(o[2] for o in onsets),
    )
