"""The command line: the same store and core as the window, for scripts and assistants.

Each sub-command lives in a module of this package that exposes ``register(subparsers)``;
the modules and the commands each registers are listed in ``COMMANDS``: a command builds only
its own module's parsers, ``--help`` and an unknown word build them all. A command module
imports the store and the heavier parts of core inside its handlers, not at its top, so that
``--version``, ``--help`` and a usage error load neither (tests/cli/test_imports.py holds every
module to it). Exit status: 0 ok, 2 bad input, 1 anything else;
errors go to stderr as one line, and nothing is written on error.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from closer_desk import __version__
from closer_desk.core.errors import CloserDeskError

#: Each command module and the top-level commands it registers, in the order of ``--help``
#: (a test keeps the table true).
COMMANDS: dict[str, tuple[str, ...]] = {
    "closer_desk.cli.directory_cmds": ("company", "prospect", "closer"),
    "closer_desk.cli.agenda_cmds": (
        "demo",
        "book",
        "move",
        "cancel",
        "outcome",
        "agenda",
        "convert",
    ),
    # After directory_cmds: it also adds verbs to ``closer``.
    "closer_desk.cli.planning_cmds": ("slots", "zones", "closer"),
    "closer_desk.cli.report_cmds": ("report", "rebook", "pipeline"),
    "closer_desk.cli.desk_cmds": ("desk",),
    "closer_desk.cli.ops_cmds": ("backup",),
    "closer_desk.cli.ics_cmds": ("invite", "export", "import"),
    "closer_desk.cli.mail_cmds": ("mail", "outbox", "replies", "counter"),
    "closer_desk.cli.sync_cmds": ("sync", "subscribe"),
    "closer_desk.cli.busy_cmds": ("busy",),
}
COMMAND_MODULES = tuple(COMMANDS)


_BAD_NAME_ERRNOS = frozenset(
    {errno.ENAMETOOLONG, errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.ELOOP, errno.EINVAL}
)


def _text(value: str) -> str:
    """Every argument that is not a file name must be text: bytes that are not UTF-8 (which
    Python hands over as surrogate escapes) could be neither stored nor printed."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        from closer_desk.cli.words import shorten

        raise argparse.ArgumentTypeError(f"not valid UTF-8 text: {shorten(ascii(value))}") from None
    return value


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors with exit status 2 on one line, checks that every
    argument without a type of its own is text, and notes which command was parsed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.register("type", None, _text)

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        # The sub-command action receives every word after it, file names included: each is
        # checked by the parser of its own command.
        if isinstance(action, argparse._SubParsersAction):
            return arg_string
        return super()._get_value(action, arg_string)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, rest = super().parse_known_args(args, namespace)
        # The innermost parser finishes first: its name ("closer-desk company add") stays.
        if not hasattr(parsed, "command_path"):
            parsed.command_path = " ".join(self.prog.split()[1:])
        return parsed, rest

    def error(self, message: str) -> None:  # type: ignore[override]
        # One line whatever was typed: argparse echoes arguments back, line breaks included.
        shown = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in message)
        self.exit(2, f"{self.prog}: error: {shown}\n")


def _modules_for(argv: Sequence[str] | None) -> tuple[str, ...]:
    """The command modules ``argv`` needs: those of the command it names after the global
    ``--db``, none for ``--version``, every one otherwise (``--help``, a typo, an
    abbreviated option: argparse then sees the whole tree, and says so when it is wrong).
    Building the parsers of all 60 commands costs half a bare interpreter's start."""
    if argv is None:
        return COMMAND_MODULES
    rest = list(argv)
    if rest[:1] == ["--db"]:
        rest = rest[2:]
    elif rest[:1] and rest[0].startswith("--db="):
        rest = rest[1:]
    if rest[:1] == ["--version"]:
        return ()
    word = rest[0] if rest else ""
    return tuple(m for m, names in COMMANDS.items() if word in names) or COMMAND_MODULES


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command tree: the whole of it, or only the part that parsing ``argv`` needs."""
    from closer_desk.cli._common import path_arg

    parser = _Parser(
        prog="closer-desk", description="Agenda of closing calls across companies and time zones."
    )
    parser.add_argument("--version", action="version", version=f"closer-desk {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=path_arg,
        help="agenda file (default: $CLOSER_DESK_DB or the user data dir)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in _modules_for(argv):
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None, *, clock: Callable[[], datetime] | None = None) -> int:
    """Run one command; return the exit status.

    ``clock`` is a zero-argument callable returning an aware "now": every command reads
    "today" from it (tests inject one; the default is the system clock)."""
    _print_any_file_name()
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    args.clock = clock
    args.warnings = []
    args.display_zone = None  # set by a command once it knows which zone it shows times in
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    from closer_desk.cli.messages import describe
    from closer_desk.cli.terminal import clean_output

    try:
        with clean_output():
            status = int(args.func(args) or 0)
            for line in args.warnings:
                print(line, file=sys.stderr)
        return status
    except CloserDeskError as error:
        print(f"closer-desk: {describe(error, args.display_zone)}", file=sys.stderr)
        return 2 if error.bad_input else 1
    except KeyboardInterrupt:
        return 130
    except OverflowError:
        # A date an older version let in (year 1 or 9999) meets a zone conversion. Every
        # writing command is one transaction: it was undone.
        from closer_desk.core.timerange import FIRST_YEAR, LAST_YEAR

        print(
            f"closer-desk: a stored date is outside the supported years {FIRST_YEAR}-"
            f"{LAST_YEAR}; nothing was changed (move or delete that call)",
            file=sys.stderr,
        )
        return 1
    except BrokenPipeError:
        # `closer-desk agenda | head`: the reader left; that is not an error worth a line.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:
        from closer_desk.cli.words import shorten

        print(
            f"closer-desk: {error.strerror or error}: {shorten(str(error.filename or ''))}".rstrip(
                ": "
            ),
            file=sys.stderr,
        )
        # A name the user typed that cannot be a file here (too long, a folder, a missing
        # folder) is bad input; anything else the system refused is not.
        return 2 if error.errno in _BAD_NAME_ERRNOS else 1
    except Exception as error:
        # SQLite outside the engine (a backup, a check): damage found after open, a full
        # disk, a lock... in the same words as the rest, not a traceback.
        from closer_desk.store.durability import agenda_error

        if (meant := agenda_error(args.db, error)) is None:
            raise
        print(f"closer-desk: {describe(meant)}", file=sys.stderr)
        return 2 if meant.bad_input else 1


def _print_any_file_name() -> None:
    """A file name that is not UTF-8 (``--db $'\\xff.sqlite3'``) is printed escaped rather
    than failing after the command did its work."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and getattr(sys.stdout, "errors", "") == "strict":
        reconfigure(errors="backslashreplace")
