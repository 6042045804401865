"""The app id, the .desktop file, the AppStream metainfo and the icons agree and validate."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from closer_desk import APP_ID

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _tool(name: str) -> str:
    found = shutil.which(name)
    # packaging/sysdeps.sh installs them for `make test`; missing means a broken set-up.
    assert found, f"{name} is missing: run 'bash packaging/sysdeps.sh test'"
    return found


def test_app_id_is_reverse_dns() -> None:
    assert APP_ID == "io.github.closerdesk.CloserDesk"


def test_desktop_file_validates() -> None:
    done = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_metainfo_validates() -> None:
    done = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_same_id_everywhere() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    assert entry["Desktop Entry"]["Icon"] == APP_ID
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == f"{APP_ID}.desktop"
    assert component.findtext("icon") == APP_ID
    assert (ICONS / f"{APP_ID}.svg").is_file()
    assert f'APP_ID = "{APP_ID}"' in (PACKAGING / "closer_desk.spec").read_text()
    assert "setDesktopFileName(APP_ID)" in (ROOT / "closer_desk" / "app.py").read_text()


@pytest.mark.parametrize("size", SIZES)
def test_hicolor_png_sizes(qapp, size: int) -> None:
    from PySide6.QtGui import QImage

    image = QImage(str(ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()


def test_the_svg_renders(qapp) -> None:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / f"{APP_ID}.svg"))
    assert renderer.isValid() and renderer.defaultSize().width() == 512
