"""Which days each agenda view shows, and how wide its parts may be: plain arithmetic.

Weekdays are numbered as ``date.weekday()`` does (Monday 0 ... Sunday 6). The window passes
the locale's first day of the week and working days; nothing here reads a locale.
"""

from __future__ import annotations

import enum
from collections.abc import Collection
from datetime import date, timedelta

#: Days of the List view, from the start of the week of the day asked for.
LIST_DAYS = 28
#: Monday to Friday.
MONDAY_TO_FRIDAY = frozenset(range(5))


class View(enum.StrEnum):
    """How the agenda shows the calls."""

    DAY = "day"
    WORK_WEEK = "workweek"
    WEEK = "week"
    MONTH = "month"
    LIST = "list"


def week_of(day: date, first_weekday: int = 0) -> list[date]:
    """The seven days of the week holding ``day``, the week starting on ``first_weekday``."""
    start = day - timedelta(days=(day.weekday() - first_weekday) % 7)
    return [start + timedelta(days=i) for i in range(7)]


def work_week_of(
    day: date, first_weekday: int = 0, workdays: Collection[int] = MONDAY_TO_FRIDAY
) -> list[date]:
    """The working days of the week holding ``day`` (the whole week if none is a working
    day), in the order of that week."""
    week = week_of(day, first_weekday)
    return [d for d in week if d.weekday() in workdays] or week


def month_of(day: date, first_weekday: int = 0) -> list[date]:
    """The whole weeks that cover ``day``'s month (four to six rows of seven days)."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    start = week_of(first, first_weekday)[0]
    weeks = -(-(following - start).days // 7)  # ceiling: the last week may spill over
    return [start + timedelta(days=i) for i in range(7 * weeks)]


def days_in_view(
    view: View,
    day: date,
    first_weekday: int = 0,
    workdays: Collection[int] = MONDAY_TO_FRIDAY,
) -> list[date]:
    """The days a view shows around ``day``."""
    if view == View.DAY:
        return [day]
    if view == View.WORK_WEEK:
        return work_week_of(day, first_weekday, workdays)
    if view == View.MONTH:
        return month_of(day, first_weekday)
    start = week_of(day, first_weekday)[0]
    return [start + timedelta(days=i) for i in range(LIST_DAYS if view == View.LIST else 7)]


def shift_month(day: date, months: int) -> date:
    """The same day of another month, or that month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    following = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return date(year, month + 1, min(day.day, (following - timedelta(days=1)).day))


def step(view: View, day: date, steps: int) -> date:
    """The day a view shows after ``steps`` pages forward (negative: back)."""
    if view == View.MONTH:
        return shift_month(day, steps)
    if view == View.LIST:
        return day + timedelta(days=LIST_DAYS * steps)
    return day + timedelta(days=(1 if view == View.DAY else 7) * steps)


def column_width(available: float, columns: int, minimum: float) -> float:
    """The width of each of ``columns`` equal columns sharing ``available`` pixels, never
    under ``minimum`` (the grid then scrolls sideways)."""
    return max(minimum, available / max(1, columns))


def pane_width(total: int, wanted: int, pane_minimum: int, grid_minimum: int) -> int:
    """How wide the details pane beside the grid is in ``total`` pixels: what the user wants,
    as long as the grid keeps ``grid_minimum``; never under ``pane_minimum`` (then the grid
    is the one that gives way, and scrolls)."""
    return max(pane_minimum, min(wanted, total - grid_minimum))
