"""Print or PDF of the days in view: both zones on each call, the company's colour, never the
private notes or the client file; File menu's Print… (Ctrl+P) and Export as PDF…. The PDF is
read back with poppler's pdftotext and pdftoppm."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from closer_desk.core.calendar_views import View
from closer_desk.ui.shell.mainwindow import MainWindow
from tests.helpers.factories import at
from tests.ui.agenda.conftest import Team, open_window
from tests.ui.conftest import settle

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (packaging/sysdeps.sh test)"
)


@pytest.fixture
def window(
    qtbot: Any, source: Any, clock: Any, settings: Any, prompts: Any, agenda: Any
) -> MainWindow:
    agenda.book(
        company="Acme",
        prospect="Gabriel",
        start=at("2026-03-03 10:00", "Europe/Paris"),
        minutes=45,
        notes="SECRET-NOTE about the budget",
    )
    agenda.book(company="Érable", prospect="Omar", start=at("2026-03-05 14:00", "Europe/Paris"))
    gabriel = agenda.prospect("Gabriel")
    agenda.edit_prospect(gabriel.id, need="SECRET-NEED a new roof")
    return open_window(qtbot, source, clock, settings, prompts, rooms=False)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout.replace("\u202f", " ")


def test_the_file_menu_prints_and_exports(window: MainWindow) -> None:
    texts = [(a.text(), a.shortcut().toString()) for a in window.menu("file").actions()]
    assert ("&Print…", "Ctrl+P") in texts and ("Export as P&DF…", "") in texts


def test_a_week_as_pdf_has_both_zones_and_nothing_private(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    path = window.agenda.export_pdf(tmp_path / "week.pdf")
    assert path == tmp_path / "week.pdf" and path.read_bytes().startswith(b"%PDF")
    assert window.status.text() == f"Written to {path}"
    text = pdf_text(path)
    assert "Week of Monday 2 March 2026" in text
    assert "Camille Durand (Paris)" in text
    line = next(x for x in text.splitlines() if "Gabriel Tremblay" in x)
    # The closer's time and the prospect's, each with its city.
    assert "10:00 AM–10:45 AM Paris" in line and "4:00 AM–4:45 AM Toronto" in line
    assert "Acme" in line and "video · planned" in line
    assert "Tuesday 3 March 2026" in text and "No calls" in text  # every day, even empty
    assert "Omar Haddad" in text and "Page 1 of 1" in text
    assert "SECRET" not in text  # neither the call's notes nor the prospect's file
    # The company's colour beside the call.
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(path), str(tmp_path / "page")], check=True)
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    acme = QColor("#3b82f6")
    assert any(
        abs(image.pixelColor(x, y).red() - acme.red()) < 8
        and abs(image.pixelColor(x, y).blue() - acme.blue()) < 8
        and abs(image.pixelColor(x, y).green() - acme.green()) < 8
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )


def test_an_assistants_day_prints_each_closer(
    qtbot: Any, team: Team, window: MainWindow, tmp_path: Path
) -> None:
    room = window.agenda
    room.set_date(team.camille_call.start.date())
    room.set_picked(frozenset({team.sophie.id, team.james.id}))
    window.set_view(View.DAY)
    settle(qtbot, window.source.tasks)
    path = room.export_pdf(tmp_path / "day.pdf")
    assert path is not None
    text = pdf_text(path)
    assert "Wednesday 4 March 2026" in text
    sophie = next(x for x in text.splitlines() if "Omar Haddad" in x)
    # Each call on its own closer's clock, and the prospect's; the closer named.
    assert "10:00 AM–10:30 AM Toronto" in sophie and "Sophie Tremblay" in sophie
    james = next(x for x in text.splitlines() if "Haruto Sato" in x)
    assert "9:00 AM–9:45 AM London" in james and "James Carter" in james


def test_a_pdf_that_cannot_be_written_says_why_and_leaves_nothing(
    window: MainWindow, prompts: Any, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "week.pdf"
    assert window.agenda.export_pdf(target) is None
    assert len(prompts.informed) == 1 and str(target) in prompts.informed[0]
    assert "No such file or directory" in prompts.informed[0]
    assert not target.parent.exists()
