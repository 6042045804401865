"""Small helpers for the words the command line prints, with no import of the commands (so
that every module of words can use them without a cycle)."""

from __future__ import annotations

from datetime import datetime


def shorten(text: str, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis: an error names what the user
    typed without printing a 10 kB value back."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def local_text(dt: datetime) -> str:
    """``2026-11-23 10:00 +01:00``-style text for tables (and for other calls' times in a
    message: ``cli.messages``)."""
    from closer_desk.core import tz

    offset = dt.utcoffset()
    assert offset is not None
    return f"{dt:%Y-%m-%d %H:%M} {tz.format_offset(offset)}"
