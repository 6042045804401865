"""No import cycle in closer_desk: the walk of every import (``tests/helpers/imports.py``),
late ones included, finds no two modules that need each other."""

from __future__ import annotations

from tests.helpers.imports import cycles, import_graph


def test_the_walk_sees_late_imports() -> None:
    graph = import_graph()
    assert "closer_desk.store.agenda" in graph["closer_desk.store.db"]  # inside open_agenda()
    assert "closer_desk.ui.common.tasks" in graph["closer_desk.ui.common.source"]


def test_the_walk_finds_a_cycle_when_there_is_one() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_closer_desk_has_no_import_cycle() -> None:
    assert cycles(import_graph()) == []
