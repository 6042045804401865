"""``store.planning.search_slots``: the agenda's people and calls fed to ``find_slots``."""

from __future__ import annotations

from datetime import date

import pytest

from closer_desk.core.errors import NotFoundError, ValidationError
from closer_desk.store import Agenda
from closer_desk.store.planning import search_slots
from tests.helpers.factories import at


def test_search_uses_the_company_length_and_avoids_booked_calls(agenda: Agenda) -> None:
    found = search_slots(
        agenda, prospect="Omar", company="Érable", first_day=date(2026, 3, 3), days=1
    )
    assert found.minutes == 30 and found.company is not None
    assert found.slots and all(s.closer_zone == "Europe/Paris" for s in found.slots)
    call = agenda.book(company="Érable", prospect="Omar", start=found.slots[0].closer_start)
    again = search_slots(
        agenda, prospect="Omar", company="Érable", first_day=date(2026, 3, 3), days=1
    )
    assert found.slots[0].start not in [s.start for s in again.slots]
    moved = search_slots(
        agenda,
        prospect="Omar",
        company="Érable",
        first_day=date(2026, 3, 3),
        days=1,
        exclude_id=call.id,
    )
    assert moved.slots == found.slots


def test_search_starts_today_and_respects_now(agenda: Agenda) -> None:
    found = search_slots(agenda, prospect="Haruto", days=2, minutes=30)
    # The fixed clock is 2026-03-02 08:00 UTC: 09:00 in Paris, 17:00 in Tokyo, so only the
    # last hour of Monday in Tokyo is left, then Tuesday.
    assert found.start == at("2026-03-02 00:00", "Europe/Paris")
    assert found.slots[0].start == agenda.now()
    monday = [f"{s.prospect_start:%H:%M}" for s in found.slots if s.prospect_start.day == 2]
    assert monday == ["17:00", "17:15", "17:30"]


def test_search_refuses_bad_input(agenda: Agenda) -> None:
    with pytest.raises(NotFoundError):
        search_slots(agenda, prospect="Nobody")
    for kwargs in ({"minutes": 0}, {"minutes": -15}, {"days": 0}, {"days": 1000}):
        with pytest.raises(ValidationError):
            search_slots(agenda, prospect="Omar", **kwargs)  # type: ignore[arg-type]
