"""A short coverage-guided run of the parser fuzzer (tests/core/atheris_parse.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


#: 5,000 fixed-seed runs in ``make test``; ``make fuzz`` sets ATHERIS_RUNS and a random seed.
RUNS = int(os.environ.get("ATHERIS_RUNS", "5000"))
SEED = int(os.environ.get("ATHERIS_SEED", "1"))


@pytest.mark.fuzz
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
            f"-runs={RUNS}",
            f"-seed={SEED}",
            f"-artifact_prefix={tmp_path}/",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=max(300, RUNS // 10),
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"Done {RUNS} runs" in done.stderr
