"""Build the ``.qm`` translation catalogues from the committed ``.ts`` sources.

Run by ``make run``/``make test`` (``python packaging/i18n_build.py``); the ``.qm`` files are
build products and not committed. A build step, not part of the app: it lives under packaging/.

``python packaging/i18n_build.py --update`` refreshes each French catalogue from the sources
of its part of the window (``CATALOGUES``), keeping every translation; new strings come in
unfinished, and ``tests/ui/test_catalogues.py`` fails until they are translated.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
_UI = "closer_desk/ui"
#: Which sources each catalogue holds the strings of (globs from the repository's root).
CATALOGUES = {
    "closer_desk_fr.ts": (
        "closer_desk/app.py",
        f"{_UI}/common/*.py",
        f"{_UI}/agenda/*.py",
        f"{_UI}/planner/*.py",
        f"{_UI}/calendars/*.py",
        *(f"{_UI}/shell/{n}.py" for n in ("mainwindow", "sidebar", "rooms_wiring", "firstrun")),
        *(f"{_UI}/shell/{n}.py" for n in ("single_instance", "external_changes", "backups_dialog")),
    ),
    "closer_desk_desk_fr.ts": (f"{_UI}/desk/*.py", f"{_UI}/reports/*.py"),
    "closer_desk_directory_fr.ts": (f"{_UI}/directory/*.py", f"{_UI}/shell/reminders.py"),
    "closer_desk_shell_fr.ts": tuple(
        f"{_UI}/shell/{n}.py"
        for n in ("search", "reminder_banner", "help", "preferences_dialog", "demo_offer")
    ),
    "closer_desk_sync_fr.ts": (f"{_UI}/sync/*.py",),
    "closer_desk_mail_fr.ts": (f"{_UI}/mail/*.py", f"{_UI}/shell/mail_wiring.py"),
}
#: English needs a catalogue too, for its plurals only ("1 call", "2 calls"): every count the
#: window shows is a Qt %n plural, whose forms the source text cannot hold.
PLURALS = ("closer_desk_plurals_en.ts", ("closer_desk/app.py", f"{_UI}/**/*.py"))


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


def update(directory: Path = TRANSLATIONS) -> None:
    """Refresh each catalogue from its sources with ``pyside6-lupdate`` (translations kept,
    strings no longer in the sources dropped)."""
    tool = Path(lrelease() or "").with_name("pyside6-lupdate")
    if not tool.exists():
        raise SystemExit("pyside6-lupdate not found: is PySide6 installed in this environment?")
    for name, patterns in CATALOGUES.items():
        files = sorted({str(f) for pattern in patterns for f in ROOT.glob(pattern)})
        command = [str(tool), "-silent", "-no-obsolete", "-locations", "relative"]
        command += files
        subprocess.run([*command, "-ts", str(directory / name)], check=True)
    name, patterns = PLURALS
    files = sorted({str(f) for pattern in patterns for f in ROOT.glob(pattern)})
    command = [str(tool), "-silent", "-no-obsolete", "-locations", "relative", "-pluralonly"]
    command += ["-source-language", "en", "-target-language", "en", *files]
    subprocess.run([*command, "-ts", str(directory / name)], check=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        update()
    for path in build():
        print(f"built {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
