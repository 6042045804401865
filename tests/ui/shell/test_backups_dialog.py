"""Restore from backup, in the window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from closer_desk.core.errors import AgendaCorruptError
from closer_desk.store import durability, open_agenda
from closer_desk.ui.shell.backups_dialog import BackupsDialog, offer_restore
from tests.helpers.factories import FakeClock, at, make_agenda


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "agenda.sqlite3"
    with make_agenda(path, FakeClock()) as agenda:
        agenda.book(company="Acme", prospect="Omar", start=at("2026-03-03 10:00", "Europe/Paris"))
    durability.backup_now(path, date(2026, 3, 1))
    durability.backup_now(path, date(2026, 3, 2))
    return path


def test_the_dialog_lists_backups_newest_first_and_restores(qtbot, db: Path) -> None:
    events: list[str] = []
    with open_agenda(db, clock=FakeClock(), daily_backup=False) as agenda:
        agenda.book(company="Acme", prospect="Haruto", start=at("2026-03-04 10:00", "Europe/Paris"))
    dialog = BackupsDialog(
        db,
        lambda: events.append("release"),
        lambda: events.append("reopen"),
        confirm=lambda *_: True,
    )
    qtbot.addWidget(dialog)
    texts = [dialog.backups.item(i).text() for i in range(dialog.backups.count())]
    assert [t[:10] for t in texts] == ["2026-03-02", "2026-03-01"]
    assert not dialog.restore_button.isEnabled()
    dialog.backups.setCurrentRow(0)
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert events == ["release", "reopen"]
    assert dialog.restored_from is not None and dialog.restored_from.name.endswith(
        "2026-03-02.sqlite3"
    )
    assert dialog.kept_as is not None and dialog.kept_as.exists()
    with open_agenda(db, clock=FakeClock(), daily_backup=False) as agenda:
        assert agenda.count_appointments() == 1


def test_nothing_happens_when_the_user_says_no(qtbot, db: Path) -> None:
    before = db.read_bytes()
    dialog = BackupsDialog(db, pytest.fail, pytest.fail, confirm=lambda *_: False)
    qtbot.addWidget(dialog)
    dialog.backups.setCurrentRow(0)
    assert not dialog.restore_selected()
    assert db.read_bytes() == before


def test_a_damaged_agenda_is_offered_its_newest_good_backup(qtbot, db: Path) -> None:
    with db.open("r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\xff" * 4096 * 4)
    Path(f"{db}-wal").touch()
    with pytest.raises(AgendaCorruptError) as caught:
        open_agenda(db, clock=FakeClock())
    asked: list[str] = []
    assert offer_restore(
        caught.value, None, confirm=lambda _parent, text: asked.append(text) or True
    )
    assert "damaged" in asked[0] and "2026-03-02" in asked[0]
    with open_agenda(db, clock=FakeClock(), daily_backup=False) as agenda:
        assert agenda.count_appointments() == 1
