"""Small builders for agendas with known content."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from closer_desk.core import tz
from closer_desk.store import Agenda, open_agenda

#: The fixed "now" of the test clock: a Monday in winter, before the EU/US DST weeks.
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


class FakeClock:
    """A settable clock to inject into ``open_agenda`` (core never reads the wall clock)."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def make_agenda(path: Path, clock: FakeClock | None = None) -> Agenda:
    """An agenda at ``path`` with one closer in Paris, two companies and three prospects."""
    agenda: Agenda = open_agenda(path, clock=clock or FakeClock())
    agenda.add_closer("Camille Durand", "Europe/Paris", email="camille@example.com")
    agenda.add_company(
        "Acme", commission_rate="15", default_video_url="https://meet.example.com/acme"
    )
    agenda.add_company("Érable", commission_rate="12", default_kind="phone", default_minutes=30)
    agenda.add_prospect(
        "Gabriel Tremblay",
        "America/Toronto",
        country="CA",
        subdivision="QC",
        language="fr",
        phone="+1 514 555 0123",
    )
    agenda.add_prospect("Omar Haddad", "Asia/Dubai", country="AE", phone="+971 50 123 4567")
    agenda.add_prospect("Haruto Sato", "Asia/Tokyo", country="JP")
    return agenda


def at(text: str, zone_name: str, **kwargs: Any) -> datetime:
    """An aware instant from a wall time, refusing DST gaps like the app does."""
    return tz.localize(datetime.fromisoformat(text), zone_name, **kwargs)
