"""The days and instants each view of the agenda shows, in the user's locale.

``core.calendar_views`` counts the days of a view from a week start and the working days; this
takes them from the window's settings and locale (``i18n.week_start``, ``QLocale.weekdays``).
Apart from the room (``room.py``) so that the app can ask for the first page's range before
the window, and its widgets, are built.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QLocale

from closer_desk.core import calendar_views, tz
from closer_desk.core.calendar_views import MONDAY_TO_FRIDAY, View
from closer_desk.ui.common import i18n

#: The view the window opens on.
FIRST_VIEW = View.WEEK


def locale_workdays() -> frozenset[int]:
    """The working days of the user's locale (Monday 0), Monday to Friday when it says none."""
    days = frozenset(int(d.value) - 1 for d in QLocale().weekdays())
    return days or MONDAY_TO_FRIDAY


def days_in_view(view: View, day: date, first_weekday: int | None = None) -> list[date]:
    """The days a view shows around ``day`` (the locale's working days for the work week; the
    week starting on ``first_weekday``, by default the closer's chosen day,
    ``i18n.week_start``)."""
    workdays = locale_workdays() if view == View.WORK_WEEK else MONDAY_TO_FRIDAY
    first = i18n.week_start() if first_weekday is None else first_weekday
    return calendar_views.days_in_view(View(view), day, first, workdays)


def range_in_view(
    view: View, day: date, zone: str, first_weekday: int | None = None
) -> tuple[datetime, datetime]:
    """The instants a view covers in ``zone`` (what the agenda is asked for)."""
    days = days_in_view(view, day, first_weekday)
    return tz.day_bounds(days[0], zone)[0], tz.day_bounds(days[-1], zone)[1]
