"""A series without overrides is expanded by closer_desk itself (fast); every other one by
recurring-ical-events. Both must give the same instances for the same series."""

from __future__ import annotations

import pytest

from closer_desk.core.ics import series
from tests.helpers.ics import calendar, fixture, parse

ZONE = "\n".join(
    [
        "BEGIN:VTIMEZONE",
        "TZID:Office",
        "BEGIN:STANDARD",
        "DTSTART:16011028T030000",
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:16010325T020000",
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
    ]
)

SERIES = {
    "weekly_utc": "DTSTART:20260302T090000Z\nDTEND:20260302T100000Z\nRRULE:FREQ=WEEKLY;COUNT=6",
    "daily_paris_dst": (
        "DTSTART;TZID=Europe/Paris:20260325T090000\nDURATION:PT45M\n"
        "RRULE:FREQ=DAILY;UNTIL=20260403T070000Z"
    ),
    "weekly_new_york_exdate_utc": (
        "DTSTART;TZID=America/New_York:20260302T100000\n"
        "DTEND;TZID=America/New_York:20260302T110000\n"
        "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8\nEXDATE:20260309T140000Z"
    ),
    "exdate_in_another_zone": (
        "DTSTART;TZID=Europe/Berlin:20260302T100000\nDURATION:PT1H\n"
        "RRULE:FREQ=WEEKLY;COUNT=4\nEXDATE;TZID=Europe/London:20260309T090000"
    ),
    "exdate_as_date": (
        "DTSTART:20260302T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=5\n"
        "EXDATE;VALUE=DATE:20260304"
    ),
    "rdate_times": (
        "DTSTART;TZID=Asia/Tokyo:20260302T090000\nDURATION:PT30M\n"
        "RDATE;TZID=Asia/Tokyo:20260310T150000,20260311T150000\nRDATE:20260312T000000Z"
    ),
    "monthly_last_friday": (
        "DTSTART;TZID=Europe/Paris:20260130T170000\nDURATION:PT1H\n"
        "RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=10"
    ),
    "yearly_all_day": "DTSTART;VALUE=DATE:20200310\nDTEND;VALUE=DATE:20200311\nRRULE:FREQ=YEARLY",
    "all_day_weekly_until_date": (
        "DTSTART;VALUE=DATE:20260302\nRRULE:FREQ=WEEKLY;UNTIL=20260330\nEXDATE;VALUE=DATE:20260316"
    ),
    "floating_daily": "DTSTART:20260328T083000\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=4",
    "file_zone_weekly_across_dst": (
        "DTSTART;TZID=Office:20260323T090000\nDTEND;TZID=Office:20260323T093000\n"
        "RRULE:FREQ=WEEKLY;UNTIL=20260410T000000Z"
    ),
    "start_past_until": (
        "DTSTART:20260310T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;UNTIL=20260301T000000Z"
    ),
    "until_between_parts_outlook": (
        "DTSTART;TZID=Europe/Berlin:20260303T161500\nDURATION:PT1H30M\n"
        "RRULE:FREQ=WEEKLY;UNTIL=20260331T151459Z;INTERVAL=1;BYDAY=TU;WKST=SU"
    ),
    "rule_with_a_trailing_semicolon": "DTSTART:20260302T090000Z\nRRULE:FREQ=WEEKLY;COUNT=3;",
    "rule_with_spaces_in_byday": (
        "DTSTART:20260302T090000Z\nRRULE:FREQ=DAILY;COUNT=6;BYDAY=MO, TU, WE"
    ),
    "long_ago_daily": "DTSTART:20150101T080000Z\nDURATION:PT15M\nRRULE:FREQ=DAILY",
    "cancelled_weekly": (
        "DTSTART:20260302T090000Z\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;COUNT=2\nSTATUS:CANCELLED"
    ),
    "summary_escapes": (
        "DTSTART:20260302T090000Z\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;COUNT=2\n"
        "SUMMARY:a\\, b\\; c\\n d"
    ),
    "two_rules": (
        "DTSTART:20260302T090000Z\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;COUNT=2\n"
        "RRULE:FREQ=MONTHLY;COUNT=3"
    ),
}


def _both(text: str, monkeypatch: pytest.MonkeyPatch, **kwargs: object) -> tuple[object, object]:
    fast = parse(text, **kwargs)
    monkeypatch.setattr(series, "EXPAND_ALONE", False)
    slow = parse(text, **kwargs)
    monkeypatch.setattr(series, "EXPAND_ALONE", True)
    return fast, slow


@pytest.mark.parametrize("name", sorted(SERIES))
def test_both_paths_give_the_same_instances(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = calendar(f"UID:{name}@x\n{SERIES[name]}", header=ZONE)
    fast, slow = _both(text, monkeypatch)
    assert fast.occurrences == slow.occurrences  # type: ignore[attr-defined]
    # a start after its rule's UNTIL is no instance in either
    assert bool(fast.occurrences) == (name != "start_past_until")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "name",
    [
        "x_wr_timezone_google.ics",
        "tz_windows_format.ics",
        "tzid_integer.ics",
        "created_junk_outlook.ics",
        "tz_windows_display_name.ics",
        "tzid_escaped_commas.ics",
        "rdate_date_with_z_google.ics",
    ],
)
def test_both_paths_agree_on_the_fixtures(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = _both(fixture(name), monkeypatch)
    assert fast.occurrences == slow.occurrences  # type: ignore[attr-defined]
