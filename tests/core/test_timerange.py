"""The supported range of dates."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from closer_desk.core.errors import ValidationError
from closer_desk.core.timerange import FIRST_YEAR, LAST_YEAR, check_in_range, in_range


@pytest.mark.parametrize(
    "value",
    [date(FIRST_YEAR, 1, 1), datetime(LAST_YEAR, 12, 31, 23, 59, tzinfo=UTC), date(2026, 3, 2)],
)
def test_dates_inside_the_range_pass(value: date) -> None:
    assert in_range(value)
    check_in_range(value, "start")


@pytest.mark.parametrize(
    "value",
    [date(1, 1, 1), date(FIRST_YEAR - 1, 12, 31), datetime(9999, 12, 31, 23, 30, tzinfo=UTC)],
)
def test_dates_outside_are_refused_with_the_field(value: date) -> None:
    assert not in_range(value)
    with pytest.raises(ValidationError) as caught:
        check_in_range(value, "start")
    assert (caught.value.field, caught.value.code) == ("start", "year_out_of_range")
