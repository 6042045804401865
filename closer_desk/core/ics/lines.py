"""Reading an ICS file into content lines and event chunks, with caps against hostile files.

This is the first half of the import choke point (``importing`` is the second): it unfolds
lines, checks the component structure, keeps every VTIMEZONE, and cuts the file into one chunk
per VEVENT, grouped by UID when an event recurs (a series and its overrides must be expanded
together). Line numbers are kept so that a refusal can say where the file is broken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from closer_desk.core.errors import CloserDeskError


class IcsRejected(CloserDeskError):
    """A calendar file refused whole.

    Attributes:
        line: the 1-based line of the file where the problem is (0: the file as a whole).
        code: a stable reason code (``too_large``, ``line_too_long``, ``too_deep``,
            ``not_a_calendar``, ``unbalanced``, ``bad_line``, ``bad_date``, ``unknown_zone``,
            ``bad_value``, ``too_many_events``, ``too_many_occurrences``, ``too_slow``,
            ``not_utf8``).
        detail: the offending text or limit, for the message.
    """

    def __init__(self, line: int, code: str, detail: str = "") -> None:
        super().__init__(f"line {line}: {code} {detail}".strip())
        self.line = line
        self.code = code
        self.detail = detail


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
    #: TZID -> (first line, VTIMEZONE text with CRLF line ends)
    timezones: dict[str, tuple[int, str]] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)
    events: int = 0
    ignored_components: int = 0


_NAME = re.compile(r"[A-Za-z0-9-]+")


def split_content_line(text: str) -> tuple[str, dict[str, str], str] | None:
    """Split ``NAME;PARAM=V;P2="q":value`` into (upper name, params, value); None if malformed.

    Quoted parameter values may hold ``:`` and ``;``; a multi-valued parameter is kept as its
    raw comma-separated text.
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
                    pos += 1
                values.append(text[start:pos])
            if pos < size and text[pos] == ",":
                pos += 1
                continue
            break
        params[key.upper()] = ",".join(values)
    if pos >= size or text[pos] != ":":
        return None
    return name, params, text[pos + 1 :]


def decode(data: bytes | str, limits: Limits) -> str:
    """The file's text: UTF-8 (with or without BOM), size-capped."""
    if len(data) > limits.max_bytes:
        raise IcsRejected(0, "too_large", str(limits.max_bytes))
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise IcsRejected(line, "not_utf8") from exc


def logical_lines(text: str, limits: Limits, first_line: int = 1) -> list[Line]:
    """Unfold continuation lines; every physical and logical line is length-capped.

    ``first_line`` is the file line number of the text's first line.
    """
    out: list[Line] = []
    max_line = limits.max_line
    parts: list[str] = []
    first = 0

    def flush() -> None:
        joined = parts[0] if len(parts) == 1 else "".join(parts)
        if len(joined) > max_line:
            raise IcsRejected(first, "line_too_long", str(max_line))
        out.append((first, joined))

    for number, raw in enumerate(text.split("\n"), start=first_line):
        if len(raw) > max_line:
            raise IcsRejected(number, "line_too_long", str(max_line))
        physical = raw[:-1] if raw.endswith("\r") else raw
        if physical[:1] in (" ", "\t"):
            if not parts:
                raise IcsRejected(number, "bad_line", physical[:80])
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


def chunk_lines(chunk: Chunk, limits: Limits) -> list[Line]:
    """A VEVENT chunk's logical lines, with its nesting checked (done by the workers)."""
    lines = logical_lines(chunk.text, limits, chunk.line)
    stack: list[str] = []
    for number, text in lines:
        head = text[:6].upper()
        if head.startswith("BEGIN:"):
            stack.append(text[6:].strip().upper())
            # the chunk sits inside VCALENDAR: its depth counts from 2
            if len(stack) + 1 > limits.max_depth:
                raise IcsRejected(number, "too_deep", str(limits.max_depth))
        elif head.startswith("END:"):
            if not stack or stack.pop() != text[4:].strip().upper():
                raise IcsRejected(number, "unbalanced", text[:80])
        elif ":" not in text:
            raise IcsRejected(number, "bad_line", text[:80])
        elif not stack:
            raise IcsRejected(number, "unbalanced", text[:80])
    if stack:
        raise IcsRejected(lines[-1][0], "unbalanced", lines[-1][1][:80])
    return lines


# A whole VEVENT, found at C speed; what lies between them is checked line by line below.
_EVENT = re.compile(r"^BEGIN:VEVENT[ \t]*\r?$.*?^END:VEVENT[ \t]*\r?$", re.M | re.S | re.I)
_UID = re.compile(r"^UID(?:;[^:\r\n]*)?:([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)", re.M | re.I)
_RECURS = re.compile(r"^(?:RRULE|RDATE|EXDATE|RECURRENCE-ID)[;:]", re.M | re.I)
_FOLD = re.compile(r"\r?\n[ \t]")


class _TopLevel:
    """The structure outside the VEVENTs: VCALENDAR, its properties, VTIMEZONEs, others."""

    def __init__(self, limits: Limits, result: SplitCalendar) -> None:
        self.limits = limits
        self.result = result
        self.stack: list[str] = []
        self.current: list[Line] = []
        self.seen_calendar = False

    def feed(self, segment: str, first_line: int) -> None:
        for number, line in logical_lines(segment, self.limits, first_line):
            self._line(number, line)

    def _line(self, number: int, line: str) -> None:
        stack, result = self.stack, self.result
        upper = line[:20].upper()
        if upper.startswith("BEGIN:"):
            name = line[6:].strip().upper()
            if not name or (not stack and name != "VCALENDAR"):
                raise IcsRejected(number, "not_a_calendar" if name else "bad_line", line[:80])
            stack.append(name)
            self.seen_calendar = True
            if len(stack) > self.limits.max_depth:
                raise IcsRejected(number, "too_deep", str(self.limits.max_depth))
            if len(stack) >= 2:
                self.current.append((number, line))
            return
        if upper.startswith("END:"):
            name = line[4:].strip().upper()
            if not stack or stack[-1] != name:
                raise IcsRejected(number, "unbalanced", line[:80])
            if len(stack) >= 2:
                self.current.append((number, line))
            if len(stack) == 2:
                self._component_done()
            stack.pop()
            return
        if not stack or ":" not in line:
            raise IcsRejected(
                number, "bad_line" if stack or self.seen_calendar else "not_a_calendar", line[:80]
            )
        if len(stack) >= 2:
            self.current.append((number, line))
            return
        split = split_content_line(line)
        if split is None:
            raise IcsRejected(number, "bad_line", line[:80])
        if split[0] == "METHOD":
            result.method = split[2].strip().upper()
        elif split[0] == "X-WR-TIMEZONE":
            result.x_wr_timezone = split[2].strip()
            result.x_wr_line = number

    def _component_done(self) -> None:
        lines, self.current = self.current, []
        if self.stack[-1] == "VTIMEZONE":
            tzid = next(
                (t.split(":", 1)[1].strip() for _, t in lines if t[:5].upper() == "TZID:"), ""
            )
            if tzid:
                text = "\r\n".join(t for _, t in lines) + "\r\n"
                self.result.timezones[tzid] = (lines[0][0], text)
        else:
            self.result.ignored_components += 1

    def event_at(self, number: int, text: str) -> None:
        if len(self.stack) != 1:
            code = "not_a_calendar" if not self.stack else "unbalanced"
            raise IcsRejected(number, code, text[:80])

    def close(self, last_line: int) -> None:
        if self.stack:
            raise IcsRejected(last_line, "unbalanced", f"END:{self.stack[-1]} missing")
        if not self.seen_calendar:
            raise IcsRejected(0, "not_a_calendar", "")


def split_calendar(text: str, limits: Limits) -> SplitCalendar:
    """Check the structure around the events and cut the calendar into units of VEVENT chunks.

    Each event's own lines are unfolded and checked by the worker that parses it.
    """
    result = SplitCalendar()
    top = _TopLevel(limits, result)
    singles: list[Unit] = []
    series: dict[str, list[Chunk]] = {}
    pos = 0
    line = 1
    for match in _EVENT.finditer(text):
        segment = text[pos : match.start()]
        if not segment.isspace():  # between two events there is usually just a line end
            top.feed(segment, line)
        line += segment.count("\n")
        raw = match.group(0)
        top.event_at(line, raw)
        result.events += 1
        if result.events > limits.max_events:
            raise IcsRejected(line, "too_many_events", str(limits.max_events))
        found = _UID.search(raw)
        uid = _FOLD.sub("", found.group(1)).strip() if found else ""
        chunk = Chunk(line, raw)
        recurring = _RECURS.search(raw) is not None
        if recurring and uid:
            series.setdefault(uid, []).append(chunk)
        else:
            singles.append(Unit(uid, recurring, (chunk,)))
        line += raw.count("\n")
        pos = match.end()
    top.feed(text[pos:], line)
    top.close(line + text.count("\n", pos))
    result.units = singles + [Unit(uid, True, tuple(chunks)) for uid, chunks in series.items()]
    return result
