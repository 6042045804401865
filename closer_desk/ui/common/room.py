"""What the window asks of a room: changes in, requests out.

A room (the agenda, the planner, the directory rooms, reports, pipeline) and the call's desk in
the details pane each hear every ``Changes`` the door announces and read again only what
concerns them; what a room cannot do itself (plan a call with a prospect, show a call) it asks
for with a ``Request`` on its ``requested`` signal, and the shell routes it to the room that
answers. No room knows another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from closer_desk.core.model import Changes


@dataclass(frozen=True, slots=True)
class PlanCall:
    """Open the planner on a prospect; with ``previous_id``, the call booked there continues
    that earlier call (a follow-up, a no-show to reschedule)."""

    prospect_id: int
    previous_id: int | None = None


@dataclass(frozen=True, slots=True)
class ShowCall:
    """Bring the agenda up on a call's day with the call selected."""

    appointment_id: int


@dataclass(frozen=True, slots=True)
class EditMailAccount:
    """Open the mail account of a closer (the address and server invites are sent from)."""

    closer_id: int


Request = PlanCall | ShowCall | EditMailAccount


class Room(Protocol):
    """A page of the window, or a pane of one.

    Signals:
        requested(Request): something only another room can do.
    """

    @property
    def requested(self) -> SignalInstance:
        """Emits a ``Request``."""
        ...

    def on_changes(self, changes: Changes) -> None:
        """Something was written: read again what concerns this room (now if it is in view,
        else when it next comes into view)."""
        ...


class Staleness:
    """A room's rule for a change that concerns it: read again now if the room is in view,
    else mark it and read again when it comes into view (a hidden room reads nothing)."""

    def __init__(self, room: QWidget, refresh: Callable[[], object]) -> None:
        self._room = room
        self._refresh = refresh
        self._stale = False

    def concerned(self) -> None:
        """A change concerns what the room shows."""
        if self._room.isVisible():
            self._stale = False
            self._refresh()
        else:
            self._stale = True

    def shown(self) -> bool:
        """The room comes into view: read again if a change came meanwhile; True if it did."""
        stale, self._stale = self._stale, False
        if stale:
            self._refresh()
        return stale
