"""The prospect dialogs' hints are whole, in French as in English: the field of the zone (the
widest hint) takes the room its hint needs, in the Prospects room's dialog and in the one
the call editor opens for a new prospect."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from closer_desk.ui.agenda.quick_prospect import QuickProspectDialog
from closer_desk.ui.directory.prospect_dialog import ProspectDialog


def cut_hints(dialog: QWidget) -> list[str]:
    cut = []
    for edit in dialog.findChildren(QLineEdit):
        hint = edit.placeholderText()
        visible = hint and edit.isVisibleTo(dialog)
        if visible and edit.fontMetrics().horizontalAdvance(hint) + 12 > edit.width():
            cut.append(hint)
    for box in dialog.findChildren(QPlainTextEdit):
        hint = box.placeholderText()
        if hint and box.fontMetrics().horizontalAdvance(hint) + 8 > box.viewport().width():
            cut.append(hint)
    return cut


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_hint_of_the_new_prospect_dialogs_is_cut(
    qtbot: Any, source: Any, clock: Any, language: str, request: pytest.FixtureRequest
) -> None:
    if language == "fr":
        request.getfixturevalue("french")
    full = ProspectDialog(source, None, clock=clock)
    quick = QuickProspectDialog(clock)
    for dialog in (full, quick):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.width() <= 1024
        assert cut_hints(dialog) == []
