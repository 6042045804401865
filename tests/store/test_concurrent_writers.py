"""Two writers on one file (the window and the CLI) never both book the same slot."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from closer_desk.core.errors import ConflictError
from closer_desk.store import open_agenda
from tests.helpers.factories import FakeClock, at, make_agenda


def test_the_second_writer_waits_and_sees_the_first_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "agenda.sqlite3"
    make_agenda(path, FakeClock()).close()
    window = open_agenda(path, clock=FakeClock(), daily_backup=False)
    cli = open_agenda(path, clock=FakeClock(), daily_backup=False)
    start = at("2026-03-05 10:00", "Europe/Paris")
    checked, go = threading.Event(), threading.Event()
    original = type(window)._conflicts

    def paused(self: Any, *args: Any) -> Any:
        found = original(self, *args)
        if self is window:
            # The window found the slot free; it now stalls between its check and its write.
            checked.set()
            assert go.wait(30)
        return found

    monkeypatch.setattr(type(window), "_conflicts", paused)
    outcome: dict[str, object] = {}

    def book(name: str, agenda: Any) -> None:
        try:
            outcome[name] = agenda.book(company="Acme", prospect="Omar", start=start)
        except ConflictError as error:
            outcome[name] = error

    first = threading.Thread(target=book, args=("window", window))
    first.start()
    assert checked.wait(30)
    second = threading.Thread(target=book, args=("cli", cli))
    second.start()
    # Without the write lock the CLI would check and book now, inside the window's gap.
    second.join(timeout=1.0)
    go.set()
    first.join(30)
    second.join(30)
    assert not first.is_alive() and not second.is_alive()
    assert not isinstance(outcome["window"], Exception)
    assert isinstance(outcome["cli"], ConflictError)
    assert window.count_appointments() == 1
    window.close()
    cli.close()
