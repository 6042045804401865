"""Fixtures of the whole-window tests: two calls on the Tuesday of the test week."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.factories import at


@pytest.fixture
def booked(agenda: Any) -> Any:
    """Two calls on Tuesday 3 March 2026 (Paris): 10:00 Acme/Gabriel, 14:00 Érable/Omar."""
    first = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-03 10:00", "Europe/Paris"), minutes=45
    )
    second = agenda.book(
        company="Érable", prospect="Omar", start=at("2026-03-03 14:00", "Europe/Paris"), minutes=30
    )
    return first, second
