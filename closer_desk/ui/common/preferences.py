"""The closer's preferences: colours, clock, first day of the week, default reminder, language.

Kept in ``QSettings`` (the platform's usual place; tests pass a file of their own). ``apply``
puts them in force at once: the theme through the application's palette and colour scheme
(no environment variable, no restart), the formats through ``i18n``; the language is read at
the next start (``i18n.chosen_language``). The default call length is not here: it is each
company's own (the company dialog), since it differs from one client to the next.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from closer_desk.ui.common import i18n, palette

THEME_KEY = "ui/theme"
CLOCK_KEY = "ui/clock"
WEEK_START_KEY = "ui/week_start"
REMINDER_KEY = "calls/reminder_minutes"
#: The longest reminder offered: a week before the call (the store's limit too).
MAX_REMINDER = 7 * 24 * 60


class Theme(enum.StrEnum):
    """The window's colours: the desktop's, or light or dark whatever the desktop says."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the closer chose (the defaults are what a new install does).

    Attributes:
        theme: the colours.
        clock: times on the language's clock, or always on 24 or 12 hours.
        week_start: the first day of a week (Monday 0 ... Sunday 6): the agenda's week, the
            month calendar and every date picker.
        reminder_minutes: the reminder of a new call, minutes before it (0: none).
        language: "en", "fr", or "" for the system's (applies at the next start).
    """

    theme: Theme = Theme.SYSTEM
    clock: i18n.HourCycle = i18n.HourCycle.LOCALE
    week_start: int = 0
    reminder_minutes: int = 15
    language: str = ""


E = TypeVar("E", bound=enum.StrEnum)


def _choice(value: object, kind: type[E], default: E) -> E:
    try:
        return kind(str(value))
    except ValueError:
        return default


def _number(value: object, low: int, high: int, default: int) -> int:
    try:
        number = int(str(value))
    except ValueError:
        return default
    return number if low <= number <= high else default


def load(settings: QSettings) -> Preferences:
    """The preferences kept in ``settings``; a value that is missing or makes no sense (an
    older version's, a hand edit) is the default."""
    base = Preferences()
    language = str(settings.value(i18n.LANGUAGE_KEY, "") or "")
    return Preferences(
        theme=_choice(settings.value(THEME_KEY, base.theme), Theme, base.theme),
        clock=_choice(settings.value(CLOCK_KEY, base.clock), i18n.HourCycle, base.clock),
        week_start=_number(settings.value(WEEK_START_KEY, base.week_start), 0, 6, 0),
        reminder_minutes=_number(
            settings.value(REMINDER_KEY, base.reminder_minutes),
            0,
            MAX_REMINDER,
            base.reminder_minutes,
        ),
        language=language if language in i18n.LANGUAGES else "",
    )


def save(settings: QSettings, preferences: Preferences) -> None:
    """Keep ``preferences`` in ``settings`` (written to disk now)."""
    settings.setValue(THEME_KEY, preferences.theme.value)
    settings.setValue(CLOCK_KEY, preferences.clock.value)
    settings.setValue(WEEK_START_KEY, preferences.week_start)
    settings.setValue(REMINDER_KEY, preferences.reminder_minutes)
    settings.setValue(i18n.LANGUAGE_KEY, preferences.language)
    settings.sync()


_current = Preferences()


def current() -> Preferences:
    """The preferences in force."""
    return _current


def default_reminder() -> int:
    """The reminder of a new call, in minutes before it."""
    return _current.reminder_minutes


def apply(preferences: Preferences, app: QApplication | None = None) -> None:
    """Put ``preferences`` in force now (the language aside: at the next start). Views read the
    formats when they next draw; the palette change repaints every widget."""
    global _current
    _current = preferences
    i18n.set_formats(clock=preferences.clock, week_start=preferences.week_start)
    instance = app or QApplication.instance()
    if isinstance(instance, QApplication):
        palette.apply_theme(instance, preferences.theme.value)
