"""The editor warns inline about the prospect's public holiday and the DST-shift weeks, in the
user's language."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from closer_desk.core import booking_checks as checks
from closer_desk.ui.agenda.editor import AppointmentEditor
from tests.ui.conftest import settle


@pytest.fixture
def editor(qtbot: Any, source: Any, editor: AppointmentEditor) -> AppointmentEditor:
    """The agenda tests' editor, with Gabriel chosen."""
    editor.prospect.setCurrentIndex(editor.prospect.findText("Gabriel Tremblay"))
    settle(qtbot, source.tasks)
    return editor


def codes(editor: AppointmentEditor) -> set[str]:
    return {w.code for w in editor.warnings}


def test_a_dst_shift_week_is_flagged_inline(qtbot: Any, editor: AppointmentEditor) -> None:
    assert checks.DST_SHIFT not in codes(editor)
    with qtbot.waitSignal(editor.checked):
        editor._set_wall(datetime(2026, 3, 17, 15, 0))  # Canada changed on 8 March, France later
    assert checks.DST_SHIFT in codes(editor)
    assert "usual time difference with Gabriel Tremblay" in editor.warning_label.text()
    assert editor.warning_label.isVisibleTo(editor)


def test_the_prospects_holiday_is_named_inline(qtbot: Any, editor: AppointmentEditor) -> None:
    with qtbot.waitSignal(editor.checked):
        editor._set_wall(datetime(2026, 6, 24, 15, 0))  # Fête nationale du Québec
    assert checks.PROSPECT_HOLIDAY in codes(editor)
    assert "public holiday for Gabriel Tremblay" in editor.warning_label.text()


def test_the_warnings_are_in_french(qtbot: Any, french: None, editor: AppointmentEditor) -> None:
    with qtbot.waitSignal(editor.checked):
        editor._set_wall(datetime(2026, 3, 17, 15, 0))
    assert "le décalage habituel avec Gabriel Tremblay" in editor.warning_label.text()
    with qtbot.waitSignal(editor.checked):
        editor._set_wall(datetime(2026, 6, 24, 15, 0))
    assert "jour férié pour Gabriel Tremblay" in editor.warning_label.text()


def test_the_closers_own_holiday_is_named_inline(qtbot: Any, editor: AppointmentEditor) -> None:
    with qtbot.waitSignal(editor.checked):
        editor._set_wall(datetime(2026, 12, 25, 15, 0))  # Christmas Day, in Paris too
    assert checks.CLOSER_HOLIDAY in codes(editor)
    assert "It is a public holiday where you work (Christmas Day)." in editor.warning_label.text()


def test_the_closers_own_holiday_in_french(
    qtbot: Any, french: None, editor: AppointmentEditor
) -> None:
    with qtbot.waitSignal(editor.checked):
        editor._set_wall(datetime(2026, 12, 25, 15, 0))
    assert "C'est un jour férié là où vous travaillez" in editor.warning_label.text()
