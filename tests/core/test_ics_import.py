"""The import choke point on fixtures named by the feature they exercise."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from closer_desk.core.ics.importing import IcsRejected, ImportCancelled, parse_calendar
from tests.helpers.ics import calendar, fixture, options, parse


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_outlook_windows_zone_names_map_to_iana() -> None:
    parsed = parse(fixture("tz_windows_format.ics"))
    by_uid = {o.uid.rsplit("-", 1)[-1]: o for o in parsed.occurrences}
    # Romance Standard Time = Paris (UTC+1 in March before the change)
    assert by_uid["1"].start == utc("2026-03-10 13:00")
    assert by_uid["1"].end == utc("2026-03-10 14:30")
    assert by_uid["1"].summary == "Comité de direction"
    # "Pacific Standard Time" (quoted TZID) = Los Angeles, already on PDT on 10 March
    assert by_uid["2"].start == utc("2026-03-10 16:00")


def test_google_x_wr_timezone_keeps_local_time_across_dst_and_reads_floating_there() -> None:
    parsed = parse(fixture("x_wr_timezone_google.ics"))
    assert parsed.floating_zone == "America/New_York"
    standup = [o for o in parsed.occurrences if o.uid.startswith("weekly-standup")]
    # 10:00 New York every week: 15:00 UTC before the US change on 8 March, 14:00 after.
    assert [o.start for o in standup] == [
        utc("2026-03-02 15:00"),
        utc("2026-03-09 14:00"),
        utc("2026-03-16 14:00"),
        utc("2026-03-23 14:00"),
    ]
    assert len({o.recurrence_id for o in standup}) == 4
    lunch = next(o for o in parsed.occurrences if o.uid.startswith("floating-lunch"))
    assert lunch.floating and lunch.start == utc("2026-03-05 17:00")


def test_floating_time_is_read_in_the_closers_zone() -> None:
    parsed = parse(fixture("event_dt_floating.ics"), zone="Asia/Tokyo")
    (occurrence,) = parsed.occurrences
    assert occurrence.floating
    assert parsed.floating == 1 and parsed.floating_zone == "Asia/Tokyo"
    assert occurrence.start == utc("2026-03-04 00:00")


def test_all_day_events_cover_local_days_and_free_ones_are_skipped() -> None:
    parsed = parse(fixture("event_all_day.ics"))
    (off_site,) = parsed.occurrences
    assert off_site.all_day
    assert off_site.start == utc("2026-03-04 23:00")  # midnight in Paris
    assert off_site.end == utc("2026-03-06 23:00")
    assert [(s.uid, s.code) for s in parsed.skipped] == [("allday-free@icloud.com", "free")]


def test_event_without_uid_gets_a_stable_key() -> None:
    first = parse(fixture("without_uid.ics")).occurrences[0].uid
    again = parse(fixture("without_uid.ics")).occurrences[0].uid
    assert first == again and first.endswith("@closer-desk-import")


def test_rrule_with_exdate_and_overrides() -> None:
    parsed = parse(fixture("rrule_exdate_override.ics"))
    rows = [(o.recurrence_id, o.start, o.summary, o.cancelled) for o in parsed.occurrences]
    assert rows == [
        ("20260302T090000Z", utc("2026-03-02 09:00"), "Team weekly", False),
        # 9 March excluded by EXDATE; 16 March moved to the 17th
        ("20260316T090000Z", utc("2026-03-17 13:00"), "Team weekly (moved)", False),
        ("20260323T090000Z", utc("2026-03-23 09:00"), "Team weekly", True),
        # Berlin changed to summer time on 29 March: still 10:00 local
        ("20260330T080000Z", utc("2026-03-30 08:00"), "Team weekly", False),
        ("20260406T080000Z", utc("2026-04-06 08:00"), "Team weekly", False),
    ]


def test_recurrence_is_expanded_over_the_horizon_only() -> None:
    text = calendar(
        "UID:daily@x\nDTSTART:20200101T090000Z\nDTEND:20200101T093000Z\nRRULE:FREQ=DAILY"
    )
    parsed = parse(text, horizon_days=10)
    assert len(parsed.occurrences) == 20  # 20 Feb .. 11 Mar, 09:00 UTC
    assert parsed.occurrences[0].start == utc("2026-02-20 09:00")


def test_method_cancel_marks_every_event_cancelled() -> None:
    parsed = parse(fixture("method_cancel.ics"))
    assert parsed.method == "CANCEL"
    assert all(o.cancelled for o in parsed.occurrences)
    assert parsed.occurrences[0].sequence == 1


@pytest.mark.parametrize(
    ("name", "line", "code"),
    [
        ("broken_impossible_date.ics", 11, "bad_date"),
        ("broken_unknown_zone.ics", 6, "unknown_zone"),
        ("broken_rrule.ics", 7, "bad_value"),
        ("rrule_billion_laughs.ics", 8, "too_many_instances"),
    ],
)
def test_an_unreadable_event_is_skipped_and_named_and_the_rest_imports(
    name: str, line: int, code: str
) -> None:
    parsed = parse(fixture(name))
    (skipped,) = parsed.unreadable
    assert (skipped.line, skipped.code) == (line, code)
    assert skipped.uid and skipped.uid not in {o.uid for o in parsed.occurrences}
    assert parsed.events >= 1


def test_broken_structure_refuses_the_file_with_the_same_line_every_time() -> None:
    for workers, parallel_from in ((1, 1500), (2, 0)):
        with pytest.raises(IcsRejected) as caught:
            parse(fixture("broken_structure.ics"), workers=workers, parallel_from=parallel_from)
        assert (caught.value.line, caught.value.code) == (9, "unbalanced")
        assert "\n" not in str(caught.value.detail) and len(caught.value.detail) <= 40


def test_unknown_zone_defined_by_a_vtimezone_is_used() -> None:
    header = "\n".join(
        [
            "BEGIN:VTIMEZONE",
            "TZID:(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
            "BEGIN:STANDARD",
            "DTSTART:16010101T000000",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0100",
            "END:STANDARD",
            "END:VTIMEZONE",
        ]
    )
    tzid = '"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"'
    text = calendar(f"UID:custom@x\nDTSTART;TZID={tzid}:20260304T090000", header=header)
    (occurrence,) = parse(text).occurrences
    assert occurrence.start == utc("2026-03-04 08:00")


def test_not_a_calendar_is_refused_and_not_utf8_is_read_as_windows_1252() -> None:
    with pytest.raises(IcsRejected) as caught:
        parse(b"hello\r\n")
    assert caught.value.code == "not_a_calendar"
    with pytest.raises(IcsRejected) as caught:
        parse(b"\x89PNG\r\n\x1a\n" + b"\x00" * 300_000)
    assert (caught.value.line, caught.value.code) == (1, "not_a_calendar")
    data = calendar("UID:a@x\nDTSTART:20260304T090000Z\nSUMMARY:café €").encode("cp1252")
    parsed = parse(data)
    assert parsed.occurrences[0].summary == "café €"
    assert [(w.line, w.code) for w in parsed.warnings] == [(7, "decoded_cp1252")]


def test_escaped_text_and_folded_lines_are_read_back() -> None:
    text = calendar("UID:esc@x\nDTSTART:20260304T090000Z\nSUMMARY:a\\, b\\; c\\\\ d\\n\n e 🎉")
    assert parse(text).occurrences[0].summary == "a, b; c\\ d e 🎉"  # a title: one line


def test_progress_reaches_the_total_and_cancel_stops() -> None:
    events = [f"UID:e{i}@x\nDTSTART:20260304T0900{i % 60:02d}Z" for i in range(100)]
    seen: list[tuple[int, int]] = []
    parse_calendar(
        calendar(*events), options(), progress=lambda done, total: seen.append((done, total))
    )
    assert seen[-1] == (100, 100)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    with pytest.raises(ImportCancelled):
        parse_calendar(calendar(*events), options(), cancelled=lambda: True)


def test_parallel_workers_give_the_same_result_as_one_process() -> None:
    events = [
        f"UID:e{i}@x\nDTSTART;TZID=Europe/Paris:202603{1 + i % 28:02d}T0900{i % 60:02d}"
        for i in range(300)
    ]
    events.append("UID:r@x\nDTSTART:20260302T090000Z\nRRULE:FREQ=WEEKLY;COUNT=3")
    text = calendar(*events)
    alone = parse(text, workers=1)
    shared = parse(text, workers=2, parallel_from=0)
    assert shared.occurrences == alone.occurrences
    assert len(alone.occurrences) == 303


def test_recurring_event_in_a_windows_zone_follows_its_dst() -> None:
    text = calendar(
        'UID:pst@x\nDTSTART;TZID="Pacific Standard Time":20260302T090000\n'
        'DTEND;TZID="Pacific Standard Time":20260302T093000\nRRULE:FREQ=WEEKLY;COUNT=2'
    )
    starts = [o.start for o in parse(text).occurrences]
    # 09:00 in Los Angeles: UTC-8 before the US change on 8 March, UTC-7 after
    assert starts == [utc("2026-03-02 17:00"), utc("2026-03-09 16:00")]


@pytest.mark.parametrize("phase", [1, 2, 3, 4, 6])
def test_cancel_works_in_every_phase(phase: int) -> None:
    # decode, split (every 4,096 events), zones, then the parse of the batches
    events = [f"UID:e{i}@x\nDTSTART:20260304T0900{i % 60:02d}Z" for i in range(9000)]
    asked = iter(range(1, 10_000))
    with pytest.raises(ImportCancelled):
        parse_calendar(calendar(*events), options(), cancelled=lambda: next(asked) >= phase)
