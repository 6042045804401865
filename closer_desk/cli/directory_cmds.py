"""``company``, ``prospect`` and ``closer`` sub-commands: add, list, edit."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from closer_desk.cli._common import agenda_from, print_json, print_table

if TYPE_CHECKING:
    from closer_desk.core.model import Closer, Company, Prospect

_Item = TypeVar("_Item")


def _company_json(c: Company) -> dict[str, Any]:
    from closer_desk.core import parse

    return {
        "id": c.id,
        "name": c.name,
        "color": c.color,
        "commission_rate": c.commission_rate,
        "default_kind": c.default_kind.value,
        "default_minutes": c.default_minutes,
        "default_video_url": c.default_video_url,
        "zone": c.zone,
        "country": c.country,
        "hours": parse.format_weekly_hours(c.hours) if c.hours else None,
    }


def _prospect_json(p: Prospect) -> dict[str, Any]:
    from closer_desk.core import parse

    # The private client file (need, motivations, blockages, notes) is left out of listings.
    return {
        "id": p.id,
        "name": p.name,
        "organisation": p.organisation,
        "email": p.email,
        "phone": p.phone,
        "country": p.country,
        "subdivision": p.subdivision,
        "zone": p.zone,
        "language": p.language,
        "temperature": p.temperature.value,
        "hours": parse.format_weekly_hours(p.hours) if p.hours else None,
    }


def closer_json(c: Closer) -> dict[str, Any]:
    """A closer for ``--json``: zone, weekly hours and booking rules."""
    from closer_desk.core import parse

    return {
        "id": c.id,
        "name": c.name,
        "email": c.email,
        "zone": c.zone,
        "hours": parse.format_weekly_hours(c.hours),
        "buffer_before": c.buffer_before,
        "buffer_after": c.buffer_after,
        "min_notice": c.min_notice,
        "daily_cap": c.daily_cap,
    }


def _fields(
    args: argparse.Namespace, names: tuple[str, ...], *, new_name: bool = False
) -> dict[str, Any]:
    fields = {n: getattr(args, n) for n in names if getattr(args, n, None) is not None}
    if new_name and args.new_name is not None:  # --name "" is refused, not ignored
        fields["name"] = args.new_name
    return fields


# -- company ---------------------------------------------------------------------------------
_COMPANY_OPTS = (
    "color",
    "commission_rate",
    "default_kind",
    "default_minutes",
    "default_video_url",
    "zone",
    "country",
    "script",
)


def _company_options(p: argparse.ArgumentParser, require_zone: bool) -> None:
    p.add_argument("--color", help="#rrggbb")
    p.add_argument(
        "--rate",
        dest="commission_rate",
        help="commission, always a percentage: 15 or 15%% is fifteen percent, 1.5 is one and "
        "a half percent (0 to 100, two decimals at most)",
    )
    p.add_argument(
        "--kind", dest="default_kind", choices=("phone", "video"), help="default call kind"
    )
    p.add_argument("--minutes", dest="default_minutes", type=str, help="default call length")
    p.add_argument("--url", dest="default_video_url", help="default video link (https only)")
    p.add_argument("--tz", dest="zone", required=require_zone, help="the company's zone")
    p.add_argument("--country", help="ISO country code")
    p.add_argument("--script", help="the closing script (one step per line)")
    p.add_argument("--hours", help="hours for this company's calls, e.g. 'mon-fri 09:00-17:00'")


def _hours_edit(text: str | None, clear_words: tuple[str, ...]) -> Any:
    """``--hours`` on edit: False leaves them, None clears them (one of ``clear_words``);
    ``--hours ""`` is refused (``parse_weekly_hours``), not read as "leave them"."""
    from closer_desk.core import parse

    if text is None:
        return False
    if text.strip().lower() in clear_words:
        return None
    return parse.parse_weekly_hours(text)


def _listing(
    args: argparse.Namespace,
    items: Sequence[_Item],
    as_json: Callable[[_Item], dict[str, Any]],
    headers: tuple[str, ...],
    row: Callable[[_Item], tuple[Any, ...]],
) -> int:
    if args.json:
        print_json([as_json(i) for i in items])
    else:
        print_table(headers, (row(i) for i in items))
    return 0


def _added(args: argparse.Namespace, verb: str, noun: str, item: Any, as_json: Any) -> int:
    if args.json:
        print_json(as_json(item))
    else:
        print(f"{verb} {noun} #{item.id} {item.name}")
    return 0


def _company_add(args: argparse.Namespace) -> int:
    from closer_desk.core import parse

    hours = parse.parse_weekly_hours(args.hours) if args.hours is not None else None
    with agenda_from(args) as agenda:
        company = agenda.add_company(args.name, hours=hours, **_fields(args, _COMPANY_OPTS))
    return _added(args, "added", "company", company, _company_json)


def _company_edit(args: argparse.Namespace) -> int:
    fields = _fields(args, _COMPANY_OPTS, new_name=True)
    hours = _hours_edit(args.hours, ("off", "none", "any"))
    with agenda_from(args) as agenda:
        company = agenda.edit_company(args.company, hours=hours, **fields)
    return _added(args, "updated", "company", company, _company_json)


def _company_list(args: argparse.Namespace) -> int:
    with agenda_from(args) as agenda:
        items = agenda.companies()
    return _listing(
        args,
        items,
        _company_json,
        ("ID", "NAME", "RATE", "KIND", "MIN", "ZONE", "COLOR"),
        lambda c: (
            c.id,
            c.name,
            f"{c.commission_rate * 100:.1f}%",
            c.default_kind.value,
            c.default_minutes,
            c.zone,
            c.color,
        ),
    )


# -- prospect --------------------------------------------------------------------------------
_PROSPECT_OPTS = (
    "organisation",
    "email",
    "phone",
    "country",
    "subdivision",
    "zone",
    "language",
    "temperature",
    "need",
    "motivations",
    "blockages",
    "notes",
)


def _prospect_options(p: argparse.ArgumentParser, require_zone: bool) -> None:
    p.add_argument(
        "--tz",
        dest="zone",
        required=require_zone,
        help="the prospect's IANA zone (Windows names accepted)",
    )
    p.add_argument("--org", dest="organisation", help="their organisation")
    p.add_argument("--email")
    p.add_argument("--phone", help="phone number, international form preferred")
    p.add_argument("--country", help="ISO country code (holidays, weekend, phone format)")
    p.add_argument("--subdivision", help="region code for regional holidays (QC, NY...)")
    p.add_argument("--lang", dest="language", help="language for proposals: fr, en")
    p.add_argument("--temperature", choices=("hot", "warm", "cold"))
    p.add_argument("--need", help="private: what they need")
    p.add_argument("--motivations", help="private: why they would buy")
    p.add_argument("--blockages", help="private: what holds them back")
    p.add_argument("--notes", help="private notes")
    p.add_argument("--hours", help="business hours in their zone, e.g. 'mon-fri 08:30-17:00'")


def _prospect_add(args: argparse.Namespace) -> int:
    from closer_desk.core import parse

    hours = parse.parse_weekly_hours(args.hours) if args.hours is not None else None
    with agenda_from(args) as agenda:
        prospect = agenda.add_prospect(
            args.name, hours=hours, force=args.force, **_fields(args, _PROSPECT_OPTS)
        )
    return _added(args, "added", "prospect", prospect, _prospect_json)


def _prospect_edit(args: argparse.Namespace) -> int:
    fields = _fields(args, _PROSPECT_OPTS, new_name=True)
    hours = _hours_edit(args.hours, ("default",))
    with agenda_from(args) as agenda:
        prospect = agenda.edit_prospect(args.prospect, hours=hours, **fields)
    return _added(args, "updated", "prospect", prospect, _prospect_json)


def _prospect_list(args: argparse.Namespace) -> int:
    with agenda_from(args) as agenda:
        items = agenda.prospects(args.search or "")
    return _listing(
        args,
        items,
        _prospect_json,
        ("ID", "NAME", "ORGANISATION", "ZONE", "COUNTRY", "LANG", "PHONE", "TEMP"),
        lambda p: (
            p.id,
            p.name,
            p.organisation,
            p.zone,
            p.country,
            p.language,
            p.phone,
            p.temperature.value,
        ),
    )


# -- closer ----------------------------------------------------------------------------------
_CLOSER_OPTS = ("email", "zone", "buffer_before", "buffer_after", "min_notice", "daily_cap")


def _closer_options(p: argparse.ArgumentParser, require_zone: bool) -> None:
    p.add_argument("--tz", dest="zone", required=require_zone, help="home zone")
    p.add_argument("--email")
    p.add_argument(
        "--hours", help="working hours, e.g. 'mon-thu 09:00-12:00,14:00-18:00; fri 09:00-13:00'"
    )
    p.add_argument("--buffer-before", dest="buffer_before", help="minutes kept free before a call")
    p.add_argument("--buffer-after", dest="buffer_after", help="minutes kept free after a call")
    p.add_argument("--notice", dest="min_notice", help="minimum notice in minutes")
    p.add_argument("--daily-cap", dest="daily_cap", help="most calls in a day")


def _closer_add(args: argparse.Namespace) -> int:
    from closer_desk.core import parse

    hours = parse.parse_weekly_hours(args.hours) if args.hours is not None else None
    with agenda_from(args) as agenda:
        closer = agenda.add_closer(args.name, hours=hours, **_fields(args, _CLOSER_OPTS))
    return _added(args, "added", "closer", closer, closer_json)


def _closer_edit(args: argparse.Namespace) -> int:
    from closer_desk.core import parse

    fields = _fields(args, _CLOSER_OPTS, new_name=True)
    # A closer always has hours: there is nothing to clear them to.
    hours = parse.parse_weekly_hours(args.hours) if args.hours is not None else None
    with agenda_from(args) as agenda:
        closer = agenda.edit_closer(args.closer, hours=hours, **fields)
    return _added(args, "updated", "closer", closer, closer_json)


def _closer_list(args: argparse.Namespace) -> int:
    from closer_desk.core import parse

    with agenda_from(args) as agenda:
        items = agenda.closers()
    return _listing(
        args,
        items,
        closer_json,
        ("ID", "NAME", "ZONE", "HOURS", "EMAIL"),
        lambda c: (c.id, c.name, c.zone, parse.format_weekly_hours(c.hours), c.email),
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``company``, ``prospect`` and ``closer`` to the command tree."""
    for noun, plural, options, add, edit, listing in (
        ("company", "companies", _company_options, _company_add, _company_edit, _company_list),
        ("prospect", "prospects", _prospect_options, _prospect_add, _prospect_edit, _prospect_list),
        ("closer", "closers", _closer_options, _closer_add, _closer_edit, _closer_list),
    ):
        parser = sub.add_parser(noun, help=f"add, list or edit {plural}")
        verbs = parser.add_subparsers(
            dest="verb", metavar="VERB", required=True, parser_class=type(parser)
        )
        p_add = verbs.add_parser("add", help=f"add a {noun}")
        p_add.add_argument("name")
        options(p_add, noun != "company")  # a company's zone is never required
        if noun == "prospect":
            p_add.add_argument(
                "--force",
                action="store_true",
                help="add them even if a prospect already has this name (case and accents "
                "ignored); tell them apart by #ID",
            )
        p_add.add_argument("--json", action="store_true")
        p_add.set_defaults(func=add)
        p_edit = verbs.add_parser("edit", help=f"change a {noun}")
        p_edit.add_argument(noun, help="#ID, id or name")
        p_edit.add_argument("--name", dest="new_name", help="new name")
        options(p_edit, False)
        p_edit.add_argument("--json", action="store_true")
        p_edit.set_defaults(func=edit)
        p_list = verbs.add_parser("list", help=f"list {plural}")
        if noun == "prospect":
            p_list.add_argument(
                "--search", help="part of a name or organisation (case and accents ignored)"
            )
        p_list.add_argument("--json", action="store_true")
        p_list.set_defaults(func=listing)
