"""Helpers shared by the command modules: opening the agenda, times, tables and JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from closer_desk.core import parse, tz
from closer_desk.core.model import Closer
from closer_desk.store import Agenda, open_agenda


def agenda_from(args: argparse.Namespace) -> Agenda:
    """Open the agenda named by ``--db`` (or the default), on the clock ``main`` was given."""
    agenda: Agenda = open_agenda(args.db, clock=getattr(args, "clock", None))
    return agenda


def path_arg(text: str) -> str:
    """An argparse ``type`` for file names: a NUL byte or an empty name is a usage error
    (exit 2) here rather than a ``ValueError`` from the OS layer later."""
    if not text or "\x00" in text:
        raise argparse.ArgumentTypeError(f"not a usable file name: {text!r}")
    return text


def write_output(name: str, data: bytes) -> None:
    """Write ``data`` to the file the user named; a folder that does not exist or a file that
    cannot be written is bad input (exit 2), said in one line."""
    from pathlib import Path

    from closer_desk.core.errors import ValidationError

    try:
        Path(name).write_bytes(data)
    except FileNotFoundError as error:
        raise ValidationError("output", "no_folder", name) from error
    except IsADirectoryError as error:
        raise ValidationError("output", "is_a_folder", name) from error
    except OSError as error:
        raise ValidationError("output", "not_writable", name) from error


def add_fold_option(parser: argparse.ArgumentParser) -> None:
    """``--fold earlier|later`` for wall times in a DST gap or overlap."""
    parser.add_argument(
        "--fold",
        choices=("earlier", "later"),
        help="which instant a wall time means when it falls in a DST change",
    )


def aware_start(text: str, zone_name: str, fold: str | None, *, field: str = "start") -> datetime:
    """The aware instant of a typed wall time in ``zone_name`` (DST gaps/overlaps refused
    unless ``fold`` says which instant). ``field`` names the argument in an error."""
    wall = parse.parse_wall_time(text, field)
    return tz.localize(wall, zone_name, choose=fold)  # type: ignore[arg-type]


def closer_or_none(agenda: Agenda, key: str | None) -> Closer | None:
    """The closer ``key`` names; without one, the agenda's first closer, as for booking
    (None when the agenda has no closer yet)."""
    from closer_desk.core.errors import NotFoundError

    if key:
        return agenda.closer(key)
    try:
        return agenda.closer()
    except NotFoundError:
        return None


def minutes_option(args: argparse.Namespace) -> int | None:
    """``--minutes`` checked (a positive whole number), or None when not given."""
    return parse.parse_minutes(args.minutes) if args.minutes is not None else None


def today(agenda: Agenda, zone_name: str) -> date:
    """Today's date in ``zone_name`` by the agenda's clock."""
    return tz.convert(agenda.now(), zone_name).date()


def day_range(first: date, last: date, zone_name: str) -> tuple[datetime, datetime]:
    """From the start of ``first`` to the end of ``last`` in ``zone_name``."""
    if last < first:
        from closer_desk.core.errors import ValidationError

        raise ValidationError("to", "end_before_start", last.isoformat())
    start, _ = tz.day_bounds(first, zone_name)
    _, end = tz.day_bounds(last, zone_name)
    return start, end


def iso(dt: datetime) -> str:
    """ISO 8601 with offset, to the minute or second."""
    return dt.isoformat(timespec="minutes" if dt.second == 0 else "seconds")


def local_text(dt: datetime) -> str:
    """``2026-11-23 10:00 +01:00``-style text for tables."""
    offset = dt.utcoffset()
    assert offset is not None
    return f"{dt:%Y-%m-%d %H:%M} {tz.format_offset(offset)}"


def to_json(value: Any) -> str:
    """JSON with datetimes as ISO 8601 and decimals as strings."""

    def default(obj: Any) -> Any:
        if isinstance(obj, datetime):
            return iso(obj)
        if isinstance(obj, date):
            return obj.isoformat()
        if isinstance(obj, Decimal):
            return str(obj)
        if isinstance(obj, timedelta):
            return int(obj.total_seconds() // 60)
        raise TypeError(type(obj))

    return json.dumps(value, ensure_ascii=False, indent=2, default=default)


def print_json(value: Any) -> None:
    """Print ``value`` as JSON on stdout."""
    sys.stdout.write(to_json(value) + "\n")


def print_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A plain aligned table on stdout; a cell is one line without control characters (a
    name holding ``ESC[2J`` must not clear the user's terminal)."""
    from closer_desk.core.text import one_line

    cells = [
        [str(c) for c in headers],
        *([("" if c is None else one_line(str(c))) for c in row] for row in rows),
    ]
    if len(cells) == 1:
        print("(nothing)")
        return
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
