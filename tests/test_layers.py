"""The layering, checked in fresh interpreters: core loads neither Qt nor SQLAlchemy, store
loads no Qt, the cli modules load neither (their commands load the store). Modules are
discovered with pkgutil, so new ones are covered automatically. In the window, ``ui.common``
imports no room and no room imports another (read from the sources, late imports included)."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import closer_desk
from tests.helpers.imports import import_graph

ROOT = Path(__file__).resolve().parents[1]


def modules_of(package: str) -> list[str]:
    """``package`` and every module below it (migration scripts excepted: Alembic loads them
    by path, never by import)."""
    base = ROOT.joinpath(*package.split("."))
    names = [package]
    for info in pkgutil.walk_packages([str(base)], prefix=f"{package}."):
        if ".migrations." in f"{info.name}.":
            continue
        names.append(info.name)
    return names


_PROBE = """
import importlib, json, sys
for name in {names!r}:
    importlib.import_module(name)
loaded = sorted({{m.split(".")[0] for m in sys.modules}})
print(json.dumps(loaded))
"""


def top_level_modules_after_importing(names: list[str]) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE.format(names=names)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout))


def test_discovery_finds_the_layers():
    core = modules_of("closer_desk.core")
    assert {"closer_desk.core.tz", "closer_desk.core.parse", "closer_desk.core.model"} <= set(core)
    assert "closer_desk.store.agenda" in modules_of("closer_desk.store")
    assert "closer_desk.cli.agenda_cmds" in modules_of("closer_desk.cli")
    assert closer_desk.__name__ == "closer_desk"


def test_core_loads_neither_qt_nor_sqlalchemy():
    loaded = top_level_modules_after_importing(modules_of("closer_desk.core"))
    assert "closer_desk" in loaded
    assert not loaded & {"PySide6", "shiboken6", "sqlalchemy", "alembic"}


def test_running_cli_commands_loads_no_qt(tmp_path):
    """Commands import some modules late: run a few and look again."""
    db = str(tmp_path / "layers.sqlite3")
    probe = (
        "import json, sys\n"
        "from closer_desk.cli import main\n"
        f"for argv in (['--db', {db!r}, 'company', 'add', 'Acme'],\n"
        f"             ['--db', {db!r}, 'agenda', '--json'],\n"
        "             ['convert', '2026-01-01 10:00', '--from', 'UTC', '--to', 'Asia/Tokyo']):\n"
        "    assert main(argv) == 0\n"
        "sys.stdout = sys.__stderr__\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})), file=sys.__stdout__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert not loaded & {"PySide6", "shiboken6"}


def test_store_loads_no_qt():
    loaded = top_level_modules_after_importing(modules_of("closer_desk.store"))
    assert "sqlalchemy" in loaded
    assert not loaded & {"PySide6", "shiboken6"}


def test_cli_modules_load_neither_qt_nor_the_store():
    # Their handlers import the store: tests/cli/test_imports.py runs every command's --help.
    loaded = top_level_modules_after_importing(modules_of("closer_desk.cli"))
    assert "closer_desk" in loaded
    assert not loaded & {"PySide6", "shiboken6", "sqlalchemy", "alembic", "icalendar"}


# -- the window's packages (walked statically: tests/helpers/imports.py) ----------------------
ROOMS = ("agenda", "calendars", "desk", "directory", "mail", "planner", "reports", "sync")


def _ui_packages_imported_by(module: str, graph: dict[str, set[str]]) -> set[str]:
    return {d.split(".")[2] for d in graph[module] if d.startswith("closer_desk.ui.")}


def test_the_window_is_split_by_feature():
    found = {m.split(".")[2] for m in import_graph() if m.count(".") >= 3}
    assert found >= {"common", "shell", *ROOMS}


def test_ui_common_imports_no_room():
    graph = import_graph()
    for module in (m for m in graph if m.startswith("closer_desk.ui.common")):
        assert _ui_packages_imported_by(module, graph) <= {"common"}, module


def test_a_room_knows_no_other_room():
    """Rooms meet only in the shell (``ui.shell.rooms_wiring``): changes in, requests out."""
    graph = import_graph()
    for room in ROOMS:
        for module in (m for m in graph if m.startswith(f"closer_desk.ui.{room}")):
            assert _ui_packages_imported_by(module, graph) <= {"common", room}, module
