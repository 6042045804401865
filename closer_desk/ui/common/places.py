"""Where the window's file dialogs open: the user's documents folder (else their home), never
the folder the app happened to be started from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def user_folder() -> Path:
    """The user's documents folder if there is one, else their home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def suggested(name: str = "") -> str:
    """A file dialog's starting point: ``name`` in the user's folder (the folder alone for
    ``""``)."""
    return str(user_folder() / name) if name else str(user_folder())
