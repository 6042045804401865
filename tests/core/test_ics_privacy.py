"""Nothing private leaves the machine: the demo agenda's every invite and its export carry no
client-file text, private note, deal value or commission."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar

from closer_desk.core.demo import build
from closer_desk.core.ics.export import export_calendar
from closer_desk.core.ics.invite import invite
from closer_desk.store import open_agenda
from closer_desk.store.demo import load_demo
from closer_desk.store.ics_calls import calls_between, parties_of
from tests.helpers.factories import FakeClock, at

_TEXT_TYPES = (icalendar.vText, icalendar.vCalAddress, icalendar.vUri)


def _texts(data: bytes) -> list[str]:
    """Every text-valued property and parameter of a calendar (dates and numbers left out)."""
    out: list[str] = []
    for component in icalendar.Calendar.from_ical(data).walk():
        for _, value in component.property_items(recursive=False):
            if isinstance(value, _TEXT_TYPES):
                out.append(str(value))
            out += [str(v) for v in getattr(value, "params", {}).values()]
    return out


def test_no_private_text_or_money_in_any_invite_or_export(tmp_path: Path) -> None:
    clock = FakeClock()
    with open_agenda(tmp_path / "demo.sqlite3", clock=clock) as agenda:
        load_demo(agenda, build(date(2026, 3, 2)))
        start, end = at("2025-01-01 00:00", "UTC"), at("2028-01-01 00:00", "UTC")
        calls = agenda.appointments(start, end)
        private = {
            text
            for p in agenda.prospects()
            for text in (p.need, p.motivations, p.blockages, p.notes)
            if text
        } | {c.notes for c in calls if c.notes}
        money = {str(c.deal_value) for c in calls if c.deal_value is not None}
        rates = {str(c.commission_rate) for c in agenda.companies()}
        assert private and money  # the demo data does hold secrets to leak
        files = [invite(c, parties_of(agenda, c), now=agenda.now()) for c in calls]
        files.append(export_calendar(calls_between(agenda, start, end), now=agenda.now()))
        files.append(
            export_calendar(calls_between(agenda, start, end), now=agenda.now(), language="fr")
        )
    for data in files:
        unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
        for secret in private:
            assert secret not in unfolded
            assert icalendar.vText(secret).to_ical().decode() not in unfolded
        for text in _texts(data):
            assert not any(value in text for value in money), text
            assert not any(rate in text for rate in rates), text
            assert "commission" not in text.lower()
