"""What the commands print goes through ``core.text.clean``: a name or a summary read from a
file may hold ``ESC[2J`` or a bell, and printing it raw would act on the user's terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from closer_desk.core.text import clean


class CleanText:
    """A text stream that writes through ``clean`` (line breaks and tabs kept); bytes written
    to ``.buffer`` (an ICS file on stdout) pass as they are."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` without its control characters; returns ``len(text)``."""
        self._stream.write(clean(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def clean_output() -> Iterator[None]:
    """Within the block, ``sys.stdout`` and ``sys.stderr`` write clean text."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = CleanText(out), CleanText(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
