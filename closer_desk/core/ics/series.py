"""A recurring event and its overrides, expanded over the import horizon with bounded work.

The unit's properties that matter for busy time are read here (nothing else is handed on, so
a junk CREATED or DESCRIPTION never makes the event unreadable), its values are put in one
frame of reference, and only then is a small calendar of them handed to ``icalendar`` and
expanded with ``recurring-ical-events``:

- zones: named TZIDs become their IANA names; a zone the file defines (its VTIMEZONE read by
  ``vtimezone`` over the horizon) becomes the unit's wall clock: its values are written
  without TZID, expanded as wall times and converted with the file's offsets afterwards (so a
  weekly 09:00 stays 09:00 across that zone's own DST changes). With X-WR-TIMEZONE, UTC values
  are written in that zone (what Google means, and what the ``x-wr-timezone`` package does).
- bounds: RDATE and EXDATE values outside the horizon are dropped before anything parses them
  (an RDATE flood costs one pass over its text), at most ``Limits.max_per_series`` instances
  are kept, and every rule is checked before dateutil iterates it: a rule whose day filters
  match no day of the horizon (``BYMONTH=2;BYMONTHDAY=30``) is dropped, since dateutil would
  search for that day second by second until year 9999, and a rule may take at most
  ``Limits.max_rule_steps`` steps from its start to the horizon's end.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime, timedelta
from typing import Any

from closer_desk.core import tz
from closer_desk.core.ics.lines import IcsRejected, ReadWarning, Unit
from closer_desk.core.ics.values import (
    EPOCH,
    Context,
    Prop,
    Props,
    Zone,
    day_start,
    duration,
    epoch,
    first,
    parse_wall,
    read_event,
    sequence_of,
    synthetic_uid,
    unescape,
    utc_of_wall,
    zone_of,
)
from closer_desk.core.ics.vtimezone import ZoneRules, wall_seconds
from closer_desk.core.text import one_line

# uid, recurrence_id, sequence, start epoch, end epoch, summary, all_day, cancelled, floating, line
Row = tuple[str, str, int, int, int, str, bool, bool, bool, int]

_DATE_PROPS = ("DTSTART", "DTEND", "RECURRENCE-ID")
_LIST_PROPS = ("RDATE", "EXDATE")
_NAIVE_EPOCH = datetime(1970, 1, 1)
_SUBDAILY = ("HOURLY", "MINUTELY", "SECONDLY")
_WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
_ORDINAL_DAY = re.compile(r"([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")
_MAX_SUMMARY = 500


class _Frame:
    """How the unit's values are written for icalendar and read back.

    ``wall`` is the file-defined zone the unit is expanded in (None: named zones, UTC and
    floating times as they are)."""

    def __init__(self, ctx: Context, wall: ZoneRules | None) -> None:
        self.ctx = ctx
        self.wall = wall
        self.x_wr = ctx.x_wr_timezone if wall is None else ""

    def write(self, params: dict[str, str], value: str, line: int) -> tuple[str, int]:
        """One DATE or DATE-TIME value as ``;PARAMS:VALUE`` text, and its UTC epoch."""
        wall = parse_wall(value, line)
        if not isinstance(wall, datetime):
            return f";VALUE=DATE:{wall:%Y%m%d}", day_start(wall, self.ctx)
        tzid = params.get("TZID")
        if value.rstrip().endswith("Z"):
            utc, zone = wall_seconds(wall), None
        elif tzid:
            zone = zone_of(tzid, self.ctx, line)
            utc = utc_of_wall(wall, zone)
        else:
            floating = tz.zone(self.ctx.floating_zone)
            utc, zone = epoch(wall.replace(tzinfo=floating)), None
            if self.wall is None:
                return f":{wall:%Y%m%dT%H%M%S}", utc
        return self._in_frame(utc, zone), utc

    def _in_frame(self, utc: int, zone: Zone | None) -> str:
        if self.wall is not None:
            return f":{_stamp(self.wall.to_wall(utc))}"
        if zone is not None and not isinstance(zone, ZoneRules):
            key = getattr(zone, "key", "UTC")
            local = (EPOCH + timedelta(seconds=utc)).astimezone(zone)
            return f";TZID={key}:{local:%Y%m%dT%H%M%S}"
        if self.x_wr:
            local = (EPOCH + timedelta(seconds=utc)).astimezone(tz.zone(self.x_wr))
            return f";TZID={self.x_wr}:{local:%Y%m%dT%H%M%S}"
        return f":{_stamp(utc)}Z"

    def read(self, value: date) -> tuple[int, bool, bool]:
        """(epoch, is a date, is floating) of a value icalendar gives back."""
        if not isinstance(value, datetime):
            return day_start(value, self.ctx), True, False
        if value.tzinfo is not None:
            return epoch(value.astimezone(UTC)), False, False
        if self.wall is not None:
            return self.wall.to_utc(wall_seconds(value)), False, False
        return epoch(value.replace(tzinfo=tz.zone(self.ctx.floating_zone))), False, True


def _stamp(seconds: int) -> str:
    return f"{_NAIVE_EPOCH + timedelta(seconds=seconds):%Y%m%dT%H%M%S}"


def _frame(chunks: list[Props], ctx: Context) -> _Frame:
    """The unit's frame: the first file-defined zone any of its values is in, if one is."""
    for props in chunks:
        for name in (*_DATE_PROPS, *_LIST_PROPS):
            for params, _, line in props.get(name, ()):
                if params.get("TZID"):
                    zone = zone_of(params["TZID"], ctx, line)
                    if isinstance(zone, ZoneRules):
                        return _Frame(ctx, zone)
    return _Frame(ctx, None)


# -- rules --------------------------------------------------------------------------------


def _rule_parts(value: str, line: int) -> dict[str, str]:
    """The parts of a rule, upper-cased; empty parts (``FREQ=YEARLY;``) and spaces
    (``BYDAY=MO, TU``) as some producers write them are tolerated."""
    parts: dict[str, str] = {}
    for item in value.replace(" ", "").split(";"):
        if not item:
            continue
        key, sep, part = item.partition("=")
        if not sep or not key:
            raise IcsRejected(line, "bad_value", "RRULE")
        parts[key.upper()] = part.upper()
    if "FREQ" not in parts:
        raise IcsRejected(line, "bad_value", "RRULE")
    return parts


def _rule_text(parts: dict[str, str]) -> str:
    """A rule written back from its parts, FREQ first (as dateutil and icalendar expect)."""
    return ";".join(f"{k}={v}" for k, v in sorted(parts.items(), key=lambda kv: kv[0] != "FREQ"))


def _numbers(text: str, line: int) -> list[int]:
    try:
        return [int(n) for n in text.split(",") if n]
    except ValueError:
        raise IcsRejected(line, "bad_value", "RRULE") from None


def _day_filter(parts: dict[str, str], line: int) -> Any:
    """A test of one day against the rule's BYMONTH, BYMONTHDAY, BYYEARDAY and BYDAY."""
    months = set(_numbers(parts.get("BYMONTH", ""), line))
    monthdays = set(_numbers(parts.get("BYMONTHDAY", ""), line))
    yeardays = set(_numbers(parts.get("BYYEARDAY", ""), line))
    weekdays: set[int] = set()
    for item in filter(None, parts.get("BYDAY", "").split(",")):
        match = _ORDINAL_DAY.fullmatch(item)
        if match is None:
            raise IcsRejected(line, "bad_value", "RRULE")
        weekdays.add(_WEEKDAYS[match.group(2)])

    def matches(day: date) -> bool:
        if months and day.month not in months:
            return False
        if weekdays and day.weekday() not in weekdays:
            return False
        if monthdays:
            last = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            if day.day not in monthdays and day.day - last.day - 1 not in monthdays:
                return False
        if yeardays:
            number = day.timetuple().tm_yday
            length = 366 if (date(day.year, 12, 31).timetuple().tm_yday == 366) else 365
            if number not in yeardays and number - length - 1 not in yeardays:
                return False
        return True

    return matches


def _period_size(parts: dict[str, str], freq: str, line: int) -> int:
    """How many instances one period of a daily or finer rule can hold (for BYSETPOS)."""
    names = {"DAILY": ("BYHOUR", "BYMINUTE", "BYSECOND"), "HOURLY": ("BYMINUTE", "BYSECOND")}
    size = 1
    for name in names.get(freq, ("BYSECOND",) if freq == "MINUTELY" else ()):
        size *= max(1, len(_numbers(parts.get(name, ""), line)))
    return size


def _rule_reaches_horizon(parts: dict[str, str], start: date, ctx: Context, line: int) -> bool:
    """False when the rule can have no instance in the horizon, so dateutil never needs to
    look (for an impossible day it would search day by day until year 9999).

    Refuses what RFC 5545 forbids (BYWEEKNO outside YEARLY, BYYEARDAY with DAILY, WEEKLY or
    MONTHLY, BYMONTHDAY with WEEKLY): dateutil would apply them anyway."""
    freq = parts["FREQ"]
    if ("BYWEEKNO" in parts and freq != "YEARLY") or (
        "BYYEARDAY" in parts and freq in ("DAILY", "WEEKLY", "MONTHLY")
    ):
        raise IcsRejected(line, "bad_value", "RRULE")
    if "BYMONTHDAY" in parts and freq == "WEEKLY":
        raise IcsRejected(line, "bad_value", "RRULE")
    first_day = (EPOCH + timedelta(seconds=ctx.lo)).date() - timedelta(days=1)
    last_day = (EPOCH + timedelta(seconds=ctx.hi)).date() + timedelta(days=1)
    day = max(start.date() if isinstance(start, datetime) else start, first_day)
    if day > last_day:
        return False
    if freq in ("DAILY", *_SUBDAILY) and "BYSETPOS" in parts:
        positions = _numbers(parts["BYSETPOS"], line)
        if all(abs(p) > _period_size(parts, freq, line) or p == 0 for p in positions):
            return False
    matches = _day_filter(parts, line)
    while day <= last_day:
        if matches(day):
            return True
        day += timedelta(days=1)
    return False


_UNTIL = re.compile(r"UNTIL=[^;]*", re.IGNORECASE)
_NO_UNTIL = re.compile(r";?UNTIL=[^;]*", re.IGNORECASE)


def _count_rule(value: str, start: date, ctx: Context, line: int) -> None:
    """Refuse a rule with too many instances before recurring-ical-events expands it.

    Counted lazily with dateutil from the rule's own start (UNTIL dropped: it only removes
    instances), so a FREQ=SECONDLY rule is refused after ``max_rule_steps`` steps instead of
    being listed for a whole year."""
    from dateutil.rrule import rrulestr

    wall = start if isinstance(start, datetime) else datetime(start.year, start.month, start.day)
    try:
        rule = rrulestr(_NO_UNTIL.sub("", value.strip()).strip(";"), dtstart=wall)
    except (ValueError, TypeError, KeyError, OverflowError):
        raise IcsRejected(line, "bad_value", "RRULE") from None
    lo = (EPOCH + timedelta(seconds=ctx.lo - 86400)).replace(tzinfo=None)
    hi = (EPOCH + timedelta(seconds=ctx.hi + 86400)).replace(tzinfo=None)
    limits = ctx.limits
    inside = 0
    try:
        for steps, instant in enumerate(rule, start=1):
            if instant > hi:
                break
            inside += instant >= lo
            if inside > limits.max_per_series or steps > limits.max_rule_steps:
                raise IcsRejected(line, "too_many_instances", str(limits.max_per_series))
            if steps % 1024 == 0 and time.monotonic() > ctx.deadline:
                raise IcsRejected(0, "too_slow", str(limits.max_seconds))
    except (ValueError, OverflowError):
        raise IcsRejected(line, "bad_value", "RRULE") from None


def _rules(
    props: Props, start: date, frame: _Frame, warnings: list[ReadWarning], uid: str
) -> list[str]:
    """The unit's RRULE lines to expand (empty ones dropped with a warning, rules that
    cannot reach the horizon dropped), each checked and counted."""
    kept: list[str] = []
    for _, value, line in props.get("RRULE", ()):
        if not value.strip():
            warnings.append(ReadWarning(line, "empty_rrule", uid))
            continue
        parts = _rule_parts(value, line)
        if not _rule_reaches_horizon(parts, start, frame.ctx, line):
            continue
        value = _rule_text(parts)
        _count_rule(value, start, frame.ctx, line)
        kept.append("RRULE:" + _until_in_frame(value, frame, line))
    return kept


def _until_in_frame(value: str, frame: _Frame, line: int) -> str:
    """UNTIL written in the frame of DTSTART (a wall-clock unit has naive starts)."""
    if frame.wall is None:
        return value.strip()

    def rewrite(match: re.Match[str]) -> str:
        stamp = match.group(0).split("=", 1)[1]
        wall = parse_wall(stamp, line)
        if not isinstance(wall, datetime):
            return match.group(0)
        utc = wall_seconds(wall) if stamp.endswith("Z") else frame.wall.to_utc(wall_seconds(wall))  # type: ignore[union-attr]
        return f"UNTIL={_stamp(frame.wall.to_wall(utc))}"  # type: ignore[union-attr]

    return _UNTIL.sub(rewrite, value.strip())


# -- the unit -----------------------------------------------------------------------------


def _list_lines(name: str, props: Props, frame: _Frame, span: int) -> list[str]:
    """RDATE or EXDATE values inside the horizon (padded by ``span``), one per line."""
    ctx = frame.ctx
    lo, hi = ctx.lo - span - 86400, ctx.hi + 86400
    kept: list[str] = []
    for params, value, line in props.get(name, ()):
        for item in value.split(","):
            stamp = item.split("/", 1)[0].strip()  # a PERIOD counts from its start
            if not stamp:
                continue
            try:
                text, utc = frame.write(params, stamp, line)
            except IcsRejected as error:
                if error.code == "year_out_of_range":
                    continue  # far outside the horizon anyway
                raise
            if lo <= utc <= hi:
                kept.append(f"{name}{text}")
                if len(kept) > ctx.limits.max_per_series:
                    raise IcsRejected(line, "too_many_instances", str(ctx.limits.max_per_series))
    return kept


def _span(props: Props, frame: _Frame) -> int:
    """Seconds from DTSTART to the end of the event (what an RDATE instance lasts)."""
    start = first(props, "DTSTART")
    assert start is not None
    _, begin = frame.write(start[0], start[1], start[2])
    end = first(props, "DTEND")
    if end is not None:
        return max(0, frame.write(end[0], end[1], end[2])[1] - begin)
    length = first(props, "DURATION")
    if length is not None:
        return max(0, duration(length[1], length[2]))
    return 86400 if parse_wall(start[1], start[2]).__class__ is date else 0


def _event_text(
    props: Props, frame: _Frame, master_transp: str, warnings: list[ReadWarning], uid: str
) -> list[str]:
    start = first(props, "DTSTART")
    assert start is not None
    lines = ["BEGIN:VEVENT", "UID:unit"]
    for name in _DATE_PROPS:
        prop = first(props, name)
        if prop is not None:
            text, _ = frame.write(prop[0], prop[1], prop[2])
            range_ = prop[0].get("RANGE", "")
            if name == "RECURRENCE-ID" and range_.upper() == "THISANDFUTURE":
                text = ";RANGE=THISANDFUTURE" + text
            lines.append(name + text)
    length = first(props, "DURATION")
    if length is not None and first(props, "DTEND") is None:
        lines.append(f"DURATION:{length[1].strip()}")
        duration(length[1], length[2])
    lines.append(f"SEQUENCE:{sequence_of(props)}")
    span = _span(props, frame)
    start_day = parse_wall(start[1], start[2])
    lines += _rules(props, start_day, frame, warnings, uid)
    lines += _list_lines("RDATE", props, frame, span)
    lines += _list_lines("EXDATE", props, frame, span)
    status = first(props, "STATUS")
    if status is not None:
        lines.append(f"STATUS:{one_line(status[1]).strip()[:20]}")
    transp = first(props, "TRANSP")
    transp_value = one_line(transp[1]).strip().upper() if transp else master_transp
    if transp_value:
        lines.append(f"TRANSP:{transp_value[:20]}")
    summary = first(props, "SUMMARY")
    if summary is not None:
        lines.append("SUMMARY:" + one_line(summary[1])[: _MAX_SUMMARY * 2])
    lines.append("END:VEVENT")
    return lines


# -- one event alone: expanded here ------------------------------------------------------
# A series without overrides (most of them) is expanded straight from the normalised lines
# written above, with dateutil, as recurring-ical-events would: handing it to icalendar and
# recurring-ical-events costs 3 ms a series, more than the rest of the import of 50 events.
# tests/core/test_ics_series_paths.py checks both paths give the same instances.

#: Set to False to send every series through icalendar and recurring-ical-events.
EXPAND_ALONE = True
_VALUE = re.compile(r"([A-Z-]+)(;VALUE=DATE|;TZID=[^:]+)?:(.*)")


class _Clock:
    """The wall clock a series recurs in: a zone, UTC, the floating zone or a file's zone."""

    def __init__(self, frame: _Frame, form: str) -> None:
        self.frame = frame
        self.zone: Any = None
        self.rules = frame.wall if form == "naive" else None
        if form.startswith(";TZID="):
            self.zone = tz.zone(form[6:])
        elif form == "naive" and frame.wall is None:
            self.zone = tz.zone(frame.ctx.floating_zone)
        elif form in ("Z", ""):
            self.zone = UTC
        self.floating = form == "naive" and frame.wall is None

    def utc(self, wall: datetime) -> int:
        if self.rules is not None:
            return self.rules.to_utc(wall_seconds(wall))
        return epoch(wall.replace(tzinfo=self.zone))

    def wall(self, utc: int) -> datetime:
        if self.rules is not None:
            return _NAIVE_EPOCH + timedelta(seconds=self.rules.to_wall(utc))
        local = (EPOCH + timedelta(seconds=utc)).astimezone(self.zone)
        return local.replace(tzinfo=None)


def _form_and_value(line: str) -> tuple[str, str, str]:
    match = _VALUE.fullmatch(line)
    if match is None:  # RANGE=THISANDFUTURE and the like: recurring-ical-events' business
        return line.split(";", 1)[0].split(":", 1)[0], "other", ""
    name, param, value = match.groups()
    if param == ";VALUE=DATE":
        return name, "date", value
    if param:
        return name, param, value
    return name, "Z" if value.endswith("Z") else "naive", value.rstrip("Z")


def _wall_of(form: str, value: str, clock: _Clock) -> datetime:
    """A normalised DATE-TIME value on ``clock``'s wall."""
    wall = datetime.strptime(value, "%Y%m%dT%H%M%S")
    if form == "naive" or (form.startswith(";TZID=") and clock.zone is tz.zone(form[6:])):
        return wall
    if form == "Z":
        return clock.wall(wall_seconds(wall))
    return clock.wall(epoch(wall.replace(tzinfo=tz.zone(form[6:]))))


def _expand_alone(
    lines: list[str], frame: _Frame, uid: str, first_line: int, rows: list[Row]
) -> str | None:
    """Rows of one event's instances from its normalised lines; None when the event needs
    recurring-ical-events (a RECURRENCE-ID, dates mixed with times)."""
    from dateutil.rrule import rruleset, rrulestr

    ctx = frame.ctx
    props: dict[str, list[tuple[str, str]]] = {}
    for line in lines[2:-1]:
        if line.startswith(("RRULE:", "SEQUENCE:", "STATUS:", "TRANSP:", "SUMMARY:", "DURATION:")):
            name, _, value = line.partition(":")
            props.setdefault(name, []).append(("", value))
            continue
        name, form, value = _form_and_value(line)
        props.setdefault(name, []).append((form, value))
    if "RECURRENCE-ID" in props or any(f == "other" for v in props.values() for f, _ in v):
        return None
    start_form, start_value = props["DTSTART"][0]
    all_day = start_form == "date"
    forms = {form for name in ("DTEND", "RDATE") for form, _ in props.get(name, ())}
    if all_day != (forms <= {"date"}) and forms:
        return None
    if str(props.get("TRANSP", [("", "")])[0][1]).upper() == "TRANSPARENT":
        return "free"
    clock = _Clock(frame, start_form)
    if all_day:
        start = datetime.strptime(start_value, "%Y%m%d")
    else:
        start = _wall_of(start_form, start_value, clock)
    if "DTEND" in props:
        end_form, end_value = props["DTEND"][0]
        if all_day:
            length = datetime.strptime(end_value, "%Y%m%d") - start
        else:
            length = _wall_of(end_form, end_value, clock) - start
    elif "DURATION" in props:
        length = timedelta(seconds=duration(props["DURATION"][0][1], first_line))
    else:
        length = timedelta(days=1) if all_day else timedelta(0)
    length = max(length, timedelta(0))
    instances = rruleset(cache=False)
    untils: list[datetime] = []
    for _, rule_text in props.get("RRULE", ()):
        rule_text = _UNTIL.sub(lambda m: _until_on(m.group(0), clock, all_day), rule_text)
        rule = rrulestr(rule_text, dtstart=start)
        instances.rrule(rule)
        if getattr(rule, "_until", None) is not None:
            untils.append(rule._until)
    for form, value in props.get("RDATE", ()):
        instances.rdate(
            datetime.strptime(value, "%Y%m%d") if all_day else _wall_of(form, value, clock)
        )
    excluded_days: set[date] = set()
    for form, value in props.get("EXDATE", ()):
        if form == "date":
            day = datetime.strptime(value, "%Y%m%d")
            if all_day:
                instances.exdate(day)
            else:
                excluded_days.add(day.date())
        elif not all_day:
            instances.exdate(_wall_of(form, value, clock))
    if not untils or start <= max(untils):
        instances.rdate(start)  # DTSTART is an instance (unless past every UNTIL, as there)
    lo, hi = ctx.lo, ctx.hi
    margin = length + timedelta(days=2)
    window = (clock.wall(lo) - margin, clock.wall(hi) + timedelta(days=2))
    sequence = int(props.get("SEQUENCE", [("", "0")])[0][1])
    status = props.get("STATUS", [("", "")])[0][1].upper()
    summary = one_line(unescape(props.get("SUMMARY", [("", "")])[0][1]))[:_MAX_SUMMARY]
    count = 0
    for wall in instances.between(*window, inc=True):
        if wall.date() in excluded_days:
            continue
        if all_day:
            begin = day_start(wall.date(), ctx)
            finish = day_start((wall + length).date(), ctx)
        else:
            begin, finish = clock.utc(wall), clock.utc(wall + length)
        inside = lo <= begin < hi if finish <= begin else begin < hi and finish > lo
        if not inside:
            continue
        count += 1
        if count > ctx.limits.max_per_series:
            raise IcsRejected(first_line, "too_many_instances", str(ctx.limits.max_per_series))
        rows.append(
            (
                uid,
                f"{wall:%Y%m%d}" if all_day else f"{_stamp(begin)}Z",
                sequence,
                begin,
                max(begin, finish),
                summary,
                all_day,
                ctx.cancel_all or status == "CANCELLED",
                clock.floating,
                first_line,
            )
        )
    return ""


def _until_on(text: str, clock: _Clock, all_day: bool) -> str:
    """An UNTIL on the series' wall clock, as recurring-ical-events reads it (a date is its
    midnight)."""
    value = text.split("=", 1)[1]
    if all_day:
        return f"UNTIL={value[:8]}"
    if len(value) == 8:
        return f"UNTIL={value}T000000"
    if value.endswith("Z"):
        wall = clock.wall(wall_seconds(datetime.strptime(value[:15], "%Y%m%dT%H%M%S")))
        return f"UNTIL={wall:%Y%m%dT%H%M%S}"
    return f"UNTIL={value}"


def expand(
    unit: Unit,
    uid: str,
    ctx: Context,
    rows: list[Row],
    warnings: list[ReadWarning],
) -> tuple[str, str]:
    """Append the rows of a recurring unit's instances in the horizon; returns its UID (``uid``,
    or a stable one made from its lines) and ``"free"`` when every instance is marked free
    (TRANSP:TRANSPARENT), else ``""``.

    Raises ``IcsRejected``: a code of ``EVENT_CODES`` makes the unit unreadable, any other
    refuses the file."""

    chunks: list[tuple[int, Props]] = []
    for chunk in unit.chunks:
        props, keyed = read_event(chunk, ctx.limits)
        uid = uid or synthetic_uid(keyed)
        if first(props, "DTSTART") is None:
            raise IcsRejected(chunk.line, "no_start")
        chunks.append((chunk.line, props))
    first_line = chunks[0][0]
    frame = _frame([props for _, props in chunks], ctx)
    masters = [props for _, props in chunks if first(props, "RECURRENCE-ID") is None]
    master_transp = ""
    if masters:
        transp = first(masters[0], "TRANSP")
        master_transp = one_line(transp[1]).strip().upper() if transp else ""
    text = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//closer_desk//import//EN"]
    try:
        for _, props in chunks:
            # An override that does not say otherwise is as free as its series.
            text += _event_text(props, frame, master_transp, warnings, uid)
        text.append("END:VCALENDAR")
        if EXPAND_ALONE and len(chunks) == 1:
            outcome = _expand_alone(text[3:-1], frame, uid, first_line, rows)
            if outcome is not None:
                return uid, outcome
        import icalendar  # late: ~0.1 s to import, and most files never need it
        import recurring_ical_events

        calendar = icalendar.Calendar.from_ical("\r\n".join(text) + "\r\n")
        for component in calendar.walk("VEVENT"):
            if component.errors:
                raise IcsRejected(first_line, "bad_value", str(component.errors[0][0])[:20])
        query = recurring_ical_events.of(calendar)
        lo = EPOCH + timedelta(seconds=ctx.lo)
        hi = EPOCH + timedelta(seconds=ctx.hi)
        free = 0
        count = 0
        for count, occurrence in enumerate(query.between(lo, hi), start=1):
            if count > ctx.limits.max_per_series:
                raise IcsRejected(first_line, "too_many_instances", str(ctx.limits.max_per_series))
            if count % 256 == 0 and time.monotonic() > ctx.deadline:
                raise IcsRejected(0, "too_slow", str(ctx.limits.max_seconds))
            if str(occurrence.get("TRANSP", "")).upper() == "TRANSPARENT":
                free += 1
                continue
            start, is_date, floating = frame.read(occurrence.start)
            end = frame.read(occurrence.end)[0]
            rid = occurrence.get("RECURRENCE-ID")
            key = (
                _key(frame.read(rid.dt)[0], rid.dt)
                if rid is not None
                else _key(start, occurrence.start)
            )
            status = str(occurrence.get("STATUS", "")).upper()
            rows.append(
                (
                    uid,
                    key,
                    int(occurrence.get("SEQUENCE", 0) or 0),
                    start,
                    max(end, start),
                    one_line(str(occurrence.get("SUMMARY", "")))[:_MAX_SUMMARY],
                    is_date,
                    ctx.cancel_all or status == "CANCELLED",
                    floating,
                    first_line,
                )
            )
    except IcsRejected:
        raise
    except Exception as exc:  # icalendar/recurring-ical-events/dateutil raise many kinds
        raise IcsRejected(first_line, "bad_value", type(exc).__name__) from exc
    return uid, "free" if free and free == count else ""


def _key(utc: int, value: date) -> str:
    """An instance's key: its UTC start ``YYYYMMDDTHHMMSSZ``, or ``YYYYMMDD`` for a date."""
    if isinstance(value, datetime):
        return f"{_stamp(utc)}Z"
    return f"{value:%Y%m%d}"


__all__ = ["Prop", "Row", "expand"]
