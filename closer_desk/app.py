"""The composition root: the QApplication, the agenda file, translators and the main window.

Everything the window needs is made here and handed down through constructors.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QWidget

    from closer_desk.core.model import Closer
    from closer_desk.store import Agenda
    from closer_desk.ui.common.source import AgendaSource
    from closer_desk.ui.common.tasks import TaskManager
    from closer_desk.ui.shell.external_changes import ExternalChangeWatcher
    from closer_desk.ui.shell.mainwindow import MainWindow
    from closer_desk.ui.shell.rooms_wiring import RoomsWiring

#: Where resources live, in a checkout and in the PyInstaller bundle alike (``_internal/``).
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
#: The daily backup reads the whole file: after the first paint, off the GUI thread.
BACKUP_DELAY_MS = 2000


def _system_clock() -> datetime:
    return datetime.now(UTC)


class _Arguments(NamedTuple):
    db: Path | None


def _arguments(argv: Sequence[str]) -> _Arguments:
    """The window's one option, ``--db PATH`` (other arguments are left alone)."""
    rest = list(argv)
    # The usual starts without argparse (its module and its gettext lookups: ~5 ms).
    if not rest:
        return _Arguments(None)
    if len(rest) == 2 and rest[0] == "--db":
        return _Arguments(Path(rest[1]))
    import argparse

    parser = argparse.ArgumentParser(prog="closer-desk", add_help=False)
    parser.add_argument("--db", type=Path, default=None)
    known, _rest = parser.parse_known_args(rest)
    return _Arguments(known.db)


def system_zone() -> str:
    """The system's IANA zone (for the first-run form), UTC when unknown."""
    from PySide6.QtCore import QTimeZone

    name = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
    return os.environ.get("TZ", name) or "UTC"


def host_rooms(
    window: MainWindow,
    source: AgendaSource,
    clock: Callable[[], datetime],
    db_path: Path | None = None,
) -> RoomsWiring:
    """Add the other rooms (planner, companies, prospects, closers, reports, pipeline), the
    call's desk in the details pane, the Calendar menu, the tray reminders and the background
    sync of shared calendars.

    Rooms are given as factories: each is built the first time it is opened, on the window's
    one door to the agenda. What a room writes reaches the others as a ``Changes`` (see
    ``ui.shell.rooms_wiring``). The reminders start once the first page is on screen.
    """
    from closer_desk.ui.shell.rooms_wiring import RoomsWiring

    wiring = RoomsWiring(window, source, clock, db_path)
    wiring.start_reminders_later()
    wiring.start_sync_later()
    return wiring


def host_rooms_after_paint(
    window: MainWindow,
    source: AgendaSource,
    clock: Callable[[], datetime],
    db_path: Path | None = None,
) -> Callable[[], RoomsWiring]:
    """``host_rooms`` once the agenda is on screen (``MainWindow.when_painted``). The other
    rooms, their menus and the mail's and calendars' parts (a fifth of a cold start, with their
    modules) then come a few milliseconds after the calls a closer opened the window to see,
    not before them.

    Returns the way to get the wiring at once (built on the spot if it is not yet): a
    damaged agenda found before then is still offered its backup.
    """
    hosted: list[RoomsWiring] = []

    def host() -> RoomsWiring:
        if not hosted:
            hosted.append(host_rooms(window, source, clock, db_path))
        return hosted[0]

    window.when_painted(host)
    window.on_damaged = lambda error: host().offer_backup(error)
    return host


def _fast_source(db: Path | None, tasks: TaskManager) -> AgendaSource | None:
    """A source whose first page was read without SQLAlchemy (see ``store.first_page``), the
    agenda itself being opened on the worker once the window is up; None when the file needs
    the normal path (new, empty, to upgrade, unreadable...)."""
    from closer_desk.core import tz
    from closer_desk.store.fileinfo import default_db_path
    from closer_desk.store.first_page import read_first_page
    from closer_desk.ui.agenda.view_days import FIRST_VIEW, range_in_view
    from closer_desk.ui.common.source import AgendaSource, Directory, EntriesPage

    path = db if db is not None else default_db_path()
    # A file left unclean (a -wal) is checked when the worker opens it, after the paint; if it
    # is damaged the window offers the newest good backup (RoomsWiring.offer_backup).

    def first_range(closer: Closer) -> tuple[datetime, datetime]:
        today = tz.convert(_system_clock(), closer.zone).date()
        return range_in_view(FIRST_VIEW, today, closer.zone)

    page = read_first_page(path, first_range)
    if page is None or page.closer is None or page.empty:
        return None
    if page.start is None or page.end is None:  # a closer's page always has its range
        return None

    def opener() -> Agenda:
        from closer_desk.store import open_agenda

        return open_agenda(path, clock=_system_clock, daily_backup=False)

    source = AgendaSource(None, tasks, opener=opener)
    source.preload(
        Directory((page.closer,), page.companies, (), page.empty),
        EntriesPage(page.start, page.end, page.closer.id, page.entries),
    )
    return source


def _opened_source(
    db: Path | None, tasks: TaskManager, app: QCoreApplication
) -> AgendaSource | None:
    """A source on the agenda opened (created, upgraded) now; None after an error dialog."""
    from PySide6.QtWidgets import QMessageBox

    from closer_desk import APP_NAME
    from closer_desk.core.errors import AgendaCorruptError, CloserDeskError
    from closer_desk.store import open_agenda
    from closer_desk.ui.common.prompts import describe
    from closer_desk.ui.common.source import AgendaSource
    from closer_desk.ui.shell.backups_dialog import offer_restore

    try:
        try:
            agenda = open_agenda(db, clock=_system_clock, daily_backup=False)
        except AgendaCorruptError as damaged:
            # The user is offered the newest good backup; the damaged file is kept aside.
            if not offer_restore(damaged, None):
                return None
            agenda = open_agenda(db, clock=_system_clock, daily_backup=False)
    except (CloserDeskError, OSError, Exception) as error:  # a dialog, never a traceback
        from sqlalchemy.exc import SQLAlchemyError

        if not isinstance(error, CloserDeskError | OSError | SQLAlchemyError):
            raise
        text = describe(error) if isinstance(error, CloserDeskError) else str(error)
        QMessageBox.critical(
            None, APP_NAME, app.translate("App", "The agenda could not be opened.") + "\n\n" + text
        )
        return None
    return AgendaSource(agenda, tasks)


def _daily_backup(db_path: Path) -> None:
    from closer_desk.core.errors import CloserDeskError
    from closer_desk.store import durability

    try:
        durability.daily_backup(db_path, datetime.now().astimezone().date())
    except (CloserDeskError, OSError) as error:  # damaged, a full disk, a lock...
        print(f"closer-desk: daily backup skipped: {error}", file=sys.stderr)


def _start_daily_backup(db_path: Path) -> None:
    # SQLite releases the GIL while it copies and checks: the window stays responsive.
    import threading

    threading.Thread(target=_daily_backup, args=(db_path,), name="daily-backup").start()


def watch_other_writers(
    window: MainWindow, source: AgendaSource, db_path: Path
) -> ExternalChangeWatcher:
    """Every room reads again what it shows when another process (the CLI, a second device's
    sync) writes; the window's own writes are told apart by the door."""
    from closer_desk.ui.shell.external_changes import ExternalChangeWatcher

    watcher = ExternalChangeWatcher(db_path, parent=window)
    watcher.changed.connect(source.refresh)
    source.watch_own_writes(watcher)
    watcher.start()
    return watcher


def _guard_wheel(app: QCoreApplication) -> None:
    from closer_desk.ui.common.wheel import install_wheel_guard

    install_wheel_guard(app)


def _fit_screen(window: QWidget) -> None:
    """The window no larger than the screen's free area (a 1024x700 laptop sees its status bar
    and the bottom of the week)."""
    screen = window.screen()
    if screen is None:
        return
    free = screen.availableGeometry()
    # Room for the window manager's frame and title bar.
    width, height = min(window.width(), free.width()), min(window.height(), free.height() - 40)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, max(height, 480))


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window on the agenda given by ``--db``, ``$CLOSER_DESK_DB`` or the default."""
    args = _arguments(sys.argv[1:] if argv is None else argv)
    # PySide reads the source of every module imported after it (see closer_desk/ui/__init__.py):
    # the first page's pure modules (and the standard ones they use) come before it, and where
    # PySide is in already (a harness, an embedding) it is told about closer_desk's first.
    if "PySide6" in sys.modules:
        import_module("closer_desk.ui")
    import_module("closer_desk.store.first_page")
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from closer_desk import APP_ID, APP_NAME, __version__
    from closer_desk.ui.common import i18n

    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication([sys.argv[0] if sys.argv else APP_NAME])
    )
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setOrganizationDomain("closerdesk.github.io")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / f"{APP_ID}.svg")))
    from closer_desk.ui.common.collector import GuiThreadCollector

    # Cycles are freed on this thread, never in the middle of a worker's job; the first
    # collection comes once the agenda is painted (it cost ~10 ms of the cold start).
    collector = GuiThreadCollector(app, running=False)
    settings = QSettings()
    translators = i18n.install_translators(app, i18n.chosen_language(settings))
    from closer_desk.ui.common import preferences

    # The closer's colours and formats before anything is drawn (the first page's week too).
    preferences.apply(preferences.load(settings), app)

    from closer_desk.store.fileinfo import default_db_path
    from closer_desk.ui.common.tasks import TaskManager
    from closer_desk.ui.shell.mainwindow import MainWindow
    from closer_desk.ui.shell.single_instance import bring_forward, claim_first

    db_path = args.db if args.db is not None else default_db_path()
    # One window per agenda: a second start brings this one forward and exits. The server
    # that hears second starts listens once the agenda is painted.
    claim = claim_first(db_path, list(argv or []))
    if claim is None:
        return 0
    tasks = TaskManager()
    source = _fast_source(db_path, tasks) or _opened_source(db_path, tasks, app)
    if source is None:
        return 1
    # The system's zone is asked only by the first-run form (QTimeZone's first use is ~10 ms).
    window = MainWindow(source, _system_clock, settings, system_zone=system_zone)
    # The window owns the worker and the source: they go away with it.
    tasks.setParent(window)
    source.setParent(window)
    wiring = host_rooms_after_paint(window, source, _system_clock, db_path)
    window.when_painted(collector.start)
    window.when_painted(lambda: claim.listen(lambda _argv: bring_forward(window)))
    # The wheel scrolls; it changes a combo or spin box only when that has the focus.
    window.when_painted(lambda: _guard_wheel(app))
    watcher = watch_other_writers(window, source, db_path)
    _fit_screen(window)
    window.show()
    QTimer.singleShot(BACKUP_DELAY_MS, window, lambda: _start_daily_backup(db_path))
    try:
        return int(app.exec())
    finally:
        watcher.stop()
        source.close()
        del translators, wiring, collector
