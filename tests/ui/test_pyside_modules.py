"""closer_desk tells PySide which of its modules use it (``closer_desk/ui/__init__.py``) so that
PySide does not read every module's source as it is imported: the answers must be PySide's."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from closer_desk.ui import uses_pyside

PACKAGE = Path(__file__).resolve().parents[2] / "closer_desk"


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        if "__pycache__" in path.parts:
            continue
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports_pyside(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import) and any(
            a.name.split(".")[0] == "PySide6" for a in node.names
        ):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "PySide6":
            return True
    return False


def test_the_modules_said_to_use_pyside_are_those_that_import_it() -> None:
    modules = _modules()
    assert len(modules) > 150
    wrong = {
        name: _imports_pyside(path)
        for name, path in modules.items()
        if _imports_pyside(path) and not uses_pyside(name)
    }
    assert wrong == {}  # a module PySide would have seen using it, told "does not"


def test_every_module_is_in_pysides_table_before_it_is_imported() -> None:
    # A fresh interpreter: PySide, then the ui package, and nothing of closer_desk is read
    # by PySide's source check (inspect.getsource) after that.
    code = """
import inspect, sys
from PySide6 import QtCore
from PySide6.support import feature
import closer_desk.ui
table = dict(feature.pyside_feature_dict)
read = []
real = inspect.getsource
def spy(obj):
    read.append(getattr(obj, "__name__", "?"))
    return real(obj)
inspect.getsource = spy
import closer_desk.ui.shell.mainwindow, closer_desk.store.first_page
ours = sorted(n for n in read if n.startswith("closer_desk"))
said = [table.get(f"closer_desk.{m}") for m in ("ui.shell.mainwindow", "core.model")]
print(repr((ours, *said)))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    read, window, model = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    assert read == []
    assert (window, model) == (0, -1)
