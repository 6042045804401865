"""The week stays readable down to 1024x700: the details pane gives way (it no longer widens
to 480 px for good on the first selection), columns keep a readable width (the grid scrolls
sideways below it) and headers abbreviate; the pane has one scroll area and shows each new
call from its top."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
)

from closer_desk.ui.agenda.details import MINIMUM_WIDTH
from closer_desk.ui.agenda.timegrid import MIN_COLUMN
from closer_desk.ui.agenda.views_and_pane import VIEWS_MINIMUM
from closer_desk.ui.shell.mainwindow import MainWindow
from tests.helpers.factories import at
from tests.ui.agenda.conftest import open_window
from tests.ui.conftest import settle


@pytest.fixture
def calls(agenda: Any) -> list[Any]:
    return [
        agenda.book(
            company="Acme",
            prospect="Gabriel",
            start=at("2026-03-03 10:00", "Europe/Paris"),
            notes="\n".join(f"line {n}" for n in range(60)),
        ),
        agenda.book(
            company="Érable", prospect="Omar", start=at("2026-03-04 14:00", "Europe/Paris")
        ),
    ]


def small_window(qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any) -> MainWindow:
    return open_window(qtbot, source, clock, settings, prompts, (1024, 700))


def small_with_a_call(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, calls: list[Any]
) -> tuple[MainWindow, QSplitter]:
    """The window at 1024x700 with the first call selected, and the splitter of its pane."""
    win = small_window(qtbot, source, clock, settings, prompts)
    win.agenda.select(calls[0].id)
    settle(qtbot, source.tasks)
    split = win.agenda.details.parentWidget()
    assert isinstance(split, QSplitter)
    return win, split


def test_at_1024_by_700_the_week_stays_readable_with_a_call_selected(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, calls: list[Any]
) -> None:
    win = small_window(qtbot, source, clock, settings, prompts)
    room = win.agenda
    room.select(calls[0].id)  # the desk comes under the details
    settle(qtbot, source.tasks)
    grid = room.grid
    assert room.details.width() < 480
    assert grid.column_width() >= MIN_COLUMN  # it was 23 px
    # Every day's title fits its column: no header overlaps the next.
    metrics = QFontMetrics(grid.font())
    bold = grid.font()
    bold.setBold(True)
    for day in grid.days:
        title = grid._day_title(day, int(grid.column_width()) - 6, QFontMetrics(bold))
        assert metrics.horizontalAdvance(title) <= grid.column_width() - 6
    # What does not fit scrolls sideways, the scale staying on the left.
    wide = grid._left() + grid.column_width() * 7
    assert grid.horizontalScrollBar().maximum() == max(0, int(wide - grid.viewport().width()))


def test_the_pane_gives_way_when_the_window_narrows_and_grows_back(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, calls: list[Any]
) -> None:
    win = open_window(qtbot, source, clock, settings, prompts, (1600, 900))
    room = win.agenda
    room.select(calls[0].id)
    settle(qtbot, source.tasks)
    wide = room.details.width()
    assert wide == 480  # room for the desk beside a comfortable week
    win.resize(1024, 700)
    qtbot.waitUntil(lambda: room.details.width() < wide)
    assert room.details.width() == max(MINIMUM_WIDTH, room.details.minimumWidth())
    win.resize(1600, 900)
    qtbot.waitUntil(lambda: room.details.width() == wide)


def test_the_details_pane_has_one_scroll_area_and_shows_a_new_call_from_its_top(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, calls: list[Any]
) -> None:
    win = small_window(qtbot, source, clock, settings, prompts)
    room = win.agenda
    room.select(calls[0].id)
    settle(qtbot, source.tasks)
    areas = [
        a
        for a in room.details.findChildren(QScrollArea)
        if not isinstance(a, QAbstractItemView | QPlainTextEdit)
    ]
    assert areas == [room.details.scroll_area]  # the desk scrolls with the pane
    bar = room.details.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    room.select(calls[1].id)
    settle(qtbot, source.tasks)
    assert bar.value() == 0


def test_on_a_small_window_the_pane_folds_away_and_the_week_takes_the_room(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, calls: list[Any]
) -> None:
    win, split = small_with_a_call(qtbot, source, clock, settings, prompts, calls)
    room = win.agenda
    squeezed = room.grid.width()
    assert squeezed < room.grid.comfortable_width()  # the week scrolls sideways
    # Dragged against the window's edge, the pane folds away and stays folded.
    split.moveSplitter(split.width(), 1)
    qtbot.waitUntil(lambda: split.sizes()[1] == 0)
    assert not room.details_action.isChecked()
    qtbot.waitUntil(lambda: room.grid.width() > squeezed + 200)
    room.select(calls[1].id)
    settle(qtbot, source.tasks)
    win.resize(1000, 690)
    qtbot.waitUntil(lambda: win.width() == 1000)
    assert split.sizes()[1] == 0
    # View > Details pane brings it back, as wide as the small window allows.
    room.details_action.trigger()
    qtbot.waitUntil(lambda: split.sizes()[1] > 0)
    assert split.sizes()[1] == max(MINIMUM_WIDTH, room.details.minimumWidth())
    assert room.details_action in win.menu("view").actions()


def test_the_pane_dragged_wide_leaves_the_views_their_minimum(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, calls: list[Any]
) -> None:
    win, split = small_with_a_call(qtbot, source, clock, settings, prompts, calls)
    room = win.agenda
    split.moveSplitter(0, 1)
    qtbot.waitUntil(lambda: split.sizes()[0] == VIEWS_MINIMUM)
    # What it remembers is what it got, never more than the window allowed.
    win.resize(1024, 700)
    room._split.fit()
    assert split.sizes()[0] >= VIEWS_MINIMUM
    assert room._split.wanted <= split.width() - VIEWS_MINIMUM


def _cut_buttons(pane: Any) -> list[str]:
    """The pane's buttons whose text does not fit, or that stick out of the pane's view."""
    viewport = pane.scroll_area.viewport()
    cut = []
    for button in pane.body.findChildren(QPushButton):
        if not button.isVisibleTo(pane.body) or not button.text():
            continue
        text = button.text().replace("&", "")
        right = button.mapTo(viewport, QPoint(button.width(), 0)).x()
        if button.fontMetrics().horizontalAdvance(text) + 8 > button.width() or right > (
            viewport.width()
        ):
            cut.append(text)
    return cut


@pytest.mark.parametrize("language", ["en", "fr"])
def test_at_1024_by_700_no_button_of_the_pane_is_cut(
    qtbot: Any,
    source: Any,
    clock: Any,
    settings: Any,
    prompts: Any,
    calls: list[Any],
    language: str,
    request: pytest.FixtureRequest,
) -> None:
    if language == "fr":
        request.getfixturevalue("french")
    win = small_window(qtbot, source, clock, settings, prompts)
    room = win.agenda
    room.select(calls[1].id)  # the desk and the invite's buttons come under the details
    settle(qtbot, source.tasks)
    pane = room.details
    qtbot.waitUntil(lambda: pane.body.width() > 0 and pane.scroll_area.isVisible())
    buttons = [b for b in pane.body.findChildren(QPushButton) if b.isVisibleTo(pane.body)]
    assert len(buttons) >= 8  # call, edit, cancel, the invite's, the desk's outcomes
    assert _cut_buttons(pane) == []
