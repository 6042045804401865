"""``backup list|now|restore FILE``: the agenda's daily copies and putting one back."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from closer_desk.cli._common import path_arg, print_json, print_table
from closer_desk.core.errors import ValidationError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``backup`` command."""
    backup = subparsers.add_parser("backup", help="list, take or restore backups of the agenda")
    actions = backup.add_subparsers(dest="action", metavar="ACTION", parser_class=type(backup))
    listing = actions.add_parser("list", help="the backups, newest first")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(func=_list)
    now = actions.add_parser("now", help="back the agenda up now (replaces today's backup)")
    now.set_defaults(func=_now)
    restore = actions.add_parser(
        "restore", help="replace the agenda by a backup (the replaced file is kept aside)"
    )
    restore.add_argument(
        "file", metavar="FILE", type=path_arg, help="a backup file, or its name from 'backup list'"
    )
    restore.set_defaults(func=_restore)
    backup.set_defaults(func=_list, json=False)


def _agenda_path(args: argparse.Namespace) -> Path:
    # Not through open_agenda: restoring must work on a file too damaged to open.
    from closer_desk.store.db import default_db_path

    return Path(args.db).expanduser() if args.db else default_db_path()


def _list(args: argparse.Namespace) -> int:
    from closer_desk.store import durability

    backups = durability.list_backups(_agenda_path(args))
    if args.json:
        print_json(
            [
                {"file": str(b.path), "day": b.day, "label": b.label or None, "bytes": b.size}
                for b in backups
            ]
        )
    else:
        print_table(
            ("DAY", "KIND", "SIZE", "FILE"),
            ((b.day, b.label or "daily", _size(b.size), b.path) for b in backups),
        )
    return 0


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def _now(args: argparse.Namespace) -> int:
    from closer_desk.store import durability

    path = _agenda_path(args)
    if not path.is_file():
        raise ValidationError("db", "no_agenda", str(path))
    clock = getattr(args, "clock", None)
    made = durability.backup_now(path, (clock() if clock else datetime.now()).date())
    print(made)
    return 0


def _restore(args: argparse.Namespace) -> int:
    from closer_desk.store import durability

    path = _agenda_path(args)
    chosen = Path(args.file).expanduser()
    if not chosen.is_file() and chosen.parent == Path("."):
        chosen = durability.backup_dir(path) / chosen.name
    if not chosen.is_file():
        raise ValidationError("file", "no_backup", args.file)
    # Checked here, not only by restore_from_backup: its error speaks of a damaged agenda,
    # while what is wrong is the file the user chose.
    if durability.check(chosen, full=True) or not durability.holds_an_agenda(chosen):
        raise ValidationError("file", "bad_backup", args.file)
    kept = durability.restore_from_backup(path, chosen)
    if kept != path:
        print(f"restored {chosen}; the replaced agenda was kept as {kept}")
    else:
        print(f"restored {chosen}")
    return 0
