"""Report and pipeline cells are never cut at 1024x700, in French either: the columns are as
wide as what they hold (the table scrolls sideways if it must), and every cell has its whole
text in a tooltip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.reports.pipeline import PipelineRoom
from closer_desk.ui.reports.room import ReportsRoom

#: About what a room gets at 1024 px beside the sidebar.
ROOM_WIDTH = 720


def _widths_hold_their_text(view: Any, columns: range) -> None:
    metrics = view.fontMetrics()
    model = view.model()
    for column in columns:
        for row in range(model.rowCount()):
            text = model.index(row, column).data() or ""
            assert view.columnWidth(column) >= metrics.horizontalAdvance(text), (row, column, text)
            if text:
                assert model.index(row, column).data(Qt.ItemDataRole.ToolTipRole) == text


def test_the_report_cells_hold_their_text_in_french(
    qtbot: Any, french: Any, demo_agenda: Any, tasks: Any
) -> None:
    room = ReportsRoom(AgendaSource(demo_agenda, tasks))
    qtbot.addWidget(room)
    room.resize(ROOM_WIDTH, 640)
    with qtbot.waitSignal(room.report_ready, timeout=20_000):
        room.show()
    names = [room.table_model.index(r, 0).data() for r in range(room.table_model.rowCount())]
    assert "Dune Capital Partners" in names
    _widths_hold_their_text(room.table_view, range(room.table_model.columnCount()))
    assert not room.table_view.wordWrap()


def test_the_pipeline_plan_buttons_and_cells_are_whole(
    qtbot: Any, french: Any, agenda: Any, tasks: Any
) -> None:
    for prospect in agenda.prospects():
        agenda.edit_prospect(prospect.id, temperature="hot")
    room = PipelineRoom(AgendaSource(agenda, tasks))
    qtbot.addWidget(room)
    room.resize(ROOM_WIDTH, 640)
    with qtbot.waitSignal(room.loaded, timeout=20_000):
        room.show()
    assert room.model.rowCount() == 3
    button = room.plan_button(0)
    assert button.text() == "Planifier"
    assert room.view.columnWidth(4) >= button.sizeHint().width()
    _widths_hold_their_text(room.view, range(4))
