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

_CONTEXT = "FieldErrors"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _reason(code: str) -> str:
    # Written out one by one so pyside6-lupdate sees every literal.
    reasons = {
        "bad_datetime": _tr("Expected a date and time as YYYY-MM-DD HH:MM."),
        "bad_date": _tr("Expected a date as YYYY-MM-DD."),
        "not_a_number": _tr("Expected a number."),
        "not_positive": _tr("Must be greater than zero."),
        "too_long": _tr("Too long."),
        "negative": _tr("Cannot be negative."),
        "too_high": _tr("Cannot be more than 100%."),
        "bad_clock": _tr("Expected a time of day as HH:MM."),
        "bad_interval": _tr("Expected hours as HH:MM-HH:MM, separated by commas."),
        "end_before_start": _tr("Ends before it starts."),
        "overlapping_intervals": _tr("These hours overlap."),
        "bad_weekday": _tr("Not a day of the week."),
        "bad_hours": _tr("Expected hours like “mon-fri 09:00-18:00”."),
        "bad_currency": _tr("Expected a three-letter currency code such as EUR."),
        "scheme": _tr("Only https:// links are accepted for calls."),
        "bad_url": _tr("Not a valid link."),
        "bad_phone": _tr("Not a valid phone number (use the international form, e.g. +33 6 12 34 56 78)."),
        "bad_email": _tr("Not a valid e-mail address."),
        "bad_color": _tr("Expected a colour as #rrggbb."),
        "bad_country": _tr("Expected a two-letter country code such as FR."),
        "bad_language": _tr("Expected a two-letter language code such as fr."),
        "empty": _tr("Cannot be empty."),
        "out_of_range": _tr("Out of range."),
        "missing": _tr("Required."),
    }
    return reasons.get(code, _tr("Not accepted."))


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
        return _tr("Unknown time zone “%1” (pick one from the list, e.g. Europe/Paris).").replace(
            "%1", error.name
        )
    if isinstance(error, DuplicateError):
        return _tr("“%1” already exists.").replace("%1", error.name)
    if isinstance(error, AmbiguousNameError):
        return _tr("Several match: %1.").replace("%1", ", ".join(error.candidates))
    if isinstance(error, NotFoundError):
        return _tr("Not found: it may have been deleted meanwhile.")
    if isinstance(error, ValidationError):
        return _reason(error.code)
    if isinstance(error, CloserDeskError):
        return str(error)
    return _tr("Could not save: %1").replace("%1", str(error))
