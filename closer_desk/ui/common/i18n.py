"""Languages: installing Qt translators and formatting dates and times by locale.

The language follows the system locale unless the ``ui/language`` setting overrides it
(``"en"``, ``"fr"``; empty means the system's). ``.qm`` catalogues are built from the committed
``.ts`` sources by ``packaging/i18n_build.py``; every ``closer_desk*_<lang>.qm`` found is
installed, so each part of the window keeps its own catalogue (the agenda's and the shell's,
the desk's and the reports', the directory's). ``python packaging/i18n_build.py --update``
refreshes the catalogues from the sources, keeping every translation.

(``tests/ui/test_catalogues.py`` fails when a string of the window is in no catalogue.)
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTime,
    QTranslator,
)

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
    if language == "en":
        return installed
    # One catalogue per part of the window (closer_desk_fr, closer_desk_directory_fr...).
    for catalogue in sorted(directory.glob(f"closer_desk*_{language}.qm")):
        ours = QTranslator(app)
        if ours.load(str(catalogue)):
            app.installTranslator(ours)
            installed.append(ours)
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


_TIMES: dict[tuple[str, int, int], str] = {}


def format_time(dt: datetime) -> str:
    """A wall time as the locale writes it (``15:00`` in French, ``3:00 PM`` in US English)."""
    # Cached: a week of calls asks for hundreds of these on every page.
    locale = QLocale()
    key = (locale.name(), dt.hour, dt.minute)
    text = _TIMES.get(key)
    if text is None:
        text = _TIMES[key] = locale.toString(
            QTime(dt.hour, dt.minute), QLocale.FormatType.ShortFormat
        )
    return text


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


def call_time(instant: datetime, zone: str) -> str:
    """A call's day and time on the clock of ``zone`` (``Tue 3 Mar 2026 10:00``)."""
    local = tz.convert(instant, zone)
    stamp = QDateTime(qdate(local.date()), QTime(local.hour, local.minute))
    return QLocale().toString(stamp, "ddd d MMM yyyy HH:mm")


def city(zone_name: str) -> str:
    """The readable city of an IANA zone: ``America/New_York`` -> ``New York``."""
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")


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
