"""What the user does to calls, checked like the CLI checks it, and recorded for undo.

Views only report intentions (move this call to this wall time, cancel that one); this object
reads the wall time in the closer's zone without guessing across DST changes, lets the store
refuse conflicts, asks the user when a choice is needed, and names each write for the undo
stack (the door records it: ``AgendaSource.write(undo=...)``). Every write goes through the
door; what it changed reaches the views from there.

A refusal is said once: to the editor that asked (it stays open with what was typed), or in
one box. A question the user answered "No" to is not a refusal: nothing more is said.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from closer_desk.core import lifecycle, tz
from closer_desk.core.errors import CallStateError, ConflictError
from closer_desk.core.model import Appointment, Booking, OutcomeChoice, Status
from closer_desk.ui.common import i18n
from closer_desk.ui.common.prompts import Prompts, describe, describe_conflict
from closer_desk.ui.common.source import AgendaSource

if TYPE_CHECKING:
    from closer_desk.store import Agenda

T = TypeVar("T")
#: A write of one call, run on the worker.
Change = Callable[["Agenda"], Appointment]
#: Told how a write ended: None when it was written, else why not ("" when the user said no).
Answer = Callable[[str | None], object]
#: A question that may overrule a refusal: (title, text) for the errors it applies to.
Question = Callable[[BaseException], tuple[str, str] | None]


class CallOperations(QObject):
    """Books, moves, edits, duplicates, cancels and deletes calls for the window.

    Signals:
        done(object): an operation succeeded with this ``Appointment`` (or None for a delete).
        refused(str): an operation was refused or abandoned; the sentence says why ("" when
            the user answered no): views put a call dragged away back where the agenda holds
            it.
    """

    done = Signal(object)
    refused = Signal(str)

    def __init__(
        self,
        source: AgendaSource,
        prompts: Prompts,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.prompts = prompts

    def _widget(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def _zone_of(self, closer_id: int | None) -> str | None:
        closer = self.source.directory.closer(closer_id)
        return closer.zone if closer is not None else None

    def _conflict_question(self, zone: str | None) -> Question:
        def question(error: BaseException) -> tuple[str, str] | None:
            if not isinstance(error, ConflictError):
                return None
            text = describe_conflict(error, self.source.directory, zone)
            return QCoreApplication.translate(
                "CallOperations", "Overlapping calls"
            ), text + "\n\n" + QCoreApplication.translate("CallOperations", "Do it anyway?")

        return question

    @staticmethod
    def _outcome_question(error: BaseException) -> tuple[str, str] | None:
        if not isinstance(error, CallStateError) or error.code not in (
            lifecycle.HAS_OUTCOME,
            lifecycle.SETTLED,
        ):
            return None
        return (
            QCoreApplication.translate("CallOperations", "Cancel the call"),
            describe(error)
            + "\n\n"
            + QCoreApplication.translate(
                "CallOperations", "Cancel it anyway? Its outcome and deal are removed."
            ),
        )

    def _run(
        self,
        label: str,
        fn: Callable[[Agenda], T],
        on_done: Callable[[T], object],
        *,
        force: Callable[[Agenda], T] | None = None,
        question: Question | None = None,
        answer: Answer | None = None,
    ) -> None:
        """Write ``fn`` (recorded for undo as ``label``). Refused for a reason the user may
        overrule (``question``: a conflict by default), ask, and write ``force`` on yes."""
        ask = question or self._conflict_question(None)

        def written(result: T) -> None:
            on_done(result)
            if answer is not None:
                answer(None)

        def refused(error: BaseException) -> None:
            text = error if isinstance(error, str) else describe(error)
            self.refused.emit(text)
            if answer is not None:
                answer(text)
            else:
                self.prompts.inform(
                    self._widget(), QCoreApplication.translate("CallOperations", "Not done"), text
                )

        def failed(error: BaseException) -> None:
            asked = ask(error) if force is not None else None
            if force is None or asked is None:
                refused(error)
            elif self.prompts.confirm(self._widget(), *asked):
                self.source.write(self, force, written, refused, undo=label)
            else:  # the user said no: nothing to add
                self.refused.emit("")
                if answer is not None:
                    answer("")

        self.source.write(self, fn, written, failed, undo=label)

    # -- the operations --------------------------------------------------------------------
    def book(self, draft: Booking, answer: Answer | None = None, label: str = "") -> None:
        """Book a new call (``answer`` is told how it ended, instead of a box)."""

        def book(force: bool) -> Change:
            return lambda agenda: agenda.book_call(draft, force=force)

        zone = self._zone_of(draft.closer if isinstance(draft.closer, int) else None)
        self._run(
            label or QCoreApplication.translate("CallOperations", "New call"),
            book(False),
            self.done.emit,
            force=book(True),
            question=self._conflict_question(zone),
            answer=answer,
        )

    def duplicate(self, original: Appointment, wall: datetime, zone: str) -> None:
        """Book a copy of a call (company, prospect, kind, length, link, number, reminder;
        not its notes or outcome) at the naive ``wall`` time read in ``zone``."""
        start = self._instant(
            wall, zone, QCoreApplication.translate("CallOperations", "The call was not duplicated.")
        )
        if start is None:
            return
        copy = Booking(
            company=original.company_id,
            prospect=original.prospect_id,
            start=start,
            minutes=original.minutes,
            kind=original.kind,
            url=original.url,
            phone=original.phone,
            closer=original.closer_id,
            reminder_minutes=original.reminder_minutes,
        )
        self.book(copy, label=QCoreApplication.translate("CallOperations", "Duplicate call"))

    def _instant(self, wall: datetime, zone: str, given_up: str | None) -> datetime | None:
        """``wall`` read in ``zone``; across a DST gap or fold the user picks (None: gave up)."""
        # The booking checks' module loads with the first move (not before the first paint).
        from closer_desk.core.booking_checks import resolve

        resolution = resolve(wall, zone)
        if resolution.start is not None:
            return resolution.start
        assert resolution.earlier is not None and resolution.later is not None
        text = (
            QCoreApplication.translate(
                "CallOperations",
                "%1 does not exist on that day in %2 (the clocks jump forward). Which time do you mean?",  # noqa: E501
            )
            if resolution.dst == "gap"
            else QCoreApplication.translate(
                "CallOperations",
                "%1 happens twice on that day in %2 (the clocks go back). Which one do you mean?",
            )
        )
        start = self.prompts.choose_instant(
            self._widget(),
            text.replace("%1", i18n.format_time(wall)).replace("%2", zone),
            resolution.earlier,
            resolution.later,
        )
        if start is None and given_up is not None:
            self.refused.emit(given_up)
        return start

    def resolve_or_ask(self, wall: datetime, zone: str) -> datetime | None:
        """The instant of the naive ``wall`` time in ``zone``; on a day the clocks change,
        the user says which one (None: they did not, and nothing is said)."""
        return self._instant(wall, zone, None)

    def move(
        self,
        before: Appointment,
        wall: datetime,
        minutes: int,
        zone: str,
        *,
        keep_in: str | None = None,
    ) -> None:
        """Move (and resize) a call to the naive ``wall`` time read in ``zone``; the call is
        then agreed in ``keep_in`` (its closer's zone, when the grid shows another clock),
        else in ``zone``."""
        read = self._instant(
            wall, zone, QCoreApplication.translate("CallOperations", "The call was not moved.")
        )
        if read is None:
            return
        start = tz.convert(read, keep_in) if keep_in and keep_in != zone else read
        resized = minutes != before.minutes and start == before.start
        self._run(
            QCoreApplication.translate("CallOperations", "Resize call")
            if resized
            else QCoreApplication.translate("CallOperations", "Move call"),
            lambda agenda: agenda.move(before.id, start, minutes=minutes),
            self.done.emit,
            force=lambda agenda: agenda.move(before.id, start, minutes=minutes, force=True),
            question=self._conflict_question(keep_in or zone),
        )

    def edit(self, before: Appointment, draft: Booking, answer: Answer | None = None) -> None:
        """Apply the editor's changes to an existing call (``answer`` as for ``book``)."""
        call_id = before.id

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

        self._run(
            QCoreApplication.translate("CallOperations", "Edit call"),
            change(False),
            self.done.emit,
            force=change(True),
            question=self._conflict_question(self._zone_of(before.closer_id)),
            answer=answer,
        )

    def cancel(self, before: Appointment, prospect_name: str) -> None:
        """Cancel a call after the user confirms."""
        if before.status not in (Status.PLANNED, Status.CONFIRMED, Status.DONE, Status.NO_SHOW):
            return
        if not self.prompts.confirm(
            self._widget(),
            QCoreApplication.translate("CallOperations", "Cancel the call"),
            QCoreApplication.translate(
                "CallOperations", "Cancel the call with %1? Its time is freed."
            ).replace("%1", prospect_name),
        ):
            return
        call_id = before.id
        # A call held or missed keeps its outcome unless the user says to remove it.
        self._run(
            QCoreApplication.translate("CallOperations", "Cancel call"),
            lambda agenda: agenda.cancel(call_id),
            self.done.emit,
            force=lambda agenda: agenda.cancel(call_id, undo_outcome=True),
            question=self._outcome_question,
        )

    def delete(self, before: Appointment, prospect_name: str) -> None:
        """Remove a call for good after the user confirms (undo brings it back)."""
        if not self.prompts.confirm(
            self._widget(),
            QCoreApplication.translate("CallOperations", "Delete the call"),
            QCoreApplication.translate(
                "CallOperations", "Delete the call with %1 from the agenda?"
            ).replace("%1", prospect_name),
        ):
            return
        call_id = before.id
        self._run(
            QCoreApplication.translate("CallOperations", "Delete call"),
            lambda agenda: agenda.delete_appointment(call_id),
            lambda _none: self.done.emit(None),
        )

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
        call_id = before.id
        self._run(
            QCoreApplication.translate("CallOperations", "Record outcome"),
            lambda agenda: agenda.set_outcome(
                call_id, outcome, value=value, currency=currency if value else None
            ),
            self.done.emit,
        )
