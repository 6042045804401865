"""Every French catalogue is complete, and every string the window shows is in one of them."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from closer_desk.ui.common import i18n
from tests.helpers.packaging import i18n_build

CATALOGUES = sorted(i18n.TRANSLATIONS.glob("*_fr.ts"))
SOURCES = Path(__file__).resolve().parents[2] / "closer_desk"


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.name)
def test_no_message_is_left_unfinished(ts: Path) -> None:
    unfinished = [
        (context, m.findtext("source"))
        for context, m in messages(ts)
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert unfinished == []
    empty = [
        (context, m.findtext("source"))
        for context, m in messages(ts)
        if (
            any(not (f.text or "").strip() for f in m.find("translation").iter("numerusform"))
            if m.get("numerus") == "yes"
            else not (m.find("translation").text or "").strip()
        )
    ]
    assert empty == []


def test_every_string_of_the_window_is_in_a_catalogue(tmp_path: Path) -> None:
    tool = Path(i18n_build.lrelease() or "").with_name("pyside6-lupdate")
    assert tool.exists()
    files = [str(SOURCES / "app.py"), *map(str, sorted((SOURCES / "ui").rglob("*.py")))]
    scanned = tmp_path / "all_fr.ts"
    subprocess.run(
        [
            str(tool),
            "-silent",
            "-source-language",
            "en",
            "-target-language",
            "fr",
            *files,
            "-ts",
            str(scanned),
        ],
        check=True,
    )
    known = {(c, m.findtext("source")) for ts in CATALOGUES for c, m in messages(ts)}
    missing = sorted(
        (c, m.findtext("source") or "")
        for c, m in messages(scanned)
        if (c, m.findtext("source")) not in known
    )
    assert missing == []
