"""The systemd user units that send the outbox on a timer: what they run, and that systemd
itself reads them without complaint (``systemd-analyze verify``)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

UNITS = Path(__file__).resolve().parents[2] / "packaging" / "systemd"
SERVICE = UNITS / "closer-desk-outbox.service"
TIMER = UNITS / "closer-desk-outbox.timer"


def _read(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path)
    return parser


def test_the_service_runs_outbox_send_once_and_the_timer_starts_it() -> None:
    service, timer = _read(SERVICE), _read(TIMER)
    assert service["Service"]["Type"] == "oneshot"
    assert service["Service"]["ExecStart"].split()[1:] == ["outbox", "send"]
    assert service["Service"]["ExecStart"].split()[0].endswith("/closer-desk")
    # The password, when no safe keyring holds it, comes from an optional private file.
    assert service["Service"]["EnvironmentFile"].startswith("-%h/")
    assert timer["Timer"]["OnCalendar"] == "*:0/5"
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"
    assert "Unit" not in timer["Timer"]  # the service of the same name


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="no systemd-analyze")
def test_systemd_reads_the_units_without_complaint(tmp_path: Path) -> None:
    done = subprocess.run(
        ["systemd-analyze", "verify", str(TIMER), str(SERVICE)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    complaints = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        # The one thing a build machine cannot have: closer-desk installed in ~/.local/bin.
        if line.strip() and "/.local/bin/closer-desk is not executable" not in line
    ]
    assert complaints == []
