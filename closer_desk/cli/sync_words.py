"""English words for the sync's errors and reports (the window has its own, translated)."""

from __future__ import annotations

from closer_desk.core.errors import CloserDeskError
from closer_desk.core.sync.errors import (
    MissingPasswordError,
    ReadOnlyCalendarError,
    RemoteError,
    RemoteProblem,
    StorageEmptyError,
    SyncRefusedError,
)

PROBLEMS = {
    RemoteProblem.UNREACHABLE: "the server cannot be reached",
    RemoteProblem.TIMEOUT: "the server did not answer in time",
    RemoteProblem.UNAUTHORIZED: "the server refused the user name or password",
    RemoteProblem.FORBIDDEN: "this account may not do that on the server",
    RemoteProblem.NOT_FOUND: "there is no calendar at that address",
    RemoteProblem.NOT_A_CALENDAR: "that address is not a CalDAV calendar",
    RemoteProblem.FULL: "the server is out of space (or over its quota)",
    RemoteProblem.BAD_RESPONSE: "the server's answer is not valid CalDAV",
    RemoteProblem.SERVER_ERROR: "the server failed",
    RemoteProblem.NOT_HTTPS: "the address must start with https://",
    RemoteProblem.BAD_URL: "not a usable address",
}

#: Why an object of the server was left out.
REFUSALS = {
    "bad_ics": "not readable as iCalendar",
    "bad_value": "a value closer_desk refuses ({detail})",
    "bad_time": "an impossible time ({detail})",
    "no_start": "no start (DTSTART)",
    "duplicate_uid": "a second object with the UID of another call",
    "not_a_call": "not a closer_desk call",
}

FIELDS = {
    "start": "time",
    "minutes": "length",
    "kind": "kind",
    "url": "link",
    "phone": "number",
    "status": "status",
    "outcome": "outcome",
    "reminder_minutes": "reminder",
    "company_uid": "company",
    "company_name": "company name",
    "prospect_uid": "prospect",
    "prospect_name": "prospect's name",
    "prospect_email": "prospect's e-mail",
    "prospect_zone": "prospect's zone",
    "prospect_country": "prospect's country",
    "prospect_language": "prospect's language",
}


def problem_text(problem: RemoteProblem | str) -> str:
    """One problem in words."""
    try:
        return PROBLEMS[RemoteProblem(problem)]
    except ValueError:
        return str(problem).replace("_", " ")


REFUSED = {
    "not_synced": "has no shared calendar (set one up with 'closer-desk sync setup')",
    "bad_url": "is not a usable address",
    "not_https": "must start with https:// (http:// only to this machine)",
    "shared_calendar": "is a closer's shared calendar: its calls are already in the agenda",
}


def describe_sync_error(error: CloserDeskError) -> str | None:
    """A one-line reason for a sync error, or None when ``error`` is not one."""
    from closer_desk.cli.words import shorten

    if isinstance(error, SyncRefusedError):
        if error.code == "not_synced":
            if not error.value:
                return (
                    "no closer has a shared calendar yet: set one up with 'closer-desk sync setup'"
                )
            return f"{shorten(error.value)} {REFUSED['not_synced']}"
        reason = REFUSED.get(error.code, error.code.replace("_", " "))
        return f"{shorten(repr(error.value))} {reason}"
    if isinstance(error, RemoteError):
        status = f" (HTTP {error.status})" if error.status else ""
        return f"{problem_text(error.problem)}{status}: {shorten(error.url)}"
    if isinstance(error, StorageEmptyError):
        side = "calendar on the server" if error.side == "server" else "agenda"
        return (
            f"sync of {error.closer} stopped: the {side} suddenly holds none of the "
            f"{error.known} calls both sides shared. Nothing was changed. If that is what you "
            f"want, run 'closer-desk sync --closer \"{error.closer}\" --force-delete' to remove "
            "them on the other side too"
        )
    if isinstance(error, ReadOnlyCalendarError):
        return (
            f"{error.closer}'s shared calendar is read-only for this account "
            f"({shorten(error.url)}): a call cannot be booked or changed for them here"
        )
    if isinstance(error, MissingPasswordError):
        where = (
            "set it with 'closer-desk sync setup' (it goes to the system keyring) or"
            if error.keyring_safe
            else "there is no safe keyring here:"
        )
        return f"no password for {error.account}: {where} set {error.env}"
    return None
