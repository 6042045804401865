"""What the agenda views read beside the calls: the imported busy time they draw."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import TYPE_CHECKING

from closer_desk.core.model import BusyBlock

if TYPE_CHECKING:
    from closer_desk.store.agenda import Agenda


def busy_in_view(
    agenda: Agenda, start: datetime, end: datetime, closer_ids: Collection[int]
) -> list[BusyBlock]:
    """The busy time imported for these closers that overlaps ``[start, end)``, by start.

    One bounded range read per closer (``Agenda.busy_blocks``, the slot finder's own read).
    """
    found = [b for closer_id in closer_ids for b in agenda.busy_blocks(closer_id, start, end)]
    return sorted(found, key=lambda b: (b.start, b.id))
