"""A short coverage-guided run of the parser fuzzer (tests/core/atheris_parse.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_parsers_survive_coverage_guided_fuzzing(tmp_path: Path) -> None:
    pytest.importorskip(
        "atheris",
        reason="atheris is installed only where its wheels exist (see pyproject.toml)",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.core.atheris_parse",
            "-runs=5000",
            "-seed=1",
            f"-artifact_prefix={tmp_path}/",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Done 5000 runs" in done.stderr
