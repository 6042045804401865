"""Whatever a user types, the parsers answer with a value or a ValidationError, nothing else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from closer_desk.core.errors import ValidationError
from tests.helpers.fuzzing import examples
from tests.helpers.parsers import TEXT_PARSERS

# Text shaped like what the parsers expect, mutated, plus anything at all.
NEAR = st.sampled_from(
    [
        "2026-03-29 02:30",
        "mon-fri 09:00-18:00",
        "09:00-12:00,14:00-18:00",
        "+33 6 12 34 56 78",
        "https://meet.example.com/x",
        "12.5",
        "1e999",
        "NaN",
        "-0",
        "EUR",
        "#3b82f6",
        "a@b.fr",
        "99:99",
        "sat 23:59-24:00",
        "0000-00-00 00:00",
        "9999-12-31 23:59",
        "١٢:٣٠",
        "ｍｏｎ 09:00-10:00",
    ]
)
TYPED = st.one_of(st.text(), NEAR, st.builds(lambda a, b: a + b, NEAR, st.text(max_size=5)))


@pytest.mark.parametrize("parser", TEXT_PARSERS, ids=lambda p: p.__name__)
@settings(max_examples=examples(80), deadline=None)
@given(text=TYPED)
def test_parsers_return_or_raise_validation_error(parser: Callable[[str], Any], text: str) -> None:
    try:
        parser(text)
    except ValidationError as error:
        assert error.code and error.field
