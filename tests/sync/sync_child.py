"""``python -m tests.sync.sync_child DB``: ``closer-desk --db DB sync`` on the suite's fixed
clock, in its own process (the kill -9 test kills it mid-sync)."""

from __future__ import annotations

import sys

from tests.helpers.cli import main

if __name__ == "__main__":
    sys.stdout.write("started\n")
    sys.stdout.flush()
    sys.exit(main(["--db", sys.argv[1], "sync"]))
