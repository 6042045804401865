"""Zone lookup, localisation of wall times (gaps and overlaps never guessed), local days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from closer_desk.core import tz
from closer_desk.core.errors import (
    AmbiguousTimeError,
    NaiveDatetimeError,
    NonExistentTimeError,
    UnknownZoneError,
)


def wall(text: str) -> datetime:
    return datetime.fromisoformat(text)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def on_utc_line(dt: datetime) -> datetime:
    """Compare instants in UTC: Python compares two datetimes of one zone by wall time, and
    never finds a fall-back time equal to another zone's datetime (PEP 495)."""
    return tz.to_utc(dt)


# zone, wall time in the gap, the two instants it could mean (UTC)
GAPS = [
    ("Europe/Paris", "2026-03-29 02:30", "2026-03-29 00:30", "2026-03-29 01:30"),
    ("America/New_York", "2026-03-08 02:30", "2026-03-08 06:30", "2026-03-08 07:30"),
    # Lord Howe moves its clocks by 30 minutes only.
    ("Australia/Lord_Howe", "2026-10-04 02:15", "2026-10-03 15:15", "2026-10-03 15:45"),
    # Samoa skipped 30 December 2011 entirely, crossing the date line.
    ("Pacific/Apia", "2011-12-30 10:00", "2011-12-29 20:00", "2011-12-30 20:00"),
    # Brazil sprang forward at midnight: 00:30 did not exist on 4 November 2018.
    ("America/Sao_Paulo", "2018-11-04 00:30", "2018-11-04 02:30", "2018-11-04 03:30"),
]

OVERLAPS = [
    ("Europe/Paris", "2026-10-25 02:30", "2026-10-25 00:30", "2026-10-25 01:30"),
    ("America/New_York", "2026-11-01 01:30", "2026-11-01 05:30", "2026-11-01 06:30"),
    ("Australia/Lord_Howe", "2026-04-05 01:45", "2026-04-04 14:45", "2026-04-04 15:15"),
]


@pytest.mark.parametrize(("zone", "text", "earlier", "later"), GAPS)
def test_localize_refuses_a_gap_and_names_both_instants(zone, text, earlier, later):
    with pytest.raises(NonExistentTimeError) as info:
        tz.localize(wall(text), zone)
    error = info.value
    assert error.zone == zone
    assert error.wall == wall(text)
    assert on_utc_line(error.earlier) == utc(earlier)
    assert on_utc_line(error.later) == utc(later)
    assert error.earlier.tzinfo is not None and tz.zone_name(error.earlier) == zone


@pytest.mark.parametrize(("zone", "text", "earlier", "later"), GAPS)
def test_localize_in_a_gap_takes_the_instant_the_user_picks(zone, text, earlier, later):
    assert on_utc_line(tz.localize(wall(text), zone, choose="earlier")) == utc(earlier)
    assert on_utc_line(tz.localize(wall(text), zone, choose="later")) == utc(later)


@pytest.mark.parametrize(("zone", "text", "earlier", "later"), OVERLAPS)
def test_localize_refuses_an_overlap_and_names_both_instants(zone, text, earlier, later):
    with pytest.raises(AmbiguousTimeError) as info:
        tz.localize(wall(text), zone)
    assert on_utc_line(info.value.earlier) == utc(earlier)
    assert on_utc_line(info.value.later) == utc(later)
    # Both candidates show the wall time that was typed: it happened twice.
    assert info.value.earlier.replace(tzinfo=None) == wall(text)
    assert info.value.later.replace(tzinfo=None) == wall(text)
    assert info.value.earlier.fold == 0 and info.value.later.fold == 1


@pytest.mark.parametrize(("zone", "text", "earlier", "later"), OVERLAPS)
def test_localize_in_an_overlap_takes_the_instant_the_user_picks(zone, text, earlier, later):
    picked = tz.localize(wall(text), zone, choose="later")
    assert on_utc_line(picked) == utc(later)
    assert picked.replace(tzinfo=None) == wall(text)
    assert on_utc_line(tz.localize(wall(text), zone, choose="earlier")) == utc(earlier)


@pytest.mark.parametrize(
    ("zone", "text", "offset"),
    [
        ("Asia/Kathmandu", "2026-07-01 10:00", timedelta(hours=5, minutes=45)),
        ("Europe/Paris", "2026-03-29 03:00", timedelta(hours=2)),  # first minute after the gap
        ("Europe/Paris", "2026-03-29 01:59", timedelta(hours=1)),  # last minute before it
        ("Australia/Lord_Howe", "2026-07-01 09:00", timedelta(hours=10, minutes=30)),
        ("Pacific/Apia", "2011-12-31 00:00", timedelta(hours=14)),
        ("UTC", "2026-10-25 02:30", timedelta(0)),
    ],
)
def test_localize_an_ordinary_time(zone, text, offset):
    aware = tz.localize(wall(text), zone)
    assert aware.replace(tzinfo=None) == wall(text)
    assert aware.utcoffset() == offset


def test_localize_takes_only_naive_wall_times():
    with pytest.raises(ValueError):
        tz.localize(datetime(2026, 1, 1, tzinfo=UTC), "Europe/Paris")


def test_kathmandu_offset_is_formatted_to_the_minute():
    instant = tz.localize(wall("2026-01-15 09:00"), "Asia/Kathmandu")
    assert tz.format_offset(tz.utc_offset(instant, "Asia/Kathmandu")) == "+05:45"
    assert tz.format_offset(tz.utc_offset(instant, "America/St_Johns")) == "-03:30"
    assert tz.convert(instant, "UTC") == utc("2026-01-15 03:15")


@pytest.mark.parametrize(
    ("typed", "iana"),
    [
        ("Romance Standard Time", "Europe/Paris"),
        ("Pacific Standard Time", "America/Los_Angeles"),
        ('"Eastern Standard Time"', "America/New_York"),
        ("Europe/Paris", "Europe/Paris"),
        ("europe/paris", "Europe/Paris"),
        ("  Asia/Kathmandu ", "Asia/Kathmandu"),
        ("utc", "UTC"),
        ("Z", "UTC"),
    ],
)
def test_zone_names_are_mapped_to_iana(typed, iana):
    assert tz.canonical_zone_name(typed) == iana
    assert tz.zone(typed).key == iana


@pytest.mark.parametrize(
    "typed", ["Mars/Olympus_Mons", "", "Paris", "Europe/Paris/", "../etc/passwd"]
)
def test_unknown_zone_is_refused_with_its_name(typed):
    with pytest.raises(UnknownZoneError) as info:
        tz.zone(typed)
    assert info.value.name == typed
    with pytest.raises(UnknownZoneError):
        tz.localize(wall("2026-01-01 10:00"), typed)


@pytest.mark.parametrize(
    ("zone", "day", "hours"),
    [
        ("Europe/Paris", date(2026, 3, 29), 23),
        ("Europe/Paris", date(2026, 10, 25), 25),
        ("Europe/Paris", date(2026, 6, 1), 24),
        ("America/New_York", date(2026, 3, 8), 23),
        ("America/New_York", date(2026, 11, 1), 25),
        ("Australia/Lord_Howe", date(2026, 10, 4), 23.5),
        ("Australia/Lord_Howe", date(2026, 4, 5), 24.5),
        # Midnight did not exist: the day starts at 01:00 and lasts 23 hours.
        ("America/Sao_Paulo", date(2018, 11, 4), 23),
        # The day Samoa skipped has no instant at all.
        ("Pacific/Apia", date(2011, 12, 30), 0),
    ],
)
def test_day_bounds_follow_the_local_day(zone, day, hours):
    start, end = tz.day_bounds(day, zone)
    assert on_utc_line(end) - on_utc_line(start) == timedelta(hours=hours)
    assert start.tzinfo is not None and end.tzinfo is not None
    # The day starts at the first instant that exists on it and ends at the next day's start.
    assert start.astimezone(tz.zone(zone)).date() == day or hours == 0
    assert on_utc_line(tz.day_bounds(day + timedelta(days=1), zone)[0]) == on_utc_line(end)


def test_sao_paulo_day_starts_at_one_in_the_morning():
    start, _ = tz.day_bounds(date(2018, 11, 4), "America/Sao_Paulo")
    assert start.astimezone(tz.zone("America/Sao_Paulo")).replace(tzinfo=None) == wall(
        "2018-11-04 01:00"
    )


def test_naive_datetimes_are_refused():
    naive = datetime(2026, 3, 3, 10, 0)
    for call in (tz.require_aware, tz.to_utc, tz.zone_name):
        with pytest.raises(NaiveDatetimeError):
            call(naive)
    with pytest.raises(NaiveDatetimeError):
        tz.convert(naive, "Europe/Paris")


def test_zone_name_of_fixed_offsets_and_zoneinfo():
    assert tz.zone_name(tz.localize(wall("2026-01-01 10:00"), "Asia/Tokyo")) == "Asia/Tokyo"
    assert tz.zone_name(datetime(2026, 1, 1, tzinfo=UTC)) == "UTC"
    assert tz.zone_name(datetime(2026, 1, 1, tzinfo=timezone(timedelta(hours=3)))) == "UTC"


def test_convert_keeps_the_instant():
    instant = tz.localize(wall("2026-03-03 15:00"), "Europe/Paris")
    for zone in ("America/Toronto", "Asia/Dubai", "Asia/Tokyo", "Pacific/Apia"):
        seen = tz.convert(instant, zone)
        assert seen == instant
        assert tz.zone_name(seen) == zone


ZONES = [
    "Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia",
    "America/Sao_Paulo", "Asia/Kathmandu", "America/Bogota", "Australia/Sydney", "UTC",
]  # fmt: skip


@given(
    st.datetimes(min_value=datetime(2005, 1, 1), max_value=datetime(2035, 12, 31)),
    st.sampled_from(ZONES),
)
def test_localize_keeps_the_wall_time_or_names_two_real_instants(wall_time, zone):
    wall_time = wall_time.replace(second=0, microsecond=0)
    try:
        aware = tz.localize(wall_time, zone)
    except NonExistentTimeError as gap:
        assert on_utc_line(gap.earlier) < on_utc_line(gap.later)
        # neither candidate shows the wall time that was typed: it does not exist
        for instant in (gap.earlier, gap.later):
            assert tz.convert(instant, zone).replace(tzinfo=None) != wall_time
    except AmbiguousTimeError as overlap:
        assert on_utc_line(overlap.earlier) < on_utc_line(overlap.later)
        for instant in (overlap.earlier, overlap.later):
            assert tz.convert(instant, zone).replace(tzinfo=None) == wall_time
    else:
        assert aware.replace(tzinfo=None) == wall_time
        # read back from UTC, it is the same wall time: the instant is the one meant
        assert tz.convert(tz.to_utc(aware), zone).replace(tzinfo=None) == wall_time


def test_the_zones_known_are_the_bundled_tz_databases() -> None:
    from zoneinfo import available_timezones

    import tzdata

    known = tz.all_zone_names()
    assert {"Europe/Paris", "America/Toronto", "Asia/Kathmandu", "UTC"} <= known
    # Read from tzdata's own list (not by scanning the system's zoneinfo folders): the same
    # zones, without the system's extras such as "localtime".
    assert known <= available_timezones()
    assert len(known) > 590 and tzdata.IANA_VERSION
