"""The store's fast constructors build the same frozen objects as the checked ones."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from closer_desk.core.model import (
    AgendaEntry,
    Appointment,
    CallKind,
    Outcome,
    Status,
    unchecked_appointment,
    unchecked_entry,
)
from tests.helpers.factories import at


def _values() -> tuple[object, ...]:
    return (
        7, 1, 2, 3, at("2026-10-25 02:30", "Europe/Paris", choose="later"), 45,
        CallKind.PHONE, Status.DONE, "", "+33 1 23 45 67 89", 10, Outcome.WON,
        Decimal("1200"), "EUR", Decimal("0.15"), "", "uid@x", 2, "private", None, None,
    )  # fmt: skip


def test_unchecked_appointment_equals_the_checked_one():
    checked = Appointment(*_values())
    fast = unchecked_appointment(*_values())
    assert fast == checked
    assert hash(fast) == hash(checked)
    assert fast.start.fold == 1 and fast.end == checked.end


def test_unchecked_objects_stay_frozen():
    fast = unchecked_appointment(*_values())
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.minutes = 30  # type: ignore[misc]
    entry = unchecked_entry(fast, "Acme", "#fff", "Omar", "Asia/Dubai", "Camille", "UTC")
    assert entry == AgendaEntry(fast, "Acme", "#fff", "Omar", "Asia/Dubai", "Camille", "UTC")
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.company_name = "x"  # type: ignore[misc]


def test_every_field_is_taken_by_position():
    with pytest.raises(TypeError):
        unchecked_appointment(*_values()[:-1])
