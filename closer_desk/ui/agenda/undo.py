"""Undo and redo of what the user did to calls (QUndoStack commands).

A command is pushed after its first run succeeded (the window learns of conflicts before
anything enters the stack), so its first ``redo`` does nothing. Later runs go through the
``AgendaSource`` like every other write. Re-creating a deleted call gives it a new row id:
``IdMap`` lets older commands still find "their" call.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from closer_desk.core.model import Appointment, Booking
from closer_desk.ui.common.source import AgendaSource

if TYPE_CHECKING:
    from closer_desk.store import Agenda


class IdMap:
    """Original appointment id -> the id the same call has now."""

    def __init__(self) -> None:
        self._ids: dict[int, int] = {}

    def resolve(self, original: int) -> int:
        """The current id of a call first known as ``original``."""
        return self._ids.get(original, original)

    def moved(self, original: int, current: int) -> None:
        """Record that the call is now row ``current``."""
        self._ids[original] = current


def _rebook(agenda: Agenda, a: Appointment) -> Appointment:
    booked = agenda.book_call(Booking.again(a), force=True)
    return agenda.restore(replace(a, id=booked.id))


class _Command(QUndoCommand):
    def __init__(self, source: AgendaSource, ids: IdMap, text: str) -> None:
        super().__init__(text)
        self.source = source
        self.ids = ids
        self._fresh = True

    def redo(self) -> None:
        if self._fresh:  # already done before being pushed
            self._fresh = False
            return
        self.apply()

    def apply(self) -> None:
        raise NotImplementedError


class RestoreCommand(_Command):
    """A change to one call (move, resize, edit, cancel, outcome): undo puts ``before`` back."""

    def __init__(
        self, source: AgendaSource, ids: IdMap, before: Appointment, after: Appointment, text: str
    ) -> None:
        super().__init__(source, ids, text)
        self.before = before
        self.after = after

    def _put(self, state: Appointment) -> None:
        current = replace(state, id=self.ids.resolve(state.id))
        self.source.write(None, lambda agenda: agenda.restore(current))

    def apply(self) -> None:
        self._put(self.after)

    def undo(self) -> None:
        self._put(self.before)


class CreateCommand(_Command):
    """A new call: undo deletes it, redo books it again (same UID)."""

    def __init__(self, source: AgendaSource, ids: IdMap, created: Appointment, text: str) -> None:
        super().__init__(source, ids, text)
        self.created = created

    def apply(self) -> None:
        original = self.created.id
        self.source.write(
            None,
            lambda agenda: _rebook(agenda, self.created),
            lambda a: self.ids.moved(original, a.id),
        )

    def undo(self) -> None:
        current = self.ids.resolve(self.created.id)
        self.source.write(None, lambda agenda: agenda.delete_appointment(current))


class DeleteCommand(_Command):
    """A call removed for good: undo books it again as it was."""

    def __init__(self, source: AgendaSource, ids: IdMap, deleted: Appointment, text: str) -> None:
        super().__init__(source, ids, text)
        self.deleted = deleted

    def apply(self) -> None:
        current = self.ids.resolve(self.deleted.id)
        self.source.write(None, lambda agenda: agenda.delete_appointment(current))

    def undo(self) -> None:
        original = self.deleted.id
        self.source.write(
            None,
            lambda agenda: _rebook(agenda, self.deleted),
            lambda a: self.ids.moved(original, a.id),
        )
