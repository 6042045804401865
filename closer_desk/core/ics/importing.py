"""Importing calendars: the one place where an ICS file becomes busy time (after khal's
``cal_from_ics``).

``parse_calendar`` decodes and splits the file (``lines``), then parses the event units on
every core. A lone event is decoded straight from its content lines (the costly generic
parsing of every property is what the time budget cannot afford); a recurring event and its
overrides are parsed with ``icalendar`` and expanded over a horizon with
``recurring-ical-events``. Either way the same checks apply: impossible dates, unknown zones
and malformed lines refuse the whole file with the line and the reason.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

from closer_desk.core import tz
from closer_desk.core.errors import UnknownZoneError
from closer_desk.core.ics import workers as workers_mod
from closer_desk.core.ics.lines import (
    IcsRejected,
    ImportCancelled,
    Limits,
    Line,
    Unit,
    chunk_lines,
    decode,
    split_calendar,
    split_content_line,
)

__all__ = [
    "IcsRejected",
    "ImportCancelled",
    "ImportOptions",
    "Limits",
    "Occurrence",
    "ParsedCalendar",
    "Skipped",
    "parse_calendar",
    "read_calendar_file",
]

Progress = Callable[[int, int], None]
CancelFlag = Callable[[], bool]
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """How to read a calendar.

    Attributes:
        floating_zone: zone for floating times and all-day dates (the closer's), unless the
            file names one with X-WR-TIMEZONE.
        now: the injected "now" the recurrence horizon is centred on.
        horizon_days: recurring events are expanded this many days either side of ``now``.
        workers: processes to parse with (None: one per core).
        parallel_from: files with fewer event units than this are parsed in this process
            (starting workers costs more than it saves).
    """

    floating_zone: str
    now: datetime
    horizon_days: int = 366
    limits: Limits = field(default_factory=Limits)
    workers: int | None = None
    parallel_from: int = 1500


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One stretch of busy time read from the file (one per instance of a recurring event)."""

    uid: str
    recurrence_id: str
    sequence: int
    start: datetime
    end: datetime
    summary: str
    all_day: bool
    cancelled: bool
    floating: bool
    line: int


@dataclass(frozen=True, slots=True)
class Skipped:
    """An event left out on its own (the rest of the file is fine).

    ``code``: ``no_start``, ``end_before_start`` or ``free`` (TRANSP:TRANSPARENT).
    """

    line: int
    uid: str
    code: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ParsedCalendar:
    """What a calendar file holds, ready for the store."""

    method: str
    occurrences: tuple[Occurrence, ...]
    skipped: tuple[Skipped, ...]
    events: int
    floating: int
    floating_zone: str
    horizon_start: datetime
    horizon_end: datetime
    ignored_components: int


@dataclass(frozen=True, slots=True)
class _Context:
    timezones: dict[str, tuple[int, str]]
    x_wr_timezone: str
    floating_zone: str
    lo: int
    hi: int
    cancel_all: bool
    limits: Limits
    deadline: float


# uid, recurrence_id, sequence, start epoch, end epoch, summary, all_day, cancelled, floating, line
_Row = tuple[str, str, int, int, int, str, bool, bool, bool, int]
_Result = tuple[list[_Row], list[tuple[int, str, str, str]], tuple[int, str, str] | None]

_DT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?")
_DURATION = re.compile(r"([+-]?)P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_USED = frozenset(
    {"DTSTART", "DTEND", "DURATION", "UID", "SUMMARY", "SEQUENCE", "STATUS", "TRANSP", "RRULE"}
)
_UNTIL = re.compile(r";?UNTIL=[^;]*", re.IGNORECASE)
_MAX_SUMMARY = 500
_MAX_SPAN = 10 * 366 * 86400  # no event blocks more than ten years


def _unescape(value: str) -> str:
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


# -- zones -------------------------------------------------------------------------------
# Workers outlive one import: a zone read from a file's VTIMEZONE is cached under its text.
_ZONES: dict[tuple[str, str], tzinfo] = {}


def _zone_by_name(tzid: str) -> tzinfo:
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


def _named(tzid: str) -> bool:
    try:
        _zone_by_name(tzid)
    except UnknownZoneError:
        return False
    return True


def _tzinfo(tzid: str, ctx: _Context, line: int) -> tzinfo:
    """The zone a TZID names: IANA or Windows by name first, else the file's VTIMEZONE."""
    definition = ctx.timezones.get(tzid)
    key = (tzid, definition[1] if definition else "")
    found = _ZONES.get(key) or _ZONES.get((tzid, ""))
    if found is not None:
        return found
    try:
        found = _zone_by_name(tzid)
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


def _epoch(instant: datetime) -> int:
    return int((instant - EPOCH).total_seconds())


def _day_start(day: date, ctx: _Context) -> int:
    return _epoch(tz.day_bounds(day, ctx.floating_zone)[0])


def _when(
    params: dict[str, str], value: str, ctx: _Context, line: int
) -> tuple[int, bool, bool, date]:
    """(epoch, is a date, is floating, the date or datetime) of a DTSTART/DTEND value."""
    match = _DT.fullmatch(value.strip())
    if match is None:
        raise IcsRejected(line, "bad_date", value[:80])
    y, mo, d, h, mi, s, z = match.groups()
    try:
        if h is None:
            day = date(int(y), int(mo), int(d))
            return _day_start(day, ctx), True, False, day
        wall = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s))
    except ValueError:
        raise IcsRejected(line, "bad_date", value[:80]) from None
    if z:
        return _epoch(wall.replace(tzinfo=UTC)), False, False, wall
    tzid = params.get("TZID")
    if tzid:
        return (
            _epoch(wall.replace(tzinfo=_tzinfo(tzid, ctx, line)).astimezone(UTC)),
            False,
            False,
            wall,
        )
    floating = wall.replace(tzinfo=tz.zone(ctx.floating_zone)).astimezone(UTC)
    return _epoch(floating), False, True, wall


def _duration(value: str, line: int) -> int:
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


def _scan(lines: list[Line]) -> tuple[dict[str, tuple[dict[str, str], str, int]], list[str]]:
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


def _iana_tzids(line: str) -> str:
    """TZID parameters rewritten to the IANA names they resolve to (Windows names, path
    prefixes), so icalendar uses zoneinfo instead of a slow VTIMEZONE-built zone."""

    def swap(match: re.Match[str]) -> str:
        raw = match.group(1).strip('"')
        try:
            found = _zone_by_name(raw)
        except UnknownZoneError:
            return match.group(0)
        key = getattr(found, "key", None)
        return f";TZID={key}" if key else match.group(0)

    return _TZID_PARAM.sub(swap, line) if ";TZID=" in line.upper() else line


def _synthetic_uid(keyed: list[str]) -> str:
    # An event without a UID still needs a stable key, so re-importing it does not duplicate.
    return hashlib.sha1("\n".join(keyed).encode()).hexdigest()[:24] + "@closer-desk-import"


def _sequence(props: dict[str, tuple[dict[str, str], str, int]]) -> int:
    if "SEQUENCE" not in props:
        return 0
    _, value, number = props["SEQUENCE"]
    try:
        return int(value.strip())
    except ValueError:
        raise IcsRejected(number, "bad_value", f"SEQUENCE:{value[:40]}") from None


def _lone_event(
    unit: Unit, ctx: _Context, rows: list[_Row], skipped: list[tuple[int, str, str, str]]
) -> None:
    chunk = unit.chunks[0]
    props, keyed = _scan(chunk_lines(chunk, ctx.limits))
    uid = unit.uid or _synthetic_uid(keyed)
    if "DTSTART" not in props:
        skipped.append((chunk.line, uid, "no_start", ""))
        return
    params, value, number = props["DTSTART"]
    start, is_date, floating, _ = _when(params, value, ctx, number)
    if "DTEND" in props:
        end_params, end_value, end_line = props["DTEND"]
        end = _when(end_params, end_value, ctx, end_line)[0]
    elif "DURATION" in props:
        end = start + _duration(props["DURATION"][1], props["DURATION"][2])
    else:
        end = (
            _day_start(_when(params, value, ctx, number)[3] + timedelta(days=1), ctx)
            if is_date
            else start
        )
    sequence = _sequence(props)
    status = props.get("STATUS", ({}, "", 0))[1].strip().upper()
    cancelled = ctx.cancel_all or status == "CANCELLED"
    if end < start and not cancelled:
        skipped.append((chunk.line, uid, "end_before_start", value))
        return
    if not cancelled and props.get("TRANSP", ({}, "", 0))[1].strip().upper() == "TRANSPARENT":
        skipped.append((chunk.line, uid, "free", ""))
        return
    summary = _unescape(props["SUMMARY"][1])[:_MAX_SUMMARY] if "SUMMARY" in props else ""
    rows.append(
        (
            uid,
            "",
            sequence,
            start,
            max(start, end),
            summary,
            is_date,
            cancelled,
            floating,
            chunk.line,
        )
    )


def _recurrence_key(value: date) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


def _to_epoch_any(value: date, ctx: _Context) -> tuple[int, bool, bool]:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return (
                _epoch(value.replace(tzinfo=tz.zone(ctx.floating_zone)).astimezone(UTC)),
                False,
                True,
            )
        return _epoch(value.astimezone(UTC)), False, False
    return _day_start(value, ctx), True, False


def _count_rule(rrule: tuple[dict[str, str], str, int], start: date, ctx: _Context) -> None:
    """Refuse a rule with too many instances before anything expands it.

    Counted lazily with dateutil from the rule's own start (UNTIL dropped: it only removes
    instances), so a FREQ=SECONDLY rule is refused after ``max_per_series`` steps instead of
    being listed for a whole year.
    """
    from dateutil.rrule import rrulestr

    _, value, line = rrule
    wall = start if isinstance(start, datetime) else datetime(start.year, start.month, start.day)
    try:
        rule = rrulestr(_UNTIL.sub("", value.strip()), dtstart=wall)
    except (ValueError, TypeError, KeyError) as exc:
        raise IcsRejected(line, "bad_value", f"RRULE: {exc}"[:200]) from exc
    lo = (EPOCH + timedelta(seconds=ctx.lo - 86400)).replace(tzinfo=None)
    hi = (EPOCH + timedelta(seconds=ctx.hi + 86400)).replace(tzinfo=None)
    inside = 0
    for steps, instant in enumerate(rule, start=1):
        if instant > hi:
            break
        inside += instant >= lo
        if inside > ctx.limits.max_per_series or steps > 5 * ctx.limits.max_per_series:
            raise IcsRejected(line, "too_many_occurrences", str(ctx.limits.max_per_series))
        if steps % 1024 == 0 and time.monotonic() > ctx.deadline:
            raise IcsRejected(0, "too_slow", str(ctx.limits.max_seconds))


def _series(
    unit: Unit, ctx: _Context, rows: list[_Row], skipped: list[tuple[int, str, str, str]]
) -> None:
    """Parse a recurring event with icalendar and expand it over the horizon."""
    import icalendar
    import recurring_ical_events

    tzids: set[str] = set()
    keyed_all: list[str] = []
    starts: list[bool] = []
    texts: list[str] = []
    for chunk in unit.chunks:
        lines = chunk_lines(chunk, ctx.limits)
        texts.append("\r\n".join(_iana_tzids(line) for _, line in lines) + "\r\n")
        props, keyed = _scan(lines)
        keyed_all.extend(keyed)
        starts.append("DTSTART" in props)
        for name in ("DTSTART", "DTEND", "DURATION", "SEQUENCE"):
            if name in props:
                params, value, number = props[name]
                if name == "DURATION":
                    _duration(value, number)
                elif name == "SEQUENCE":
                    _sequence(props)
                else:
                    _when(params, value, ctx, number)
                    if params.get("TZID"):
                        tzids.add(params["TZID"])
        if "RRULE" in props and "DTSTART" in props:
            _count_rule(
                props["RRULE"], _when(*props["DTSTART"][:2], ctx, props["DTSTART"][2])[3], ctx
            )
    uid = unit.uid or _synthetic_uid(keyed_all)
    first = unit.chunks[0].line
    if not all(starts):
        skipped.append((first, uid, "no_start", ""))
        return
    header = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//closer_desk//import//EN"]
    if ctx.x_wr_timezone:
        header.append(f"X-WR-TIMEZONE:{ctx.x_wr_timezone}")
    text = "\r\n".join(header) + "\r\n"
    text += "".join(
        ctx.timezones[t][1] for t in sorted(tzids) if t in ctx.timezones and not _named(t)
    )
    text += "".join(texts)
    text += "END:VCALENDAR\r\n"
    try:
        calendar = icalendar.Calendar.from_ical(text)
        for component in calendar.walk("VEVENT"):
            if component.errors:
                prop, message = component.errors[0]
                raise IcsRejected(first, "bad_value", f"{prop}: {message}"[:200])
        if ctx.x_wr_timezone:
            import x_wr_timezone

            calendar = x_wr_timezone.to_standard(calendar)
        query = recurring_ical_events.of(calendar)
        # One window: ``after()`` re-walks the rule from its start for each page (quadratic);
        # the list is small because ``_count_rule`` capped the instances in the horizon.
        lo = EPOCH + timedelta(seconds=ctx.lo)
        hi = EPOCH + timedelta(seconds=ctx.hi)
        for count, occurrence in enumerate(query.between(lo, hi), start=1):
            if "DTSTART" not in occurrence:
                skipped.append((first, uid, "no_start", ""))
                return
            start, is_date, floating = _to_epoch_any(occurrence.start, ctx)
            if count > ctx.limits.max_per_series:
                raise IcsRejected(first, "too_many_occurrences", str(ctx.limits.max_per_series))
            if count % 256 == 0 and time.monotonic() > ctx.deadline:
                raise IcsRejected(0, "too_slow", str(ctx.limits.max_seconds))
            end = _to_epoch_any(occurrence.end, ctx)[0]
            status = str(occurrence.get("STATUS", "")).upper()
            rid = occurrence.get("RECURRENCE-ID")
            rows.append(
                (
                    uid,
                    _recurrence_key(rid.dt)
                    if rid is not None
                    else _recurrence_key(occurrence.start),
                    int(occurrence.get("SEQUENCE", 0) or 0),
                    start,
                    max(end, start),
                    str(occurrence.get("SUMMARY", ""))[:_MAX_SUMMARY],
                    is_date,
                    ctx.cancel_all or status == "CANCELLED",
                    floating,
                    first,
                )
            )
    except IcsRejected:
        raise
    except Exception as exc:  # icalendar/recurring-ical-events/dateutil raise many kinds
        raise IcsRejected(first, "bad_value", f"{type(exc).__name__}: {exc}"[:200]) from exc


def _parse_units(ctx: _Context, units: Sequence[Unit]) -> _Result:
    """Parse a batch of units; a fatal problem comes back as data (exceptions pickle poorly)."""
    rows: list[_Row] = []
    skipped: list[tuple[int, str, str, str]] = []
    try:
        for n, unit in enumerate(units):
            if n % 64 == 0 and time.monotonic() > ctx.deadline:
                raise IcsRejected(0, "too_slow", str(ctx.limits.max_seconds))
            if unit.recurring:
                _series(unit, ctx, rows, skipped)
            else:
                _lone_event(unit, ctx, rows, skipped)
            if len(rows) > ctx.limits.max_occurrences:
                raise IcsRejected(
                    unit.chunks[0].line, "too_many_occurrences", str(ctx.limits.max_occurrences)
                )
    except IcsRejected as exc:
        return rows, skipped, (exc.line, exc.code, exc.detail)
    return rows, skipped, None


def _worker(task: tuple[_Context, Sequence[Unit]]) -> tuple[int, _Result]:
    ctx, units = task
    return len(units), _parse_units(ctx, units)


def _batches(units: list[Unit], parts: int, smallest: int = 32) -> list[list[Unit]]:
    size = max(smallest, -(-len(units) // parts))
    return [units[i : i + size] for i in range(0, len(units), size)]


def _run(
    ctx: _Context,
    units: list[Unit],
    options: ImportOptions,
    progress: Progress | None,
    cancelled: CancelFlag | None,
) -> list[_Result]:
    """Parse every unit. Big files go to the workers whole; in a small one, only recurring
    events do (their expansion is what may need killing), the rest is parsed here."""
    workers = max(1, options.workers or os.cpu_count() or 1)
    total = len(units)
    if workers > 1 and total >= options.parallel_from:
        local: list[Unit] = []
        remote = _batches(units, workers * 4)
    else:
        local = [u for u in units if not u.recurring]
        remote = _batches([u for u in units if u.recurring], workers * 2, smallest=8)
    results: list[_Result] = []
    done = 0
    for batch in _batches(local, 8):
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        results.append(_parse_units(ctx, batch))
        if results[-1][2] is not None:
            return results
        done += len(batch)
        if progress is not None:
            progress(done, total)
    tasks = [(ctx, batch) for batch in remote]
    try:
        for count, result in workers_mod.run(
            _worker, tasks, size=workers, deadline=ctx.deadline, cancelled=cancelled
        ):
            results.append(result)
            if result[2] is not None:
                break
            done += count
            if progress is not None:
                progress(done, total)
    except workers_mod.Cancelled:
        raise ImportCancelled() from None
    except workers_mod.Deadline:
        raise IcsRejected(0, "too_slow", str(ctx.limits.max_seconds)) from None
    return results


def parse_calendar(
    data: bytes | str,
    options: ImportOptions,
    *,
    progress: Progress | None = None,
    cancelled: CancelFlag | None = None,
) -> ParsedCalendar:
    """Read a whole calendar, or raise ``IcsRejected`` (line, reason) and nothing else.

    ``progress(done, total)`` is called as event units are parsed; ``cancelled()`` is polled
    and raises ``ImportCancelled`` when it returns True.
    """
    limits = options.limits
    deadline = time.monotonic() + limits.max_seconds
    tz.require_aware(options.now)
    text = decode(data, limits)
    split = split_calendar(text, limits)
    floating_zone = tz.canonical_zone_name(options.floating_zone)
    if split.x_wr_timezone:
        try:
            floating_zone = tz.canonical_zone_name(split.x_wr_timezone)
        except UnknownZoneError:
            raise IcsRejected(split.x_wr_line, "unknown_zone", split.x_wr_timezone) from None
    now = options.now.astimezone(UTC)
    horizon = timedelta(days=options.horizon_days)
    ctx = _Context(
        timezones=split.timezones,
        x_wr_timezone=split.x_wr_timezone and floating_zone,
        floating_zone=floating_zone,
        lo=_epoch(now - horizon),
        hi=_epoch(now + horizon),
        cancel_all=split.method == "CANCEL",
        limits=limits,
        deadline=deadline,
    )
    results = _run(ctx, split.units, options, progress, cancelled)
    rows: list[_Row] = []
    skipped: list[Skipped] = []
    for result_rows, result_skipped, error in results:
        if error is not None:
            raise IcsRejected(*error)
        rows.extend(result_rows)
        skipped.extend(Skipped(*s) for s in result_skipped)
        if len(rows) > limits.max_occurrences:
            raise IcsRejected(0, "too_many_occurrences", str(limits.max_occurrences))
    if progress is not None:
        progress(len(split.units), len(split.units))
    rows.sort(key=lambda r: (r[3], r[0], r[1]))
    occurrences = tuple(
        Occurrence(
            uid,
            rid,
            seq,
            EPOCH + timedelta(seconds=s),
            EPOCH + timedelta(seconds=e),
            summary,
            day,
            gone,
            flt,
            line,
        )
        for uid, rid, seq, s, e, summary, day, gone, flt, line in rows
    )
    return ParsedCalendar(
        method=split.method,
        occurrences=occurrences,
        skipped=tuple(sorted(skipped, key=lambda s: s.line)),
        events=split.events,
        floating=sum(1 for o in occurrences if o.floating),
        floating_zone=floating_zone,
        horizon_start=now - horizon,
        horizon_end=now + horizon,
        ignored_components=split.ignored_components,
    )


def read_calendar_file(
    path: os.PathLike[str] | str,
    options: ImportOptions,
    *,
    progress: Progress | None = None,
    cancelled: CancelFlag | None = None,
) -> ParsedCalendar:
    """``parse_calendar`` of a file, refusing one over the size cap before reading it."""
    size = os.stat(path).st_size
    if size > options.limits.max_bytes:
        raise IcsRejected(0, "too_large", str(options.limits.max_bytes))
    with open(path, "rb") as handle:
        data = handle.read(options.limits.max_bytes + 1)
    return parse_calendar(data, options, progress=progress, cancelled=cancelled)
