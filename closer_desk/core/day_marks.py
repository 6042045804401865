"""Public holidays to mark on the agenda's days: the closer's (the country they work from that
day, found from their zone) and the selected prospect's (their country and region).

Names come from the ``holidays`` package in the language asked for when it has one for that
country; they are data, like a company's name, not sentences of the window.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from closer_desk.core.availability import closer_zone_on
from closer_desk.core.model import Closer
from closer_desk.core.slot_flags import public_holiday
from closer_desk.core.tz import zone_country

#: Set once the ``holidays`` package's countries are loaded (``load_holidays``).
_loaded = False


@dataclass(frozen=True, slots=True)
class DayHolidays:
    """The holidays of one day of the agenda.

    Attributes:
        closer: the holiday's name where the closer works that day, or "".
        closer_country: the country of the closer that day ("" when their zone has none).
        prospect: the holiday's name in the prospect's country (and region), or "" (also ""
            when it is the closer's same holiday: it is marked once).
        prospect_country: the prospect's country ("" when unknown).
    """

    closer: str = ""
    closer_country: str = ""
    prospect: str = ""
    prospect_country: str = ""

    def __bool__(self) -> bool:
        return bool(self.closer or self.prospect)


@lru_cache(maxsize=256)
def holiday_language(country: str, language: str) -> str:
    """The ``holidays`` package's language code closest to ``language`` (``en``, ``fr``) for
    ``country``: the same code, else its first regional variant (``en_US`` before the
    others), else "" (the country's own language)."""
    if not country or not language:
        return ""
    import holidays  # imported late, as in core.slot_flags (a fifth of the window's start)

    try:
        supported = holidays.country_holidays(country.upper()).supported_languages
    except (NotImplementedError, KeyError, AttributeError):
        return ""
    if language in supported:
        return language
    variants = sorted(
        (code for code in supported if code.split("_")[0] == language),
        key=lambda code: (code != f"{language}_US", code),
    )
    return variants[0] if variants else ""


def holidays_loaded() -> bool:
    """Whether marking days is cheap now: the ``holidays`` package's countries are loaded.

    Their first import costs about a third of a second (every country's module is imported
    with the package); the window has it done by its worker after the first paint
    (``load_holidays``) rather than before, on the GUI thread.
    """
    return _loaded


def load_holidays() -> None:
    """Import the ``holidays`` package and its countries (thread-safe: Python's import lock)."""
    global _loaded
    import holidays.countries  # noqa: F401  (the cost itself)

    _loaded = True


def holiday(country: str, subdivision: str, day: date, language: str = "") -> str:
    """The public holiday on ``day`` in a country and region, named in ``language`` if the
    package can, or ""."""
    return public_holiday(country, subdivision, day, holiday_language(country, language)) or ""


def day_holidays(
    days: Iterable[date],
    closer: Closer | None,
    prospect_country: str = "",
    prospect_subdivision: str = "",
    language: str = "",
) -> dict[date, DayHolidays]:
    """The holidays of each day that has one (days without are left out): the closer's, in
    the country of the zone they work from that day (travel included), and the prospect's
    when it is another one."""
    found: dict[date, DayHolidays] = {}
    for day in days:
        country = zone_country(closer_zone_on(closer, day)) if closer is not None else ""
        mine = holiday(country, "", day, language)
        theirs = holiday(prospect_country, prospect_subdivision, day, language)
        if theirs and prospect_country.upper() == country and theirs == mine:
            theirs = ""  # the same day off on both sides: marked once
        marks = DayHolidays(mine, country, theirs, prospect_country.upper())
        if marks:
            found[day] = marks
    return found
