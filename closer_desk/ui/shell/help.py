"""The Help menu: About (version, licence, where the agenda is), the keyboard shortcuts (listed
from the window's own actions, so the list is never out of date) and where the data lives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from closer_desk import APP_NAME, __version__
from closer_desk.ui.common.links import open_folder

if TYPE_CHECKING:
    from closer_desk.ui.shell.mainwindow import MainWindow

#: The licence the project is published under (pyproject.toml).
LICENCE = "MIT"


def plain(text: str) -> str:
    """A menu or action text without its ``&`` mnemonic and trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


@dataclass(frozen=True, slots=True)
class Shortcut:
    """One line of the shortcuts list: where the action is, what it does, its keys."""

    menu: str
    action: str
    keys: str


def shortcut_lines(
    menus: Iterable[QMenu], keys_of: Callable[[QAction], list[QKeySequence]]
) -> list[Shortcut]:
    """Every action of ``menus`` (submenus included) that has keys, in menu order."""
    lines: list[Shortcut] = []

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                sub = action.menu()
                assert isinstance(sub, QMenu)
                walk(sub, f"{where} › {plain(sub.title())}")
                continue
            sequences = [k for k in keys_of(action) if not k.isEmpty()]
            if action.isSeparator() or not sequences:
                continue
            keys = QCoreApplication.translate("Help", " or ").join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in sequences
            )
            # Undo's text names the change it would undo; the window keeps its plain name in
            # its data.
            name = str(action.data()) if action.data() else plain(action.text())
            lines.append(Shortcut(where, name, keys))

    for menu in menus:
        walk(menu, plain(menu.title()))
    return lines


class ShortcutsDialog(QDialog):
    """The keyboard shortcuts, as a table (menu, action, keys).

    Attributes:
        table: the shortcuts listed.
    """

    def __init__(self, lines: list[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(lines), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for row, line in enumerate(lines):
            for column, text in enumerate((line.menu, line.action, line.keys)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        note = QLabel(
            self.tr(
                "Keys without Ctrl work in the agenda, and never while you type in a field: "
                "there they type."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(620, 560)


@dataclass(frozen=True, slots=True)
class DataPlaces:
    """Where the closer's things are kept on this machine."""

    agenda: Path | None
    settings: str

    @property
    def folder(self) -> Path | None:
        """The agenda's folder (its backups are in ``backups/`` there)."""
        return self.agenda.parent if self.agenda is not None else None

    @property
    def backups(self) -> Path | None:
        """The daily backups' folder."""
        from closer_desk.store.durability import backup_dir

        return backup_dir(self.agenda) if self.agenda is not None else None


class _PlacesDialog(QDialog):
    """A dialog naming the data's places, with a button that opens the agenda's folder.

    Attributes:
        open_button: opens the agenda's folder in the file manager.
        opened: the folders opened (what the button did).
    """

    def __init__(
        self,
        places: DataPlaces,
        opener: Callable[[Path], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._places = places
        self._opener = opener
        self.opened: list[Path] = []
        self.form = QFormLayout()
        self.open_button = QPushButton(self.tr("Open the folder"), self)
        self.open_button.setEnabled(places.folder is not None)
        self.open_button.clicked.connect(self.open_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(buttons)

    def add_place(self, label: str, value: str) -> QLabel:
        """A line "label: value", the value selectable (to paste in a file manager)."""
        shown = QLabel(value, self)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setWordWrap(True)
        self.form.addRow(label, shown)
        return shown

    def open_folder(self) -> None:
        """Open the agenda's folder."""
        folder = self._places.folder
        if folder is not None and self._opener(folder):
            self.opened.append(folder)


class AboutDialog(_PlacesDialog):
    """The version, the licence, and where the agenda is."""

    def __init__(
        self, places: DataPlaces, opener: Callable[[Path], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(places, opener, parent)
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        title = QLabel(f"<b>{APP_NAME}</b> {__version__}", self)
        summary = QLabel(self.tr("An agenda for remote sales closers, on your own computer."), self)
        summary.setWordWrap(True)
        self.layout_.insertWidget(0, summary)
        self.layout_.insertWidget(0, title)
        self.add_place(self.tr("Version:"), __version__)
        self.add_place(self.tr("Licence:"), self.tr("%1 licence").replace("%1", LICENCE))
        self.add_place(self.tr("Your agenda:"), str(places.agenda or self.tr("(not known)")))


class DataDialog(_PlacesDialog):
    """Where the agenda, its backups, the preferences and the passwords (mail, shared
    calendars, subscriptions) are."""

    def __init__(
        self, places: DataPlaces, opener: Callable[[Path], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(places, opener, parent)
        self.setWindowTitle(self.tr("Where my data lives"))
        unknown = self.tr("(not known)")
        intro = QLabel(
            self.tr(
                "Everything stays on this computer, readable by you only. Copy the agenda file "
                "to keep or move all your calls and people."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.add_place(self.tr("Agenda:"), str(places.agenda or unknown))
        self.add_place(self.tr("Daily backups:"), str(places.backups or unknown))
        self.add_place(self.tr("Preferences:"), places.settings or unknown)
        self.add_place(
            self.tr("Mail passwords:"),
            self.tr("in the system keyring, never in the agenda file"),
        )
        self.add_place(
            self.tr("Shared calendar and subscription passwords:"),
            self.tr(
                "in the system keyring, never in the agenda file (without a safe keyring, "
                "read from %1)"
            ).replace("%1", "CLOSER_DESK_SYNC_PASSWORD"),
        )


def install_help(
    window: MainWindow,
    db_path: Path | None,
    settings: QSettings,
    opener: Callable[[Path], bool] = open_folder,
) -> dict[str, QAction]:
    """Fill the window's Help menu; returns its actions by name."""
    places = DataPlaces(db_path, settings.fileName())
    menu = window.menu("help")

    def show(dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        window.help_dialog = dialog
        return dialog

    actions = {
        "about": menu.addAction(
            QCoreApplication.translate("Help", "&About %1").replace("%1", APP_NAME)
        ),
        "shortcuts": menu.addAction(QCoreApplication.translate("Help", "&Keyboard shortcuts")),
        "data": menu.addAction(QCoreApplication.translate("Help", "&Where my data lives")),
    }
    actions["shortcuts"].setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
    actions["about"].triggered.connect(lambda: show(AboutDialog(places, opener, window)))
    actions["data"].triggered.connect(lambda: show(DataDialog(places, opener, window)))
    actions["shortcuts"].triggered.connect(
        lambda: show(
            ShortcutsDialog(
                shortcut_lines(window.menus(), window.shortcuts_of),
                window,
            )
        )
    )
    window.addActions(list(actions.values()))
    return actions
