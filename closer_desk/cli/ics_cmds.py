"""``invite``, ``export`` and ``import``: calendars in and out."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from closer_desk.cli._common import (
    agenda_from,
    call_id,
    day_range,
    path_arg,
    print_json,
    print_table,
    today,
    write_output,
)
from closer_desk.cli.words import shorten
from closer_desk.core.timerange import FIRST_YEAR, LAST_YEAR

if TYPE_CHECKING:  # the ICS modules load icalendar and babel: only the commands that use them
    from closer_desk.core.ics.lines import IcsRejected
    from closer_desk.store.calendar_import import ImportReport

#: Why a file was refused whole, in words (never the file's own text).
REJECTIONS = {
    "too_large": "the file is larger than the {detail}-byte limit",
    "line_too_long": "a line is longer than the {detail}-character limit",
    "too_deep": "components are nested deeper than {detail} levels",
    "not_a_calendar": "not an iCalendar file (it must begin with BEGIN:VCALENDAR)",
    "unbalanced": "BEGIN/END do not match ({detail} is not closed, or closed twice)",
    "bad_line": "not a valid iCalendar line",
    "too_many_events": "more than {detail} events",
    "too_many_occurrences": "recurring events expand to more than {detail} occurrences",
    "too_slow": "reading it took longer than {detail} seconds",
}

#: Why one event was left out, in words.
REFUSALS = {
    "not_our_call": "not a closer_desk call; import with --busy to block the time",
    "recurring_call": "a recurring event cannot update a closer_desk call",
    "older_sequence": "an older version of the call (SEQUENCE {detail})",
    "no_start": "the event has no start (DTSTART)",
    "end_before_start": "the event ends before it starts",
    "bad_line": "a line of the event is not a valid iCalendar line",
    "bad_date": "impossible or malformed date {detail!r}",
    "bad_value": "invalid value ({detail})",
    "unknown_zone": "unknown time zone {detail!r} and no VTIMEZONE defines it",
    "bad_zone": "its time zone's VTIMEZONE cannot be read ({detail})",
    "zone_rule": "its time zone's VTIMEZONE changes offset too often to be used",
    "year_out_of_range": f"year {{detail}} is outside the supported years {FIRST_YEAR}-{LAST_YEAR}",
    "too_many_instances": "it repeats more than {detail} times within the import's horizon",
}

#: How parts of a file were read, in words.
WARNINGS = {
    "decoded_cp1252": "the file is not UTF-8; read as Windows-1252 (from line {line})",
    "empty_rrule": "line {line}: an empty RRULE, read as a single event ({uid})",
}


def describe_rejection(error: IcsRejected) -> str:
    """One line: where the file is broken and why."""
    reason = REJECTIONS.get(error.code, error.code).format(detail=error.detail)
    where = f"line {error.line}: " if error.line else ""
    return f"calendar refused, nothing imported: {where}{reason}"


def describe_refusal(code: str, detail: str) -> str:
    """Why one event was left out, in words."""
    return REFUSALS.get(code, code).format(detail=detail)


def _invite(args: argparse.Namespace) -> int:
    if args.send:
        from closer_desk.cli.mail_cmds import announcing

        with agenda_from(args) as agenda:
            with announcing(args, agenda) as announce:
                announce(agenda.appointment(args.id))
            return announce.send()
    from closer_desk.core.ics.invite import invite
    from closer_desk.store.ics_calls import parties_of

    with agenda_from(args) as agenda:
        appointment = agenda.appointment(args.id)
        data = invite(appointment, parties_of(agenda, appointment), now=agenda.now())
    if args.output:
        write_output(args.output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def _export(args: argparse.Namespace) -> int:
    from closer_desk.core import parse
    from closer_desk.core.ics.export import export_calendar
    from closer_desk.store.ics_calls import calls_between

    with agenda_from(args) as agenda:
        closer = agenda.closer(args.closer)
        first = (
            parse.parse_date(args.from_, "from")
            if args.from_
            else today(agenda, closer.zone) - timedelta(days=30)
        )
        last = parse.parse_date(args.to, "to") if args.to else first + timedelta(days=365)
        start, end = day_range(first, last, closer.zone)
        calls = calls_between(agenda, start, end, closer_id=closer.id if args.closer else None)
        data = export_calendar(calls, now=agenda.now(), language=args.lang)
    write_output(args.output, data)
    print(f"exported {len(calls)} call{'' if len(calls) == 1 else 's'} to {args.output}")
    return 0


def _print_report(report: ImportReport) -> None:
    if report.busy:
        print(
            f"{report.events} events read for {report.closer} (busy blocks, source "
            f"{report.source!r}): {report.added} added, {report.updated} updated, "
            f"{report.unchanged} unchanged, {report.removed} removed, "
            f"{report.cancelled} cancelled"
        )
    else:
        print(
            f"{report.events} events read for {report.closer} (calls): {report.updated} "
            f"updated, {report.unchanged} unchanged, {report.cancelled} cancelled"
        )
    if report.own_calls:
        print(f"{report.own_calls} of our own calls skipped (they are calls, not busy time)")
    if report.free:
        events = "event" if report.free == 1 else "events"
        print(f"{report.free} {events} marked free (TRANSP:TRANSPARENT): no time blocked")
    for warning in report.warnings:
        print(WARNINGS.get(warning.code, warning.code).format(**warning._asdict()))
    if report.floating:
        print(f"{report.floating} floating times read in {report.floating_zone}")
    if report.refused:
        print(f"{report.skipped} events skipped:")
        print_table(
            ("LINE", "UID", "REASON"),
            ((r.line, r.uid or "-", describe_refusal(r.code, r.detail)) for r in report.refused),
        )


def _import(args: argparse.Namespace) -> int:
    from closer_desk.core.ics.lines import IcsRejected
    from closer_desk.store.calendar_import import import_file

    path = Path(args.file)
    try:
        readable = path.is_file()
    except OSError:  # a name the system cannot even look up (too long, ...)
        readable = False
    if not readable:
        print(f"closer-desk: no such file: {shorten(str(path))}", file=sys.stderr)
        return 2
    with agenda_from(args) as agenda:
        try:
            report = import_file(
                agenda, path, busy=args.busy, closer=args.closer, source=args.source
            )
        except IcsRejected as error:
            if args.json:
                print_json(
                    {
                        "refused": True,
                        "line": error.line,
                        "reason": error.code,
                        "detail": error.detail,
                    }
                )
            print(f"closer-desk: {describe_rejection(error)}", file=sys.stderr)
            return 2
    if args.json:
        data = report.as_dict()
        for item in data["refused"]:
            item["message"] = describe_refusal(item["reason"], item["detail"])
        print_json(data)
    else:
        _print_report(report)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the calendar commands to the command tree."""
    p = sub.add_parser("invite", help="write the ICS invite of a call (CANCEL if cancelled)")
    p.add_argument("id", type=call_id, help="the call, 12 or #12")
    p.add_argument("-o", "--output", type=path_arg, help="file to write (default: stdout)")
    p.add_argument(
        "--send", action="store_true", help="e-mail it to the prospect now (through the outbox)"
    )
    p.set_defaults(func=_invite)

    p = sub.add_parser("export", help="export calls as one calendar for other calendar apps")
    p.add_argument("--from", dest="from_", help="first day YYYY-MM-DD (default 30 days ago)")
    p.add_argument("--to", help="last day, inclusive (default a year after --from)")
    p.add_argument("--closer", help="only this closer's calls")
    p.add_argument(
        "--lang", choices=("en", "fr"), default="en", help="language of the descriptions"
    )
    p.add_argument("-o", "--output", type=path_arg, required=True, help="file to write")
    p.set_defaults(func=_export)

    p = sub.add_parser("import", help="import a calendar file (busy time, or updates of calls)")
    p.add_argument("file", type=path_arg)
    p.add_argument(
        "--busy", action="store_true", help="block the time of every event for the closer"
    )
    p.add_argument("--closer", help="closer #ID, id or name (default: the first closer)")
    p.add_argument(
        "--source",
        help="the calendar these busy blocks belong to (default: the file's name); a new "
        "import of the same source replaces its blocks",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_import)
