"""The sync's words in the user's language: what stopped a sync or a set-up, the fields of a
conflict, a shared call's values (the CLI has its own English ones, ``cli/sync_words.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from closer_desk.core.sync.errors import (
    MissingPasswordError,
    RemoteError,
    RemoteProblem,
    StorageEmptyError,
    SyncRefusedError,
)
from closer_desk.core.text import one_line
from closer_desk.ui.common import i18n
from closer_desk.ui.common.call_words import kind_text, outcome_text, status_text
from closer_desk.ui.common.prompts import describe

if TYPE_CHECKING:  # the window builds this area before its first paint: kept light
    from closer_desk.core.sync.call import SyncedCall

#: Problems that mean "not reachable now": the window works offline and tries again later.
OFFLINE = frozenset({RemoteProblem.UNREACHABLE, RemoteProblem.TIMEOUT})


def is_offline(error: BaseException) -> bool:
    """True when ``error`` says the server cannot be reached now (not that it refused)."""
    return isinstance(error, RemoteError) and error.problem in OFFLINE


def problem_text(problem: RemoteProblem | str) -> str:
    """One problem talking to a server, in words."""
    try:
        known = RemoteProblem(problem)
    except ValueError:
        return str(problem).replace("_", " ")
    return {
        RemoteProblem.UNREACHABLE: QCoreApplication.translate(
            "Sync", "the server cannot be reached"
        ),
        RemoteProblem.TIMEOUT: QCoreApplication.translate(
            "Sync", "the server did not answer in time"
        ),
        RemoteProblem.UNAUTHORIZED: QCoreApplication.translate(
            "Sync", "the server refused the user name or password"
        ),
        RemoteProblem.FORBIDDEN: QCoreApplication.translate(
            "Sync", "this account may not do that on the server"
        ),
        RemoteProblem.NOT_FOUND: QCoreApplication.translate(
            "Sync", "there is no calendar at that address"
        ),
        RemoteProblem.NOT_A_CALENDAR: QCoreApplication.translate(
            "Sync", "that address is not a CalDAV calendar"
        ),
        RemoteProblem.FULL: QCoreApplication.translate(
            "Sync", "the server is out of space (or over its quota)"
        ),
        RemoteProblem.BAD_RESPONSE: QCoreApplication.translate(
            "Sync", "the server's answer is not valid CalDAV"
        ),
        RemoteProblem.SERVER_ERROR: QCoreApplication.translate("Sync", "the server failed"),
        RemoteProblem.NOT_HTTPS: QCoreApplication.translate(
            "Sync", "the address must start with https://"
        ),
        RemoteProblem.BAD_URL: QCoreApplication.translate("Sync", "not a usable address"),
    }[known]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _short(text: str, most: int = 80) -> str:
    # What a user typed or a server said, on one clean line and cut short.
    text = " ".join(one_line(text).split())
    return text if len(text) <= most else text[: most - 1] + "…"


def sync_error(error: BaseException) -> str:
    """One line for what stopped a sync, a set-up or a subscription."""
    if isinstance(error, RemoteError):
        status = f" (HTTP {error.status})" if error.status else ""
        return f"{_capital(problem_text(error.problem))}{status}."
    if isinstance(error, SyncRefusedError):
        return {
            "not_synced": QCoreApplication.translate("Sync", "This closer has no shared calendar."),
            "bad_url": QCoreApplication.translate("Sync", "“%1” is not a usable address."),
            "not_https": QCoreApplication.translate(
                "Sync", "“%1” must start with https:// (http:// only to this machine)."
            ),
            "shared_calendar": QCoreApplication.translate(
                "Sync", "“%1” is a closer's shared calendar: its calls are already in the agenda."
            ),
        }.get(error.code, error.code.replace("_", " ")).replace("%1", _short(error.value, 40))
    if isinstance(error, StorageEmptyError):
        text = (
            QCoreApplication.translate(
                "Sync", "Sync of %1 stopped: the server suddenly holds none of the shared calls."
            )
            if error.side == "server"
            else QCoreApplication.translate(
                "Sync", "Sync of %1 stopped: the agenda suddenly holds none of the shared calls."
            )
        )
        return text.replace("%1", error.closer)
    if isinstance(error, MissingPasswordError):
        if error.keyring_safe:
            return QCoreApplication.translate(
                "Sync", "No password for %1: enter it in Shared calendars."
            ).replace("%1", error.account)
        return (
            QCoreApplication.translate(
                "Sync", "No password for %1: there is no safe keyring here; set %2."
            )
            .replace("%1", error.account)
            .replace("%2", error.env)
        )
    return describe(error)


def field_text(name: str) -> str:
    """A field of a shared call, as a conflict names it."""
    return {
        "start": QCoreApplication.translate("Sync", "Time"),
        "minutes": QCoreApplication.translate("Sync", "Length"),
        "kind": QCoreApplication.translate("Sync", "Kind"),
        "url": QCoreApplication.translate("Sync", "Link"),
        "phone": QCoreApplication.translate("Sync", "Number"),
        "status": QCoreApplication.translate("Sync", "Status"),
        "outcome": QCoreApplication.translate("Sync", "Outcome"),
        "reminder_minutes": QCoreApplication.translate("Sync", "Reminder"),
        "company_uid": QCoreApplication.translate("Sync", "Company"),
        "company_name": QCoreApplication.translate("Sync", "Company name"),
        "prospect_uid": QCoreApplication.translate("Sync", "Prospect"),
        "prospect_name": QCoreApplication.translate("Sync", "Prospect's name"),
        "prospect_email": QCoreApplication.translate("Sync", "Prospect's e-mail"),
        "prospect_zone": QCoreApplication.translate("Sync", "Prospect's zone"),
        "prospect_country": QCoreApplication.translate("Sync", "Prospect's country"),
        "prospect_language": QCoreApplication.translate("Sync", "Prospect's language"),
    }.get(name, name)


def _minutes(count: int) -> str:
    return QCoreApplication.translate("Sync", "%n min", "", count)


def value_text(call: SyncedCall | None, name: str) -> str:
    """The value of one field of a shared call (``mine`` may be gone: deleted here)."""
    if call is None:
        return QCoreApplication.translate("Sync", "(deleted here)")
    if name == "start":
        zone = str(call.start.tzinfo)
        return f"{i18n.call_time(call.start, zone)} ({i18n.city(zone)})"
    if name in ("minutes", "reminder_minutes"):
        return _minutes(int(getattr(call, name)))
    if name == "kind":
        return kind_text(call.kind)
    if name == "status":
        return status_text(call.status)
    if name == "outcome":
        return outcome_text(call.outcome) if call.outcome is not None else "—"
    value = getattr(call, name, "")
    return _short(str(value), 120) or "—"
