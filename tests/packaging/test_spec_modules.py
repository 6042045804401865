"""The PyInstaller spec must not leave out a Qt module the app imports (the Reports room's
QtCharts once was: the bundle would have failed when the room opened)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _excluded() -> set[str]:
    spec = (ROOT / "packaging" / "closer_desk.spec").read_text()
    block = re.search(r"excludes = \[(.*?)\]", spec, re.S)
    assert block, "no excludes list in the spec"
    return set(re.findall(r'"([\w.]+)"', block.group(1)))


def _imported_qt_modules() -> set[str]:
    found: set[str] = set()
    for source in (ROOT / "closer_desk").rglob("*.py"):
        found.update(re.findall(r"^\s*(?:from|import) (PySide6\.\w+)", source.read_text(), re.M))
    return found


def test_every_qt_module_the_app_imports_is_bundled():
    imported = _imported_qt_modules()
    assert "PySide6.QtCharts" in imported  # the scan itself works
    assert imported.isdisjoint(_excluded()), imported & _excluded()


def test_the_test_servers_are_never_bundled():
    """Radicale and Xandikos (GPLv3) are test dependencies of the CalDAV sync only."""
    assert {"radicale", "xandikos"} <= _excluded()
    for source in (ROOT / "closer_desk").rglob("*.py"):
        assert not re.search(r"^\s*(?:from|import) (radicale|xandikos)\b", source.read_text(), re.M)
