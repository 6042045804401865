"""The command line: the same store and core as the window, for scripts and assistants.

Each sub-command lives in a module of this package that exposes ``register(subparsers)``;
the modules are listed in ``COMMAND_MODULES``. Exit status: 0 ok, 2 bad input, 1 anything else;
errors go to stderr as one line, and nothing is written on error.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import sys
from collections.abc import Callable, Sequence
from datetime import datetime

from closer_desk import __version__
from closer_desk.core.errors import CloserDeskError

COMMAND_MODULES = (
    "closer_desk.cli.directory_cmds",
    "closer_desk.cli.agenda_cmds",
    "closer_desk.cli.planning_cmds",  # after directory_cmds: adds verbs to ``closer``
    "closer_desk.cli.report_cmds",
    "closer_desk.cli.desk_cmds",
    "closer_desk.cli.ops_cmds",
    "closer_desk.cli.ics_cmds",
    "closer_desk.cli.busy_cmds",
)


_BAD_NAME_ERRNOS = frozenset(
    {errno.ENAMETOOLONG, errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.ELOOP, errno.EINVAL}
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors with exit status 2 on one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree."""
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
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None, *, clock: Callable[[], datetime] | None = None) -> int:
    """Run one command; return the exit status.

    ``clock`` is a zero-argument callable returning an aware "now": every command reads
    "today" from it (tests inject one; the default is the system clock)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.clock = clock
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    from closer_desk.cli.messages import describe
    from closer_desk.cli.terminal import clean_output

    try:
        with clean_output():
            return int(args.func(args) or 0)
    except CloserDeskError as error:
        print(f"closer-desk: {describe(error)}", file=sys.stderr)
        return 2 if error.bad_input else 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `closer-desk agenda | head`: the reader left; that is not an error worth a line.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:
        from closer_desk.cli.messages import shorten

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
        # SQLite finding damage after open (a page no start-up query read): the same recovery
        # message as at open, not a traceback.
        from closer_desk.store.durability import as_corrupt_error

        if (corrupt := as_corrupt_error(args.db, error)) is None:
            raise
        print(f"closer-desk: {describe(corrupt)}", file=sys.stderr)
        return 1
