"""Small helpers for the words the command line prints, with no import of the commands (so
that every module of words can use them without a cycle)."""

from __future__ import annotations


def shorten(text: str, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis: an error names what the user
    typed without printing a 10 kB value back."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
