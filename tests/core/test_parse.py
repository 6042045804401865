"""Validation of what users type: one rule, one code, shared by the CLI and the window."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from closer_desk.core import parse
from closer_desk.core.errors import ValidationError
from closer_desk.core.model import DailyInterval, WeeklyHours


def refused(call, *args, code: str | None = None, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        call(*args, **kwargs)
    if code is not None:
        assert info.value.code == code
    return info.value


# -- hours -------------------------------------------------------------------------------------
def test_plain_hours_mean_monday_to_friday():
    hours = parse.parse_weekly_hours("09:00-18:00")
    assert hours.days[:5] == ((DailyInterval(540, 1080),),) * 5
    assert hours.days[5:] == ((), ())


def test_hours_by_day_groups():
    hours = parse.parse_weekly_hours("mon-thu 09:00-12:00,14:00-18:00; fri 9h-13h; sat 10:00-12:00")
    assert hours.on(0) == (DailyInterval(540, 720), DailyInterval(840, 1080))
    assert hours.on(3) == hours.on(0)
    assert hours.on(4) == (DailyInterval(540, 780),)
    assert hours.on(5) == (DailyInterval(600, 720),)
    assert hours.on(6) == ()


def test_hours_accept_french_days_lists_and_wrapping_ranges():
    assert parse.parse_weekly_hours("lun,mer 10:00-11:00").on(2) == (DailyInterval(600, 660),)
    wrapped = parse.parse_weekly_hours("fri-mon 10:00-11:00")
    assert [bool(d) for d in wrapped.days] == [True, False, False, False, True, True, True]


def test_hours_until_midnight_and_off():
    assert parse.parse_weekly_hours("sun 20:00-24:00").on(6) == (DailyInterval(1200, 1440),)
    assert parse.parse_weekly_hours("off") == WeeklyHours(((),) * 7)
    assert parse.parse_intervals("off") == ()


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        # Once, the second group replaced the first: only the afternoon was kept.
        ("mon-fri 09:00-12:00; mon-fri 14:00-18:00", "mon-fri 09:00-12:00,14:00-18:00"),
        ("mon-fri 09:00-12:00,11:00-13:00", "mon-fri 09:00-13:00"),
        ("09:00-12:00,12:00-14:00", "mon-fri 09:00-14:00"),
        (
            "mon-fri 09:00-18:00; wed 08:00-10:00,17:00-20:00",
            "mon-tue 09:00-18:00; wed 08:00-20:00; thu-fri 09:00-18:00",
        ),
        ("mon 14:00-18:00; mon 09:00-12:00; lun 10:00-11:00", "mon 09:00-12:00,14:00-18:00"),
        ("sat 10:00-12:00; sat 10:00-12:00", "sat 10:00-12:00"),
    ],
)
def test_repeated_days_merge_and_overlapping_hours_join(spec, expected):
    hours = parse.parse_weekly_hours(spec)
    assert parse.format_weekly_hours(hours) == expected
    assert parse.parse_weekly_hours(parse.format_weekly_hours(hours)) == hours


@pytest.mark.parametrize("spec", ["", "   ", "\t"])
def test_empty_hours_are_bad_input(spec):
    refused(parse.parse_weekly_hours, spec, code="empty")


@pytest.mark.parametrize(
    ("spec", "code"),
    [
        ("", "empty"),
        ("09:00", "bad_interval"),
        ("18:00-09:00", "end_before_start"),
        ("25:00-26:00", "bad_clock"),
        ("09:60-10:00", "bad_clock"),
        ("24:30-24:45", "bad_clock"),
        ("moon 09:00-10:00", "bad_weekday"),
        ("mon", "bad_hours"),
        ("mon 9-", "bad_clock"),
    ],
)
def test_bad_hours_are_refused_with_a_code(spec, code):
    error = refused(parse.parse_weekly_hours, spec, code=code)
    assert error.field == "hours"


intervals_of_a_day = st.lists(st.integers(0, 24 * 4), min_size=0, max_size=8, unique=True).map(
    lambda marks: tuple(
        DailyInterval(a * 15, b * 15)
        for a, b in zip(sorted(marks)[::2], sorted(marks)[1::2], strict=False)
    )
)


@given(st.tuples(*[intervals_of_a_day] * 7))
def test_weekly_hours_round_trip_through_text(days):
    hours = WeeklyHours(days)
    text = parse.format_weekly_hours(hours)
    assert parse.parse_weekly_hours(text) == hours


@given(st.integers(0, 24 * 60))
def test_clock_round_trip(minutes):
    assert parse.parse_clock(parse.format_clock(minutes)) == minutes


# -- rates, money, currency --------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["15", "15%", " 15 % ", "15,0", "15.0", "15.00 %"])
def test_a_typed_rate_is_always_a_percentage(typed):
    assert parse.parse_rate(typed) == Decimal("0.15")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("10", "0.10"),
        ("20%", "0.20"),
        ("12.5", "0.125"),
        ("0", "0"),
        ("100%", "1"),
        ("100", "1"),
        # Once read as fractions: "1" was 100% and "1.5" 1.5%, "0.15" 15%.
        ("1", "0.01"),
        ("1.5", "0.015"),
        ("0.12", "0.0012"),
        ("0.15", "0.0015"),
        ("12.34", "0.1234"),
    ],
)
def test_rates(typed, expected):
    assert parse.parse_rate(typed) == Decimal(expected)


@pytest.mark.parametrize(("held", "expected"), [("0.15", "0.15"), ("1", "1"), ("0", "0")])
def test_a_decimal_rate_is_the_fraction_the_model_holds(held, expected):
    assert parse.parse_rate(Decimal(held)) == Decimal(expected)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("abc", "not_a_number"),
        ("-5", "negative"),
        ("150", "too_high"),
        ("101%", "too_high"),
        ("100.01", "too_high"),
        ("12.345", "too_precise"),
        (Decimal("1.5"), "too_high"),
        ("NaN", "not_a_number"),
        ("", "not_a_number"),
    ],
)
def test_bad_rates(typed, code):
    refused(parse.parse_rate, typed, code=code)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("1500", "1500.00"), ("1 500,5", None), ("1500,5", "1500.50"), ("0", "0.00")],
)
def test_money(typed, expected):
    if expected is None:
        refused(parse.parse_money, typed, code="not_a_number")
    else:
        assert parse.parse_money(typed) == Decimal(expected)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("-1", "negative"),
        ("x", "not_a_number"),
        ("Infinity", "not_a_number"),
        ("NaN", "not_a_number"),
    ],
)
def test_bad_money(typed, code):
    refused(parse.parse_money, typed, code=code)


@pytest.mark.parametrize(("typed", "expected"), [("eur", "EUR"), (" CAD ", "CAD"), ("aed", "AED")])
def test_currency(typed, expected):
    assert parse.parse_currency(typed) == expected


@pytest.mark.parametrize("typed", ["EU", "EURO", "€", "", "E1R", "XYZ"])
def test_bad_currency(typed):
    refused(parse.parse_currency, typed, code="bad_currency")


# -- links, phones and the rest ----------------------------------------------------------------
@pytest.mark.parametrize(
    "typed",
    [
        "https://meet.example.com/abc-def",
        "HTTPS://zoom.example/j/123?pwd=x",
        "  https://x.example  ",
    ],
)
def test_https_links_are_accepted(typed):
    assert parse.parse_video_url(typed) == typed.strip()


def test_no_link_is_allowed():
    assert parse.parse_video_url("") == ""


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("javascript:alert(1)", "scheme"),
        ("JavaScript:alert(document.cookie)", "scheme"),
        ("data:text/html,<script>alert(1)</script>", "scheme"),
        ("http://meet.example.com/abc", "scheme"),
        ("file:///etc/passwd", "scheme"),
        ("meet.example.com/abc", "scheme"),
        ("https://", "bad_url"),
        ("https:///path", "bad_url"),
        ("https://x.example/a\r\nATTENDEE:mailto:evil@example.com", "bad_url"),
        ("https://x.example/a b", "bad_url"),
    ],
)
def test_other_links_are_refused(typed, code):
    error = refused(parse.parse_video_url, typed, code=code)
    assert error.field == "url"


@pytest.mark.parametrize(
    ("typed", "country", "e164"),
    [
        ("+33 6 12 34 56 78", "", "+33612345678"),
        ("06 12 34 56 78", "FR", "+33612345678"),
        ("+1 (514) 555-0123", "", "+15145550123"),
        ("(514) 555-0123", "ca", "+15145550123"),
        ("+971 50 123 4567", "", "+971501234567"),
        ("", "", ""),
    ],
)
def test_phones_become_e164(typed, country, e164):
    assert parse.parse_phone(typed, country) == e164


@pytest.mark.parametrize(
    ("typed", "country"),
    [
        ("abc", ""),
        ("06 12 34 56 78", ""),
        ("+33 1", ""),
        ("+999 123456", ""),
        ("12345678901234567890", "FR"),
    ],
)
def test_malformed_phones_are_refused(typed, country):
    refused(parse.parse_phone, typed, country, code="bad_phone")


def test_wall_times_and_dates():
    assert parse.parse_wall_time("2026-03-03 15:00") == datetime(2026, 3, 3, 15, 0)
    assert parse.parse_wall_time("2026-03-03T15:00:30") == datetime(2026, 3, 3, 15, 0, 30)
    assert parse.parse_date(" 2026-03-03 ") == date(2026, 3, 3)
    refused(parse.parse_wall_time, "2026-02-30 10:00", code="bad_datetime")
    refused(parse.parse_wall_time, "tomorrow", code="bad_datetime")
    refused(parse.parse_wall_time, "2026-03-03 15:00+01:00", code="bad_datetime")
    refused(parse.parse_date, "03/03/2026", code="bad_date")


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("0", "not_positive"),
        ("-30", "not_positive"),
        ("abc", "not_a_number"),
        ("1441", "too_long"),
        ("", "not_a_number"),
    ],
)
def test_bad_minutes(typed, code):
    refused(parse.parse_minutes, typed, code=code)


def test_minutes():
    assert parse.parse_minutes("45") == 45
    assert parse.parse_minutes(1440) == 1440


def test_emails_colours_countries_languages():
    assert parse.parse_email(" a.b@example.com ") == "a.b@example.com"
    refused(parse.parse_email, "Eve <eve@example.com>", code="bad_email")
    refused(parse.parse_email, "eve@example.com\nBcc: x@example.com", code="bad_email")
    assert parse.parse_color("#AABBCC") == "#aabbcc"
    refused(parse.parse_color, "red", code="bad_color")
    assert parse.parse_country("ca") == "CA"
    refused(parse.parse_country, "CAN", code="bad_country")
    assert parse.parse_language("FR") == "fr"
    refused(parse.parse_language, "french", code="bad_language")


def test_subdivision_is_checked_against_the_countrys_regions():
    assert parse.parse_subdivision(" qc ", "CA") == "QC"
    assert parse.parse_subdivision("", "CA") == ""
    assert parse.parse_subdivision("ZZ", "") == "ZZ"  # no country: nothing to check against
    with pytest.raises(ValidationError) as caught:
        parse.parse_subdivision("QB", "CA")
    assert (caught.value.field, caught.value.code) == ("subdivision", "bad_subdivision")
