"""The life of a call: which changes of status and outcome it allows, judged on an injected now.

::

    planned <-> confirmed --(has started)--> done (held) <-> no-show
          \\________________________________> cancelled --> planned | confirmed

An outcome (won, lost, follow-up) is recorded only on a call that was held, so never before
it starts; recording one marks the call held. A held call or a no-show may be corrected
(another outcome, held after all, a no-show after all), but never silently loses a recorded
outcome: cancelling it, calling it a no-show or putting it back to planned is refused unless
the caller says to undo the outcome (the CLI's ``--undo-outcome``). A cancelled call can be
planned again, never held (undo in the window restores a call whole, outside these rules).

The store applies these rules to every write, for the CLI and the window alike; they raise
``CallStateError`` with a code, and the faces put it in words.
"""

from __future__ import annotations

import enum
from datetime import datetime

from closer_desk.core.errors import CallStateError
from closer_desk.core.model import Appointment, Outcome, Status


class Action(enum.StrEnum):
    """What a user does to a call's status or outcome."""

    PLAN = "plan"
    CONFIRM = "confirm"
    HOLD = "done"
    NO_SHOW = "no-show"
    WON = "won"
    LOST = "lost"
    FOLLOW_UP = "follow-up"
    CANCEL = "cancel"


# Refusal codes (stable: tests and messages use them).
NOT_STARTED = "not_started"
CANCELLED = "cancelled"
HAS_OUTCOME = "has_outcome"
SETTLED = "settled"

#: The statuses of a call whose time has come: it was held, or the prospect did not come.
SETTLED_STATUSES = frozenset({Status.DONE, Status.NO_SHOW})
#: Actions that say the call happened (or was missed): only once it has started.
_AFTER_START = frozenset({Action.HOLD, Action.NO_SHOW, Action.WON, Action.LOST, Action.FOLLOW_UP})
#: Actions after which the call has no outcome any more.
_CLEARING = frozenset({Action.PLAN, Action.CONFIRM, Action.NO_SHOW, Action.CANCEL})
_OUTCOMES = {
    Action.WON: Outcome.WON,
    Action.LOST: Outcome.LOST,
    Action.FOLLOW_UP: Outcome.FOLLOW_UP,
}
_RESULT = {
    Action.PLAN: Status.PLANNED,
    Action.CONFIRM: Status.CONFIRMED,
    Action.HOLD: Status.DONE,
    Action.NO_SHOW: Status.NO_SHOW,
    Action.WON: Status.DONE,
    Action.LOST: Status.DONE,
    Action.FOLLOW_UP: Status.DONE,
    Action.CANCEL: Status.CANCELLED,
}


def action_for_status(status: Status) -> Action:
    """The action that sets ``status`` (``done`` is holding the call)."""
    return {
        Status.PLANNED: Action.PLAN,
        Status.CONFIRMED: Action.CONFIRM,
        Status.DONE: Action.HOLD,
        Status.NO_SHOW: Action.NO_SHOW,
        Status.CANCELLED: Action.CANCEL,
    }[status]


def has_started(appointment: Appointment, now: datetime) -> bool:
    """True once the call's start is not after ``now``."""
    return appointment.start_utc <= now


def next_status(
    appointment: Appointment, action: Action, now: datetime, *, undo_outcome: bool = False
) -> Status:
    """The call's status after ``action``, or ``CallStateError`` when its life forbids it.

    ``undo_outcome`` allows the actions that forget a recorded outcome (or that the call was
    held or missed): cancelling it, calling it a no-show, planning it again.
    """

    def refuse(code: str) -> CallStateError:
        return CallStateError(appointment.id, appointment.status, action.value, code)

    status = appointment.status
    if status == Status.CANCELLED:
        # It can be planned again (the store checks its time is still free), not held.
        if action in (Action.CANCEL, Action.PLAN, Action.CONFIRM):
            return _RESULT[action]
        raise refuse(CANCELLED)
    if action in _AFTER_START and not has_started(appointment, now):
        raise refuse(NOT_STARTED)
    if action in _CLEARING and not undo_outcome:
        if appointment.outcome is not None:
            raise refuse(HAS_OUTCOME)
        # A no-show stays one, and a held call without an outcome may be called a no-show.
        if status in SETTLED_STATUSES and action != Action.NO_SHOW:
            raise refuse(SETTLED)
    return _RESULT[action]


def clears_outcome(action: Action) -> bool:
    """True when the call has no outcome after ``action`` (no deal value, no reason)."""
    return action in _CLEARING


def outcome_of(action: Action) -> Outcome | None:
    """The outcome ``action`` records, if it records one."""
    return _OUTCOMES.get(action)


def check_move(appointment: Appointment, start: datetime, now: datetime) -> None:
    """A held call or a no-show may be moved (to correct when it took place), but not to a
    time after ``now``: it would be a call that happened before it starts."""
    if appointment.status in SETTLED_STATUSES and start > now:
        raise CallStateError(appointment.id, appointment.status, "move", NOT_STARTED)
