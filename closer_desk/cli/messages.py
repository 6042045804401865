"""One-line English sentences for the errors core and store raise (the window has its own,
translated, in ``closer_desk.ui``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from closer_desk.cli.words import local_text, shorten
from closer_desk.core.errors import (
    AgendaCorruptError,
    AgendaFileError,
    AgendaStorageError,
    AgendaVersionError,
    AmbiguousNameError,
    AmbiguousTimeError,
    BookingRefusedError,
    CallStateError,
    CloserDeskError,
    ConflictError,
    DuplicateError,
    NonExistentTimeError,
    NotFoundError,
    StorageProblem,
    UnknownZoneError,
    ValidationError,
)
from closer_desk.core.timerange import FIRST_YEAR, LAST_YEAR

_CODES = {
    "bad_datetime": "expected a date and time as YYYY-MM-DD HH:MM",
    "bad_date": "expected a date as YYYY-MM-DD",
    "not_a_number": "expected a number",
    "not_positive": "must be greater than zero",
    "too_long": "is too long",
    "negative": "cannot be negative",
    "too_high": "cannot be more than 100%",
    "too_precise": "is a percentage with at most two decimals (15 or 15% is fifteen percent)",
    "bad_clock": "expected a time of day as HH:MM",
    "bad_interval": "expected hours as HH:MM-HH:MM",
    "end_before_start": "ends before it starts",
    "bad_weekday": "is not a day of the week",
    "bad_hours": "expected hours like 'mon-fri 09:00-18:00'",
    "bad_currency": "expected a three-letter currency code such as EUR",
    "scheme": "only https:// links are accepted for calls",
    "bad_url": "is not a valid link",
    "bad_phone": "is not a valid phone number (use the international form, e.g. +33 6 12 34 56 78)",
    "bad_email": "is not a valid e-mail address",
    "bad_color": "expected a colour as #rrggbb",
    "bad_country": "expected a two-letter country code such as FR",
    "bad_subdivision": "is not a region of that country (e.g. QC for Québec, NY for New York)",
    "bad_language": "expected a two-letter language code such as fr",
    "empty": "cannot be empty",
    "unknown_field": "is not a field that can be set",
    "cancelled": "is cancelled",
    "unknown_outcome": "expected won, lost, no-show or follow-up",
    "missing": "is required",
    "only_when_won": "is only recorded for a won deal",
    "out_of_range": "is out of range",
    "year_out_of_range": f"is outside the supported years {FIRST_YEAR}-{LAST_YEAR}",
    "phone_or_city": "give --phone NUMBER or --city NAME (one of them)",
    "ids_or_source": "give busy block ids or --source NAME (one of them)",
    "no_zone_found": "matches no known time zone",
    "clear_alone": "--clear takes no dates or zone",
    "bad_choice": "is not one of the allowed values",
    "bad_month": "expected a month as YYYY-MM",
    "link_scheme": "only https:, tel: and mailto: links can be opened",
    "no_agenda": "there is no agenda there (check the path; 'demo' and the 'add' commands "
    "start a new one)",
    "no_backup": "is not a backup file (see 'closer-desk backup list')",
    "not_writable": "cannot be written",
    "no_folder": "cannot be written: its folder does not exist",
    "is_a_folder": "is a folder, not a file",
    "bad_backup": "is damaged or is not a closer_desk agenda; nothing was restored",
    "not_utf8": "is not valid UTF-8 text; nothing was written",
    "not_empty": "already holds data; demo data goes into an empty agenda (use --db NEW_FILE)",
    "bad_server": "expected a server as HOST or HOST:PORT",
    "bad_port": "expected a port from 1 to 65535",
    "bad_user": "is not a usable login name",
    "no_email": "has no e-mail address (add one with 'closer-desk prospect edit ... --email')",
}


def _when(dt: object) -> str:
    assert isinstance(dt, datetime)
    return dt.strftime("%Y-%m-%d %H:%M %Z (UTC%z)").replace("(UTC+0000)", "(UTC)")


def _at(start: datetime, zone: str | None) -> str:
    """Another call's time as the CLI's listings and answers write it, in ``zone`` (None: the
    zone it was agreed in)."""
    from closer_desk.core import tz

    shown = zone or tz.zone_name(start)
    return f"{local_text(tz.convert(start, shown))} {shown}"


def _calls(calls: Sequence[Any], zone: str | None) -> str:
    return ", ".join(f"#{c.id} at {_at(c.start, zone)}" for c in calls)


def _prospect_calls(entries: Sequence[Any], zone: str | None) -> str:
    return ", ".join(
        f"#{e.appointment.id} with {e.closer_name} at {_at(e.appointment.start, zone)}"
        for e in entries
    )


def describe_warning(
    warning: Any, closer: Any, prospect: Any, start: datetime, zone: str | None = None
) -> str:
    """A ``core.booking_checks.BookingWarning`` about a call at ``start`` with ``prospect``
    (core objects), in words: the same warnings the window's editor shows. Other calls'
    times are given in ``zone`` (the command's ``--tz``; default: the closer's zone)."""
    from closer_desk.core import booking_checks as checks
    from closer_desk.core import tz

    zone = zone or closer.zone

    def clock(zone: str) -> str:
        return f"{tz.convert(start, zone):%A %H:%M} in {zone}"

    their_time = clock(prospect.zone)
    code, party = warning.code, warning.party
    if code == checks.CONFLICT and party == "prospect":
        return f"{prospect.name} already has call {_prospect_calls(warning.entries, zone)}"
    if code == checks.CONFLICT:
        return f"overlaps the closer's call {_calls(warning.appointments, zone)}"
    if code == checks.OUTSIDE_HOURS:
        if party == "closer":
            return f"outside {closer.name}'s working hours ({clock(closer.zone)})"
        if party == "company":
            return "outside the company's hours for its calls"
        return f"outside {prospect.name}'s business hours ({their_time})"
    if code == checks.WEEKEND:
        return f"it is the weekend for {prospect.name} ({their_time})"
    if code == checks.PROSPECT_HOLIDAY:
        return f"a public holiday for {prospect.name} ({warning.detail})"
    if code == checks.CLOSER_HOLIDAY:
        return f"a public holiday where {closer.name} works ({warning.detail})"
    if code == checks.DST_SHIFT:
        return (
            f"the clocks have changed in one country and not yet in the other this week: the "
            f"usual time difference with {prospect.name} does not hold"
        )
    if code == checks.IN_PAST:
        return "the time is in the past"
    if code == checks.SHORT_NOTICE:
        return f"under {closer.name}'s minimum notice of {closer.min_notice} min"
    if code == checks.BUSY_TIME:
        blocks = ", ".join(
            f"{shorten(b.summary or 'busy', 40)!r} at {_when(tz.convert(b.start, closer.zone))}"
            for b in warning.busy
        )
        return f"over imported busy time: {blocks}"
    if code == checks.IN_BUFFER:
        return (
            f"inside {closer.name}'s buffer ({closer.buffer_before} min before a call, "
            f"{closer.buffer_after} min after) next to call {_calls(warning.appointments, zone)}"
        )
    if code == checks.DAILY_CAP:
        return (
            f"{closer.name} already has {len(warning.appointments)} calls that day "
            f"(daily cap {closer.daily_cap})"
        )
    return str(code).replace("_", " ")


_VERBS = {"cancel": "cancel", "no-show": "record a no-show for", "plan": "plan again"}


def _call_state(error: CallStateError) -> str:
    call = f"call #{error.appointment_id}"
    if error.code == "not_started":
        if error.action == "move":
            return f"{call} was already held or missed: it cannot move to a time still to come"
        return f"{call} has not started yet: record {error.action!r} once it has"
    if error.code == "cancelled":
        return f"{call} is cancelled: it cannot be {error.action!r}"
    verb = _VERBS.get(error.action, error.action)
    if error.code == "has_outcome":
        return (
            f"{call} has an outcome recorded; pass --undo-outcome to {verb} it and remove the "
            "outcome (its deal and commission leave the report)"
        )
    if error.code == "settled":
        happened = "missed (no-show)" if str(error.status) == "no-show" else "held"
        return f"{call} was already {happened}; pass --undo-outcome to {verb} it anyway"
    return f"{call}: {error.code.replace('_', ' ')}"


_PATH_FIELDS = frozenset({"db", "file", "output"})

#: A date, or a date and time, typed in the form ``core.parse`` reads and refused all the
#: same: it names a day or a time that does not exist (30 February, month 13, 25:00).
_NO_SUCH = {
    "bad_date": (re.compile(r"\d{4}-\d{2}-\d{2}"), "is not a date that exists"),
    "bad_datetime": (
        re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?"),
        "is not a date and time that exists",
    ),
}
_UNITS = {"minutes": " minutes", "days": " days"}


def _reason(error: ValidationError) -> str:
    """The words for a ``ValidationError``'s code, with what its value or limit adds."""
    if error.code in _NO_SUCH:
        shape, words = _NO_SUCH[error.code]
        if shape.fullmatch(str(error.value).strip()):
            return words
    reason = _CODES.get(error.code, error.code.replace("_", " "))
    if error.code == "too_long" and error.limit is not None:
        reason += f" (at most {error.limit}{_UNITS.get(error.field, '')})"
    return reason


def _shown(value: object, limit: int = 80) -> str:
    """A value the user typed or a file held, quoted, on one line without control
    characters and cut: an error never prints 10 kB or an escape sequence back."""
    from closer_desk.core.text import one_line

    if not isinstance(value, str):
        return repr(value)
    return repr(shorten(one_line(value), limit))


def _value_text(value: object) -> str:
    """A refused value as text; a time (a call's end) as the CLI writes times, to the minute
    and with its zone, not ``str()``'s seconds and offset."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        from closer_desk.core import tz

        return f"{value:%Y-%m-%d %H:%M} {tz.zone_name(value)}"
    return str(value)


def describe(error: CloserDeskError, zone: str | None = None) -> str:
    """A one-line reason for ``error``, without control characters; the times of other calls
    it names in ``zone`` (the zone the command shows times in) when given."""
    from closer_desk.core.text import one_line

    return one_line(_describe(error, zone))


def _describe(error: CloserDeskError, zone: str | None) -> str:
    if isinstance(error, UnknownZoneError):
        return f"unknown time zone {_shown(error.name)} (use an IANA name such as Europe/Paris)"
    if isinstance(error, NonExistentTimeError):
        return (
            f"{error.wall:%Y-%m-%d %H:%M} does not exist in {error.zone} "
            "(the clocks jump forward); "
            f"did you mean {_when(error.earlier)} or {_when(error.later)}? "
            "Pass --fold earlier or --fold later"
        )
    if isinstance(error, AmbiguousTimeError):
        return (
            f"{error.wall:%Y-%m-%d %H:%M} happens twice in {error.zone} (the clocks go back): "
            f"{_when(error.earlier)} or {_when(error.later)}? Pass --fold earlier or --fold later"
        )
    if isinstance(error, AmbiguousNameError):
        listed = ", ".join(
            f"#{i} {shorten(n, 40)}" for i, n in zip(error.ids, error.candidates, strict=False)
        )
        return (
            f"{error.kind} {_shown(error.key)} matches several: {shorten(listed, 300)}; "
            "be more precise or give the id as #ID"
        )
    if isinstance(error, NotFoundError):
        if error.kind == "mail account":
            return (
                f"{error.key} has no mail account: add one with 'closer-desk mail setup "
                "--closer NAME --from ADDRESS --smtp HOST[:PORT]'"
            )
        if error.kind == "closer" and error.key == "":
            return (
                "the agenda has no closer yet: add one with 'closer-desk closer add NAME --tz ZONE'"
            )
        if error.kind == "appointment":
            return (
                f"no call #{error.key}"
                if isinstance(error.key, int)
                else f"no call {_shown(error.key)}"
            )
        return f"no {error.kind} {_shown(error.key)}"
    if isinstance(error, DuplicateError):
        there = f" (#{error.existing_id})" if error.existing_id is not None else ""
        hint = "; pass --force to add another one" if error.kind == "prospect" else ""
        return f"a {error.kind} named {_shown(error.name)} already exists{there}{hint}"
    if isinstance(error, ConflictError):
        parts = []
        if error.conflicts:
            parts.append(f"overlaps the closer's call {_calls(error.conflicts, zone)}")
        if error.prospect_calls:
            who = error.prospect_calls[0].prospect_name  # type: ignore[attr-defined]
            parts.append(f"{who} already has call {_prospect_calls(error.prospect_calls, zone)}")
        return "; ".join(parts) + "; pick another time or pass --force"
    if isinstance(error, CallStateError):
        return _call_state(error)
    if isinstance(error, BookingRefusedError):
        reasons = "; ".join(
            describe_warning(w, error.closer, error.prospect, error.start, zone)
            for w in error.warnings
        )
        return f"not booked (--strict): {reasons}"
    if isinstance(error, ValidationError):
        reason = _reason(error)
        # A file's path is shown whole (up to a few hundred characters): cut, it would not
        # say which file; any other value is cut short.
        limit = 300 if error.field in _PATH_FIELDS else 80
        shown = "" if error.value in (None, "") else f" {_shown(_value_text(error.value), limit)}"
        return f"{error.field}{shown}: {reason}"
    if isinstance(error, AgendaVersionError):
        return (
            f"this agenda was written by a newer closer_desk (schema {error.found}, this version "
            f"knows up to {error.known}); it was not changed. Update closer_desk to open it"
        )
    if isinstance(error, AgendaCorruptError):
        if error.backup:
            return (
                f"the agenda {error.path} is damaged ({error.detail}); restore the newest good "
                f"backup with: closer-desk --db {error.path} backup restore {error.backup}"
            )
        return (
            f"the agenda {error.path} is damaged ({error.detail}) and there is no good backup of it"
        )
    if isinstance(error, AgendaStorageError):
        return _storage(error)
    # Imported here: every command loads this module, few of them send mail.
    from closer_desk.core.mail.account import MailError

    if isinstance(error, MailError):
        from closer_desk.cli.mail_words import mail_reason

        return f"mail not sent: {mail_reason(error.code, error.detail)}"
    if isinstance(error, AgendaFileError):
        return f"cannot use {error.path} as an agenda ({error.reason}); it was not changed"
    from closer_desk.cli.sync_words import describe_sync_error

    return describe_sync_error(error) or str(error)


_STORAGE = {
    StorageProblem.FULL: "the disk holding {path} is full: nothing was written. "
    "Free some space and try again (the agenda is not damaged)",
    StorageProblem.IO: "the system could not read or write {path} ({detail}): nothing was "
    "written. Check the disk, then try again",
    StorageProblem.READ_ONLY: "the agenda {path} is read-only: nothing was written",
    StorageProblem.READ_ONLY_OLD: "the agenda {path} is read-only and from an older "
    "closer_desk: make it writable once so that it can be upgraded",
    StorageProblem.BUSY: "the agenda is busy in another program; try again",
}


def _storage(error: AgendaStorageError) -> str:
    return _STORAGE[error.problem].format(path=shorten(error.path), detail=error.detail)


_SKIPPED = {
    StorageProblem.FULL: "the disk is full",
    StorageProblem.READ_ONLY: "its folder cannot be written",
    StorageProblem.BUSY: "the agenda is busy in another program",
}


def backup_skipped(error: CloserDeskError) -> str:
    """The warning line for a daily backup that could not be taken (the command still ran)."""
    reason = str(error)
    if isinstance(error, AgendaStorageError):
        reason = _SKIPPED.get(error.problem, error.detail or error.problem.value)
    return f"closer-desk: warning: today's backup was not taken ({reason})"
