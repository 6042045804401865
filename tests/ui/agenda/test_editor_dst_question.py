"""The editor's question for a time the clocks skip: shown whole, with no blank band, in
English and French; answered or corrected, it leaves no stale warning behind."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from closer_desk.ui.agenda.editor import AppointmentEditor
from tests.ui.agenda.test_editor import pick
from tests.ui.conftest import settle

# 02:30 on the night the clocks jump forward in Paris (the closer's zone).
IN_THE_GAP = datetime(2027, 3, 28, 2, 30)


@pytest.fixture
def shown(qtbot: Any, editor: AppointmentEditor, source: Any) -> AppointmentEditor:
    editor.show()
    qtbot.waitExposed(editor)
    pick(editor, "Gabriel Tremblay")
    settle(qtbot, source.tasks)
    return editor


def question_fits(editor: AppointmentEditor) -> None:
    """The question's lines are all on screen, and nothing but them between it and its
    answers."""
    label = editor.fold_question
    lines = label.heightForWidth(label.width())
    assert label.height() >= lines  # not cut
    assert label.height() <= lines + 2  # no blank band under it
    gap = editor.earlier.geometry().top() - label.geometry().bottom()
    assert gap <= 2 * max(6, editor._form.verticalSpacing()) + 1
    assert label.geometry().bottom() < editor.height()


def no_blank_band(editor: AppointmentEditor) -> None:
    layout = editor.layout()
    assert layout is not None
    assert editor.height() <= layout.totalHeightForWidth(editor.width()) + 2


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_question_shows_whole_and_goes_with_its_warning(
    qtbot: Any,
    shown: AppointmentEditor,
    source: Any,
    language: str,
    request: pytest.FixtureRequest,
) -> None:
    if language == "fr":
        request.getfixturevalue("french")
    editor = shown
    editor._set_wall(IN_THE_GAP)
    qtbot.waitUntil(editor.asks_which_time)
    question_fits(editor)
    no_blank_band(editor)
    # Answered: the call's other warnings come (a Sunday), the question stays whole, and no
    # warning asks again for the answer just given.
    editor.later.setChecked(True)
    qtbot.waitUntil(lambda: editor.warning_label.isVisibleTo(editor))
    settle(qtbot, source.tasks)
    question_fits(editor)
    shown_text = editor.warning_label.text()
    assert ("clocks" not in shown_text) and ("horloges" not in shown_text)
    # Corrected to a time that exists: no question, no DST warning, no band where they were.
    editor._set_wall(datetime(2027, 3, 29, 10, 30))
    settle(qtbot, source.tasks)
    assert not editor.asks_which_time()
    assert all(w.code not in ("dst_gap", "dst_overlap") for w in editor.warnings)
    no_blank_band(editor)
