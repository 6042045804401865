"""The side-by-side layout of overlapping calls (no Qt: the grid only draws it)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from closer_desk.core.overlap import side_by_side
from tests.helpers.fuzzing import examples


def test_calls_apart_take_the_whole_column() -> None:
    assert side_by_side([(0, 540, 600), (0, 600, 660), (1, 540, 600)]) == [(0, 1)] * 3


def test_overlapping_calls_share_the_width_in_the_order_given() -> None:
    # 9:00-10:00 and 9:30-10:30 overlap; 10:00-11:00 reuses the first column.
    spans = [(0, 600, 660), (0, 540, 600), (0, 570, 630)]
    assert side_by_side(spans) == [(0, 2), (0, 2), (1, 2)]


def test_a_long_call_keeps_its_group_open() -> None:
    spans = [(0, 540, 720), (0, 560, 580), (0, 600, 620), (0, 700, 760)]
    assert side_by_side(spans) == [(0, 2), (1, 2), (1, 2), (1, 2)]


def test_the_same_minutes_on_two_days_do_not_overlap() -> None:
    assert side_by_side([(0, 540, 600), (1, 540, 600), (0, 550, 560)]) == [(0, 2), (0, 1), (1, 2)]


@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.integers(0, 1400), st.integers(1, 120)).map(
            lambda t: (t[0], t[1], t[1] + t[2])
        ),
        max_size=40,
    )
)
@settings(max_examples=examples(200), deadline=None)
def test_no_two_overlapping_calls_share_a_column(spans: list[tuple[int, int, int]]) -> None:
    placed = side_by_side(spans)
    for i, (day, start, end) in enumerate(spans):
        column, columns = placed[i]
        assert 0 <= column < columns
        for j, (other_day, other_start, other_end) in enumerate(spans):
            if j != i and day == other_day and start < other_end and other_start < end:
                assert placed[j][0] != column and placed[j][1] == columns
