"""Every parser of what users type, for the fuzz tests (hypothesis and atheris)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from closer_desk.core import parse

TEXT_PARSERS: list[Callable[[str], Any]] = [
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
]
