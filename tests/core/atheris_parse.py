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
    from closer_desk.core import links
    from closer_desk.core.errors import ValidationError
    from tests.helpers.parsers import TEXT_PARSERS

TARGETS = (*TEXT_PARSERS, links.safe_link)


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
