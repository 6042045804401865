"""The right-click menu of the Day, Week and List views: what can be done to one call, or
"New call here…" on empty time. What is offered follows the call's life (``core.lifecycle``):
an outcome only once the call has started, a cancel only while it is to come."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from closer_desk.core import lifecycle
from closer_desk.core.model import AgendaEntry, CallKind, OutcomeChoice, Status


@dataclass(frozen=True)
class MenuActions:
    """What the menu's entries do (the agenda room's own methods)."""

    edit: Callable[[int], object]
    move: Callable[[int], object]
    duplicate: Callable[[int], object]
    cancel: Callable[[int], object]
    outcome: Callable[[int, OutcomeChoice], object]
    reach: Callable[[int], object]
    new_call: Callable[[datetime], object]


def _add(menu: QMenu, text: str, slot: Callable[[], object], enabled: bool = True) -> QAction:
    action = menu.addAction(text)
    action.triggered.connect(lambda _checked=False: slot())
    action.setEnabled(enabled)
    return action


def _outcome(actions: MenuActions, call_id: int, choice: OutcomeChoice) -> Callable[[], object]:
    return lambda: actions.outcome(call_id, choice)


def call_menu(
    parent: QWidget,
    entry: AgendaEntry,
    now: datetime,
    actions: MenuActions,
    extra: Sequence[QAction] = (),
    *,
    reachable: bool = True,
) -> QMenu:
    """The menu of one call (``extra``: the window's actions on the selected call, such as
    its invite, added at the end; ``reachable``: it has a link or a number to open)."""
    a = entry.appointment
    call_id = a.id
    to_come = a.status in (Status.PLANNED, Status.CONFIRMED)
    menu = QMenu(parent)
    edit = _add(
        menu, QCoreApplication.translate("CallMenu", "&Edit…"), lambda: actions.edit(call_id)
    )
    menu.setDefaultAction(edit)
    reach = (
        QCoreApplication.translate("CallMenu", "&Join the video call")
        if a.kind == CallKind.VIDEO
        else QCoreApplication.translate("CallMenu", "C&all the prospect")
    )
    _add(menu, reach, lambda: actions.reach(call_id), reachable)
    _add(
        menu,
        QCoreApplication.translate("CallMenu", "&Move to…"),
        lambda: actions.move(call_id),
        to_come,
    )
    _add(
        menu,
        QCoreApplication.translate("CallMenu", "D&uplicate…"),
        lambda: actions.duplicate(call_id),
    )
    menu.addSeparator()
    started = lifecycle.has_started(a, now)
    outcomes = menu.addMenu(
        QCoreApplication.translate("CallMenu", "&Outcome")
        if started
        else QCoreApplication.translate("CallMenu", "&Outcome (once the call has started)")
    )
    outcomes.setEnabled(started and a.status != Status.CANCELLED)
    for choice, text in (
        (OutcomeChoice.WON, QCoreApplication.translate("CallMenu", "&Won…")),
        (OutcomeChoice.LOST, QCoreApplication.translate("CallMenu", "&Lost…")),
        (OutcomeChoice.NO_SHOW, QCoreApplication.translate("CallMenu", "&No-show")),
        (OutcomeChoice.FOLLOW_UP, QCoreApplication.translate("CallMenu", "&Follow-up")),
    ):
        _add(outcomes, text, _outcome(actions, call_id, choice))
    _add(
        menu,
        QCoreApplication.translate("CallMenu", "&Cancel the call…"),
        lambda: actions.cancel(call_id),
        to_come,
    )
    if extra:
        menu.addSeparator()
        for action in extra:
            menu.addAction(action)
    return menu


def empty_time_menu(parent: QWidget, wall: datetime, actions: MenuActions) -> QMenu:
    """The menu of empty time at the naive ``wall`` start."""
    menu = QMenu(parent)
    new = _add(
        menu,
        QCoreApplication.translate("CallMenu", "&New call here…"),
        lambda: actions.new_call(wall),
    )
    menu.setDefaultAction(new)
    return menu
