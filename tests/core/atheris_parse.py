"""Coverage-guided fuzzing (atheris/libFuzzer) of what users type: the parsers and safe_link.

    python -m tests.core.atheris_parse -runs=20000       # or without -runs: until a crash

Any exception other than ValidationError is a crash; libFuzzer then writes the input to
``crash-*`` and exits non-zero.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    from closer_desk.core import links, parse
    from closer_desk.core.errors import ValidationError

TARGETS = (
    parse.parse_wall_time,
    parse.parse_date,
    parse.parse_minutes,
    parse.parse_clock,
    parse.parse_intervals,
    parse.parse_weekly_hours,
    parse.parse_money,
    parse.parse_rate,
    parse.parse_currency,
    parse.parse_video_url,
    parse.parse_phone,
    parse.parse_email,
    parse.parse_color,
    parse.parse_country,
    parse.parse_language,
    links.safe_link,
)


def one_input(data: bytes) -> None:
    """Feed one libFuzzer input to one parser (the first byte picks which)."""
    provider = atheris.FuzzedDataProvider(data)
    target = TARGETS[provider.ConsumeIntInRange(0, len(TARGETS) - 1)]
    text = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
    with contextlib.suppress(ValidationError):
        target(text)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
