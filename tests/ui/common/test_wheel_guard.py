"""The wheel over a combo or spin box that does not have the focus changes nothing (on the desk
and in a dialog); with the focus it still does. ``app.main`` installs the guard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from closer_desk import app
from closer_desk.ui.common.wheel import WheelGuard, install_wheel_guard
from closer_desk.ui.desk.widgets import CallDeskWidget
from closer_desk.ui.directory.company_dialog import CompanyDialog
from closer_desk.ui.shell import mainwindow
from tests.helpers.factories import at
from tests.ui.conftest import hosted, settle


@pytest.fixture
def guard(qapp: Any) -> Iterator[WheelGuard]:
    installed = install_wheel_guard(qapp)
    yield installed
    qapp.removeEventFilter(installed)
    installed.setParent(None)  # gone: the next test installs its own


def wheel(widget: QWidget, notches: int = -1) -> None:
    """Turn the wheel over ``widget`` (down by default: the next item)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_desks_temperature_ignores_the_wheel_unless_focused(
    qtbot: Any, guard: WheelGuard, source: Any, agenda: Any, clock: Any
) -> None:
    agenda.edit_prospect("Gabriel", temperature="warm")
    call = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-02 08:00", "Europe/Paris")
    )
    desk = hosted(source, CallDeskWidget(source, clock))
    qtbot.addWidget(desk)
    desk.show()
    with qtbot.waitSignal(desk.loaded):
        desk.set_appointment(call.id)
    desk.notes_edit.setFocus()  # the closer is typing notes, the pointer over the file
    box = desk.temperature_box
    assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel gives it no focus
    wheel(box)
    assert box.currentData() == "warm"
    settle(qtbot, source.tasks)
    assert agenda.prospect("Gabriel").temperature.value == "warm"
    assert source.history.stack.count() == 0
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    wheel(box)
    assert box.currentData() == "cold"


def test_a_dialogs_spin_box_ignores_the_wheel_unless_focused(
    qtbot: Any, guard: WheelGuard, source: Any, agenda: Any
) -> None:
    dialog = CompanyDialog(source, agenda.company("Acme"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setFocus()
    minutes = dialog.minutes.value()
    kind = dialog.kind.currentIndex()
    wheel(dialog.minutes, notches=1)
    wheel(dialog.kind)
    assert (dialog.minutes.value(), dialog.kind.currentIndex()) == (minutes, kind)
    dialog.minutes.setFocus()
    qtbot.waitUntil(dialog.minutes.hasFocus)
    wheel(dialog.minutes, notches=1)
    assert dialog.minutes.value() == minutes + dialog.minutes.singleStep()
    assert isinstance(dialog.name, QLineEdit)


def test_the_app_installs_the_guard_once_its_window_is_on_screen(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before the first paint no Python filter sees the window's events (PySide would build a
    # Python type for each Qt class they reach); the guard comes with the first paint, or the
    # fallback of a window opening on its welcome page (made immediate here).
    monkeypatch.setattr(mainwindow, "FIRST_PAINT_FALLBACK_MS", 0)
    before: list[int] = []

    def exec_(*_a: Any) -> int:
        before.append(len(qapp.findChildren(WheelGuard)))
        for _ in range(3):
            QApplication.processEvents()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_)
    for _ in range(2):
        assert app.main(["--db", str(tmp_path / "new.sqlite3")]) == 0
    assert before == [0, 1]
    guards = qapp.findChildren(WheelGuard)
    assert len(guards) == 1
    qapp.removeEventFilter(guards[0])
    guards[0].setParent(None)
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()


def test_a_box_built_before_the_guard_is_guarded_too(qtbot: Any, qapp: Any) -> None:
    from PySide6.QtWidgets import QComboBox

    box = QComboBox()
    qtbot.addWidget(box)
    box.setFocusPolicy(Qt.FocusPolicy.WheelFocus)
    guard = install_wheel_guard(qapp)
    try:
        assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus
    finally:
        qapp.removeEventFilter(guard)
        guard.setParent(None)
