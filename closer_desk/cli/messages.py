"""One-line English sentences for the errors core and store raise (the window has its own,
translated, in ``closer_desk.ui``)."""

from __future__ import annotations

from closer_desk.core.errors import (
    AgendaCorruptError,
    AgendaFileError,
    AgendaVersionError,
    AmbiguousNameError,
    AmbiguousTimeError,
    CloserDeskError,
    ConflictError,
    DuplicateError,
    NonExistentTimeError,
    NotFoundError,
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
    "bad_clock": "expected a time of day as HH:MM",
    "bad_interval": "expected hours as HH:MM-HH:MM",
    "end_before_start": "ends before it starts",
    "overlapping_intervals": "has overlapping intervals",
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
    "no_agenda": "there is no agenda file there",
    "no_backup": "is not a backup file (see 'closer-desk backup list')",
    "not_writable": "cannot be written",
    "no_folder": "cannot be written: its folder does not exist",
    "is_a_folder": "is a folder, not a file",
    "bad_backup": "is damaged or is not a closer_desk agenda; nothing was restored",
    "not_empty": "already holds data; demo data goes into an empty agenda (use --db NEW_FILE)",
}


def _when(dt: object) -> str:
    from datetime import datetime

    assert isinstance(dt, datetime)
    return dt.strftime("%Y-%m-%d %H:%M %Z (UTC%z)").replace("(UTC+0000)", "(UTC)")


def shorten(text: str, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis: an error names what the user
    typed without printing a 10 kB value back."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _shown(value: object) -> str:
    """A value the user typed or a file held, quoted, on one line without control
    characters and cut: an error never prints 10 kB or an escape sequence back."""
    from closer_desk.core.text import one_line

    if not isinstance(value, str):
        return repr(value)
    return repr(shorten(one_line(value)))


def describe(error: CloserDeskError) -> str:
    """A one-line reason for ``error``, without control characters."""
    from closer_desk.core.text import one_line

    return one_line(_describe(error))


def _describe(error: CloserDeskError) -> str:
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
        return (
            f"{error.kind} {_shown(error.key)} matches several: "
            f"{shorten(', '.join(error.candidates), 300)}; "
            "be more precise or use the id"
        )
    if isinstance(error, NotFoundError):
        if error.kind == "closer" and error.key == "":
            return (
                "the agenda has no closer yet: add one with 'closer-desk closer add NAME --tz ZONE'"
            )
        return f"no {error.kind} {_shown(error.key)}"
    if isinstance(error, DuplicateError):
        return f"a {error.kind} named {_shown(error.name)} already exists"
    if isinstance(error, ConflictError):
        names = ", ".join(
            f"#{c.id} at {_when(c.start)}"  # type: ignore[attr-defined]
            for c in error.conflicts
        )
        return f"overlaps the closer's call {names}; pick another time or pass --force"
    if isinstance(error, ValidationError):
        reason = _CODES.get(error.code, error.code.replace("_", " "))
        shown = "" if error.value in (None, "") else f" {_shown(str(error.value))}"
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
    if isinstance(error, AgendaFileError):
        return f"cannot use {error.path} as an agenda ({error.reason}); it was not changed"
    return str(error)
