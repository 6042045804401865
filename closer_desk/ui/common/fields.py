"""Small input widgets several rooms share."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from closer_desk.core import tz


def zone_box(parent: QWidget | None, current: str = "", *, first: Sequence[str] = ()) -> QComboBox:
    """An editable list of every IANA zone (after the ``first`` entries) where typing any part
    of a name ("york") completes it."""
    box = QComboBox(parent)
    box.setEditable(True)
    # One call for the ~600 zones (item by item costs a tenth of a second at start-up).
    box.addItems([*first, *sorted(tz.all_zone_names())])
    if current:
        box.setCurrentText(current)
    completer = box.completer()
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
    # Typed ahead in the field, a match in the middle of a name garbles it ("montr" became
    # "Montrca/Montreal"): the matches go in a list under it.
    popup_completion(box)
    return box


def popup_completion(box: QComboBox) -> None:
    """Completions in a list under the field rather than typed ahead in it."""
    completer = box.completer()
    if completer is not None:
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
