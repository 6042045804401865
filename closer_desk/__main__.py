"""``closer-desk`` / ``python -m closer_desk``: the window with no command, else the CLI."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def _opens_window(argv: Sequence[str]) -> bool:
    rest = list(argv)
    if rest[:1] == ["--db"] and len(rest) >= 2:
        rest = rest[2:]
    elif rest[:1] and rest[0].startswith("--db="):
        rest = rest[1:]
    return not rest


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of both faces."""
    # The ICS importer parses on every core in worker processes; a frozen (PyInstaller)
    # build must let those workers start here instead of re-running the app. Only a frozen
    # build needs it (freeze_support does nothing otherwise), and importing multiprocessing
    # costs a third of a bare interpreter's start.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    if _opens_window(args):
        from closer_desk.app import main as gui_main

        return gui_main(args)
    from closer_desk.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
