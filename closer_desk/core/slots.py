"""``find_slots``: when the closer, the company and the prospect can all take a call.

A pure function over core objects with an injected ``now``. The three parties' windows (see
``core.availability``) are intersected, then the closer's calls and busy blocks, padded by
the closer's buffers, are swept out; slot starts land on quarter hours of the prospect's clock.
Everything runs on sorted spans of UTC epoch seconds, never minute by minute.

Buffers: a slot ``[s, e)`` is free when ``[s - buffer_before, e + buffer_after)`` overlaps no
call and no busy block, i.e. each call or block ``[b, c)`` forbids ``[b - buffer_after,
c + buffer_before)``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from closer_desk.core import tz
from closer_desk.core.availability import (
    Span,
    business_hours,
    closer_intervals_on,
    closer_local_date,
    closer_zone_on,
    dates_covering,
    day_windows,
    epoch,
    from_epoch,
    intersect,
    normalise,
    subtract,
    weekend_days,
    weekly_windows,
    zone_info,
)
from closer_desk.core.errors import ValidationError
from closer_desk.core.model import (
    ACTIVE_STATUSES,
    Appointment,
    BusyBlock,
    Closer,
    Company,
    Prospect,
)
from closer_desk.core.slot_flags import (
    SlotFlag,
    day_flags,
    edge_flags,
    public_holiday,
    usual_differences,
)

#: Slot starts fall on these minutes of the prospect's clock.
STEP_MINUTES = 15
#: Longest horizon a search may cover.
MAX_DAYS = 366
#: The most a search may stretch each party's day (minutes, at each end).
MAX_STRETCH = 180


@dataclass(frozen=True, slots=True)
class Slot:
    """A free time for the call.

    Attributes:
        start, end: aware UTC instants.
        closer_zone: the zone the closer works from that day (travel periods included).
        prospect_zone: the prospect's zone.
        flags: what to know before proposing it.
    """

    start: datetime
    end: datetime
    closer_zone: str
    prospect_zone: str
    flags: frozenset[SlotFlag] = frozenset()

    @property
    def closer_start(self) -> datetime:
        """Start on the closer's clock."""
        return tz.convert(self.start, self.closer_zone)

    @property
    def prospect_start(self) -> datetime:
        """Start on the prospect's clock."""
        return tz.convert(self.start, self.prospect_zone)

    @property
    def closer_end(self) -> datetime:
        """End on the closer's clock."""
        return tz.convert(self.end, self.closer_zone)

    @property
    def prospect_end(self) -> datetime:
        """End on the prospect's clock."""
        return tz.convert(self.end, self.prospect_zone)


def busy_spans(
    closer: Closer,
    appointments: Iterable[Appointment],
    busy: Iterable[BusyBlock],
    *,
    exclude_id: int | None = None,
) -> list[Span]:
    """The closer's taken time, padded by their buffers (see the module docstring).

    Cancelled calls and no-shows free their time; ``exclude_id`` leaves out the call being
    rescheduled.
    """
    after = closer.buffer_after * 60
    before = closer.buffer_before * 60
    spans: list[Span] = []
    # Appointments and busy blocks check their datetimes are aware when built.
    for a in appointments:
        if a.closer_id != closer.id or a.status not in ACTIVE_STATUSES or a.id == exclude_id:
            continue
        lo = int(a.start.timestamp())
        spans.append((lo - after, lo + a.minutes * 60 + before))
    for b in busy:
        if b.closer_id != closer.id:
            continue
        spans.append((int(b.start.timestamp()) - after, int(b.end.timestamp()) + before))
    return normalise(spans)


def full_days(
    closer: Closer, appointments: Iterable[Appointment], *, exclude_id: int | None = None
) -> frozenset[date]:
    """Closer-local dates on which the daily cap of calls is reached."""
    if closer.daily_cap is None:
        return frozenset()
    counts: Counter[date] = Counter(
        closer_local_date(closer, epoch(a.start_utc))
        for a in appointments
        if a.closer_id == closer.id and a.status in ACTIVE_STATUSES and a.id != exclude_id
    )
    return frozenset(d for d, n in counts.items() if n >= closer.daily_cap)


def _aligned_starts(free: Sequence[Span], length: int, zone_key: str) -> list[int]:
    """Starts on the prospect's quarter hours such that ``[s, s + length)`` fits a free span."""
    step = STEP_MINUTES * 60
    zone = zone_info(zone_key)
    starts: list[int] = []

    def offset(seconds: int) -> int:
        value = datetime.fromtimestamp(seconds, zone).utcoffset()
        assert value is not None
        return int(value.total_seconds())

    for lo, hi in free:
        if hi - lo < length:
            continue
        o = offset(lo)
        s = -(-(lo + o) // step) * step - o
        while s + length <= hi:
            current = offset(s)
            if current != o:
                # The prospect's clock changed inside this span: realign on the new offset.
                o = current
                s = -(-(s + o) // step) * step - o
                continue
            starts.append(s)
            s += step
    return starts


def find_slots(
    *,
    closer: Closer,
    prospect: Prospect,
    company: Company | None,
    minutes: int,
    start: datetime,
    end: datetime,
    now: datetime,
    appointments: Sequence[Appointment] = (),
    busy: Sequence[BusyBlock] = (),
    exclude_id: int | None = None,
    with_flags: bool = True,
    prospect_calls: Sequence[Appointment] = (),
    stretch: int = 0,
) -> list[Slot]:
    """Every free slot of ``minutes`` between ``start`` and ``end``.

    A slot lies inside the closer's hours (date overrides and travel periods applied), the
    company's hours if it narrows them, and the prospect's business hours; it keeps the
    closer's buffers clear of ``appointments`` and ``busy`` blocks, starts at least the closer's
    minimum notice after ``now``, and is not on a closer-local date whose daily cap is reached.
    It overlaps none of the prospect's live ``prospect_calls`` with other closers (their time,
    not the closer's: no buffer around them). ``exclude_id`` leaves that call out of the taken
    time (rescheduling it).

    ``stretch`` (minutes, up to ``MAX_STRETCH``) lengthens the closer's and the prospect's
    working day by that much at each end (their days off and breaks stay as they are): a
    closer in Paris and a prospect in Sydney, whose days never meet, meet in that margin. A
    slot that needs it is flagged ``OUTSIDE_CLOSER_HOURS``, ``OUTSIDE_PROSPECT_HOURS`` or
    both.
    """
    tz.require_aware(start)
    tz.require_aware(end)
    tz.require_aware(now)
    if minutes <= 0:
        raise ValidationError("minutes", "not_positive", minutes)
    if end <= start:
        raise ValidationError("to", "end_before_start", end.isoformat())
    if end - start > timedelta(days=MAX_DAYS + 1):
        raise ValidationError("days", "too_long", (end - start).days, limit=MAX_DAYS)
    if not 0 <= stretch <= MAX_STRETCH:
        raise ValidationError("stretch", "out_of_range", stretch)
    lo, hi = epoch(start), epoch(end)
    lo = max(lo, epoch(now) + closer.min_notice * 60)
    if hi <= lo:
        return []
    skip = full_days(closer, appointments, exclude_id=exclude_id)

    margin = stretch * 60
    closer_days: dict[date, list[Span]] = {}
    closer_all: list[Span] = []
    closer_wide: list[Span] = []
    for day in dates_covering(lo, hi):
        spans = day_windows(day, closer_zone_on(closer, day), closer_intervals_on(closer, day))
        closer_days[day] = spans
        if day not in skip:
            closer_all.extend(spans)
            closer_wide.extend(_widened(spans, margin))
    prospect_days: dict[date, list[Span]] = {}
    prospect_all: list[Span] = []
    prospect_wide: list[Span] = []
    hours = business_hours(prospect)
    for day in dates_covering(lo, hi):
        spans = day_windows(day, prospect.zone, hours.on(day.weekday()))
        prospect_days[day] = spans
        prospect_all.extend(spans)
        prospect_wide.extend(_widened(spans, margin))

    window = [(lo, hi)]
    common = intersect(intersect(normalise(closer_wide), normalise(prospect_wide)), window)
    if company is not None and company.hours is not None:
        common = intersect(common, weekly_windows(company.hours, company.zone, lo, hi))
    taken = busy_spans(closer, appointments, busy, exclude_id=exclude_id)
    theirs = [
        (epoch(a.start_utc), epoch(a.end_utc))
        for a in prospect_calls
        if a.prospect_id == prospect.id and a.status in ACTIVE_STATUSES and a.id != exclude_id
    ]
    free = subtract(common, normalise(taken + theirs) if theirs else taken)
    length = minutes * 60
    starts = _aligned_starts(free, length, prospect.zone)

    slots = _flagged(starts, length, closer, prospect, closer_days, prospect_days, with_flags)
    if not margin or not with_flags:
        return slots
    return _flag_outside(slots, normalise(closer_all), normalise(prospect_all))


def _widened(spans: Sequence[Span], margin: int) -> list[Span]:
    """A day's windows with its start earlier and its end later by ``margin`` seconds."""
    if not spans or not margin:
        return list(spans)
    out = list(spans)
    out[0] = (out[0][0] - margin, out[0][1])
    out[-1] = (out[-1][0], out[-1][1] + margin)
    return out


def _inside(start: int, end: int, spans: Sequence[Span]) -> bool:
    """Whether ``[start, end)`` lies within one of the sorted, merged ``spans``."""
    i = bisect_right(spans, (start, _FAR)) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


_FAR = 2**62


def _flag_outside(
    slots: list[Slot], closer_hours: list[Span], prospect_hours: list[Span]
) -> list[Slot]:
    """Flag the slots that reach outside either party's own hours (a stretched search)."""
    out: list[Slot] = []
    for slot in slots:
        s, e = epoch(slot.start), epoch(slot.end)
        extra: set[SlotFlag] = set()
        if not _inside(s, e, closer_hours):
            extra.add(SlotFlag.OUTSIDE_CLOSER_HOURS)
        if not _inside(s, e, prospect_hours):
            extra.add(SlotFlag.OUTSIDE_PROSPECT_HOURS)
        out.append(replace(slot, flags=slot.flags | extra) if extra else slot)
    return out


_EARLY_C, _LATE_C = SlotFlag.EARLY_FOR_CLOSER, SlotFlag.LATE_FOR_CLOSER
_EARLY_P, _LATE_P = SlotFlag.EARLY_FOR_PROSPECT, SlotFlag.LATE_FOR_PROSPECT


def _flagged(
    starts: Sequence[int],
    length: int,
    closer: Closer,
    prospect: Prospect,
    closer_days: dict[date, list[Span]],
    prospect_days: dict[date, list[Span]],
    with_flags: bool,
) -> list[Slot]:
    """Slots with their flags: two zone conversions per slot, the rest looked up per day."""
    weekend = weekend_days(prospect.country)
    prospect_zone = zone_info(prospect.zone)
    home_zone = zone_info(closer.zone)
    per_day: dict[date, frozenset[SlotFlag]] = {}
    closer_off: dict[tuple[str, date], bool] = {}
    out: list[Slot] = []
    for s in starts:
        home = datetime.fromtimestamp(s, home_zone)
        closer_zone = closer_zone_on(closer, home.date())
        here = (
            home
            if closer_zone == closer.zone
            else datetime.fromtimestamp(s, zone_info(closer_zone))
        )
        flags: frozenset[SlotFlag] = frozenset()
        if with_flags:
            there = datetime.fromtimestamp(s, prospect_zone)
            day = there.date()
            if day not in per_day:
                per_day[day] = day_flags(prospect.country, prospect.subdivision, weekend, day)
            found = set(per_day[day])
            mine_off = (closer_zone, here.date())
            if mine_off not in closer_off:
                closer_off[mine_off] = bool(
                    public_holiday(tz.zone_country(closer_zone), "", here.date())
                )
            if closer_off[mine_off]:
                found.add(SlotFlag.CLOSER_HOLIDAY)
            difference = int((_offset(there) - _offset(here)) // 60)
            if difference not in usual_differences(closer_zone, prospect.zone, day.year):
                found.add(SlotFlag.DST_SHIFT)
            mine = closer_days.get(here.date())
            if mine:
                found |= edge_flags(s, s + length, mine[0][0], mine[-1][1], _EARLY_C, _LATE_C)
            theirs = prospect_days.get(day)
            if theirs:
                found |= edge_flags(s, s + length, theirs[0][0], theirs[-1][1], _EARLY_P, _LATE_P)
            flags = frozenset(found)
        out.append(Slot(from_epoch(s), from_epoch(s + length), closer_zone, prospect.zone, flags))
    return out


def _offset(local: datetime) -> float:
    offset = local.utcoffset()
    assert offset is not None
    return offset.total_seconds()


def best_slots(slots: Sequence[Slot], count: int) -> list[Slot]:
    """Up to ``count`` slots worth proposing: unflagged first, one per prospect-local day,
    mid-morning or mid-afternoon of the prospect's day preferred, returned in time order."""
    if count <= 0:
        return []

    def rank(slot: Slot) -> tuple[int, int, datetime]:
        local = slot.prospect_start
        minute = local.hour * 60 + local.minute
        comfort = min(abs(minute - 10 * 60), abs(minute - 14 * 60 - 30))
        return (len(slot.flags), comfort // 60, slot.start)

    chosen: dict[date, Slot] = {}
    for slot in sorted(slots, key=rank):
        day = slot.prospect_start.date()
        if day not in chosen:
            chosen[day] = slot
    picked = sorted(chosen.values(), key=rank)[:count]
    if len(picked) < count:
        # Fewer days than wanted: fill with other slots of the best days.
        rest = [s for s in sorted(slots, key=rank) if s not in picked]
        picked += rest[: count - len(picked)]
    return sorted(picked, key=lambda s: s.start)
