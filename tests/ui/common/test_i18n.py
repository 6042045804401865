"""French and English: the catalogue is complete, French strings and dates appear when chosen."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings
from PySide6.QtWidgets import QFileDialog, QLabel

from closer_desk.ui.common import i18n
from closer_desk.ui.shell.mainwindow import MainWindow
from tests.helpers.packaging import i18n_build
from tests.ui.conftest import settle

TS = i18n.TRANSLATIONS / "closer_desk_fr.ts"


def test_every_string_is_translated_into_french() -> None:
    root = ET.parse(TS).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 150
    unfinished = [m.find("source").text for m in messages if m.find("translation").get("type")]
    assert unfinished == []
    empty = [
        m.find("source").text
        for m in messages
        if m.get("numerus") != "yes" and not (m.find("translation").text or "").strip()
    ]
    assert empty == []


def test_the_setting_overrides_the_system_language(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(i18n.LANGUAGE_KEY, "fr")
    assert i18n.chosen_language(settings) == "fr"
    settings.setValue(i18n.LANGUAGE_KEY, "klingon")
    assert i18n.chosen_language(settings) in i18n.LANGUAGES


def test_window_in_french(
    qtbot: Any, french: Any, agenda: Any, source: Any, clock: Any, settings: Any, prompts: Any
) -> None:
    assert len(french) >= 3  # the window's, the directory rooms' and Qt's own
    win = MainWindow(source, clock, settings, prompts=prompts)
    qtbot.addWidget(win)
    win.show()
    settle(qtbot, source.tasks)
    titles = [a.text() for a in win.menuBar().actions()]
    assert "&Fichier" in titles and "&Affichage" in titles
    assert win.heading.text().strip() == "Semaine du lundi 2 mars 2026"
    assert win.sidebar.search.placeholderText() == "Rechercher prospects et sociétés"
    assert i18n.format_time(clock()) == "08:00"
    win.set_language("en")
    assert settings.value(i18n.LANGUAGE_KEY) == "en"
    assert "prochain démarrage" in win.status.text()


def test_long_pseudo_translation_still_fits(
    qtbot: Any,
    qapp: Any,
    tmp_path: Path,
    agenda: Any,
    source: Any,
    clock: Any,
    settings: Any,
    prompts: Any,
) -> None:
    """Every string made 60% longer: the window still fits a 1366-pixel-wide screen."""
    tree = ET.parse(TS)
    for message in tree.getroot().iter("message"):
        source_text = message.find("source").text or ""
        translation = message.find("translation")
        for child in list(translation):
            translation.remove(child)
        padded = source_text + " ~" + "x" * (len(source_text) * 6 // 10)
        if message.get("numerus") == "yes":
            ET.SubElement(translation, "numerusform").text = padded
        else:
            translation.text = padded
    pseudo = tmp_path / "closer_desk_xx.ts"
    tree.write(pseudo, encoding="utf-8")
    subprocess.run(
        [i18n_build.lrelease(), "-silent", str(pseudo), "-qm", str(pseudo.with_suffix(".qm"))],
        check=True,
    )
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(pseudo.with_suffix(".qm")))
    qapp.installTranslator(translator)
    try:
        win = MainWindow(source, clock, settings, prompts=prompts)
        qtbot.addWidget(win)
        win.show()
        settle(qtbot, source.tasks)
        assert "~xx" in win.sidebar.search.placeholderText()
        assert win.minimumSizeHint().width() <= 1366
    finally:
        qapp.removeTranslator(translator)


def test_qts_own_file_dialog_speaks_french(qtbot: Any, french: Any) -> None:
    """Qt's file dialog (the window's own, where the desktop offers none) in French: Qt's
    catalogue, which PySide6 ships, is installed, and what it misses of this Qt is ours."""
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (qt_dir / "qtbase_fr.qm").exists()
    assert any(Path(t.filePath()).name == "qtbase_fr.qm" for t in french)
    assert QCoreApplication.translate("QFileDialog", "Look in:").startswith("Voir dans")
    dialog = QFileDialog(None, "PDF")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Look in:", "Files of &type:", "File &name:"} & labels == set()
    assert any(text.startswith("&Voir dans") for text in labels)
    assert any(text.startswith("Fichiers de &type") for text in labels)
    # The Type column: a folder is a "Dossier" (Qt 6 renamed the class that says it).
    assert (
        QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms")
        == "Dossier"
    )
