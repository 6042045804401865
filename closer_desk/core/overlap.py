"""Calls that overlap on the same day, laid out side by side (as gnome-calendar keeps its
overlap layout in the core rather than in a widget): each gets a column and the number of
columns its group of overlapping calls needs.

Minutes are those of the closer's wall clock; a call ending when another starts does not
overlap it.
"""

from __future__ import annotations

from collections.abc import Sequence


def side_by_side(spans: Sequence[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """For each ``(day, start, end)`` of ``spans``, in the order given, its ``(column,
    columns)``: calls of one group of overlapping calls share its width, each in the first
    column free when it starts."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    placed: list[tuple[int, int]] = [(0, 1)] * len(spans)
    group: list[int] = []
    ends: dict[int, int] = {}  # column -> the latest end in it (spans come by start)
    group_end = -1
    group_day: int | None = None

    def close() -> None:
        width = len(ends)
        for i in group:
            placed[i] = (placed[i][0], width)

    for i in order:
        day, start, end = spans[i]
        if day != group_day or start >= group_end:
            close()
            group, ends, group_end, group_day = [], {}, -1, day
        column = next((c for c in range(len(ends) + 1) if ends.get(c, -1) <= start), len(ends))
        ends[column] = end
        placed[i] = (column, 1)
        group.append(i)
        group_end = max(group_end, end)
    close()
    return placed
