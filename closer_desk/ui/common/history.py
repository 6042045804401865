"""The window's one undo stack, kept by the door.

Every write a user makes through a room is recorded by the door (``AgendaSource.write`` with
``undo=`` its name) and becomes one command here: the rows it changed, before and after
(``store.undo``). Undoing puts those rows back, redoing puts them back again, whatever the
write was, so the newest command is always the one undone and a call keeps its id through a
delete and its undo.

Undo and redo run on the worker like every write, one at a time and in order. One that cannot
be done (another program changed the same call since) changes nothing, puts the stack back
where it was, and says why (``refused``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from closer_desk.ui.common.prompts import describe

if TYPE_CHECKING:
    from closer_desk.store import Agenda
    from closer_desk.store.undo import Revision
    from closer_desk.ui.common.source import AgendaSource

#: The id of commands that may merge with the previous one (the same field saved again).
_MERGING = 1


@dataclass
class _Step:
    """What a command holds, apart from the Qt object (which the stack may delete while its
    undo is still on the worker)."""

    label: str
    revision: Revision
    merge: bool
    fresh: bool = True  # just done by the write that pushed it: its first redo does nothing
    skip: bool = False  # the stack is only being put back in step: do nothing


class _Command(QUndoCommand):
    def __init__(self, owner: History, step: _Step) -> None:
        super().__init__(step.label)
        self.owner = owner
        self.step = step

    def redo(self) -> None:
        if self.step.fresh:
            self.step.fresh = False
        else:
            self.owner._run(self.step, redo=True)

    def undo(self) -> None:
        self.owner._run(self.step, redo=False)

    def id(self) -> int:
        return _MERGING if self.step.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _Command) or other.step.label != self.step.label:
            return False
        if other.step.revision.keys() != self.step.revision.keys():
            return False
        self.step.revision = self.step.revision.then(other.step.revision)
        return True


class History(QObject):
    """The undo stack of one window, over its door.

    Attributes:
        stack: the ``QUndoStack`` the Edit menu's Undo and Redo act on.

    Signals:
        refused(str, bool): an undo or redo could not be done; nothing changed; why, in
            words, and whether it was a redo (the box's title says which).
        settled(): every undo and redo asked for has run.
    """

    refused = Signal(str, bool)
    settled = Signal()

    def __init__(self, source: AgendaSource) -> None:
        super().__init__(source)
        self._source = source
        self.stack = QUndoStack(self)
        self._queue: list[tuple[_Step, bool]] = []
        self._running = False

    def record(self, label: str, revision: Revision, *, merge: bool = False) -> None:
        """A write was done: make it the newest command (nothing when it changed nothing)."""
        if revision:
            self.stack.push(_Command(self, _Step(label, revision, merge)))

    def busy(self) -> bool:
        """True while an undo or redo is queued or running."""
        return self._running or bool(self._queue)

    def _run(self, step: _Step, *, redo: bool) -> None:
        if step.skip:
            step.skip = False
            return
        self._queue.append((step, redo))
        if not self._running:
            self._next()

    def _next(self) -> None:
        if not self._queue:
            self._running = False
            self.settled.emit()
            return
        self._running = True
        step = self._queue[0][0]
        revision = step.revision

        def run(agenda: Agenda) -> Revision:
            from closer_desk.store.undo import revert

            return revert(agenda, revision)

        def done(inverse: Revision) -> None:
            step.revision = inverse
            self._queue.pop(0)
            self._next()

        self._source.write(None, run, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        step, redo = self._queue[0]
        # Put the stack back as the agenda is: the failed step and every later one asked for
        # meanwhile (none of them ran), newest first.
        for later, later_redo in reversed(self._queue):
            later.skip = True
            if later_redo:
                self.stack.undo()
            else:
                self.stack.redo()
        self._queue.clear()
        self._running = False
        verb = (
            QCoreApplication.translate("History", "Could not redo “%1”: %2")
            if redo
            else QCoreApplication.translate("History", "Could not undo “%1”: %2")
        )
        self.refused.emit(verb.replace("%1", step.label).replace("%2", describe(error)), redo)
        self.settled.emit()
