"""The build steps under ``packaging/``, loaded by path: that folder is not a package (and
``packaging`` is also the name of a library on the path)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def build_step(name: str) -> ModuleType:
    """The module ``packaging/<name>.py``."""
    spec = importlib.util.spec_from_file_location(f"_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


i18n_build = build_step("i18n_build")
