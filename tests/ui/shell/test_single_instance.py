"""Single instance per agenda (real second processes) and the window seeing the CLI's writes."""

from __future__ import annotations

import os
import socket
import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QProcess, QProcessEnvironment
from PySide6.QtWidgets import QMainWindow

from closer_desk.store import durability, open_agenda
from closer_desk.ui.shell.external_changes import ExternalChangeWatcher
from closer_desk.ui.shell.single_instance import (
    InstanceServer,
    bring_forward,
    claim_first,
    claim_or_forward,
    server_name,
)
from tests.helpers.factories import FakeClock, at, make_agenda

ROOT = Path(__file__).resolve().parents[3]


def _process(qtbot, *args: str) -> QProcess:
    process = QProcess()
    env = QProcessEnvironment.systemEnvironment()
    env.insert("PYTHONPATH", str(ROOT))
    process.setProcessEnvironment(env)
    process.setWorkingDirectory(str(ROOT))
    process.setProgram(sys.executable)
    process.setArguments(list(args))
    return process


def _run(qtbot, process: QProcess, timeout: int = 30_000) -> int:
    with qtbot.waitSignal(process.finished, timeout=timeout):
        process.start()
    return process.exitCode()


@pytest.fixture
def db(qapp, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "agenda.sqlite3"
    make_agenda(path, FakeClock()).close()
    yield path
    # claim_or_forward parents its listener to the application: stop this test's listeners.
    for server in qapp.findChildren(InstanceServer):
        server.close()
        server.setParent(None)
        server.deleteLater()


def test_a_second_start_forwards_its_argv_and_exits_0(qtbot, db: Path) -> None:
    received: list[list[str]] = []
    assert claim_or_forward(db, received.append)
    second = _process(qtbot, "-m", "tests.ui.shell.second_instance", str(db), "--db", str(db))
    assert _run(qtbot, second) == 0, bytes(second.readAllStandardError().data())
    qtbot.waitUntil(lambda: received == [["--db", str(db)]])


def test_a_second_start_waits_for_a_first_instance_still_opening_its_window(
    qtbot, db: Path
) -> None:
    # The first instance settles that it is first before its window is built (a lock) and
    # listens only once its agenda is painted: a second start in between waits for it.
    first = _process(qtbot, "-m", "tests.ui.shell.first_instance", str(db), "700")
    with qtbot.waitSignal(first.readyReadStandardOutput, timeout=30_000):
        first.start()
    assert bytes(first.readLine().data()).strip() == b"claimed"
    assert claim_first(db, ["--db", str(db)]) is None  # forwarded, once it listened
    with qtbot.waitSignal(first.finished, timeout=30_000):
        pass
    assert first.exitCode() == 0, bytes(first.readAllStandardError().data())
    said = bytes(first.readAllStandardOutput().data()).decode().strip()
    assert said == 'activated ["--db", "' + str(db) + '"]'


def test_another_agenda_gets_its_own_instance(qtbot, db: Path, tmp_path: Path) -> None:
    assert claim_or_forward(db, lambda argv: None)
    other = tmp_path / "other.sqlite3"
    assert server_name(other) != server_name(db)
    # The same file reached through another spelling is the same agenda.
    assert server_name(tmp_path / "." / "agenda.sqlite3") == server_name(db)
    second = _process(qtbot, "-m", "tests.ui.shell.second_instance", str(other))
    assert _run(qtbot, second) == 3


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="stale sockets are files on Unix")
def test_a_stale_socket_from_a_crashed_instance_is_taken_over(qtbot, db: Path) -> None:
    path = os.path.join(QDir.tempPath(), server_name(db))
    crashed = socket.socket(socket.AF_UNIX)
    crashed.bind(path)  # a socket file nobody listens on any more, as a killed instance leaves
    crashed.close()
    assert os.path.exists(path)
    received: list[list[str]] = []
    assert claim_or_forward(db, received.append)
    second = _process(qtbot, "-m", "tests.ui.shell.second_instance", str(db), "again")
    assert _run(qtbot, second) == 0
    qtbot.waitUntil(lambda: received == [["again"]])


def test_a_garbled_message_is_refused_and_does_not_activate(qtbot, qapp, db: Path) -> None:
    from PySide6.QtNetwork import QLocalSocket

    received: list[list[str]] = []
    server = InstanceServer(server_name(db), received.append, parent=qapp)
    assert server.listen()
    client = QLocalSocket()
    client.connectToServer(server.name)
    assert client.waitForConnected(3000)
    client.write(b"{not json\n")
    with qtbot.waitSignal(client.readyRead, timeout=5000):
        pass
    assert bytes(client.readAll().data()) == b"error\n"
    assert received == []
    client.disconnectFromServer()


# The offscreen platform has no window stack to raise in; it says so.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_bring_forward_restores_a_minimised_window(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_forward(window)
    assert window.isVisible() and not window.isMinimized()


def test_the_window_sees_a_booking_made_by_the_cli(qtbot, db: Path) -> None:
    agenda = open_agenda(db, clock=FakeClock(), daily_backup=False)
    watcher = ExternalChangeWatcher(db, interval_ms=20)
    watcher.start()
    cli = _process(
        qtbot,
        "-m",
        "closer_desk",
        "--db",
        str(db),
        "book",
        "--company",
        "Acme",
        "--prospect",
        "Omar",
        "--start",
        "2026-03-04 11:00",
        "--tz",
        "Europe/Paris",
    )
    with qtbot.waitSignal(watcher.changed, timeout=30_000):
        cli.start()
    qtbot.waitUntil(lambda: cli.state() == QProcess.ProcessState.NotRunning, timeout=30_000)
    assert cli.exitCode() == 0, bytes(cli.readAllStandardError().data())
    start = at("2026-03-04 11:00", "Europe/Paris")
    shown = agenda.appointments(start, start.replace(hour=23))
    assert [a.start for a in shown] == [start]
    watcher.stop()
    agenda.close()


def test_own_writes_are_not_news_and_quiet_files_stay_quiet(qtbot, db: Path) -> None:
    version = [1]
    watcher = ExternalChangeWatcher(db, probe=lambda: version[0])
    committed, polled = threading.Event(), threading.Event()

    def write() -> None:  # the door's write, on the worker thread
        with watcher.own_write():
            version[0] = 2  # the window's own commit
            committed.set()
            polled.wait(5)

    with qtbot.assertNotEmitted(watcher.changed):
        watcher.poll()
        worker = threading.Thread(target=write)
        worker.start()
        committed.wait(5)
        watcher.poll()  # the timer's tick during the write skips its turn
        polled.set()
        worker.join()
        watcher.poll()
    version[0] = 3  # another program's
    with qtbot.waitSignal(watcher.changed, timeout=1000):
        watcher.poll()
    version[0] = 4
    watcher.resync()
    with qtbot.assertNotEmitted(watcher.changed):
        watcher.poll()


def test_the_cli_writing_while_the_window_writes_never_corrupts(qtbot, db: Path) -> None:
    agenda = open_agenda(db, clock=FakeClock(), daily_backup=False)
    clis = []
    for n in range(3):
        cli = _process(
            qtbot,
            "-m",
            "closer_desk",
            "--db",
            str(db),
            "book",
            "--company",
            "Érable",
            "--prospect",
            "Haruto",
            "--start",
            f"2026-03-1{n} 08:00",
            "--tz",
            "Europe/Paris",
        )
        cli.start()
        clis.append(cli)
    # The window books meanwhile, on its own connection.
    for day in range(20):
        agenda.book(
            company="Acme",
            prospect="Omar",
            start=at(f"2026-04-{day + 1:02d} 10:00", "Europe/Paris"),
        )
    for cli in clis:
        qtbot.waitUntil(lambda c=cli: c.state() == QProcess.ProcessState.NotRunning, timeout=30_000)
        assert cli.exitCode() == 0, bytes(cli.readAllStandardError().data())
    assert agenda.count_appointments() == 23
    agenda.close()
    assert durability.check(db, full=True) == []
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
