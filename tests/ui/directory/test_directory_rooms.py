"""The companies, prospects and closers rooms: models, filter, sort, editing from the table."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from closer_desk.core.model import Changes
from closer_desk.store import Agenda
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.directory.company_dialog import CompanyDialog
from closer_desk.ui.directory.models import (
    CloserTableModel,
    CompanyTableModel,
    DirectoryFilterProxy,
    ProspectTableModel,
)
from closer_desk.ui.directory.prospect_dialog import ProspectDialog
from closer_desk.ui.directory.rooms import ClosersRoom, CompaniesRoom, ProspectsRoom
from tests.helpers.factories import FakeClock
from tests.ui.conftest import hosted

# The offscreen platform cannot resize native windows; that is not our warning to fix.
pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support"),
    pytest.mark.usefixtures("british_clock_locale"),
]


def _loaded(qtbot: QtBot, room: CompaniesRoom | ProspectsRoom | ClosersRoom) -> None:
    with qtbot.waitSignal(room.loaded):
        room.reload()


def _shown_column(room: CompaniesRoom | ProspectsRoom | ClosersRoom, column: int = 0) -> list[str]:
    proxy = room.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, agenda: Agenda) -> None:
    companies, prospects, closers = CompanyTableModel(), ProspectTableModel(), CloserTableModel()
    companies.set_rows(agenda.companies())
    prospects.set_rows(agenda.prospects())
    closers.set_rows(agenda.closers())
    for model in (companies, prospects, closers):
        qtmodeltester.check(model)
        proxy = DirectoryFilterProxy()
        proxy.setSourceModel(model)
        proxy.sort(0)
        qtmodeltester.check(proxy)


def test_headers_and_private_file_not_shown(agenda: Agenda) -> None:
    model = ProspectTableModel()
    model.set_rows(agenda.prospects())
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["Name", "Organisation", "Temperature"]
    assert not {"Need", "Motivations", "Blockages", "Notes"} & set(headers)


def test_company_room_filters_and_sorts_numbers_as_numbers(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    agenda.add_company("Zeta", commission_rate="9")
    room = CompaniesRoom(source, clock=clock)
    qtbot.addWidget(room)
    _loaded(qtbot, room)
    assert _shown_column(room) == ["Acme", "Érable", "Zeta"]
    # 9 % < 12 % < 15 %: sorted on the rate, not on its text ("9" > "15").
    room.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert _shown_column(room) == ["Zeta", "Érable", "Acme"]
    room.filter_edit.setText("éra")
    assert _shown_column(room) == ["Érable"]
    assert room.model.data(room.model.index(0, 0), Qt.ItemDataRole.DecorationRole).isValid()


def test_double_click_opens_the_editor_and_saving_reloads(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    room = hosted(source, CompaniesRoom(source, clock=clock))
    qtbot.addWidget(room)
    room.show()
    _loaded(qtbot, room)
    rect = room.view.visualRect(room.proxy.index(0, 0))
    # A real double-click starts with a press: the view only activates the pressed index.
    qtbot.mouseClick(room.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(room.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = room.editor
    assert isinstance(dialog, CompanyDialog)
    assert dialog.name.text() == "Acme"
    dialog.name.setText("Acme Corp")
    dialog.rate.setText("20 %")
    with qtbot.waitSignals([source.changed, room.loaded]):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert agenda.company("Acme Corp").commission_rate == Decimal("0.2000")
    assert "Acme Corp" in _shown_column(room)
    assert room.selected_row().name == "Acme Corp"


def test_enter_opens_the_selected_prospect(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    room = ProspectsRoom(source, clock=clock)
    qtbot.addWidget(room)
    room.show()
    _loaded(qtbot, room)
    room.filter_edit.setText("omar")
    room.view.setFocus()
    room.view.setCurrentIndex(room.proxy.index(0, 0))
    assert room.edit_button.isEnabled()
    qtbot.keyClick(room.view, Qt.Key.Key_Return)
    assert isinstance(room.editor, ProspectDialog)
    assert room.editor.name.text() == "Omar Haddad"
    room.editor.reject()


def test_new_button_adds_a_closer(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    room = hosted(source, ClosersRoom(source, clock=clock))
    qtbot.addWidget(room)
    room.show()
    _loaded(qtbot, room)
    room.new_button.click()
    dialog = room.editor
    assert dialog is not None
    dialog.name.setText("Léa Martin")
    dialog.email.setText("lea@example.com")
    dialog.zone.set_zone("America/Montreal")
    with qtbot.waitSignal(room.loaded):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    saved = agenda.closer("Léa Martin")
    assert (saved.email, saved.zone) == ("lea@example.com", "America/Montreal")
    assert _shown_column(room) == ["Camille Durand", "Léa Martin"]
    assert room.availability_button.isEnabled()  # the new closer is selected


def test_room_reloads_only_for_its_own_changes_and_only_in_view(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    room = ProspectsRoom(source, clock=clock)
    qtbot.addWidget(room)
    room.show()
    _loaded(qtbot, room)
    zoe = agenda.add_prospect("Zoë Zimmermann", "Europe/Zurich")
    with qtbot.assertNotEmitted(room.loaded):
        room.on_changes(Changes(companies=frozenset({1})))
    with qtbot.waitSignal(room.loaded):
        room.on_changes(Changes(prospects=frozenset({zoe.id})))
    assert "Zoë Zimmermann" in _shown_column(room)
    # Out of view, a change waits until the room is shown again.
    room.hide()
    agenda.add_prospect("Ana Lima", "America/Sao_Paulo")
    with qtbot.assertNotEmitted(room.loaded):
        room.on_changes(Changes(prospects=frozenset({zoe.id + 1})))
    with qtbot.waitSignal(room.loaded):
        room.show()
    assert "Ana Lima" in _shown_column(room)
