"""Every test runs with its standard dirs and agenda path redirected to a temp dir, so no test
can touch a real profile. Hypothesis runs derandomized unless ``make fuzz`` asks otherwise
(tests/helpers/fuzzing.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from closer_desk.store import Agenda
from tests.helpers import fuzzing
from tests.helpers.factories import FakeClock, make_agenda

fuzzing.load()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every hypothesis test is also a ``fuzz`` test: ``make fuzz`` runs them at length."""
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.fuzz)


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_RUNTIME_DIR", "runtime"),
    ):
        (home / sub).mkdir(mode=0o700)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("CLOSER_DESK_DB", str(home / "agenda.sqlite3"))


@pytest.fixture
def clock() -> FakeClock:
    """A fixed, settable clock (2026-03-02 08:00 UTC)."""
    return FakeClock()


@pytest.fixture
def agenda(tmp_path: Path, clock: FakeClock) -> Iterator[Agenda]:
    """A small agenda: one closer in Paris, companies Acme and Érable, three prospects."""
    with make_agenda(tmp_path / "agenda.sqlite3", clock) as opened:
        yield opened
