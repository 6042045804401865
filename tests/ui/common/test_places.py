"""The window's file dialogs open in the user's folder, not in the folder the app was started
from (the PDF export opened in the source checkout)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog

from closer_desk.ui.calendars.invites import ask_where
from closer_desk.ui.common import places


def test_a_save_dialog_starts_in_the_users_folder(
    qtbot: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # started from anywhere: a checkout, a terminal's folder
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda _p, _t, start, _f: asked.append(start) or ("", "")
    )
    assert ask_where(None, "invite-12.ics") is None
    [start] = asked
    assert Path(start).is_absolute() and Path(start).name == "invite-12.ics"
    assert Path(start).parent == places.user_folder()
    assert Path(start).parent != Path(os.getcwd())
    assert places.user_folder() in (Path.home(), *Path.home().glob("*"))
