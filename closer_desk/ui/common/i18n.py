"""Languages: installing Qt translators and formatting dates and times by locale.

The language follows the system locale unless the ``ui/language`` setting overrides it
(``"en"``, ``"fr"``; empty means the system's). ``.qm`` catalogues are built from the committed
``.ts`` sources by ``packaging/i18n_build.py``; every ``closer_desk*_<lang>.qm`` found is
installed, so each part of the window keeps its own catalogue (the agenda's and the shell's,
the desk's and the reports', the directory's). ``python packaging/i18n_build.py --update``
refreshes the catalogues from the sources, keeping every translation. Qt's own dialogs (the
file and print dialogs where the desktop offers none) speak the language through Qt's
``qtbase_<lang>`` catalogue, which PySide6 ships; ``closer_desk_qtbase_fr.ts``, kept by hand,
holds the few strings of this Qt that catalogue still misses ("&Look in:").

Formats have one home too: every time, date, day title and week the window shows is written
here, by the locale, except where the closer chose otherwise (``set_formats``, from the
preferences): a 24-hour or a 12-hour clock, and the day a week starts on, the same in the
month calendar, the date pickers and the agenda's week.

(``tests/ui/test_catalogues.py`` fails when a string of the window is in no catalogue.)
"""

from __future__ import annotations

import enum
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTime,
    QTranslator,
)
from PySide6.QtWidgets import QCalendarWidget, QDateTimeEdit

from closer_desk.core import tz

TRANSLATIONS = Path(__file__).resolve().parents[3] / "resources" / "translations"
LANGUAGE_KEY = "ui/language"
#: Languages the window is translated into (English is the source language).
LANGUAGES = ("en", "fr")


def chosen_language(settings: QSettings) -> str:
    """The language to use: the setting if it names a known one, else the system's."""
    wanted = str(settings.value(LANGUAGE_KEY, "") or "")
    if wanted in LANGUAGES:
        return wanted
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def install_translators(
    app: QCoreApplication, language: str, directory: Path = TRANSLATIONS
) -> list[QTranslator]:
    """Install the app's and Qt's own catalogues for ``language``; return them (keep them alive).

    Also sets the default ``QLocale`` so dates and numbers follow the language.
    """
    QLocale.setDefault(QLocale(language))
    installed: list[QTranslator] = []
    # One catalogue per part of the window (closer_desk_fr, closer_desk_directory_fr...); in
    # English, the plurals' only (closer_desk_plurals_en: "1 call", "2 calls").
    for catalogue in sorted(directory.glob(f"closer_desk*_{language}.qm")):
        ours = QTranslator(app)
        if ours.load(str(catalogue)):
            app.installTranslator(ours)
            installed.append(ours)
    if language == "en":
        return installed
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo ``install_translators`` (tests switch languages in one process)."""
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale("en_US"))


def qdate(day: date) -> QDate:
    """The ``QDate`` of a date (Qt's date widgets and formats want one)."""
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    """The date of a ``QDate`` (a date widget's value)."""
    return date(day.year(), day.month(), day.day())


class HourCycle(enum.StrEnum):
    """How times are written: as the locale does, or always on a 24- or a 12-hour clock."""

    LOCALE = "locale"
    H24 = "24h"
    H12 = "12h"


_PATTERNS = {HourCycle.H24: "HH:mm", HourCycle.H12: "h:mm AP"}
_clock = HourCycle.LOCALE
#: The first day of a week (Monday 0 ... Sunday 6, as ``date.weekday``).
_week_start = 0


def set_formats(*, clock: HourCycle | str = HourCycle.LOCALE, week_start: int = 0) -> None:
    """The closer's choices (their preferences): the clock times are written on, and the day
    their weeks start on. Views read them when they next draw."""
    global _clock, _week_start
    _clock = HourCycle(clock)
    _week_start = int(week_start) % 7


def hour_cycle() -> HourCycle:
    """The clock times are written on (``LOCALE``: the language's)."""
    return _clock


def time_pattern() -> str:
    """The Qt pattern of a time on the chosen clock (for time fields too)."""
    return _PATTERNS.get(_clock) or QLocale().timeFormat(QLocale.FormatType.ShortFormat)


_TIMES: dict[tuple[str, str, int, int], str] = {}


def format_time(dt: datetime) -> str:
    """A wall time as the locale writes it (``15:00`` in French, ``3:00 PM`` in US English), or
    on the clock the closer chose."""
    # Cached: a week of calls asks for hundreds of these on every page.
    locale = QLocale()
    key = (locale.name(), _clock.value, dt.hour, dt.minute)
    text = _TIMES.get(key)
    if text is None:
        text = _TIMES[key] = locale.toString(QTime(dt.hour, dt.minute), time_pattern())
    return text


def week_start() -> int:
    """The first day of a week (Monday 0 ... Sunday 6)."""
    return _week_start


def first_day_of_week(day: date) -> date:
    """The first day of ``day``'s week."""
    return day - timedelta(days=(day.weekday() - _week_start) % 7)


def qt_week_start() -> Qt.DayOfWeek:
    """The first day of a week, as Qt's calendars take it."""
    return Qt.DayOfWeek(_week_start + 1)


#: A date in a field, as the window writes dates (``format_day_month_year``): never the
#: locale's numbers alone ("12/1/26" reads as the first of December or the twelfth of January).
DATE_PATTERN = "ddd d MMM yyyy"


def follow_formats(widget: QCalendarWidget | QDateTimeEdit) -> None:
    """A month calendar, or a date or time field, written and laid out like the rest of the
    window: the week starting on the chosen day, dates as the window writes them, times on
    the chosen clock."""
    calendar = widget if isinstance(widget, QCalendarWidget) else widget.calendarWidget()
    if calendar is not None:
        calendar.setFirstDayOfWeek(qt_week_start())
    if not isinstance(widget, QDateTimeEdit):
        return
    sections = widget.displayedSections()
    if sections == (QDateTimeEdit.Section.HourSection | QDateTimeEdit.Section.MinuteSection):
        widget.setDisplayFormat(time_pattern())
    elif sections == (
        QDateTimeEdit.Section.DaySection
        | QDateTimeEdit.Section.MonthSection
        | QDateTimeEdit.Section.YearSection
    ):
        widget.setDisplayFormat(DATE_PATTERN)


def format_date(day: date, long: bool = False) -> str:
    """A date as the locale writes it; ``long`` adds the weekday name."""
    if long:
        return QLocale().toString(qdate(day), "dddd d MMMM yyyy")
    return QLocale().toString(qdate(day), QLocale.FormatType.ShortFormat)


def format_day_header(day: date) -> str:
    """A short day title for a grid column: ``Tue 3`` / ``mar. 3``."""
    return QLocale().toString(qdate(day), "ddd d")


def format_day_month(day: date) -> str:
    """``Tue 3 Mar`` / ``mar. 3 mars``."""
    return QLocale().toString(qdate(day), "ddd d MMM")


def format_day_month_year(day: date) -> str:
    """``Tue 3 Mar 2026`` / ``mar. 3 mars 2026``: a date that can be years away."""
    return QLocale().toString(qdate(day), DATE_PATTERN)


def call_time(instant: datetime, zone: str) -> str:
    """A call's day and time on the clock of ``zone`` (``Tue 3 Mar 2026 10:00``)."""
    local = tz.convert(instant, zone)
    return f"{format_day_month_year(local.date())} {format_time(local)}"


_LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


def language_name(code: str) -> str:
    """A language as its speakers name it, for a choice of languages: ``English``,
    ``Français`` (whatever the window's language: that is how each reader finds theirs)."""
    if code in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[code]  # the window's own: no babel while the window starts
    from babel import Locale, UnknownLocaleError

    try:
        name = str(Locale.parse(code).get_language_name(code) or code)
    except (UnknownLocaleError, ValueError):
        return code
    return name[:1].upper() + name[1:]


def language() -> str:
    """The window's language: the code of the default locale's (``fr`` for ``fr_CA``)."""
    return QLocale().name().split("_")[0]


def city(zone_name: str) -> str:
    """The city of an IANA zone in the window's language: ``Europe/London`` is ``London``, and
    ``Londres`` in French (babel's exemplar cities)."""
    return _city(zone_name, language())


@lru_cache(maxsize=1024)
def _city(zone_name: str, language: str) -> str:
    if language == "en":
        # The IANA names are the English ones: no babel before the first paint.
        return zone_name.rsplit("/", 1)[-1].replace("_", " ")
    from closer_desk.core.zones import zone_place_name

    return zone_place_name(zone_name, language)


def _babel_locale() -> str:
    name = QLocale().name()  # "fr_FR"; "C" when unset
    return name if "_" in name else "en_US"


def amount_text(amount: Decimal) -> str:
    """An amount with two decimals in the user's conventions (``1 234,50`` in French), exact:
    no float on the way."""
    from babel.numbers import format_decimal

    return str(format_decimal(amount, format="#,##0.00", locale=_babel_locale()))


def money_text(amount: Decimal, currency: str) -> str:
    """An amount followed by its ISO currency code (never converted)."""
    return f"{amount_text(amount)} {currency}"


def percent_text(value: Decimal | None, places: int = 1) -> str:
    """A ratio as a percentage in the user's conventions, or a dash when there is nothing to
    divide."""
    if value is None:
        return "–"
    from babel.numbers import format_decimal

    pattern = "0." + "0" * places if places else "0"
    return f"{format_decimal(value * 100, format=pattern, locale=_babel_locale())} %"
