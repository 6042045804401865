"""Opening a link from the agenda (a video call, a number, an address) on the desktop.

Every link goes through ``core.links.safe_link`` first: only https:, tel: and mailto: reach
``QDesktopServices``; anything else is refused with a message and nothing is opened. A local
folder (where the agenda lives) is opened by ``open_folder``, which takes no link at all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from closer_desk.core.errors import ValidationError
from closer_desk.core.links import safe_link


def refusal_text(url: str) -> str:
    """The message shown when a link is refused (translated)."""
    shown = url if len(url) <= 200 else url[:200] + "…"
    return QCoreApplication.translate(
        "links",
        "This link was not opened: only https:, tel: and mailto: links can be opened "
        "from closer_desk.\n\n{link}",
    ).format(link=shown)


def _warn(parent: QWidget | None) -> Callable[[str], None]:
    def show(text: str) -> None:
        QMessageBox.warning(parent, QCoreApplication.translate("links", "Link not opened"), text)

    return show


def open_link(
    url: str,
    parent: QWidget | None = None,
    *,
    opener: Callable[[QUrl], bool] = QDesktopServices.openUrl,
    on_refused: Callable[[str], None] | None = None,
) -> bool:
    """Open ``url`` with the desktop if it is safe; else tell the user. True if opened."""
    try:
        checked = safe_link(url)
    except ValidationError:
        (on_refused or _warn(parent))(refusal_text(url))
        return False
    qurl = QUrl(checked, QUrl.ParsingMode.StrictMode)
    if not qurl.isValid():
        (on_refused or _warn(parent))(refusal_text(url))
        return False
    return bool(opener(qurl))


def open_folder(path: Path, *, opener: Callable[[QUrl], bool] = QDesktopServices.openUrl) -> bool:
    """Show a folder of this computer in the file manager (where the agenda lives): only an
    existing local folder, never a link."""
    folder = Path(path)
    if not folder.is_dir():
        return False
    return bool(opener(QUrl.fromLocalFile(str(folder.resolve()))))
