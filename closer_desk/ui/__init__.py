"""The window: the only package that imports PySide6 (with ``app.py``, which starts it)."""

from __future__ import annotations

import os
from importlib import import_module


def _tell_pyside_our_modules() -> None:
    """Tell PySide, before they are imported, which of closer_desk's modules use it.

    PySide replaces ``__import__``: after each new module it reads the module's whole source
    (``inspect.getsource``) to learn whether it mentions PySide6, for its ``__feature__``
    switches (snake_case, true_property), and keeps the answer in
    ``PySide6.support.feature.pyside_feature_dict`` (0: uses PySide with no feature; -1: does
    not use PySide). For the ~130 modules the window reads before its first paint that
    reading was about 15 ms of a cold start. closer_desk asks for no feature, and its layers
    say which modules use PySide (``ui`` and ``app``; never ``core``, ``store`` or ``cli``:
    tests/test_layers.py), so the answers are written here, from the package's files, before
    any of them is imported; tests/ui/test_pyside_modules.py checks them against each
    module's imports. Without the table (another PySide) or the files (a bundle, whose
    modules have no source for PySide to read either), nothing is written.
    """
    try:
        # Not in PySide's stubs: its feature switches' module, made by shiboken at start-up.
        table = import_module("PySide6.support.feature").pyside_feature_dict
    except (ImportError, AttributeError):
        return
    if not isinstance(table, dict):
        return
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [s for s in subfolders if not s.startswith(("_", "."))]
        package = "closer_desk" + folder[len(root) :].replace(os.sep, ".")
        for file in files:
            if file.endswith(".py"):
                name = package if file == "__init__.py" else f"{package}.{file[:-3]}"
                table.setdefault(name, 0 if uses_pyside(name) else -1)


def uses_pyside(module: str) -> bool:
    """Whether closer_desk's ``module`` may import PySide6, by the layers."""
    return module in ("closer_desk.app", "closer_desk.ui") or module.startswith("closer_desk.ui.")


_tell_pyside_our_modules()
