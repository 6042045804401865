"""The cyclic collector runs on the GUI thread only (``ui.common.collector``)."""

from __future__ import annotations

import gc
from typing import Any

from closer_desk.ui.common.collector import GuiThreadCollector, collect_due


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_automatic_collection_is_off_while_the_collector_lives(qtbot: Any) -> None:
    was = gc.isenabled()
    gc.enable()
    try:
        collector = GuiThreadCollector()
        assert not gc.isenabled()
        collector.deleteLater()
        qtbot.waitUntil(gc.isenabled)
    finally:
        gc.enable() if was else gc.disable()


def test_a_due_generation_is_collected_on_the_calling_thread() -> None:
    gc.collect()
    threshold = gc.get_threshold()
    gc.set_threshold(5, 10, 10)
    try:
        for _ in range(50):
            _Cycle()
        assert gc.get_count()[0] > 5
        collect_due()
        assert gc.get_count()[0] <= 5
    finally:
        gc.set_threshold(*threshold)


def test_a_collector_not_yet_running_keeps_collection_off_until_started(qtbot: Any) -> None:
    was = gc.isenabled()
    gc.enable()
    try:
        collector = GuiThreadCollector(running=False)
        assert not gc.isenabled() and not collector.running()
        collector.start()
        assert collector.running()
        collector.deleteLater()
        qtbot.waitUntil(gc.isenabled)
    finally:
        gc.enable() if was else gc.disable()
