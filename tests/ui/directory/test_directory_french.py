"""The directory's French catalogue: it compiles, and dialogs, headers and errors speak French."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from pytestqt.qtbot import QtBot

from closer_desk.store import Agenda
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.directory.company_dialog import CompanyDialog
from closer_desk.ui.directory.rooms import CompaniesRoom
from tests.helpers.factories import FakeClock
from tests.helpers.packaging import i18n_build
from tests.ui.conftest import save_and_wait

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support"),
    pytest.mark.usefixtures("british_clock_locale"),
]

CATALOGUE = (
    Path(__file__).resolve().parents[3] / "resources/translations/closer_desk_directory_fr.ts"
)


@pytest.fixture
def french(qapp: QCoreApplication, tmp_path: Path) -> Iterator[None]:
    tool = i18n_build.lrelease()
    assert tool is not None
    qm = tmp_path / "directory_fr.qm"
    subprocess.run([tool, "-silent", str(CATALOGUE), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_catalogue_is_complete() -> None:
    text = CATALOGUE.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert text.count("<translation>") == text.count("<source>")


@pytest.mark.usefixtures("french")
def test_dialog_and_errors_speak_french(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    dialog = CompanyDialog(source, agenda.company("Acme"), clock=clock)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Modifier la société"
    dialog.url.setText("javascript:alert(1)")
    save_and_wait(qtbot, dialog)
    assert (
        dialog.error_text("default_video_url")
        == "Seuls les liens https:// sont acceptés pour les appels."
    )


@pytest.mark.usefixtures("french")
def test_room_headers_and_inherited_buttons_speak_french(
    qtbot: QtBot, agenda: Agenda, source: AgendaSource, clock: FakeClock
) -> None:
    room = CompaniesRoom(source, clock=clock)
    qtbot.addWidget(room)
    header = room.proxy.headerData(3, Qt.Orientation.Horizontal)
    assert header == "Durée"
    # Strings of the base class translate in a subclass too.
    assert room.new_button.text() == "&Nouveau…"


@pytest.mark.usefixtures("french")
def test_a_region_outside_the_country_has_its_own_french_reason() -> None:
    from closer_desk.core.errors import ValidationError
    from closer_desk.ui.directory.field_errors import describe, error_field

    error = ValidationError("subdivision", "bad_subdivision", "ZZ")
    assert error_field(error) == "subdivision"
    assert describe(error) == (
        "Pas une région de ce pays (p. ex. QC pour le Québec, NY pour New York)."
    )


def test_every_code_core_and_store_raise_has_a_reason() -> None:
    import ast

    from closer_desk.core.errors import ValidationError
    from closer_desk.ui.directory.field_errors import describe

    generic = describe(ValidationError("x", "no_such_code", ""))
    package = Path(__file__).resolve().parents[3] / "closer_desk"
    codes = set()
    for source in [*(package / "core").rglob("*.py"), *(package / "store").rglob("*.py")]:
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "ValidationError"
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
            ):
                codes.add(node.args[1].value)
    assert "bad_subdivision" in codes
    assert sorted(c for c in codes if describe(ValidationError("x", c, "")) == generic) == []
