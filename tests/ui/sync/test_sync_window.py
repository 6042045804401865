"""The window's sync against a real Radicale: set-up and "Test the connection", the background
sync both ways, the conflict dialog, offline and back."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from closer_desk.core.model import AgendaEntry
from closer_desk.store import Agenda
from closer_desk.store.schema import appointments
from closer_desk.store.sync import api
from closer_desk.ui.common import i18n
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.tasks import TaskManager
from closer_desk.ui.shell.rooms_wiring import RoomsWiring
from closer_desk.ui.sync.area import SyncArea
from tests.helpers.caldav_servers import USERS, Server, start_files, start_radicale
from tests.helpers.factories import NOW, at
from tests.sync.conftest import dominiques_calendar
from tests.sync.test_subscriptions import _in_the_file
from tests.ui.conftest import settle

WAIT = 30_000  # a bound for a stuck server, not a speed budget


def _by_uid(agenda: Agenda, uid: str) -> Any:
    with agenda.engine.connect() as conn:
        found = conn.execute(select(appointments.c.id).where(appointments.c.uid == uid)).scalar()
    return None if found is None else agenda.appointment(found)


def _shown(wiring: RoomsWiring, uid: str) -> AgendaEntry | None:
    return next((e for e in wiring.window.agenda.entries if e.appointment.uid == uid), None)


def _synced(qtbot: QtBot, area: SyncArea) -> list[Any]:
    with qtbot.waitSignal(area.scheduler.synced, timeout=WAIT) as done:
        area.scheduler.sync_now()
    return list(done.args[0])


def _book(agenda: Agenda, when: str) -> Any:
    return agenda.book(
        company="Acme", prospect="Gabriel", start=at(when, "Europe/Paris"), minutes=30
    )


def _share(server: Server, *agendas: Agenda) -> None:
    for agenda in agendas:
        api.set_up(agenda, "Camille", server.calendar("camille", "calls"))


def _started(qtbot: QtBot, area: SyncArea) -> None:
    with qtbot.waitSignal(area.scheduler.synced, timeout=WAIT):
        area.scheduler.start()


def test_set_up_tests_the_connection_in_one_line_and_keeps_the_password_in_the_keyring(
    qtbot: QtBot,
    area: SyncArea,
    agenda: Agenda,
    radicale_accounts: Server,
    safe_keyring: Any,
    tasks: TaskManager,
) -> None:
    dialog = area.open_setup()
    qtbot.waitUntil(
        lambda: dialog.closer.count() == 1 and dialog.test_button.isEnabled(), timeout=WAIT
    )
    dialog.url.setText(radicale_accounts.calendar("camille", "calls"))
    dialog.user.setText("camille")
    dialog.password.setText("not-the-password")
    dialog.test_connection()
    assert not dialog.test_button.isEnabled()  # the server is asked on the worker
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=WAIT)
    assert dialog.answer.text() == "The server refused the user name or password (HTTP 401)."

    dialog.password.setText(USERS["camille"])
    dialog.test_connection()
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=WAIT)
    # No calendar yet: the login is good, and sharing creates it.
    assert dialog.answer.text() == "Connected: no calendar there yet; sharing creates it."

    with qtbot.waitSignal(area.scheduler.synced, timeout=WAIT):  # set up, then synced at once
        dialog.save()
    assert dialog.answer.text() == "Camille Durand's calls are shared (read and write)."
    assert list(safe_keyring.held.values()) == [USERS["camille"]]
    assert dialog.password.text() == ""
    dialog.test_connection()  # the password now comes from the keyring
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=WAIT)
    assert dialog.answer.text() == "Connected: a calendar this account may read and write."
    qtbot.waitUntil(lambda: area.status.label.text().startswith("Synced "), timeout=WAIT)
    assert area.status.isVisible() and not area.status.conflicts.isVisible()
    settle(qtbot, tasks)
    [account] = api.accounts(agenda)
    assert (account.username, account.can_write) == ("camille", True)


def test_a_call_booked_in_the_window_reaches_the_server_and_a_server_change_comes_back(
    qtbot: QtBot,
    wiring: RoomsWiring,
    area: SyncArea,
    agenda: Agenda,
    assistant_agenda: Agenda,
    source: AgendaSource,
    radicale: Server,
    tasks: TaskManager,
) -> None:
    _share(radicale, agenda, assistant_agenda)
    _started(qtbot, area)

    # Booked in the window: sent by the sync that follows the write, not by the timer.
    booked: list[Any] = []
    with qtbot.waitSignal(area.scheduler.synced, timeout=WAIT) as sent:
        source.write(None, lambda a: _book(a, "2026-03-03 10:00"), booked.append)
    assert [r.pushed for r in sent.args[0]] == [1]
    [pulled] = api.sync(assistant_agenda)
    assert pulled.pulled == 1
    mirror = _by_uid(assistant_agenda, booked[0].uid)
    assert mirror.start == at("2026-03-03 10:00", "Europe/Paris")

    # Moved on the other machine: in the window after the next sync.
    assistant_agenda.move(mirror.id, at("2026-03-04 15:00", "Europe/Paris"))
    api.sync(assistant_agenda)
    [report] = _synced(qtbot, area)
    assert report.pulled == 1
    qtbot.waitUntil(
        lambda: (
            (e := _shown(wiring, mirror.uid)) is not None
            and e.appointment.start == at("2026-03-04 15:00", "Europe/Paris")
        ),
        timeout=WAIT,
    )
    settle(qtbot, tasks)
    assert area.scheduler.state.pending == 0
    assert "To send" not in area.status.label.text()


def test_a_conflict_shows_the_dialog_and_keeping_theirs_keeps_theirs(
    qtbot: QtBot,
    wiring: RoomsWiring,
    area: SyncArea,
    agenda: Agenda,
    assistant_agenda: Agenda,
    source: AgendaSource,
    radicale: Server,
    tasks: TaskManager,
) -> None:
    _share(radicale, agenda, assistant_agenda)
    call = _book(agenda, "2026-03-03 10:00")
    _started(qtbot, area)
    api.sync(assistant_agenda)
    theirs = _by_uid(assistant_agenda, call.uid)
    assistant_agenda.move(theirs.id, at("2026-03-05 11:00", "Europe/Paris"))
    api.sync(assistant_agenda)

    # The same field changed in the window: its sync finds the conflict and asks.
    with qtbot.waitSignal(area.scheduler.conflicts_found, timeout=WAIT):
        source.write(None, lambda a: a.move(call.id, at("2026-03-04 09:00", "Europe/Paris")))
    dialog = area.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.calls.count() == 1, timeout=WAIT)
    assert dialog.calls.item(0).text().startswith("Gabriel Tremblay — Camille Durand")
    cells = [dialog.fields.item(0, c).text() for c in range(3)]
    assert cells[0] == "Time"
    assert cells[1].startswith(f"Wed 4 Mar 2026 {i18n.format_time(datetime(2026, 3, 4, 9, 0))}")
    assert cells[2].startswith("Thu 5 Mar 2026 11:00")
    assert area.status.conflicts.isVisible() and area.status.conflicts.text() == "Conflicts: 1"

    with qtbot.waitSignal(dialog.resolved, timeout=WAIT):
        dialog.keep_theirs.click()
    qtbot.waitUntil(lambda: dialog.calls.count() == 0, timeout=WAIT)
    assert dialog.answer.text() == "Kept theirs: the server's version is in the agenda."
    qtbot.waitUntil(
        lambda: (
            (e := _shown(wiring, call.uid)) is not None
            and e.appointment.start == at("2026-03-05 11:00", "Europe/Paris")
        ),
        timeout=WAIT,
    )
    qtbot.waitUntil(lambda: not area.status.conflicts.isVisible(), timeout=WAIT)
    settle(qtbot, tasks)
    assert api.conflicts(agenda) == []
    assert agenda.appointment(call.id).start == at("2026-03-05 11:00", "Europe/Paris")


def test_offline_the_window_works_the_status_bar_says_so_and_the_sync_resumes(
    qtbot: QtBot,
    wiring: RoomsWiring,
    area: SyncArea,
    agenda: Agenda,
    assistant_agenda: Agenda,
    source: AgendaSource,
    tmp_path: Path,
    tasks: TaskManager,
) -> None:
    storage = tmp_path / "radicale-restarted"
    server = start_radicale(storage)
    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    _share(server, agenda, assistant_agenda)
    _started(qtbot, area)
    server.stop()
    try:
        booked: list[Any] = []
        with qtbot.waitSignal(area.scheduler.state_changed, timeout=WAIT):
            source.write(None, lambda a: _book(a, "2026-03-03 10:00"), booked.append)
        qtbot.waitUntil(lambda: area.scheduler.state.offline, timeout=WAIT)
        qtbot.waitUntil(
            lambda: (
                area.status.label.text()
                == "Offline: the sync resumes when the server answers · To send: 1"
            ),
            timeout=WAIT,
        )
        # Nothing lost, and the window goes on: the call is in the agenda and on screen.
        qtbot.waitUntil(lambda: _shown(wiring, booked[0].uid) is not None, timeout=WAIT)

        server = start_radicale(storage, port=port)  # the server is back
        qtbot.waitUntil(
            lambda: not area.scheduler.state.offline and area.scheduler.state.pending == 0,
            timeout=WAIT,
        )
        qtbot.waitUntil(lambda: area.status.label.text().startswith("Synced "), timeout=WAIT)
        settle(qtbot, tasks)
        [report] = api.sync(assistant_agenda)
        assert report.pulled == 1
        assert _by_uid(assistant_agenda, booked[0].uid) is not None
    finally:
        server.stop()


def test_a_call_to_rebook_after_a_sync_says_so_under_its_details(
    qtbot: QtBot,
    wiring: RoomsWiring,
    area: SyncArea,
    agenda: Agenda,
    assistant_agenda: Agenda,
    radicale: Server,
    clock: Any,
) -> None:
    _share(radicale, agenda, assistant_agenda)
    first = _book(agenda, "2026-03-03 10:00")
    clock.now += timedelta(minutes=5)  # the assistant books the same hour a little later
    second = assistant_agenda.book(
        company="Érable", prospect="Omar", start=at("2026-03-03 10:15", "Europe/Paris")
    )
    _started(qtbot, area)
    api.sync(assistant_agenda)
    _synced(qtbot, area)
    qtbot.waitUntil(lambda: _shown(wiring, second.uid) is not None, timeout=WAIT)
    later = _shown(wiring, second.uid)
    assert later is not None
    note = area.note
    wiring.window.agenda.select(later.appointment.id)
    qtbot.waitUntil(lambda: note.flag is not None, timeout=WAIT)
    assert note.isVisible()
    assert note.text() == (
        "To rebook: overlaps the call with Gabriel Tremblay (Tue 3 Mar 2026 "
        f"{i18n.format_time(datetime(2026, 3, 3, 10, 0))}), booked before it."
    )
    wiring.window.agenda.select(first.id)
    qtbot.waitUntil(
        lambda: note.text().startswith("Overlaps the call with Omar Haddad"), timeout=WAIT
    )


def open_on_a_busy_file(qtbot: QtBot, area: SyncArea, files: Any) -> Any:
    """The set-up dialog, ready, and one busy hour in the served file ``work.ics``."""
    (files.storage / "work.ics").write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        "BEGIN:VEVENT\r\nUID:a@google\r\nDTSTAMP:20260301T000000Z\r\n"
        "DTSTART:20260303T090000Z\r\nDTEND:20260303T100000Z\r\nSUMMARY:Busy\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    dialog = area.open_setup()
    qtbot.waitUntil(dialog.add_button.isEnabled, timeout=WAIT)
    return dialog


def test_subscriptions_are_listed_added_and_removed_for_a_closer(
    qtbot: QtBot, area: SyncArea, agenda: Agenda, tmp_path: Path, tasks: TaskManager
) -> None:
    files = start_files(tmp_path / "files")
    try:
        dialog = open_on_a_busy_file(qtbot, area, files)
        assert not dialog.remove_button.isEnabled()
        asked = dialog.ask_subscription()
        asked.url.setText(files.url + "work.ics")
        asked.name.setText("Work (Google)")
        with qtbot.waitSignal(area.source.changed, timeout=WAIT) as announced:
            asked.accept()
        assert announced.args[0].busy == {agenda.closer().id}
        qtbot.waitUntil(lambda: dialog.subscriptions.count() == 1, timeout=WAIT)
        assert dialog.answer.text() == "Work (Google) subscribed; events read as busy time: 1."
        assert dialog.subscriptions.item(0).text().startswith("Work (Google) — http://127.0.0.1")

        dialog.subscribe("ftp://example.com/x.ics")  # refused in one line, nothing written
        qtbot.waitUntil(dialog.add_button.isEnabled, timeout=WAIT)
        assert dialog.answer.text() == "“ftp://example.com/x.ics” must start with https:// " + (
            "(http:// only to this machine)."
        )
        dialog.subscriptions.setCurrentRow(0)
        with qtbot.waitSignal(area.source.changed, timeout=WAIT):
            dialog.remove_button.click()
        qtbot.waitUntil(lambda: dialog.subscriptions.count() == 0, timeout=WAIT)
        assert dialog.answer.text() == "Work (Google) removed, with its busy time."
        settle(qtbot, tasks)
        assert agenda.busy_blocks(agenda.closer().id, NOW, NOW + timedelta(days=7)) == []
    finally:
        files.stop()


def test_an_unusable_subscription_address_keeps_the_dialog_open_with_what_was_typed(
    qtbot: QtBot, area: SyncArea, tmp_path: Path, tasks: TaskManager
) -> None:
    files = start_files(tmp_path / "files")
    try:
        dialog = open_on_a_busy_file(qtbot, area, files)
        asked = dialog.ask_subscription()
        qtbot.waitExposed(asked)
        typed = ("file:///tmp/x.ics", "Work (Google)", "camille", "s3cret")
        for edit, text in zip(
            (asked.url, asked.name, asked.user, asked.password), typed, strict=True
        ):
            edit.setText(text)
        closed: list[int] = []
        asked.finished.connect(closed.append)
        asked.accept()
        assert asked.isVisible() and closed == []
        assert asked.refusal.isVisible()
        # The reason is the one line a refused subscription gets (words.sync_error).
        assert asked.refusal.text().startswith("“file:///tmp/x.ics” ")
        assert (asked.url.text(), asked.name.text(), asked.user.text()) == typed[:3]
        assert asked.password.text() == "s3cret"
        settle(qtbot, tasks)
        assert dialog.subscriptions.count() == 0
        asked.url.setText(files.url + "work.ics")  # a usable one: the dialog closes
        asked.user.clear()
        asked.password.clear()
        with qtbot.waitSignal(area.source.changed, timeout=WAIT):
            asked.accept()
        assert closed == [QDialog.DialogCode.Accepted]
        qtbot.waitUntil(lambda: dialog.subscriptions.count() == 1, timeout=WAIT)
    finally:
        files.stop()


def test_a_subscription_that_asks_for_a_login_takes_it_and_keeps_the_password_safe(
    qtbot: QtBot,
    area: SyncArea,
    agenda: Agenda,
    assistant_agenda: Agenda,
    radicale_accounts: Server,
    safe_keyring: Any,
    monkeypatch: Any,
) -> None:
    # Dominique's calendar, which the assistant's login may read (the rights file).
    theirs = dominiques_calendar(
        assistant_agenda, radicale_accounts, monkeypatch, "2026-03-03 12:00"
    )

    dialog = area.open_setup()
    qtbot.waitUntil(dialog.add_button.isEnabled, timeout=WAIT)
    for password in ("not-the-password", USERS["assistant"]):
        asked = dialog.ask_subscription()
        asked.url.setText(theirs)
        asked.name.setText("Dominique")
        asked.user.setText("assistant")
        asked.password.setText(password)
        assert asked.password.echoMode() == asked.password.EchoMode.Password
        asked.accept()
        assert not dialog.add_button.isEnabled()  # read on the worker
        qtbot.waitUntil(dialog.add_button.isEnabled, timeout=WAIT)
        if password != USERS["assistant"]:
            assert dialog.answer.text() == "The server refused the user name or password " + (
                "(HTTP 401)."
            )
            assert dialog.subscriptions.count() == 0
    qtbot.waitUntil(lambda: dialog.subscriptions.count() == 1, timeout=WAIT)
    assert dialog.answer.text() == "Dominique subscribed; events read as busy time: 1."
    # Kept where each sync's refresh finds it: the keyring, never the agenda file.
    assert USERS["assistant"] in safe_keyring.held.values()
    settle(qtbot, area.source.tasks)
    assert not _in_the_file(agenda, USERS["assistant"])


def test_the_interval_of_the_background_sync_comes_from_the_settings(
    source: AgendaSource, settings: Any
) -> None:
    from closer_desk.ui.sync.scheduler import INTERVAL_KEY, SyncScheduler

    settings.setValue(INTERVAL_KEY, 2)
    scheduler = SyncScheduler(source, settings)
    scheduler.start()
    assert scheduler.timer.interval() == 2 * 60_000 and scheduler.timer.isActive()
    settings.setValue(INTERVAL_KEY, "0")  # off: only after changes and when asked
    off = SyncScheduler(source, settings)
    off.start()
    assert not off.timer.isActive()


def test_the_status_bar_in_french(qtbot: QtBot, french: Any) -> None:
    from closer_desk.ui.sync.scheduler import SyncState
    from closer_desk.ui.sync.status import SyncStatus

    account = api.Account(1, "Camille Durand", "https://dav.example.com/c/", "", True, NOW, "")
    states = (api.State(account, pending=2, conflicts=(), flags=()),)
    status = SyncStatus(lambda: NOW, "Europe/Paris")
    qtbot.addWidget(status)
    status.show_state(SyncState(states))
    assert status.label.text() == "Synchronisé à 09:00 · À envoyer : 2"
    status.show_state(SyncState(states, offline=True))
    assert status.label.text().startswith("Hors ligne : la synchronisation reprendra")


def test_booking_for_a_closer_shared_read_only_is_refused_with_the_reason_in_words(
    qtbot: QtBot,
    agenda: Agenda,
    source: AgendaSource,
    radicale_accounts: Server,
    safe_keyring: Any,
    tasks: TaskManager,
) -> None:
    from closer_desk.ui.common.prompts import describe

    agenda.add_closer("Dominique Martin", "Europe/Paris")
    url = radicale_accounts.calendar("dominique", "calls")
    api.set_up(agenda, "Dominique", url, username="dominique", password=USERS["dominique"])
    api.sync(agenda)  # the calendar exists now, made by its owner
    api.set_up(agenda, "Dominique", url, username="assistant", password=USERS["assistant"])
    refused: list[BaseException] = []
    source.write(
        None,
        lambda a: a.book(
            company="Acme",
            prospect="Gabriel",
            closer="Dominique",
            start=at("2026-03-03 10:00", "Europe/Paris"),
        ),
        None,
        refused.append,
    )
    settle(qtbot, tasks)
    [error] = refused
    assert describe(error) == (
        "Dominique Martin's shared calendar is read-only for this account: their calls cannot "
        "be booked or changed here."
    )


def test_hostile_addresses_are_refused_in_one_line(qtbot: QtBot, area: SyncArea) -> None:
    dialog = area.open_setup()
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=WAIT)
    dialog.test_connection()
    assert dialog.answer.text() == "Enter the calendar's address first."
    for typed, said in (
        ("http://dav.example.com/c/", "must start with https:// (http:// only to this machine)."),
        ("https://exa\x07mple.com/" + "x" * 5000, "is not a usable address."),
        ("https://", "is not a usable address."),
    ):
        dialog.url.setText(typed)
        dialog.test_connection()
        qtbot.waitUntil(dialog.test_button.isEnabled, timeout=WAIT)
        assert dialog.answer.text().endswith(said) and "\n" not in dialog.answer.text()
        assert len(dialog.answer.text()) < 200


def test_an_undone_move_of_a_synced_call_is_pushed_and_so_is_its_redo(
    qtbot: QtBot,
    source: AgendaSource,
    agenda: Agenda,
    assistant_agenda: Agenda,
    radicale: Server,
    tasks: TaskManager,
) -> None:
    # The sync's marks of what changed are the file's, not the user's: the window's undo
    # neither refuses because of them nor takes them back.
    _share(radicale, agenda, assistant_agenda)
    call = _book(agenda, "2026-03-10 10:00")
    api.sync(agenda)
    api.sync(assistant_agenda)
    later = call.start + timedelta(hours=2)
    refused: list[str] = []
    source.history.refused.connect(lambda why, _redo: refused.append(why))
    source.write(None, lambda a: a.move(call.id, later, force=True), undo="Move call")
    settle(qtbot, tasks)
    [moved] = api.sync(agenda)
    assert (moved.compared, moved.pushed) == (1, 1)

    for step, start in (
        (source.history.stack.undo, call.start),
        (source.history.stack.redo, later),
    ):
        with qtbot.waitSignal(source.history.settled, timeout=WAIT):
            step()
        settle(qtbot, tasks)
        [report] = api.sync(agenda)
        assert (report.compared, report.pushed) == (1, 1)
        api.sync(assistant_agenda)
        assert _by_uid(assistant_agenda, call.uid).start == start
    assert refused == []
