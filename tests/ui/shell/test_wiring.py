"""The whole window: every room reachable, the desk under the selected call, plan requests
reaching the planner, the Calendar menu (import, export, invites), restore from a backup,
links only through ``ui.common.links``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton

from closer_desk import app
from closer_desk.core.errors import AgendaCorruptError
from closer_desk.core.model import OutcomeChoice
from closer_desk.store import durability
from closer_desk.ui.agenda.details import desktop_open
from closer_desk.ui.calendars.export import ExportDialog
from closer_desk.ui.common import links
from closer_desk.ui.common.room import PlanCall
from closer_desk.ui.shell.mainwindow import MainWindow
from closer_desk.ui.shell.rooms_wiring import RoomsWiring
from tests.helpers.factories import at
from tests.ui.conftest import context_click, settle

BUSY_ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:dentist-1@test\r\nDTSTAMP:20260301T000000Z\r\n"
    "DTSTART:20260304T090000Z\r\nDTEND:20260304T100000Z\r\nSUMMARY:Dentist\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.fixture
def booked(agenda: Any) -> Any:
    """Tuesday 3 March 2026 (Paris): 10:00 Acme/Gabriel (a phone call), 14:00 Érable/Omar."""
    first = agenda.book(
        company="Acme",
        prospect="Gabriel",
        start=at("2026-03-03 10:00", "Europe/Paris"),
        minutes=45,
        phone="+1 514 555 0123",
    )
    second = agenda.book(
        company="Érable", prospect="Omar", start=at("2026-03-03 14:00", "Europe/Paris"), minutes=30
    )
    return first, second


@pytest.fixture
def window(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, booked: Any, agenda: Any
) -> MainWindow:
    win = MainWindow(source, clock, settings, prompts=prompts)
    qtbot.addWidget(win)
    RoomsWiring(win, source, clock, agenda.path)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, source.tasks)
    return win


def wiring(window: MainWindow) -> RoomsWiring:
    found = window.findChild(RoomsWiring)
    assert found is not None
    return found


def test_every_room_is_in_the_go_menu_with_its_shortcut(qtbot: Any, window: MainWindow) -> None:
    titles = [a.text() for a in window.menu("go").actions()]
    assert titles == [
        "Agenda",
        "Planner",
        "Companies",
        "Prospects",
        "Closers",
        "Reports",
        "Pipeline",
        "Outbox",
    ]
    for key, room in (
        (Qt.Key.Key_6, "reports"),
        (Qt.Key.Key_7, "pipeline"),
        (Qt.Key.Key_2, "planner"),
        (Qt.Key.Key_1, "agenda"),
    ):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_room() == room
        settle(qtbot, window.source.tasks)
    pipeline = wiring(window).built("pipeline")
    assert pipeline is not None and pipeline.model.rowCount() >= 0


def test_the_calendar_menu_sits_before_help(window: MainWindow) -> None:
    bar = [a.text() for a in window.menuBar().actions()]
    assert bar.index("&Calendar") == bar.index("&Help") - 1
    texts = [a.text() for a in window.menu("calendar").actions() if a.text()]
    assert texts == [
        "&Import calendar…",
        "&Busy calendars…",
        "&Export…",
        "&Save invite…",
        "&Copy invite",
        "Send &invite",
        "&Restore from backup…",
    ]


def test_selecting_a_call_shows_its_desk_and_follows_the_selection(
    qtbot: Any, window: MainWindow, booked: Any
) -> None:
    wired = wiring(window)
    assert wired.desk is None  # built on first use, not at start-up
    window.agenda.select(booked[0].id)
    qtbot.waitUntil(lambda: wired.desk is not None and wired.desk.desk_data() is not None)
    assert wired.desk.desk_data().desk.appointment.id == booked[0].id
    assert wired.desk.isVisibleTo(window.agenda.details)
    assert not window.agenda.details.outcomes.isVisibleTo(window.agenda.details)
    with qtbot.waitSignal(wired.desk.loaded) as loaded:
        window.agenda.select(booked[1].id)
    assert loaded.args == [booked[1].id]


def test_a_follow_up_opens_the_planner_and_the_booked_call_continues_it(
    qtbot: Any, window: MainWindow, booked: Any, agenda: Any, clock: Any
) -> None:
    wired = wiring(window)
    clock.now = booked[0].end  # the call was held: its outcome can be recorded
    window.agenda.select(booked[0].id)
    qtbot.waitUntil(lambda: wired.desk is not None and wired.desk.desk_data() is not None)
    with qtbot.waitSignal(wired.desk.requested) as asked:
        wired.desk.record_outcome(OutcomeChoice.FOLLOW_UP)
    prospect_id = booked[0].prospect_id
    assert asked.args == [PlanCall(prospect_id, booked[0].id)]
    qtbot.waitUntil(lambda: window.current_room() == "planner")
    planner = window.room("planner")
    with qtbot.waitSignal(planner.slots_found, timeout=10000):
        pass
    assert planner.prospect_box.currentData() == prospect_id
    assert planner.company_box.currentData()[0] == booked[0].company_id
    assert planner.next_after == (prospect_id, booked[0].id)
    assert "follows up" in planner.status.text()
    with (
        qtbot.waitSignal(window.source.changed, timeout=10000),
        qtbot.waitSignal(planner.slot_booked, timeout=10000) as done,
    ):
        planner.book_selected()
    new = agenda.appointment(done.args[0])
    assert new.previous_id == booked[0].id and new.prospect_id == prospect_id
    assert new.phone == booked[0].phone  # the earlier call's number, kept
    assert planner.next_after is None


def test_the_pipeline_plan_button_opens_the_planner_on_its_prospect(
    qtbot: Any, window: MainWindow, agenda: Any
) -> None:
    haruto = next(p for p in agenda.prospects() if p.name == "Haruto Sato")
    agenda.edit_prospect(haruto.id, temperature="hot")
    window.show_room("pipeline")
    pipeline = window.room("pipeline")
    qtbot.waitUntil(lambda: pipeline.model.rowCount() > 0)
    row = next(
        r
        for r in range(pipeline.model.rowCount())
        if pipeline.model.item(r).prospect.id == haruto.id
    )
    pipeline.plan_button(row).click()
    qtbot.waitUntil(lambda: window.current_room() == "planner")
    planner = window.room("planner")
    qtbot.waitUntil(lambda: planner.prospect_box.currentData() == haruto.id)


def test_import_a_calendar_then_the_views_reload(
    qtbot: Any, window: MainWindow, agenda: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ics = tmp_path / "other.ics"
    ics.write_text(BUSY_ICS, newline="")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(ics), "Calendar files (*.ics)")
    )
    calendar = wiring(window).calendar
    calendar.actions["import"].trigger()
    dialog = calendar.import_dialog
    assert dialog is not None and dialog.isVisible()
    browse = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Browse…")
    browse.click()
    assert dialog.path_edit.text() == str(ics)
    with qtbot.waitSignals([dialog.imported, window.source.changed], timeout=10000):
        dialog.import_button.click()
    assert dialog.report.added == 1
    assert "1 added" in dialog.status.text()
    closer = agenda.closer()
    blocks = agenda.busy_blocks(
        closer.id, at("2026-03-04 00:00", "Europe/Paris"), at("2026-03-05 00:00", "Europe/Paris")
    )
    assert [b.summary for b in blocks] == ["Dentist"]
    qtbot.waitUntil(lambda: not dialog.is_running())
    dialog.done(QDialog.DialogCode.Accepted)


def test_export_writes_the_days_chosen_to_the_file_chosen(
    qtbot: Any, window: MainWindow, booked: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "export.ics"
    monkeypatch.setattr(ExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted.value)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    calendar = wiring(window).calendar
    with qtbot.waitSignal(calendar.exported) as exported:
        calendar.actions["export"].trigger()
    assert exported.args == [target, 2]
    data = target.read_bytes()
    assert data.count(b"BEGIN:VEVENT") == 2 and b"METHOD:PUBLISH" in data
    assert "2 calls exported" in window.status.text()


def test_export_cancelled_writes_nothing(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted.value)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))
    calendar = wiring(window).calendar
    with qtbot.assertNotEmitted(calendar.exported, wait=50):
        calendar.export_calendar()
    assert calendar.last_export is None and not window.source.tasks.is_busy()


def test_save_and_copy_the_selected_calls_invite(
    qtbot: Any, window: MainWindow, booked: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "invite.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    calendar = wiring(window).calendar
    calendar.actions["save_invite"].trigger()
    assert not target.exists() and "Select a call first" in window.status.text()
    window.agenda.select(booked[1].id)
    with qtbot.waitSignal(calendar.invite_saved):
        calendar.actions["save_invite"].trigger()
    data = target.read_bytes()
    assert b"METHOD:REQUEST" in data and b"Omar" in data
    # The same from the buttons under the call's details.
    copy = next(
        b for b in wiring(window).invite_row.findChildren(QPushButton) if b.text() == "Copy invite"
    )
    with qtbot.waitSignal(calendar.invite_copied):
        copy.click()
    mime = QGuiApplication.clipboard().mimeData()
    assert b"METHOD:REQUEST" in bytes(mime.data("text/calendar").data())


def test_the_grid_context_menu_selects_the_call_under_the_pointer(
    qtbot: Any, window: MainWindow, booked: Any
) -> None:
    grid = window.agenda.grid
    block = grid.block_of(booked[1].id)
    assert block is not None
    centre = grid.block_rect(block).center().toPoint()
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.RightButton, pos=centre)
    context_click(grid.viewport(), centre)
    assert window.agenda.selected_id == booked[1].id
    menu = window.agenda.context_menu
    assert menu is not None
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "&Edit…",
        "C&all the prospect",
        "&Move to…",
        "D&uplicate…",
        "&Outcome (once the call has started)",
        "&Cancel the call…",
        "&Save invite…",
        "&Copy invite",
        "Send &invite",
    ]
    menu.close()


def test_restore_from_backup_reopens_the_agenda(
    qtbot: Any, window: MainWindow, agenda: Any, booked: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    durability.backup_now(agenda.path, date(2026, 3, 1))
    later = agenda.book(
        company="Acme", prospect="Haruto", start=at("2026-03-04 09:00", "Europe/Paris")
    )
    window.source.refresh()
    settle(qtbot, window.source.tasks)
    assert window.agenda.grid.block_of(later.id) is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    dialog = wiring(window).restore_from_backup()
    dialog.backups.setCurrentRow(0)
    with qtbot.waitSignal(window.source.changed):
        assert dialog.restore_selected()
    settle(qtbot, window.source.tasks)
    # The same Agenda object reads the restored file: the later call is gone everywhere.
    week = agenda.appointments(
        at("2026-03-02 00:00", "Europe/Paris"), at("2026-03-09 00:00", "Europe/Paris")
    )
    assert [a.id for a in week] == [booked[0].id, booked[1].id]
    assert window.agenda.grid.block_of(later.id) is None
    assert window.agenda.grid.block_of(booked[0].id) is not None
    assert dialog.kept_as is not None and dialog.kept_as.exists()


def test_a_damaged_agenda_at_start_is_restored_then_opened(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import closer_desk.store as store
    from closer_desk.ui.shell import backups_dialog

    real_open = store.open_agenda
    path = tmp_path / "damaged.sqlite3"
    calls: list[str] = []

    def open_agenda(target: Any, **kwargs: Any) -> Any:
        calls.append("open")
        if len(calls) == 1:
            raise AgendaCorruptError(str(target), "page 3 is damaged", str(tmp_path / "b"))
        return real_open(target, **kwargs)

    def offer(error: AgendaCorruptError, parent: Any) -> bool:
        calls.append(f"offer {error.detail}")
        return True

    monkeypatch.setattr(store, "open_agenda", open_agenda)
    monkeypatch.setattr(backups_dialog, "offer_restore", offer)
    monkeypatch.setattr(type(qapp), "exec", lambda *_a: 0)
    assert app.main(["--db", str(path)]) == 0
    assert calls == ["open", "offer page 3 is damaged", "open"]
    for widget in qapp.topLevelWidgets():
        widget.close()
        widget.deleteLater()


def test_links_go_through_the_one_door(
    qtbot: Any, window: MainWindow, booked: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    refused: list[str] = []
    real = links.open_link

    def door(url: str, parent: Any = None, **_k: Any) -> bool:
        return real(
            url,
            parent,
            opener=lambda q: opened.append(q.toString()) or True,
            on_refused=refused.append,
        )

    monkeypatch.setattr(links, "open_link", door)
    assert not desktop_open(QUrl("javascript:alert(1)"))
    assert refused and "javascript:alert(1)" in refused[0] and opened == []
    window.agenda.select(booked[0].id)
    assert window.agenda.details.call()
    assert opened == ["tel:+15145550123"]


def test_a_damaged_agenda_found_after_the_paint_offers_its_backup(
    qtbot: Any,
    agenda: Any,
    clock: Any,
    settings: Any,
    prompts: Any,
    tasks: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from closer_desk.ui.common.source import AgendaSource
    from closer_desk.ui.shell import backups_dialog

    opened: list[str] = []

    def opener() -> Any:
        opened.append("open")
        if len(opened) == 1:
            raise AgendaCorruptError(str(agenda.path), "page 3 is damaged", "backup")
        return agenda

    offers: list[str] = []
    monkeypatch.setattr(
        backups_dialog, "offer_restore", lambda error, _parent: offers.append(error.detail) or True
    )
    source = AgendaSource(None, tasks, opener=opener)
    win = MainWindow(source, clock, settings, prompts=prompts)
    qtbot.addWidget(win)
    RoomsWiring(win, source, clock, agenda.path)
    qtbot.waitUntil(lambda: win.agenda.page is not None, timeout=5000)
    settle(qtbot, tasks)
    assert offers == ["page 3 is damaged"]
    assert prompts.informed == []  # a backup offered, not a bare error
    assert win.agenda.closer is not None and win.agenda.closer.name == "Camille Durand"
