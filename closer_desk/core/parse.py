"""Parsing and validation of what users type, shared by the CLI and the window.

Every function raises ``ValidationError`` (field + code) on bad input, never a bare
``ValueError``, so both faces report the same rule the same way.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from closer_desk.core.errors import ValidationError
from closer_desk.core.model import DailyInterval, WeeklyHours
from closer_desk.core.timerange import check_in_range, in_range

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAYS_FR = ("lun", "mar", "mer", "jeu", "ven", "sam", "dim")
_NO_HOURS = ("off", "none", "-")


E = TypeVar("E", bound=enum.Enum)


def fold(text: str) -> str:
    """``text`` as names are compared and searched: case, accents and extra spaces ignored
    (``"Lumière  Formation"`` and ``"lumiere formation"`` fold alike)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def parse_choice(value: object, choices: type[E], field: str) -> E:
    """One member of the enum ``choices`` from its value (``"video"`` -> ``CallKind.VIDEO``)."""
    try:
        return choices(value)
    except ValueError as exc:
        raise ValidationError(field, "bad_choice", value) from exc


def parse_wall_time(text: str, field: str = "start") -> datetime:
    """``YYYY-MM-DD HH:MM`` (or ``T`` between) as a naive wall time, in the supported years
    (``core.timerange``)."""
    cleaned = text.strip().replace("T", " ")
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"):
        try:
            wall = datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
        if not in_range(wall):
            raise ValidationError(field, "year_out_of_range", text)  # as typed, not str(wall)
        return wall
    raise ValidationError(field, "bad_datetime", text)


def parse_date(text: str, field: str = "date") -> date:
    """``YYYY-MM-DD``, in the supported years (``core.timerange``)."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValidationError(field, "bad_date", text) from exc
    check_in_range(day, field)
    return day


def parse_minutes(value: str | int, field: str = "minutes", maximum: int = 24 * 60) -> int:
    """A positive whole number of minutes, at most ``maximum``."""
    try:
        minutes = int(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(field, "not_a_number", value) from exc
    if minutes <= 0:
        raise ValidationError(field, "not_positive", value)
    if minutes > maximum:
        raise ValidationError(field, "too_long", value, limit=maximum)
    return minutes


def parse_clock(text: str, field: str = "hours") -> int:
    """``HH:MM`` as minutes from midnight; ``24:00`` is allowed as an end."""
    match = re.fullmatch(r"(\d{1,2})(?::|h)?(\d{2})?", text.strip())
    if not match:
        raise ValidationError(field, "bad_clock", text)
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if minutes >= 60 or hours > 24 or (hours == 24 and minutes):
        raise ValidationError(field, "bad_clock", text)
    return hours * 60 + minutes


def join_intervals(intervals: Iterable[DailyInterval]) -> tuple[DailyInterval, ...]:
    """Sorted intervals with overlapping and touching ones joined (``09:00-12:00`` and
    ``11:00-13:00`` make ``09:00-13:00``): hours are a set of times, however they were typed."""
    joined: list[DailyInterval] = []
    for i in sorted(intervals, key=lambda i: i.start):
        if joined and i.start <= joined[-1].end:
            joined[-1] = DailyInterval(joined[-1].start, max(joined[-1].end, i.end))
        else:
            joined.append(i)
    return tuple(joined)


def parse_intervals(text: str, field: str = "hours") -> tuple[DailyInterval, ...]:
    """``09:00-12:00,14:00-18:00`` as sorted, disjoint intervals (overlapping ones joined);
    empty text or ``off`` for none (what ``format_intervals`` writes for a day off)."""
    if text.strip().lower() in ("", *_NO_HOURS):
        return ()
    intervals = []
    for part in text.split(","):
        bounds = part.strip().split("-")
        if len(bounds) != 2:
            raise ValidationError(field, "bad_interval", part)
        start, end = parse_clock(bounds[0], field), parse_clock(bounds[1], field)
        if end <= start:
            raise ValidationError(field, "end_before_start", part)
        intervals.append(DailyInterval(start, end))
    return join_intervals(intervals)


def _weekday_index(token: str, field: str) -> int:
    key = token.strip().lower()[:3]
    for names in (_WEEKDAYS, _WEEKDAYS_FR):
        if key in names:
            return names.index(key)
    raise ValidationError(field, "bad_weekday", token)


def parse_weekly_hours(text: str, field: str = "hours") -> WeeklyHours:
    """Weekly hours from a compact spec.

    ``09:00-18:00`` means Monday to Friday. Otherwise ``;``-separated groups
    ``DAYS TIMES`` where DAYS is ``mon-fri``, ``sat`` or ``mon,wed`` and TIMES is a list of
    intervals: ``mon-thu 09:00-12:00,14:00-18:00; fri 09:00-13:00``. A day named in several
    groups gets the hours of all of them (``mon-fri 09:00-12:00; mon-fri 14:00-18:00`` is
    both the morning and the afternoon), overlapping hours joined. Empty text is refused.
    """
    spec = text.strip()
    if not spec:
        raise ValidationError(field, "empty", text)
    if spec.lower() in _NO_HOURS:
        # what ``format_weekly_hours`` writes for a week without hours
        return WeeklyHours(((),) * 7)
    if re.fullmatch(r"[\d:h,\s-]+", spec):
        return WeeklyHours(tuple(parse_intervals(spec, field) if d < 5 else () for d in range(7)))
    days: list[tuple[DailyInterval, ...]] = [() for _ in range(7)]
    for group in spec.split(";"):
        group = group.strip()
        if not group:
            continue
        pieces = group.split(None, 1)
        if len(pieces) != 2:
            raise ValidationError(field, "bad_hours", group)
        selected: set[int] = set()
        for token in pieces[0].split(","):
            if "-" in token:
                first, last = (_weekday_index(t, field) for t in token.split("-", 1))
                span = (
                    range(first, last + 1)
                    if first <= last
                    else [*range(first, 7), *range(0, last + 1)]
                )
                selected.update(span)
            else:
                selected.add(_weekday_index(token, field))
        intervals = parse_intervals(pieces[1], field)
        for d in selected:
            days[d] = join_intervals((*days[d], *intervals))
    return WeeklyHours(tuple(days))


def format_clock(minutes: int) -> str:
    """Minutes from midnight as ``HH:MM``."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def format_intervals(intervals: tuple[DailyInterval, ...]) -> str:
    """The inverse of ``parse_intervals``: ``09:00-12:00,14:00-18:00`` (empty for none)."""
    return ",".join(f"{format_clock(i.start)}-{format_clock(i.end)}" for i in intervals)


def format_weekly_hours(hours: WeeklyHours) -> str:
    """The inverse of ``parse_weekly_hours`` (days with equal hours grouped)."""
    groups: list[str] = []
    d = 0
    while d < 7:
        intervals = hours.days[d]
        e = d
        while e + 1 < 7 and hours.days[e + 1] == intervals:
            e += 1
        if intervals:
            days = _WEEKDAYS[d] if d == e else f"{_WEEKDAYS[d]}-{_WEEKDAYS[e]}"
            groups.append(f"{days} {format_intervals(intervals)}")
        d = e + 1
    return "; ".join(groups) or "off"


def _non_negative_decimal(raw: str, text: object, field: str) -> Decimal:
    # A decimal comma is accepted: "1234,50" is how half the users type money.
    try:
        number = Decimal(raw.replace(",", "."))
    except InvalidOperation as exc:
        raise ValidationError(field, "not_a_number", text) from exc
    if not number.is_finite():
        raise ValidationError(field, "not_a_number", text)
    if number < 0:
        raise ValidationError(field, "negative", text)
    return number


def parse_money(text: str | Decimal, field: str = "value") -> Decimal:
    """A non-negative amount with at most two decimals."""
    amount = _non_negative_decimal(str(text).strip(), text, field)
    if amount >= Decimal(10) ** 15:  # quantize would overflow the context (found by fuzzing)
        raise ValidationError(field, "out_of_range", text)
    return amount.quantize(Decimal("0.01"))


#: What the agenda stores of a rate: a fraction to four decimals (a percentage to two).
_RATE_STEP = Decimal("0.0001")


def parse_rate(text: str | Decimal, field: str = "rate") -> Decimal:
    """A commission rate, as the fraction the agenda stores (``Decimal("0.15")``).

    What a person types is always a percentage, from 0 to 100 with at most two decimals,
    ``%`` or not: ``15`` and ``15%`` are fifteen percent, ``1.5`` is one and a half percent,
    ``0.12`` is 0.12 percent. A ``Decimal`` is already a fraction (what
    ``Company.commission_rate`` holds), checked from 0 to 1.
    """
    if isinstance(text, Decimal):
        rate = _non_negative_decimal(str(text), text, field)
    else:
        percent = _non_negative_decimal(text.strip().removesuffix("%").strip(), text, field)
        rate = percent / 100
    if rate > 1:
        raise ValidationError(field, "too_high", text)
    if rate != rate.quantize(_RATE_STEP):
        raise ValidationError(field, "too_precise", text)
    return rate.quantize(_RATE_STEP)


def parse_currency(text: str, field: str = "currency") -> str:
    """A three-letter ISO 4217 code, upper-cased (``XYZ`` is refused: not a currency)."""
    from babel.numbers import is_currency  # late: babel costs ~15 ms at start-up

    code = text.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code) or not is_currency(code):
        raise ValidationError(field, "bad_currency", text)
    return code


def parse_video_url(text: str, field: str = "url") -> str:
    """A meeting link: ``https:`` only, checked by the one link parser (``core.links``);
    ``ValidationError(field, "scheme")`` for another scheme, ``"bad_url"`` for a bad link."""
    from closer_desk.core.links import check_link

    if not text.strip(" \t"):
        return ""
    try:
        return check_link(text, field, schemes=("https",))
    except ValidationError as error:
        if error.code == "link_scheme":
            raise ValidationError(field, "scheme", text) from None
        raise


def parse_phone(text: str, country: str = "", field: str = "phone") -> str:
    """A phone number as E.164 (``+33612345678``); ``country`` helps with national formats."""
    raw = text.strip()
    if not raw:
        return ""
    import phonenumbers  # imported late: ~0.1 s the window's start-up does not need

    try:
        number = phonenumbers.parse(raw, country.upper() or None)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(field, "bad_phone", text) from exc
    if not phonenumbers.is_possible_number(number) or not phonenumbers.is_valid_number(number):
        raise ValidationError(field, "bad_phone", text)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def parse_email(text: str, field: str = "email") -> str:
    """A plain ``local@domain`` address (no display name, no spaces or line breaks)."""
    email = text.strip()
    if not email:
        return ""
    if not re.fullmatch(r"[^@\s<>,;:\"]+@[^@\s<>,;:\"]+\.[^@\s<>,;:\"]+", email):
        raise ValidationError(field, "bad_email", text)
    return email


def parse_color(text: str, field: str = "color") -> str:
    """``#rrggbb``."""
    color = text.strip()
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", color):
        raise ValidationError(field, "bad_color", text)
    return color.lower()


def parse_country(text: str, field: str = "country") -> str:
    """An ISO 3166-1 alpha-2 code, upper-cased."""
    code = text.strip().upper()
    if code and not re.fullmatch(r"[A-Z]{2}", code):
        raise ValidationError(field, "bad_country", text)
    return code


def parse_subdivision(text: str, country: str, field: str = "subdivision") -> str:
    """A region code for regional holidays (``QC``, ``NY``...), upper-cased.

    Refused when the holidays data knows ``country``'s regions and this is not one of them: a
    typo would otherwise silently drop the region's holidays from the slot flags. Any code is
    kept for a country it knows no regions of (national holidays apply either way).
    """
    code = str(text).strip().upper()
    if not code or not country:
        return code
    import holidays  # imported here: the window's first paint reads core.parse without it

    known = holidays.list_supported_countries().get(country.upper())
    if known and code not in known:
        raise ValidationError(field, "bad_subdivision", text)
    return code


def parse_language(text: str, field: str = "language") -> str:
    """A two-letter language code (``fr``, ``en``...)."""
    code = text.strip().lower()
    if not re.fullmatch(r"[a-z]{2}", code):
        raise ValidationError(field, "bad_language", text)
    return code
