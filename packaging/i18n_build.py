"""Build the ``.qm`` translation catalogues from the committed ``.ts`` sources.

Run by ``make run``/``make test`` (``python packaging/i18n_build.py``); the ``.qm`` files are
build products and not committed. A build step, not part of the app: it lives under packaging/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"


def lrelease() -> str | None:
    """The path of PySide6's ``lrelease``, or None."""
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "lrelease"):
        candidate = here / name
        if candidate.exists():
            return str(candidate)
        if found := shutil.which(name):
            return found
    return None


def build(directory: Path = TRANSLATIONS) -> list[Path]:
    """Compile every ``.ts`` in ``directory`` that is newer than its ``.qm``."""
    sources = sorted(directory.glob("*.ts")) if directory.is_dir() else []
    if not sources:
        return []
    tool = lrelease()
    if tool is None:
        raise SystemExit("pyside6-lrelease not found: is PySide6 installed in this environment?")
    built = []
    for ts in sources:
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


if __name__ == "__main__":
    for path in build():
        print(f"built {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
