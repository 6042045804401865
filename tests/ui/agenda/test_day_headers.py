"""The week's day headers are all shortened alike: one format for every column, the longest
that fits them all; narrow day letters only where they cannot be confused ("M 29 · M 30")."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontMetrics

from closer_desk.ui.agenda.timegrid import TimeGrid
from closer_desk.ui.common import i18n
from tests.helpers.factories import FakeClock

WEEK = [date(2026, 3, 29) + timedelta(days=n) for n in range(7)]  # Sunday 29 to Saturday 4


@pytest.fixture(params=["en_US", "fr_FR"])
def locale(request: Any) -> Iterator[str]:
    previous = QLocale()
    QLocale.setDefault(QLocale(request.param))
    yield request.param
    QLocale.setDefault(previous)


def narrow(day: date) -> str:
    return QLocale().dayName(day.isoweekday(), QLocale.FormatType.NarrowFormat)


def formats(alone: bool) -> list[Callable[[date], str]]:
    long: list[Callable[[date], str]] = [lambda d: i18n.format_date(d, long=True)]
    return (long if alone else []) + [
        i18n.format_day_month,
        i18n.format_day_header,
        lambda d: i18n.format_day_header(d).replace(".", ""),
        lambda d: f"{narrow(d)} {d.day}",
        lambda d: str(d.day),
    ]


def titles_by_width(qtbot: Any, days: list[date]) -> Iterator[tuple[int, list[str]]]:
    grid = TimeGrid(FakeClock())
    qtbot.addWidget(grid)
    grid.resize(1000, 700)
    grid.set_days(days)
    font = grid.font()
    font.setBold(True)
    metrics = QFontMetrics(font)
    for width in range(4, 320, 1):
        titles = [grid._day_title(d, width, metrics) for d in days]
        assert all(metrics.horizontalAdvance(t) <= width for t in titles) or titles == [
            str(d.day) for d in days
        ]
        yield width, titles


def test_every_column_of_the_week_is_titled_in_one_format(qtbot: Any, locale: str) -> None:
    seen = set()
    for width, titles in titles_by_width(qtbot, WEEK):
        made = [f for f in formats(alone=False) if [f(d) for d in WEEK] == titles]
        assert made, f"{width} px: {titles}"
        seen.add(" · ".join(titles))
        # A week has two days of each initial (T, S; M in French): never letters alone.
        assert titles != [f"{narrow(d)} {d.day}" for d in WEEK]
    assert len(seen) >= 3  # it does shorten as the columns narrow


def test_narrow_day_letters_are_used_only_when_they_tell_the_days_apart(
    qtbot: Any, locale: str
) -> None:
    days = WEEK[1:4]  # Monday to Wednesday: M T W, L M M in French
    lettered = [f"{narrow(d)} {d.day}" for d in days]
    shown = [titles for _w, titles in titles_by_width(qtbot, days)]
    assert (lettered in shown) == (len({narrow(d) for d in days}) == len(days))
