"""Which days each view shows, and how the grid and the details pane share the width."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from closer_desk.core.calendar_views import (
    View,
    column_width,
    days_in_view,
    month_of,
    pane_width,
    shift_month,
    step,
    week_of,
    work_week_of,
)
from tests.helpers.fuzzing import examples

WEDNESDAY = date(2026, 3, 4)
SUNDAY = date(2026, 3, 8)


def test_a_week_starts_on_the_day_the_locale_says() -> None:
    assert week_of(WEDNESDAY)[0] == date(2026, 3, 2)  # Monday
    assert week_of(WEDNESDAY, first_weekday=6)[0] == date(2026, 3, 1)  # Sunday
    # A Sunday belongs to the week it ends (Monday start) or starts (Sunday start).
    assert week_of(SUNDAY)[0] == date(2026, 3, 2)
    assert week_of(SUNDAY, first_weekday=6)[0] == SUNDAY


def test_the_work_week_is_the_working_days_of_that_week() -> None:
    assert work_week_of(WEDNESDAY) == [date(2026, 3, d) for d in range(2, 7)]
    # With weeks from Sunday, the Sunday 8 March opens the week of Monday 9 to Friday 13.
    assert work_week_of(SUNDAY, first_weekday=6) == [date(2026, 3, d) for d in range(9, 14)]
    # Sunday to Thursday where those are the working days, in the order of the week.
    assert work_week_of(WEDNESDAY, 6, {6, 0, 1, 2, 3}) == [
        date(2026, 3, 1),
        date(2026, 3, 2),
        date(2026, 3, 3),
        date(2026, 3, 4),
        date(2026, 3, 5),
    ]
    assert len(work_week_of(WEDNESDAY, 0, set())) == 7  # no working day: the whole week


def test_the_month_is_whole_weeks_covering_it() -> None:
    march = month_of(WEDNESDAY)
    assert march[0] == date(2026, 2, 23) and march[-1] == date(2026, 4, 5)
    assert len(march) == 42
    # February 2027 starts on a Monday and has four weeks exactly.
    february = month_of(date(2027, 2, 14))
    assert february[0] == date(2027, 2, 1) and len(february) == 28
    assert month_of(WEDNESDAY, first_weekday=6)[0] == date(2026, 3, 1)


@given(st.dates(date(1900, 1, 1), date(2199, 12, 1)), st.integers(0, 6))
@settings(max_examples=examples(200))
def test_every_view_holds_its_day_and_starts_its_week(day: date, first: int) -> None:
    for view in View:
        days = days_in_view(view, day, first)
        assert days == sorted(days)
        if view != View.WORK_WEEK:
            assert day in days
        if view in (View.WEEK, View.MONTH, View.LIST):
            assert days[0].weekday() == first and len(days) % 7 == 0
    month = month_of(day, first)
    last = shift_month(day.replace(day=1), 1) - timedelta(days=1)
    assert day.replace(day=1) in month and last in month
    assert (month[-1] - last).days < 7 and 4 * 7 <= len(month) <= 6 * 7


def test_pages_move_by_the_view() -> None:
    assert step(View.DAY, WEDNESDAY, 1) == date(2026, 3, 5)
    assert step(View.WORK_WEEK, WEDNESDAY, -1) == date(2026, 2, 25)
    assert step(View.MONTH, date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert step(View.MONTH, date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert step(View.MONTH, date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert shift_month(date(2028, 3, 31), -1) == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("total", "wanted", "expected"),
    [
        (1400, 480, 480),  # room for both
        (1000, 480, 312),  # the grid keeps its 688 pixels: the pane gives way
        (700, 480, 260),  # not even that: the pane stays at its minimum (the grid scrolls)
        (1400, 200, 260),  # never under its minimum
    ],
)
def test_the_pane_gives_way_to_the_grid(total: int, wanted: int, expected: int) -> None:
    assert pane_width(total, wanted, pane_minimum=260, grid_minimum=688) == expected


def test_columns_share_the_width_down_to_a_readable_minimum() -> None:
    assert column_width(700, 7, 50) == 100
    assert column_width(280, 7, 50) == 50  # the grid scrolls sideways rather than shrink
    assert column_width(300, 0, 50) == 300
