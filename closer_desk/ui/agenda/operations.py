"""What the user does to calls, checked like the CLI checks it, and pushed on the undo stack.

Views only report intentions (move this call to this wall time, cancel that one); this object
reads the wall time in the closer's zone without guessing across DST changes, lets the store
refuse conflicts, asks the user when a choice is needed, and records undoable commands. Every
write goes through the door; what it changed reaches the views from there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from closer_desk.core import lifecycle
from closer_desk.core.booking_checks import resolve
from closer_desk.core.errors import CallStateError, ConflictError
from closer_desk.core.model import Appointment, Booking, OutcomeChoice
from closer_desk.ui.agenda.undo import CreateCommand, DeleteCommand, IdMap, RestoreCommand
from closer_desk.ui.common import i18n
from closer_desk.ui.common.prompts import Prompts, describe
from closer_desk.ui.common.source import AgendaSource

if TYPE_CHECKING:
    from closer_desk.store import Agenda

T = TypeVar("T")
#: A write of one call, run on the worker.
Change = Callable[["Agenda"], Appointment]


class CallOperations(QObject):
    """Books, moves, edits, cancels and deletes calls for the window.

    Signals:
        done(object): an operation succeeded with this ``Appointment`` (or None for a delete).
        refused(str): an operation was refused or abandoned; the sentence says why (views
            put a call dragged away back where the agenda holds it).
    """

    done = Signal(object)
    refused = Signal(str)

    def __init__(
        self,
        source: AgendaSource,
        undo_stack: QUndoStack,
        prompts: Prompts,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.undo_stack = undo_stack
        self.prompts = prompts
        self.ids = IdMap()

    def _widget(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def _refuse(self, error: BaseException | str) -> None:
        text = error if isinstance(error, str) else describe(error)
        self.refused.emit(text)
        self.prompts.inform(
            self._widget(), QCoreApplication.translate("CallOperations", "Not done"), text
        )

    def _confirm_conflict(self, error: BaseException) -> bool:
        return isinstance(error, ConflictError) and self.prompts.confirm(
            self._widget(),
            QCoreApplication.translate("CallOperations", "Overlapping calls"),
            describe(error)
            + "\n\n"
            + QCoreApplication.translate("CallOperations", "Do it anyway?"),
        )

    def _confirm_undo_outcome(self, error: BaseException) -> bool:
        return (
            isinstance(error, CallStateError)
            and error.code in (lifecycle.HAS_OUTCOME, lifecycle.SETTLED)
            and self.prompts.confirm(
                self._widget(),
                QCoreApplication.translate("CallOperations", "Cancel the call"),
                describe(error)
                + "\n\n"
                + QCoreApplication.translate(
                    "CallOperations", "Cancel it anyway? Its outcome and deal are removed."
                ),
            )
        )

    def _confirm(self, title: str, question: str, prospect_name: str) -> bool:
        """Ask before a destructive change; ``%1`` in the question is the prospect."""
        return self.prompts.confirm(self._widget(), title, question.replace("%1", prospect_name))

    def _restored(self, before: Appointment, label: str) -> Callable[[Appointment], None]:
        """What to do when a change to ``before`` is stored: push its undo, then say done."""

        def pushed(after: Appointment) -> None:
            self.undo_stack.push(RestoreCommand(self.source, self.ids, before, after, label))
            self.done.emit(after)

        return pushed

    def _run(
        self,
        fn: Callable[[Agenda], T],
        on_done: Callable[[T], object],
        force_retry: Callable[[Agenda], T] | None = None,
        ask: Callable[[BaseException], bool] | None = None,
    ) -> None:
        """Run a write; refused for a reason the user may overrule (a conflict, or what
        ``ask`` asks about), ask and retry with ``force_retry`` if the user agrees."""
        overrule = ask or self._confirm_conflict

        def failed(error: BaseException) -> None:
            if force_retry is not None and overrule(error):
                self.source.write(self, force_retry, on_done, self._refuse)
                return
            self._refuse(error)

        self.source.write(self, fn, on_done, failed)

    # -- the operations --------------------------------------------------------------------
    def book(self, draft: Booking) -> None:
        """Book a new call."""

        def book(force: bool) -> Change:
            return lambda agenda: agenda.book_call(draft, force=force)

        def booked(appointment: Appointment) -> None:
            self.undo_stack.push(
                CreateCommand(
                    self.source,
                    self.ids,
                    appointment,
                    QCoreApplication.translate("CallOperations", "New call"),
                )
            )
            self.done.emit(appointment)

        self._run(book(False), booked, book(True))

    def move(self, before: Appointment, wall: datetime, minutes: int, zone: str) -> None:
        """Move (and resize) a call to the naive ``wall`` time read in ``zone``."""
        resolution = resolve(wall, zone)
        start = resolution.start
        if start is None:
            assert resolution.earlier is not None and resolution.later is not None
            text = (
                QCoreApplication.translate(
                    "CallOperations",
                    "%1 does not exist on that day in %2 (the clocks jump forward). Which time do you mean?",  # noqa: E501
                )
                if resolution.dst == "gap"
                else QCoreApplication.translate(
                    "CallOperations",
                    "%1 happens twice on that day in %2 (the clocks go back). Which one do you mean?",  # noqa: E501
                )
            )
            start = self.prompts.choose_instant(
                self._widget(),
                text.replace("%1", i18n.format_time(wall)).replace("%2", zone),
                resolution.earlier,
                resolution.later,
            )
            if start is None:
                self._refuse(
                    QCoreApplication.translate("CallOperations", "The call was not moved.")
                )
                return
        chosen = start
        call_id = self.ids.resolve(before.id)

        def moved(after: Appointment) -> None:
            label = (
                QCoreApplication.translate("CallOperations", "Resize call")
                if after.minutes != before.minutes and after.start == before.start
                else QCoreApplication.translate("CallOperations", "Move call")
            )
            self.undo_stack.push(RestoreCommand(self.source, self.ids, before, after, label))
            self.done.emit(after)

        self._run(
            lambda agenda: agenda.move(call_id, chosen, minutes=minutes),
            moved,
            lambda agenda: agenda.move(call_id, chosen, minutes=minutes, force=True),
        )

    def edit(self, before: Appointment, draft: Booking) -> None:
        """Apply the editor's changes to an existing call."""
        call_id = self.ids.resolve(before.id)

        def change(force: bool) -> Change:
            def run(agenda: Agenda) -> Appointment:
                # One transaction: a refused detail must not leave the call moved.
                with agenda.batch():
                    agenda.move(call_id, draft.start, minutes=draft.minutes, force=force)
                    return agenda.update_details(
                        call_id,
                        kind=draft.kind,
                        url=draft.url,
                        phone=draft.phone,
                        reminder_minutes=draft.reminder_minutes,
                        company=draft.company,
                        prospect=draft.prospect,
                        force=force,
                    )

            return run

        edited = self._restored(before, QCoreApplication.translate("CallOperations", "Edit call"))
        self._run(change(False), edited, change(True))

    def cancel(self, before: Appointment, prospect_name: str) -> None:
        """Cancel a call after the user confirms."""
        if not self._confirm(
            QCoreApplication.translate("CallOperations", "Cancel the call"),
            QCoreApplication.translate(
                "CallOperations", "Cancel the call with %1? Its time is freed."
            ),
            prospect_name,
        ):
            return
        call_id = self.ids.resolve(before.id)
        cancelled = self._restored(
            before, QCoreApplication.translate("CallOperations", "Cancel call")
        )
        # A call held or missed keeps its outcome unless the user says to remove it.
        self._run(
            lambda agenda: agenda.cancel(call_id),
            cancelled,
            lambda agenda: agenda.cancel(call_id, undo_outcome=True),
            ask=self._confirm_undo_outcome,
        )

    def delete(self, before: Appointment, prospect_name: str) -> None:
        """Remove a call for good after the user confirms (undo brings it back)."""
        if not self._confirm(
            QCoreApplication.translate("CallOperations", "Delete the call"),
            QCoreApplication.translate(
                "CallOperations", "Delete the call with %1 from the agenda?"
            ),
            prospect_name,
        ):
            return
        call_id = self.ids.resolve(before.id)

        def deleted(_result: object) -> None:
            self.undo_stack.push(
                DeleteCommand(
                    self.source,
                    self.ids,
                    before,
                    QCoreApplication.translate("CallOperations", "Delete call"),
                )
            )
            self.done.emit(None)

        self._run(lambda agenda: agenda.delete_appointment(call_id), deleted)

    def set_outcome(
        self, before: Appointment, outcome: OutcomeChoice, currency: str = "EUR"
    ) -> None:
        """Record what came of a call (a won deal asks for its value)."""
        value: str | None = None
        if outcome == OutcomeChoice.WON:
            value = self.prompts.ask_amount(
                self._widget(),
                QCoreApplication.translate("CallOperations", "Deal won"),
                QCoreApplication.translate("CallOperations", "Deal value (%1):").replace(
                    "%1", currency
                ),
            )
            if value is None:
                return
        call_id = self.ids.resolve(before.id)

        recorded = self._restored(
            before, QCoreApplication.translate("CallOperations", "Record outcome")
        )
        self._run(
            lambda agenda: agenda.set_outcome(
                call_id, outcome, value=value, currency=currency if value else None
            ),
            recorded,
        )
