"""The editor as a user types in it: a date and time typed whole, in the zone the call is agreed
in, with the DST question; a preview of real instants; nothing chosen for the user; the
preview following the name being typed; a quick new prospect with their country."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt

from closer_desk.ui.agenda.editor import AppointmentEditor
from closer_desk.ui.agenda.quick_prospect import QuickProspectDialog
from tests.helpers.factories import at
from tests.ui.conftest import settle

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def editor(qtbot: Any, source: Any, agenda: Any, clock: Any) -> AppointmentEditor:
    source.load_directory()
    settle(qtbot, source.tasks)
    dialog = AppointmentEditor(
        source, source.directory, agenda.closer(), clock, start=datetime(2027, 3, 27, 15, 0)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot, source.tasks)
    return dialog


def type_when(qtbot: Any, editor: AppointmentEditor, text: str) -> None:
    """Click in the field, select everything, type."""
    line = editor.when.line
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line, text)


def choose(editor: AppointmentEditor, company: str, prospect: str) -> None:
    editor.company.setCurrentIndex(editor.company.findText(company))
    editor.prospect.setCurrentIndex(editor.prospect.findText(prospect))


def test_a_date_and_time_typed_whole_is_taken_as_typed(
    qtbot: Any, editor: AppointmentEditor
) -> None:
    choose(editor, "Acme", "Haruto Sato")
    type_when(qtbot, editor, "2027-03-28 02:30")
    assert editor.when.line.text() == "2027-03-28 02:30"
    assert editor.wall() == datetime(2027, 3, 28, 2, 30)
    # Paris jumps from 02:00 to 03:00 that night: the editor asks, as the command line does.
    assert editor.asks_which_time() and editor.draft() is None
    assert "does not exist in Paris" in editor.fold_question.text()
    editor.later.setChecked(True)
    draft = editor.draft()
    assert draft is not None and draft.start == at("2027-03-28 03:30", "Europe/Paris")
    # Half typed is not a time: said, and nothing can be saved.
    type_when(qtbot, editor, "2027-03-2")
    assert editor.wall() is None and editor.draft() is None
    assert "Type the date and time as 2027-03-28 14:30" in editor.problems.text()
    # The arrows step a quarter of an hour.
    type_when(qtbot, editor, "2027-03-28 10:00")
    qtbot.keyClick(editor.when.line, Qt.Key.Key_Up)
    assert editor.wall() == datetime(2027, 3, 28, 10, 15)


def test_the_preview_shows_real_instants_across_the_gap(
    qtbot: Any, editor: AppointmentEditor
) -> None:
    choose(editor, "Acme", "Haruto Sato")
    editor.minutes.setValue(30)
    type_when(qtbot, editor, "2027-03-28 01:45")
    # 01:45 plus half an hour of real time is 03:15 on the clock that night.
    mine = editor.preview.text().replace("\u202f", " ").splitlines()[0]
    assert mine == "You: Sun 28 Mar 1:45 AM–3:15 AM (Paris)"


def test_a_time_typed_in_the_prospects_zone_is_agreed_in_it(
    qtbot: Any, editor: AppointmentEditor
) -> None:
    choose(editor, "Acme", "Gabriel Tremblay")
    editor.in_prospect_zone.setChecked(True)
    type_when(qtbot, editor, "2027-03-14 02:30")  # Toronto's spring forward
    assert editor.asks_which_time()
    editor.earlier.setChecked(True)
    draft = editor.draft()
    assert draft is not None and draft.start.tzinfo.key == "America/Toronto"
    assert draft.start.utcoffset().total_seconds() == -5 * 3600


def test_nothing_is_chosen_for_the_user(qtbot: Any, editor: AppointmentEditor) -> None:
    assert editor.company.currentIndex() == -1
    assert editor.prospect.currentIndex() == -1 and editor.prospect.currentText() == ""
    assert editor.current_prospect() is None
    problems = editor.problems.text()
    assert "Choose a company." in problems and "Choose a prospect" in problems


def test_the_company_last_used_is_chosen(qtbot: Any, source: Any, agenda: Any, clock: Any) -> None:
    source.load_directory()
    settle(qtbot, source.tasks)
    erable = agenda.company("Érable")
    dialog = AppointmentEditor(
        source, source.directory, agenda.closer(), clock, company_id=erable.id
    )
    qtbot.addWidget(dialog)
    assert dialog.company.currentText() == "Érable"
    assert dialog.minutes.value() == erable.default_minutes


def test_the_preview_follows_the_name_being_typed(qtbot: Any, editor: AppointmentEditor) -> None:
    choose(editor, "Acme", "Gabriel Tremblay")
    assert "Gabriel Tremblay" in editor.preview.text()
    line = editor.prospect.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "Zo")
    assert "Gabriel" not in editor.preview.text()
    assert editor.current_prospect() is None
    assert not editor.in_prospect_zone.isEnabled()
    # A name typed whole, in another case, is that prospect.
    line.selectAll()
    qtbot.keyClicks(line, "omar haddad")
    assert editor.current_prospect() is not None
    assert "Omar Haddad" in editor.preview.text()


def test_the_quick_new_prospect_asks_their_country_and_completes_zones(
    qtbot: Any, editor: AppointmentEditor, agenda: Any, clock: Any
) -> None:
    dialog = QuickProspectDialog(clock, editor)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.zone.line_edit, "montr")
    assert dialog.zone.text() == "montr"  # never typed ahead into "Montrca/Montreal"
    assert "America/Montreal" in dialog.zone.suggestions()
    dialog.name.setText("Lea Roy")
    dialog.country.setText("ca")
    dialog.zone.set_zone("America/Toronto")
    dialog.accept()
    assert (dialog.chosen_country, dialog.chosen_zone) == ("CA", "America/Toronto")
    editor.add_prospect("Lea Roy", dialog.chosen_zone, dialog.chosen_country)
    settle(qtbot, editor.source.tasks)
    assert agenda.prospect("Lea").country == "CA"
    assert editor.current_prospect().name == "Lea Roy"
    assert editor.source.history.stack.undoText() == "New prospect"


def test_the_quick_new_prospect_refuses_an_unknown_zone(
    qtbot: Any, editor: Any, clock: Any
) -> None:
    dialog = QuickProspectDialog(clock, editor)
    qtbot.addWidget(dialog)
    dialog.name.setText("Lea Roy")
    dialog.zone.set_zone("Mars/Olympus")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "Unknown time zone" in dialog.error.text()
