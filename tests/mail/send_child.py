"""The process the crash tests kill: ``python -m tests.mail.send_child DB`` runs
``closer-desk --db DB outbox send`` on the suite's fixed clock."""

from __future__ import annotations

import sys

from closer_desk.cli import main
from tests.helpers.factories import FakeClock

if __name__ == "__main__":
    sys.exit(main(["--db", sys.argv[1], "outbox", "send"], clock=FakeClock()))
