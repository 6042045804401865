"""``report`` (outcomes, revenue and commission per company and currency) and ``pipeline``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from closer_desk.cli._common import (
    add_booking_options,
    add_fold_option,
    agenda_from,
    call_id,
    closer_or_none,
    iso,
    print_json,
    print_table,
)
from closer_desk.cli.mail_cmds import add_send_option
from closer_desk.core.errors import ValidationError
from closer_desk.core.timerange import check_in_range

if TYPE_CHECKING:
    from decimal import Decimal

    from closer_desk.core.pipeline import PipelineItem
    from closer_desk.core.reports import Group, Money, Month, Tally
    from closer_desk.store.reports import DeskReport

_NO_SHOW_SENTENCE = (
    "Conversion = won / calls held; no-shows are not calls held and are left out of it "
    "(booked conversion = won / (calls held + no-shows))."
)


def _month(text: str) -> Month:
    from closer_desk.core.reports import Month

    try:
        month = Month.parse(text)
    except ValueError as exc:
        raise ValidationError("month", "bad_month", text) from exc
    check_in_range(month.first_day(), "month")
    return month


def _percent(value: Decimal | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def _tally_json(tally: Tally) -> dict[str, Any]:
    return {
        "calls_held": tally.calls_held,
        "no_shows": tally.no_shows,
        "won": tally.won,
        "lost": tally.lost,
        "follow_ups": tally.follow_ups,
        "conversion": tally.conversion,
        "booked_conversion": tally.booked_conversion,
    }


def _money_json(money: tuple[Money, ...]) -> list[dict[str, Any]]:
    return [
        {"currency": m.currency, "deals": m.deals, "revenue": m.revenue, "commission": m.commission}
        for m in money
    ]


def _group_json(group: Group, key: str) -> dict[str, Any]:
    return {key: group.key, **_tally_json(group.tally), "money": _money_json(group.money)}


def report_json(desk: DeskReport) -> dict[str, Any]:
    """The ``report --json`` document (decimals as strings, no currency ever converted)."""
    from closer_desk.core.reports import NO_SHOW_POLICY

    report = desk.report
    total = report.total()
    return {
        "closer": desk.closer.name,
        "zone": report.zone,
        "months": [str(m) for m in report.months],
        "no_show_policy": NO_SHOW_POLICY,
        "totals": {**_tally_json(total.tally), "money": _money_json(total.money)},
        "companies": [_group_json(g, "company") for g in report.by_company()],
        "by_month": [_group_json(g, "month") for g in report.by_month()],
        "lines": [
            {
                "month": str(line.month),
                "company": line.company_name,
                **_tally_json(line.tally),
                "money": _money_json(line.money),
            }
            for line in report.lines
        ],
        "week": {
            "monday": desk.week.monday,
            "booked_minutes": desk.week.booked_minutes,
            "planned_minutes": desk.week.planned_minutes,
            "share": desk.week.share,
        },
    }


def _hours(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d}" if minutes % 60 else f"{minutes // 60} h"


def _print_report(desk: DeskReport) -> None:
    from closer_desk.core.reports import Group

    report = desk.report
    months = ", ".join(str(m) for m in report.months)
    print(f"Results of {desk.closer.name} for {months} (months in {report.zone})")
    print(_NO_SHOW_SENTENCE)
    print()
    groups = [*report.by_company(), Group("TOTAL", report.total().tally, ())]
    print_table(
        ("COMPANY", "HELD", "NO-SHOWS", "WON", "LOST", "FOLLOW-UPS", "CONVERSION", "BOOKED CONV."),
        (
            (
                g.key,
                g.tally.calls_held,
                g.tally.no_shows,
                g.tally.won,
                g.tally.lost,
                g.tally.follow_ups,
                _percent(g.tally.conversion),
                _percent(g.tally.booked_conversion),
            )
            for g in groups
        ),
    )
    print()
    money_rows = [
        (g.key, m.currency, m.deals, f"{m.revenue:,.2f}", f"{m.commission:,.2f}")
        for g in report.by_company()
        for m in g.money
    ]
    money_rows += [
        ("TOTAL", m.currency, m.deals, f"{m.revenue:,.2f}", f"{m.commission:,.2f}")
        for m in report.total().money
    ]
    print_table(("COMPANY", "CURRENCY", "DEALS", "REVENUE", "COMMISSION"), money_rows)
    if len(report.months) > 1:
        print()
        month_rows: list[tuple[Any, ...]] = []
        for g in report.by_month():
            t = g.tally
            counts = (g.key, t.calls_held, t.no_shows, t.won, _percent(t.conversion))
            if not g.money:
                month_rows.append((*counts, "-", "", ""))
            for n, m in enumerate(g.money):
                money = (m.currency, f"{m.revenue:,.2f}", f"{m.commission:,.2f}")
                month_rows.append((*(counts if n == 0 else ("",) * 5), *money))
        print_table(
            ("MONTH", "HELD", "NO-SHOWS", "WON", "CONVERSION", "CURRENCY", "REVENUE", "COMMISSION"),
            month_rows,
        )
    week = desk.week
    print()
    print(
        f"Booked this week (from {week.monday}): {_hours(week.booked_minutes)} of "
        f"{_hours(week.planned_minutes)} planned ({_percent(week.share)})"
    )


def _report(args: argparse.Namespace) -> int:
    from closer_desk.store.reports import current_month, load_report

    if args.months < 1 or args.months > 36:
        raise ValidationError("months", "out_of_range", args.months)
    with agenda_from(args) as agenda:
        last = _month(args.month) if args.month else current_month(agenda, args.closer)
        desk = load_report(agenda, last.back(args.months), args.closer)
    if args.json:
        print_json(report_json(desk))
    else:
        _print_report(desk)
    return 0


def _item_json(item: PipelineItem) -> dict[str, Any]:
    last = item.last_call
    return {
        "kind": item.kind.value,
        "prospect_id": item.prospect.id,
        "prospect": item.prospect.name,
        "temperature": item.prospect.temperature.value,
        "zone": item.prospect.zone,
        "last_call": None
        if last is None
        else {"id": last.id, "start": iso(last.start), "status": last.status.value},
    }


def _pipeline(args: argparse.Namespace) -> int:
    from closer_desk.core import tz
    from closer_desk.store.pipeline import load_pipeline

    with agenda_from(args) as agenda:
        items = load_pipeline(agenda)
        closer = closer_or_none(agenda, None)
        zone = closer.zone if closer else "UTC"
    if args.json:
        print_json([_item_json(i) for i in items])
        return 0
    labels = {"hot-no-call": "hot, no call", "follow-up-due": "follow-up due", "no-show": "no-show"}
    print_table(
        ("WAITING", "PROSPECT ID", "PROSPECT", "TEMP.", "LAST CALL", f"WHEN ({zone})"),
        (
            (
                labels[i.kind.value],
                i.prospect.id,
                i.prospect.name,
                i.prospect.temperature.value,
                f"#{i.last_call.id}" if i.last_call else "-",
                f"{tz.convert(i.last_call.start, zone):%Y-%m-%d %H:%M}" if i.last_call else "-",
            )
            for i in items
        ),
    )
    return 0


def _rebook(args: argparse.Namespace) -> int:
    from closer_desk.cli._common import (
        agenda_from,
        aware_start,
        check_booking,
        local_text,
        minutes_option,
        print_warnings,
        show_times_in,
    )
    from closer_desk.cli.mail_cmds import announcing
    from closer_desk.core import tz
    from closer_desk.store.desk import book_next_call

    with agenda_from(args) as agenda:
        with agenda.batch(), announcing(args, agenda) as announce:
            previous = agenda.appointment(args.id)
            show_times_in(args, agenda.closer(previous.closer_id).zone)
            start = aware_start(args.start, args.tz or previous.zone, args.fold)
            minutes = minutes_option(args)
            booked = book_next_call(agenda, previous.id, start, minutes=minutes, force=args.force)
            warnings = check_booking(args, agenda, booked)
            announce(booked)
            closer = agenda.closer(booked.closer_id)
        if args.json:
            print_json(
                {
                    "id": booked.id,
                    "previous_id": booked.previous_id,
                    "start": iso(booked.start),
                    "minutes": booked.minutes,
                }
            )
        else:
            when = local_text(tz.convert(booked.start, closer.zone))
            print(f"booked #{booked.id} after #{previous.id}: {when} {closer.zone}")
        print_warnings(warnings)
        return announce.send()


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``report`` and ``pipeline`` to the command tree."""
    p = sub.add_parser("report", help="outcomes, revenue and commission per company")
    p.add_argument("--month", help="YYYY-MM, in the closer's zone (default: this month)")
    p.add_argument(
        "--months", type=int, default=1, help="how many months up to --month (default 1)"
    )
    p.add_argument("--closer", help="closer #ID, id or name (default: the first closer)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_report)

    p = sub.add_parser("rebook", help="book the next call after a follow-up or a no-show")
    p.add_argument("id", type=call_id, help="the earlier call, 12 or #12")
    p.add_argument("--start", required=True, help="'YYYY-MM-DD HH:MM' wall time")
    p.add_argument("--tz", help="zone of --start (default: the zone of the earlier call)")
    p.add_argument("--minutes", help="length (default: the earlier call's)")
    add_booking_options(p)
    add_fold_option(p)
    add_send_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_rebook)

    p = sub.add_parser("pipeline", help="hot prospects without a call, follow-ups, no-shows")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_pipeline)
