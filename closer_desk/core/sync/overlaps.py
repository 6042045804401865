"""Calls of one closer that overlap after a sync (two assistants booked the same hour on two
machines): both are flagged, and the later-booked one is to be rebooked.

"Later" is decided by what every agenda holds the same: the call's creation time as it
travels (ICS ``CREATED``), then its UID. So every machine flags the same calls.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Flag(enum.StrEnum):
    """What a sync found about a call."""

    OVERLAP = "overlap"  # overlaps another call of the closer, booked before it
    REBOOK = "rebook"  # overlaps a call booked before it: this one should move


@dataclass(frozen=True, slots=True)
class Span:
    """A live call's place in time and in booking order.

    Attributes:
        key: the caller's id for the call.
        start, end: UTC seconds, ``[start, end)``.
        created: UTC seconds of its booking; ``uid`` breaks ties.
    """

    key: int
    start: int
    end: int
    created: int
    uid: str


@dataclass(frozen=True, slots=True)
class Flagged:
    """One flagged call: its flag and the call it overlaps that was booked first (for a
    rebook) or the first later-booked call overlapping it (for the other)."""

    key: int
    flag: Flag
    other: int


def overlap_flags(spans: Iterable[Span]) -> list[Flagged]:
    """Every call that overlaps another: ``REBOOK`` when one of them was booked before it,
    ``OVERLAP`` for the first-booked one. A sweep by start: O(n log n) plus the overlaps."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end, s.key))
    order = {s.key: (s.created, s.uid) for s in ordered}
    earliest_other: dict[int, int] = {}
    active: list[Span] = []
    for span in ordered:
        active = [a for a in active if a.end > span.start]
        for other in active:
            for a, b in ((span, other), (other, span)):
                held = earliest_other.get(a.key)
                if held is None or order[b.key] < order[held]:
                    earliest_other[a.key] = b.key
        active.append(span)
    flagged = []
    for key, first in earliest_other.items():
        later = order[first] < order[key]
        flagged.append(Flagged(key, Flag.REBOOK if later else Flag.OVERLAP, first))
    return sorted(flagged, key=lambda f: f.key)
