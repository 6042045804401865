"""Hostile calendars, generated: each one held the old importer for minutes or gigabytes.

Used by the tests (small sizes) and by ``tests/benchmarks/bench_import.py`` (the sizes of
issue 11). Every generator returns the file's bytes.
"""

from __future__ import annotations

from collections.abc import Iterable

_HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//closer_desk//hostile//EN\r\n"
_TAIL = "END:VCALENDAR\r\n"


def _calendar(parts: Iterable[str]) -> bytes:
    return (_HEAD + "".join(parts) + _TAIL).encode()


def unclosed_events(count: int) -> bytes:
    """``count`` BEGIN:VEVENT lines, none of them closed (quadratic for a lazy regex)."""
    return _calendar(
        f"BEGIN:VEVENT\r\nUID:open-{i}@hostile\r\nDTSTART:20260304T090000Z\r\n"
        for i in range(count)
    )


def frequent_vtimezone(freq: str = "MINUTELY", interval: int = 2) -> bytes:
    """A ~600-byte VTIMEZONE whose observances change every ``interval`` ``freq`` since 1970,
    and one event in it."""
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Hostile/Zone\r\n"
        "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
        f"RRULE:FREQ={freq};INTERVAL={interval}\r\n"
        "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:19700101T000100\r\n"
        f"RRULE:FREQ={freq};INTERVAL={interval}\r\n"
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
    )
    event = (
        "BEGIN:VEVENT\r\nUID:in-hostile-zone@hostile\r\n"
        "DTSTART;TZID=Hostile/Zone:20260304T090000\r\n"
        "DTEND;TZID=Hostile/Zone:20260304T100000\r\nSUMMARY:in the zone\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:weekly-in-hostile-zone@hostile\r\n"
        "DTSTART;TZID=Hostile/Zone:20260302T090000\r\n"
        "DTEND;TZID=Hostile/Zone:20260302T100000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
        "END:VEVENT\r\n"
    )
    return _calendar([zone, event])


def rdate_flood(size: int, per_line: int = 40) -> bytes:
    """One event whose RDATE values fill about ``size`` bytes (minutes apart from 2026)."""
    lines: list[str] = []
    total = 0
    minute = 0
    while total < size:
        values = []
        for _ in range(per_line):
            day, rest = divmod(minute, 24 * 60)
            values.append(
                f"2026{1 + day // 28 % 12:02d}{1 + day % 28:02d}T{rest // 60:02d}{rest % 60:02d}00Z"
            )
            minute += 7
        line = "RDATE:" + ",".join(values) + "\r\n"
        lines.append(line)
        total += len(line)
    event = (
        "BEGIN:VEVENT\r\nUID:rdate-flood@hostile\r\nDTSTART:20260101T000000Z\r\n"
        "DURATION:PT5M\r\n" + "".join(lines) + "END:VEVENT\r\n"
    )
    return _calendar([event, _plain_event("after-the-flood")])


def many_transitions(count: int) -> bytes:
    """A VTIMEZONE listing ``count`` transitions one by one (no RRULE), and an event in it."""
    parts = ["BEGIN:VTIMEZONE\r\nTZID:Many/Transitions\r\n"]
    for i in range(count):
        year, half = 1900 + (i // 2) % 300, i % 2
        kind, frm, to = (
            ("DAYLIGHT", "+0100", "+0200") if half == 0 else ("STANDARD", "+0200", "+0100")
        )
        month = "03" if half == 0 else "10"
        parts.append(
            f"BEGIN:{kind}\r\nDTSTART:{year}{month}{1 + i % 28:02d}T020000\r\n"
            f"TZOFFSETFROM:{frm}\r\nTZOFFSETTO:{to}\r\nEND:{kind}\r\n"
        )
    parts.append("END:VTIMEZONE\r\n")
    parts.append(
        "BEGIN:VEVENT\r\nUID:many-transitions@hostile\r\n"
        "DTSTART;TZID=Many/Transitions:20260304T090000\r\n"
        "DTEND;TZID=Many/Transitions:20260304T100000\r\nEND:VEVENT\r\n"
    )
    return _calendar(parts)


def far_years() -> bytes:
    """Events in years 1 and 9999: with a TZID, as all-day dates, with a DURATION; one NUL-laden
    event; and one ordinary event that must still import."""
    events = []
    for year in ("0001", "9999"):
        events += [
            f"BEGIN:VEVENT\r\nUID:tzid-{year}@hostile\r\n"
            f"DTSTART;TZID=Europe/Paris:{year}0101T000000\r\n"
            f"DTEND;TZID=Europe/Paris:{year}0101T010000\r\nEND:VEVENT\r\n",
            f"BEGIN:VEVENT\r\nUID:date-{year}@hostile\r\nDTSTART;VALUE=DATE:{year}1231\r\n"
            "END:VEVENT\r\n",
            f"BEGIN:VEVENT\r\nUID:duration-{year}@hostile\r\nDTSTART:{year}1231T230000Z\r\n"
            "DURATION:P2D\r\nEND:VEVENT\r\n",
            f"BEGIN:VEVENT\r\nUID:rrule-{year}@hostile\r\n"
            f"DTSTART;TZID=Europe/Paris:{year}0101T090000\r\nRRULE:FREQ=DAILY;COUNT=3\r\n"
            "END:VEVENT\r\n",
        ]
    events.append(
        "BEGIN:VEVENT\r\nUID:nul\x00uid@hostile\r\nDTSTART:20260304T090000Z\r\n"
        "DTEND:20260304T100000Z\r\nSUMMARY:nul\x00in\x00summary\x1b[2J\r\nEND:VEVENT\r\n"
    )
    events.append(_plain_event("ordinary"))
    return _calendar(events)


def _plain_event(uid: str) -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}@hostile\r\nDTSTART:20260305T090000Z\r\n"
        "DTEND:20260305T100000Z\r\nSUMMARY:ordinary\r\nEND:VEVENT\r\n"
    )


def normal_events(size: int) -> bytes:
    """Ordinary one-hour events filling about ``size`` bytes: the floor a hostile file of the
    same size is compared with."""
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        day, hour = divmod(i, 10)
        part = (
            f"BEGIN:VEVENT\r\nUID:normal-{i}@bench\r\nDTSTAMP:20260101T000000Z\r\n"
            f"DTSTART:2026{1 + day // 28 % 12:02d}{1 + day % 28:02d}T{8 + hour:02d}0000Z\r\n"
            f"DTEND:2026{1 + day // 28 % 12:02d}{1 + day % 28:02d}T{8 + hour:02d}4500Z\r\n"
            f"SUMMARY:Meeting {i}\r\nEND:VEVENT\r\n"
        )
        parts.append(part)
        total += len(part)
        i += 1
    return _calendar(parts)


#: The hostile files of issue 11 at their full size, by name.
ISSUE_SIZES = {
    "unclosed_events_20k": lambda: unclosed_events(20_000),
    "unclosed_events_100k": lambda: unclosed_events(100_000),
    "minutely_vtimezone": lambda: frequent_vtimezone("MINUTELY", 2),
    "secondly_vtimezone": lambda: frequent_vtimezone("SECONDLY", 2),
    "rdate_flood_25mb": lambda: rdate_flood(25 * 1024 * 1024),
    "vtimezone_100k_transitions": lambda: many_transitions(100_000),
    "years_1_and_9999": far_years,
}
