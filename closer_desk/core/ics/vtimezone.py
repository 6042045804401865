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
from datetime import datetime, timedelta
from typing import NamedTuple

from closer_desk.core.ics.lines import IcsRejected, Limits, Line, split_content_line

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
    """One STANDARD or DAYLIGHT block: where it starts, its offsets, how it recurs."""

    __slots__ = ("line", "offset_from", "offset_to", "rdates", "rrules", "start")

    def __init__(self, line: int) -> None:
        self.line = line
        self.start: datetime | None = None
        self.offset_from: int | None = None
        self.offset_to: int | None = None
        self.rrules: list[tuple[int, str]] = []
        self.rdates: list[tuple[int, str]] = []


def _observances(lines: list[Line]) -> list[_Observance]:
    found: list[_Observance] = []
    current: _Observance | None = None
    for number, text in lines:
        head = text[:15].upper()
        if head.startswith(("BEGIN:STANDARD", "BEGIN:DAYLIGHT")):
            current = _Observance(number)
            continue
        if head.startswith(("END:STANDARD", "END:DAYLIGHT")):
            if current is not None:
                found.append(current)
            current = None
            continue
        if current is None:
            continue
        split = split_content_line(text)
        if split is None:
            raise IcsRejected(number, "bad_zone", "line")
        name, _, value = split
        if name == "DTSTART":
            current.start = _wall(value, number)
        elif name == "TZOFFSETFROM":
            current.offset_from = _offset(value, number)
        elif name == "TZOFFSETTO":
            current.offset_to = _offset(value, number)
        elif name == "RRULE":
            current.rrules.append((number, value))
        elif name == "RDATE":
            current.rdates.append((number, value))
    return found


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
    obs: _Observance, number: int, value: str, collect: _Collector, limits: Limits
) -> None:
    from dateutil.rrule import rrulestr

    assert obs.start is not None and obs.offset_from is not None and obs.offset_to is not None
    freq = _FREQ.search(value)
    if freq is None or freq.group(1).upper() not in ("YEARLY", "MONTHLY"):
        raise IcsRejected(number, "zone_rule", freq.group(1).upper()[:10] if freq else "")
    offset_from = obs.offset_from

    def wall_until(match: re.Match[str]) -> str:
        # UNTIL is in UTC and DTSTART a wall time: compare them on the wall clock.
        stamp = match.group(2) if "T" in match.group(2) else match.group(2) + "T235959"
        until = datetime.strptime(stamp, "%Y%m%dT%H%M%S")
        if match.group(3):
            until += timedelta(seconds=offset_from)
        return f"{match.group(1)}{until:%Y%m%dT%H%M%S}"

    try:
        rule = rrulestr(_UNTIL.sub(wall_until, value.strip()), dtstart=obs.start)
    except (ValueError, TypeError, KeyError, OverflowError):
        raise IcsRejected(number, "bad_zone", "RRULE") from None
    steps = 0
    try:
        for instant in rule:
            steps += 1
            if steps > limits.max_zone_steps:
                raise IcsRejected(number, "zone_rule", str(limits.max_zone_steps))
            if not collect.add(wall_seconds(instant) - offset_from, offset_from, obs.offset_to):
                break
    except (ValueError, OverflowError):
        raise IcsRejected(number, "bad_zone", "RRULE") from None


def compile_zone(lines: list[Line], lo: int, hi: int, limits: Limits) -> ZoneRules:
    """The offsets a VTIMEZONE (its logical lines) gives over ``[lo, hi]`` (UTC epoch
    seconds); ``IcsRejected`` (line, ``bad_zone`` or ``zone_rule``) when it cannot be used."""
    first_line = lines[0][0] if lines else 0
    collect = _Collector(lo, hi)
    for obs in _observances(lines):
        if obs.start is None or obs.offset_to is None:
            raise IcsRejected(obs.line, "bad_zone", "DTSTART/TZOFFSETTO")
        if obs.offset_from is None:
            obs.offset_from = obs.offset_to
        collect.add(wall_seconds(obs.start) - obs.offset_from, obs.offset_from, obs.offset_to)
        for number, value in obs.rdates:
            for item in value.split(","):
                stamp = item.split("/", 1)[0]
                collect.add(wall_seconds(_wall(stamp, number)) - obs.offset_from, *_pair(obs))
        for number, value in obs.rrules:
            _expand_rule(obs, number, value, collect, limits)
    if collect.first is None:
        raise IcsRejected(first_line, "bad_zone", "STANDARD/DAYLIGHT")
    onsets = sorted(set(collect.inside))
    if collect.last_before is not None:
        onsets.insert(0, collect.last_before)
    initial = collect.first[1]
    return ZoneRules(
        initial=initial,
        transitions=tuple(o[0] for o in onsets),
        before=tuple(o[1] for o in onsets),
        after=tuple(o[2] for o in onsets),
    )


def _pair(obs: _Observance) -> tuple[int, int]:
    assert obs.offset_from is not None and obs.offset_to is not None
    return obs.offset_from, obs.offset_to
