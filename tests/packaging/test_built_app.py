"""``make package``'s build: PyInstaller's one-folder app starts under Xvfb and shows its
window, and its CLI works (migrations, tz data and the store inside the bundle).

Builds into a temp dir (PyInstaller's analysis cache lives in ``build/pyinstaller-test``).
About 75 s of CPU on the 2-core reference machine (2.5-3 min of wall time under the shared
load), so it stays in the default run; it is skipped only when PyInstaller cannot run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.xvfb]


def _pyinstaller_runs() -> str | None:
    """None when PyInstaller can run here, else why not."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--version"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"PyInstaller cannot run: {error}"
    if done.returncode != 0:
        why = done.stderr.strip()[-200:]
        return f"PyInstaller is not installed here (pip install -e '.[package]'): {why}"
    return None


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if (reason := _pyinstaller_runs()) is not None:
        pytest.skip(reason)
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(ROOT / "build" / "pyinstaller-test"),
            str(ROOT / "packaging" / "closer_desk.spec"),
        ],
        cwd=ROOT,
        check=True,
        timeout=1200,
    )
    app = dist / "closer-desk" / "closer-desk"
    assert app.is_file() and os.access(app, os.X_OK)
    return app


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    for tool in ("Xvfb", "xdotool"):
        assert shutil.which(tool), f"{tool} is missing: run 'bash packaging/sysdeps.sh test'"
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as announced:
        number = announced.readline().strip()  # Xvfb writes the display once it accepts clients
    assert number, "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(timeout=30)


def test_the_bundle_cli_books_on_a_new_agenda(bundle: Path, tmp_path: Path) -> None:
    db = tmp_path / "agenda.sqlite3"
    for args in (
        ["closer", "add", "Camille", "--tz", "Europe/Paris"],
        ["company", "add", "Acme"],
        ["prospect", "add", "Omar Haddad", "--tz", "Asia/Dubai"],
        [
            "book",
            "--company",
            "Acme",
            "--prospect",
            "Omar",
            "--start",
            "2026-03-03 10:00",
            "--tz",
            "America/New_York",
        ],
    ):
        done = subprocess.run(
            [str(bundle), "--db", str(db), *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    done = subprocess.run(
        [
            str(bundle),
            "--db",
            str(db),
            "agenda",
            "--from",
            "2026-03-03",
            "--to",
            "2026-03-04",
            "--tz",
            "Asia/Tokyo",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and '"display": "2026-03-04T00:00+09:00"' in done.stdout, (
        done.stdout + done.stderr
    )


def test_the_bundle_shows_its_window(bundle: Path, display: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "CLOSER_DESK_DB": str(tmp_path / "agenda.sqlite3"),
    }
    app = subprocess.Popen(
        [str(bundle)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        # --sync waits until a visible window of the app's class exists: no sleeping, no polling.
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--classname", "closer-desk"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert found.returncode == 0 and found.stdout.strip(), found.stderr
        tree = subprocess.run(
            ["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True, check=True
        ).stdout
        assert '("closer-desk" "closer_desk")' in tree
        assert app.poll() is None
    finally:
        app.terminate()
        _out, err = app.communicate(timeout=60)
    assert "Traceback" not in err, err
