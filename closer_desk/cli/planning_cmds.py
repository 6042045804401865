"""``slots`` and ``zones``, and the closer's availability rules: ``closer hours|override|
travel|rules|show`` (verbs added to the ``closer`` command of ``directory_cmds``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from closer_desk.cli._common import (
    agenda_from,
    call_id,
    iso,
    local_text,
    print_json,
    print_table,
)
from closer_desk.cli.directory_cmds import closer_json
from closer_desk.core.errors import ValidationError

if TYPE_CHECKING:
    from closer_desk.core.model import Closer
    from closer_desk.core.slots import Slot

#: ``core.proposal.SUPPORTED_LANGUAGES``, written out: importing the proposal module (babel,
#: the slot finder) to build the parser would make ``--help`` several times slower. A test
#: keeps the two equal.
PROPOSAL_LANGUAGES = ("fr", "en")


def slot_json(slot: Slot) -> dict[str, Any]:
    """A slot for ``--json``: UTC, both parties' local times with offsets, flags."""
    return {
        "start": {
            "utc": iso(slot.start),
            "closer": iso(slot.closer_start),
            "prospect": iso(slot.prospect_start),
        },
        "end": {
            "utc": iso(slot.end),
            "closer": iso(slot.closer_end),
            "prospect": iso(slot.prospect_end),
        },
        "closer_zone": slot.closer_zone,
        "prospect_zone": slot.prospect_zone,
        "flags": sorted(f.value for f in slot.flags),
    }


def _slots(args: argparse.Namespace) -> int:
    from closer_desk.core import parse
    from closer_desk.store.planning import search_slots

    first_day = parse.parse_date(args.from_day, "from") if args.from_day else None
    if args.count < 1:
        raise ValidationError("count", "not_positive", args.count)
    with agenda_from(args) as agenda:
        found = search_slots(
            agenda,
            prospect=args.prospect,
            company=args.company,
            closer=args.closer,
            minutes=args.minutes,
            first_day=first_day,
            days=args.days,
            exclude_id=args.exclude,
            stretch=args.stretch,
        )
    if args.text:
        from closer_desk.core.proposal import proposal_text
        from closer_desk.core.slots import best_slots
        from closer_desk.core.zones import prospect_place_name

        language = args.lang or found.prospect.language
        chosen = best_slots(found.slots, args.count)
        if not chosen:
            print(f"no free slot in {args.days} day(s)")
            return 0
        p = found.prospect
        place = prospect_place_name(p.country, p.subdivision, p.zone, language)
        print(proposal_text(chosen, language, place=place))
        return 0
    if args.json:
        print_json(
            {
                "closer": found.closer.name,
                "prospect": found.prospect.name,
                "company": found.company.name if found.company else None,
                "minutes": found.minutes,
                "from": iso(found.start),
                "to": iso(found.end),
                "slots": [slot_json(s) for s in found.slots],
            }
        )
        return 0
    print_table(
        ("CLOSER TIME", "PROSPECT TIME", "FLAGS"),
        (
            (
                f"{local_text(s.closer_start)} {s.closer_zone}",
                f"{local_text(s.prospect_start)} {s.prospect_zone}",
                ",".join(sorted(f.value for f in s.flags)),
            )
            for s in found.slots
        ),
    )
    return 0


def _zones(args: argparse.Namespace) -> int:
    from closer_desk.core.zones import zones_for_city, zones_for_phone

    if bool(args.phone) == bool(args.city):
        raise ValidationError("zones", "phone_or_city", None)
    if args.phone:
        found = zones_for_phone(args.phone, args.country or "")
        if not found:
            raise ValidationError("phone", "no_zone_found", args.phone)
    else:
        found = zones_for_city(args.city)
        if not found:
            raise ValidationError("city", "no_zone_found", args.city)
    if args.json:
        print_json(list(found))
    else:
        for zone_key in found:
            print(zone_key)
    return 0


# -- closer rules ----------------------------------------------------------------------------
def _closer_rules_json(c: Closer) -> dict[str, Any]:
    from closer_desk.core import parse

    return {
        **closer_json(c),
        "overrides": [
            {"day": o.day, "hours": parse.format_intervals(o.intervals) or "off"}
            for o in c.overrides
        ],
        "travels": [
            {"first_day": t.first_day, "last_day": t.last_day, "zone": t.zone} for t in c.travels
        ],
    }


def _print_closer(args: argparse.Namespace, closer: Closer) -> int:
    data = _closer_rules_json(closer)
    if getattr(args, "json", False):
        print_json(data)
        return 0
    print(f"closer #{closer.id} {closer.name} ({closer.zone})")
    print(f"  hours: {data['hours']}")
    cap = "none" if closer.daily_cap is None else closer.daily_cap
    print(
        f"  buffers: {closer.buffer_before} min before, {closer.buffer_after} min after; "
        f"notice {closer.min_notice} min; daily cap {cap}"
    )
    for o in data["overrides"]:
        print(f"  override {o['day']}: {o['hours']}")
    for t in closer.travels:
        print(f"  travel {t.first_day} to {t.last_day}: {t.zone}")
    return 0


def _closer_hours(args: argparse.Namespace) -> int:
    from closer_desk.core import parse

    hours = parse.parse_weekly_hours(args.spec)
    with agenda_from(args) as agenda:
        closer = agenda.edit_closer(args.closer, hours=hours)
    return _print_closer(args, closer)


def _closer_override(args: argparse.Namespace) -> int:
    from closer_desk.core import parse

    day = parse.parse_date(args.day, "date")
    if args.hours is not None and not args.hours.strip():
        raise ValidationError("hours", "empty", args.hours)  # say "off" for a day off
    with agenda_from(args) as agenda:
        if args.hours is not None and args.hours.strip().lower() == "clear":
            closer = agenda.clear_override(args.closer, day)
        else:
            closer = agenda.set_override(
                args.closer, day, parse.parse_intervals(args.hours or "off")
            )
    return _print_closer(args, closer)


def _closer_travel(args: argparse.Namespace) -> int:
    from closer_desk.core import parse

    with agenda_from(args) as agenda:
        if args.clear:
            if args.first or args.last or args.zone:
                raise ValidationError("travel", "clear_alone", None)
            closer = agenda.clear_travels(args.closer)
        else:
            if not (args.first and args.last and args.zone):
                raise ValidationError("travel", "missing", None)
            closer = agenda.add_travel(
                args.closer,
                parse.parse_date(args.first, "first"),
                parse.parse_date(args.last, "last"),
                args.zone,
            )
    return _print_closer(args, closer)


def _closer_rules(args: argparse.Namespace) -> int:
    fields = {
        k: getattr(args, k)
        for k in ("buffer_before", "buffer_after", "min_notice", "daily_cap")
        if getattr(args, k) is not None
    }
    if "daily_cap" in fields and str(fields["daily_cap"]).strip().lower() in ("none", "off"):
        fields["daily_cap"] = None
    with agenda_from(args) as agenda:
        closer = agenda.edit_closer(args.closer, **fields) if fields else agenda.closer(args.closer)
    return _print_closer(args, closer)


def _closer_show(args: argparse.Namespace) -> int:
    with agenda_from(args) as agenda:
        closer = agenda.closer(args.closer)
    return _print_closer(args, closer)


def _verbs_of(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError("the closer command has no verbs")  # pragma: no cover - wiring error


def _register_closer_verbs(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    closer_parser = sub.choices.get("closer")
    if closer_parser is None:
        # ``slots`` or ``zones`` alone (cli.build_parser builds only the command's modules);
        # the whole tree registers directory_cmds first (tests/cli/test_imports.py).
        return
    verbs = _verbs_of(closer_parser)

    p = verbs.add_parser("hours", help="set a closer's weekly hours")
    p.add_argument("closer", help="#ID, id or name")
    p.add_argument("spec", help="e.g. 'mon-thu 09:00-12:00,14:00-18:00; fri 09:00-13:00'")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_closer_hours)

    p = verbs.add_parser("override", help="other hours on one date (off, or clear to go back)")
    p.add_argument("closer", help="#ID, id or name")
    p.add_argument("day", metavar="DATE", help="YYYY-MM-DD")
    p.add_argument(
        "hours", nargs="?", help="e.g. 10:00-12:00,14:00-16:00; 'off' (default) or 'clear'"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_closer_override)

    p = verbs.add_parser("travel", help="work from another zone for some dates")
    p.add_argument("closer", help="#ID, id or name")
    p.add_argument("first", nargs="?", metavar="FIRST", help="first date, YYYY-MM-DD")
    p.add_argument("last", nargs="?", metavar="LAST", help="last date (inclusive)")
    p.add_argument("--tz", dest="zone", help="the zone worked from")
    p.add_argument("--clear", action="store_true", help="remove every travel period")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_closer_travel)

    p = verbs.add_parser("rules", help="buffers, minimum notice and daily cap")
    p.add_argument("closer", help="#ID, id or name")
    p.add_argument("--buffer-before", dest="buffer_before", help="minutes kept free before a call")
    p.add_argument("--buffer-after", dest="buffer_after", help="minutes kept free after a call")
    p.add_argument("--notice", dest="min_notice", help="minimum notice in minutes")
    p.add_argument("--daily-cap", dest="daily_cap", help="most calls in a day ('none' for no cap)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_closer_rules)

    p = verbs.add_parser("show", help="a closer's hours, overrides, travels and rules")
    p.add_argument("closer", help="#ID, id or name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_closer_show)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``slots``, ``zones`` and the closer's rule verbs to the command tree."""
    p = sub.add_parser("slots", help="free slots for a call with a prospect")
    p.add_argument("--prospect", required=True, help="#ID, id or name")
    p.add_argument("--company", help="#ID, id or name (narrows the hours, sets the default length)")
    p.add_argument("--closer", help="#ID, id or name (default: the first closer)")
    p.add_argument("--minutes", help="call length (default: the company's, else 45)")
    p.add_argument(
        "--from", dest="from_day", metavar="DATE", help="first day, YYYY-MM-DD (default: today)"
    )
    p.add_argument("--days", default="14", help="how many days to search (default 14)")
    p.add_argument(
        "--exclude", type=call_id, metavar="ID", help="leave this call out (rescheduling it)"
    )
    p.add_argument(
        "--stretch",
        default="0",
        metavar="MINUTES",
        help="also look up to MINUTES (at most 180) outside each side's hours, flagged",
    )
    p.add_argument("--json", action="store_true")
    p.add_argument("--text", action="store_true", help="proposal text for the prospect")
    p.add_argument(
        "--lang", choices=PROPOSAL_LANGUAGES, help="proposal language (default: the prospect's)"
    )
    p.add_argument(
        "--count", type=int, default=3, help="how many slots the proposal offers (default 3)"
    )
    p.set_defaults(func=_slots)

    p = sub.add_parser("zones", help="suggest time zones from a phone number or a city")
    p.add_argument("--phone", help="phone number, international form")
    p.add_argument("--country", help="country code for a national phone number")
    p.add_argument("--city", help="city name, English or French")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_zones)

    _register_closer_verbs(sub)
