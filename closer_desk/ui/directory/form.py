"""The shared shape of the directory's edit dialogs: fields with their error shown right under
them, a Save that runs through the door, and a dialog that stays open when the store refuses
what was typed (nothing is saved then: every store method is one transaction)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core.errors import CloserDeskError, ValidationError
from closer_desk.core.model import Closer, Company, Prospect
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.directory.field_errors import describe, error_field

if TYPE_CHECKING:
    from closer_desk.store import Agenda

#: What a dialog saves: a company, a prospect or a closer.
Row = TypeVar("Row", Company, Prospect, Closer)
#: The store work built from the form, run on the worker; it returns the saved row.
Job = Callable[["Agenda"], Row]


def require_name(text: str, field: str = "name") -> str:
    """The store's rule for names, checked before sending: not blank."""
    name = " ".join(text.split())
    if not name:
        raise ValidationError(field, "empty", text)
    return name


def error_label(parent: QWidget) -> QLabel:
    """A hidden, word-wrapped label in the palette's error colour."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setVisible(False)
    label.setObjectName("fieldError")
    palette = label.palette()
    # A red readable on both light and dark palettes.
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#d93025"))
    label.setPalette(palette)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FieldRow(QWidget):
    """A field and, under it, the error that concerns it."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.error)
        self.setFocusProxy(field)


class EditDialog(QDialog, Generic[Row]):
    """Base of the company, prospect and closer editors.

    Subclasses build their fields with ``add_field`` and implement ``build_job``, which reads
    the form (raising ``CloserDeskError`` for what it can check itself) and returns the store
    call to run.

    Attributes:
        saved_row: the core object the store returned, once saved.

    Signals:
        saved(object): the saved core object (Company, Prospect or Closer).
    """

    saved = Signal(object)

    def __init__(self, source: AgendaSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._rows: dict[str, FieldRow] = {}
        self.saved_row: Row | None = None
        self._saving = False
        self.general_error = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def add_field(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> QWidget:
        """Add ``widget`` to ``form`` under ``label``; errors about ``key`` show under it."""
        row = FieldRow(widget, self)
        self._rows[key] = row
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        # The last glyph may overhang its advance ("Téléphone" in DejaVu Sans) and QLabel clips
        # text to its rect: a few pixels of slack keep it whole.
        caption.setMinimumWidth(caption.sizeHint().width() + 3)
        form.addRow(caption, row)
        return widget

    def alias(self, key: str, target: str) -> None:
        """Show errors about ``key`` under the field ``target`` (store and form names differ)."""
        self._rows[key] = self._rows[target]

    def finish_layout(self, body: QWidget | QLayout) -> None:
        """Put ``body`` (a layout or widget) above the general error and the buttons."""
        outer = QVBoxLayout(self)
        if isinstance(body, QWidget):
            outer.addWidget(body)
        else:
            outer.addLayout(body)
        outer.addWidget(self.general_error)
        outer.addWidget(self.buttons)

    # -- errors ------------------------------------------------------------------------
    def clear_errors(self) -> None:
        """Hide every error."""
        for row in self._rows.values():
            row.error.clear()
            row.error.setVisible(False)
        self.general_error.clear()
        self.general_error.setVisible(False)

    def show_error(self, error: BaseException) -> None:
        """Show ``error`` under its field (or at the bottom) and focus that field."""
        row = self._rows.get(error_field(error))
        label = row.error if row else self.general_error
        label.setText(describe(error))
        label.setVisible(True)
        if row:
            row.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self, key: str = "") -> str:
        """The error shown for ``key`` ("" for the general one), "" when none."""
        label = self._rows[key].error if key else self.general_error
        return label.text() if not label.isHidden() else ""

    def precheck(self, checks: list[Callable[[], object]]) -> None:
        """Run each check (core.parse functions, the store's own rules); show every failure
        under its field at once, then raise the first so nothing is sent to the store."""
        errors: list[CloserDeskError] = []
        for check in checks:
            try:
                check()
            except CloserDeskError as exc:
                errors.append(exc)
        for error in reversed(errors):  # the first one ends up focused
            self.show_error(error)
        if errors:
            raise errors[0]

    # -- saving ------------------------------------------------------------------------
    def build_job(self) -> Job[Row]:
        """Read the form and return the store call that saves it."""
        raise NotImplementedError

    def accept(self) -> None:
        """Validate, then save off the GUI thread; close only once the store said yes."""
        self.clear_errors()
        try:
            job = self.build_job()
        except CloserDeskError as exc:
            self.show_error(exc)
            return
        self.buttons.setEnabled(False)
        self._saving = True
        self._source.write(self, job, self._on_saved, self._on_failed, undo=self.undo_text())

    def undo_text(self) -> str:
        """What saving is called in the Edit menu's Undo ("New company", "Edit prospect"...):
        the dialog's title."""
        return self.windowTitle()

    def reject(self) -> None:
        """Cancel, unless a save is on its way (Escape would otherwise close the dialog under
        the answer, and a refusal would have nowhere to show)."""
        if self._saving:
            return
        super().reject()

    def _on_saved(self, row: Row) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        self.saved_row = row
        self.saved.emit(row)
        super().accept()

    def _on_failed(self, error: BaseException) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        if not isinstance(error, CloserDeskError):
            # A bug, not a refusal: say so rather than pretend it was the user's input.
            self.general_error.setText(describe(error))
            self.general_error.setVisible(True)
            return
        self.show_error(error)
