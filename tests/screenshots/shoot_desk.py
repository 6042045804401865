"""Screenshots of the Reports room, the Pipeline room and the call's desk on demo data.

Run under a real X server (not collected by pytest):
    Xvfb :97 -screen 0 1400x900x24 &  DISPLAY=:97 python -m tests.screenshots.shoot_desk OUT [fr]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from closer_desk.core import demo
from closer_desk.core.model import Outcome
from closer_desk.core.reports import Month
from closer_desk.store import open_agenda
from closer_desk.store.demo import load_demo
from closer_desk.store.desk import set_call_notes, set_tick
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.tasks import TaskManager
from closer_desk.ui.desk.widgets import CallDeskWidget
from closer_desk.ui.reports.pipeline import PipelineRoom
from closer_desk.ui.reports.room import ReportsRoom
from tests.helpers.factories import FakeClock
from tests.helpers.packaging import i18n_build

LONG_NAME = "Maximilian-Alexander von Hohenzollern-Sigmaringen de la Tour d'Auvergne"


def _settle(app: QApplication, tasks: TaskManager) -> None:
    while tasks.is_busy():
        tasks.wait()
        app.processEvents()
    for _ in range(5):
        app.processEvents()


def _grab(
    app: QApplication, widget: QWidget, tasks: TaskManager, path: Path, w: int, h: int
) -> None:
    widget.resize(w, h)
    widget.show()
    _settle(app, tasks)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main(out: Path, language: str = "en") -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    suffix = f"_{language}"
    if language != "en":
        QLocale.setDefault(QLocale(language))
        i18n_build.build()
        translator = QTranslator(app)
        if translator.load(str(i18n_build.TRANSLATIONS / f"closer_desk_desk_{language}.qm")):
            app.installTranslator(translator)
    out.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory() as tmp,
        open_agenda(Path(tmp) / "a.sqlite3", clock=FakeClock()) as agenda,
    ):
        load_demo(agenda, demo.build(date(2026, 3, 2)))
        tasks = TaskManager()
        source = AgendaSource(agenda, tasks)

        room = ReportsRoom(source)
        room.refresh()
        _settle(app, tasks)
        room.set_month(Month(2026, 2))
        _grab(app, room, tasks, out / f"reports_room{suffix}.png", 1300, 860)

        # A won call from last week: part of the script ticked, notes taken.
        start, end = agenda.now().replace(day=23, month=2), agenda.now()
        call = next(a for a in agenda.appointments(start, end) if a.outcome == Outcome.WON)
        script_len = len(agenda.company(call.company_id).script.splitlines())
        for step in range(min(3, script_len)):
            set_tick(agenda, call.id, step, True)
        set_call_notes(
            agenda,
            call.id,
            "Conjoint présent à l'appel.\nPaiement en 3 fois accepté, démarrage le 15.",
        )
        agenda.edit_prospect(call.prospect_id, notes="Préfère être appelé le matin, tutoiement OK.")
        desk = CallDeskWidget(source, FakeClock())
        desk.set_appointment(call.id)
        _grab(app, desk, tasks, out / f"desk_call{suffix}.png", 1300, 860)

        # The narrow details pane, with a long prospect name.
        agenda.edit_prospect(call.prospect_id, name=LONG_NAME)
        desk.set_appointment(call.id)
        _grab(app, desk, tasks, out / f"desk_call_narrow{suffix}.png", 520, 1000)

        pipeline = PipelineRoom(source)
        pipeline.refresh()
        _grab(app, pipeline, tasks, out / f"desk_pipeline{suffix}.png", 900, 420)
        for widget in (room, desk, pipeline):
            widget.close()
        _settle(app, tasks)


if __name__ == "__main__":
    main(Path(sys.argv[1]), *(sys.argv[2:3]))
