"""Hostile calendars: caps refuse them with a reason, and fuzzed text never crashes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from closer_desk.core.ics.importing import IcsRejected, read_calendar_file
from closer_desk.core.ics.lines import Limits
from tests.helpers import hostile
from tests.helpers.fuzzing import examples
from tests.helpers.ics import calendar, fixture, options, parse


def test_file_over_the_size_cap_is_refused_before_parsing() -> None:
    with pytest.raises(IcsRejected) as caught:
        parse(calendar("UID:a@x\nDTSTART:20260304T090000Z"), limits=Limits(max_bytes=50))
    assert caught.value.code == "too_large"


def test_a_huge_line_is_refused_with_its_number() -> None:
    text = calendar("UID:a@x\nDTSTART:20260304T090000Z\nSUMMARY:" + "x" * 300_000)
    with pytest.raises(IcsRejected) as caught:
        parse(text)
    assert (caught.value.code, caught.value.line) == ("line_too_long", 7)


def test_a_huge_folded_line_is_refused_too() -> None:
    folded = "\n ".join(["y" * 70] * 5000)  # each physical line is short, the logical one is not
    with pytest.raises(IcsRejected) as caught:
        parse(calendar("UID:a@x\nDTSTART:20260304T090000Z\nSUMMARY:" + folded))
    assert caught.value.code == "line_too_long"


def test_deep_nesting_is_refused() -> None:
    nested = (
        "\n".join(f"BEGIN:X{i}" for i in range(10))
        + "\n"
        + "\n".join(f"END:X{i}" for i in reversed(range(10)))
    )
    with pytest.raises(IcsRejected) as caught:
        parse(calendar("UID:a@x\nDTSTART:20260304T090000Z\n" + nested))
    assert caught.value.code == "too_deep"


def test_too_many_events_is_refused() -> None:
    events = [f"UID:e{i}@x\nDTSTART:20260304T090000Z" for i in range(20)]
    with pytest.raises(IcsRejected) as caught:
        parse(calendar(*events), limits=Limits(max_events=10))
    assert caught.value.code == "too_many_events"


def test_secondly_rule_is_skipped_quickly() -> None:
    parsed = parse(fixture("rrule_billion_laughs.ics"))
    assert [(s.line, s.code) for s in parsed.unreadable] == [(8, "too_many_instances")]


def test_many_series_together_hit_the_total_cap() -> None:
    events = [f"UID:s{i}@x\nDTSTART:20260302T090000Z\nRRULE:FREQ=DAILY;COUNT=100" for i in range(5)]
    with pytest.raises(IcsRejected) as caught:
        parse(calendar(*events), limits=Limits(max_occurrences=300))
    assert caught.value.code == "too_many_occurrences"


@pytest.mark.parametrize("freq", ["SECONDLY", "MINUTELY", "HOURLY", "DAILY"])
def test_a_rule_that_never_matches_is_never_iterated(freq: str) -> None:
    # dateutil would search day by day for a 30 February until year 9999 (minutes): the day
    # filters are checked against the horizon first, in this process, and the rule dropped.
    text = calendar(
        f"UID:never@x\nDTSTART:20260301T000000Z\nRRULE:FREQ={freq};BYMONTH=2;BYMONTHDAY=30"
    )
    parsed = parse(text, limits=Limits(max_seconds=5))
    assert [o.start for o in parsed.occurrences] == [datetime(2026, 3, 1, tzinfo=UTC)]


def test_a_set_position_a_day_cannot_hold_is_never_iterated() -> None:
    text = calendar("UID:never@x\nDTSTART:20260301T090000Z\nRRULE:FREQ=DAILY;BYSETPOS=2")
    assert len(parse(text, limits=Limits(max_seconds=5)).occurrences) == 1


def test_what_rfc_5545_forbids_in_a_rule_makes_the_event_unreadable() -> None:
    text = calendar("UID:weekno@x\nDTSTART:20260301T090000Z\nRRULE:FREQ=DAILY;BYWEEKNO=60")
    assert [s.code for s in parse(text).unreadable] == ["bad_value"]


def test_begin_vevent_lines_without_end_are_refused_in_linear_time() -> None:
    with pytest.raises(IcsRejected) as caught:
        parse(hostile.unclosed_events(5000))
    assert (caught.value.line, caught.value.code, caught.value.detail) == (
        4,
        "unbalanced",
        "VEVENT",
    )


@pytest.mark.parametrize("freq", ["MINUTELY", "SECONDLY", "HOURLY", "DAILY"])
def test_a_vtimezone_changing_every_two_minutes_is_not_expanded(freq: str) -> None:
    parsed = parse(hostile.frequent_vtimezone(freq, 2))
    assert parsed.occurrences == ()
    assert [(s.uid, s.code) for s in parsed.unreadable] == [
        ("in-hostile-zone@hostile", "zone_rule"),
        ("weekly-in-hostile-zone@hostile", "zone_rule"),
    ]


def test_an_rdate_flood_skips_its_event_and_imports_the_rest() -> None:
    parsed = parse(hostile.rdate_flood(1_500_000))
    assert [(s.uid, s.code) for s in parsed.unreadable] == [
        ("rdate-flood@hostile", "too_many_instances")
    ]
    assert [o.uid for o in parsed.occurrences] == ["after-the-flood@hostile"]


def test_a_vtimezone_listing_thousands_of_transitions_is_read_over_the_horizon() -> None:
    (occurrence,) = parse(hostile.many_transitions(5000)).occurrences
    # summer time (+02:00) began there on 1 March 2026
    assert occurrence.start == datetime(2026, 3, 4, 7, tzinfo=UTC)


def test_years_1_and_9999_are_skipped_and_nul_bytes_stripped() -> None:
    parsed = parse(hostile.far_years())
    assert sorted((s.uid, s.code) for s in parsed.unreadable) == sorted(
        (f"{kind}-{year}@hostile", "year_out_of_range")
        for kind in ("tzid", "date", "duration", "rrule")
        for year in ("0001", "9999")
    )
    by_uid = {o.uid: o for o in parsed.occurrences}
    assert set(by_uid) == {"nuluid@hostile", "ordinary@hostile"}
    assert by_uid["nuluid@hostile"].summary == "nulinsummary[2J"


_SEED = fixture("rrule_exdate_override.ics").decode() + fixture("tz_windows_format.ics").decode()
_PIECES = st.sampled_from(
    [
        "\r\n",
        "\r\n ",
        ":",
        ";",
        ",",
        '"',
        "\\",
        "BEGIN:VEVENT\r\n",
        "END:VEVENT\r\n",
        "END:VCALENDAR\r\n",
        "TZID=",
        "DTSTART:",
        "RRULE:FREQ=",
        "COUNT=",
        "99999999",
        "T",
        "Z",
        "é",
        "🎉",
        "\x00",
        "\t",
        "VALUE=DATE:",
        "RECURRENCE-ID:",
        "EXDATE:",
        "20260230",
    ]
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = _SEED
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(("insert", "delete", "replace")))
        piece = draw(_PIECES)
        size = draw(st.integers(1, 40))
        if action == "insert":
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + size :]
        else:
            text = text[:at] + piece + text[at + size :]
    return text


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_fuzzed_calendars_import_or_are_refused_with_a_reason(text: str) -> None:
    try:
        parsed = parse(text, limits=Limits(max_seconds=10))
    except IcsRejected as error:
        assert error.code and error.line >= 0
    else:
        for occurrence in parsed.occurrences:
            assert occurrence.uid
            assert occurrence.end >= occurrence.start


def test_a_50_mb_line_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.ics"
    with path.open("wb") as handle:
        handle.write(b"BEGIN:VCALENDAR\r\nX-JUNK:")
        handle.truncate(50 * 1024 * 1024)  # sparse: one 50 MB line, no disk or memory used
    with pytest.raises(IcsRejected) as caught:
        read_calendar_file(path, options())
    assert caught.value.code == "too_large"
