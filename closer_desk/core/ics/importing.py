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

import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from closer_desk.core import tz
from closer_desk.core.errors import UnknownZoneError
from closer_desk.core.ics import workers as workers_mod
from closer_desk.core.ics.lines import (
    IcsRejected,
    ImportCancelled,
    Limits,
    Unit,
    chunk_lines,
    decode,
    split_calendar,
)
from closer_desk.core.ics.values import (
    EPOCH,
    Context,
    day_start,
    duration,
    epoch,
    epoch_of_value,
    iana_tzids,
    is_named,
    recurrence_key,
    scan,
    sequence_of,
    synthetic_uid,
    unescape,
    when,
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


# uid, recurrence_id, sequence, start epoch, end epoch, summary, all_day, cancelled, floating, line
_Row = tuple[str, str, int, int, int, str, bool, bool, bool, int]
_Result = tuple[list[_Row], list[tuple[int, str, str, str]], tuple[int, str, str] | None]
_UNTIL = re.compile(r";?UNTIL=[^;]*", re.IGNORECASE)
_MAX_SUMMARY = 500


def _lone_event(
    unit: Unit, ctx: Context, rows: list[_Row], skipped: list[tuple[int, str, str, str]]
) -> None:
    chunk = unit.chunks[0]
    props, keyed = scan(chunk_lines(chunk, ctx.limits))
    uid = unit.uid or synthetic_uid(keyed)
    if "DTSTART" not in props:
        skipped.append((chunk.line, uid, "no_start", ""))
        return
    params, value, number = props["DTSTART"]
    start, is_date, floating, _ = when(params, value, ctx, number)
    if "DTEND" in props:
        end_params, end_value, end_line = props["DTEND"]
        end = when(end_params, end_value, ctx, end_line)[0]
    elif "DURATION" in props:
        end = start + duration(props["DURATION"][1], props["DURATION"][2])
    else:
        end = (
            day_start(when(params, value, ctx, number)[3] + timedelta(days=1), ctx)
            if is_date
            else start
        )
    sequence = sequence_of(props)
    status = props.get("STATUS", ({}, "", 0))[1].strip().upper()
    cancelled = ctx.cancel_all or status == "CANCELLED"
    if end < start and not cancelled:
        skipped.append((chunk.line, uid, "end_before_start", value))
        return
    if not cancelled and props.get("TRANSP", ({}, "", 0))[1].strip().upper() == "TRANSPARENT":
        skipped.append((chunk.line, uid, "free", ""))
        return
    summary = unescape(props["SUMMARY"][1])[:_MAX_SUMMARY] if "SUMMARY" in props else ""
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


def _count_rule(rrule: tuple[dict[str, str], str, int], start: date, ctx: Context) -> None:
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
    unit: Unit, ctx: Context, rows: list[_Row], skipped: list[tuple[int, str, str, str]]
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
        texts.append("\r\n".join(iana_tzids(line) for _, line in lines) + "\r\n")
        props, keyed = scan(lines)
        keyed_all.extend(keyed)
        starts.append("DTSTART" in props)
        for name in ("DTSTART", "DTEND", "DURATION", "SEQUENCE"):
            if name in props:
                params, value, number = props[name]
                if name == "DURATION":
                    duration(value, number)
                elif name == "SEQUENCE":
                    sequence_of(props)
                else:
                    when(params, value, ctx, number)
                    if params.get("TZID"):
                        tzids.add(params["TZID"])
        if "RRULE" in props and "DTSTART" in props:
            _count_rule(
                props["RRULE"], when(*props["DTSTART"][:2], ctx, props["DTSTART"][2])[3], ctx
            )
    uid = unit.uid or synthetic_uid(keyed_all)
    first = unit.chunks[0].line
    if not all(starts):
        skipped.append((first, uid, "no_start", ""))
        return
    header = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//closer_desk//import//EN"]
    if ctx.x_wr_timezone:
        header.append(f"X-WR-TIMEZONE:{ctx.x_wr_timezone}")
    text = "\r\n".join(header) + "\r\n"
    text += "".join(
        ctx.timezones[t][1] for t in sorted(tzids) if t in ctx.timezones and not is_named(t)
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
            start, is_date, floating = epoch_of_value(occurrence.start, ctx)
            if count > ctx.limits.max_per_series:
                raise IcsRejected(first, "too_many_occurrences", str(ctx.limits.max_per_series))
            if count % 256 == 0 and time.monotonic() > ctx.deadline:
                raise IcsRejected(0, "too_slow", str(ctx.limits.max_seconds))
            end = epoch_of_value(occurrence.end, ctx)[0]
            status = str(occurrence.get("STATUS", "")).upper()
            rid = occurrence.get("RECURRENCE-ID")
            rows.append(
                (
                    uid,
                    recurrence_key(rid.dt) if rid is not None else recurrence_key(occurrence.start),
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


def _parse_units(ctx: Context, units: Sequence[Unit]) -> _Result:
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


def _worker(task: tuple[Context, Sequence[Unit]]) -> tuple[int, _Result]:
    ctx, units = task
    return len(units), _parse_units(ctx, units)


def _batches(units: list[Unit], parts: int, smallest: int = 32) -> list[list[Unit]]:
    size = max(smallest, -(-len(units) // parts))
    return [units[i : i + size] for i in range(0, len(units), size)]


def _run(
    ctx: Context,
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
    ctx = Context(
        timezones=split.timezones,
        x_wr_timezone=split.x_wr_timezone and floating_zone,
        floating_zone=floating_zone,
        lo=epoch(now - horizon),
        hi=epoch(now + horizon),
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
