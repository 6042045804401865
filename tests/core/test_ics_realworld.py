"""Real-world calendars: the .ics files shipped inside the installed icalendar and
recurring-ical-events packages (Outlook, Google, Apple, Thunderbird exports and broken ones).
Every one is imported or refused with a reason; none crashes or hangs."""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterator
from importlib.resources.abc import Traversable

import pytest

from closer_desk.core.ics.importing import IcsRejected
from closer_desk.core.ics.lines import Limits
from tests.helpers.ics import parse


def _walk(node: Traversable, prefix: str) -> Iterator[tuple[str, Traversable]]:
    for child in node.iterdir():
        name = f"{prefix}/{child.name}"
        if child.is_dir():
            yield from _walk(child, name)
        elif child.name.endswith(".ics"):
            yield name, child


def _shipped() -> list[tuple[str, Traversable]]:
    found: list[tuple[str, Traversable]] = []
    for package in ("icalendar", "recurring_ical_events"):
        found.extend(_walk(importlib.resources.files(package), package))
    return sorted(found, key=lambda item: item[0])


SHIPPED = _shipped()


def test_the_packages_ship_real_world_calendars() -> None:
    assert len(SHIPPED) > 100


@pytest.mark.parametrize("name", [name for name, _ in SHIPPED])
def test_shipped_calendar_is_imported_or_refused_with_a_reason(name: str) -> None:
    data = dict(SHIPPED)[name].read_bytes()
    try:
        parsed = parse(data, limits=Limits(max_seconds=20))
    except IcsRejected as error:
        assert error.code, name
        assert error.line >= 0
    else:
        assert parsed.events >= 0
        for occurrence in parsed.occurrences:
            assert occurrence.start.tzinfo is not None and occurrence.end >= occurrence.start
