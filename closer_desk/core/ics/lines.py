"""Reading an ICS file into content lines and event chunks, with caps against hostile files.

This is the first half of the import choke point (``importing`` is the second): it unfolds
lines, checks the component structure, keeps every VTIMEZONE, and cuts the file into one chunk
per VEVENT, grouped by UID when an event recurs (a series and its overrides must be expanded
together). Line numbers are kept so that a refusal can say where the file is broken.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from closer_desk.core.errors import CloserDeskError


class IcsRejected(CloserDeskError):
    """A calendar file refused whole, or (inside the importer) one event that cannot be read.

    Attributes:
        line: the 1-based line of the file where the problem is (0: the file as a whole).
        code: a stable reason code. The file is refused for ``too_large``, ``line_too_long``,
            ``too_deep``, ``not_a_calendar``, ``unbalanced``, ``too_many_events``,
            ``too_many_occurrences`` and ``too_slow``; the codes in ``EVENT_CODES`` only
            skip the event they are found in.
        detail: a limit, a component or property name, a zone name: never a line of the file.
    """

    def __init__(self, line: int, code: str, detail: str = "") -> None:
        super().__init__(f"line {line}: {code} {detail}".strip())
        self.line = line
        self.code = code
        self.detail = detail


#: Problems that make one event unreadable: it is skipped and named, the rest imports.
EVENT_CODES = frozenset(
    {
        "bad_line",
        "bad_date",
        "bad_value",
        "unknown_zone",
        "bad_zone",
        "zone_rule",
        "year_out_of_range",
        "too_many_instances",
        "no_start",
        "end_before_start",
    }
)


class ReadWarning(NamedTuple):
    """Something read in a way the user should know about (the file still imports).

    ``code``: ``decoded_cp1252`` (not UTF-8: read as Windows-1252), ``empty_rrule`` (an empty
    RRULE: read as a single event)."""

    line: int
    code: str
    uid: str = ""


class ImportCancelled(CloserDeskError):
    """The user cancelled an import; nothing was written."""

    bad_input = False


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps that make a hostile file a refusal instead of a hang or an exhausted memory."""

    max_bytes: int = 32 * 1024 * 1024
    max_line: int = 256 * 1024
    max_depth: int = 4
    max_events: int = 200_000
    max_occurrences: int = 300_000
    max_per_series: int = 20_000
    #: steps a VTIMEZONE rule may take from its first onset to the horizon's end (a yearly
    #: rule from 1601 takes about 430)
    max_zone_steps: int = 10_000
    #: a recurrence rule may take this many steps (instances before the horizon included)
    max_rule_steps: int = 100_000
    max_seconds: float = 120.0


#: A content line: (line number in the file, unfolded text).
Line = tuple[int, str]


class Chunk(NamedTuple):
    """One VEVENT: its first line number and its raw text (BEGIN/END included).

    Named tuples rather than dataclasses: thousands of them cross to the worker processes,
    and tuples pickle fastest."""

    line: int
    text: str


class Unit(NamedTuple):
    """What one worker parses at once: a lone event, or a recurring UID with its overrides."""

    uid: str
    recurring: bool
    chunks: tuple[Chunk, ...]


@dataclass(slots=True)
class SplitCalendar:
    """The file cut for parallel parsing."""

    method: str = ""
    x_wr_timezone: str = ""
    x_wr_line: int = 0
    #: TZID (see ``tzid_key``) -> (first line, text) of its VTIMEZONE, for the TZIDs no name
    #: resolves
    timezones: dict[str, tuple[int, str]] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)
    events: int = 0
    ignored_components: int = 0


_NAME = re.compile(r"[A-Za-z0-9-]+")


def split_content_line(text: str) -> tuple[str, dict[str, str], str] | None:
    """Split ``NAME;PARAM=V;P2="q":value`` into (upper name, params, value); None if malformed.

    Quoted parameter values may hold ``:`` and ``;``, unquoted ones a backslash-escaped
    character; a multi-valued parameter is kept as its raw comma-separated text.
    """
    match = _NAME.match(text)
    if match is None:
        return None
    name = match.group(0).upper()
    pos = match.end()
    params: dict[str, str] = {}
    size = len(text)
    while pos < size and text[pos] == ";":
        eq = text.find("=", pos + 1)
        if eq < 0:
            return None
        key = text[pos + 1 : eq]
        if not _NAME.fullmatch(key):
            return None
        pos = eq + 1
        values: list[str] = []
        while True:
            if pos < size and text[pos] == '"':
                end = text.find('"', pos + 1)
                if end < 0:
                    return None
                values.append(text[pos + 1 : end])
                pos = end + 1
            else:
                start = pos
                while pos < size and text[pos] not in ';:,"':
                    # Outlook escapes , and ; in an unquoted TZID as in a TEXT value
                    pos += 2 if text[pos] == "\\" else 1
                pos = min(pos, size)
                values.append(text[start:pos])
            if pos < size and text[pos] == ",":
                pos += 1
                continue
            break
        params[key.upper()] = ",".join(values)
    if pos >= size or text[pos] != ":":
        return None
    return name, params, text[pos + 1 :]


def decode(data: bytes | str, limits: Limits) -> tuple[str, list[ReadWarning]]:
    """The file's text and how it was read: UTF-8 (with or without BOM), UTF-16 with a BOM,
    else Windows-1252 (what Outlook and older Windows tools write), with a warning."""
    if len(data) > limits.max_bytes:
        raise IcsRejected(0, "too_large", str(limits.max_bytes))
    if isinstance(data, str):
        return data.removeprefix("\ufeff"), []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            raise IcsRejected(0, "not_a_calendar") from None
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # five bytes cp1252 leaves undefined: read them as Latin-1
        text = data.decode("latin-1")
    return text, [ReadWarning(line, "decoded_cp1252")]


_TEXT_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


@lru_cache(maxsize=1024)
def tzid_key(tzid: str) -> str:
    """A TZID as the file means it, whether written as a quoted parameter, an unquoted one
    with escaped commas (``Amsterdam\\, Berlin``) or a VTIMEZONE's TZID property."""
    return _TEXT_ESCAPE.sub(r"\1", tzid.strip().strip('"')).strip()


def logical_lines(text: str, limits: Limits, first_line: int = 1) -> list[Line]:
    """Unfold continuation lines; every physical and logical line is length-capped.

    ``first_line`` is the file line number of the text's first line.
    """
    max_line = limits.max_line
    physicals = text.split("\n")
    if "\n " not in text and "\n\t" not in text and text[:1] not in (" ", "\t"):
        # Nothing folded (most events): no line to join, one pass at C speed where it can.
        if max(map(len, physicals), default=0) > max_line:
            number = next(i for i, p in enumerate(physicals) if len(p) > max_line)
            raise IcsRejected(first_line + number, "line_too_long", str(max_line))
        return [
            (number, raw[:-1] if raw[-1:] == "\r" else raw)
            for number, raw in enumerate(physicals, start=first_line)
            if raw.strip()
        ]
    out: list[Line] = []
    parts: list[str] = []
    first = 0

    def flush() -> None:
        joined = parts[0] if len(parts) == 1 else "".join(parts)
        if len(joined) > max_line:
            raise IcsRejected(first, "line_too_long", str(max_line))
        out.append((first, joined))

    for number, raw in enumerate(physicals, start=first_line):
        if len(raw) > max_line:
            raise IcsRejected(number, "line_too_long", str(max_line))
        physical = raw[:-1] if raw.endswith("\r") else raw
        if physical[:1] in (" ", "\t"):
            if not parts:
                raise IcsRejected(number, "bad_line")
            parts.append(physical[1:])
            continue
        if parts:
            flush()
        if physical.strip():
            parts = [physical]
            first = number
        else:
            parts = []
    if parts:
        flush()
    return out


def component_name(text: str) -> str:
    """A component name fit for a message: letters, digits and hyphens, cut short."""
    name = text.strip().upper()
    return name[:40] if _NAME.fullmatch(name) else "?"


# BEGIN:VEVENT and END:VEVENT lines, found at C speed in one pass (a lazy "BEGIN.*?END"
# pattern rescans the rest of the file from every BEGIN that has no END: 20,000 of them took
# 53 s); what lies between the events is checked line by line below. The marks after the
# first line are found from their line end: a pattern that starts with a literal character
# is scanned for it, where one that starts with ``^`` is tried at every offset (4x slower).
_MARK_AT_START = re.compile(r"(BEGIN|END):VEVENT[ \t]*\r?$", re.M | re.I)
_MARK = re.compile(r"\n(BEGIN|END):VEVENT[ \t]*\r?$", re.M | re.I)
#: Components a file may hold without a VCALENDAR around them.
_BARE = tuple(f"BEGIN:{name}" for name in ("VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE"))
_ZONE_MARK = re.compile(r"^(BEGIN|END):VTIMEZONE[ \t]*\r?$", re.M | re.I)
_TZID = re.compile(r"^TZID(?:;[^:\r\n]*)?:([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)", re.M | re.I)
_UID = re.compile(r"^UID(?:;[^:\r\n]*)?:([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)", re.M | re.I)
# Searched in a VEVENT chunk, whose first line is BEGIN:VEVENT: each line that matters
# follows a line end.
_RECURS = re.compile(r"\n(?:RRULE|RDATE|EXDATE|RECURRENCE-ID)[;:]", re.I)
_FOLD = re.compile(r"\r?\n[ \t]")


def _zone_spans(segment: str) -> list[tuple[int, int]]:
    """Where each whole VTIMEZONE lies in ``segment``: its BEGIN and END lines paired in one
    pass (an unpaired one is left to the line checks, which refuse it as unbalanced)."""
    spans: list[tuple[int, int]] = []
    opened = -1
    for mark in _ZONE_MARK.finditer(segment):
        if mark.group(1).upper() == "BEGIN":
            if opened >= 0:
                break  # a VTIMEZONE in a VTIMEZONE: the line checks say where
            opened = mark.start()
        elif opened >= 0:
            spans.append((opened, mark.end()))
            opened = -1
        else:
            break
    return spans


class _TopLevel:
    """The structure outside the VEVENTs: VCALENDAR, its properties, VTIMEZONEs, others."""

    def __init__(self, limits: Limits, result: SplitCalendar, named: Callable[[str], bool]) -> None:
        self.limits = limits
        self.result = result
        self.named = named
        self.stack: list[str] = []
        self.seen_calendar = False
        self.implicit = False

    def open_implicitly(self) -> None:
        """Read a file of bare components (``BEGIN:VEVENT`` first, as khal and some exporters
        write single events) as if a VCALENDAR held them."""
        self.stack.append("VCALENDAR")
        self.seen_calendar = self.implicit = True

    def feed(self, segment: str, first_line: int) -> None:
        """Check a stretch of the file between events. A VTIMEZONE is cut out whole at C
        speed (one may list 100,000 transitions): kept as text when no name resolves its
        TZID, for ``vtimezone`` to read over the horizon, else not read at all."""
        pos, line = 0, first_line
        for begin, end in _zone_spans(segment):
            before = segment[pos:begin]
            for number, text in logical_lines(before, self.limits, line):
                self._line(number, text)
            line += before.count("\n")
            if self.stack != ["VCALENDAR"]:
                raise IcsRejected(line, "unbalanced", self.stack[-1] if self.stack else "VTIMEZONE")
            block = segment[begin:end]
            found = _TZID.search(block)
            key = tzid_key(_FOLD.sub("", found.group(1))) if found else ""
            if key and not self.named(key):
                self.result.timezones[key] = (line, block)
            line += block.count("\n")
            pos = end
        for number, text in logical_lines(segment[pos:], self.limits, line):
            self._line(number, text)

    def _line(self, number: int, line: str) -> None:
        stack, result = self.stack, self.result
        upper = line[:20].upper()
        if upper.startswith("BEGIN:"):
            name = component_name(line[6:])
            if not stack and name != "VCALENDAR":
                # after the calendar's END:VCALENDAR, a component has no calendar to be in
                code = "unbalanced" if self.seen_calendar else "not_a_calendar"
                raise IcsRejected(number, code, "VCALENDAR" if self.seen_calendar else "")
            stack.append(name)
            self.seen_calendar = True
            if len(stack) > self.limits.max_depth:
                raise IcsRejected(number, "too_deep", str(self.limits.max_depth))
            return
        if upper.startswith("END:"):
            name = component_name(line[4:])
            if not stack or stack[-1] != name:
                raise IcsRejected(number, "unbalanced", stack[-1] if stack else name)
            if len(stack) == 2:
                self._component_done()
            stack.pop()
            return
        if not stack or ":" not in line:
            code = "bad_line" if stack or self.seen_calendar else "not_a_calendar"
            raise IcsRejected(number, code)
        if len(stack) >= 2:  # inside a VTODO, a VJOURNAL...: nothing the import uses
            return
        split = split_content_line(line)
        if split is None:
            raise IcsRejected(number, "bad_line")
        if split[0] == "METHOD":
            result.method = split[2].strip().upper()
        elif split[0] == "X-WR-TIMEZONE":
            result.x_wr_timezone = split[2].strip()
            result.x_wr_line = number

    def _component_done(self) -> None:
        self.result.ignored_components += 1

    def event_at(self, number: int) -> None:
        if len(self.stack) != 1:
            if self.stack:
                raise IcsRejected(number, "unbalanced", self.stack[-1])
            if self.seen_calendar:  # after END:VCALENDAR
                raise IcsRejected(number, "unbalanced", "VCALENDAR")
            raise IcsRejected(number, "not_a_calendar")

    def close(self, last_line: int) -> None:
        if self.stack == ["VCALENDAR"] and self.implicit:
            self.stack.pop()
        if self.stack:
            raise IcsRejected(last_line, "unbalanced", self.stack[-1])
        if not self.seen_calendar:
            raise IcsRejected(0, "not_a_calendar")


def split_calendar(
    text: str,
    limits: Limits,
    named: Callable[[str], bool] = lambda tzid: False,
    stop: Callable[[], None] = lambda: None,
) -> SplitCalendar:
    """Check the structure around the events and cut the calendar into units of VEVENT chunks.

    Each event's own lines are unfolded and checked by the worker that parses it. The
    VTIMEZONEs of TZIDs that ``named`` does not resolve are kept (as text). Linear in the
    size of the file, whatever it holds; ``stop()`` is called every 4,096 events (it raises
    to cancel).
    """
    opening = text.lstrip()[:16].upper()
    bare = opening.startswith(_BARE)
    if not opening.startswith("BEGIN:VCALENDAR") and not bare:
        # Checked first: a binary file is "not a calendar", not "a line too long".
        raise IcsRejected(1 + text[: len(text) - len(text.lstrip())].count("\n"), "not_a_calendar")
    result = SplitCalendar()
    top = _TopLevel(limits, result, named)
    if bare:
        top.open_implicitly()
    singles: list[Unit] = []
    series: dict[str, list[Chunk]] = {}
    pos = 0  # end of the last event
    line = 1  # line number at ``pos``
    opened: tuple[int, int] | None = None  # (offset, line) of a BEGIN:VEVENT not yet closed
    at_start = _MARK_AT_START.match(text)
    for mark in itertools.chain((at_start,) if at_start else (), _MARK.finditer(text)):
        begins = mark.start(1)
        if mark.group(1).upper() == "BEGIN":
            here = line + text.count("\n", pos, begins)
            if opened is not None:
                # A VEVENT inside a VEVENT: the first one has no END:VEVENT.
                raise IcsRejected(opened[1], "unbalanced", "VEVENT")
            segment = text[pos:begins]
            if not segment.isspace():  # between two events there is usually just a line end
                top.feed(segment, line)
            top.event_at(here)
            opened, line, pos = (begins, here), here, begins
            continue
        if opened is None:
            here = line + text.count("\n", pos, begins)
            raise IcsRejected(here, "unbalanced", "VEVENT")
        raw = text[opened[0] : mark.end()]
        result.events += 1
        if result.events % 4096 == 0:
            stop()
        if result.events > limits.max_events:
            raise IcsRejected(opened[1], "too_many_events", str(limits.max_events))
        found = _UID.search(raw)
        uid = _FOLD.sub("", found.group(1)).strip() if found else ""
        chunk = Chunk(opened[1], raw)
        recurring = _RECURS.search(raw) is not None
        if recurring and uid:
            series.setdefault(uid, []).append(chunk)
        else:
            singles.append(Unit(uid, recurring, (chunk,)))
        line = opened[1] + raw.count("\n")
        pos = mark.end()
        opened = None
    if opened is not None:
        raise IcsRejected(opened[1], "unbalanced", "VEVENT")
    top.feed(text[pos:], line)
    top.close(line + text.count("\n", pos))
    result.units = singles + [Unit(uid, True, tuple(chunks)) for uid, chunks in series.items()]
    return result
