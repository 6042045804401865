"""The appointment editor: both zones previewed live, inline warnings, DST choice, quick add."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from closer_desk.core import booking_checks as checks
from closer_desk.core.model import CallKind
from closer_desk.ui.agenda.editor import AppointmentEditor
from tests.helpers.factories import at
from tests.ui.conftest import settle


def pick(editor: AppointmentEditor, name: str) -> None:
    editor.prospect.setCurrentIndex(editor.prospect.findText(name))


def codes(editor: AppointmentEditor) -> set[tuple[str, str]]:
    return {(w.code, w.party) for w in editor.warnings}


def test_live_preview_shows_both_zones(qtbot: Any, editor: AppointmentEditor) -> None:
    pick(editor, "Gabriel Tremblay")
    text = editor.preview.text().replace("\u202f", " ")
    assert (
        text
        == "You: Tue 3 Mar 3:00 PM–3:45 PM (Paris)\nGabriel Tremblay: Tue 3 Mar 9:00 AM–9:45 AM (Toronto)"  # noqa: E501
    )
    editor._set_wall(datetime(2026, 3, 3, 16, 30))
    assert "Gabriel Tremblay: Tue 3 Mar 10:30 AM" in editor.preview.text().replace("\u202f", " ")


def test_typing_in_the_prospects_zone_keeps_the_instant(
    qtbot: Any, editor: AppointmentEditor
) -> None:
    pick(editor, "Gabriel Tremblay")
    editor.in_prospect_zone.setChecked(True)
    assert editor.wall() == datetime(2026, 3, 3, 9, 0)
    draft = editor.draft()
    assert draft is not None
    assert draft.start == at("2026-03-03 15:00", "Europe/Paris")
    assert draft.start.tzinfo.key == "America/Toronto"  # agreed in the prospect's zone


def test_warnings_outside_hours_and_weekend(qtbot: Any, editor: AppointmentEditor) -> None:
    pick(editor, "Haruto Sato")
    with qtbot.waitSignal(editor.checked):
        editor._set_wall(datetime(2026, 3, 3, 15, 0))
    # 15:00 Paris is 23:00 in Tokyo.
    assert ("outside_hours", "prospect") in codes(editor)
    assert ("outside_hours", "closer") not in codes(editor)
    with qtbot.waitSignal(editor.checked):
        editor._set_wall(datetime(2026, 3, 7, 10, 0))
    assert ("weekend", "prospect") in codes(editor)
    assert ("outside_hours", "closer") in codes(editor)
    assert "weekend for Haruto Sato" in editor.warning_label.text()


def test_conflict_warning_comes_back_from_the_store(
    qtbot: Any, editor: AppointmentEditor, agenda: Any
) -> None:
    agenda.book(
        company="Acme", prospect="Omar", start=at("2026-03-03 15:15", "Europe/Paris"), minutes=30
    )
    pick(editor, "Gabriel Tremblay")
    with qtbot.waitSignal(editor.checked):
        editor.minutes.setValue(30)
    assert ("conflict", "closer") in codes(editor)
    assert "Overlaps 1 other call" in editor.warning_label.text()


def test_dst_gap_needs_a_choice_before_saving(qtbot: Any, editor: AppointmentEditor) -> None:
    pick(editor, "Gabriel Tremblay")
    editor._set_wall(datetime(2026, 3, 29, 2, 30))
    assert editor.asks_which_time()
    assert ("dst_gap", "") in codes(editor)
    assert editor.draft() is None
    assert not editor.buttons.buttons()[0].isEnabled()
    editor.later.setChecked(True)
    draft = editor.draft()
    assert draft is not None
    assert draft.start.utcoffset().total_seconds() == 7200


def test_dst_overlap_in_the_prospects_zone(qtbot: Any, editor: AppointmentEditor) -> None:
    pick(editor, "Gabriel Tremblay")
    editor.in_prospect_zone.setChecked(True)
    editor._set_wall(datetime(2026, 11, 1, 1, 30))
    assert ("dst_overlap", "") in codes(editor)
    editor.earlier.setChecked(True)
    assert editor.draft().start.utcoffset().total_seconds() == -4 * 3600


def test_bad_link_is_refused_inline(qtbot: Any, editor: AppointmentEditor) -> None:
    pick(editor, "Gabriel Tremblay")
    editor.kind.setCurrentIndex(editor.kind.findData(CallKind.VIDEO.value))
    editor.link.setText("javascript:alert(1)")
    assert "https://" in editor.problems.text()
    assert editor.draft() is None
    editor.link.setText("https://meet.example.com/x")
    assert editor.draft() is not None


def test_quick_add_a_prospect(qtbot: Any, editor: AppointmentEditor, agenda: Any) -> None:
    editor.add_prospect("Léa Nguyen", "Asia/Ho_Chi_Minh")
    settle(qtbot, editor.source.tasks)
    assert editor.current_prospect().name == "Léa Nguyen"
    assert agenda.prospect("Léa").zone == "Asia/Ho_Chi_Minh"
    assert "Ho Chi Minh" in editor.preview.text()


def test_pure_warnings_for_a_company_with_its_own_hours(agenda: Any) -> None:
    company = agenda.edit_company(
        "Acme", hours=checks.WeeklyHours.uniform(14 * 60, 16 * 60), zone="Europe/Paris"
    )
    found = checks.warnings_for(
        checks.resolve(datetime(2026, 3, 3, 10, 0), "Europe/Paris"),
        30,
        closer=agenda.closer(),
        company=company,
    )
    assert [(w.code, w.party) for w in found] == [("outside_hours", "company")]
    assert checks.weekend_days("SA") == frozenset({4, 5})


def test_the_prospects_call_with_another_closer_is_a_conflict(
    qtbot: Any, editor: AppointmentEditor, agenda: Any
) -> None:
    sam = agenda.add_closer("Sam Martin", "America/Toronto")
    agenda.book(
        company="Acme",
        prospect="Gabriel",
        start=at("2026-03-03 09:15", "America/Toronto"),  # 15:15 for Camille
        closer=sam.id,
    )
    pick(editor, "Omar Haddad")
    with qtbot.waitSignal(editor.checked):
        editor.minutes.setValue(30)
    assert ("conflict", "prospect") not in codes(editor)
    with qtbot.waitSignal(editor.checked):
        pick(editor, "Gabriel Tremblay")
    assert ("conflict", "prospect") in codes(editor)
    assert "Gabriel Tremblay already has a call at this time with Sam Martin." in (
        editor.warning_label.text()
    )


def test_the_closers_rules_are_warned_about_as_on_the_command_line(
    qtbot: Any, editor: AppointmentEditor, agenda: Any
) -> None:
    editor.closer = agenda.edit_closer(
        "Camille", buffer_before=15, buffer_after=15, min_notice=60 * 48, daily_cap=1
    )
    agenda.book(
        company="Acme", prospect="Omar", start=at("2026-03-03 14:00", "Europe/Paris"), minutes=50
    )
    pick(editor, "Gabriel Tremblay")
    with qtbot.waitSignal(editor.checked):
        editor.minutes.setValue(30)
    assert {"in_buffer", "daily_cap", "short_notice"} <= {code for code, _ in codes(editor)}
    text = editor.warning_label.text()
    assert "Inside the free time you keep around a call." in text
    assert "You already have your most calls for that day." in text
    assert "Sooner than your minimum notice." in text


def test_the_date_cannot_leave_the_supported_years(editor: AppointmentEditor) -> None:
    pick(editor, "Gabriel Tremblay")
    for outside in ("9999-01-01 10:00", "1899-12-31 10:00"):
        editor.when.line.setText(outside)
        assert editor.draft() is None
        assert "years 1900 to 2199" in editor.problems.text()
    editor.when.line.setText("2199-12-31 10:00")
    assert editor.draft() is not None


def test_a_wall_time_in_this_machines_dst_gap_is_kept_as_typed(
    qtbot: Any, editor: AppointmentEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a machine in Paris, 02:30 on 29 March does not exist locally; typed for a call in
    Toronto it must stay 02:30, not become 03:30."""
    import time

    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        pick(editor, "Gabriel Tremblay")
        editor.in_prospect_zone.setChecked(True)
        editor._set_wall(datetime(2026, 3, 29, 2, 30))
        assert editor.wall() == datetime(2026, 3, 29, 2, 30)
    finally:
        monkeypatch.undo()
        time.tzset()
