"""Errors from core and store turned into short, translated sentences shown next to a field.

core raises errors with a field and a code, never a sentence (STYLE.md); the CLI has its own
English wording in ``closer_desk.cli.messages``, this is the window's, in the user's language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from closer_desk.core.errors import (
    AmbiguousNameError,
    CloserDeskError,
    DuplicateError,
    NotFoundError,
    UnknownZoneError,
    ValidationError,
)
from closer_desk.core.timerange import FIRST_YEAR, LAST_YEAR

# Every literal is spelled out as QCoreApplication.translate("FieldErrors", ...): pyside6-lupdate
# does not follow a helper function.


def _reason(code: str) -> str:
    reasons = {
        "bad_datetime": QCoreApplication.translate(
            "FieldErrors", "Expected a date and time as YYYY-MM-DD HH:MM."
        ),
        "bad_date": QCoreApplication.translate("FieldErrors", "Expected a date as YYYY-MM-DD."),
        "not_a_number": QCoreApplication.translate("FieldErrors", "Expected a number."),
        "not_positive": QCoreApplication.translate("FieldErrors", "Must be greater than zero."),
        "too_long": QCoreApplication.translate("FieldErrors", "Too long."),
        "negative": QCoreApplication.translate("FieldErrors", "Cannot be negative."),
        "too_high": QCoreApplication.translate("FieldErrors", "Cannot be more than 100%."),
        "too_precise": QCoreApplication.translate(
            "FieldErrors", "A percentage with at most two decimals (15 means 15%)."
        ),
        "year_out_of_range": QCoreApplication.translate(
            "FieldErrors", "Outside the years closer_desk accepts (%1 to %2)."
        )
        .replace("%1", str(FIRST_YEAR))
        .replace("%2", str(LAST_YEAR)),
        "bad_clock": QCoreApplication.translate("FieldErrors", "Expected a time of day as HH:MM."),
        "bad_interval": QCoreApplication.translate(
            "FieldErrors", "Expected hours as HH:MM-HH:MM, separated by commas."
        ),
        "end_before_start": QCoreApplication.translate("FieldErrors", "Ends before it starts."),
        "overlapping_intervals": QCoreApplication.translate("FieldErrors", "These hours overlap."),
        "bad_weekday": QCoreApplication.translate("FieldErrors", "Not a day of the week."),
        "bad_hours": QCoreApplication.translate(
            "FieldErrors", "Expected hours like “mon-fri 09:00-18:00”."
        ),
        "bad_currency": QCoreApplication.translate(
            "FieldErrors", "Expected a three-letter currency code such as EUR."
        ),
        "scheme": QCoreApplication.translate(
            "FieldErrors", "Only https:// links are accepted for calls."
        ),
        "bad_url": QCoreApplication.translate("FieldErrors", "Not a valid link."),
        "bad_phone": QCoreApplication.translate(
            "FieldErrors",
            "Not a valid phone number (use the international form, e.g. +33 6 12 34 56 78).",
        ),
        "bad_email": QCoreApplication.translate("FieldErrors", "Not a valid e-mail address."),
        "bad_color": QCoreApplication.translate("FieldErrors", "Expected a colour as #rrggbb."),
        "bad_country": QCoreApplication.translate(
            "FieldErrors", "Expected a two-letter country code such as FR."
        ),
        "bad_language": QCoreApplication.translate(
            "FieldErrors", "Expected a two-letter language code such as fr."
        ),
        "empty": QCoreApplication.translate("FieldErrors", "Cannot be empty."),
        "out_of_range": QCoreApplication.translate("FieldErrors", "Out of range."),
        "missing": QCoreApplication.translate("FieldErrors", "Required."),
        "bad_subdivision": QCoreApplication.translate(
            "FieldErrors", "Not a region of that country (e.g. QC for Québec, NY for New York)."
        ),
        "bad_choice": QCoreApplication.translate("FieldErrors", "Not one of the allowed values."),
        "link_scheme": QCoreApplication.translate(
            "FieldErrors", "Only https:, tel: and mailto: links can be opened."
        ),
        "cancelled": QCoreApplication.translate("FieldErrors", "This call is cancelled."),
        "unknown_field": QCoreApplication.translate("FieldErrors", "This cannot be changed here."),
        "unknown_outcome": QCoreApplication.translate("FieldErrors", "Not a known outcome."),
        "only_when_won": QCoreApplication.translate(
            "FieldErrors", "A deal value is only recorded for a won deal."
        ),
        "not_empty": QCoreApplication.translate(
            "FieldErrors",
            "The agenda already holds data: sample data only goes into an empty agenda.",
        ),
        "no_agenda": QCoreApplication.translate("FieldErrors", "There is no agenda there."),
        "is_a_folder": QCoreApplication.translate("FieldErrors", "This is a folder, not a file."),
        "not_utf8": QCoreApplication.translate(
            "FieldErrors", "Not valid text (UTF-8): nothing was saved."
        ),
        "bad_server": QCoreApplication.translate(
            "FieldErrors", "Expected a server as host or host:port."
        ),
        "bad_port": QCoreApplication.translate("FieldErrors", "Expected a port from 1 to 65535."),
        "bad_user": QCoreApplication.translate("FieldErrors", "Not a usable login name."),
        "no_email": QCoreApplication.translate(
            "FieldErrors", "The prospect has no e-mail address."
        ),
    }
    return reasons.get(code, QCoreApplication.translate("FieldErrors", "Not accepted."))


def error_field(error: BaseException) -> str:
    """The name of the input an error belongs to (``""`` when it concerns the whole form)."""
    if isinstance(error, ValidationError):
        return error.field
    if isinstance(error, UnknownZoneError):
        return "zone"
    if isinstance(error, DuplicateError):
        return "name"
    return ""


def describe(error: BaseException) -> str:
    """One translated sentence for ``error``, meant to sit next to the field it concerns."""
    if isinstance(error, UnknownZoneError):
        return QCoreApplication.translate(
            "FieldErrors", "Unknown time zone “%1” (pick one from the list, e.g. Europe/Paris)."
        ).replace("%1", error.name)
    if isinstance(error, DuplicateError):
        return QCoreApplication.translate("FieldErrors", "“%1” already exists.").replace(
            "%1", error.name
        )
    if isinstance(error, AmbiguousNameError):
        return QCoreApplication.translate("FieldErrors", "Several match: %1.").replace(
            "%1", ", ".join(error.candidates)
        )
    if isinstance(error, NotFoundError):
        return QCoreApplication.translate(
            "FieldErrors", "Not found: it may have been deleted meanwhile."
        )
    if isinstance(error, ValidationError):
        return _reason(error.code)
    if isinstance(error, CloserDeskError):
        return str(error)
    return QCoreApplication.translate("FieldErrors", "Could not save: %1").replace("%1", str(error))
