"""Every test runs with its standard dirs and agenda path redirected to a temp dir, so no test
can touch a real profile. Hypothesis runs derandomized unless ``make fuzz`` asks otherwise
(tests/helpers/fuzzing.py)."""

from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from closer_desk.store import Agenda
from tests.helpers import fuzzing
from tests.helpers.factories import FakeClock, make_agenda

fuzzing.load()

#: The variables every test points at its own folders.
_DIRS = (
    ("XDG_DATA_HOME", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_STATE_HOME", "state"),
    ("XDG_RUNTIME_DIR", "runtime"),
)


def _define_isolated_variables() -> None:
    """Give each isolated variable a value once, before any thread starts.

    glibc's setenv() reallocates the environment array when it ADDS a variable, and a thread
    reading the environment at that moment (Qt's workers and glibc's own localtime() call
    getenv) reads freed memory: the suite crashed about one run in four. Replacing the value of
    a variable that exists never moves the array (glibc keeps the old string), so every
    variable a test sets is made to exist here, at import, while the process has one thread.
    """
    base = Path(tempfile.mkdtemp(prefix="closer-desk-tests-"))
    for var, sub in _DIRS:
        (base / sub).mkdir(mode=0o700)
        os.environ[var] = str(base / sub)
    os.environ["HOME"] = str(base)
    os.environ["CLOSER_DESK_DB"] = str(base / "agenda.sqlite3")


_define_isolated_variables()


@pytest.fixture(autouse=True, scope="session")
def _collect_on_the_main_thread() -> Iterator[None]:
    """Cycles are freed on the main (GUI) thread between tests, never by whichever thread
    allocates (a worker's job freeing a Qt object the GUI thread is painting crashed the
    suite now and then), as ``ui.common.collector`` does in the app."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    yield
    from closer_desk.ui.common.collector import collect_due

    collect_due()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every hypothesis test is also a ``fuzz`` test: ``make fuzz`` runs them at length."""
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.fuzz)


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Values replaced, never added or removed (see ``_define_isolated_variables``).
    home = tmp_path_factory.mktemp("home")
    for var, sub in _DIRS:
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
