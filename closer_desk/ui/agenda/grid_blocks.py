"""What the time grid shows, as data: its columns, the calls laid out into blocks and the
imported busy time, in minutes of the grid's wall clock.

The layout is apart from the widget so that it reads as what it is, the calls' texts worded
once per layout, their column, and their place beside the calls they overlap
(``core.overlap``): the widget keeps the result, the painter draws it, the pointer aims at it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPen

from closer_desk.core.availability import epoch, zone_info
from closer_desk.core.grid_time import DAY_MINUTES, clipped_minutes
from closer_desk.core.model import AgendaEntry, BusyBlock, Status
from closer_desk.core.overlap import side_by_side
from closer_desk.ui.common import i18n


@dataclass(frozen=True, slots=True)
class GridColumn:
    """One column: a day, of every closer shown (``closer_id`` None) or of one closer.

    Attributes:
        day: the date, in the grid's zone.
        closer_id: whose calls and busy time the column holds (None: everyone's).
        title: the closer's name (a closer's column); "" shows the date.
        subtitle: under the title (the closer's city and how far their clock is).
        zone: the closer's zone (a closer's column): its calls say their time on that clock.
        working: the rows the column's closer works (None: the grid's weekly hours).
        marks: ``(row, hour)`` of the column's own clock when it is not the grid's.
        color: the closer's marker colour ("" for none).
    """

    day: date
    closer_id: int | None = None
    title: str = ""
    subtitle: str = ""
    zone: str = ""
    working: tuple[tuple[int, int], ...] | None = None
    marks: tuple[tuple[int, int], ...] = ()
    color: str = ""


# Fill, border pen, text, muted text, selected border pen and the left stripe's colour.
BlockColors = tuple[QColor, QPen, QColor, QColor, QPen, QColor]
# Calls drawn faded: held or missed, past.
_FADED = frozenset((Status.NO_SHOW, Status.DONE))


@dataclass
class Block:
    """Where one call sits in the grid (minutes of the grid's wall clock).

    ``day_index`` is the column (a day, or a closer's day).
    """

    entry: AgendaEntry
    day_index: int
    start: int
    end: int
    title: str
    subtitle: str
    column: int = 0
    columns: int = 1
    marker: str = ""
    short: str = ""
    # Fill, border pen, text, muted text, selected border pen and the left stripe's colour
    # (set when laid out, and again when the palette changes).
    colors: BlockColors | None = None


@dataclass(frozen=True, slots=True)
class BusyRect:
    """Imported busy time drawn in a column (minutes of the grid's wall clock)."""

    block: BusyBlock
    day_index: int
    start: int
    end: int
    label: str


def lay_out(
    entries: Sequence[AgendaEntry],
    columns: Sequence[GridColumn],
    zone_name: str,
    markers: Mapping[int, tuple[str, str]],
) -> list[Block]:
    """The blocks of the calls that fall in ``columns`` (cancelled calls are not drawn), by
    column and start, uncoloured; ``markers`` gives closers' colours and initials."""
    place = _placer(columns)
    zone = zone_info(zone_name)
    # A week of 300 calls has a few dozen zones, times and companies: each is worded once.
    zones: dict[str, tuple[tzinfo, str]] = {}
    times: dict[tuple[int, int], str] = {}

    def time_text(dt: datetime) -> str:
        key = (dt.hour, dt.minute)
        text = times.get(key)
        if text is None:
            text = times[key] = i18n.format_time(dt)
        return text

    clocks = [zone_info(c.zone) if c.zone and c.zone != zone_name else None for c in columns]
    blocks: list[Block] = []
    pattern = QCoreApplication.translate("TimeGrid", "%1 %2 · %3")  # once, not per call
    for entry in entries:
        a = entry.appointment
        if a.status == Status.CANCELLED:
            continue
        local = a.start.astimezone(zone)
        day_index = place(local.date(), a.closer_id)
        if day_index is None:
            continue
        start = local.hour * 60 + local.minute
        end = min(DAY_MINUTES, start + a.minutes)
        found = zones.get(entry.prospect_zone)
        if found is None:
            found = zones[entry.prospect_zone] = (
                zone_info(entry.prospect_zone),
                i18n.city(entry.prospect_zone),
            )
        their_zone, their_city = found
        theirs = a.start.astimezone(their_zone)
        clock = clocks[day_index]  # a closer's column: the time on their own clock
        shown = a.start.astimezone(clock) if clock is not None else local
        title = f"{time_text(shown)} {entry.prospect_name}"
        short = entry.prospect_name
        color, initials = markers.get(a.closer_id, ("", ""))
        if initials:  # whose call it is, for those who do not tell the colours apart
            title, short = f"{initials} · {title}", f"{initials} {short}"
        # The prospect's local time first: it is what the closer says on the phone.
        subtitle = (
            pattern.replace("%1", time_text(theirs))
            .replace("%2", their_city)
            .replace("%3", entry.company_name)
        )
        blocks.append(
            Block(
                entry,
                day_index,
                start,
                max(end, start + 10),
                title,
                subtitle,
                0,
                1,
                color,
                short,
            )
        )
    return _columns(blocks)


def busy_rects(
    blocks: Sequence[BusyBlock], columns: Sequence[GridColumn], zone: str
) -> list[BusyRect]:
    """Where imported busy time shows in ``columns`` (a block over midnight shows on both
    days), labelled with its calendar's name."""
    rects: list[BusyRect] = []
    for block in blocks:
        lo, hi = epoch(block.start), epoch(block.end)
        for i, column in enumerate(columns):
            if column.closer_id not in (None, block.closer_id):
                continue
            rows = clipped_minutes(lo, hi, column.day, zone)
            if rows is not None:
                rects.append(BusyRect(block, i, *rows, block.source or block.summary))
    return rects


def _placer(columns: Sequence[GridColumn]) -> Callable[[date, int], int | None]:
    """Which column a call of a closer on a date goes to."""
    by_day = {c.day: i for i, c in enumerate(columns) if c.closer_id is None}
    by_closer = {(c.day, c.closer_id): i for i, c in enumerate(columns) if c.closer_id is not None}
    if not by_closer:
        return lambda day, _closer: by_day.get(day)
    return lambda day, closer: by_closer.get((day, closer), by_day.get(day))


def _columns(blocks: list[Block]) -> list[Block]:
    """The blocks by column and start, each in its column beside the calls it overlaps."""
    blocks.sort(key=lambda b: (b.day_index, b.start, b.end))
    for block, (column, columns) in zip(
        blocks, side_by_side([(b.day_index, b.start, b.end) for b in blocks]), strict=True
    ):
        block.column, block.columns = column, columns
    return blocks
