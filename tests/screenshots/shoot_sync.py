"""Screenshots of the window's sync: the status bar, a conflict, a call to rebook, the shared
calendars dialog; two agendas through a real Radicale, a busy Tuesday, a long prospect name.

Run under a real X server (not collected by pytest):
    xvfb-run -a -s "-screen 0 1024x700x24" sh -c \
        'openbox & python -m tests.screenshots.shoot_sync OUT [en|fr] [dark]'
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from closer_desk.store.sync import api
from closer_desk.ui.common import i18n
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.tasks import TaskManager
from closer_desk.ui.shell.mainwindow import MainWindow
from closer_desk.ui.shell.rooms_wiring import RoomsWiring
from tests.helpers.caldav_servers import start_radicale
from tests.helpers.factories import FakeClock, at, make_agenda
from tests.helpers.packaging import i18n_build

LONG_NAME = "Maximilian-Alexander von Hohenzollern-Sigmaringen de la Tour d'Auvergne"


def _settle(app: QApplication, tasks: TaskManager, rounds: int = 20) -> None:
    for _ in range(rounds):
        while tasks.is_busy():
            tasks.wait()
            app.processEvents()
        app.processEvents()


def _shoot(app: QApplication, tasks: TaskManager, path: Path) -> None:
    _settle(app, tasks)
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    print(f"wrote {path}")


def main(out: Path, language: str = "en", dark: str = "") -> None:
    app = QApplication.instance() or QApplication(["closer_desk_screenshots"])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    if dark:
        import importlib.util

        # packaging/ is not a package (and the name is taken by pip's): load the file.
        spec = importlib.util.spec_from_file_location(
            "shots", i18n_build.ROOT / "packaging" / "screenshots.py"
        )
        assert spec is not None and spec.loader is not None
        shots = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(shots)
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(shots.dark_palette())
    i18n_build.build()
    translators = i18n.install_translators(app, language)
    suffix = f"_{language}" + ("_dark" if dark else "")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        server = start_radicale(Path(tmp) / "radicale")
        clock = FakeClock()
        mine = make_agenda(Path(tmp) / "mine.sqlite3", clock)
        theirs = make_agenda(Path(tmp) / "theirs.sqlite3", clock)
        for agenda in (mine, theirs):
            agenda.add_prospect(LONG_NAME, "America/Toronto", country="CA")
        day = [
            ("09:00", "Acme", "Gabriel"),
            ("10:00", "Acme", "Maximilian"),
            ("11:30", "Érable", "Omar"),
            ("14:00", "Acme", "Haruto"),
            ("16:00", "Érable", "Gabriel"),
        ]
        booked = [
            mine.book(company=c, prospect=p, start=at(f"2026-03-03 {t}", "Europe/Paris"))
            for t, c, p in day
        ]
        url = server.calendar("camille", "calls")
        api.set_up(mine, "Camille", url)
        api.set_up(theirs, "Camille", url)
        api.sync(mine)
        api.sync(theirs)
        # The assistant moves the 14:00 call and books over the 11:30 one; here the same call
        # is moved elsewhere: a conflict and a call to rebook at the next sync.
        haruto = next(a for a in theirs.appointments(*_week()) if a.uid == booked[3].uid)
        theirs.move(haruto.id, at("2026-03-03 15:00", "Europe/Paris"))
        clock.now += timedelta(minutes=5)
        late = theirs.book(
            company="Acme",
            prospect="Gabriel",
            start=at("2026-03-03 11:45", "Europe/Paris"),
            force=True,
        )
        api.sync(theirs)
        mine.move(booked[3].id, at("2026-03-03 16:45", "Europe/Paris"))

        tasks = TaskManager()
        source = AgendaSource(mine, tasks)
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(source, clock, settings)
        wiring = RoomsWiring(window, source, clock)
        window.resize(1024, 660)  # with the title bar, the 700 pixels of the screen
        window.show()
        _settle(app, tasks)
        wiring.sync.scheduler.start()
        _settle(app, tasks)
        dialog = wiring.sync.conflict_dialog
        _shoot(app, tasks, out / f"sync_conflict{suffix}.png")
        if dialog is not None:
            dialog.close()
        window.set_view(window.agenda.view.DAY)
        window.agenda.set_date(at("2026-03-03 12:00", "Europe/Paris").date())
        _settle(app, tasks)
        entry = next(e for e in window.agenda.entries if e.appointment.uid == late.uid)
        window.agenda.select(entry.appointment.id)
        _shoot(app, tasks, out / f"sync_rebook{suffix}.png")
        setup = wiring.sync.open_setup()
        _settle(app, tasks)
        setup.subscribe("https://calendar.example.com/nothing-here.ics", "Google")
        _settle(app, tasks)
        _shoot(app, tasks, out / f"sync_setup{suffix}.png")
        setup.close()
        window.close()
        _settle(app, tasks)
        source.close()
        theirs.close()
        server.stop()
    i18n.remove_translators(app, translators)


def _week() -> tuple[object, object]:
    return at("2026-03-02 00:00", "Europe/Paris"), at("2026-03-09 00:00", "Europe/Paris")


if __name__ == "__main__":
    main(Path(sys.argv[1]), *(sys.argv[2:4]))
