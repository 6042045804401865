"""The zone picker: search, Windows names, offset and local time beside each zone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from closer_desk.core.errors import UnknownZoneError
from closer_desk.ui.common.zonepicker import (
    IANA_ROLE,
    ZoneFilterProxy,
    ZoneListModel,
    ZonePicker,
)
from tests.helpers.factories import FakeClock

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support"),
    pytest.mark.usefixtures("british_clock_locale"),
]


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, clock: FakeClock) -> None:
    model = ZoneListModel(clock)
    qtmodeltester.check(model)
    proxy = ZoneFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_needle("america")
    qtmodeltester.check(proxy)


# The suggestion popup cannot raise or grab the keyboard offscreen; a function marker
# wins over the window tests' collection-time marker.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_search_reads_spaces_as_underscores(qtbot: QtBot, clock: FakeClock) -> None:
    picker = ZonePicker(clock)
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.line_edit, "new york")
    assert picker.suggestions() == ["America/New_York"]
    picker.set_zone("America/New_York")
    assert picker.zone() == "America/New_York"


def test_each_suggestion_shows_offset_and_local_time(clock: FakeClock) -> None:
    # 2026-03-02 08:00 UTC: 09:00 in Paris (UTC+1), 13:45 in Kathmandu (UTC+5:45).
    model = ZoneListModel(clock)
    shown = {model.index(r).data(IANA_ROLE): model.index(r).data() for r in range(model.rowCount())}
    assert "UTC+01:00" in shown["Europe/Paris"] and "09:00" in shown["Europe/Paris"]
    assert "UTC+05:45" in shown["Asia/Kathmandu"] and "13:45" in shown["Asia/Kathmandu"]


def test_info_follows_the_clock_and_dst(qtbot: QtBot) -> None:
    clock = FakeClock(datetime(2026, 7, 1, 12, 0, tzinfo=UTC))
    picker = ZonePicker(clock)
    qtbot.addWidget(picker)
    with qtbot.waitSignal(picker.zone_changed) as changed:
        picker.set_zone("America/Toronto")
    assert changed.args == ["America/Toronto"]
    assert picker.info.text().startswith("UTC-04:00")  # summer time
    assert "08:00" in picker.info.text()


# The suggestion popup cannot raise or grab the keyboard offscreen; a function marker
# wins over the window tests' collection-time marker.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_windows_names_are_offered_and_accepted(qtbot: QtBot, clock: FakeClock) -> None:
    picker = ZonePicker(clock)
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.line_edit, "romance")
    assert "Romance Standard Time" in picker.suggestions()
    picker.set_zone("Romance Standard Time")
    assert picker.zone() == "Europe/Paris"
    assert picker.info.text().startswith("Europe/Paris · UTC+01:00")


def test_unknown_zone_is_said_and_refused(qtbot: QtBot, clock: FakeClock) -> None:
    picker = ZonePicker(clock)
    qtbot.addWidget(picker)
    picker.set_zone("Atlantis/Capital")
    assert picker.info.text() == "unknown zone"
    with pytest.raises(UnknownZoneError):
        picker.zone()
