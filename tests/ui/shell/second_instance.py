"""A second start, as a real process: ``python -m tests.ui.shell.second_instance DB ARG...``.

Exits 0 when it forwarded to the first instance (as app.py does), 3 if it became the first.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

from closer_desk.ui.shell.single_instance import claim_first

if __name__ == "__main__":
    app = QCoreApplication(sys.argv[:1])
    first = claim_first(sys.argv[1], sys.argv[2:]) is not None
    sys.exit(3 if first else 0)
