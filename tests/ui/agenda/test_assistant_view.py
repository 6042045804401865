"""The assistant's view: several closers side by side in the Day view, each on their own
clock, booking into the column clicked; everyone's calls in the Week view, marked by closer;
the closers picked remembered in the settings."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt

from closer_desk.core.calendar_views import View
from closer_desk.ui.agenda.closer_picker import closer_color
from closer_desk.ui.shell.mainwindow import MainWindow
from tests.helpers.factories import at
from tests.ui.agenda.conftest import Team, open_window
from tests.ui.conftest import settle

WEDNESDAY = date(2026, 3, 4)


@pytest.fixture
def window(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, team: Team
) -> MainWindow:
    win = open_window(qtbot, source, clock, settings, prompts, rooms=False)
    win.agenda.set_date(WEDNESDAY)
    win.agenda.set_picked(frozenset({team.sophie.id, team.james.id}))
    settle(qtbot, source.tasks)
    return win


def test_the_day_view_has_a_column_per_closer_each_on_their_own_clock(
    qtbot: Any, window: MainWindow, team: Team
) -> None:
    window.set_view(View.DAY)
    settle(qtbot, window.source.tasks)
    grid = window.agenda.grid
    # The main closer first, then the others; rows are the main closer's (Paris) clock.
    assert [c.closer_id for c in grid.columns] == [team.camille.id, team.james.id, team.sophie.id]
    toronto = grid.columns[2]
    assert toronto.title == "Sophie Tremblay" and toronto.subtitle == "Toronto, 6 h behind"
    # Her 9:00-17:00 in Toronto is 15:00-23:00 in Paris; her clock's 18:00 on Paris midnight.
    assert toronto.working == ((15 * 60, 23 * 60),)
    assert toronto.marks[0] == (0, 18) and toronto.color == closer_color(team.sophie.id)
    assert grid.columns[0].marks == ()  # the grid's own clock needs no second scale
    # Each call in its closer's column, at its instant, saying its closer's time.
    block = grid.block_of(team.sophie_call.id)
    assert block is not None and block.day_index == 2 and block.start == 16 * 60
    assert block.title.startswith("10:00")
    james = grid.block_of(team.james_call.id)
    camille = grid.block_of(team.camille_call.id)
    assert james is not None and camille is not None
    assert (james.day_index, james.start, camille.day_index, camille.start) == (1, 600, 0, 600)
    assert james.title.startswith("9:00") and james.columns == 1  # not squeezed by Camille's
    grid.viewport().repaint()  # paints three zones without a warning


def test_double_click_in_a_closers_column_books_for_that_closer(
    qtbot: Any, window: MainWindow, team: Team
) -> None:
    window.set_view(View.DAY)
    settle(qtbot, window.source.tasks)
    grid, room = window.agenda.grid, window.agenda
    grid.scroll_to_minutes(15 * 60)
    qtbot.mouseDClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.point_at(2, 17 * 60 + 10)
    )
    editor = room.editor
    assert editor is not None and editor.closer.id == team.sophie.id
    # 17:00 on the Paris rows is 11:00 on Sophie's clock: the editor reads it there, and says
    # it is hers, not "my time".
    assert editor.wall() == datetime(2026, 3, 4, 11, 0)
    assert editor.in_closer_zone.text() == "Sophie Tremblay's time (Toronto)"
    assert editor.preview.text().startswith("Sophie Tremblay: ")
    editor.reject()
    qtbot.mouseDClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.point_at(0, 17 * 60 + 10)
    )
    assert room.editor.closer.id == team.camille.id
    assert room.editor.wall() == datetime(2026, 3, 4, 17, 0)
    assert room.editor.in_closer_zone.text() == "My time (Paris)"
    room.editor.reject()


def test_another_closers_call_says_whose_time_it_is(
    qtbot: Any, window: MainWindow, team: Team
) -> None:
    window.set_view(View.DAY)
    settle(qtbot, window.source.tasks)
    room = window.agenda
    room.select(team.sophie_call.id)
    when = room.details.when.text().replace("\u202f", " ")
    assert "10:00 AM (Sophie Tremblay)" in when and "(you)" not in when
    room.select(team.camille_call.id)
    assert "(you)" in room.details.when.text()


def test_a_call_dragged_in_its_column_stays_with_its_closer_on_their_clock(
    qtbot: Any, window: MainWindow, team: Team, agenda: Any
) -> None:
    window.set_view(View.DAY)
    settle(qtbot, window.source.tasks)
    grid = window.agenda.grid
    grid.scroll_to_minutes(15 * 60)
    block = grid.block_of(team.sophie_call.id)
    assert block is not None
    start = grid.block_rect(block).center().toPoint()
    # An hour down, and across into Camille's column: the call stays Sophie's.
    target = QPoint(grid.point_at(0, 0).x(), start.y() + grid.hour_height)
    qtbot.mousePress(grid.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid.viewport(), QPoint(start.x(), start.y() + 20))
    qtbot.mouseMove(grid.viewport(), target)
    qtbot.mouseRelease(grid.viewport(), Qt.MouseButton.LeftButton, pos=target)
    settle(qtbot, window.source.tasks)
    moved = agenda.appointment(team.sophie_call.id)
    assert moved.closer_id == team.sophie.id
    assert moved.start == at("2026-03-04 11:00", "America/Toronto")
    assert str(moved.start.tzinfo) == "America/Toronto"  # still agreed on her clock
    assert grid.block_of(team.sophie_call.id).day_index == 2


def test_the_week_shows_everyone_marked_by_closer_and_the_picker_filters(
    qtbot: Any, window: MainWindow, team: Team
) -> None:
    room = window.agenda
    grid = room.grid
    assert room.view == View.WEEK and len(grid.columns) == 7
    assert {c.closer_id for c in grid.columns} == {None}
    ids = {b.entry.appointment.id: b for b in grid.blocks}
    assert set(ids) == {team.camille_call.id, team.sophie_call.id, team.james_call.id}
    assert ids[team.sophie_call.id].marker == closer_color(team.sophie.id)
    assert ids[team.james_call.id].short == "JC Haruto Sato"  # initials too, not colour alone
    # Camille's and James's calls at the same instant share the Wednesday side by side.
    assert ids[team.james_call.id].columns == 2
    # The picker is the filter: James unticked, his call goes.
    picker = room.picker
    assert picker.isVisible() and picker.buttons[team.camille.id].isChecked()
    picker.buttons[team.camille.id].click()  # the sidebar's closer stays in view
    assert picker.buttons[team.camille.id].isChecked() and len(grid.blocks) == 3
    picker.buttons[team.james.id].click()
    settle(qtbot, window.source.tasks)
    assert {b.entry.appointment.id for b in grid.blocks} == {
        team.camille_call.id,
        team.sophie_call.id,
    }
    picker.buttons[team.sophie.id].click()
    settle(qtbot, window.source.tasks)
    assert {b.entry.appointment.id for b in grid.blocks} == {team.camille_call.id}
    assert all(not b.marker for b in grid.blocks)  # one closer: no markers


def test_the_closers_picked_are_remembered(
    qtbot: Any,
    window: MainWindow,
    team: Team,
    source: Any,
    clock: Any,
    settings: QSettings,
    prompts: Any,
) -> None:
    window.agenda.picker.buttons[team.james.id].click()
    settle(qtbot, source.tasks)
    settings.sync()
    again = open_window(qtbot, source, clock, settings, prompts, rooms=False)
    assert again.agenda.picked == frozenset({team.sophie.id})
    assert again.agenda.picker.buttons[team.sophie.id].isChecked()
    assert not again.agenda.picker.buttons[team.james.id].isChecked()
    assert [c.id for c in again.agenda.shown_closers()] == [team.camille.id, team.sophie.id]


def test_one_closer_hides_the_picker(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any
) -> None:
    win = open_window(qtbot, source, clock, settings, prompts, rooms=False)
    assert not win.agenda.picker.isVisible()
    assert not win.agenda.several()
