"""What the agenda views read beside the calls: busy time imported for the closers in view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from closer_desk.store.calendar_import import import_file
from closer_desk.store.view_reads import busy_in_view
from tests.helpers.factories import at

EVENT = (
    "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260301T080000Z\r\nDTSTART:{start}\r\n"
    "DTEND:{end}\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\n"
)


def calendar(tmp_path: Path, name: str, *events: tuple[str, str, str]) -> Path:
    body = "".join(
        EVENT.format(uid=f"{name}-{i}@x", start=s, end=e, summary=summary)
        for i, (s, e, summary) in enumerate(events)
    )
    path = tmp_path / name
    path.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n{body}END:VCALENDAR\r\n")
    return path


def test_the_busy_time_of_the_closers_asked_for_in_the_range(agenda: Any, tmp_path: Path) -> None:
    sophie = agenda.add_closer("Sophie Tremblay", "America/Toronto")
    import_file(
        agenda,
        calendar(
            tmp_path,
            "google.ics",
            ("20260303T090000Z", "20260303T100000Z", "Dentist"),
            ("20260310T090000Z", "20260310T100000Z", "Next week"),
        ),
        busy=True,
    )
    import_file(
        agenda,
        calendar(tmp_path, "work.ics", ("20260303T083000Z", "20260303T090000Z", "Stand-up")),
        busy=True,
        closer=sophie.id,
    )
    start, end = at("2026-03-02 00:00", "Europe/Paris"), at("2026-03-09 00:00", "Europe/Paris")
    mine = busy_in_view(agenda, start, end, [1])
    assert [(b.summary, b.source) for b in mine] == [("Dentist", "google.ics")]
    both = busy_in_view(agenda, start, end, [1, sophie.id])
    assert [b.summary for b in both] == ["Stand-up", "Dentist"]  # by start
    assert busy_in_view(agenda, start, end, []) == []
