"""Instants on the rows of a day of the grid in one zone: other closers' hours and clocks."""

from __future__ import annotations

from datetime import date

from closer_desk.core.grid_time import (
    clipped_minutes,
    hour_marks,
    offset_minutes,
    wall_minutes,
    working_minutes,
)
from closer_desk.core.model import Closer, DateOverride, WeeklyHours
from tests.helpers.factories import at

WEDNESDAY = date(2026, 3, 4)
TORONTO = Closer(
    2, "Sophie Tremblay", "America/Toronto", hours=WeeklyHours.uniform(9 * 60, 17 * 60)
)


def seconds(text: str, zone: str) -> int:
    return int(at(text, zone).timestamp())


def test_an_instant_falls_on_the_row_of_its_wall_time_in_the_grids_zone() -> None:
    assert (
        wall_minutes(seconds("2026-03-04 10:00", "America/Toronto"), WEDNESDAY, "Europe/Paris")
        == 16 * 60
    )
    # The evening in Toronto is after midnight in Paris: past the end of the Paris day.
    late = seconds("2026-03-04 20:00", "America/Toronto")
    assert wall_minutes(late, WEDNESDAY, "Europe/Paris") == 26 * 60
    assert clipped_minutes(
        seconds("2026-03-04 17:00", "America/Toronto"), late, WEDNESDAY, "Europe/Paris"
    ) == (23 * 60, 24 * 60)
    assert clipped_minutes(late, late + 3600, WEDNESDAY, "Europe/Paris") is None


def test_another_closers_hours_are_drawn_where_they_happen() -> None:
    assert working_minutes(TORONTO, WEDNESDAY, "Europe/Paris") == ((15 * 60, 23 * 60),)
    assert working_minutes(TORONTO, WEDNESDAY, "America/Toronto") == ((9 * 60, 17 * 60),)
    # A day off is no hours at all.
    off = Closer(2, "Sophie", "America/Toronto", overrides=(DateOverride(WEDNESDAY),))
    assert working_minutes(off, WEDNESDAY, "Europe/Paris") == ()


def test_the_weeks_the_clocks_do_not_change_together() -> None:
    # 11 March 2026: New York is on summer time, Paris not yet: five hours, not six.
    assert offset_minutes(date(2026, 3, 11), "Europe/Paris", "America/New_York") == -300
    assert offset_minutes(WEDNESDAY, "Europe/Paris", "America/New_York") == -360
    assert offset_minutes(WEDNESDAY, "Europe/Paris", "Asia/Kolkata") == 270


def test_another_clocks_hours_mark_the_grid() -> None:
    kolkata = hour_marks(WEDNESDAY, "Europe/Paris", "Asia/Kolkata")
    assert kolkata[:2] == ((30, 5), (90, 6))  # half an hour off the grid's lines
    toronto = hour_marks(WEDNESDAY, "Europe/Paris", "America/Toronto")
    assert toronto[0] == (0, 18) and len(toronto) == 24
    # The spring-forward night in Paris: 23 hours, the row of 02:00 never happens.
    paris = hour_marks(date(2026, 3, 29), "Europe/Paris", "Europe/Paris")
    assert len(paris) == 23 and (120, 2) not in paris
