"""Importing calendars: the one place where an ICS file becomes busy time (after khal's
``cal_from_ics``).

``parse_calendar`` decodes and splits the file (``lines``), reads the file's own VTIMEZONEs
over the horizon (``vtimezone``), then parses the event units: in this process for a small
file, on every core for a big one. A lone event is decoded straight from its content lines
(the costly generic parsing of every property is what the time budget cannot afford); a
recurring event and its overrides are expanded over the horizon by ``series``.

Structure that cannot be read (not a calendar, BEGIN/END that do not match, a cap passed)
refuses the file with one line and a reason; an event that cannot be read (an impossible
date, an unknown zone, a bad value, a year outside ``core.timerange``) is skipped and named
with its line, UID and reason, and the rest imports. Every hostile shape is stopped by bounding
the work (linear scans, the horizon, counts), not by a wall-clock kill; the time limit and the
workers' kill remain as a backstop.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from operator import itemgetter

from closer_desk.core import tz
from closer_desk.core.errors import UnknownZoneError
from closer_desk.core.ics.lines import (
    EVENT_CODES,
    IcsRejected,
    ImportCancelled,
    Limits,
    ReadWarning,
    Unit,
    decode,
    split_calendar,
)
from closer_desk.core.ics.series import Row, expand
from closer_desk.core.ics.values import (
    Context,
    FileZone,
    day_start,
    duration,
    epoch,
    first,
    is_named,
    read_event,
    sequence_of,
    shown,
    synthetic_uid,
    text_of,
    when,
)
from closer_desk.core.ics.vtimezone import compile_zone
from closer_desk.core.text import one_line

__all__ = [
    "IcsRejected",
    "ImportCancelled",
    "ImportOptions",
    "Limits",
    "Occurrence",
    "ParsedCalendar",
    "ReadWarning",
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
        isolate_from: files of at least this many bytes are read whole in a worker process
            (None: never). A scan of a big file by a regular expression is one long call that
            holds the GIL: in a window, the GUI thread would stall with it.
    """

    floating_zone: str
    now: datetime
    horizon_days: int = 366
    limits: Limits = field(default_factory=Limits)
    workers: int | None = None
    parallel_from: int = 1500
    isolate_from: int | None = None


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One stretch of busy time read from the file (one per instance of a recurring event).

    Held as epoch seconds, which is what the parser computes and the store writes: a big
    import builds no datetime it does not show (``start`` and ``end`` make them on demand).
    """

    uid: str
    recurrence_id: str
    sequence: int
    start_utc: int
    end_utc: int
    summary: str
    all_day: bool
    cancelled: bool
    floating: bool
    line: int

    @property
    def start(self) -> datetime:
        """The first instant, in UTC."""
        return datetime.fromtimestamp(self.start_utc, UTC)

    @property
    def end(self) -> datetime:
        """The instant after the last, in UTC."""
        return datetime.fromtimestamp(self.end_utc, UTC)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An event left out on its own (the rest of the file is fine).

    ``code``: ``free`` (TRANSP:TRANSPARENT: it blocks no time), or why it cannot be read: one
    of ``lines.EVENT_CODES`` (``no_start``, ``end_before_start``, ``bad_date``,
    ``unknown_zone``, ``year_out_of_range``...). ``detail``: a short, clean piece of what was
    wrong (a zone name, a property name, a year), never a whole line of the file.
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
    warnings: tuple[ReadWarning, ...] = ()

    @property
    def unreadable(self) -> tuple[Skipped, ...]:
        """The events skipped because they could not be read (not the free ones)."""
        return tuple(s for s in self.skipped if s.code != "free")


_Skip = tuple[int, str, str, str]
_Fatal = tuple[int, str, str]
_Result = tuple[list[Row], list[_Skip], list[ReadWarning], _Fatal | None]
_MAX_SUMMARY = 500


def _clean_uid(uid: str) -> str:
    # A UID is a key, but also shown in the report and stored: no NUL or escape in it.
    return one_line(uid).strip()[:255]


def _lone_event(unit: Unit, ctx: Context, rows: list[Row]) -> tuple[str, str]:
    """Append the row of a single event; returns its UID and ``"free"`` for a free one (no
    row), else ``""``."""
    chunk = unit.chunks[0]
    props, keyed = read_event(chunk, ctx.limits)
    start_prop = first(props, "DTSTART")
    if start_prop is None:
        raise IcsRejected(chunk.line, "no_start")
    params, value, number = start_prop
    start, is_date, floating, day = when(params, value, ctx, number)
    end_prop, length = first(props, "DTEND"), first(props, "DURATION")
    if end_prop is not None:
        end = when(*end_prop[:2], ctx, end_prop[2])[0]
    elif length is not None:
        end = start + duration(length[1], length[2])
    else:
        end = day_start(day + timedelta(days=1), ctx) if is_date else start
    sequence = sequence_of(props)
    status = first(props, "STATUS")
    cancelled = ctx.cancel_all or (status is not None and status[1].strip().upper() == "CANCELLED")
    if end < start and not cancelled:
        raise IcsRejected(chunk.line, "end_before_start")
    uid = _clean_uid(unit.uid) or synthetic_uid(keyed)
    transp = first(props, "TRANSP")
    if not cancelled and transp is not None and transp[1].strip().upper() == "TRANSPARENT":
        return uid, "free"
    rows.append(
        (
            uid,
            "",
            sequence,
            start,
            max(start, end),
            text_of(props, "SUMMARY", _MAX_SUMMARY),
            is_date,
            cancelled,
            floating,
            chunk.line,
        )
    )
    return uid, ""


def _parse_units(ctx: Context, units: Sequence[Unit]) -> _Result:
    """Parse a batch of units; a fatal problem comes back as data (exceptions pickle poorly).

    An event that cannot be read is skipped; the batch goes on."""
    rows: list[Row] = []
    skipped: list[_Skip] = []
    warnings: list[ReadWarning] = []
    try:
        for n, unit in enumerate(units):
            if n % 64 == 0 and time.monotonic() > ctx.deadline:
                raise IcsRejected(0, "too_slow", str(ctx.limits.max_seconds))
            mark = len(rows)
            try:
                if unit.recurring:
                    uid, outcome = expand(unit, _clean_uid(unit.uid), ctx, rows, warnings)
                else:
                    uid, outcome = _lone_event(unit, ctx, rows)
            except IcsRejected as error:
                if error.code not in EVENT_CODES:
                    raise
                del rows[mark:]
                line = error.line or unit.chunks[0].line
                skipped.append((line, _clean_uid(unit.uid), error.code, error.detail))
                continue
            if outcome:
                skipped.append((unit.chunks[0].line, uid, outcome, ""))
            if len(rows) > ctx.limits.max_occurrences:
                raise IcsRejected(
                    unit.chunks[0].line, "too_many_occurrences", str(ctx.limits.max_occurrences)
                )
    except IcsRejected as exc:
        return rows, skipped, warnings, (exc.line, exc.code, exc.detail)
    return rows, skipped, warnings, None


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
    """Parse every unit: a small file in this process (starting workers costs more than it
    saves, and every hostile shape is bounded by the work it may do), a big one on every
    core."""
    workers = max(1, options.workers or os.cpu_count() or 1)
    total = len(units)
    results: list[_Result] = []
    done = 0
    if workers == 1 or total < options.parallel_from:
        for batch in _batches(units, 8):
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            results.append(_parse_units(ctx, batch))
            done += len(batch)
            if progress is not None:
                progress(done, total)
        return results
    from closer_desk.core.ics import workers as workers_mod  # late: multiprocessing

    tasks = [(ctx, batch) for batch in _batches(units, workers * 4)]
    try:
        for count, result in workers_mod.run(
            _worker, tasks, size=workers, deadline=ctx.deadline, cancelled=cancelled
        ):
            results.append(result)
            done += count
            if progress is not None:
                progress(done, total)
    except workers_mod.Cancelled:
        raise ImportCancelled() from None
    except workers_mod.Deadline:
        raise IcsRejected(0, "too_slow", str(ctx.limits.max_seconds)) from None
    return results


def _stopper(cancelled: CancelFlag | None) -> Callable[[], None]:
    """A check that raises ``ImportCancelled`` once ``cancelled()`` is true: polled between
    the phases (decode, split, zones, parse) and within them, so Cancel works in each."""

    def stop() -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled()

    return stop


def _zones(
    split_zones: dict[str, tuple[int, str]],
    lo: int,
    hi: int,
    limits: Limits,
    stop: Callable[[], None],
) -> dict[str, FileZone]:
    """The file's own zones over the horizon; an unusable one is kept as its reason, which
    only the events in it meet."""
    zones: dict[str, FileZone] = {}
    for tzid, (line, text) in split_zones.items():
        stop()
        try:
            zones[tzid] = compile_zone(line, text, lo, hi, limits, stop)
        except IcsRejected as error:
            zones[tzid] = (error.line, error.code, error.detail)
    return zones


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
    stop = _stopper(cancelled)
    text, warnings = decode(data, limits)
    stop()
    split = split_calendar(text, limits, is_named, stop)
    del text
    stop()
    floating_zone = tz.canonical_zone_name(options.floating_zone)
    if split.x_wr_timezone:
        try:
            floating_zone = tz.canonical_zone_name(split.x_wr_timezone)
        except UnknownZoneError:
            raise IcsRejected(split.x_wr_line, "unknown_zone", shown(split.x_wr_timezone)) from None
    now = options.now.astimezone(UTC)
    horizon = timedelta(days=options.horizon_days)
    lo, hi = epoch(now - horizon), epoch(now + horizon)
    ctx = Context(
        timezones=_zones(split.timezones, lo, hi, limits, stop),
        x_wr_timezone=split.x_wr_timezone and floating_zone,
        floating_zone=floating_zone,
        lo=lo,
        hi=hi,
        cancel_all=split.method == "CANCEL",
        limits=limits,
        deadline=deadline,
    )
    split.timezones.clear()
    stop()
    results = _run(ctx, split.units, options, progress, cancelled)
    # The first problem in the file's order, whichever worker found it: the same line on
    # every run.
    fatal = [r[3] for r in results if r[3] is not None]
    if fatal:
        raise IcsRejected(*min(fatal, key=lambda f: (f[0] == 0, f[0], f[1])))
    rows: list[Row] = []
    skipped: list[Skipped] = []
    for result_rows, result_skipped, result_warnings, _ in results:
        rows.extend(result_rows)
        skipped.extend(Skipped(*s) for s in result_skipped)
        warnings.extend(result_warnings)
        if len(rows) > limits.max_occurrences:
            raise IcsRejected(0, "too_many_occurrences", str(limits.max_occurrences))
    if progress is not None:
        progress(len(split.units), len(split.units))
    rows.sort(key=itemgetter(3, 0, 1))
    occurrences = tuple(Occurrence(*row) for row in rows)
    return ParsedCalendar(
        method=split.method,
        occurrences=occurrences,
        skipped=tuple(sorted(skipped, key=lambda s: (s.line, s.uid))),
        events=split.events,
        floating=sum(1 for o in occurrences if o.floating),
        floating_zone=floating_zone,
        horizon_start=now - horizon,
        horizon_end=now + horizon,
        ignored_components=split.ignored_components,
        warnings=tuple(sorted(warnings)),
    )


def read_calendar_file(
    path: os.PathLike[str] | str,
    options: ImportOptions,
    *,
    progress: Progress | None = None,
    cancelled: CancelFlag | None = None,
) -> ParsedCalendar:
    """``parse_calendar`` of a file, refusing one over the size cap before reading it; a file
    of ``options.isolate_from`` bytes or more is read in a worker process (no ``progress``
    then; Cancel and the time limit kill it)."""
    size = os.stat(path).st_size
    if size > options.limits.max_bytes:
        raise IcsRejected(0, "too_large", str(options.limits.max_bytes))
    if options.isolate_from is not None and size >= options.isolate_from:
        return _isolated(os.fspath(path), options, cancelled)
    with open(path, "rb") as handle:
        data = handle.read(options.limits.max_bytes + 1)
    return parse_calendar(data, options, progress=progress, cancelled=cancelled)


def _read_whole(task: tuple[str, ImportOptions]) -> ParsedCalendar | _Fatal:
    """In a worker process: the whole file, on this one core (a worker has no workers)."""
    path, options = task
    try:
        return read_calendar_file(path, replace(options, isolate_from=None, workers=1))
    except IcsRejected as error:
        return (error.line, error.code, error.detail)


def _isolated(path: str, options: ImportOptions, cancelled: CancelFlag | None) -> ParsedCalendar:
    """``read_calendar_file`` in a worker process: killed on Cancel or past the time limit."""
    from closer_desk.core.ics import workers as workers_mod  # late: multiprocessing

    deadline = time.monotonic() + options.limits.max_seconds
    size = max(1, options.workers or os.cpu_count() or 1)  # the pool kept for big files
    try:
        (result,) = workers_mod.run(
            _read_whole, [(path, options)], size=size, deadline=deadline, cancelled=cancelled
        )
    except workers_mod.Cancelled:
        raise ImportCancelled() from None
    except workers_mod.Deadline:
        raise IcsRejected(0, "too_slow", str(options.limits.max_seconds)) from None
    if isinstance(result, tuple):
        raise IcsRejected(*result)
    return result
