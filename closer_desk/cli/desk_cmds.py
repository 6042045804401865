"""``desk ID``: the call's desk on the command line (script with ticks, notes, the prospect's
private file and history), and ticking steps or writing notes during the call."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from closer_desk.cli._common import call_id, iso, local_text, one_command, print_json

if TYPE_CHECKING:
    from closer_desk.store.desk import CallDesk


def _result(a: Any) -> str:
    if a.outcome is not None:
        return str(a.outcome.value)
    return str(a.status.value)


def desk_json(desk: CallDesk) -> dict[str, Any]:
    """The ``desk --json`` document (local use only: it holds the private client file)."""
    from closer_desk.core.commission import commission

    a, p = desk.appointment, desk.prospect
    earned = commission(a, desk.company)
    return {
        "id": a.id,
        "company": desk.company.name,
        "prospect": p.name,
        "start": iso(a.start),
        "status": a.status.value,
        "outcome": a.outcome.value if a.outcome else None,
        "deal_value": a.deal_value,
        "currency": a.currency or None,
        "commission": earned.amount if earned else None,
        "script": [{"step": s.index + 1, "text": s.text, "ticked": s.ticked} for s in desk.script],
        "notes": a.notes,
        "file": {
            "temperature": p.temperature.value,
            "need": p.need,
            "motivations": p.motivations,
            "blockages": p.blockages,
            "notes": p.notes,
        },
        "history": [
            {
                "id": c.id,
                "start": iso(c.start),
                "company_id": c.company_id,
                "result": _result(c),
                "deal_value": c.deal_value,
                "currency": c.currency or None,
                "previous_id": c.previous_id,
            }
            for c in desk.history
        ],
    }


def _print(desk: CallDesk, zone: str) -> None:
    from closer_desk.core import tz

    a, p = desk.appointment, desk.prospect
    print(f"#{a.id} {desk.company.name} with {p.name}, {local_text(tz.convert(a.start, zone))}")
    print(f"status: {_result(a)}")
    print("\nClosing script:")
    for s in desk.script:
        print(f"  [{'x' if s.ticked else ' '}] {s.index + 1}. {s.text}")
    if not desk.script:
        print("  (this company has no script)")
    print("\nCall notes (private):")
    print("  " + (a.notes.replace("\n", "\n  ") or "-"))
    print("\nProspect's file (private, never in an invite or export):")
    for label, value in (
        ("temperature", p.temperature.value),
        ("need", p.need),
        ("motivations", p.motivations),
        ("blockages", p.blockages),
        ("notes", p.notes),
    ):
        print(f"  {label}: {value or '-'}")
    print("\nCalls with this prospect:")
    for c in desk.history:
        deal = f" {c.deal_value} {c.currency}" if c.deal_value is not None else ""
        mark = "*" if c.id == a.id else " "
        print(f" {mark}#{c.id} {local_text(tz.convert(c.start, zone))} {_result(c)}{deal}")


def _desk(args: argparse.Namespace) -> int:
    from closer_desk.core.errors import ValidationError
    from closer_desk.store.desk import call_desk, set_call_notes, set_tick

    with one_command(args) as agenda:
        current = call_desk(agenda, args.id)
        changes = [(n, True) for n in args.tick] + [(n, False) for n in args.untick]
        # Every step is checked before any is written: bad input changes nothing.
        for step, _ticked in changes:
            if step < 1 or step > len(current.script):
                raise ValidationError("step", "out_of_range", step)
        for step, ticked in changes:
            set_tick(agenda, current.appointment.id, step - 1, ticked)
        if args.notes is not None:
            set_call_notes(agenda, current.appointment.id, args.notes)
        desk = call_desk(agenda, args.id)
        zone = agenda.closer(desk.appointment.closer_id).zone
    if args.json:
        print_json(desk_json(desk))
    else:
        _print(desk, zone)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``desk`` to the command tree."""
    p = sub.add_parser("desk", help="a call's script, notes, prospect file and history")
    p.add_argument("id", type=call_id, help="the call, 12 or #12")
    p.add_argument("--tick", type=int, action="append", default=[], metavar="STEP")
    p.add_argument("--untick", type=int, action="append", default=[], metavar="STEP")
    p.add_argument("--notes", help="replace the call's private notes")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_desk)
