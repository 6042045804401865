"""Helpers for ICS tests: fixture files, import options at the test clock's now."""

from __future__ import annotations

from pathlib import Path

from closer_desk.core.ics.importing import ImportOptions, Limits, ParsedCalendar, parse_calendar
from tests.helpers.factories import NOW

ICS_DIR = Path(__file__).resolve().parent.parent / "ics"


def fixture(name: str) -> bytes:
    """The bytes of ``tests/ics/<name>``."""
    return (ICS_DIR / name).read_bytes()


def options(zone: str = "Europe/Paris", **kwargs: object) -> ImportOptions:
    """Import options centred on the test clock's now."""
    return ImportOptions(floating_zone=zone, now=NOW, **kwargs)  # type: ignore[arg-type]


def parse(data: bytes | str, zone: str = "Europe/Paris", **kwargs: object) -> ParsedCalendar:
    """Parse ICS text with the test options."""
    return parse_calendar(data, options(zone, **kwargs))


def calendar(*events: str, header: str = "") -> str:
    """A VCALENDAR around VEVENT bodies (lines joined with CRLF)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    if header:
        lines += header.splitlines()
    for body in events:
        lines += ["BEGIN:VEVENT", *body.strip().splitlines(), "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


#: A half-hour event on 4 March 2026 (``{u}``: its UID and summary, ``{h}``: its UTC hour).
_LONE = "UID:{u}\nDTSTART:20260304T{h}0000Z\nDTEND:20260304T{h}3000Z\nSUMMARY:{u}"


def lone_events(*uids: str) -> str:
    """A calendar of one half-hour event per UID, an hour apart from 10:00 UTC on 4 March."""
    return calendar(*(_LONE.format(u=u, h=10 + n) for n, u in enumerate(uids)))


def lone_events_file(folder: Path, name: str, *uids: str) -> Path:
    """``lone_events`` written to ``folder/name``."""
    path = folder / name
    path.write_text(lone_events(*uids), encoding="utf-8", newline="")
    return path


__all__ = [
    "ICS_DIR",
    "Limits",
    "calendar",
    "fixture",
    "lone_events",
    "lone_events_file",
    "options",
    "parse",
]
