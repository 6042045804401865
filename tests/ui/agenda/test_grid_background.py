"""The time grid's day behind the calls (off hours shaded, hour lines) is one picture reused
from week to week, and painted again whenever what it shows changes: the hours, the scroll,
the size, the palette."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QColor, QImage

from closer_desk.ui.agenda.timegrid import GridColumn, TimeGrid
from closer_desk.ui.common import palette
from tests.helpers.factories import FakeClock, at

MONDAY = date(2026, 3, 2)
NINE_TO_SIX = ((9 * 60, 18 * 60),)


def shown(qtbot: Any, grid: TimeGrid) -> QImage:
    """The viewport as painted now."""
    painted = grid.paint_count
    grid.viewport().update()
    qtbot.waitUntil(lambda: grid.paint_count > painted)
    return grid.viewport().grab().toImage()


def pixel(grid: TimeGrid, image: QImage, day: int, minutes: int) -> QColor:
    point = grid.point_at(day, minutes)
    return image.pixelColor(point.x(), point.y() + 3)  # off the hour line itself


def colours(grid: TimeGrid) -> palette.GridColors:
    return palette.grid_colors(grid.palette(), palette.is_dark())


def week(working: tuple[tuple[int, int], ...], first: date = MONDAY) -> list[GridColumn]:
    return [GridColumn(date.fromordinal(first.toordinal() + i), working=working) for i in range(7)]


def test_the_days_shading_follows_the_hours_the_scroll_and_the_weeks(qtbot: Any) -> None:
    grid = TimeGrid(FakeClock(at("2026-04-01 11:00", "Europe/Paris")))  # no "now" line in view
    qtbot.addWidget(grid)
    grid.resize(1000, 700)
    grid.set_columns(week(NINE_TO_SIX))
    grid.show()
    qtbot.waitExposed(grid)
    grid.scroll_to_minutes(7 * 60)
    image = shown(qtbot, grid)
    off, on = colours(grid).off_hours, colours(grid).background
    assert pixel(grid, image, 0, 8 * 60) == off  # 08:00, before the closer's day
    assert pixel(grid, image, 0, 10 * 60) == on
    # The next week, same hours: the same day behind the calls.
    grid.set_columns(week(NINE_TO_SIX, date(2026, 3, 9)))
    below = (0, grid.header_height, image.width(), image.height() - grid.header_height)
    assert shown(qtbot, grid).copy(*below) == image.copy(*below)
    # Other hours on Tuesday only: painted again, for that column alone.
    columns = week(NINE_TO_SIX)
    columns[1] = GridColumn(columns[1].day, working=((7 * 60 + 30, 12 * 60),))
    grid.set_columns(columns)
    image = shown(qtbot, grid)
    assert pixel(grid, image, 1, 8 * 60) == on and pixel(grid, image, 1, 13 * 60) == off
    assert pixel(grid, image, 0, 8 * 60) == off and pixel(grid, image, 0, 13 * 60) == on
    # Scrolled to the evening: the picture follows the scroll.
    grid.scroll_to_minutes(17 * 60)
    image = shown(qtbot, grid)
    assert pixel(grid, image, 0, 17 * 60 + 30) == on
    assert pixel(grid, image, 0, 18 * 60 + 30) == off
    # Narrower: the columns move, and so does their shading.
    grid.resize(700, 700)
    image = shown(qtbot, grid)
    assert pixel(grid, image, 1, 17 * 60 + 30) == off and pixel(grid, image, 2, 17 * 60 + 30) == on
