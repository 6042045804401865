"""The life of a call: every status a call can be in, against every action, before and after
its start (core.lifecycle)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from closer_desk.core import lifecycle
from closer_desk.core.errors import CallStateError
from closer_desk.core.lifecycle import Action
from closer_desk.core.model import Appointment, Outcome, Status
from tests.helpers.factories import NOW, at

START = at("2026-03-02 10:00", "Europe/Paris")  # 09:00 UTC: an hour after NOW
BEFORE, AFTER = NOW, START + timedelta(minutes=10)

PLANNED = Appointment(1, 1, 1, 1, START, 45)
STATES = {
    "planned": PLANNED,
    "confirmed": replace(PLANNED, status=Status.CONFIRMED),
    "held": replace(PLANNED, status=Status.DONE),
    "won": replace(
        PLANNED, status=Status.DONE, outcome=Outcome.WON, deal_value=Decimal("4500"), currency="EUR"
    ),
    "lost": replace(PLANNED, status=Status.DONE, outcome=Outcome.LOST),
    "no-show": replace(PLANNED, status=Status.NO_SHOW),
    "cancelled": replace(PLANNED, status=Status.CANCELLED),
}

# What each action does from each state, once the call has started: the status it leads to, or
# the refusal's code. Before the start, every action that says the call took place (held,
# no-show, an outcome) is refused as not_started (unless the call is cancelled); the others
# are as here.
P, C, D, N, X = Status.PLANNED, Status.CONFIRMED, Status.DONE, Status.NO_SHOW, Status.CANCELLED
TABLE: dict[str, dict[Action, Status | str]] = {
    # state:        plan       confirm    done  no-show        won  lost follow-up cancel
    "planned": dict(zip(Action, (P, C, D, N, D, D, D, X), strict=True)),
    "confirmed": dict(zip(Action, (P, C, D, N, D, D, D, X), strict=True)),
    "held": dict(zip(Action, ("settled", "settled", D, N, D, D, D, "settled"), strict=True)),
    "won": dict(
        zip(
            Action,
            ("has_outcome", "has_outcome", D, "has_outcome", D, D, D, "has_outcome"),
            strict=True,
        )
    ),
    "lost": dict(
        zip(
            Action,
            ("has_outcome", "has_outcome", D, "has_outcome", D, D, D, "has_outcome"),
            strict=True,
        )
    ),
    "no-show": dict(zip(Action, ("settled", "settled", D, N, D, D, D, "settled"), strict=True)),
    "cancelled": dict(
        zip(
            Action,
            (P, C, "cancelled", "cancelled", "cancelled", "cancelled", "cancelled", X),
            strict=True,
        )
    ),
}
AFTER_START = {Action.HOLD, Action.NO_SHOW, Action.WON, Action.LOST, Action.FOLLOW_UP}


def test_the_table_covers_every_action() -> None:
    assert list(Action) == [
        Action.PLAN,
        Action.CONFIRM,
        Action.HOLD,
        Action.NO_SHOW,
        Action.WON,
        Action.LOST,
        Action.FOLLOW_UP,
        Action.CANCEL,
    ]
    assert {s.value for s in Status} <= {a.status.value for a in STATES.values()}


def _outcome(state: str, action: Action, now: object) -> Status | str:
    try:
        return lifecycle.next_status(STATES[state], action, now)  # type: ignore[arg-type]
    except CallStateError as refused:
        assert (refused.appointment_id, refused.action) == (1, action.value)
        assert refused.status == STATES[state].status
        return refused.code


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", list(Action))
def test_every_state_and_action_once_the_call_has_started(state: str, action: Action) -> None:
    assert _outcome(state, action, AFTER) == TABLE[state][action]


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", list(Action))
def test_before_the_start_nothing_says_the_call_took_place(state: str, action: Action) -> None:
    expected = TABLE[state][action]
    if action in AFTER_START and expected != "cancelled":
        expected = "not_started"  # said first: nothing else matters before the call
    assert _outcome(state, action, BEFORE) == expected


def test_the_start_itself_counts_as_started() -> None:
    assert lifecycle.next_status(PLANNED, Action.NO_SHOW, START) == N
    with pytest.raises(CallStateError):
        lifecycle.next_status(PLANNED, Action.NO_SHOW, START - timedelta(seconds=1))


@pytest.mark.parametrize("state", ["held", "won", "lost", "no-show"])
@pytest.mark.parametrize("action", [Action.PLAN, Action.CONFIRM, Action.NO_SHOW, Action.CANCEL])
def test_undo_outcome_allows_forgetting_what_was_recorded(state: str, action: Action) -> None:
    new = lifecycle.next_status(STATES[state], action, AFTER, undo_outcome=True)
    assert new == lifecycle.next_status(PLANNED, action, AFTER)
    assert lifecycle.clears_outcome(action)


def test_undo_outcome_does_not_revive_what_the_clock_forbids() -> None:
    with pytest.raises(CallStateError) as refused:
        lifecycle.next_status(PLANNED, Action.WON, BEFORE, undo_outcome=True)
    assert refused.value.code == "not_started"
    with pytest.raises(CallStateError):
        lifecycle.next_status(STATES["cancelled"], Action.WON, AFTER, undo_outcome=True)


def test_outcomes_and_status_actions() -> None:
    assert [lifecycle.outcome_of(a) for a in (Action.WON, Action.LOST, Action.FOLLOW_UP)] == [
        Outcome.WON,
        Outcome.LOST,
        Outcome.FOLLOW_UP,
    ]
    assert lifecycle.outcome_of(Action.NO_SHOW) is None
    assert {lifecycle.action_for_status(s) for s in Status} == {
        Action.PLAN,
        Action.CONFIRM,
        Action.HOLD,
        Action.NO_SHOW,
        Action.CANCEL,
    }
    assert not lifecycle.clears_outcome(Action.WON)


@pytest.mark.parametrize("state", ["held", "won", "no-show"])
def test_a_call_that_took_place_moves_only_into_the_past(state: str) -> None:
    call = STATES[state]
    lifecycle.check_move(call, START - timedelta(hours=1), AFTER)
    with pytest.raises(CallStateError) as refused:
        lifecycle.check_move(call, AFTER + timedelta(days=1), AFTER)
    assert (refused.value.action, refused.value.code) == ("move", "not_started")
    lifecycle.check_move(PLANNED, AFTER + timedelta(days=1), AFTER)
