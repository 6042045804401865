"""The pipeline: prospects waiting for their next call (a follow-up due, a no-show to
reschedule, a hot prospect with no call booked).

Pure functions over core objects; the store loads them (``store.pipeline``), the window and the
CLI show them.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from closer_desk.core import tz
from closer_desk.core.model import Appointment, Outcome, Prospect, Status, Temperature


class PipelineKind(enum.StrEnum):
    """Why a prospect is waiting for a call."""

    HOT_NO_CALL = "hot-no-call"
    FOLLOW_UP_DUE = "follow-up-due"
    NO_SHOW = "no-show"


@dataclass(frozen=True, slots=True)
class PipelineItem:
    """A prospect to call back, and the call that made it so (None for a hot prospect who has
    no call yet)."""

    kind: PipelineKind
    prospect: Prospect
    last_call: Appointment | None


_UPCOMING = (Status.PLANNED, Status.CONFIRMED)


def pipeline(
    prospects: Iterable[Prospect], calls: Iterable[Appointment], now: datetime
) -> tuple[PipelineItem, ...]:
    """Prospects waiting for their next call, most urgent kind first.

    - a follow-up is due when a prospect's latest call that was not cancelled is done with the
      outcome follow-up (booking the next call, at any time, takes it off the list);
    - a no-show is to reschedule when that latest call is a no-show;
    - a hot prospect without a call is hot, has no planned or confirmed call from ``now`` on,
      and is not in one of the two lists above nor already signed (latest call won).

    ``calls`` must hold every call of these prospects that can matter (the store loads them).
    Within each kind, the oldest waiting comes first.
    """
    tz.require_aware(now)
    by_prospect: dict[int, list[Appointment]] = defaultdict(list)
    for call in {c.id: c for c in calls}.values():
        if call.status != Status.CANCELLED:
            by_prospect[call.prospect_id].append(call)
    follow_ups: list[PipelineItem] = []
    no_shows: list[PipelineItem] = []
    hot: list[PipelineItem] = []
    for prospect in {p.id: p for p in prospects}.values():
        own = sorted(by_prospect.get(prospect.id, ()), key=lambda c: (c.start_utc, c.id))
        latest = own[-1] if own else None
        if latest is not None and latest.status == Status.NO_SHOW:
            no_shows.append(PipelineItem(PipelineKind.NO_SHOW, prospect, latest))
        elif latest is not None and latest.outcome == Outcome.FOLLOW_UP:
            follow_ups.append(PipelineItem(PipelineKind.FOLLOW_UP_DUE, prospect, latest))
        elif prospect.temperature == Temperature.HOT:
            booked = any(c.status in _UPCOMING and c.end_utc > now for c in own)
            signed = latest is not None and latest.outcome == Outcome.WON
            if not booked and not signed:
                hot.append(PipelineItem(PipelineKind.HOT_NO_CALL, prospect, latest))

    def oldest(item: PipelineItem) -> tuple[float, str]:
        since = item.last_call.start_utc.timestamp() if item.last_call else float("-inf")
        return since, item.prospect.name.casefold()

    return tuple(
        [*sorted(follow_ups, key=oldest), *sorted(no_shows, key=oldest), *sorted(hot, key=oldest)]
    )
