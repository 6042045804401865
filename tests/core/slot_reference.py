"""A brute-force, minute-by-minute reference for ``find_slots`` and random rules to feed it.

Deliberately naive (one zone conversion per minute) so that it shares no code path with the
sweep-line implementation it checks.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from closer_desk.core.availability import business_hours
from closer_desk.core.model import (
    ACTIVE_STATUSES,
    Appointment,
    BusyBlock,
    Closer,
    Company,
    DailyInterval,
    DateOverride,
    Prospect,
    Status,
    TravelPeriod,
    WeeklyHours,
)

MATRIX_ZONES = (
    "Europe/Paris",
    "America/New_York",
    "America/Sao_Paulo",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "Pacific/Apia",
    "Africa/Casablanca",
    "Asia/Tokyo",
    "America/Bogota",
)

#: First days of horizons that straddle DST changes (EU, US, southern hemisphere, Morocco).
TRICKY_DAYS = (
    date(2026, 3, 7),
    date(2026, 3, 28),
    date(2026, 3, 31),
    date(2026, 4, 4),
    date(2026, 9, 26),
    date(2026, 10, 3),
    date(2026, 10, 24),
    date(2026, 10, 31),
    date(2026, 2, 14),
    date(2026, 3, 20),
)


def _in(intervals: tuple[DailyInterval, ...], minute: int) -> bool:
    return any(i.start <= minute < i.end for i in intervals)


def _wall(t: datetime, zone: str) -> tuple[date, int]:
    local = t.astimezone(ZoneInfo(zone))
    return local.date(), local.hour * 60 + local.minute


def _closer_date(closer: Closer, t: datetime) -> date:
    """The closer's date at ``t``: their home date picks the zone (travel), read in that zone."""
    home_day, _ = _wall(t, closer.zone)
    zone = next(
        (tr.zone for tr in closer.travels if tr.first_day <= home_day <= tr.last_day), closer.zone
    )
    return _wall(t, zone)[0]


def closer_ok(closer: Closer, t: datetime, full: set[date]) -> bool:
    zones = {closer.zone, *(tr.zone for tr in closer.travels)}
    for zone in zones:
        day, minute = _wall(t, zone)
        actual = next(
            (tr.zone for tr in closer.travels if tr.first_day <= day <= tr.last_day), closer.zone
        )
        if actual != zone or day in full:
            continue
        override = next((o for o in closer.overrides if o.day == day), None)
        intervals = override.intervals if override else closer.hours.on(day.weekday())
        if _in(intervals, minute):
            return True
    return False


def weekly_ok(hours: WeeklyHours, zone: str, t: datetime) -> bool:
    day, minute = _wall(t, zone)
    return _in(hours.on(day.weekday()), minute)


def reference_slots(
    closer: Closer,
    prospect: Prospect,
    company: Company | None,
    minutes: int,
    start: datetime,
    end: datetime,
    now: datetime,
    appointments: list[Appointment],
    busy: list[BusyBlock],
) -> list[datetime]:
    """Slot starts (UTC), checked minute by minute."""
    live = [a for a in appointments if a.status in ACTIVE_STATUSES]
    taken = [(a.start_utc, a.end_utc) for a in live] + [
        (b.start.astimezone(UTC), b.end.astimezone(UTC)) for b in busy
    ]
    full: set[date] = set()
    if closer.daily_cap is not None:
        counts: dict[date, int] = {}
        for a in live:
            day = _closer_date(closer, a.start_utc)
            counts[day] = counts.get(day, 0) + 1
        full = {d for d, n in counts.items() if n >= closer.daily_cap}
    hours = business_hours(prospect)
    one = timedelta(minutes=1)
    lo = max(start, now + timedelta(minutes=closer.min_notice)).astimezone(UTC)
    lo = lo.replace(second=0, microsecond=0) + (
        one if lo.second or lo.microsecond else timedelta(0)
    )
    ok: dict[datetime, bool] = {}

    def good(t: datetime) -> bool:
        if t not in ok:
            ok[t] = (
                closer_ok(closer, t, full)
                and weekly_ok(hours, prospect.zone, t)
                and (
                    company is None
                    or company.hours is None
                    or weekly_ok(company.hours, company.zone, t)
                )
            )
        return ok[t]

    out = []
    t = lo
    before, after = timedelta(minutes=closer.buffer_before), timedelta(minutes=closer.buffer_after)
    length = timedelta(minutes=minutes)
    while t + length <= end:
        _, local_minute = _wall(t, prospect.zone)
        if local_minute % 15 == 0 and all(good(t + k * one) for k in range(minutes)):
            padded = (t - before, t + length + after)
            if not any(b0 < padded[1] and padded[0] < b1 for b0, b1 in taken):
                out.append(t)
        t += one
    return out


# -- random rules ---------------------------------------------------------------------------
@st.composite
def day_intervals(draw: st.DrawFn) -> tuple[DailyInterval, ...]:
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return ()
    if kind == 1:
        return (DailyInterval(0, 24 * 60),)  # round the clock: slots cross local midnight
    if kind < 6:
        begin = draw(st.integers(0, 144)) * 5
        return (DailyInterval(begin, min(24 * 60, begin + draw(st.integers(48, 288)) * 5)),)
    points = sorted(draw(st.sets(st.integers(0, 288).map(lambda n: n * 5), min_size=2, max_size=4)))
    if len(points) % 2:
        points = points[:-1]
    return tuple(DailyInterval(a, b) for a, b in zip(points[::2], points[1::2], strict=True))


@st.composite
def weekly(draw: st.DrawFn) -> WeeklyHours:
    return WeeklyHours(tuple(draw(day_intervals()) for _ in range(7)))


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, object]:
    first = draw(st.sampled_from(TRICKY_DAYS))
    days = draw(st.integers(1, 2))
    closer_zone = draw(st.sampled_from(MATRIX_ZONES))
    travels: tuple[TravelPeriod, ...] = ()
    if draw(st.booleans()):
        travels = (TravelPeriod(first, first, draw(st.sampled_from(MATRIX_ZONES))),)
    overrides: tuple[DateOverride, ...] = ()
    if draw(st.booleans()):
        overrides = (DateOverride(first + timedelta(days=1), draw(day_intervals())),)
    closer = Closer(
        id=1,
        name="C",
        zone=closer_zone,
        hours=draw(weekly()),
        buffer_before=draw(st.sampled_from((0, 5, 15))),
        buffer_after=draw(st.sampled_from((0, 10, 30))),
        min_notice=draw(st.sampled_from((0, 0, 90, 600))),
        daily_cap=draw(st.sampled_from((None, None, 1, 2))),
        overrides=overrides,
        travels=travels,
    )
    prospect = Prospect(
        id=1,
        name="P",
        zone=draw(st.sampled_from(MATRIX_ZONES)),
        country=draw(st.sampled_from(("", "FR", "SA", "US"))),
        hours=draw(st.one_of(st.none(), weekly())),
    )
    company = None
    if draw(st.booleans()):
        company = Company(
            id=1, name="Co", zone=draw(st.sampled_from(MATRIX_ZONES)), hours=draw(weekly())
        )
    start = datetime(first.year, first.month, first.day, tzinfo=UTC) + timedelta(
        hours=draw(st.integers(-14, 14))
    )
    end = start + timedelta(days=days)
    now = start + timedelta(minutes=draw(st.integers(-600, 1200)))
    calls = []
    for n in range(draw(st.integers(0, 4))):
        at = start + timedelta(minutes=draw(st.integers(-120, days * 1440)))
        calls.append(
            Appointment(
                id=n + 1,
                closer_id=1,
                company_id=1,
                prospect_id=1,
                start=at,
                minutes=draw(st.sampled_from((15, 30, 45, 60))),
                status=draw(st.sampled_from((Status.PLANNED, Status.CANCELLED, Status.DONE))),
            )
        )
    busy = []
    for n in range(draw(st.integers(0, 4))):
        at = start + timedelta(minutes=draw(st.integers(-120, days * 1440)))
        busy.append(
            BusyBlock(
                id=n + 1,
                closer_id=1,
                start=at,
                end=at + timedelta(minutes=draw(st.integers(1, 180))),
            )
        )
    return {
        "closer": closer,
        "prospect": prospect,
        "company": company,
        "minutes": draw(st.sampled_from((15, 20, 30, 45, 90))),
        "start": start,
        "end": end,
        "now": now,
        "appointments": calls,
        "busy": busy,
    }
