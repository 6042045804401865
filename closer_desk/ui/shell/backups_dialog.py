"""Restore from backup: the window's face of ``store.durability``.

Two entry points for app.py:

- ``BackupsDialog``: the "Restore from backup…" menu action. It lists the agenda's backups,
  newest first; restoring asks for confirmation, then calls ``release()`` (the app closes its
  Agenda: a restore replaces the file under open connections), restores, and calls
  ``reopen()``.
- ``offer_restore(error, parent)``: when ``open_agenda`` raised ``AgendaCorruptError``, tells
  the user and offers the newest good backup; True when it was restored (open again).

Wiring (app.py)::

    try:
        agenda = open_agenda(path, daily_backup=False)
    except AgendaCorruptError as error:
        if not offer_restore(error, None):
            return 1
        agenda = open_agenda(path, daily_backup=False)
    ...
    action = QAction(tr("Restore from backup…"), window)
    action.triggered.connect(lambda: BackupsDialog(path, release, reopen, window).exec())
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core.errors import AgendaCorruptError, AgendaStorageError
from closer_desk.store import durability
from closer_desk.ui.common.prompts import describe

Confirm = Callable[[QWidget | None, str], bool]


def ask(parent: QWidget | None, text: str) -> bool:
    """A yes/no question (tests pass their own ``confirm``)."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("Backups", "Restore from backup"), text
    )
    return answer == QMessageBox.StandardButton.Yes


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


class BackupsDialog(QDialog):
    """The agenda's backups, newest first, and a Restore button.

    Attributes:
        restored_from: the backup put back, or None.
        kept_as: where the replaced agenda was kept, or None.
    """

    def __init__(
        self,
        db_path: Path,
        release: Callable[[], None],
        reopen: Callable[[], None],
        parent: QWidget | None = None,
        *,
        confirm: Confirm = ask,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Backups", "Restore from backup"))
        self._path = Path(db_path)
        self._release, self._reopen, self._confirm = release, reopen, confirm
        self.restored_from: Path | None = None
        self.kept_as: Path | None = None

        self.backups = QListWidget()
        self.backups.itemSelectionChanged.connect(self._selection_changed)
        hint = QLabel(
            QCoreApplication.translate(
                "Backups",
                "A backup is taken every day (the last 14 are kept). Restoring replaces the "
                "agenda with the chosen copy; the current agenda is kept beside it.",
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(QCoreApplication.translate("Backups", "Restore"))
        self.restore_button.setEnabled(False)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.backups)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        """List the backups again."""
        self.backups.clear()
        for backup in durability.list_backups(self._path):
            kind = (
                QCoreApplication.translate("Backups", "daily")
                if not backup.label
                else QCoreApplication.translate("Backups", "before an upgrade")
            )
            item = QListWidgetItem(f"{backup.day.isoformat()}  ·  {kind}  ·  {_size(backup.size)}")
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.backups.addItem(item)
        if self.backups.count() == 0:
            empty = QListWidgetItem(
                QCoreApplication.translate(
                    "Backups", "No backup yet: the first one is taken tomorrow."
                )
            )
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.backups.addItem(empty)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self._selected() is not None)

    def _selected(self) -> Path | None:
        items = self.backups.selectedItems()
        value = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        return Path(value) if value else None

    def restore_selected(self) -> bool:
        """Restore the selected backup after confirmation; True when done."""
        chosen = self._selected()
        if chosen is None:
            return False
        question = QCoreApplication.translate(
            "Backups", "Replace the agenda with the backup of %1? The current agenda is kept."
        )
        if not self._confirm(self, question.replace("%1", chosen.name)):
            return False
        self._release()
        try:
            self.kept_as = durability.restore_from_backup(self._path, chosen)
        except (AgendaCorruptError, AgendaStorageError, OSError) as error:
            # A full disk is said as such (ui.prompts), not as SQLite's words.
            reason = describe(error) if isinstance(error, AgendaStorageError) else str(error)
            QMessageBox.warning(
                self,
                QCoreApplication.translate("Backups", "Restore from backup"),
                QCoreApplication.translate("Backups", "Not restored: %1").replace("%1", reason),
            )
            return False
        finally:
            self._reopen()
        self.restored_from = chosen
        self.accept()
        return True


def offer_restore(
    error: AgendaCorruptError, parent: QWidget | None, *, confirm: Confirm = ask
) -> bool:
    """Tell the user the agenda is damaged and offer its newest good backup; True if restored."""
    if not error.backup:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("Backups", "The agenda is damaged"),
            QCoreApplication.translate(
                "Backups", "The agenda %1 is damaged and there is no backup of it to restore."
            ).replace("%1", error.path),
        )
        return False
    question = QCoreApplication.translate(
        "Backups",
        "The agenda %1 is damaged (%2).\n\n"
        "Restore the newest good backup, %3? The damaged file is kept beside it.",
    )
    text = (
        question.replace("%1", error.path)
        .replace("%2", error.detail)
        .replace("%3", Path(error.backup).name)
    )
    if not confirm(parent, text):
        return False
    durability.restore_from_backup(Path(error.path), Path(error.backup))
    return True
