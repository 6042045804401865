"""The desk's French catalogue is complete and loads."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

from PySide6.QtCore import QTranslator

from tests.helpers.packaging import i18n_build

TS = i18n_build.TRANSLATIONS / "closer_desk_desk_fr.ts"


def test_every_string_is_translated():
    messages = list(ET.parse(TS).getroot().iter("message"))
    assert len(messages) > 50
    unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type")]
    assert unfinished == []


def test_catalogue_compiles_and_translates(qapp, tmp_path):
    tool = i18n_build.lrelease()
    assert tool is not None
    qm = tmp_path / "desk_fr.qm"
    subprocess.run([tool, "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("CallDeskWidget", "Closing script") == "Script de closing"
    assert translator.translate("ReportsRoom", "Won deals") == "Ventes gagnées"
