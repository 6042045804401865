"""Reports on the closer's results: outcomes, conversion, revenue and commission.

Pure functions over core objects. Every call is filed under the month of its start **in the
closer's zone** (a call at 00:30 on 1 April in Paris is an April call even though it is still
31 March in UTC), and money is only ever added up within one currency.

How calls are counted (also stated in the report itself, see ``NO_SHOW_POLICY``):

- a call is *held* when its status is ``done`` (whatever its outcome, even none recorded yet);
- a *no-show* was booked but the prospect did not come: it is not a call held;
- ``conversion`` is ``won / calls held``: no-shows are left out of it, because the closer
  cannot convert a prospect who never came;
- ``booked_conversion`` is ``won / (calls held + no-shows)``, for a closer who wants to see
  what no-shows cost;
- cancelled calls and calls still planned or confirmed count in neither.
"""

from __future__ import annotations

import csv
import io
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TextIO

from closer_desk.core import tz
from closer_desk.core.commission import commission
from closer_desk.core.model import Appointment, Closer, Company, Outcome, Status

#: Machine-readable statement of how no-shows are counted (ui and cli word it).
NO_SHOW_POLICY = (
    "conversion=won/calls_held; no-shows excluded; booked_conversion=won/(calls_held+no_shows)"
)

_RATIO = Decimal("0.0001")


@dataclass(frozen=True, slots=True, order=True)
class Month:
    """A calendar month, ``YYYY-MM``."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 1 <= self.year <= 9999:
            raise ValueError(f"bad month {self.year}-{self.month}")

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def parse(cls, text: str) -> Month:
        """``2026-03`` (raises ``ValueError`` otherwise)."""
        parts = text.strip().split("-")
        if len(parts) != 2 or len(parts[0]) != 4 or len(parts[1]) != 2:
            raise ValueError(f"bad month {text!r}")
        return cls(int(parts[0]), int(parts[1]))

    @classmethod
    def of(cls, instant: datetime, zone_key: str) -> Month:
        """The month ``instant`` falls in, on the wall clock of ``zone_key``."""
        local = tz.convert(instant, zone_key)
        return cls(local.year, local.month)

    def first_day(self) -> date:
        """The 1st of the month."""
        return date(self.year, self.month, 1)

    def next(self) -> Month:
        """The following month."""
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        """The month before."""
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def back(self, count: int) -> tuple[Month, ...]:
        """``count`` months ending with this one, oldest first."""
        months = [self]
        while len(months) < count:
            months.append(months[-1].previous())
        return tuple(reversed(months))

    def bounds(self, zone_key: str) -> tuple[datetime, datetime]:
        """``[start, end)`` of the month in ``zone_key``: local midnight of the 1st to local
        midnight of the next 1st (a month with a DST change is an hour shorter or longer)."""
        start, _ = tz.day_bounds(self.first_day(), zone_key)
        end, _ = tz.day_bounds(self.next().first_day(), zone_key)
        return start, end


def ratio(numerator: int, denominator: int) -> Decimal | None:
    """``numerator / denominator`` to four places, or None when there is nothing to divide."""
    if denominator == 0:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(_RATIO, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class Tally:
    """Outcome counts over a set of calls (see the module docstring for what counts)."""

    calls_held: int = 0
    no_shows: int = 0
    won: int = 0
    lost: int = 0
    follow_ups: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.calls_held + other.calls_held,
            self.no_shows + other.no_shows,
            self.won + other.won,
            self.lost + other.lost,
            self.follow_ups + other.follow_ups,
        )

    @property
    def conversion(self) -> Decimal | None:
        """Won deals per call held (no-shows excluded); None when no call was held."""
        return ratio(self.won, self.calls_held)

    @property
    def booked_conversion(self) -> Decimal | None:
        """Won deals per call held or no-show; None when there were neither."""
        return ratio(self.won, self.calls_held + self.no_shows)


_OUTCOME_COLUMN = {Outcome.WON: 2, Outcome.LOST: 3, Outcome.FOLLOW_UP: 4}


@dataclass(frozen=True, slots=True)
class Money:
    """Won deals in one currency: how many, their total value and the commission earned."""

    currency: str
    deals: int = 0
    revenue: Decimal = Decimal("0.00")
    commission: Decimal = Decimal("0.00")

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency}")
        return Money(
            self.currency,
            self.deals + other.deals,
            self.revenue + other.revenue,
            self.commission + other.commission,
        )


@dataclass(frozen=True, slots=True)
class Line:
    """Results of one company in one month: outcome counts and money per currency."""

    month: Month
    company_id: int
    company_name: str
    tally: Tally = field(default_factory=Tally)
    money: tuple[Money, ...] = ()


@dataclass(frozen=True, slots=True)
class Group:
    """A roll-up (one company, one month or everything): counts and money per currency."""

    key: str
    tally: Tally
    money: tuple[Money, ...]


_ZERO = Decimal("0.00")  # what Money starts from: sums keep two decimals


def _sum_money(moneys: Iterable[Money]) -> tuple[Money, ...]:
    by_currency: dict[str, Money] = {}
    for m in moneys:
        by_currency[m.currency] = by_currency.get(m.currency, Money(m.currency)) + m
    return tuple(by_currency[c] for c in sorted(by_currency))


def _roll_up(lines: Iterable[Line], key: str) -> Group:
    lines = list(lines)
    total = Tally()
    for line in lines:
        total += line.tally
    return Group(key, total, _sum_money(m for line in lines for m in line.money))


@dataclass(frozen=True, slots=True)
class Report:
    """A results report for some months, in the closer's zone.

    Attributes:
        zone: the zone months are read in.
        months: the months covered, oldest first.
        lines: one per (month, company) that had a call, by month then company name.
    """

    zone: str
    months: tuple[Month, ...]
    lines: tuple[Line, ...]

    def total(self) -> Group:
        """Everything together (money still per currency)."""
        return _roll_up(self.lines, "")

    def by_company(self) -> tuple[Group, ...]:
        """One group per company, by name."""
        names = sorted({line.company_name for line in self.lines}, key=str.casefold)
        return tuple(_roll_up((ln for ln in self.lines if ln.company_name == n), n) for n in names)

    def by_month(self) -> tuple[Group, ...]:
        """One group per month covered (a month without calls has an empty group)."""
        return tuple(
            _roll_up((ln for ln in self.lines if ln.month == m), str(m)) for m in self.months
        )

    def currencies(self) -> tuple[str, ...]:
        """Every currency a deal was won in, sorted."""
        return tuple(m.currency for m in self.total().money)


def build_report(
    appointments: Iterable[Appointment],
    companies: Mapping[int, Company],
    zone_key: str,
    months: Sequence[Month],
) -> Report:
    """The report of ``months`` from ``appointments`` (others outside them are ignored).

    ``companies`` maps every company id the appointments refer to (its rate applies when a deal
    has no override). Each call is counted once, in the month of its start in ``zone_key``.
    """
    wanted = sorted(set(months))
    # Each month's [start, end) on the UTC line, computed once: filing a call is then a
    # bisection on its timestamp rather than a zone conversion per call.
    spans = [(lo.timestamp(), hi.timestamp()) for lo, hi in (m.bounds(zone_key) for m in wanted)]
    starts = [lo for lo, _ in spans]
    # Plain counters while scanning (a frozen Tally per call would cost an object each);
    # order: held, no-shows, won, lost, follow-ups.
    counts: dict[tuple[int, int], list[int]] = {}  # (month position, company id)
    # (month position, company id) -> currency -> [deals, revenue, commission]
    money: dict[tuple[int, int], dict[str, list[Any]]] = defaultdict(dict)
    seen: set[int] = set()
    for a in appointments:
        if a.id in seen:
            continue
        seen.add(a.id)
        instant = a.start.timestamp()
        at = bisect_right(starts, instant) - 1
        if at < 0 or instant >= spans[at][1]:
            continue
        key = (at, a.company_id)
        row = counts.setdefault(key, [0, 0, 0, 0, 0])
        if a.status == Status.NO_SHOW:
            row[1] += 1
        elif a.status == Status.DONE:
            row[0] += 1
            if a.outcome is not None:
                row[_OUTCOME_COLUMN[a.outcome]] += 1
        # Only a won deal with a value earns (commission() says None for the rest, at a call's
        # cost per appointment of the month), and only on a held call: a cancelled call that
        # an older version let keep its outcome earns nothing.
        if a.outcome is Outcome.WON and a.deal_value is not None and a.status == Status.DONE:
            earned = commission(a, companies[a.company_id])
            if earned is not None:
                # Summed as plain numbers: adding frozen Money objects would build two per deal.
                total = money[key].setdefault(earned.currency, [0, _ZERO, _ZERO])
                total[0] += 1
                total[1] += earned.deal_value
                total[2] += earned.amount
    lines = [
        Line(
            wanted[at],
            cid,
            companies[cid].name,
            Tally(*row),
            tuple(
                Money(currency, deals, revenue, earned_total)
                for currency, (deals, revenue, earned_total) in sorted(
                    money.get((at, cid), {}).items()
                )
            ),
        )
        for (at, cid), row in counts.items()
    ]
    lines.sort(key=lambda ln: (ln.month, ln.company_name.casefold(), ln.company_id))
    return Report(zone_key, tuple(wanted), tuple(lines))


# -- hours booked this week ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class WeekLoad:
    """Minutes booked in the closer's week against the minutes they plan to work.

    Attributes:
        monday: the first day of the week, in the closer's zone.
        booked_minutes: length of the week's calls that were not cancelled (a no-show still
            took the slot).
        planned_minutes: ``Closer.planned_week_minutes``, else the total of their weekly hours.
    """

    monday: date
    booked_minutes: int
    planned_minutes: int

    @property
    def share(self) -> Decimal | None:
        """Booked per planned minute; None when nothing is planned."""
        return ratio(self.booked_minutes, self.planned_minutes)


def week_bounds(now: datetime, zone_key: str) -> tuple[date, datetime, datetime]:
    """Monday of the week of ``now`` in ``zone_key`` and the week's ``[start, end)``."""
    today = tz.convert(now, zone_key).date()
    monday = today - timedelta(days=today.weekday())
    start, _ = tz.day_bounds(monday, zone_key)
    end, _ = tz.day_bounds(monday + timedelta(days=7), zone_key)
    return monday, start, end


def week_load(appointments: Iterable[Appointment], closer: Closer, now: datetime) -> WeekLoad:
    """The closer's booked minutes in the week of ``now`` (calls starting in it)."""
    monday, start, end = week_bounds(now, closer.zone)
    booked = sum(
        a.minutes
        for a in {a.id: a for a in appointments}.values()
        if a.closer_id == closer.id and a.status != Status.CANCELLED and start <= a.start_utc < end
    )
    planned = (
        closer.planned_week_minutes
        if closer.planned_week_minutes is not None
        else closer.hours.total_minutes()
    )
    return WeekLoad(monday, booked, planned)


# -- CSV -------------------------------------------------------------------------------------
def _cell(text: str) -> str:
    """Text a spreadsheet will not run as a formula (a company named ``=HYPERLINK(...)``)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_rows(report: Report) -> list[list[str]]:
    """The report as CSV rows: a header, then one row per (month, company), then a total row
    per month. Revenue and commission get one column pair per currency, never converted."""
    currencies = report.currencies()
    header = ["month", "company", "calls_held", "no_shows", "won", "lost", "follow_ups"]
    header.append("conversion")
    for c in currencies:
        header += [f"revenue_{c}", f"commission_{c}"]

    def row(month: str, company: str, tally: Tally, money: Sequence[Money]) -> list[str]:
        by = {m.currency: m for m in money}
        out = [
            month,
            _cell(company),
            str(tally.calls_held),
            str(tally.no_shows),
            str(tally.won),
            str(tally.lost),
            str(tally.follow_ups),
            "" if tally.conversion is None else str(tally.conversion),
        ]
        for c in currencies:
            m = by.get(c, Money(c))
            out += [str(m.revenue), str(m.commission)]
        return out

    rows = [header]
    rows += [row(str(ln.month), ln.company_name, ln.tally, ln.money) for ln in report.lines]
    rows += [row(g.key, "*", g.tally, g.money) for g in report.by_month()]
    return rows


def write_csv(report: Report, stream: TextIO) -> None:
    """Write ``csv_rows(report)`` to ``stream`` (open it with ``newline=""``)."""
    csv.writer(stream, lineterminator="\r\n").writerows(csv_rows(report))


def csv_text(report: Report) -> str:
    """The CSV as one string."""
    buffer = io.StringIO()
    write_csv(report, buffer)
    return buffer.getvalue()
