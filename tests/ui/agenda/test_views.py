"""The models and views on their own: no window, no database."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QUrl

from closer_desk.core.model import AgendaEntry, Appointment, CallKind, Status
from closer_desk.ui.agenda.details import DetailsPane, joinable
from closer_desk.ui.agenda.listview import AgendaList
from closer_desk.ui.agenda.model import COMPANY, ENTRY_ROLE, AgendaFilter, AgendaModel
from closer_desk.ui.agenda.timegrid import TimeGrid
from tests.helpers.factories import FakeClock, at


def entry(
    i: int,
    start: str,
    prospect: str = "Gabriel Tremblay",
    company: str = "Acme",
    minutes: int = 45,
    **kw: Any,
) -> AgendaEntry:
    a = Appointment(
        id=i,
        closer_id=1,
        company_id=1,
        prospect_id=i,
        start=at(start, "Europe/Paris"),
        minutes=minutes,
        **kw,
    )
    return AgendaEntry(
        a, company, "#3b82f6", prospect, "America/Toronto", "Camille", "Europe/Paris"
    )


@pytest.fixture
def entries() -> list[AgendaEntry]:
    return [
        entry(1, "2026-03-03 10:00"),
        entry(2, "2026-03-03 10:30", "Omar Haddad", "Érable", 30),
        entry(3, "2026-03-04 09:00", "Haruto Sato", status=Status.CANCELLED),
        entry(
            4,
            "2026-03-05 14:00",
            "Un nom de prospect vraiment très long pour voir l'ellipse",
            url="javascript:alert(1)",
        ),
    ]


def test_agenda_model_passes_the_model_tester(
    qtmodeltester: Any, entries: list[AgendaEntry]
) -> None:
    model = AgendaModel()
    model.set_entries(entries, "Europe/Paris")
    qtmodeltester.check(model)
    proxy = AgendaFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    assert model.index(1, COMPANY).data() == "Érable"
    assert model.index(0, 1).data().replace("\u202f", " ") == "4:00 AM Toronto"
    proxy.set_search("OMAR")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(ENTRY_ROLE).appointment.id == 2
    model.set_entries([], "Europe/Paris")
    qtmodeltester.check(model)


def test_list_view_selects_and_activates(qtbot: Any, entries: list[AgendaEntry]) -> None:
    view = AgendaList()
    qtbot.addWidget(view)
    view.set_entries(entries, "Europe/Paris")
    with qtbot.waitSignal(view.selected) as picked:
        view.select(2)
    assert picked.args == [2]
    with qtbot.waitSignal(view.activated) as opened:
        view.table.activated.emit(view.table.currentIndex())
    assert opened.args == [2]


def test_time_grid_lays_out_blocks_side_by_side_and_skips_cancelled(
    qtbot: Any, entries: list[AgendaEntry]
) -> None:
    grid = TimeGrid(FakeClock(at("2026-03-03 11:00", "Europe/Paris")))
    qtbot.addWidget(grid)
    grid.resize(1000, 700)
    grid.set_days([date(2026, 3, 2 + i) for i in range(7)])
    grid.set_zones("Europe/Paris", "America/Toronto")
    grid.set_entries(entries)
    assert {b.entry.appointment.id for b in grid.blocks} == {1, 2, 4}
    first, second = grid.block_of(1), grid.block_of(2)
    assert (first.column, first.columns, second.column, second.columns) == (0, 2, 1, 2)
    assert grid.block_rect(first).right() < grid.block_rect(second).left()
    grid.show()
    qtbot.waitExposed(grid)
    grid.viewport().update()
    qtbot.waitUntil(lambda: grid.paint_count >= 1)
    assert grid._second_labels()[15] in ("9:00\u202fAM", "9:00 AM")


def test_time_grid_double_click_asks_for_a_call(qtbot: Any) -> None:
    grid = TimeGrid(FakeClock())
    qtbot.addWidget(grid)
    grid.resize(800, 600)
    grid.set_days([date(2026, 3, 2)])
    grid.show()
    qtbot.waitExposed(grid)
    grid.scroll_to_minutes(9 * 60)
    with qtbot.waitSignal(grid.create_requested) as asked:
        qtbot.mouseDClick(grid.viewport(), qtbot_button(), pos=grid.point_at(0, 10 * 60 + 40))
    assert asked.args == [datetime(2026, 3, 2, 10, 30)]


def qtbot_button() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_details_pane_calls_joins_https_only_and_asks_outcomes(
    qtbot: Any, entries: list[AgendaEntry]
) -> None:
    opened: list[QUrl] = []
    clock = FakeClock()
    pane = DetailsPane(clock, lambda url: opened.append(url) or True)
    qtbot.addWidget(pane)
    phone = entry(5, "2026-03-03 10:00", kind=CallKind.PHONE, phone="+15145550123")
    pane.show_entry(phone)
    assert pane.title.text() == "Gabriel Tremblay"
    assert pane.their_time.text().replace("\u202f", " ").startswith("3:00 AM Toronto")
    assert pane.call()
    assert opened[-1].toString() == "tel:+15145550123"
    pane.show_entry(entries[3])
    assert not pane.join()
    assert "https://" in pane.refusal.text() and not pane.refusal.isHidden()
    video = entry(6, "2026-03-03 10:00", url="https://meet.example.com/abc")
    pane.show_entry(video)
    assert pane.join() and opened[-1].toString() == "https://meet.example.com/abc"
    assert not pane.outcomes.isEnabled()  # the call is still to come
    clock.now = video.appointment.start
    pane.refresh_clock()
    with qtbot.waitSignal(pane.outcome_requested) as asked:
        pane.outcome_buttons["won"].click()
    assert asked.args == [6, "won"]
    assert not joinable("http://meet.example.com") and not joinable("https://x.example.com/a b")
