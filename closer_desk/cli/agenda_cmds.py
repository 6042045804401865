"""``demo``, ``book``, ``move``, ``cancel``, ``outcome``, ``agenda`` and ``convert``."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from closer_desk.cli._common import (
    add_booking_options,
    add_fold_option,
    agenda_from,
    aware_start,
    call_id,
    check_booking,
    closer_or_none,
    day_range,
    iso,
    local_text,
    minutes_option,
    one_command,
    print_json,
    print_table,
    print_warnings,
    show_times_in,
    to_json,
    today,
)
from closer_desk.cli.mail_cmds import add_send_option, announcing, invite_json

if TYPE_CHECKING:
    from closer_desk.core.model import AgendaEntry, Appointment


def entry_json(
    entry: AgendaEntry, display_zone: str | None = None, invite: Any = None
) -> dict[str, Any]:
    """An agenda row for ``--json``: both parties' local times with offsets, plus UTC (and
    the ``invite`` state when given: a ``core.mail.state.InviteStatus``)."""
    from closer_desk.core import tz

    a = entry.appointment
    out: dict[str, Any] = {
        "id": a.id,
        "uid": a.uid,
        "company": entry.company_name,
        "prospect": entry.prospect_name,
        "closer_id": a.closer_id,
        "closer": entry.closer_name,
        "kind": a.kind.value,
        "status": a.status.value,
        "outcome": a.outcome.value if a.outcome else None,
        "minutes": a.minutes,
        "agreed_zone": a.zone,
        "closer_zone": entry.closer_zone,
        "prospect_zone": entry.prospect_zone,
        "start": {
            "closer": iso(tz.convert(a.start, entry.closer_zone)),
            "prospect": iso(tz.convert(a.start, entry.prospect_zone)),
            "utc": iso(a.start_utc),
        },
        "end": {
            "closer": iso(tz.convert(a.end, entry.closer_zone)),
            "prospect": iso(tz.convert(a.end, entry.prospect_zone)),
            "utc": iso(a.end_utc),
        },
        "url": a.url or None,
        "phone": a.phone or None,
    }
    if display_zone:
        out["start"]["display"] = iso(tz.convert(a.start, display_zone))
        out["end"]["display"] = iso(tz.convert(a.end, display_zone))
    if a.deal_value is not None:
        out["deal_value"] = a.deal_value
        out["currency"] = a.currency
    if invite is not None:
        out["invite"] = invite_json(invite)
    return out


def _answer(args: argparse.Namespace, agenda: Any, appointment: Appointment, verb: str) -> str:
    """What a command that changed a call prints (built inside its transaction: a failure
    here undoes the change)."""
    from closer_desk.core import tz

    entry = agenda.entry(appointment.id)
    if args.json:
        return to_json(entry_json(entry))
    closer_time = tz.convert(appointment.start, entry.closer_zone)
    prospect_time = tz.convert(appointment.start, entry.prospect_zone)
    return (
        f"{verb} #{appointment.id}: {entry.company_name} with {entry.prospect_name}, "
        f"{local_text(closer_time)} {entry.closer_zone} = "
        f"{local_text(prospect_time)} {entry.prospect_zone} "
        f"({appointment.minutes} min, {appointment.kind.value}, {appointment.status.value})"
    )


def _demo(args: argparse.Namespace) -> int:
    from closer_desk.core import demo, tz
    from closer_desk.store.demo import load_demo

    with agenda_from(args) as agenda:
        today = agenda.now().astimezone(tz.zone(demo.CLOSER["zone"])).date()
        data = demo.build(today)
        count = load_demo(agenda, data)
        where = agenda.path
    print(
        f"added demo data to {where}: 1 closer, {len(data.companies)} companies, "
        f"{len(data.prospects)} prospects, {count} calls"
    )
    return 0


def _book(args: argparse.Namespace) -> int:
    # One transaction for the call and the message that announces it; the answer is built
    # inside it and printed once stored, then the message is sent.
    with agenda_from(args) as agenda:
        with agenda.batch(), announcing(args, agenda) as announce:
            closer = agenda.closer(args.closer)
            show_times_in(args, closer.zone)
            start = aware_start(args.start, args.tz or closer.zone, args.fold)
            appointment = agenda.book(
                company=args.company,
                prospect=args.prospect,
                start=start,
                minutes=minutes_option(args),
                kind=args.kind,
                url=args.url,
                phone=args.phone,
                closer=closer.id,
                reminder_minutes=args.reminder,
                force=args.force,
            )
            # Judged on the call as stored; --strict then undoes the booking with the
            # transaction.
            warnings = check_booking(args, agenda, appointment)
            announce(appointment)
            answer = _answer(args, agenda, appointment, "booked")
        print(answer)
        print_warnings(warnings)
        return announce.send()


def _move(args: argparse.Namespace) -> int:
    with agenda_from(args) as agenda:
        with agenda.batch(), announcing(args, agenda) as announce:
            current = agenda.appointment(args.id)
            show_times_in(args, agenda.closer(current.closer_id).zone)
            start = aware_start(args.start, args.tz or current.zone, args.fold)
            minutes = minutes_option(args)
            appointment = agenda.move(current.id, start, minutes=minutes, force=args.force)
            warnings = check_booking(args, agenda, appointment)
            announce(appointment)
            answer = _answer(args, agenda, appointment, "moved")
        print(answer)
        print_warnings(warnings)
        return announce.send()


def _cancel(args: argparse.Namespace) -> int:
    from closer_desk.core.model import Status

    with agenda_from(args) as agenda:
        current = agenda.appointment(args.id)
        if current.status == Status.CANCELLED:
            # What was asked already holds: not an error, but nothing changes and no second
            # cancellation goes to the prospect.
            if args.json:
                print(to_json(entry_json(agenda.entry(current.id))))
            else:
                print(f"call #{current.id} was already cancelled; nothing changed")
            return 0
        with agenda.batch(), announcing(args, agenda) as announce:
            appointment = agenda.cancel(args.id, undo_outcome=args.undo_outcome)
            announce(appointment)
            answer = _answer(args, agenda, appointment, "cancelled")
        print(answer)
        return announce.send()


def _outcome(args: argparse.Namespace) -> int:
    with one_command(args) as agenda:
        appointment = agenda.set_outcome(
            args.id,
            args.result,
            value=args.value,
            currency=args.currency,
            reason=args.reason or "",
            commission_rate=args.rate,
            undo_outcome=args.undo_outcome,
        )
        answer = _answer(args, agenda, appointment, f"recorded {args.result} for")
    print(answer)
    return 0


def _agenda(args: argparse.Namespace) -> int:
    from closer_desk.core import parse, tz

    with agenda_from(args) as agenda:
        closer = closer_or_none(agenda, args.closer)
        zone_name = (
            tz.canonical_zone_name(args.tz) if args.tz else (closer.zone if closer else "UTC")
        )
        first = parse.parse_date(args.from_, "from") if args.from_ else today(agenda, zone_name)
        last = parse.parse_date(args.to, "to") if args.to else first + timedelta(days=6)
        start, end = day_range(first, last, zone_name)
        entries = agenda.entries(
            start, end, closer_id=closer.id if (closer and args.closer) else None
        )
        if args.json:
            from closer_desk.store.invites import invite_states

            states = invite_states(agenda, [e.appointment.id for e in entries])
    if args.json:
        zone = zone_name if args.tz else None
        print_json([entry_json(e, zone, states[e.appointment.id]) for e in entries])
        return 0
    # Calls of several closers side by side say whose each one is.
    several = len({e.appointment.closer_id for e in entries}) > 1
    headers = (
        "ID",
        f"START ({zone_name})",
        "MIN",
        *(("CLOSER",) if several else ()),
        "COMPANY",
        "PROSPECT",
        "PROSPECT TIME",
        "KIND",
        "STATUS",
    )
    print_table(
        headers,
        (
            (
                e.appointment.id,
                local_text(tz.convert(e.appointment.start, zone_name)),
                e.appointment.minutes,
                *((e.closer_name,) if several else ()),
                e.company_name,
                e.prospect_name,
                _their_time(e.appointment.start, zone_name, e.prospect_zone),
                e.appointment.kind.value,
                e.appointment.status.value,
            )
            for e in entries
        ),
    )
    return 0


def _their_time(start: datetime, shown_zone: str, their_zone: str) -> str:
    """The prospect's clock at ``start``, with their date when it is not the date shown in
    the START column (01:00 in Sydney is already tomorrow)."""
    from closer_desk.core import tz

    shown = tz.convert(start, shown_zone)
    theirs = tz.convert(start, their_zone)
    if theirs.date() == shown.date():
        return f"{theirs:%H:%M} {their_zone}"
    return f"{theirs:%Y-%m-%d %H:%M} {their_zone}"


def _convert(args: argparse.Namespace) -> int:
    from closer_desk.core import tz

    instant = aware_start(args.when, args.from_zone, args.fold, field="when")
    targets = [tz.canonical_zone_name(z) for z in args.to_zones]
    rows = [(tz.zone_name(instant), instant), *((z, tz.convert(instant, z)) for z in targets)]
    if args.json:
        print_json(
            {
                "utc": iso(tz.to_utc(instant)),
                "from": {"zone": rows[0][0], "local": iso(instant)},
                "to": [{"zone": z, "local": iso(t)} for z, t in rows[1:]],
            }
        )
    else:
        print_table(("ZONE", "LOCAL TIME", "DAY"), ((z, local_text(t), f"{t:%A}") for z, t in rows))
    return 0


def _undo_outcome_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--undo-outcome",
        dest="undo_outcome",
        action="store_true",
        help=f"{what} (its deal and commission leave the report)",
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the appointment commands to the command tree."""
    p = sub.add_parser("demo", help="fill an empty agenda with realistic sample data")
    p.set_defaults(func=_demo)

    p = sub.add_parser("book", help="book a closing call")
    p.add_argument("--company", required=True, help="company #ID, id or name")
    p.add_argument("--prospect", required=True, help="prospect #ID, id or name")
    p.add_argument("--start", required=True, help="'YYYY-MM-DD HH:MM' wall time")
    p.add_argument("--tz", help="zone of --start (default: the closer's zone)")
    p.add_argument("--minutes", help="length (default: the company's)")
    p.add_argument("--kind", choices=("phone", "video"))
    p.add_argument("--url", help="video link (https only)")
    p.add_argument("--phone", help="number to dial (default: the prospect's)")
    p.add_argument("--closer", help="closer #ID, id or name (default: the first closer)")
    p.add_argument("--reminder", type=int, default=15, help="reminder, minutes before (default 15)")
    add_booking_options(p)
    add_fold_option(p)
    add_send_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_book)

    p = sub.add_parser("move", help="move or resize a call")
    p.add_argument("id", type=call_id, help="the call, 12 or #12")
    p.add_argument("--start", required=True, help="'YYYY-MM-DD HH:MM' wall time")
    p.add_argument("--tz", help="zone of --start (default: the zone the call was agreed in)")
    p.add_argument("--minutes", help="new length")
    add_booking_options(p)
    add_fold_option(p)
    add_send_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_move)

    p = sub.add_parser("cancel", help="cancel a call")
    p.add_argument("id", type=call_id, help="the call, 12 or #12")
    _undo_outcome_option(p, "cancel a call that was held or missed, removing its outcome")
    add_send_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cancel)

    p = sub.add_parser("outcome", help="record the outcome of a call")
    p.add_argument("id", type=call_id, help="the call, 12 or #12")
    p.add_argument("result", choices=("won", "lost", "no-show", "follow-up"))
    p.add_argument("--value", help="deal value (won)")
    p.add_argument("--currency", help="ISO currency of the deal (default EUR)")
    p.add_argument(
        "--rate",
        help="this deal's commission instead of the company's, a percentage (15 or 15%% is "
        "fifteen percent, 1.5 is one and a half percent)",
    )
    p.add_argument("--reason", help="why it was lost")
    _undo_outcome_option(p, "record a no-show over an outcome, removing it")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_outcome)

    p = sub.add_parser("agenda", help="list calls")
    p.add_argument("--from", dest="from_", help="first day YYYY-MM-DD (default today)")
    p.add_argument("--to", help="last day, inclusive (default a week on)")
    p.add_argument("--tz", help="show times in this zone (default the closer's)")
    p.add_argument("--closer", help="only this closer's calls")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_agenda)

    p = sub.add_parser("convert", help="convert a wall time between zones")
    p.add_argument("when", help="'YYYY-MM-DD HH:MM'")
    p.add_argument("--from", dest="from_zone", required=True)
    p.add_argument("--to", dest="to_zones", action="append", required=True)
    add_fold_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_convert)
