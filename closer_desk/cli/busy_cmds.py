"""``busy list``, ``busy sources`` and ``busy remove``: the imported busy time."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from closer_desk.cli._common import agenda_from, closer_or_none, local_text, print_json, print_table

if TYPE_CHECKING:
    from closer_desk.store import Agenda


def _zone(agenda: Agenda, key: str | None) -> str:
    """Times are shown in the closer's zone (the first closer's without ``--closer``)."""
    closer = closer_or_none(agenda, key)
    return closer.zone if closer is not None else "UTC"


def _day(text: str, field: str) -> date:
    """A typed day, within the supported years (9999-12-31 would overflow a day's end)."""
    from closer_desk.core import parse
    from closer_desk.core.timerange import check_in_range

    day = parse.parse_date(text, field)
    check_in_range(day, field)
    return day


def _list(args: argparse.Namespace) -> int:
    from closer_desk.core import tz
    from closer_desk.core.errors import ValidationError
    from closer_desk.store.busy import list_busy

    with agenda_from(args) as agenda:
        zone = _zone(agenda, args.closer)
        start = tz.day_bounds(_day(args.from_, "from"), zone)[0] if args.from_ else None
        end = tz.day_bounds(_day(args.to, "to"), zone)[1] if args.to else None
        if start is not None and end is not None and end <= start:
            raise ValidationError("to", "end_before_start", args.to)
        blocks = list_busy(agenda, closer=args.closer, source=args.source, start=start, end=end)
    if args.json:
        print_json(
            [
                {
                    "id": b.id,
                    "closer_id": b.closer_id,
                    "source": b.source,
                    "uid": b.uid,
                    "recurrence_id": b.recurrence_id or None,
                    "start": tz.convert(b.start, zone),
                    "end": tz.convert(b.end, zone),
                    "all_day": b.all_day,
                    "summary": b.summary,
                }
                for b in blocks
            ]
        )
        return 0
    print_table(
        ("ID", "START", "END", "SOURCE", "SUMMARY"),
        (
            (
                b.id,
                local_text(tz.convert(b.start, zone)),
                local_text(tz.convert(b.end, zone)),
                b.source,
                b.summary if len(b.summary) <= 60 else b.summary[:59] + "…",
            )
            for b in blocks
        ),
    )
    return 0


def _sources(args: argparse.Namespace) -> int:
    from closer_desk.core import tz
    from closer_desk.store.busy import busy_sources

    with agenda_from(args) as agenda:
        zone = _zone(agenda, args.closer)
        found = busy_sources(agenda, closer=args.closer)
    if args.json:
        print_json(
            [
                {
                    "closer": s.closer,
                    "source": s.source,
                    "blocks": s.blocks,
                    "first": tz.convert(s.first, zone),
                    "last": tz.convert(s.last, zone),
                }
                for s in found
            ]
        )
        return 0
    print_table(
        ("CLOSER", "SOURCE", "BLOCKS", "FIRST", "LAST"),
        (
            (
                s.closer,
                s.source,
                s.blocks,
                local_text(tz.convert(s.first, zone)),
                local_text(tz.convert(s.last, zone)),
            )
            for s in found
        ),
    )
    return 0


def _remove(args: argparse.Namespace) -> int:
    from closer_desk.core.errors import ValidationError
    from closer_desk.store.busy import remove_busy, remove_busy_source

    if bool(args.ids) == bool(args.source):
        raise ValidationError("busy remove", "ids_or_source")
    with agenda_from(args) as agenda:
        if args.source:
            removed = remove_busy_source(agenda, args.source, closer=args.closer)
        else:
            removed = remove_busy(agenda, args.ids)
    print(f"removed {removed} busy blocks")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``busy`` and its verbs to the command tree."""
    busy = sub.add_parser("busy", help="imported busy time: list it, remove it")
    verbs = busy.add_subparsers(dest="verb", metavar="VERB", required=True)

    p = verbs.add_parser("list", help="busy blocks, by start time")
    p.add_argument("--closer", help="closer id or name (default: the first closer)")
    p.add_argument("--source", help="only the blocks of this imported calendar")
    p.add_argument("--from", dest="from_", help="first day YYYY-MM-DD")
    p.add_argument("--to", help="last day YYYY-MM-DD, inclusive")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_list)

    p = verbs.add_parser("sources", help="the imported calendars and how many blocks each holds")
    p.add_argument("--closer", help="only this closer's calendars")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_sources)

    p = verbs.add_parser("remove", help="remove busy blocks by id, or a whole source")
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="busy block ids")
    p.add_argument("--source", help="remove every block of this imported calendar")
    p.add_argument("--closer", help="with --source: only this closer's blocks")
    p.set_defaults(func=_remove)
