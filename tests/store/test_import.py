"""Applying imports: busy blocks upserted by UID/RECURRENCE-ID/SEQUENCE, call updates by UID,
one transaction, nothing written for a broken file."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from closer_desk.core.ics.export import export_calendar
from closer_desk.core.ics.importing import IcsRejected, ImportCancelled
from closer_desk.core.ics.invite import invite
from closer_desk.core.model import Status
from closer_desk.store import Agenda
from closer_desk.store.calendar_import import NOT_OUR_CALL, OLDER_SEQUENCE, import_file
from closer_desk.store.ics_calls import calls_between, parties_of
from tests.helpers.cli import main as cli_main
from tests.helpers.factories import at
from tests.helpers.ics import ICS_DIR, calendar

WIDE = (datetime(2025, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))


def blocks(agenda: Agenda) -> list[tuple[str, str, datetime, int]]:
    closer = agenda.closer()
    return [
        (b.uid, b.recurrence_id, b.start, b.sequence) for b in agenda.busy_blocks(closer.id, *WIDE)
    ]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_busy_import_adds_then_reimport_changes_nothing(agenda: Agenda) -> None:
    report = import_file(agenda, ICS_DIR / "rrule_exdate_override.ics", busy=True)
    # 5 instances in the file, one of them cancelled: 4 blocks
    assert (report.added, report.updated, report.cancelled) == (4, 0, 0)
    first = blocks(agenda)
    again = import_file(agenda, ICS_DIR / "rrule_exdate_override.ics", busy=True)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    assert blocks(agenda) == first


def test_updated_file_updates_in_place_and_older_sequence_is_ignored(
    agenda: Agenda, tmp_path: Path
) -> None:
    v1 = write(
        tmp_path,
        "v1.ics",
        calendar("UID:m@x\nSEQUENCE:1\nDTSTART:20260304T090000Z\nDTEND:20260304T100000Z"),
    )
    v2 = write(
        tmp_path,
        "v2.ics",
        calendar("UID:m@x\nSEQUENCE:2\nDTSTART:20260304T140000Z\nDTEND:20260304T150000Z"),
    )
    import_file(agenda, v1, busy=True, source="work")
    report = import_file(agenda, v2, busy=True, source="work")
    assert (report.added, report.updated) == (0, 1)
    assert blocks(agenda) == [("m@x", "", datetime(2026, 3, 4, 14, tzinfo=UTC), 2)]
    stale = import_file(agenda, v1, busy=True, source="work")
    assert stale.updated == 0
    assert blocks(agenda)[0][2] == datetime(2026, 3, 4, 14, tzinfo=UTC)


def test_cancel_removes_busy_blocks(agenda: Agenda) -> None:
    import_file(agenda, ICS_DIR / "tz_windows_format.ics", busy=True)
    assert len(blocks(agenda)) == 2
    report = import_file(agenda, ICS_DIR / "method_cancel.ics", busy=True)
    assert report.cancelled == 1
    assert [b[0] for b in blocks(agenda)] == ["040000008200E00074C5B7101A82E00800000000outlook-2"]


def test_instances_dropped_from_an_updated_series_are_removed(
    agenda: Agenda, tmp_path: Path
) -> None:
    body = (
        "UID:s@x\nSEQUENCE:{seq}\nDTSTART:20260302T090000Z\nDTEND:20260302T100000Z\n"
        "RRULE:FREQ=DAILY;COUNT={n}"
    )
    import_file(agenda, write(tmp_path, "a.ics", calendar(body.format(seq=0, n=5))), busy=True)
    report = import_file(
        agenda, write(tmp_path, "a.ics", calendar(body.format(seq=1, n=3))), busy=True
    )
    assert (report.removed, report.updated) == (2, 3)
    assert len(blocks(agenda)) == 3


def test_broken_file_writes_nothing(agenda: Agenda) -> None:
    import_file(agenda, ICS_DIR / "tz_windows_format.ics", busy=True)
    before = blocks(agenda)
    with pytest.raises(IcsRejected):
        import_file(agenda, ICS_DIR / "broken_structure.ics", busy=True)
    assert blocks(agenda) == before


def test_cancelled_import_writes_nothing(agenda: Agenda) -> None:
    with pytest.raises(ImportCancelled):
        import_file(agenda, ICS_DIR / "tz_windows_format.ics", busy=True, cancelled=lambda: True)
    assert blocks(agenda) == []


def test_without_busy_other_events_are_refused_with_the_reason(agenda: Agenda) -> None:
    report = import_file(agenda, ICS_DIR / "tz_windows_format.ics", busy=False)
    assert [r.code for r in report.refused] == [NOT_OUR_CALL, NOT_OUR_CALL]
    assert blocks(agenda) == []


def test_our_own_invite_moved_elsewhere_updates_the_call(agenda: Agenda, tmp_path: Path) -> None:
    call = agenda.book(
        company="Acme", prospect="Gabriel Tremblay", start=at("2026-03-03 15:00", "Europe/Paris")
    )
    data = invite(call, parties_of(agenda, call), now=agenda.now()).decode()
    unchanged = import_file(agenda, write(tmp_path, "same.ics", data), busy=False)
    assert unchanged.unchanged == 1 and unchanged.refused == ()
    moved = data.replace(
        "DTSTART;TZID=Europe/Paris:20260303T150000", "DTSTART;TZID=Europe/Paris:20260303T170000"
    )
    moved = moved.replace(
        "DTEND;TZID=Europe/Paris:20260303T154500", "DTEND;TZID=Europe/Paris:20260303T180000"
    )
    report = import_file(
        agenda, write(tmp_path, "moved.ics", moved.replace("SEQUENCE:0", "SEQUENCE:1")), busy=False
    )
    assert report.updated == 1 and report.appointments == frozenset({call.id})
    after = agenda.appointment(call.id)
    assert after.start == at("2026-03-03 17:00", "Europe/Paris") and after.zone == "Europe/Paris"
    assert after.minutes == 60 and after.sequence >= 1
    old = import_file(agenda, write(tmp_path, "old.ics", data), busy=False)
    assert [r.code for r in old.refused] == [OLDER_SEQUENCE]
    cancelled = agenda.cancel(call.id)
    restored = agenda.set_status(call.id, Status.PLANNED)
    assert restored.sequence > cancelled.sequence
    cancel = invite(cancelled, parties_of(agenda, cancelled), now=agenda.now()).decode()
    report = import_file(agenda, write(tmp_path, "cancel.ics", cancel), busy=False)
    assert report.refused[0].code == OLDER_SEQUENCE  # the cancel is older than the restore
    newer = cancel.replace(f"SEQUENCE:{cancelled.sequence}", f"SEQUENCE:{restored.sequence + 1}")
    report = import_file(agenda, write(tmp_path, "cancel2.ics", newer), busy=False)
    assert report.cancelled == 1 and agenda.appointment(call.id).status == Status.CANCELLED


def test_one_transaction_with_bulk_writes_for_many_events(agenda: Agenda, tmp_path: Path) -> None:
    start = datetime(2026, 3, 2, 8, tzinfo=UTC)
    events = [
        f"UID:b{i}@x\nDTSTART:{(start + timedelta(hours=i)):%Y%m%dT%H%M%SZ}\nDURATION:PT30M"
        for i in range(2000)
    ]
    report = import_file(agenda, write(tmp_path, "many.ics", calendar(*events)), busy=True)
    assert report.added == 2000
    assert len(blocks(agenda)) == 2000


def test_cli_import_reports_and_refuses_broken_file(
    agenda: Agenda, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(agenda.path)
    assert (
        cli_main(["--db", db, "import", str(ICS_DIR / "tz_windows_format.ics"), "--busy", "--json"])
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert (out["added"], out["refused"]) == (2, [])
    assert cli_main(["--db", db, "import", str(ICS_DIR / "broken_structure.ics"), "--busy"]) == 2
    err = capsys.readouterr().err
    assert "line 9" in err and "nothing imported" in err and len(err.splitlines()) == 1
    assert cli_main(["--db", db, "import", str(ICS_DIR / "broken_unknown_zone.ics"), "--busy"]) == 0
    out_text = capsys.readouterr().out
    assert "1 events skipped" in out_text and "Mars/Olympus_Mons" in out_text
    assert cli_main(["--db", db, "import", str(ICS_DIR / "event_dt_floating.ics")]) == 0
    out_text = capsys.readouterr().out
    assert "not a closer_desk call; import with --busy to block the time" in out_text
    assert "floating times read in Europe/Paris" in out_text
    assert len(blocks(agenda)) == 2


def _weekly(uid: str, count: int = 3, extra: str = "") -> str:
    return (
        f"UID:{uid}\nDTSTART:20260302T090000Z\nDTEND:20260302T100000Z\n"
        f"RRULE:FREQ=WEEKLY;COUNT={count}\n{extra}"
    )


def test_reimporting_a_source_removes_what_was_deleted_from_it(
    agenda: Agenda, tmp_path: Path
) -> None:
    lone = "UID:{u}\nDTSTART:20260304T090000Z\nDTEND:20260304T100000Z\nSUMMARY:{s}"
    first = calendar(lone.format(u="a@x", s="A"), lone.format(u="b@x", s="B"), _weekly("w@x"))
    report = import_file(agenda, write(tmp_path, "work.ics", first), busy=True)
    assert (report.source, report.added) == ("work.ics", 5)
    # b@x deleted from the calendar, a@x renamed, the series shortened by one
    second = calendar(lone.format(u="a@x", s="A2"), _weekly("w@x", 2))
    report = import_file(agenda, write(tmp_path, "work (1).ics", second), busy=True)
    assert (report.source, report.added, report.updated) == ("work.ics", 0, 1)
    assert (report.removed, report.unchanged) == (2, 2)
    assert sorted((uid, rid) for uid, rid, _, _ in blocks(agenda)) == [
        ("a@x", ""),
        ("w@x", "20260302T090000Z"),
        ("w@x", "20260309T090000Z"),
    ]


def test_another_source_keeps_its_own_blocks(agenda: Agenda, tmp_path: Path) -> None:
    event = "UID:shared@x\nDTSTART:20260304T090000Z\nDTEND:20260304T100000Z"
    import_file(agenda, write(tmp_path, "work.ics", calendar(event)), busy=True)
    import_file(agenda, write(tmp_path, "home.ics", calendar(event)), busy=True)
    report = import_file(agenda, write(tmp_path, "work.ics", calendar()), busy=True)
    assert report.removed == 1
    assert [b[0] for b in blocks(agenda)] == ["shared@x"]  # home.ics still blocks it


def test_an_unreadable_event_keeps_its_blocks_on_reimport(agenda: Agenda, tmp_path: Path) -> None:
    good = "UID:z@x\nDTSTART;TZID=Europe/Paris:20260304T090000\nDURATION:PT1H"
    import_file(agenda, write(tmp_path, "work.ics", calendar(good)), busy=True)
    broken = good.replace("Europe/Paris", "Mars/Olympus_Mons")
    report = import_file(agenda, write(tmp_path, "work.ics", calendar(broken)), busy=True)
    assert (report.removed, [r.code for r in report.refused]) == (0, ["unknown_zone"])
    assert [b[0] for b in blocks(agenda)] == ["z@x"]


def test_an_itip_message_does_not_replace_the_source(agenda: Agenda, tmp_path: Path) -> None:
    one = "UID:{u}\nDTSTART:20260304T090000Z\nDTEND:20260304T100000Z"
    import_file(agenda, write(tmp_path, "in.ics", calendar(one.format(u="a@x"))), busy=True)
    request = calendar(one.format(u="b@x"), header="METHOD:REQUEST")
    report = import_file(agenda, write(tmp_path, "in.ics", request), busy=True)
    assert (report.added, report.removed) == (1, 0)
    assert sorted(b[0] for b in blocks(agenda)) == ["a@x", "b@x"]


def test_our_own_exported_calls_are_recognised_and_skipped(
    agenda: Agenda, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call = agenda.book(
        company="Acme", prospect="Gabriel Tremblay", start=at("2026-03-03 15:00", "Europe/Paris")
    )
    own = calls_between(agenda, *WIDE)
    exported = export_calendar(own, now=agenda.now()).decode()
    other = (
        "BEGIN:VEVENT\r\nUID:dentist@x\r\nDTSTART:20260305T090000Z\r\n"
        "DURATION:PT1H\r\nEND:VEVENT\r\n"
    )
    path = write(tmp_path, "google.ics", exported.replace("END:VCALENDAR", other + "END:VCALENDAR"))
    report = import_file(agenda, path, busy=True)
    assert (report.own_calls, report.added) == (1, 1)
    assert [b[0] for b in blocks(agenda)] == ["dentist@x"]
    assert call.uid.endswith("@closer-desk")
    assert cli_main(["--db", str(agenda.path), "import", str(path), "--busy"]) == 0
    assert "1 of our own calls skipped" in capsys.readouterr().out
