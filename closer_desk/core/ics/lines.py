"""Reading an ICS file into content lines and event chunks, with caps against hostile files.

This is the first half of the import choke point (``importing`` is the second): it unfolds
lines, checks the component structure, keeps every VTIMEZONE, and cuts the file into one chunk
per VEVENT, grouped by UID when an event recurs (a series and its overrides must be expanded
together). Line numbers are kept so that a refusal can say where the file is broken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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


@dataclass(frozen=True, slots=True)
class Chunk:
    """One VEVENT: its first line number and its unfolded lines (BEGIN/END included)."""

    line: int
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Unit:
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
_RECURRING = frozenset({"RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"})


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


def logical_lines(text: str, limits: Limits) -> list[Line]:
    """Unfold continuation lines; every physical and logical line is length-capped."""
    out: list[Line] = []
    max_line = limits.max_line
    parts: list[str] = []
    first = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if len(raw) > max_line:
            raise IcsRejected(number, "line_too_long", str(max_line))
        physical = raw[:-1] if raw.endswith("\r") else raw
        if physical[:1] in (" ", "\t"):
            if not parts:
                raise IcsRejected(number, "bad_line", physical[:80])
            parts.append(physical[1:])
            continue
        if parts:
            joined = parts[0] if len(parts) == 1 else "".join(parts)
            if len(joined) > max_line:
                raise IcsRejected(first, "line_too_long", str(max_line))
            out.append((first, joined))
        if physical.strip():
            parts = [physical]
            first = number
        else:
            parts = []
    if parts:
        out.append((first, "".join(parts)))
    return out


def _unit_key(chunk_lines: list[Line]) -> tuple[str, bool]:
    uid = ""
    recurring = False
    depth = 0
    for _, text in chunk_lines[1:-1]:
        head = text[:14].upper()
        if head.startswith("BEGIN:"):
            depth += 1
        elif head.startswith("END:"):
            depth -= 1
        elif depth == 0:
            if head.startswith("UID") and text[3:4] in (":", ";"):
                split = split_content_line(text)
                uid = split[2].strip() if split else ""
            else:
                name = _NAME.match(text)
                if name and name.group(0).upper() in _RECURRING:
                    recurring = True
    return uid, recurring


def split_calendar(text: str, limits: Limits) -> SplitCalendar:
    """Check the structure and cut the calendar into units of VEVENT chunks."""
    lines = logical_lines(text, limits)
    result = SplitCalendar()
    if not lines or lines[0][1].strip().upper() != "BEGIN:VCALENDAR":
        raise IcsRejected(lines[0][0] if lines else 0, "not_a_calendar", lines[0][1][:80] if lines else "")
    stack: list[str] = []
    current: list[Line] = []
    kind = ""
    singles: list[Unit] = []
    series: dict[str, list[Chunk]] = {}
    for number, line in lines:
        upper = line[:20].upper()
        if upper.startswith("BEGIN:"):
            name = line[6:].strip().upper()
            if not name:
                raise IcsRejected(number, "bad_line", line[:80])
            if not stack and name != "VCALENDAR":
                raise IcsRejected(number, "not_a_calendar", line[:80])
            stack.append(name)
            if len(stack) > limits.max_depth:
                raise IcsRejected(number, "too_deep", str(limits.max_depth))
            if len(stack) == 2:
                kind = name
                current = []
        elif upper.startswith("END:"):
            name = line[4:].strip().upper()
            if not stack or stack[-1] != name:
                raise IcsRejected(number, "unbalanced", line[:80])
            if len(stack) == 2:
                current.append((number, line))
                if kind == "VEVENT":
                    result.events += 1
                    if result.events > limits.max_events:
                        raise IcsRejected(number, "too_many_events", str(limits.max_events))
                    uid, recurring = _unit_key(current)
                    chunk = Chunk(current[0][0], tuple(current))
                    if recurring and uid:
                        series.setdefault(uid, []).append(chunk)
                    else:
                        singles.append(Unit(uid, recurring, (chunk,)))
                elif kind == "VTIMEZONE":
                    tzid = next(
                        (t.split(":", 1)[1].strip() for _, t in current if t[:5].upper() == "TZID:"), ""
                    )
                    if tzid:
                        result.timezones[tzid] = (current[0][0], "\r\n".join(t for _, t in current) + "\r\n")
                else:
                    result.ignored_components += 1
                current = []
            elif len(stack) > 2:
                current.append((number, line))
            stack.pop()
            continue
        elif not stack:
            raise IcsRejected(number, "bad_line", line[:80])
        elif ":" not in line:
            raise IcsRejected(number, "bad_line", line[:80])
        if len(stack) >= 2:
            current.append((number, line))
        elif len(stack) == 1:
            split = split_content_line(line)
            if split is None:
                raise IcsRejected(number, "bad_line", line[:80])
            if split[0] == "METHOD":
                result.method = split[2].strip().upper()
            elif split[0] == "X-WR-TIMEZONE":
                result.x_wr_timezone = split[2].strip()
                result.x_wr_line = number
    if stack:
        raise IcsRejected(lines[-1][0], "unbalanced", f"END:{stack[-1]} missing")
    result.units = singles + [Unit(uid, True, tuple(chunks)) for uid, chunks in series.items()]
    return result
