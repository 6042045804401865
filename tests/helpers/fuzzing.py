"""How hard the property and fuzz tests search.

``make test`` loads the ``ci`` profile: derandomized (the same examples on every run, so CI
is red only for a real change) and bounded. ``make fuzz`` loads ``fuzz``: random and ten
times longer, to find new failures; what it finds becomes an ``@example`` in the test.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    derandomize=False,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)


def examples(count: int) -> int:
    """``count`` examples under ``make test``; ten times as many under ``make fuzz``."""
    return count * 10 if PROFILE == "fuzz" else count


def load() -> None:
    """Load the profile named by ``HYPOTHESIS_PROFILE`` (default ``ci``)."""
    if PROFILE not in ("ci", "fuzz"):
        raise SystemExit(f"HYPOTHESIS_PROFILE must be ci or fuzz, not {PROFILE!r}")
    settings.load_profile(PROFILE)
