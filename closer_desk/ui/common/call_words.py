"""A call's status, outcome and kind in the user's language (the agenda's views, the sync's
conflict dialog). Their catalogue context stays "AgendaModel", where they were first written."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from closer_desk.core.model import CallKind, Outcome, Status


def status_text(status: Status) -> str:
    """A status in the user's language."""
    return {
        Status.PLANNED: QCoreApplication.translate("AgendaModel", "planned"),
        Status.CONFIRMED: QCoreApplication.translate("AgendaModel", "confirmed"),
        Status.DONE: QCoreApplication.translate("AgendaModel", "done"),
        Status.NO_SHOW: QCoreApplication.translate("AgendaModel", "no-show"),
        Status.CANCELLED: QCoreApplication.translate("AgendaModel", "cancelled"),
    }[status]


def outcome_text(outcome: Outcome) -> str:
    """An outcome in the user's language."""
    return {
        Outcome.WON: QCoreApplication.translate("AgendaModel", "won"),
        Outcome.LOST: QCoreApplication.translate("AgendaModel", "lost"),
        Outcome.FOLLOW_UP: QCoreApplication.translate("AgendaModel", "follow-up"),
    }[outcome]


def kind_text(kind: CallKind) -> str:
    """Phone or video in the user's language."""
    if kind == CallKind.PHONE:
        return QCoreApplication.translate("AgendaModel", "phone")
    return QCoreApplication.translate("AgendaModel", "video")
