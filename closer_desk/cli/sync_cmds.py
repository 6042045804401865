"""``sync`` (setup, status, resolve) and ``subscribe``: sharing calls through CalDAV.

The CalDAV stack (``caldav``, ``niquests``) and ``keyring`` are imported inside the commands:
every other command starts without them.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from closer_desk.cli._common import agenda_from, iso, print_json, print_table
from closer_desk.cli.sync_words import FIELDS, REFUSALS, problem_text


def _password(user: str, url: str) -> str | None:
    """The password for ``sync setup --user``: $CLOSER_DESK_SYNC_PASSWORD, else asked on the
    terminal (never on the command line, where other users' ``ps`` would see it)."""
    from closer_desk.store.sync.api import ENV_PASSWORD

    if not user:
        return None
    if os.environ.get(ENV_PASSWORD):
        return os.environ[ENV_PASSWORD]
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"password for {user} at {url}: ") or None
    return None


def _setup(args: argparse.Namespace) -> int:
    from closer_desk.store.sync import api

    user = (args.user or "").strip()
    with agenda_from(args) as agenda:
        done = api.set_up(
            agenda,
            args.closer,
            args.url,
            username=user,
            password=_password(user, args.url),
            timeout=args.timeout,
        )
    account = done.account
    right = {True: "read and write", False: "read only", None: "rights not told"}[account.can_write]
    made = " (calendar created)" if done.created else ""
    print(f"{account.closer}'s calls are shared with {account.url}{made}: {right}")
    if done.password_in == "env":
        print(
            f"no safe keyring here: the password is read from {api.ENV_PASSWORD} at each sync",
            file=sys.stderr,
        )
    return 0


def _conflict_line(c: Any) -> str:
    names = ", ".join(FIELDS.get(f, f) for f in c.fields)
    which = f"#{c.appointment_id}" if c.appointment_id else c.uid
    return (
        f"conflict on call {which} ({names} changed on both sides): this agenda's version is "
        f"kept; choose with 'closer-desk sync resolve {c.appointment_id or c.uid} "
        "--keep mine|theirs'"
    )


def _flag_lines(agenda: Any, closer_id: int) -> list[str]:
    from closer_desk.core.sync.overlaps import Flag
    from closer_desk.store.sync import api

    lines = []
    for f in api.flags(agenda, closer_id):
        if f.flag == Flag.REBOOK:
            lines.append(
                f"call #{f.appointment_id} overlaps call #{f.other_id}, booked before it: to rebook"
            )
        else:
            lines.append(f"call #{f.appointment_id} overlaps a call booked after it")
    return lines


def _sync(args: argparse.Namespace) -> int:
    from closer_desk.store.sync import api

    with agenda_from(args) as agenda:
        reports = api.sync(
            agenda, args.closer, timeout=args.timeout, force_delete=args.force_delete
        )
        waiting = api.conflicts(agenda, args.closer)
        flag_lines = {r.closer: _flag_lines(agenda, agenda.closer(r.closer).id) for r in reports}
    if args.json:
        out = []
        for r in reports:
            data = r.as_dict()
            data["conflict_calls"] = [
                {"id": c.appointment_id, "uid": c.uid, "fields": list(c.fields)}
                for c in waiting
                if c.closer == r.closer
            ]
            out.append(data)
        print_json(out)
    else:
        for r in reports:
            print(
                f"{r.closer}: {r.pushed} pushed, {r.pulled} pulled, {r.merged} merged, "
                f"{len(r.conflicts)} conflicts"
            )
            for c in waiting:
                if c.closer == r.closer:
                    print(f"  {_conflict_line(c)}")
            for line in flag_lines[r.closer]:
                print(f"  {line}")
            for refused in r.refused:
                reason = REFUSALS.get(refused.code, refused.code).format(detail=refused.detail)
                print(f"  left out {refused.href}: {reason}")
            if r.foreign:
                print(f"  {r.foreign} events of the calendar are not closer_desk calls: left alone")
            for s in r.subscriptions:
                if s.error:
                    print(f"  subscription {s.label}: not refreshed, {problem_text(s.error)}")
                else:
                    print(
                        f"  subscription {s.label}: {s.events} events, {s.added} added, "
                        f"{s.updated} updated, {s.cancelled} removed"
                    )
    stopped = [r for r in reports if r.stopped is not None]
    for r in stopped:
        assert r.stopped is not None
        print(
            f"closer-desk: {r.closer}: {r.held} changes not sent: {problem_text(r.stopped)}",
            file=sys.stderr,
        )
    return 1 if stopped else 0


def _status(args: argparse.Namespace) -> int:
    from closer_desk.store.sync import api
    from closer_desk.store.sync.subscriptions import subscriptions

    with agenda_from(args) as agenda:
        states = api.states(agenda)
        subs = subscriptions(agenda)
    if args.json:
        print_json(
            [
                {
                    "closer": s.account.closer,
                    "url": s.account.url,
                    "user": s.account.username or None,
                    "can_write": s.account.can_write,
                    "last_sync": iso(s.account.last_sync) if s.account.last_sync else None,
                    "last_error": s.account.last_error or None,
                    "pending": s.pending,
                    "conflicts": [
                        {"id": c.appointment_id, "uid": c.uid, "fields": list(c.fields)}
                        for c in s.conflicts
                    ],
                    "flags": [
                        {"id": f.appointment_id, "flag": f.flag.value, "other": f.other_id}
                        for f in s.flags
                    ],
                    "subscriptions": [
                        {
                            "url": b.url,
                            "label": b.label,
                            "last_refresh": iso(b.last_refresh) if b.last_refresh else None,
                            "last_error": b.last_error or None,
                            "events": b.last_count,
                        }
                        for b in subs
                        if b.closer_id == s.account.closer_id
                    ],
                }
                for s in states
            ]
        )
        return 0
    print_table(
        ("CLOSER", "CALENDAR", "ACCESS", "LAST SYNC", "PENDING", "CONFLICTS", "FLAGGED", "ERROR"),
        (
            (
                s.account.closer,
                s.account.url,
                {True: "read-write", False: "read-only", None: "?"}[s.account.can_write],
                iso(s.account.last_sync) if s.account.last_sync else "never",
                s.pending,
                len(s.conflicts),
                len(s.flags),
                problem_text(s.account.last_error) if s.account.last_error else "",
            )
            for s in states
        ),
    )
    if subs:
        print()
        print_table(
            ("CLOSER", "SUBSCRIPTION", "URL", "LAST REFRESH", "EVENTS", "ERROR"),
            (
                (
                    b.closer,
                    b.label,
                    b.url,
                    iso(b.last_refresh) if b.last_refresh else "never",
                    b.last_count,
                    problem_text(b.last_error) if b.last_error else "",
                )
                for b in subs
            ),
        )
    return 0


def _resolve(args: argparse.Namespace) -> int:
    from closer_desk.store.sync import api

    with agenda_from(args) as agenda:
        appointment_id = api.resolve(agenda, args.call, args.keep)
    then = (
        "it goes to the server at the next sync"
        if args.keep == "mine"
        else "the server's version is applied"
    )
    print(f"call #{appointment_id}: kept {args.keep}; {then}")
    return 0


def _subscribe(args: argparse.Namespace) -> int:
    from closer_desk.store.sync.api import ENV_PASSWORD
    from closer_desk.store.sync.subscriptions import subscribe

    user = (args.user or "").strip()
    # A password from the environment is read there at each refresh, not copied into the
    # keyring (where it would outlive a change of the variable); a typed one is kept.
    typed = None if os.environ.get(ENV_PASSWORD) else _password(user, args.url)
    with agenda_from(args) as agenda:
        closer = agenda.closer(args.closer)
        done = subscribe(
            agenda,
            args.url,
            closer.id,
            label=args.name or "",
            username=user,
            password=typed,
            timeout=args.timeout,
        )
    if args.json:
        print_json(done.as_dict())
    else:
        print(
            f"{closer.name} subscribed to {done.label}: {done.events} events read, "
            f"{done.added} added, {done.updated} updated as busy time; refreshed by each sync"
        )
    if done.password_in == "env":
        print(
            f"no safe keyring here: the password is read from {ENV_PASSWORD} at each sync",
            file=sys.stderr,
        )
    return 0


def _timeout(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout", type=float, default=30.0, help="seconds to wait for the server (default 30)"
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``sync`` and ``subscribe`` to the command tree."""
    p = sub.add_parser("sync", help="share calls with each closer's CalDAV calendar")
    p.add_argument("--closer", help="only this closer (default: every synced closer)")
    p.add_argument(
        "--force-delete",
        action="store_true",
        help="when one side became empty, empty the other too (vdirsyncer's force_delete)",
    )
    p.add_argument("--json", action="store_true")
    _timeout(p)
    p.set_defaults(func=_sync)
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))

    s = actions.add_parser("setup", help="share a closer's calls with a CalDAV calendar")
    s.add_argument("--closer", required=True, help="closer id or name")
    s.add_argument("--url", required=True, help="the calendar's URL")
    s.add_argument("--user", help="user name (none for a server without authentication)")
    _timeout(s)
    s.set_defaults(func=_setup)

    s = actions.add_parser("status", help="last sync, pending changes, conflicts per closer")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=_status)

    s = actions.add_parser("resolve", help="settle a conflict: keep mine or theirs")
    s.add_argument("call", help="the call's id (or UID)")
    s.add_argument("--keep", required=True, choices=("mine", "theirs"))
    s.set_defaults(func=_resolve)

    p = sub.add_parser("subscribe", help="another calendar as a closer's busy time")
    p.add_argument("url", help="a read-only CalDAV calendar or an https .ics address")
    p.add_argument("--closer", required=True, help="closer id or name")
    p.add_argument("--name", help="a label for it (default: the address's host)")
    p.add_argument("--user", help="user name, if the calendar needs one")
    p.add_argument("--json", action="store_true")
    _timeout(p)
    p.set_defaults(func=_subscribe)
