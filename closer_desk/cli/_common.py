"""Helpers shared by the command modules: opening the agenda, times, tables and JSON.

Imported to build the parser (``add_fold_option``, ``call_id``, ``path_arg``): like the command
modules, it imports the store and most of core inside the helpers that use them, so that
``--help``, ``--version`` and a usage error load neither (tests/cli/test_imports.py).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from closer_desk.cli.words import local_text as local_text  # where the commands find it

if TYPE_CHECKING:
    from closer_desk.core.model import Appointment, Closer
    from closer_desk.store import Agenda

#: The commands that may start a new agenda: every other one needs the file to exist, so that
#: a typo in ``--db`` leaves no empty agenda (nor its folders) behind. Commands that change
#: existing calls or people are not here: on a new agenda they could only fail.
CREATING_COMMANDS = frozenset({"demo", "company add", "prospect add", "closer add"})


def agenda_from(args: argparse.Namespace) -> Agenda:
    """Open the agenda named by ``--db`` (or the default), on the clock ``main`` was given;
    created only by ``CREATING_COMMANDS``."""
    from closer_desk.cli.messages import backup_skipped
    from closer_desk.core import holiday_data
    from closer_desk.store import open_agenda
    from closer_desk.store.fileinfo import holiday_cache_path

    # A command's checks and slot flags read holidays: computed once, then read back.
    holiday_data.remember_in(holiday_cache_path)

    # Printed by ``main`` once the command has worked: a failure's one line stands alone.
    warnings: list[str] = getattr(args, "warnings", [])
    agenda: Agenda = open_agenda(
        args.db,
        clock=getattr(args, "clock", None),
        create=getattr(args, "command_path", "") in CREATING_COMMANDS,
        on_backup_skipped=lambda error: warnings.append(backup_skipped(error)),
    )
    return agenda


@contextlib.contextmanager
def one_command(args: argparse.Namespace) -> Iterator[Agenda]:
    """The agenda of a command that writes, as one transaction: everything the command
    writes is stored, or nothing is (an error after a first write, even while building the
    answer, undoes it). Print the answer after the block, once it is stored."""
    with agenda_from(args) as agenda, agenda.batch():
        yield agenda


def add_booking_options(parser: argparse.ArgumentParser) -> None:
    """``--force`` and ``--strict`` for the commands that put a call at a time."""
    parser.add_argument(
        "--force",
        action="store_true",
        help="book even over another call of the closer or of the prospect",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="refuse the call (exit 2, nothing written) rather than warn about it: outside "
        "someone's hours, the prospect's weekend or holiday, the past, under the minimum "
        "notice, inside a buffer, over the daily cap or busy time",
    )


def check_booking(args: argparse.Namespace, agenda: Agenda, appointment: Appointment) -> list[str]:
    """The window's warnings about a call just booked or moved, in words, read inside the
    command's transaction; with ``--strict`` any of them refuses the call (the transaction
    then undoes it). Print them with ``print_warnings`` once the call is stored.

    A conflict is not refused twice: the store refuses it unless ``--force``, and a forced one
    stays a warning."""
    from closer_desk.cli.messages import describe_warning
    from closer_desk.core.booking_checks import CONFLICT
    from closer_desk.core.errors import BookingRefusedError
    from closer_desk.core.lifecycle import SETTLED_STATUSES
    from closer_desk.store.planning import booking_warnings

    if appointment.status in SETTLED_STATUSES:
        return []  # a call that took place, moved to when it did: nothing to book around
    found = booking_warnings(agenda, appointment)
    if not found:
        return []
    closer = agenda.closer(appointment.closer_id)
    prospect = agenda.prospect(appointment.prospect_id)
    blocking = tuple(w for w in found if w.code != CONFLICT)
    if args.strict and blocking:
        raise BookingRefusedError(blocking, closer, prospect, appointment.start)
    zone = getattr(args, "display_zone", None) or closer.zone
    return [describe_warning(w, closer, prospect, appointment.start, zone) for w in found]


def show_times_in(args: argparse.Namespace, zone_name: str) -> None:
    """Say the times of the command's errors and warnings in ``--tz`` when given, otherwise
    in ``zone_name`` (the closer's): as its answer says them."""
    from closer_desk.core import tz

    args.display_zone = tz.canonical_zone_name(args.tz) if args.tz else zone_name


def print_warnings(warnings: Iterable[str]) -> None:
    """One ``warning:`` line on stderr for each warning (the call was stored: exit 0)."""
    for text in warnings:
        print(f"closer-desk: warning: {text}", file=sys.stderr)


def call_id(text: str) -> int:
    """An argparse ``type`` for a call's id: ``12`` or ``#12``, as listings and errors write it."""
    digits = text.strip().removeprefix("#").strip()
    if not digits.isdigit():
        raise argparse.ArgumentTypeError(f"not a call id: {text!r} (e.g. 12 or #12)")
    return int(digits)


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
    from closer_desk.core import parse, tz

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
    from closer_desk.core import parse

    return parse.parse_minutes(args.minutes) if args.minutes is not None else None


def today(agenda: Agenda, zone_name: str) -> date:
    """Today's date in ``zone_name`` by the agenda's clock."""
    from closer_desk.core import tz

    return tz.convert(agenda.now(), zone_name).date()


def day_range(first: date, last: date, zone_name: str) -> tuple[datetime, datetime]:
    """From the start of ``first`` to the end of ``last`` in ``zone_name``."""
    from closer_desk.core import tz

    if last < first:
        from closer_desk.core.errors import ValidationError

        raise ValidationError("to", "end_before_start", last.isoformat())
    start, _ = tz.day_bounds(first, zone_name)
    _, end = tz.day_bounds(last, zone_name)
    return start, end


def iso(dt: datetime) -> str:
    """ISO 8601 with offset, to the minute or second."""
    return dt.isoformat(timespec="minutes" if dt.second == 0 else "seconds")


def to_json(value: Any) -> str:
    """JSON with datetimes as ISO 8601 and decimals as strings."""
    import json
    from decimal import Decimal

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
